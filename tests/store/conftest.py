"""Store fixtures: a real SQLite file per test (never ``:memory:``) and the shared fake clock
(tests/conftest.py, which also fails a test that leaves a store open).

The store tests import ``START``, ``Clock``, ``new_sale`` and ``sqlite_url`` from here;
``new_sale`` is ``tests.support.sales.numbered_sale``."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pos_app.store import Store, open_store
from tests.support.clock import Clock
from tests.support.sales import numbered_sale as new_sale

__all__ = ["START", "Clock", "new_sale", "sqlite_url", "start_child"]

ROOT = Path(__file__).resolve().parents[2]
START = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def start_child(code: str, *args: str) -> subprocess.Popen[str]:
    """A Python child running ``code`` with the project importable; stdout is a text pipe."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=child_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def clock() -> Clock:
    """The shared fake clock, from START; hand ``clock.now`` to the store."""
    return Clock(START)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "pos.sqlite3"


@pytest.fixture
def db_url(db_path: Path) -> str:
    return sqlite_url(db_path)


@pytest.fixture
def store(db_url: str, clock: Clock) -> Iterator[Store]:
    opened = open_store(db_url, now=clock.now)
    yield opened
    opened.close()
