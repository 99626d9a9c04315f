"""The in-progress list widget: a table over ``OrderListModel``, and the card code of the
selected (or newest fulfilled) sale shown large, to read out or copy."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
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
from pos_app.domain.users import name_key
from pos_app.orders import OrderView
from pos_app.ui import messages
from pos_app.ui.i18n import ltr, translate
from pos_app.ui.orders.cell_cache import CachedCellDelegate
from pos_app.ui.orders.code_box import CodeBox, copy_card_code
from pos_app.ui.orders.model import OrderListModel, ViewRole, widest_state_texts

# The widest text of the time, type, number and value columns; the State column is measured
# on every state's text (``widest_state_texts``); the code/reason column takes the rest, and
# never less than a masked card code.
_COLUMN_SAMPLES = ("00:00:00", "ADSL", "213 472 73 16 02", format_dzd(10_000))
_CODE_SAMPLE = "•••• 0000"
_SPARE = 6  # pixels of air beside the widest text of a column
_MINIMUM_ROWS = 3  # sales the list shows at the window's minimum size


class OrderPanel(QWidget):
    """Sales of this session with their live state; the selected card code can be copied."""

    code_was_copied = Signal(str)  # the ref whose card code was copied
    cancel_requested = Signal(str)  # the ref of a sale not yet sent the cashier would cancel
    reveal_requested = Signal(str)  # the ref of a hidden card code a manager may show again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = OrderListModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("orderTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.table.verticalHeader().hide()
        # Each cell is painted through the style once per look, then copied: a full repaint
        # (a new sale at the top) costs a copy per cell, not the text laid out again.
        self.cells = CachedCellDelegate(self.table, self.model.cell)
        self.table.setItemDelegate(self.cells)
        # The card code appearing or leaving below the list changes only the list's height:
        # its rows stay where they are, so Qt need paint only the strip a taller list
        # uncovers.
        self.table.viewport().setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        # And its width never changes: a scroll bar that came when the rows overflow (the
        # card code showing) and went again would repaint every row twice a sale, and move
        # the columns.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        bar = self.table.verticalScrollBar()
        bar.setEnabled(False)  # no handle drawn while there is nothing to scroll
        bar.rangeChanged.connect(lambda low, high: bar.setEnabled(high > low))
        header = self.table.horizontalHeader()
        # Fixed widths: resizing to contents re-measures every row on each elapsed-seconds
        # tick, which stalled the GUI thread for 150+ ms with 20 sales in flight.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.size_columns()
        self.table.doubleClicked.connect(self._on_double_click)
        self.title = QLabel(translate("OrderPanel", "Sales in progress"), self)
        self.title.setObjectName("ordersTitle")
        self.copy = QPushButton(translate("OrderPanel", "Copy card code (Ctrl+Shift+C)"), self)
        self.copy.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.copy.clicked.connect(self.copy_code)
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+C"), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.copy_code)
        # Cancel a sale not yet sent (manager only: the access control asks, the engine
        # refuses anything that left the machine). Delete in the list does it too.
        self.cancel_button = QPushButton(translate("OrderPanel", "Cancel sale (Del)"), self)
        self.cancel_button.setObjectName("cancelSale")
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.clicked.connect(self.request_cancel)
        self.cancel_button.setEnabled(False)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.request_cancel)
        # The card code, large: what the cashier reads to the customer or copies.
        self.code_box = CodeBox(self, copy_text=self.copy.text())
        self.code_box.copy_requested.connect(self.copy_code)
        self.code_caption = self.code_box.caption
        self.code_label = self.code_box.label
        self.code_note = QLabel(self.code_box)
        self.code_note.setObjectName("codeNote")
        self.code_note.setWordWrap(True)
        self.code_note.hide()
        self.code_box.lines.addWidget(self.code_note)
        self.shown_code: str | None = None  # the ref whose code the box shows
        self.hidden_code: str | None = None  # the ref whose code the box says is hidden
        self.hiding = False
        """Codes of sales sold by someone else than :attr:`viewer` are hidden (from the first
        lock or sign-in on; see :meth:`set_viewer`)."""
        self.viewer: str | None = None
        """Who is signed in at the counter (None: nobody, the counter is locked)."""
        self._revealed: set[str] = set()  # refs a manager allowed since the last switch
        self.table.selectionModel().selectionChanged.connect(self._update_code_box)
        self.table.selectionModel().selectionChanged.connect(self._update_cancel)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.cancel_button)
        top.addWidget(self.copy)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.code_box)

    def size_columns(self) -> None:
        """Fit the columns to their widest text in the current language and font: every
        state reads whole, and the table is never narrower than those columns plus a
        masked card code (so the window's minimum size shows them too)."""
        table = self.table
        table.ensurePolished()  # the style sheet's font, not the default one
        header = table.horizontalHeader()
        header.ensurePolished()
        metrics = table.fontMetrics()
        head_font = QFont(header.font())
        head_font.setBold(True)  # a selected row sets every header section in bold
        head_metrics = QFontMetrics(head_font)
        style = table.style()
        # The item delegate leaves this margin on each side of a cell's text, plus the grid.
        frame = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
        pad = 2 * frame + 1 + _SPARE
        head_pad = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 4
        samples: list[tuple[str, ...]] = [(sample,) for sample in _COLUMN_SAMPLES]
        samples[1] += (messages.type_name(LineType.ADSL), messages.type_name(LineType.LTE))
        samples.append(tuple(widest_state_texts()))
        widths = []
        for column, texts in enumerate(samples):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                max(metrics.horizontalAdvance(text) for text in texts) + pad,
                head_metrics.horizontalAdvance(title) + head_pad,
            )
            header.resizeSection(column, width)
            widths.append(width)
        # The stretched last column never shrinks under the header's default section size.
        title = str(self.model.headerData(len(samples), Qt.Orientation.Horizontal))
        code = max(
            metrics.horizontalAdvance(ltr(_CODE_SAMPLE)) + pad,
            head_metrics.horizontalAdvance(title) + head_pad,
            header.defaultSectionSize(),
        )
        scroll = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, table)
        table.setMinimumWidth(sum(widths) + code + scroll + 2 * table.frameWidth())
        rows = table.verticalHeader().defaultSectionSize() * _MINIMUM_ROWS
        table.setMinimumHeight(header.sizeHint().height() + rows + scroll + 2 * table.frameWidth())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.size_columns()
        super().changeEvent(event)

    def show_order(self, view: OrderView) -> None:
        self.model.upsert(view)
        self._update_code_box()
        self._update_cancel()

    def _cancellable(self) -> OrderView | None:
        """The selected sale when it waits, never sent (what may be cancelled)."""
        rows = self.table.selectionModel().selectedRows()
        view: OrderView | None = rows[0].data(ViewRole) if rows else None
        return view if view is not None and view.state is SaleState.WAITING else None

    def _update_cancel(self) -> None:
        self.cancel_button.setEnabled(self._cancellable() is not None)

    def request_cancel(self) -> str | None:
        """Ask to cancel the selected sale if it waits to be sent; its ref (None: no such
        sale selected)."""
        view = self._cancellable()
        if view is None:
            return None
        self.cancel_requested.emit(view.ref)
        return view.ref

    # --- who may see a code ---------------------------------------------------------------

    def set_viewer(self, name: str | None) -> None:
        """``name`` is signed in now (None: the counter locked). From then on, the card code
        of a sale someone else sold is hidden (the box and Copy say so, the list keeps its
        last four) until its seller signs in again or a manager allows it (:meth:`reveal`):
        the next person at the counter must not read or copy the previous one's codes."""
        self.hiding = True
        self.viewer = name
        self._revealed.clear()
        self._update_code_box()

    def is_hidden(self, view: OrderView) -> bool:
        """Whether ``view``'s card code is hidden from the person at the counter now."""
        if not self.hiding or view.ref in self._revealed:
            return False
        return self.viewer is None or name_key(view.cashier) != name_key(self.viewer)

    def reveal(self, ref: str) -> None:
        """A manager allowed ``ref``'s code to show again (until the next lock or switch)."""
        self._revealed.add(ref)
        self._update_code_box()

    def _show_hidden(self, view: OrderView) -> None:
        if self.hidden_code == view.ref:
            return
        self.shown_code = None
        self.hidden_code = view.ref
        self.code_caption.setText(
            translate("OrderPanel", "Card code hidden · {number} · {value}").format(
                number=ltr(group_number(view.number, view.line_type)),
                value=ltr(format_dzd(view.face_value)),
            )
        )
        self.code_label.setText(ltr("•••• " + (view.card_code or "")[-4:]))
        seller = view.cashier or translate("OrderPanel", "someone else")
        self.code_note.setText(
            translate(
                "OrderPanel",
                "Sold by {name}: hidden since the counter changed hands. It shows again when "
                "{name} signs in, or with a manager's approval (Ctrl+Shift+C).",
            ).format(name=seller)
        )
        self.code_note.show()
        self.code_box.show()

    def _update_code_box(self) -> None:
        view = self._current()
        if view is None or view.state is not SaleState.FULFILLED or not view.card_code:
            self.shown_code = None
            self.hidden_code = None
            self.code_label.clear()
            self.code_box.hide()
            return
        if self.is_hidden(view):
            self._show_hidden(view)
            return
        if self.shown_code == view.ref:
            return
        self.shown_code = view.ref
        self.hidden_code = None
        self.code_note.hide()
        self.code_caption.setText(
            translate("OrderPanel", "Card code · {number} · {value}").format(
                number=ltr(group_number(view.number, view.line_type)),
                value=ltr(format_dzd(view.face_value)),
            )
        )
        self.code_label.setText(group_code(view.card_code))
        self.code_box.show()

    def _current(self) -> OrderView | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            view: OrderView | None = rows[0].data(ViewRole)
            return view
        # Nothing selected: the newest fulfilled sale, the one a customer waits for, but only
        # until the next sale is placed: the next customer must not be shown (or be handed)
        # the previous customer's code. A sale that ends after a newer one was placed is
        # still waited for, so it shows.
        newest = self.model.view_at(0)
        for row in range(self.model.rowCount()):
            view = self.model.view_at(row)
            if view is not None and view.state is SaleState.FULFILLED:
                if newest is not None and view.updated_at < newest.created_at:
                    return None
                return view
        return None

    def copy_code(self) -> str | None:
        """Copy the card code of the selected sale, else of the sale just fulfilled (None:
        no code, or it is hidden: then a manager is asked, see :meth:`set_viewer`)."""
        view = self._current()
        if view is None or view.state is not SaleState.FULFILLED or not view.card_code:
            return None
        if self.is_hidden(view):
            self.reveal_requested.emit(view.ref)  # a manager may allow it: then it shows
            return None
        copy_card_code(view.card_code)
        self.code_was_copied.emit(view.ref)
        return view.card_code

    def _on_double_click(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self.copy_code()
