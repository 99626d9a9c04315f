"""Issue 11 item 7 (review finding 11): a stored setting that is not UTF-8 text never stops
the window, its settings dialog or its training mode; it reads as not set (its default) and
the other settings keep their values. Real SQLite files holding Latin-1 bytes, the real
command in a child process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.simulator import SimConfig, Simulator
from pos_app.store import open_store
from pos_app.store.settings import set_preference
from pos_app.ui.settings.shop import ShopSettings
from tests.support.raw_settings import put_raw_setting

ROOT = Path(__file__).resolve().parents[2]
LATIN1 = "Caf\xe9 Salim".encode("latin-1")


def shop_with_latin1(data: Path) -> Path:
    """The shop's database: French, a threshold of 60 000 DA, and a shop name and receipt
    language written by another tool in Latin-1."""
    data.mkdir(exist_ok=True)
    db_file = data / "pos.sqlite3"
    with open_store(f"sqlite:///{db_file}") as store:
        set_preference(store, "language", "fr")
        set_preference(store, "low_balance", "60000")
    put_raw_setting(db_file, "shop.name", LATIN1)
    put_raw_setting(db_file, "receipt.language", b"fran\xe7ais")
    return db_file


def smoke(data: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    child = {k: v for k, v in os.environ.items() if k not in ("ONECLICK_API_KEY", "POS_LANG")}
    child |= {
        "QT_QPA_PLATFORM": "offscreen",
        "POS_DATA_DIR": str(data),
        "PYTHONPATH": str(ROOT),
        "LANG": "C.UTF-8",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "pos_app", "--smoke", *args],
        env=child,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def test_the_settings_dialog_reads_the_others_and_the_default(tmp_path: Path) -> None:
    db_file = shop_with_latin1(tmp_path)
    loaded = ShopSettings(db_url=f"sqlite:///{db_file}", env={}).load()
    assert loaded.problem is None
    assert loaded.shown["shop.name"].value is None and loaded.shown["shop.name"].is_default
    assert loaded.shown["receipt.language"].value is None
    assert loaded.shown["language"].value == "fr"
    assert loaded.shown["low_balance"].value == "60000"


@pytest.mark.slow  # starts the app in a child process
def test_the_window_starts_with_a_key(tmp_path: Path) -> None:
    """A real start (a key): the window, its printing service and its receipt settings read
    the shop's own store; it used to stop with 'Could not decode to UTF-8'."""
    data = tmp_path / "data"
    shop_with_latin1(data)
    with Simulator(SimConfig(key="shop-key", key_type="PRODUCTION")) as sim:
        done = smoke(data, env={"ONECLICK_API_URL": sim.base_url, "ONECLICK_API_KEY": "shop-key"})
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["ok"] and not report["demo"]
    assert report["language"] == "fr" and report["low_balance"] == 60000
    log = (data / "logs" / "pos-app.log").read_text(encoding="utf-8")
    assert "shop.name" in log and "receipt.language" in log
    assert "Caf" not in log and "fran" not in log  # the key named, never the value


@pytest.mark.slow  # starts the app in a child process
def test_training_keeps_the_shops_other_settings(tmp_path: Path) -> None:
    """Training mode reads the shop's settings without a store: one bad value used to empty
    them all (the window came up in the system's language with the default threshold)."""
    data = tmp_path / "data"
    db_file = shop_with_latin1(data)
    before = db_file.stat().st_mtime_ns
    done = smoke(data, "--demo", env={})
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["demo"] and report["language"] == "fr" and report["low_balance"] == 60000
    assert db_file.stat().st_mtime_ns == before  # still left alone
