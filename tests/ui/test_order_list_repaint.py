"""The in-progress list repaints only what changed, yet the screen always shows the list
as a fresh paint would (the offscreen backing store is what the window shows)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
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
        for n in range(40):
            panel.show_order(view(n))
        settle(qapp)
        bar = panel.table.verticalScrollBar()
        assert bar.isVisible() and bar.maximum() > 0
        picture = bar.grab().toImage()
        middle = picture.width() // 2
        handle = {picture.pixelColor(middle, y).name() for y in range(8, 30)}  # at the top
        assert handle == {"#b0bec5"}  # one flat colour, no shading, no arrow button
    finally:
        panel.close()
        panel.deleteLater()
