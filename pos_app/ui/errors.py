"""Unexpected errors: the traceback goes to the log, the cashier gets one plain line.

Three ways an error escapes the code that should have handled it: a Qt slot raises (Qt hands
it to ``sys.excepthook``), an asyncio task or callback fails (the loop's exception handler),
or a worker thread dies (``threading.excepthook``). ``ErrorReporter`` takes all three; its
``notice`` signal carries the one-line message to the window, on the GUI thread whatever
thread the error came from. Never a traceback in the window.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Signal

from pos_app.domain import redaction
from pos_app.ui import messages

log = logging.getLogger("pos_app.unexpected")


class ErrorReporter(QObject):
    """Logs unexpected errors in full and emits a short, translated notice for each."""

    notice = Signal(str)  # one plain line for the status bar about an unexpected error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.count = 0

    def report(self, error: BaseException | None, where: str) -> None:
        self.count += 1
        if error is None:
            log.error("unexpected error in %s (no exception object)", where)
            self.notice.emit(messages.for_code(None))
            return
        log.error(
            "unexpected error in %s", where, exc_info=(type(error), error, error.__traceback__)
        )
        self.notice.emit(messages.for_error(error))

    # --- hooks ----------------------------------------------------------------------------

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            redaction.report_crash(kind, error, tb)  # logged like any crash, redacted
            return
        self.report(error.with_traceback(tb), "a window event handler")

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or isinstance(args.exc_value, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        self.report(args.exc_value, f"thread {name}")

    def loop_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if isinstance(error, asyncio.CancelledError):
            return
        task = context.get("task") or context.get("future")
        where = getattr(task, "get_name", lambda: None)() or context.get("message", "the loop")
        self.report(error, str(where))

    def install(self, loop: asyncio.AbstractEventLoop) -> Callable[[], None]:
        """Take over the three hooks; returns the function that puts the old ones back."""
        old_hook, old_thread_hook = sys.excepthook, threading.excepthook
        old_handler = loop.get_exception_handler()
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        loop.set_exception_handler(self.loop_handler)

        def uninstall() -> None:
            sys.excepthook, threading.excepthook = old_hook, old_thread_hook
            loop.set_exception_handler(old_handler)

        return uninstall
