"""``keyring`` loads at the first use of the keyring, not with the modules that may use it:
a training run (``--demo``, a throwaway database) never loads it, while the real mode still
reads the API key from the keyring (the start-up's memory: README "Performance")."""

from __future__ import annotations

import os
from pathlib import Path

from tests.support.child import child_report

KEY = "ock_live_8f3a2c91d7e4b605Q7zX"

CHILD = """
import json, sys
loaded = lambda: sorted(name for name in sys.modules if name.split(".")[0] == "keyring")
import pos_app.api.keys as keys
import pos_app.keychain, pos_app.orders.sender, pos_app.store, pos_app.store.vault
from pos_app.store import open_store
report = {"imported": loaded()}
store = open_store("sqlite:///" + sys.argv[1], key_in_file=True)  # a training database
store.close()
report["training_store"] = loaded()
keys.store_key(sys.argv[2])
reading = keys.configured_key({})
report["read"] = [reading.source, reading.key == sys.argv[2]]
report["after_reading"] = "keyring" in sys.modules
print(json.dumps(report))
"""


def test_keyring_loads_at_its_first_use_and_the_key_is_still_read_from_it(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ONECLICK_API_KEY"}
    env |= {
        "PYTHON_KEYRING_BACKEND": "tests.support.memory_keyring.MemoryKeyring",
        "POS_DATA_DIR": str(tmp_path / "data"),
    }
    report = child_report("-c", CHILD, str(tmp_path / "training.sqlite3"), KEY, env=env)
    assert report["imported"] == []  # importing what may use the keyring does not load it
    assert report["training_store"] == []  # a throwaway database never asks it
    assert report["read"] == ["keyring", True]  # the real mode still reads the key there
    assert report["after_reading"] is True
