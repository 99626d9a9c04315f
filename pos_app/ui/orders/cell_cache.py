"""An item delegate that paints each cell once and then copies its pixels.

A full repaint of the in-progress list (a new sale at the top, the card code showing or
leaving below it) asked the model for 7 roles of every visible cell and laid each cell's
text out again: 5-10 ms of the GUI thread for some 20 rows, most of it Python calls and text
shaping. Almost every cell looks the same as at the last repaint, so this delegate keeps the
picture of each cell, keyed by what decides it (its text and look from the model, its size,
its state: selected, active window), and paints a cell the normal way
(``QStyledItemDelegate.paint``: the style, the style sheet) only when that key is new; the
focused or hovered cell is always painted the normal way.

Only for a view whose cells are drawn on its plain base colour: no alternating row colours
and no background role in the model. The pictures are dropped when the view's font,
palette, style or direction changes.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

Cell = Callable[[int, int], tuple[str, Hashable]]
"""(row, column) -> the cell's display text (what the model's DisplayRole gives) and anything
else that decides how it looks (its colour): equal pairs paint equal pixels."""

MAX_BYTES = 4 * 1024 * 1024
"""The pictures kept, at most (about three screens of the list); the least recently painted
go first."""

_DROP_ON = frozenset(
    {
        QEvent.Type.FontChange,
        QEvent.Type.PaletteChange,
        QEvent.Type.StyleChange,
        QEvent.Type.LayoutDirectionChange,
        QEvent.Type.LocaleChange,
    }
)
# The focus frame (and a hover) is drawn with antialiased curves whose edge pixels differ by
# a shade in a picture: those (one cell or two at a time) are always painted directly. The
# check is made only when a key is new, so it costs nothing on the copies.
_UNCACHED = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_MouseOver


class CachedCellDelegate(QStyledItemDelegate):
    """Paints a cell through the style once per distinct look, then copies the picture."""

    def __init__(self, view: QAbstractItemView, cell: Cell, *, max_bytes: int = MAX_BYTES):
        super().__init__(view)
        if view.alternatingRowColors():
            raise ValueError("a cached cell is painted on the base colour: no alternating rows")
        self._cell = cell
        self._max_bytes = max_bytes
        self._pictures: OrderedDict[Hashable, QPixmap] = OrderedDict()
        self._bytes = 0
        self.painted = 0
        """How many cells were painted through the style (cache misses), for tests."""
        view.installEventFilter(self)

    def clear(self) -> None:
        """Forget every picture (the next repaint paints every cell through the style)."""
        self._pictures.clear()
        self._bytes = 0

    @property
    def kept(self) -> int:
        """How many cell pictures are kept."""
        return len(self._pictures)

    @property
    def kept_bytes(self) -> int:
        """Their size in bytes (never over ``max_bytes`` but for a single larger picture)."""
        return self._bytes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() in _DROP_ON:
            self.clear()
        return False

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text, look = self._cell(index.row(), index.column())
        rect = option.rect
        ratio = painter.device().devicePixelRatio()
        key = (text, look, rect.width(), rect.height(), option.state, ratio)
        picture = self._pictures.get(key)
        if picture is None:
            if option.state & _UNCACHED:
                super().paint(painter, option, index)
                return
            picture = self._picture(option, index, text, ratio)
            if picture is None:
                super().paint(painter, option, index)
                return
            self._keep(key, picture)
        else:
            self._pictures.move_to_end(key)
        painter.drawPixmap(rect.topLeft(), picture)

    def _picture(
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        text: str,
        ratio: float,
    ) -> QPixmap | None:
        """The cell painted as ``QStyledItemDelegate.paint`` does, at the origin, on the
        view's base colour (None: that base is not a plain colour)."""
        state = option.state
        group = (
            QPalette.ColorGroup.Disabled
            if not state & QStyle.StateFlag.State_Enabled
            else QPalette.ColorGroup.Active
            if state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )  # as the view fills its background
        base = option.palette.brush(group, QPalette.ColorRole.Base)
        if base.style() != Qt.BrushStyle.SolidPattern:
            return None
        widget = option.widget
        if widget is None:
            return None
        rect = option.rect
        picture = QPixmap(rect.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(base.color())
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        styled.text = text  # the keyed text (the clock may move)
        styled.rect = rect.translated(-rect.topLeft())
        painter = QPainter(picture)
        try:
            widget.style().drawControl(
                QStyle.ControlElement.CE_ItemViewItem, styled, painter, widget
            )
        finally:
            painter.end()
        self.painted += 1
        return picture

    def _keep(self, key: Hashable, picture: QPixmap) -> None:
        self._pictures[key] = picture
        self._bytes += _size(picture)
        while self._bytes > self._max_bytes and len(self._pictures) > 1:
            _, gone = self._pictures.popitem(last=False)
            self._bytes -= _size(gone)


def _size(picture: QPixmap) -> int:
    return picture.width() * picture.height() * 4
