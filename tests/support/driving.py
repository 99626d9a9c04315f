"""``run_window`` (or ``pos-app`` itself) driven from a coroutine on its own event loop, as a
person would use it: the first start's set-up, then the window. What the first-run and the
first-day tests share."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from pos_app.ui.app import run_window
from pos_app.ui.main_window import MainWindow
from pos_app.ui.settings.setup import SetupDialog
from tests.support.waiting import wait_until

Shown = TypeVar("Shown", bound=QWidget)
Drive = Callable[[], Coroutine[Any, Any, None]]
TIMEOUT_MS = 60_000
"""The drive is cancelled (and the window closed) after this long."""


def visible(kind: type[Shown]) -> Shown | None:
    """The visible top-level widget of ``kind``, if any."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


async def shown(kind: type[Shown], timeout: float = 20) -> Shown:
    """The top-level widget of ``kind`` once it is visible."""
    await wait_until(lambda: visible(kind) is not None, timeout, what=kind.__name__)
    widget = visible(kind)
    assert widget is not None
    return widget


def abandon() -> None:
    """Close whatever is open, so that ``run_window`` returns after a failed drive."""
    setup = visible(SetupDialog)
    if setup is not None:
        setup.reject()
    window = visible(MainWindow)
    if window is not None:
        window.close()


def first_start() -> int:
    """``run_window`` as ``pos-app`` calls it when no key is configured, in English."""
    return run_window(demo=False, no_key=True, lang="en")


def run_driven(
    drive: Drive, start: Callable[[], int] = first_start, timeout_ms: int = TIMEOUT_MS
) -> tuple[int, list[BaseException]]:
    """``start()`` (which runs the window's event loop until the window closes), ``drive``
    run on that loop once it turns; the exit status and what the drive raised."""
    failures: list[BaseException] = []
    tasks: list[asyncio.Future[None]] = []

    def finished(task: asyncio.Future[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            failures.append(task.exception())  # type: ignore[arg-type]
            abandon()

    def begin() -> None:
        task = asyncio.ensure_future(drive(), loop=asyncio.get_event_loop())
        task.add_done_callback(finished)
        tasks.append(task)

    def watchdog() -> None:
        if tasks and not tasks[0].done():
            tasks[0].cancel()
            failures.append(TimeoutError("the drive did not finish"))
            abandon()

    QTimer.singleShot(0, begin)
    QTimer.singleShot(timeout_ms, watchdog)
    try:
        code = start()
    finally:
        print("the drive raised:", [repr(failure) for failure in failures])
    return code, failures
