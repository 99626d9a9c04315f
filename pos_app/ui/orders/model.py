"""A table model over ``OrderView`` values (newest first), tested without widgets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor

from pos_app.domain.cards import mask_code
from pos_app.domain.money import format_dzd
from pos_app.domain.numbers import LineType, group_number
from pos_app.domain.sale_states import SaleState
from pos_app.orders import OrderView
from pos_app.ui import messages
from pos_app.ui.i18n import ltr, translate

ViewRole = Qt.ItemDataRole.UserRole + 1
MAX_ROWS = 200
_TICKING = frozenset(
    {
        SaleState.WAITING,
        SaleState.SENDING,
        SaleState.UNKNOWN,
        SaleState.ACCEPTED,
        SaleState.VERIFYING,
        SaleState.CODE_PENDING,
    }
)
_COLOURS = {
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


def headers() -> tuple[str, ...]:
    """The column titles in the current language (``COLUMNS`` of them)."""
    return (
        translate("OrderList", "Time"),
        translate("OrderList", "Type"),
        translate("OrderList", "Number"),
        translate("OrderList", "Value"),
        translate("OrderList", "State"),
        translate("OrderList", "Code / reason"),
    )


def elapsed_text(seconds: int) -> str:
    """The time since the sale, short enough for the State column: "45 s", "12 min", "3 h",
    "2 d" (whole units, rounded down)."""
    seconds = max(0, seconds)
    if seconds < 60:
        return translate("OrderList", "{n} s").format(n=seconds)
    if seconds < 3600:
        return translate("OrderList", "{n} min").format(n=seconds // 60)
    if seconds < 86400:
        return translate("OrderList", "{n} h").format(n=seconds // 3600)
    return translate("OrderList", "{n} d").format(n=seconds // 86400)


# The longest elapsed time of each unit, to measure the State column with.
WIDEST_ELAPSED = (59, 59 * 60 + 59, 23 * 3600 + 3599, 99 * 86400)
# A server's running status is shown up to this many characters (HANDLING has 8).
STATUS_CHARS = 8


def state_text(view: OrderView, now: datetime, *, whole: bool = False) -> str:
    """The live state in a few words, with the time since the sale while it runs. Short, so
    that it reads whole in the State column; ``whole`` keeps an unusual server status uncut
    (for the tooltip)."""
    state = view.state
    elapsed = elapsed_text(int((now - view.created_at).total_seconds()))
    if state is SaleState.WAITING:
        return translate("OrderList", "Waiting to send")
    if state is SaleState.SENDING:
        return translate("OrderList", "Sending…")
    if state is SaleState.UNKNOWN:
        return translate("OrderList", "Unconfirmed {elapsed}").format(elapsed=elapsed)
    if state is SaleState.ACCEPTED:
        status = view.server_status or "HANDLING"
        if not whole and len(status) > STATUS_CHARS:
            status = status[: STATUS_CHARS - 1] + "…"
        return translate("OrderList", "{status} {elapsed}").format(status=status, elapsed=elapsed)
    if state is SaleState.QUEUED:
        return translate("OrderList", "QUEUED: 12-48 h")
    if state is SaleState.FULFILLED:
        return translate("OrderList", "Fulfilled")
    if state is SaleState.REFUNDED:
        return translate("OrderList", "Refunded")
    if state is SaleState.REJECTED:
        return translate("OrderList", "Rejected")
    if state is SaleState.VERIFYING:
        return translate("OrderList", "Verifying… {elapsed}").format(elapsed=elapsed)
    if state is SaleState.CODE_PENDING:
        return translate("OrderList", "Code pending… {elapsed}").format(elapsed=elapsed)
    if state is SaleState.CODE_MISSING:
        return translate("OrderList", "No code: manager")
    if state is SaleState.CONFLICT:
        return translate("OrderList", "Conflict: manager")
    return translate("OrderList", "Cancelled")


_SAMPLE_TIME = datetime(2026, 1, 1, tzinfo=UTC)


def _sample_view(state: SaleState) -> OrderView:
    return OrderView(
        ref="SAMPLE",
        line_type=LineType.ADSL,
        number="036362608",
        face_value=1000,
        price=1000,
        state=state,
        server_status="HANDLING",
        card_code=None,
        num_trans=None,
        date_traitement=None,
        failure_code=None,
        failure_reason=None,
        created_at=_SAMPLE_TIME,
        updated_at=_SAMPLE_TIME,
    )


def widest_state_texts() -> list[str]:
    """Every state's text in the current language, each with every longest elapsed time it
    can show: what the State column is measured with."""
    texts = []
    for state in SaleState:
        for seconds in WIDEST_ELAPSED:
            now = _SAMPLE_TIME + timedelta(seconds=seconds)
            texts.append(state_text(_sample_view(state), now))
    return list(dict.fromkeys(texts))


def detail_text(view: OrderView) -> str:
    """The card code (masked) when fulfilled, the reason in plain words when it failed."""
    if view.state is SaleState.FULFILLED:
        return ltr(mask_code(view.card_code or ""))
    if view.state in (SaleState.REFUNDED, SaleState.REJECTED):
        return messages.for_code(view.failure_code)
    if view.state is SaleState.WAITING:
        return translate("OrderList", "Sent as soon as OneClickDZ can be reached.")
    if view.state is SaleState.UNKNOWN:
        return translate(
            "OrderList", "The answer was lost: OneClickDZ is asked what became of the sale."
        )
    if view.state is SaleState.QUEUED:
        return translate(
            "OrderList", "Delivered later by OneClickDZ; the card code will show here."
        )
    if view.state is SaleState.VERIFYING:
        return translate(
            "OrderList", "Refused on retry. No cash back yet: an earlier try may still pass."
        )
    if view.state is SaleState.CODE_PENDING:
        return translate("OrderList", "Fulfilled; the card code is asked for again.")
    if view.state is SaleState.CODE_MISSING:
        return translate("OrderList", "No card code from the server: call the manager.")
    if view.state is SaleState.CONFLICT:
        return translate(
            "OrderList", "Another sale holds this ref on the server: no card to hand over."
        )
    return ""


COLUMNS = 6
_VIEW = int(ViewRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ANSWERED = frozenset({int(Qt.ItemDataRole.DisplayRole), _TOOLTIP, _FOREGROUND, _VIEW})
_COLOURS_MADE: dict[SaleState, QColor | None] = {}


def _colour(state: SaleState) -> QColor | None:
    """The text colour of a state's cells (made once per state)."""
    if state not in _COLOURS_MADE:
        code = _COLOURS.get(state)
        _COLOURS_MADE[state] = QColor(code) if code else None
    return _COLOURS_MADE[state]


