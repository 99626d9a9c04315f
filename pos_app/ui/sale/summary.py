"""The summary shown before a sale is placed: what will be sold, and how to confirm."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.domain.money import format_dzd
from pos_app.domain.numbers import LineType, group_number
from pos_app.ui import messages
from pos_app.ui.i18n import ltr, translate
from pos_app.ui.qt_props import NO_FOCUS, PLAIN_TEXT, set_props


@dataclass(frozen=True, slots=True)
class SaleRequest:
    """A sale the cashier is about to confirm; ``ref`` is fixed when the summary opens."""

    line_type: LineType
    digits: str
    value: int
    cost: int
    price: int
    ref: str
    offer: str | None = None


class SaleSummary(QFrame):
    """Type, number, value and price, with Enter to sell and Esc to go back."""

    confirm_clicked = Signal()  # carries nothing: the cashier confirmed the sale shown
    back_clicked = Signal()  # carries nothing: the cashier went back to change it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saleSummary")
        self.title = QLabel(
            translate("SaleSummary", "Check with the customer, then press Enter to sell"), self
        )
        self.title.setObjectName("summaryTitle")
        self.body = QLabel(self)
        self.body.setObjectName("summaryBody")
        set_props(self.body, textFormat=PLAIN_TEXT)  # built at the paint: no Qt enum (qt_props)
        self.sell = QPushButton(translate("SaleSummary", "Sell (Enter)"), self)
        self.sell.setObjectName("sellButton")
        set_props(self.sell, focusPolicy=NO_FOCUS)
        self.back = QPushButton(translate("SaleSummary", "Back (Esc)"), self)
        set_props(self.back, focusPolicy=NO_FOCUS)
        self.sell.clicked.connect(self.confirm_clicked)
        self.back.clicked.connect(self.back_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.sell)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addLayout(buttons)

    def show_request(self, request: SaleRequest) -> None:
        lines = [
            translate("SaleSummary", "Type: {kind}").format(
                kind=messages.type_name(request.line_type)
            ),
            translate("SaleSummary", "Number: {number}").format(
                number=ltr(group_number(request.digits, request.line_type))
            ),
            translate("SaleSummary", "Card value: {value}").format(
                value=ltr(format_dzd(request.value))
            ),
            translate("SaleSummary", "Price to collect: {price}").format(
                price=ltr(format_dzd(request.price))
            ),
        ]
        if request.offer:
            lines.append(translate("SaleSummary", "Offer: {offer}").format(offer=request.offer))
        self.body.setText("\n".join(lines))
        self.sell.setEnabled(True)
        self.show()

    def set_busy(self, busy: bool) -> None:
        self.sell.setEnabled(not busy)
        self.title.setText(
            translate("SaleSummary", "Recording the sale…")
            if busy
            else translate("SaleSummary", "Check with the customer, then press Enter to sell")
        )
