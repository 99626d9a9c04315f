"""F3 in the cashier window opens the history screen (built, and imported, at its first use:
the start-up does not load it)."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence

from pos_app.orders.offload import Offloader
from pos_app.store.history import History
from pos_app.ui.access.gate import ManagerGate
from pos_app.ui.i18n import translate
from pos_app.ui.main_window import MainWindow

if TYPE_CHECKING:
    from pos_app.ui.history.screen import HistoryScreen, Spawn

HISTORY_KEY = Qt.Key.Key_F3


class HistoryLauncher(QObject):
    """The window's History action (F3): opens the one history screen, fresh each time."""

    reprint_requested = Signal(str)
    """The ref whose receipt the history screen asked to print again."""

    def __init__(
        self,
        window: MainWindow,
        store: History,
        executor: Offloader,
        spawn: Spawn,
        *,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.executor = executor
        self._spawn = spawn
        self._tz = tz
        self.screen: HistoryScreen | None = None
        self.manager_gate: ManagerGate | None = None
        """Asked before a full card code shows and before an export (None: not asked)."""
        self.action = QAction(translate("History", "Sales history (F3)"), window)
        self.action.setObjectName("historyAction")
        self.action.setShortcut(QKeySequence(HISTORY_KEY))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.open)
        window.addAction(self.action)  # F3 wherever the focus is in the window

    def open(self) -> HistoryScreen:
        """Show the history screen (built the first time), with the sales as they are now."""
        if self.screen is None:
            from pos_app.ui.history.screen import HistoryScreen

            self.screen = HistoryScreen(
                self.store, self.executor, self._spawn, self.window, tz=self._tz
            )
            self.screen.setWindowFlag(Qt.WindowType.Window)
            self.screen.reprint_requested.connect(self.reprint_requested)
            self.screen.code_was_copied.connect(
                lambda _ref: self.window.status.say(translate("MainWindow", "Card code copied."))
            )
        self.screen.manager_actions.gate = self.manager_gate
        self.screen.open_screen()
        return self.screen


def install_history(
    window: MainWindow,
    store: History,
    executor: Offloader,
    spawn: Spawn,
    *,
    tz: tzinfo | None = None,
) -> HistoryLauncher:
    """Give ``window`` its F3 history screen over ``store`` (its exports run on
    ``executor``, their coroutines through ``spawn``); connect the launcher's
    ``reprint_requested`` to the print service."""
    return HistoryLauncher(window, store, executor, spawn, tz=tz)
