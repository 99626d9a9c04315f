"""The sale screen: type a number, pick a value, Enter for the summary, Enter to sell.

Stages: ENTRY -> SUMMARY -> PLACING -> ENTRY. Only ENTRY accepts typing; only SUMMARY accepts
a confirmation, and the first confirmation leaves SUMMARY at once, so a double Enter or a
double click places one sale. The engine makes the ref when the summary opens: even a
second ``place`` with it would be refused by the engine.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos_app.orders.views import BalanceView
from pos_app.ui import messages
from pos_app.ui.counter import EngineSignals, ProductsView, problem_text
from pos_app.ui.i18n import ltr, translate
from pos_app.ui.sale.number_field import NumberEntry, NumberField
from pos_app.ui.sale.product_grid import ProductChoice, ProductGrid
from pos_app.ui.sale.summary import SaleRequest, SaleSummary

if TYPE_CHECKING:  # made after the first paint (pos_app.orders.views)
    from pos_app.orders import LineCheckView

log = logging.getLogger(__name__)


class Stage(Enum):
    ENTRY = "entry"
    SUMMARY = "summary"
    PLACING = "placing"


def mask_ncli(ncli: str) -> str:
    """The customer number with its middle hidden (kept as is if the server masked it)."""
    if any(ch in ncli for ch in "*xX•") or len(ncli) <= 4:
        return ncli
    return ncli[:2] + "•" * (len(ncli) - 4) + ncli[-2:]


class SalePanel(QWidget):
    """Keyboard-first sale entry over the counter."""

    sale_was_placed = Signal(object)  # OrderView

    def __init__(
        self, counter: EngineSignals, parent: QWidget | None = None, *, keys_later: bool = False
    ) -> None:
        """``keys_later``: the number field's keys act from ``field.take_keys()`` on."""
        super().__init__(parent)
        self.counter = counter
        self.stage = Stage.ENTRY
        self.field = NumberField(self, keys_later=keys_later)
        self.line_info = QLabel(self)
        self.line_info.setObjectName("lineInfo")
        self.line_info.setWordWrap(True)
        self.line_info.setMinimumHeight(self.line_info.fontMetrics().height() + 4)
        self.message = QLabel(self)
        self.message.setObjectName("saleMessage")
        self.message.setWordWrap(True)
        self.grid = ProductGrid(self)
        self.summary = SaleSummary(self)
        self.summary.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.line_info)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        self.setFocusProxy(self.field.edit)

        self._request: SaleRequest | None = None
        self._line: LineCheckView | None = None
        self._asked: tuple[object, str] | None = None

        self.field.entry_did_change.connect(self._on_entry)
        self.field.value_key_pressed.connect(self._on_value_key)
        self.field.submitted.connect(self.submit)
        self.field.escaped.connect(self.escape)
        self.grid.choice_refused.connect(self._say)
        self.grid.choice_did_change.connect(self._on_choice)
        self.summary.confirm_clicked.connect(self.submit)
        self.summary.back_clicked.connect(self.escape)
        counter.products_did_refresh.connect(self._on_products)
        counter.balance_did_refresh.connect(self._on_balance)
        counter.line_did_check.connect(self._on_line)
        counter.recent_numbers_did_change.connect(self.field.set_recent)
        counter.engine_did_attach.connect(self._on_engine_attached)

    # --- keyboard -------------------------------------------------------------------------

    def submit(self) -> None:
        """Enter: open the summary, or (on the summary) place the sale, once."""
        if self.stage is Stage.ENTRY:
            self._open_summary()
        elif self.stage is Stage.SUMMARY:
            self._confirm()
        # PLACING: ignored; the sale is already on its way.

    def escape(self) -> None:
        if self.stage is Stage.SUMMARY:
            self._back_to_entry()
        elif self.stage is Stage.ENTRY:
            self.reset()

    def reset(self) -> None:
        """Ready for the next customer."""
        self._request = None
        self._line = None
        self._asked = None
        self.stage = Stage.ENTRY
        self.summary.hide()
        self.field.edit.setReadOnly(False)
        self.field.clear()
        self.grid.clear_selection()
        self.line_info.clear()
        self.field.edit.setFocus()

    # --- stages ---------------------------------------------------------------------------

    def _open_summary(self) -> None:
        if not self.counter.ready:  # the window painted before the engine: nothing to sell with
            self._say(translate("SalePanel", "Starting up: the sale can be confirmed in a moment."))
            return
        entry = self.field.entry
        if not entry.is_complete or entry.kind is None:
            self._say(
                messages.number_hint(entry.check)
                or translate("SalePanel", "Type a complete line number first.")
            )
            return
        if self._line is not None and self._line.refused and self._matches(self._line):
            self._say(problem_text(self._line) or "")
            return
        choice = self.grid.selected
        if choice is None:
            self._say(translate("SalePanel", "Pick a card value: keys 1-9."))
            return
        offer = self._line.offre if self._line and self._matches(self._line) else None
        self._request = SaleRequest(
            entry.kind,
            entry.check.digits,
            choice.value,
            choice.cost,
            price=choice.value,
            ref=self.counter.new_ref(),
            offer=offer,
        )
        self.stage = Stage.SUMMARY
        self.field.edit.setReadOnly(True)
        self.summary.show_request(self._request)
        self._say("")

    def _confirm(self) -> None:
        request = self._request
        if request is None:
            return
        self.stage = Stage.PLACING  # from here on, Enter and clicks are ignored
        self.summary.set_busy(True)
        self.counter.spawn(self._place(request))

    async def _place(self, request: SaleRequest) -> None:
        from pos_app.orders.engine import SaleRefusedError  # loaded with the engine

        try:
            view = await self.counter.place(
                request.line_type, request.digits, request.value, request.ref, request.price
            )
        except SaleRefusedError as exc:
            self.summary.set_busy(False)
            self._back_to_entry()
            self._say(messages.for_refusal(exc.reason))
            return
        except Exception as exc:  # never leave the panel stuck in PLACING
            log.exception("placing a sale failed")
            self.summary.set_busy(False)
            self._back_to_entry()
            self._say(messages.for_error(exc))
            return
        self.summary.set_busy(False)
        self.sale_was_placed.emit(view)
        self.reset()
        self._say(translate("SalePanel", "Sale recorded. Next customer."))

    def _back_to_entry(self) -> None:
        self.stage = Stage.ENTRY
        self._request = None
        self.summary.hide()
        self.field.edit.setReadOnly(False)
        self.field.edit.setFocus()

    # --- reactions ------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _matches(self, line: LineCheckView) -> bool:
        entry = self.field.entry
        return line.digits == entry.check.digits and line.line_type is entry.kind

    def _on_entry(self, entry: NumberEntry) -> None:
        if entry.kind is not None:
            self.grid.set_kind(entry.kind)
        self._say("")
        if not entry.is_complete or entry.kind is None:
            self.line_info.clear()
            self._asked = None
            return
        key = (entry.kind, entry.check.digits)
        if self._asked == key:
            return
        self._asked = key
        self._line = None
        self.line_info.setText(translate("SalePanel", "Checking the line…"))
        self.line_info.setProperty("state", "pending")
        self.counter.check_line(entry.kind, entry.check.digits)

    def _on_line(self, line: LineCheckView) -> None:
        if not self._matches(line):
            return  # an answer for a number no longer in the field
        self._line = line
        if line.problem:
            self.line_info.setText(problem_text(line) or "")
            self.line_info.setProperty("state", "refused" if line.refused else "unchecked")
        else:
            parts = []
            if line.offre:
                parts.append(translate("SalePanel", "Offer: {offer}").format(offer=line.offre))
            if line.ncli:
                parts.append(
                    translate("SalePanel", "Customer: {ncli}").format(
                        ncli=ltr(mask_ncli(line.ncli))
                    )
                )
            self.line_info.setText(" · ".join(parts) or translate("SalePanel", "Line found."))
            self.line_info.setProperty("state", "ok")
        self.line_info.style().unpolish(self.line_info)
        self.line_info.style().polish(self.line_info)

    def _on_value_key(self, key: int) -> None:
        if self.stage is Stage.ENTRY:
            self.grid.pick_key(key)

    def _on_choice(self, choice: ProductChoice | None) -> None:
        if choice is not None:
            self._say(translate("SalePanel", "Enter: summary"))

    def _on_engine_attached(self) -> None:
        """Ask about the line typed before the engine ran (its check was not sent)."""
        self._asked = None
        if self.stage is Stage.ENTRY:
            self._on_entry(self.field.entry)

    def _on_products(self, view: ProductsView) -> None:
        self.grid.set_products(view.line_type, view.items)

    def _on_balance(self, view: BalanceView) -> None:
        self.grid.set_balance(Decimal(view.amount))

    def focus_number(self) -> None:
        self.field.edit.setFocus()  # Qt.FocusReason.OtherFocusReason (no Qt enum: qt_props)
