"""The entry point pauses Python's garbage collector while the program loads
(``pos_app.entry``, ``pos_app.collector``), and turns it back on, the start-up's objects set
aside, before anything runs for long: a command, the set-up, the window once loaded (the
window's smoke report is checked in ``tests/ui/test_paint_first.py``)."""

from __future__ import annotations

import gc

from pos_app import collector
from tests.support.child import child_report

# Runs the entry point in a fresh interpreter with the command line's main (or one command)
# replaced by a probe that records what the collector was doing when it was reached.
_PROBE = """
import gc, json, sys
import pos_app.cli, pos_app.cli.config
from pos_app import collector, entry
seen = {}
def probe(*args, **kwargs):
    seen["paused_in_main"] = not gc.isenabled()
    seen["settled"] = collector.settle()
    seen["on_after"] = gc.isenabled()
    seen["frozen"] = gc.get_freeze_count()
    seen["settled_again"] = collector.settle()
    return 0
def command(*args, **kwargs):
    seen["on_in_command"] = gc.isenabled()
    seen["frozen"] = gc.get_freeze_count()
    return 0
if sys.argv[1] == "main":
    pos_app.cli.main = probe
else:
    pos_app.cli.config.run_config = command
    sys.argv = ["pos-app", "config"]
code = entry.main()
seen["code"] = code
print(json.dumps(seen))
"""


def _probe(mode: str) -> dict[str, object]:
    seen: dict[str, object] = child_report("-c", _PROBE, mode)
    return seen


def test_the_entry_point_pauses_the_collector_until_settled_once() -> None:
    seen = _probe("main")
    assert seen["paused_in_main"] is True
    assert seen["settled"] == 0  # no collection ran while paused
    assert seen["on_after"] is True
    assert isinstance(seen["frozen"], int) and seen["frozen"] > 1000  # the imports' objects
    assert seen["settled_again"] is None  # once only
    assert seen["code"] == 0


def test_a_command_runs_with_the_collector_on() -> None:
    seen = _probe("command")
    assert seen["on_in_command"] is True
    assert isinstance(seen["frozen"], int) and seen["frozen"] > 1000
    assert seen["code"] == 0


def test_settle_without_the_entry_point_changes_nothing() -> None:
    """The command line's ``main`` called directly (as tests do) never freezes anything."""
    enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    assert collector.settle() is None
    assert (gc.isenabled(), gc.get_freeze_count()) == (enabled, frozen)