class OrderListModel(QAbstractTableModel):
    """Sales of this session, newest first; redraws ticking rows once a second."""

    COL_STATE = 4
    COL_DETAIL = 5

    def __init__(self, parent: Any = None, *, now: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OrderView] = []
        self._fixed: dict[str, tuple[str, str, str, str]] = {}  # by ref: see _fixed_cells
        self._now = now or (lambda: datetime.now(UTC))
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

    # --- data -----------------------------------------------------------------------------

    def upsert(self, view: OrderView) -> None:
        """Insert a new sale at the top, or update it in place."""
        for row, old in enumerate(self._rows):
            if old.ref == view.ref:
                if view.updated_at < old.updated_at:
                    return  # a late, older view
                self._rows[row] = view
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                self._update_timer()
                return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, view)
        self.endInsertRows()
        if len(self._rows) > MAX_ROWS:
            self.beginRemoveRows(QModelIndex(), MAX_ROWS, len(self._rows) - 1)
            for gone in self._rows[MAX_ROWS:]:
                self._fixed.pop(gone.ref, None)
            del self._rows[MAX_ROWS:]
            self.endRemoveRows()
        self._update_timer()

    def view_at(self, row: int) -> OrderView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, ref: str) -> OrderView | None:
        return next((v for v in self._rows if v.ref == ref), None)

    def stop(self) -> None:
        self._timer.stop()

    # --- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMNS

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # Called for every cell and every role on each repaint (about 800 calls for 20
        # rows): the roles the list never answers leave first, the fixed texts are cached.
        if role not in _ANSWERED:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        view = self._rows[row]
        col = index.column()
        if role == _VIEW:
            return view
        if role == _FOREGROUND:
            return _colour(view.state) if col >= self.COL_STATE else None
        return self._text(view, col, whole=role == _TOOLTIP)

    def cell(self, row: int, column: int) -> tuple[str, str | None]:
        """The text a cell shows (as ``data`` gives it) and its colour's name (None: the
        view's): what the list's delegate keys each cell's picture on."""
        if not 0 <= row < len(self._rows) or not 0 <= column < COLUMNS:
            return "", None
        view = self._rows[row]
        colour = _COLOURS.get(view.state) if column >= self.COL_STATE else None
        return self._text(view, column), colour

    def _text(self, view: OrderView, col: int, *, whole: bool = False) -> str:
        if col == self.COL_STATE:
            return state_text(view, self._now(), whole=whole)
        if col == self.COL_DETAIL:
            return detail_text(view)
        if col == 1:
            return messages.type_name(view.line_type)
        return self._fixed_cells(view)[col]

    def _fixed_cells(self, view: OrderView) -> tuple[str, str, str, str]:
        """The time, number and value texts of a sale (column 1, the type, is translated
        when asked): they never change with its state, so they are made once per sale."""
        cells = self._fixed.get(view.ref)
        if cells is None:
            cells = (
                ltr(view.created_at.astimezone().strftime("%H:%M:%S")),
                "",
                ltr(group_number(view.number, view.line_type)),
                ltr(format_dzd(view.face_value)),
            )
            self._fixed[view.ref] = cells
        return cells

    # --- ticking --------------------------------------------------------------------------

    def _update_timer(self) -> None:
        ticking = any(v.state in _TICKING for v in self._rows)
        if ticking and not self._timer.isActive():
            self._timer.start()
        elif not ticking:
            self._timer.stop()

    def _tick(self) -> None:
        """Redraw the elapsed seconds: one ranged signal per second, not one per row."""
        rows = [row for row, view in enumerate(self._rows) if view.state in _TICKING]
        if rows:
            self.dataChanged.emit(
                self.index(rows[0], self.COL_STATE),
                self.index(rows[-1], self.COL_STATE),
                [Qt.ItemDataRole.DisplayRole],
            )
        self._update_timer()
