"""Fixtures for the whole suite: one fake clock, a guard so that a store left open by one
test fails that test only instead of every test after it, and a keyring in memory.

The clock's class lives in tests/support/clock.py (``from tests.support.clock import Clock``);
a folder that needs another start overrides the ``clock`` fixture in its own conftest.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
from collections.abc import Generator, Iterator
from typing import Any

import keyring
import keyring.core
import pytest

from tests.support.clock import START, Clock
from tests.support.memory_keyring import MemoryKeyring

__all__ = ["START", "Clock"]  # also importable from here, as before tests/support existed


@pytest.fixture
def clock() -> Clock:
    """The fake clock: seconds from 0, ``now()`` from START."""
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


@pytest.fixture(autouse=True, scope="session")
def _data_keys_in_files() -> Iterator[None]:
    """Every database the suite makes (session fixtures' too) keeps its data key in the file
    beside it (``POS_DATA_KEY_STORE=file``), never in a keyring: a child process, which has
    no keyring, opens it as well. tests/store/test_vault.py lifts this for its keyring cases."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("POS_DATA_KEY_STORE", "file")
        yield


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Every test's keyring: an empty one in memory (``keyring.set_keyring``), never the OS
    keyring, restored after the test. Child processes get keyring's null backend (nothing
    kept, nothing read) unless a test names another in ``PYTHON_KEYRING_BACKEND``."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    previous = keyring.core._keyring_backend  # None until first used: nothing is detected here
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.core._keyring_backend = previous


@pytest.fixture(autouse=True)
def _no_log_redaction_carried_over() -> Iterator[None]:
    """An entry point run in-process (``cli.main``, ``run_window``) installs the log redaction
    for good, as a process should: put the record factory and ``sys.excepthook`` back and
    forget the secrets, so the next test starts as it would alone."""
    saved = logging.getLogRecordFactory(), sys.excepthook
    yield
    logging.setLogRecordFactory(saved[0])
    sys.excepthook = saved[1]
    redaction = sys.modules.get("pos_app.domain.redaction")
    if redaction is not None:
        redaction.SECRETS.clear()


QT_FIXTURES = frozenset({"qtbot", "qapp", "qloop", "harness"})


@pytest.fixture(autouse=True)
def _qt_objects_die_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a Qt test and every other fixture's teardown (qtbot closing its widgets among
    them): delete what waits for deferred deletion and collect the test's reference cycles
    here, on the GUI thread. Left to chance, Python's cyclic GC runs in whichever thread
    allocates next, a worker thread of a later test, and a Qt object destroyed there crashes
    the process (seen as a segmentation fault in the next test's set-up)."""
    yield
    if QT_FIXTURES.isdisjoint(request.fixturenames):
        return
    core = sys.modules.get("PySide6.QtCore")
    if core is None or core.QCoreApplication.instance() is None:
        return
    core.QCoreApplication.sendPostedEvents(None, core.QEvent.Type.DeferredDelete)
    gc.collect()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Everything imported and collected so far lives for the whole run: keep it out of the
    collector's scans, so the collection after each Qt test stays cheap."""
    gc.freeze()
