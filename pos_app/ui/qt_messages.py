"""Qt's own messages (a platform plugin's warnings, ...) routed to the log: imported before
the first paint, so it loads nothing but logging and QtCore."""

from __future__ import annotations

import logging
from collections.abc import Callable


def route_qt_messages() -> Callable[[], None]:
    """Send Qt's own messages (a platform plugin's warnings, ...) to the log, one level down
    (they are for developers: a Qt warning is logged as info), never to the console where
    the command line says its one line; returns the function that puts the previous
    handler back."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("pos_app.qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.DEBUG,
        QtMsgType.QtWarningMsg: logging.INFO,
        QtMsgType.QtCriticalMsg: logging.WARNING,
        QtMsgType.QtFatalMsg: logging.ERROR,
    }

    def to_log(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    previous = qInstallMessageHandler(to_log)

    def restore() -> None:
        qInstallMessageHandler(previous)

    return restore
