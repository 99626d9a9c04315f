"""The Reprint action (F9, and a button in the status bar) and the wiring of the print service
into the cashier window."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton

from pos_app.orders import OrderView
from pos_app.ui.access import gate
from pos_app.ui.access.gate import ManagerActions, ManagerGate
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
    receipt failed or printed last, else the newest in the list.

    A receipt carries the card code (and its QR). Free: a sale of the list whose code the
    person at the counter may see (they sold it, or a manager allowed it since the last
    switch): their customer is at the counter. Anything else (a sale someone else sold, one
    no longer in the list) asks the manager gate first (:data:`gate.REPRINT`, noted)."""

    def __init__(self, window: MainWindow, service: PrintService) -> None:
        super().__init__(window)
        self.window = window
        self.service = service
        self.manager_actions = ManagerActions(window.counter.spawn, window.status.say)
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

    @property
    def manager_gate(self) -> ManagerGate | None:
        """Asked before printing a card code the counter may not show (None: not asked)."""
        return self.manager_actions.gate

    @manager_gate.setter
    def manager_gate(self, value: ManagerGate | None) -> None:
        self.manager_actions.gate = value

    def needs_manager(self, ref: str) -> bool:
        """Whether reprinting ``ref`` at the counter needs a manager (see the class)."""
        panel = self.window.orders
        view = panel.model.find(ref)
        if view is None:
            return True
        return bool(view.card_code) and panel.is_hidden(view)

    def reprint(self) -> bool:
        """Reprint :meth:`target`; False when there is no sale at all, or while a manager is
        asked to allow it (printed once they did)."""
        ref = self.target()
        if ref is not None and self.needs_manager(ref):
            detail = {"ref": ref, "from": "counter"}
            if self.manager_actions.held(
                gate.REPRINT, detail, self.window, lambda: self.service.reprint(ref)
            ):
                return False
        return self.service.reprint(ref)


def install_printing(window: MainWindow, service: PrintService) -> ReprintControl:
    """Wire ``service`` into ``window``: it hears every sale change, says its outcomes in
    the status bar, and F9 (or the button) reprints."""
    window.counter.order_did_change.connect(service.watch)
    service.message.connect(window.status.say)
    return ReprintControl(window, service)
