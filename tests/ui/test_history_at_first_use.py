"""The history screen (and its model, CSV export and document) is imported at the first F3,
not when the window installs its launcher (the start-up's memory: README "Performance")."""

from __future__ import annotations

from tests.support.child import run_child

CHILD = """
import sys
names = ("pos_app.ui.history.screen", "pos_app.ui.history.model", "pos_app.store.export")
loaded = lambda: [name for name in names if name in sys.modules]
import pos_app.ui.app
from pos_app.ui.history import HistoryLauncher, install_history
print(loaded())
from pos_app.ui.history import HistoryModel, HistoryScreen
print(loaded(), HistoryScreen.__name__, HistoryModel.__name__)
"""


def test_the_history_screen_loads_at_its_first_use_only() -> None:
    done = run_child("-c", CHILD)
    installed, used = done.stdout.strip().splitlines()[-2:]
    assert installed == "[]"
    assert used.startswith("['pos_app.ui.history.screen', 'pos_app.ui.history.model'")
    assert used.endswith("HistoryScreen HistoryModel")
