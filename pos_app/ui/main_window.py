"""The cashier window: composes the screens; decides nothing itself."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from pos_app.ui.counter import EngineSignals
from pos_app.ui.i18n import translate
from pos_app.ui.qt_props import ALIGN_CENTER, set_props
from pos_app.ui.sale.panel import SalePanel
from pos_app.ui.status.balance import DEFAULT_LOW_BALANCE, BalanceIndicator
from pos_app.ui.status.bar import StatusBar

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent  # its type (and QEvent's): not made at the paint

    from pos_app.ui.orders.panel import OrderPanel


class MainWindow(QMainWindow):
    """Sale on the left, sales in progress on the right, balance on top, status below."""

    close_requested = Signal()  # the app shuts the services down, then closes for real
    reports_requested = Signal()  # F4: the app opens the X/Z reports screen

    def __init__(
        self,
        counter: EngineSignals,
        *,
        training: bool = False,
        no_key: bool = False,
        low_balance: Decimal = DEFAULT_LOW_BALANCE,
        list_later: bool = False,
    ) -> None:
        """``no_key``: training because no API key is configured (not asked for);
        ``low_balance``: the balance indicator warns under it; ``list_later``: the list of
        sales in progress (empty until the engine runs) is built at the first use of
        :attr:`orders`, its title alone standing in for it until then (the first paint), and
        the window's keys (F5, F4, F1) wait for :meth:`complete`."""
        super().__init__()
        self.setWindowTitle(
            translate("MainWindow", "pos-app — ADSL and 4G top-ups")
            + (translate("MainWindow", " [TRAINING]") if training else "")
        )
        self.resize(1280, 720)
        self.counter = counter
        self.sale = SalePanel(counter, self, keys_later=list_later)
        self._stand_in: QWidget | None = _list_stand_in(self) if list_later else None
        self._orders: OrderPanel | None = None if list_later else self._build_orders()
        self.balance = BalanceIndicator(low_balance, parent=self)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.status.set_training(training)

        self.banner = QLabel(
            translate(
                "MainWindow", "TRAINING MODE: local simulator, no real money, nothing is kept"
            ),
            self,
        )
        if no_key:
            self.banner.setText(
                translate(
                    "MainWindow",
                    "No API key is configured, so this is TRAINING MODE: no real money. "
                    "To sell, enter the key in the settings (Ctrl+,) and start again.",
                )
            )
        self.banner.setObjectName("trainingBanner")
        set_props(self.banner, alignment=ALIGN_CENTER)  # the paint reads no Qt enum: qt_props
        self.banner.setVisible(training)
        top = QHBoxLayout()
        heading = QLabel(translate("MainWindow", "Internet top-up"), self)
        heading.setObjectName("heading")
        top.addWidget(heading, 1)
        top.addWidget(self.balance)
        self._top = top
        splitter = QSplitter(parent=self)  # horizontal; QSplitter(self) would build Qt's enums
        splitter.addWidget(self.sale)
        splitter.addWidget(self._stand_in or self.orders)
        self._splitter = splitter
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 720])  # the list needs room for the card code
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        counter.balance_did_refresh.connect(self.balance.show_balance)
        counter.connection_did_change.connect(self.status.show_connection)
        counter.key_did_validate.connect(self.status.show_key)
        self._keys_installed = False
        if not list_later:
            self._install_keys()
        self._may_close = False
        self.sale.focus_number()

    @property
    def orders(self) -> OrderPanel:
        """The list of sales in progress (built here at its first use when painted later)."""
        if self._orders is None:
            self._orders = self._build_orders()
            if self._stand_in is not None:
                sizes = self._splitter.sizes()  # the split stays where it was painted
                self._splitter.replaceWidget(1, self._orders)
                self._splitter.setSizes(sizes)
                self._stand_in.deleteLater()
                self._stand_in = None
        return self._orders

    def complete(self) -> None:
        """Build what the first paint left out: the list of sales in progress and the keys
        (pressed meanwhile, they wait in Qt's queue until the load is done)."""
        _ = self.orders
        self._install_keys()

    def _install_keys(self) -> None:
        """The number field's own keys; F5 refreshes, F4 asks for the reports, F1 opens the
        About box (once)."""
        if self._keys_installed:
            return
        self._keys_installed = True
        self.sale.field.take_keys()  # Enter, Esc, F2 and value digits in the number field
        from PySide6.QtGui import QKeySequence, QShortcut  # their types: after the paint

        from pos_app.ui.about import install_about  # QIcon's type, too

        refresh = QShortcut(QKeySequence("F5"), self)
        refresh.activated.connect(self.counter.refresh_now)
        reports = QShortcut(QKeySequence("F4"), self)
        reports.activated.connect(self.reports_requested)
        install_about(self)  # F1: the About box with the version

    def _build_orders(self) -> OrderPanel:
        from pos_app.ui.orders.panel import OrderPanel

        panel = OrderPanel(self)
        self.counter.order_did_change.connect(panel.show_order)
        panel.code_was_copied.connect(
            lambda _ref: self.status.say(translate("MainWindow", "Card code copied."))
        )
        return panel

    def add_tool_button(self, button: QWidget) -> None:
        """A button at the end of the top row (Settings)."""
        self._top.addWidget(button)

    def allow_close(self) -> None:
        """Called once the services are down: the next close really closes."""
        self._may_close = True
        if self._orders is not None:
            self._orders.model.stop()
        self.status.stop()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt)
        if self._may_close:
            event.accept()
            return
        event.ignore()
        self.close_requested.emit()


def _list_stand_in(parent: QWidget) -> QWidget:
    """Where the list of sales in progress goes, until it is built: its title, as the list
    shows it (the list is empty until the engine runs)."""
    stand_in = QWidget(parent)
    title = QLabel(translate("OrderPanel", "Sales in progress"), stand_in)
    title.setObjectName("ordersTitle")
    layout = QVBoxLayout(stand_in)
    layout.addWidget(title)
    layout.addStretch(1)
    return stand_in
