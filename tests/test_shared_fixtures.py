"""The suite's own fixtures (tests/conftest.py): the shared fake clock, and the guard that fails
a test leaving a store open (and closes that store)."""

from __future__ import annotations

import ast
import importlib
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import pytest

from tests.support.clock import START, Clock

ROOT = Path(__file__).resolve().parents[1]
CLOCKED = ("orders", "simulator", "store")  # the folders whose conftest uses the clock


def test_clock_reads_seconds_and_datetimes_from_one_time() -> None:
    clock = Clock(datetime(2026, 3, 1, 9, 30, tzinfo=UTC), seconds=1000.0)
    assert clock() == 1000.0
    assert clock.now() == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert clock.advance(90.5) == datetime(2026, 3, 1, 9, 31, 30, 500000, tzinfo=UTC)
    assert clock() == 1090.5
    assert clock.advance(minutes=1, seconds=-0.5) == datetime(2026, 3, 1, 9, 32, 30, tzinfo=UTC)
    clock.current = datetime(2026, 3, 1, 9, 30, 15, 123000, tzinfo=UTC)
    assert clock.current == clock.now() == datetime(2026, 3, 1, 9, 30, 15, 123000, tzinfo=UTC)
    assert clock() == pytest.approx(1015.123)


def test_clock_defaults_and_refusals() -> None:
    clock = Clock()
    assert (clock(), clock.now()) == (0.0, START)
    clock.seconds = 45.0  # the simulator's tests set the time outright
    assert clock.now() == datetime(2026, 6, 1, 9, 0, 45, tzinfo=UTC)
    with pytest.raises(AttributeError):
        cast(Any, clock).now = 5.0  # deliberately: it would hide now() from the store
    with pytest.raises(ValueError, match="aware"):
        Clock(datetime(2026, 1, 1))


def test_folders_share_one_clock_class(clock: Clock) -> None:
    conftests = ["tests.conftest"] + [f"tests.{folder}.conftest" for folder in CLOCKED]
    classes = {vars(importlib.import_module(name))["Clock"] for name in conftests}
    assert classes == {Clock}
    assert isinstance(clock, Clock)


def test_no_test_folder_imports_another() -> None:
    """What two folders share lives in tests/support (plain code) or tests/conftest.py
    (fixtures): a folder imports its own modules, tests.support and tests.conftest only."""
    crossing = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        parts = path.relative_to(ROOT / "tests").parts
        own = {parts[0]} if len(parts) > 1 else set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                folder = name.split(".")[1] if name.startswith("tests.") else None
                if folder is not None and folder not in {"support", "conftest", *own}:
                    crossing.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert crossing == []


LEAKY = """
from pos_app.store import open_store


def url(tmp_path):
    return f"sqlite:///{tmp_path / 'pos.sqlite3'}"


def test_a_leaks(tmp_path, clock):
    open_store(url(tmp_path), now=clock.now)


def test_b_opens_its_own(tmp_path, clock):
    with open_store(url(tmp_path), now=clock.now) as store:
        assert not store.closed


def test_c_fails_and_leaks(tmp_path, clock):
    open_store(url(tmp_path), now=clock.now)
    raise AssertionError("its own failure")


def test_d_opens_its_own(tmp_path, clock):
    with open_store(url(tmp_path), now=clock.now) as store:
        assert not store.closed
"""


def run_leaky(tmp_path: Path, conftest: str) -> str:
    """Run the four tests above in a child pytest; its short summary lines."""
    tmp_path.mkdir()
    (tmp_path / "conftest.py").write_text(conftest, encoding="utf-8")
    (tmp_path / "test_leaky.py").write_text(LEAKY, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rfEp", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.stdout


def outcome(summary: str, test: str) -> str:
    found = re.findall(rf"^(PASSED|FAILED|ERROR) test_leaky\.py::{test}\b.*$", summary, re.M)
    return " ".join(sorted(found))


@pytest.mark.slow  # runs pytest in a child process
def test_a_store_left_open_fails_that_test_only(tmp_path: Path) -> None:
    clock_only = "from tests.conftest import clock  # noqa: F401\n"
    without = run_leaky(tmp_path / "without", clock_only)
    assert outcome(without, "test_a_leaks") == "PASSED", without  # the leak goes unnoticed
    assert outcome(without, "test_b_opens_its_own") == "PASSED", without  # and harms no one

    guard = clock_only + (
        "from tests.conftest import _no_store_left_open, pytest_runtest_makereport  # noqa: F401\n"
    )
    summary = run_leaky(tmp_path / "with", guard)
    assert outcome(summary, "test_a_leaks") == "ERROR PASSED", summary
    assert "a test left a store open (1 released)" in summary, summary
    assert outcome(summary, "test_b_opens_its_own") == "PASSED", summary
    assert outcome(summary, "test_c_fails_and_leaks") == "FAILED", summary  # no second error
    assert outcome(summary, "test_d_opens_its_own") == "PASSED", summary


def test_the_guard_finds_and_closes_an_open_store(tmp_path: Path) -> None:
    from pos_app.store import open_store
    from tests.conftest import _open_stores, _release

    store = open_store(f"sqlite:///{tmp_path / 'pos.sqlite3'}")
    assert _open_stores() == [store]
    _release(_open_stores())
    assert store.closed and _open_stores() == []
