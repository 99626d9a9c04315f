"""The history table model: every sale the store keeps, newest first, fetched a page at a time.

Pages come from :meth:`pos_app.store.history.History.history_page` (keyset paging), read on
the GUI thread: on a million sales a page takes about 3 ms (20 ms for a combined filter that
matches 1 % of them), so a fetch never stalls the screen; no count is asked (that takes
50-160 ms there). The model never holds a whole card code: only its last four characters.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from pos_app.domain.money import format_dzd
from pos_app.domain.numbers import group_number
from pos_app.domain.sale_states import SaleState
from pos_app.store.history import DEFAULT_PAGE, History, HistoryCursor, HistoryFilter, HistoryRow
from pos_app.ui import messages
from pos_app.ui.i18n import ltr, translate

RowRole: Final = Qt.ItemDataRole.UserRole + 1
"""The :class:`HistoryRow` of an index (any column)."""

DATE_FORMAT: Final = "%Y-%m-%d %H:%M"
TAIL_MASK: Final = "•••• "

COLOURS: Final = {
    SaleState.FULFILLED: "#1b7f3b",
    SaleState.REFUNDED: "#b3261e",
    SaleState.REJECTED: "#b3261e",
    SaleState.CANCELLED: "#6b6b6b",
    SaleState.QUEUED: "#8a5a00",
    SaleState.UNKNOWN: "#8a5a00",
    SaleState.VERIFYING: "#8a5a00",
    SaleState.CODE_PENDING: "#8a5a00",
    SaleState.CODE_MISSING: "#b3261e",
    SaleState.CONFLICT: "#b3261e",
}
"""The State column's colour, as in the counter's in-progress list."""


def state_word(state: SaleState) -> str:
    """A state in a few whole words, as the counter's list says it, without the time since
    the sale (the history is not live)."""
    if state is SaleState.WAITING:
        return translate("OrderList", "Waiting to send")
    if state is SaleState.SENDING:
        return translate("OrderList", "Sending…")
    if state is SaleState.UNKNOWN:
        return translate("History", "Unconfirmed")
    if state is SaleState.ACCEPTED:
        return translate("History", "In progress")
    if state is SaleState.QUEUED:
        return translate("OrderList", "QUEUED: 12-48 h")
    if state is SaleState.FULFILLED:
        return translate("OrderList", "Fulfilled")
    if state is SaleState.REFUNDED:
        return translate("OrderList", "Refunded")
    if state is SaleState.REJECTED:
        return translate("OrderList", "Rejected")
    if state is SaleState.VERIFYING:
        return translate("History", "Verifying")
    if state is SaleState.CODE_PENDING:
        return translate("History", "Code pending")
    if state is SaleState.CODE_MISSING:
        return translate("OrderList", "No code: manager")
    if state is SaleState.CONFLICT:
        return translate("OrderList", "Conflict: manager")
    return translate("OrderList", "Cancelled")


def masked_tail(tail: str | None) -> str:
    """A card code as the history lists it: its last four characters only."""
    return TAIL_MASK + tail if tail else ""


def headers() -> tuple[str, ...]:
    return (
        translate("History", "Date"),
        translate("History", "Type"),
        translate("History", "Number"),
        translate("History", "Value"),
        translate("History", "Paid"),
        translate("History", "State"),
        translate("History", "Card code"),
        translate("History", "Counter"),
        translate("History", "Cashier"),
        translate("History", "Prints"),
    )


class HistoryModel(QAbstractTableModel):
    """Sales matching a :class:`HistoryFilter`, newest first; :meth:`fetchMore` adds the next
    page of ``page`` rows after the last one shown (no gap, no repeat), until none is left."""

    COL_DATE, COL_TYPE, COL_NUMBER, COL_VALUE, COL_PRICE = range(5)
    COL_STATE, COL_CODE, COL_COUNTER, COL_CASHIER, COL_PRINTS = range(5, 10)

    def __init__(
        self,
        store: History,
        parent: Any = None,
        *,
        page: int = DEFAULT_PAGE,
        tz: tzinfo | None = None,
    ) -> None:
        """``tz``: the zone dates are shown in (None: this computer's). Reads nothing until
        the view (or :meth:`setFilter`) asks."""
        super().__init__(parent)
        if page < 1:
            raise ValueError("page must be at least 1")
        self._store = store
        self._page = page
        self._tz = tz
        self._filter = HistoryFilter()
        self._rows: list[HistoryRow] = []
        self._end = False  # the last page was read
        self._fetching = False  # a page is being added (views ask again while told)

    # --- data -----------------------------------------------------------------------------

    @property
    def filter(self) -> HistoryFilter:
        return self._filter

    def setFilter(self, filter: HistoryFilter) -> None:  # noqa: N802 (Qt style, as asked)
        """Show the sales matching ``filter`` from the newest (also re-reads the same filter:
        sales made since show), with the first page read at once."""
        self.beginResetModel()
        self._filter = filter
        self._rows = []
        self._end = False
        self._rows = self._next_page()
        self.endResetModel()

    def row_at(self, row: int) -> HistoryRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def complete(self) -> bool:
        """True once every matching sale is loaded."""
        return self._end

    def _next_page(self) -> list[HistoryRow]:
        before: HistoryCursor | None = self._rows[-1].cursor if self._rows else None
        rows = self._store.history_page(self._filter, before=before, limit=self._page)
        if len(rows) < self._page:
            self._end = True
        return rows

    # --- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(headers())

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and not self._end and not self._fetching

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        try:
            rows = self._next_page()
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
        finally:
            self._fetching = False

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(headers())
        ):
            return headers()[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_STATE and row.failure_code:
                return messages.for_code(row.failure_code)
            if column == self.COL_NUMBER:
                return ltr(row.ref)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_STATE:
            colour = COLOURS.get(row.state)
            return QColor(colour) if colour else None
        return None

    def cell_text(self, row: HistoryRow, column: int) -> str:
        """What ``column`` shows for ``row`` (the PDF export prints the same)."""
        if column == self.COL_DATE:
            return ltr(row.created_at.astimezone(self._tz).strftime(DATE_FORMAT))
        if column == self.COL_TYPE:
            return messages.type_name(row.line_type)
        if column == self.COL_NUMBER:
            return ltr(group_number(row.number, row.line_type))
        if column == self.COL_VALUE:
            return ltr(format_dzd(row.face_value))
        if column == self.COL_PRICE:
            return ltr(format_dzd(row.price))
        if column == self.COL_STATE:
            return state_word(row.state)
        if column == self.COL_CODE:
            return ltr(masked_tail(row.code_tail))
        if column == self.COL_COUNTER:
            return ltr(row.counter)
        if column == self.COL_CASHIER:
            return row.cashier
        if column == self.COL_PRINTS:
            return ltr(str(row.print_count))
        return ""
