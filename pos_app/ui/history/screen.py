"""The history screen (F3 from the counter, Esc closes): every sale the store keeps, newest
first, searched as the cashier types and filtered by days, state, type, counter and cashier.

From the selected sale: reprint (F9, asked of the window's print service through
:attr:`HistoryScreen.reprint_requested`), its card code shown large only on purpose (Enter or
the Show button; hidden again as soon as the selection changes or the screen closes), the code
copied (Ctrl+Shift+C); the filtered view exported to CSV (Ctrl+E) or PDF (Ctrl+Shift+E).
The table lists only each card code's last four characters.

An export reads the store on the window's worker pool, never on the GUI thread (a million
sales take tens of seconds): the screen says it is running, its export buttons wait, Cancel
stops it between two batches (no file left, not even a partial one), and one line says how
many sales were written, or that it was cancelled or failed. Only the PDF's drawing, capped
at :data:`PDF_ROW_LIMIT` rows, runs on the GUI thread, a page at a time with the loop turning
between pages (Cancel is honoured there too). Closing the screen cancels an export.
"""

from __future__ import annotations

import asyncio
import errno
import logging
from collections.abc import Awaitable, Callable, Coroutine, Generator
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import Any, Final, Literal

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.cards import group_code
from pos_app.domain.money import format_dzd
from pos_app.domain.numbers import LineType, group_number
from pos_app.domain.sale_states import SaleState
from pos_app.orders.offload import Offloader
from pos_app.store.history import History, HistoryFilter, HistoryRow
from pos_app.ui import messages
from pos_app.ui.access.gate import (
    CODE_COPY,
    CODE_SHOW,
    EXPORT_CSV,
    EXPORT_PDF,
    REPRINT,
    ManagerActions,
)
from pos_app.ui.history.document import PDF_ROW_LIMIT, write_pdf_pages
from pos_app.ui.history.exporting import ExportCancelledError, ExportRun
from pos_app.ui.history.filters import day_range, describe, week_start
from pos_app.ui.history.model import HistoryModel, RowRole, headers, state_word
from pos_app.ui.i18n import ltr, translate
from pos_app.ui.orders.code_box import CodeBox, copy_card_code

log = logging.getLogger(__name__)

SEARCH_DELAY_MS: Final = 200
"""The search runs this long after the last key typed."""

ANY_DAY: Final = QDate(2000, 1, 1)
"""A date box at this date means "no bound" (it shows "Any day")."""

_COLUMN_SAMPLES: Final = (
    "2026-12-31 23:59",
    "ADSL",
    "213 472 73 16 02",
    format_dzd(10_000),
    format_dzd(10_000),
    "",
    "•••• 0000",
    "C01",
    "Abdelkader",
    "99",
)
_SPARE = 10  # pixels of air beside a column's widest text

SavePath = Callable[[str, str, str], str]
"""Asks where to save: (caption, suggested file name, file type filter) -> path or ""."""

Spawn = Callable[[Coroutine[Any, Any, Any]], None]
"""Runs a coroutine on the window's loop (owned by the window: cancelled when it closes)."""

PROGRESS_MS: Final = 250
"""How often the running export's count of sales is shown again."""


@dataclass(frozen=True)
class ExportOutcome:
    """How an export ended: ``rows`` written to ``path`` ("written"), or nothing written
    ("cancelled", "failed"); ``text`` is the line the screen shows."""

    kind: Literal["csv", "pdf"]
    path: Path
    status: Literal["written", "cancelled", "failed"]
    rows: int
    text: str


def _ask_save_path(parent: QWidget) -> SavePath:
    def ask(caption: str, suggested: str, kinds: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, kinds)
        return path

    return ask


def csv_headers() -> dict[str, str]:
    """The export's column titles in the window's language."""
    return {
        "created_at": translate("History", "Date"),
        "ref": translate("History", "Ref"),
        "line_type": translate("History", "Type"),
        "number": translate("History", "Number"),
        "face_value": translate("History", "Value"),
        "price": translate("History", "Paid"),
        "state": translate("History", "State"),
        "card_code": translate("History", "Card code (last 4)"),
        "num_trans": translate("History", "Transaction"),
        "failure_code": translate("History", "Failure"),
        "cashier": translate("History", "Cashier"),
        "counter": translate("History", "Counter"),
        "print_count": translate("History", "Prints"),
    }


