"""The Reprint action (F9, and a button in the status bar) and the wiring of the print service
into the cashier window."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton

from pos_app.orders import OrderView
from pos_app.ui.i18n import translate
from pos_app.ui.main_window import MainWindow
from pos_app.ui.orders.model import ViewRole
from pos_app.ui.orders.panel import OrderPanel
from pos_app.ui.printing.service import PrintService

REPRINT_KEY = Qt.Key.Key_F9


def selected_ref(panel: OrderPanel) -> str | None:
    """The ref of the sale selected in the in-progress list (None: no selection)."""
    rows = panel.table.selectionModel().selectedRows()
    if not rows:
        return None
    view = rows[0].data(ViewRole)
    return view.ref if isinstance(view, OrderView) else None


def newest_ref(panel: OrderPanel) -> str | None:
    """The ref of the newest sale in the in-progress list."""
    view = panel.model.view_at(0)
    return view.ref if view is not None else None


class ReprintControl(QObject):
    """F9 and the status bar's Reprint button: reprint the selected sale, else the one whose
    receipt failed or printed last, else the newest in the list."""

    def __init__(self, window: MainWindow, service: PrintService) -> None:
        super().__init__(window)
        self.window = window
        self.service = service
        self.action = QAction(translate("Printing", "Reprint receipt (F9)"), window)
        self.action.setObjectName("reprintAction")
        self.action.setShortcut(QKeySequence(REPRINT_KEY))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setToolTip(
            translate("Printing", "Print the selected sale's receipt again (marked DUPLICATE).")
        )
        self.action.triggered.connect(self.reprint)
        window.addAction(self.action)  # F9 works wherever the focus is in the window
        self.button = QToolButton(window.status)
        self.button.setObjectName("reprintButton")
        self.button.setDefaultAction(self.action)
        window.status.addPermanentWidget(self.button)

    def target(self) -> str | None:
        """The sale F9 would reprint now."""
        panel = self.window.orders
        return (
            selected_ref(panel)
            or self.service.failed_ref
            or self.service.last_ref
            or newest_ref(panel)
        )

    def reprint(self) -> bool:
        """Reprint :meth:`target`; False when there is no sale at all."""
        return self.service.reprint(self.target())


def install_printing(window: MainWindow, service: PrintService) -> ReprintControl:
    """Wire ``service`` into ``window``: it hears every sale change, says its outcomes in
    the status bar, and F9 (or the button) reprints."""
    window.counter.order_did_change.connect(service.watch)
    service.message.connect(window.status.say)
    return ReprintControl(window, service)
