"""The balance indicator: amount, time of the last refresh, low-balance warning."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pos_app.domain.money import format_dzd
from pos_app.orders import BalanceView
from pos_app.store.settings import DEFAULT_LOW_BALANCE as _DEFAULT_DINARS
from pos_app.ui.i18n import ltr, translate

DEFAULT_LOW_BALANCE = Decimal(_DEFAULT_DINARS)


class BalanceIndicator(QWidget):
    """Shows the last known balance; turns to a warning under ``threshold``."""

    def __init__(
        self, threshold: Decimal = DEFAULT_LOW_BALANCE, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.threshold = threshold
        self.view: BalanceView | None = None
        self.amount = QLabel(translate("BalanceIndicator", "Balance: …"), self)
        self.amount.setObjectName("balanceAmount")
        self.when = QLabel(self)
        self.when.setObjectName("balanceWhen")
        self.warning = QLabel(self)
        self.warning.setObjectName("balanceWarning")
        self.warning.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)  # aligned right (setAlignment would build Qt's enums: qt_props)
        layout.addWidget(self.amount)
        layout.addWidget(self.when)
        layout.addWidget(self.warning)

    @property
    def is_low(self) -> bool:
        return self.view is not None and self.view.amount < self.threshold

    def show_balance(self, view: BalanceView) -> None:
        if self.view is not None and view.fetched_at < self.view.fetched_at:
            return
        self.view = view
        self.amount.setText(
            translate("BalanceIndicator", "Balance: {amount}").format(
                amount=ltr(format_dzd(view.amount))
            )
        )
        self.when.setText(
            translate("BalanceIndicator", "updated {time}").format(
                time=view.fetched_at.astimezone().strftime("%H:%M")
            )
        )
        self.warning.setVisible(self.is_low)
        self.warning.setText(
            translate("BalanceIndicator", "Low balance: top up the account (under {limit})").format(
                limit=ltr(format_dzd(self.threshold))
            )
        )
        self.amount.setProperty("low", self.is_low)
        if self.amount.isVisible():  # else not shown nor polished yet (the cached balance at the
            # paint): its first polish reads "low", and style() would build Qt's enums (qt_props)
            self.amount.style().unpolish(self.amount)
            self.amount.style().polish(self.amount)
