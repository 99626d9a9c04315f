"""The in-progress list repaints only what changed, yet the screen always shows the list
as a fresh paint would (the offscreen backing store is what the window shows)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication

from pos_app.assets import style_sheet
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import OrderView
from pos_app.ui.orders.panel import OrderPanel

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def view(n: int, state: SaleState = SaleState.ACCEPTED, seconds: int = 0) -> OrderView:
    return OrderView(
        ref=f"R-{n}",
        line_type=LineType.ADSL,
        number=f"036362{n:03d}",
        face_value=500,
        price=500,
        state=state,
        server_status=None,
        card_code="1234-5678-9012" if state is SaleState.FULFILLED else None,
        num_trans=None,
        date_traitement=None,
        failure_code=None,
        failure_reason=None,
        created_at=T0 + timedelta(seconds=n),
        updated_at=T0 + timedelta(seconds=n + seconds),
    )


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shown_as_fresh(app: QApplication, panel: OrderPanel) -> bool:
    """What the window shows (its backing store) equals the panel painted afresh."""
    settle(app)
    fresh = panel.grab().toImage()
    screen = panel.screen().grabWindow(panel.winId()).toImage()
    return screen.convertToFormat(fresh.format()) == fresh


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_the_list_never_shows_stale_rows(qapp: QApplication, direction: Qt.LayoutDirection) -> None:
    panel = OrderPanel()
    panel.setStyleSheet(style_sheet())
    panel.setLayoutDirection(direction)
    panel.resize(700, 700)
    panel.show()
    try:
        for n in range(25):
            panel.show_order(view(n))
        assert shown_as_fresh(qapp, panel)
        panel.show_order(view(24, SaleState.FULFILLED, seconds=5))  # the code box appears
        assert panel.code_box.isVisible()
        assert shown_as_fresh(qapp, panel)
        panel.show_order(view(30))  # the next sale: the code box leaves, a row comes
        assert not panel.code_box.isVisible()
        assert shown_as_fresh(qapp, panel)
        for width, height in ((640, 700), (720, 600), (720, 760)):
            panel.resize(width, height)
            assert shown_as_fresh(qapp, panel)
    finally:
        panel.close()
        panel.deleteLater()


def test_the_comparison_sees_a_stale_screen(qapp: QApplication) -> None:
    """The check above can fail: a row changed behind the view's back stays stale on screen."""
    panel = OrderPanel()
    panel.setStyleSheet(style_sheet())
    panel.resize(700, 700)
    panel.show()
    try:
        for n in range(5):
            panel.show_order(view(n))
        assert shown_as_fresh(qapp, panel)
        model = panel.model
        model._rows[0] = replace(model._rows[0], number="077777777")  # no signal on purpose
        model._fixed.clear()
        assert not shown_as_fresh(qapp, panel)
    finally:
        panel.close()
        panel.deleteLater()


def test_static_contents_on_the_list(qapp: QApplication) -> None:
    panel = OrderPanel()
    assert panel.table.viewport().testAttribute(Qt.WidgetAttribute.WA_StaticContents)
    panel.deleteLater()


def test_the_list_s_scroll_bar_is_drawn_flat(qapp: QApplication) -> None:
    """The style sheet draws the bars (one colour for the handle, none for the arrows): the
    default style's shaded ones were drawn afresh each time the bar changed length, 1-3 ms
    of the GUI thread per sale."""
    panel = OrderPanel()
    panel.setStyleSheet(style_sheet())
    panel.resize(700, 400)
    panel.show()
    try:
        bar = panel.table.verticalScrollBar()
        settle(qapp)
        assert bar.isVisible() and not bar.isEnabled()  # shown, no handle: nothing to scroll
        for n in range(40):
            panel.show_order(view(n))
        settle(qapp)
        assert bar.isVisible() and bar.isEnabled() and bar.maximum() > 0
        picture = bar.grab().toImage()
        middle = picture.width() // 2
        handle = {picture.pixelColor(middle, y).name() for y in range(8, 30)}  # at the top
        assert handle == {"#b0bec5"}  # one flat colour, no shading, no arrow button
    finally:
        panel.close()
        panel.deleteLater()


class _Paints(QObject):
    """Records the rectangles the list's viewport is asked to paint."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[tuple[int, int]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            rect = event.region().boundingRect()
            self.rects.append((rect.width(), rect.height()))
        return False


def test_the_card_code_coming_and_going_repaints_no_whole_list(qapp: QApplication) -> None:
    """With the rows filling the list only while the card code shows below it, a scroll bar
    that came and went would change the list's width and repaint every row, twice a sale
    (2-4 ms of the GUI thread each): the bar stays, the rows stay where they are."""
    panel = OrderPanel()
    panel.setStyleSheet(style_sheet())
    panel.resize(700, 700)
    panel.show()
    paints = _Paints()
    viewport = panel.table.viewport()
    try:
        panel.show_order(view(0))
        settle(qapp)
        fits = viewport.height() // panel.table.rowHeight(0)  # rows the list shows whole
        for n in range(1, fits):  # fits the list without the code box, not with it
            panel.show_order(view(n))
        settle(qapp)
        last = fits - 1
        width = viewport.width()
        viewport.installEventFilter(paints)
        panel.show_order(view(last, SaleState.FULFILLED, seconds=5))  # the code box appears
        settle(qapp)
        assert panel.code_box.isVisible()
        assert panel.table.verticalScrollBar().maximum() > 0  # the rows overflow now
        panel.show_order(view(last + 10))  # the next sale: the code box leaves, a row comes
        settle(qapp)
        assert not panel.code_box.isVisible()
        assert viewport.width() == width
        whole = (viewport.width(), viewport.height())
        # One whole-list paint: the new row at the top moves every row down; none for the
        # code box coming or going.
        assert paints.rects.count(whole) <= 1, paints.rects
        assert shown_as_fresh(qapp, panel)
    finally:
        viewport.removeEventFilter(paints)
        panel.close()
        panel.deleteLater()
