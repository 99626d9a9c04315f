"""The product grid: one button per card value of the current line type, from plain data.

``product_choices`` decides (pure, tested without widgets); the grid only draws the choices.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.domain.money import can_afford, format_dzd
from pos_app.domain.numbers import LineType
from pos_app.store import CachedProduct
from pos_app.ui.i18n import ltr, translate
from pos_app.ui.qt_props import ALIGN_CENTER, NO_FOCUS, set_props

COLUMNS = 3


@dataclass(frozen=True, slots=True)
class ProductChoice:
    """One card value as the grid offers it: sellable or not, and why not."""

    key: int  # 1-9: the key that picks it (0: none)
    line_type: LineType
    value: int
    cost: int
    enabled: bool
    reason: str  # empty when enabled


def product_choices(
    kind: LineType, items: tuple[CachedProduct, ...], balance: Decimal | None
) -> list[ProductChoice]:
    """The grid's buttons: out of stock, or costing more than the balance, are disabled."""
    choices = []
    for index, item in enumerate(items):
        reason = ""
        if not item.available:
            reason = translate("ProductGrid", "Out of stock at OneClickDZ.")
        elif balance is not None and not can_afford(balance, item.cost):
            reason = translate("ProductGrid", "More than the balance.")
        choices.append(
            ProductChoice(
                index + 1 if index < 9 else 0, kind, item.value, item.cost, not reason, reason
            )
        )
    return choices


class ProductButton(QPushButton):
    """Face value large, the price to collect below, the key to press in the corner.

    The wholesale cost is never shown: the customer may see the screen (API guidance).
    """

    def __init__(self, choice: ProductChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = choice
        self.setObjectName("productButton")
        self.setCheckable(True)
        set_props(self, focusPolicy=NO_FOCUS)  # no Qt enum at the paint: qt_props
        self.setEnabled(choice.enabled)
        self.setMinimumSize(150, 84)
        self.setToolTip(
            choice.reason
            or translate("ProductGrid", "Press {key} to pick this value.").format(key=choice.key)
        )
        self.setAccessibleName(format_dzd(choice.value))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        key = QLabel(str(choice.key) if choice.key else "", self)
        key.setObjectName("productKey")
        face = QLabel(ltr(format_dzd(choice.value)), self)
        face.setObjectName("productFace")
        set_props(face, alignment=ALIGN_CENTER)
        price = QLabel(
            translate("ProductGrid", "collect {price}").format(price=ltr(format_dzd(choice.value)))
            if choice.enabled
            else choice.reason,
            self,
        )
        price.setObjectName("productPrice")
        set_props(price, alignment=ALIGN_CENTER)
        price.setWordWrap(True)
        # A label with no text interaction passes its clicks on to the button (no
        # WA_TransparentForMouseEvents: Qt's enums are not built at the paint, qt_props).
        for label in (key, face, price):
            label.setProperty("sellable", choice.enabled)
        layout.addWidget(key)
        layout.addWidget(face)
        layout.addWidget(price)


class ProductGrid(QWidget):
    """Draws the choices of the current type; one may be selected."""

    choice_did_change = Signal(object)  # ProductChoice | None
    choice_refused = Signal(str)  # a disabled value was asked for: why

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: dict[LineType, tuple[CachedProduct, ...]] = {}
        self._balance: Decimal | None = None
        self._kind = LineType.ADSL
        self._selected: int | None = None
        self.buttons: list[ProductButton] = []
        self.title = QLabel(self)
        self.title.setObjectName("gridTitle")
        self.empty = QLabel(translate("ProductGrid", "Loading card values…"), self)
        self.empty.setObjectName("gridEmpty")
        self._grid = QGridLayout()
        self._grid.setSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addLayout(self._grid)
        layout.addStretch(1)
        self._rebuild()

    @property
    def kind(self) -> LineType:
        return self._kind

    @property
    def selected(self) -> ProductChoice | None:
        return next(
            (
                b.choice
                for b in self.buttons
                if b.choice.value == self._selected and b.choice.enabled
            ),
            None,
        )

    def choices(self) -> list[ProductChoice]:
        return [b.choice for b in self.buttons]

    def set_products(self, kind: LineType, items: tuple[CachedProduct, ...]) -> None:
        self._items[kind] = items
        if kind is self._kind:
            self._rebuild()

    def set_balance(self, balance: Decimal | None) -> None:
        self._balance = balance
        self._rebuild()

    def set_kind(self, kind: LineType) -> None:
        if kind is not self._kind:
            self._kind = kind
            self._selected = None
            self._rebuild()

    def clear_selection(self) -> None:
        self._selected = None
        self._rebuild()

    def pick_key(self, key: int) -> None:
        """Keys 1-9: select that value, or say why it cannot be sold."""
        button = next((b for b in self.buttons if b.choice.key == key), None)
        if button is None:
            self.choice_refused.emit(
                translate("ProductGrid", "There is no value number {key}.").format(key=key)
            )
        elif not button.choice.enabled:
            self.choice_refused.emit(button.choice.reason)
        else:
            self._select(button.choice.value)

    def _select(self, value: int | None) -> None:
        self._selected = value
        for b in self.buttons:
            b.setChecked(b.choice.value == value)
        self.choice_did_change.emit(self.selected)

    def _rebuild(self) -> None:
        previous = self.selected
        items = self._items.get(self._kind)
        choices = product_choices(self._kind, items or (), self._balance)
        if self.buttons and choices == [b.choice for b in self.buttons]:
            # Nothing to redraw (a balance or catalogue refresh that changed nothing, as after
            # most sales): rebuilding the buttons cost the GUI thread 10-30 ms each time.
            self._show_selection(previous)
            return
        for b in self.buttons:
            self._grid.removeWidget(b)
            b.hide()  # at once: deferred deletion would leave it drawn until the next turn
            b.deleteLater()
        self.buttons = []
        self.title.setText(
            translate("ProductGrid", "{kind} card values").format(
                kind=translate("ProductGrid", "ADSL")
                if self._kind is LineType.ADSL
                else translate("ProductGrid", "4G")
            )
        )
        self.empty.setVisible(not items)
        if items is not None and not items:
            self.empty.setText(translate("ProductGrid", "No card values offered for this type."))
        for i, choice in enumerate(choices):
            button = ProductButton(choice, self)
            button.clicked.connect(lambda _=False, v=choice.value: self._select(v))
            self._grid.addWidget(button, i // COLUMNS, i % COLUMNS)
            self.buttons.append(button)
        self._show_selection(previous)

    def _show_selection(self, previous: ProductChoice | None) -> None:
        for b in self.buttons:
            b.setChecked(b.choice.value == self._selected and b.choice.enabled)
        if self.selected != previous:
            self.choice_did_change.emit(self.selected)