class ValuesBox(QComboBox):
    """A filter box: "All ..." first, then the values the store lists, read again each time
    the box gets the focus or opens (the first reading of a large history takes a moment,
    so it is not done before the box is used)."""

    def __init__(
        self, any_text: str, values: Callable[[], list[str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._values = values
        self.addItem(any_text, None)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def refresh(self) -> None:
        chosen = self.currentData()
        found = self._values()
        shown = [self.itemData(i) for i in range(1, self.count())]
        if found == shown:
            return
        self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        for value in found:
            self.addItem(ltr(value) if value.isascii() else value, value)
        at = self.findData(chosen) if chosen is not None else 0
        self.setCurrentIndex(max(at, 0))
        self.blockSignals(False)

    def selected(self) -> frozenset[str]:
        value = self.currentData()
        return frozenset({value}) if isinstance(value, str) else frozenset()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt)
        self.refresh()
        super().focusInEvent(event)

    def showPopup(self) -> None:  # noqa: N802 (Qt)
        self.refresh()
        super().showPopup()


class HistoryScreen(QDialog):
    """Every sale, searched and filtered; the selected one reprinted, shown or copied."""

    reprint_requested = Signal(str)
    """The ref of the sale whose receipt the cashier asked to print again."""
    code_was_copied = Signal(str)
    """The ref of the sale whose card code went to the clipboard."""
    export_finished = Signal(object)
    """An :class:`ExportOutcome`: an export ended (written, cancelled or failed)."""

    def __init__(
        self,
        store: History,
        executor: Offloader,
        spawn: Spawn,
        parent: QWidget | None = None,
        *,
        tz: tzinfo | None = None,
        today: Callable[[], date] | None = None,
        search_delay_ms: int = SEARCH_DELAY_MS,
    ) -> None:
        """``executor``: the window's worker pool, where exports read the store; ``spawn``
        runs their coroutines on the window's loop. ``tz``: the zone of the dates shown and
        of the days picked (None: this computer's); ``today``: the local date the quick
        buttons start from. Reads nothing until :meth:`open_screen`."""
        super().__init__(parent)
        self.setObjectName("historyScreen")
        self.setWindowTitle(translate("History", "Sales history"))
        self.resize(1240, 700)
        self.store = store
        self.executor = executor
        self._spawn = spawn
        self.export_run: ExportRun | None = None
        """The export under way (None: none)."""
        self.on_export_batch: Callable[[int], None] | None = None
        """Called on the worker after each batch an export reads, with the rows so far."""
        self._tz = tz
        self._today = today or (lambda: datetime.now(UTC).astimezone(tz).date())
        self.ask_save_path: SavePath = _ask_save_path(self)
        self.model = HistoryModel(store, self, tz=tz)
        self.shown_code: str | None = None  # the ref whose full code the code box shows
        self.manager_actions = ManagerActions(spawn, self._say)
        """A full card code and the exports are a manager's (its gate: the launcher's)."""

        self.search = QLineEdit(self)
        self.search.setObjectName("historySearch")
        self.search.setPlaceholderText(
            translate("History", "Number, ref or the card code's last digits")
        )
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(search_delay_ms)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._search_entered)

        self.since = self._date_box()
        self.until = self._date_box()
        self.today_button = self._button(translate("History", "Today"), self.show_today)
        self.week_button = self._button(translate("History", "This week"), self.show_week)
        self.all_days_button = self._button(translate("History", "All days"), self.show_all_days)

        self.state_box = QComboBox(self)
        self.state_box.addItem(translate("History", "All states"), None)
        for state in SaleState:
            self.state_box.addItem(state_word(state), state.value)
        self.type_box = QComboBox(self)
        self.type_box.addItem(translate("History", "All types"), None)
        for kind in LineType:
            self.type_box.addItem(messages.type_name(kind), kind.value)
        self.counter_box = ValuesBox(
            translate("History", "All counters"), lambda: store.history_values("counter"), self
        )
        self.cashier_box = ValuesBox(
            translate("History", "All cashiers"), lambda: store.history_values("cashier"), self
        )
        for box in (self.state_box, self.type_box, self.counter_box, self.cashier_box):
            box.currentIndexChanged.connect(self.apply_filter)

        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(HistoryModel.COL_CASHIER, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.show_code())
        self.table.selectionModel().selectionChanged.connect(self.hide_code)
        self.model.modelReset.connect(self.hide_code)
        self.model.modelReset.connect(self._show_count)
        self.model.rowsInserted.connect(self._show_count)

        # The card code, large, only when asked for: what the cashier reads out again.
        self.code_box = CodeBox(self, copy_text=translate("History", "Copy code (Ctrl+Shift+C)"))
        self.code_box.copy_requested.connect(self.copy_code)
        self.code_caption = self.code_box.caption
        self.code_label = self.code_box.label
        self.code_detail = QLabel(self.code_box)
        self.code_detail.setWordWrap(True)
        self.code_box.lines.addWidget(self.code_detail)

        self.reprint_button = self._button(translate("History", "Reprint (F9)"), self.reprint)
        self.show_button = self._button(translate("History", "Show code (Enter)"), self.show_code)
        self.copy_button = self._button(
            translate("History", "Copy code (Ctrl+Shift+C)"), self.copy_code
        )
        self.csv_button = self._button(translate("History", "Export CSV (Ctrl+E)"), self.export_csv)
        self.pdf_button = self._button(
            translate("History", "Export PDF (Ctrl+Shift+E)"), self.export_pdf
        )
        self.close_button = self._button(translate("History", "Close (Esc)"), self.reject)
        self.cancel_export_button = self._button(
            translate("History", "Cancel export"), self.cancel_export
        )
        self.cancel_export_button.hide()
        self.export_status = QLabel(self)
        self.export_status.setObjectName("historyExportStatus")
        self.export_status.hide()
        self._export_target: Path | None = None
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(PROGRESS_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("historyCount")
        self.message = QLabel(self)
        self.message.setObjectName("historyMessage")

        for keys, slot in (
            ("F9", self.reprint),
            ("Ctrl+Shift+C", self.copy_code),
            ("Ctrl+E", self.export_csv),
            ("Ctrl+Shift+E", self.export_pdf),
            ("Ctrl+F", self.focus_search),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            self.addAction(action)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(QLabel(translate("History", "From"), self))
        search_row.addWidget(self.since)
        search_row.addWidget(QLabel(translate("History", "To"), self))
        search_row.addWidget(self.until)
        search_row.addWidget(self.today_button)
        search_row.addWidget(self.week_button)
        search_row.addWidget(self.all_days_button)
        filter_row = QHBoxLayout()
        for box in (self.state_box, self.type_box, self.counter_box, self.cashier_box):
            filter_row.addWidget(box)
        filter_row.addStretch(1)
        filter_row.addWidget(self.count_label)
        action_row = QHBoxLayout()
        for button in (self.reprint_button, self.show_button, self.copy_button):
            action_row.addWidget(button)
        action_row.addWidget(self.message, 1)
        action_row.addWidget(self.export_status)
        action_row.addWidget(self.cancel_export_button)
        for button in (self.csv_button, self.pdf_button, self.close_button):
            action_row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addLayout(filter_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.code_box)
        layout.addLayout(action_row)
        self.size_columns()

    # --- building -------------------------------------------------------------------------

    def _date_box(self) -> QDateEdit:
        box = QDateEdit(self)
        box.setDisplayFormat("yyyy-MM-dd")
        box.setCalendarPopup(True)
        box.setMinimumDate(ANY_DAY)
        box.setSpecialValueText(translate("History", "Any day"))
        box.setDate(ANY_DAY)
        box.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a date reads left to right
        box.dateChanged.connect(self.apply_filter)
        return box

    def _button(self, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)  # Enter belongs to the table and the search box
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def size_columns(self) -> None:
        """Fit each column to its widest text in the current language (every state word
        reads whole); the last column takes the rest."""
        table = self.table
        table.ensurePolished()
        header = table.horizontalHeader()
        header.ensurePolished()
        metrics = table.fontMetrics()
        head_font = QFont(header.font())
        head_font.setBold(True)  # the style sheet sets headers in bold; font() does not say so
        head_metrics = QFontMetrics(head_font)
        style = table.style()
        pad = 2 * style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + _SPARE
        head_pad = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 8
        titles = headers()
        for column, sample in enumerate(_COLUMN_SAMPLES):
            texts = [sample]
            if column == HistoryModel.COL_STATE:
                texts = [state_word(state) for state in SaleState]
            if column == HistoryModel.COL_TYPE:
                texts += [messages.type_name(kind) for kind in LineType]
            width = max(
                max(metrics.horizontalAdvance(ltr(text)) for text in texts) + pad,
                head_metrics.horizontalAdvance(titles[column]) + head_pad,
            )
            header.resizeSection(column, width)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.size_columns()
        super().changeEvent(event)

    # --- opening and keys -----------------------------------------------------------------

    def open_screen(self) -> None:
        """Show the screen with the sales as they are now, the search box focused."""
        self.model.setFilter(self.current_filter())
        self.show()
        self.raise_()
        self.activateWindow()
        self.focus_search()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        """Down in the search box goes to the table (its first sale selected)."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        ):
            self._into_table()
            return True
        return super().eventFilter(watched, event)

    def _search_entered(self) -> None:
        if self._search_timer.isActive():  # search now, not 200 ms later
            self._search_timer.stop()
            self.apply_filter()
        self._into_table()

    def _into_table(self) -> None:
        if self.model.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.selectionModel().hasSelection():
            self.select_row(0)

    def select_row(self, row: int) -> None:
        """Select sale ``row`` and make it current. (``QTableView.selectRow`` selects nothing
        right to left while the last column stretches to the viewport's edge.)"""
        index = self.model.index(row, 0)
        if not index.isValid():
            return
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def done(self, result: int) -> None:
        """Closing (Esc, the Close button) hides the code first: it is not shown again
        when the screen reopens; an export under way is cancelled."""
        self.hide_code()
        self.cancel_export()
        self._search_timer.stop()
        super().done(result)

    # --- filters --------------------------------------------------------------------------

    def current_filter(self) -> HistoryFilter:
        """What the boxes ask for."""
        first = None if self.since.date() == ANY_DAY else self.since.date().toPython()
        last = None if self.until.date() == ANY_DAY else self.until.date().toPython()
        since, until = day_range(first, last, self._tz)  # type: ignore[arg-type]
        state = self.state_box.currentData()
        kind = self.type_box.currentData()
        return HistoryFilter(
            text=self.search.text(),
            since=since,
            until=until,
            states=frozenset({SaleState(state)}) if state else frozenset(),
            line_types=frozenset({LineType(kind)}) if kind else frozenset(),
            counters=self.counter_box.selected(),
            cashiers=self.cashier_box.selected(),
        )

    def apply_filter(self) -> None:
        """Show the sales matching the boxes, from the newest (skipped while hidden)."""
        self._search_timer.stop()
        if not self.isVisible():
            return
        wanted = self.current_filter()
        if wanted != self.model.filter or self.model.rowCount() == 0:
            self.model.setFilter(wanted)

    def _set_days(self, first: date | None, last: date | None) -> None:
        for box, day in ((self.since, first), (self.until, last)):
            box.blockSignals(True)
            box.setDate(QDate(day.year, day.month, day.day) if day is not None else ANY_DAY)
            box.blockSignals(False)
        self.apply_filter()

    def show_today(self) -> None:
        today = self._today()
        self._set_days(today, today)

    def show_week(self) -> None:
        today = self._today()
        first_weekday = self.locale().firstDayOfWeek().value
        self._set_days(week_start(today, first_weekday), today)

    def show_all_days(self) -> None:
        self._set_days(None, None)

    def _show_count(self) -> None:
        rows = self.model.rowCount()
        if rows == 0:
            text = translate("History", "No sale matches.")
        elif self.model.complete:
            text = translate("History", "{n} sale(s)").format(n=ltr(f"{rows:,}".replace(",", " ")))
        else:
            text = translate("History", "{n} sales shown, more as you scroll").format(
                n=ltr(f"{rows:,}".replace(",", " "))
            )
        self.count_label.setText(text)

    # --- the selected sale ----------------------------------------------------------------

    def selected_row(self) -> HistoryRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].data(RowRole)
        return row if isinstance(row, HistoryRow) else None

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _selected_or_say(self) -> HistoryRow | None:
        row = self.selected_row()
        if row is None:
            self._say(translate("History", "Select a sale first."))
        return row

    def reprint(self) -> str | None:
        """Ask for the selected sale's receipt again; its ref (None: nothing selected, or a
        manager must allow it first). A receipt carrying a card code (its QR too) is a
        manager's to print again: the gate asks, and runs this again once allowed."""
        row = self._selected_or_say()
        if row is None:
            return None
        if row.code_tail and self.manager_actions.held(
            REPRINT, {"ref": row.ref}, self, self.reprint
        ):
            return None
        self.reprint_requested.emit(row.ref)
        self._say(translate("History", "Reprint asked for {ref}.").format(ref=ltr(row.ref)))
        return row.ref

    def _full_code(self, row: HistoryRow) -> str | None:
        """The whole card code of ``row``; None when it has none, or when its stored code
        cannot be read (then the screen says why: a code kept, under another data key)."""
        code = self.store.full_card_codes([row.id]).get(row.id)
        if code is None and row.code_tail:
            self._say(
                translate(
                    "History",
                    "This sale's card code cannot be read: the data key does not match this "
                    "database. Put back the key file or keyring entry kept with it; "
                    "pos-app verify says which.",
                )
            )
        return code

    def show_code(self) -> str | None:
        """Show the selected sale large: its whole card code (read from the store now) when
        it has one, else its state and why. The code goes as soon as the selection changes."""
        row = self._selected_or_say()
        if row is None:
            return None
        if row.code_tail and self.manager_actions.held(
            CODE_SHOW, {"ref": row.ref}, self, self.show_code
        ):
            return None
        code = self._full_code(row) if row.code_tail else None
        self.code_caption.setText(
            translate("History", "Card code · {number} · {value}").format(
                number=ltr(group_number(row.number, row.line_type)),
                value=ltr(format_dzd(row.face_value)),
            )
            if code
            else translate("History", "{state} · {number} · {value}").format(
                state=state_word(row.state),
                number=ltr(group_number(row.number, row.line_type)),
                value=ltr(format_dzd(row.face_value)),
            )
        )
        self.code_label.setText(group_code(code) if code else "")
        self.code_label.setVisible(code is not None)
        details = [translate("History", "Ref: {ref}").format(ref=ltr(row.ref))]
        if row.num_trans:
            details.append(
                translate("History", "Transaction: {number}").format(number=ltr(row.num_trans))
            )
        if row.failure_code:
            details.append(messages.for_code(row.failure_code))
        self.code_detail.setText(" · ".join(details))
        self.shown_code = row.ref if code else None
        self.code_box.show()
        return code

    def hide_code(self) -> None:
        self.shown_code = None
        self.code_label.clear()
        self.code_box.hide()

    def copy_code(self) -> str | None:
        """Put the selected sale's whole card code on the clipboard (not on the screen)."""
        row = self._selected_or_say()
        if row is None:
            return None
        if row.code_tail and self.manager_actions.held(
            CODE_COPY, {"ref": row.ref}, self, self.copy_code
        ):
            return None
        if not row.code_tail:
            self._say(translate("History", "This sale has no card code."))
            return None
        code = self._full_code(row)
        if code is None:  # unreadable: said by _full_code
            return None
        copy_card_code(code)
        self.code_was_copied.emit(row.ref)
        self._say(translate("History", "Card code copied."))
        return code

    # --- exports --------------------------------------------------------------------------

    def _export_path(self, path: Path | None, caption: str, suffix: str, kinds: str) -> Path | None:
        if path is not None:
            return path
        suggested = f"sales-{self._today().isoformat()}.{suffix}"
        chosen = self.ask_save_path(caption, suggested, kinds)
        if not chosen:
            return None
        found = Path(chosen)
        return found if found.suffix else found.with_suffix(f".{suffix}")

    @property
    def exporting(self) -> bool:
        """An export is under way."""
        return self.export_run is not None

    def export_csv(self, path: Path | None = None) -> bool:
        """Start writing the sales of the current filter to a CSV file (asked for when
        ``path`` is None) on the worker pool; False when not started (an export is under
        way, or no file was chosen). :attr:`export_finished` tells how it ended."""
        if self.exporting:
            return False
        if self.manager_actions.held(EXPORT_CSV, None, self, lambda: self.export_csv(path)):
            return False
        self.apply_filter()
        target = self._export_path(
            path,
            translate("History", "Export the sales to CSV"),
            "csv",
            translate("History", "CSV files (*.csv)"),
        )
        if target is None:
            return False
        run = self._start_export(target)
        filter, titles, tz = self.model.filter, csv_headers(), self._tz

        async def work() -> int:
            written: int = await self.executor.run(
                lambda: run.write_csv(filter, target, headers=titles, tz=tz)
            )
            return written

        self._spawn(self._export(run, "csv", target, work))
        return True

    def export_pdf(self, path: Path | None = None) -> bool:
        """Start writing the current filter's sales as a table to an A4 landscape PDF (at
        most :data:`PDF_ROW_LIMIT`, said on it when there are more): the sales are read on
        the worker pool, the table drawn here. False when not started (as
        :meth:`export_csv`); :attr:`export_finished` tells how it ended."""
        if self.exporting:
            return False
        if self.manager_actions.held(EXPORT_PDF, None, self, lambda: self.export_pdf(path)):
            return False
        self.apply_filter()
        target = self._export_path(
            path,
            translate("History", "Export the sales to PDF"),
            "pdf",
            translate("History", "PDF files (*.pdf)"),
        )
        if target is None:
            return False
        run = self._start_export(target)
        filter, limit = self.model.filter, PDF_ROW_LIMIT
        cell_text, columns = self.model.cell_text, range(self.model.columnCount())

        def gather() -> tuple[list[list[str]], bool]:  # worker: plain values in and out
            rows = run.newest(filter, limit + 1)
            cells = [[cell_text(row, column) for column in columns] for row in rows[:limit]]
            return cells, len(rows) > limit

        async def work() -> int:
            cells, more = await self.executor.run(gather)
            pages = self._pdf_pages(filter, cells, more, limit, target)
            try:
                for _page in pages:  # a page drawn; the loop turns before the next
                    run.check()
                    await asyncio.sleep(0)
                    run.check()
            finally:
                pages.close()  # cancelled or failed: no file, not even a partial one
            return len(cells)

        self._spawn(self._export(run, "pdf", target, work))
        return True

    def cancel_export(self) -> None:
        """Stop the export under way before its next batch; its file is not written."""
        if self.export_run is not None:
            self.export_run.cancel()
            self.cancel_export_button.setEnabled(False)

    def _start_export(self, target: Path) -> ExportRun:
        run = ExportRun(self.store, on_batch=self.on_export_batch)
        self.export_run = run
        self._export_target = target
        self.csv_button.setEnabled(False)
        self.pdf_button.setEnabled(False)
        self.cancel_export_button.setEnabled(True)
        self.cancel_export_button.show()
        self._say("")
        self._show_progress()
        self.export_status.show()
        self._progress_timer.start()
        return run

    def _show_progress(self) -> None:
        run, target = self.export_run, self._export_target
        if run is None or target is None:
            return
        self.export_status.setText(
            translate("History", "Exporting to {file}: {n} sale(s) read…").format(
                file=ltr(target.name), n=ltr(f"{run.rows:,}".replace(",", " "))
            )
        )

    async def _export(
        self,
        run: ExportRun,
        kind: Literal["csv", "pdf"],
        target: Path,
        work: Callable[[], Awaitable[int]],
    ) -> None:
        """Await ``work`` and say how it ended, in one line; the screen is ready again."""
        status: Literal["written", "cancelled", "failed"] = "failed"
        rows = 0
        try:
            rows = await work()
            status = "written"
            text = translate("History", "{n} sale(s) written to {file}.").format(
                n=ltr(str(rows)), file=ltr(target.name)
            )
        except ExportCancelledError:
            status = "cancelled"
            text = translate("History", "Export cancelled: no file was written.")
        except asyncio.CancelledError:  # the window is closing: the worker stops too
            run.cancel()
            raise
        except OSError as exc:  # a full disk, a folder that cannot be written to, ...
            log.warning("history export not written: %s", type(exc).__name__)
            if exc.errno == errno.ENOSPC:
                text = translate("History", "The disk is full: the file was not written.")
            else:
                text = translate("History", "The file could not be written: choose another place.")
        except Exception as exc:  # noqa: BLE001 - a bug or a damaged database: said, not fatal
            log.error("history export failed: %s", type(exc).__name__)
            text = translate("History", "The export failed: unexpected error (see the log).")
        finally:
            self._end_export(run)
        self._say(text)
        self.export_finished.emit(ExportOutcome(kind, target, status, rows, text))

    def _end_export(self, run: ExportRun) -> None:
        if self.export_run is not run:
            return
        self.export_run = None
        self._export_target = None
        self._progress_timer.stop()
        self.export_status.hide()
        self.export_status.clear()
        self.cancel_export_button.hide()
        self.csv_button.setEnabled(True)
        self.pdf_button.setEnabled(True)

    def _pdf_pages(
        self, filter: HistoryFilter, cells: list[list[str]], more: bool, limit: int, target: Path
    ) -> Generator[None, None, None]:
        """The steps that draw ``cells`` into ``target`` (``more``: the filter has more than
        ``limit`` sales, said on the first page)."""
        title = translate("History", "Sales history")
        lines = [describe(filter, self._tz)]
        lines.append(
            translate("History", "Printed {when}").format(
                when=ltr(datetime.now(UTC).astimezone(self._tz).strftime("%Y-%m-%d %H:%M"))
            )
        )
        if more:
            lines.append(
                translate(
                    "History",
                    "Only the {n} newest sales are listed; export to CSV for all of them.",
                ).format(n=ltr(str(limit)))
            )
        return write_pdf_pages(target, title, lines, headers(), cells)
