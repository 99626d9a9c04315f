"""F4 from the counter opens the reports screen (made the first time, kept afterwards; its
module, with the receipts' renderer, is imported then)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from pos_app.orders.offload import Offloader
from pos_app.receipts.settings import ReceiptSettings
from pos_app.store import Store
from pos_app.ui.access.gate import ManagerGate, Spawn
from pos_app.ui.main_window import MainWindow
from pos_app.ui.printing.queue import PrinterQueue

if TYPE_CHECKING:
    from pos_app.ui.reports.screen import ReportScreen


class ReportsOpener(QObject):
    """Shows the window's reports screen when it asks (``MainWindow.reports_requested``);
    the screen's messages go to the window's status bar."""

    def __init__(self, window: MainWindow, make_screen: Callable[[MainWindow], ReportScreen]):
        super().__init__(window)
        self.window = window
        self._make_screen = make_screen
        self.screen: ReportScreen | None = None
        self.manager_gate: ManagerGate | None = None
        """Asked before a period is closed (None: not asked)."""
        window.reports_requested.connect(self.open)

    def open(self) -> ReportScreen:
        """The screen, shown with a fresh X report."""
        if self.screen is None:
            self.screen = self._make_screen(self.window)
            self.screen.message.connect(self.window.status.say)
        self.screen.manager_actions.gate = self.manager_gate
        self.screen.open_screen()
        return self.screen


def install_reports(
    window: MainWindow,
    store: Store,
    executor: Offloader,
    spawn: Spawn,
    *,
    counter: str,
    settings: ReceiptSettings | None,
    language: str,
    refresh_balance: Callable[[], Awaitable[object]] | None = None,
    printer_queue: PrinterQueue | None = None,
) -> ReportsOpener:
    """Wire the reports screen into ``window``: F4 opens it (see :class:`ReportScreen`);
    its prints take turns in ``printer_queue`` (the print service's)."""

    def make_screen(parent: MainWindow) -> ReportScreen:
        from pos_app.ui.reports.screen import ReportScreen  # at the first F4

        return ReportScreen(
            store,
            executor,
            spawn,
            counter=counter,
            settings=settings,
            language=settings.language if settings is not None else language,
            refresh_balance=refresh_balance,
            printer_queue=printer_queue,
            parent=parent,
        )

    return ReportsOpener(window, make_screen)
