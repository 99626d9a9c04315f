"""Unexpected errors: logged with their traceback, shown to the cashier as one line."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QTimer

from pos_app.cli import logfile
from pos_app.ui.errors import ErrorReporter
from tests.support.waiting import run, wait_until
from tests.support.window import Harness

Make = Callable[..., Harness]


def _fail() -> None:
    raise ZeroDivisionError("boom")


def test_errors_from_slots_tasks_and_threads_are_logged_and_shown(
    harness: Make, qloop: qasync.QEventLoop, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness()
    w = h.window
    reporter = ErrorReporter(w)
    reporter.notice.connect(w.status.say)
    uninstall = reporter.install(qloop)

    async def failing_task() -> None:
        await asyncio.sleep(0)
        raise KeyError("lost")

    async def body() -> None:
        QTimer.singleShot(0, _fail)  # a Qt slot that raises
        await wait_until(lambda: reporter.count == 1, what="slot error reported")
        assert w.status.currentMessage().startswith("Unexpected error: ZeroDivisionError")
        h.services.counter.spawn(failing_task())  # a background task that raises
        await wait_until(lambda: reporter.count == 2, what="task error reported")
        assert "KeyError" in w.status.currentMessage()
        worker = threading.Thread(target=_fail, name="worker-x")
        worker.start()
        worker.join()
        await wait_until(
            lambda: "ZeroDivisionError" in w.status.currentMessage() and reporter.count == 3,
            what="thread error reported",
        )

        async def cancelled() -> None:
            await asyncio.sleep(10)

        h.services.counter.spawn(cancelled())
        await asyncio.sleep(0.05)
        await h.services.counter.stop()  # cancels it: not an error
        await asyncio.sleep(0.05)
        assert reporter.count == 3

    with caplog.at_level(logging.ERROR, logger="pos_app.unexpected"):
        try:
            run(qloop, body())
        finally:
            uninstall()
    records = [r for r in caplog.records if r.name == "pos_app.unexpected"]
    assert len(records) == 3 and all(r.exc_info for r in records)  # the traceback, in the log
    assert "worker-x" in records[2].getMessage()
    assert "Traceback" not in w.status.currentMessage()


def test_uninstall_puts_the_old_hooks_back(qloop: qasync.QEventLoop) -> None:
    import sys

    before = (sys.excepthook, threading.excepthook, qloop.get_exception_handler())
    uninstall = ErrorReporter().install(qloop)
    assert sys.excepthook is not before[0]
    uninstall()
    assert (sys.excepthook, threading.excepthook, qloop.get_exception_handler()) == before


def test_window_log_goes_to_a_file_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    root = logging.getLogger()
    handlers = list(root.handlers)
    logfile.log_to_file()
    added = [h for h in root.handlers if h not in handlers]
    try:
        assert len(added) == 1
        assert not (tmp_path / "logs" / "pos-app.log").exists()  # nothing logged: no file
        logging.getLogger("pos_app.test").warning("counter 3 offline")
        added[0].flush()
        text = (tmp_path / "logs" / "pos-app.log").read_text(encoding="utf-8")
        assert "WARNING pos_app.test: counter 3 offline" in text
    finally:
        for handler in added:
            root.removeHandler(handler)
            handler.close()
