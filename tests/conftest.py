"""Fixtures for the whole suite: one fake clock, and a guard so that a store left open by one
test fails that test only instead of every test after it.

Import the clock with ``from tests.conftest import Clock`` (``tests`` is a package).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Generator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

# The engine and simulator tests start here (tests/orders/conftest.py: START); other folders
# pass their own start.
START = datetime(2026, 6, 1, 9, 0, 0, tzinfo=UTC)


class Clock:
    """A fake time that moves only when told, read two ways: ``clock()`` is seconds (the
    simulator's clock), ``clock.now()`` the UTC datetime ``start`` plus the seconds elapsed
    since the clock was made (the store's and the engine's clock)."""

    __slots__ = ("origin", "seconds", "start")  # so that ``clock.now = 5`` cannot hide now()

    def __init__(self, start: datetime = START, *, seconds: float = 0.0) -> None:
        if start.tzinfo is None:
            raise ValueError("the fake clock needs an aware start time")
        self.start = start
        self.origin = seconds
        self.seconds = seconds

    def __call__(self) -> float:
        return self.seconds

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds - self.origin)

    def advance(self, seconds: float = 0.0, **delta: float) -> datetime:
        """Move on by ``seconds`` plus any ``timedelta`` keywords (``minutes=1``; negative
        goes back); the new ``now()``."""
        self.seconds += seconds + timedelta(**delta).total_seconds()
        return self.now()

    @property
    def current(self) -> datetime:
        """``now()``; setting it moves the clock to that moment."""
        return self.now()

    @current.setter
    def current(self, moment: datetime) -> None:
        self.seconds = self.origin + (moment - self.start).total_seconds()


@pytest.fixture
def clock() -> Clock:
    return Clock()


# -- a store left open ------------------------------------------------------------------------


def _open_stores() -> list[Any]:
    """The stores opened and not closed (none when the store was never imported)."""
    base = sys.modules.get("pos_app.store.base")
    return base.open_stores() if base is not None else []


def _release(stores: list[Any]) -> None:
    """Close the stores a test left open (their files, and their connections, are freed)."""
    for store in stores:
        with contextlib.suppress(Exception):  # a transaction left open: closed all the same
            store.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep each phase's report on the test (``item.report_call``) for the guard below."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(autouse=True)
def _no_store_left_open(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that passed but left a store open, and close that store either way.

    Set up before and torn down after the test's other fixtures, so a store that one of them
    closes does not count. A test that already failed or was skipped keeps its own outcome
    (the open store is then a consequence, not news)."""
    yield
    leaked = _open_stores()
    if not leaked:
        return
    _release(leaked)
    phases = [getattr(request.node, f"report_{when}", None) for when in ("setup", "call")]
    if all(report is not None and report.passed for report in phases):
        pytest.fail(f"a test left a store open ({len(leaked)} released)", pytrace=False)


@pytest.fixture(autouse=True)
def _no_refused_key_carried_over() -> Iterator[None]:
    """A key one test had refused is not refused in the next (the client remembers refused
    keys process-wide, as a shop's process must)."""
    yield
    client = sys.modules.get("pos_app.api.client")
    if client is not None:
        client.REFUSED_KEYS.clear()
