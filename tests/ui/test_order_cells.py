"""The in-progress list paints each cell through the style once per look and copies it
afterwards (pos_app/ui/orders/cell_cache.py): what it shows must be pixel for pixel what the
standard delegate paints, and a changed cell must be painted anew."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QTableView

from pos_app.assets import style_sheet
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import OrderView
from pos_app.ui.orders.cell_cache import CachedCellDelegate
from pos_app.ui.orders.model import COLUMNS, OrderListModel
from pos_app.ui.orders.panel import OrderPanel

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def view(n: int, state: SaleState, seconds: int = 0) -> OrderView:
    return OrderView(
        ref=f"R-{n}",
        line_type=LineType.LTE if n % 3 == 0 else LineType.ADSL,
        number=f"036362{n:03d}",
        face_value=500 if n % 2 else 1000,
        price=500,
        state=state,
        server_status="HANDLING" if state is SaleState.ACCEPTED else None,
        card_code="1234-5678-9012" if state is SaleState.FULFILLED else None,
        num_trans=None,
        date_traitement=None,
        failure_code="ERR_PHONE" if state is SaleState.REJECTED else None,
        failure_reason=None,
        created_at=T0 + timedelta(seconds=n),
        updated_at=T0 + timedelta(seconds=n + seconds),
    )


class Clock:
    def __init__(self) -> None:
        self.now = T0 + timedelta(minutes=1)

    def __call__(self) -> datetime:
        return self.now


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


@pytest.fixture
def panel(qapp: QApplication) -> Iterator[OrderPanel]:
    panel = OrderPanel()
    panel.setStyleSheet(style_sheet())
    panel.resize(720, 640)
    panel.model._now = Clock()  # the elapsed seconds move only when a test says so
    panel.show()
    settle(qapp)
    yield panel
    panel.close()
    panel.deleteLater()


def cells(panel: OrderPanel) -> CachedCellDelegate:
    delegate = panel.table.itemDelegate()
    assert isinstance(delegate, CachedCellDelegate)
    return delegate


def as_cached(panel: OrderPanel) -> QImage:
    return panel.table.viewport().grab().toImage()


def as_styled(table: QTableView) -> QImage:
    """The list painted by Qt's standard delegate (the cached one put back afterwards)."""
    cached = table.itemDelegate()
    plain = QStyledItemDelegate(table)
    table.setItemDelegate(plain)
    try:
        return table.viewport().grab().toImage()
    finally:
        table.setItemDelegate(cached)
        plain.deleteLater()


def fill(panel: OrderPanel, count: int = 24) -> None:
    states = list(SaleState)
    for n in range(count):
        panel.show_order(view(n, states[n % len(states)]))


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_cells_look_as_the_style_paints_them(
    qapp: QApplication, panel: OrderPanel, direction: Qt.LayoutDirection
) -> None:
    panel.setLayoutDirection(direction)
    fill(panel)
    table = panel.table
    table.selectRow(2)
    table.setCurrentIndex(panel.model.index(4, 3))
    table.setFocus()
    settle(qapp)
    first = as_cached(panel)  # painted through the style
    painted = cells(panel).painted
    assert painted > 0
    again = as_cached(panel)  # copied
    assert cells(panel).painted == painted
    styled = as_styled(table)
    assert first == styled
    assert again == styled


def test_the_comparison_sees_a_wrong_picture(qapp: QApplication, panel: OrderPanel) -> None:
    """The comparison above can fail: a cell keyed on the wrong text shows the wrong text."""
    fill(panel, 6)
    model = panel.model
    real = model.cell
    cells(panel)._cell = lambda row, col: ("36 36 26 08", None) if col == 2 else real(row, col)
    cells(panel).clear()
    as_cached(panel)
    cells(panel)._cell = real
    assert as_cached(panel) == as_styled(panel.table)  # keyed right again: painted anew
    cells(panel)._cell = lambda row, col: real(0, col)  # every row keyed as the first
    assert as_cached(panel) != as_styled(panel.table)


def test_a_new_sale_paints_only_its_own_cells(qapp: QApplication, panel: OrderPanel) -> None:
    fill(panel, 12)
    as_cached(panel)
    before = cells(panel).painted
    panel.show_order(view(40, SaleState.WAITING))  # every row moves down one
    image = as_cached(panel)
    assert 0 < cells(panel).painted - before <= COLUMNS
    assert image == as_styled(panel.table)


def test_a_changed_cell_is_painted_anew(qapp: QApplication, panel: OrderPanel) -> None:
    fill(panel, 3)
    panel.show_order(view(10, SaleState.ACCEPTED))
    shown = as_cached(panel)
    clock = panel.model._now
    assert isinstance(clock, Clock)
    clock.now += timedelta(seconds=1)  # "HANDLING 50 s" -> "HANDLING 51 s"
    assert as_cached(panel) != shown
    assert as_cached(panel) == as_styled(panel.table)
    panel.show_order(view(10, SaleState.FULFILLED, seconds=2))  # new text, new colour
    assert as_cached(panel) == as_styled(panel.table)


def test_the_cell_key_is_what_the_data_roles_say(qapp: QApplication) -> None:
    """The delegate keys a cell on ``cell()``: its text must be the DisplayRole's and its
    colour the ForegroundRole's, for every state and column."""
    model = OrderListModel(now=Clock())
    for n, state in enumerate(SaleState):
        model.upsert(view(n, state))
    for row in range(model.rowCount()):
        for column in range(COLUMNS):
            index = model.index(row, column)
            text, colour = model.cell(row, column)
            assert text == index.data(Qt.ItemDataRole.DisplayRole)
            brush = index.data(Qt.ItemDataRole.ForegroundRole)
            assert colour == (brush.name() if brush is not None else None)
    assert model.cell(model.rowCount(), 0) == ("", None)


def test_pictures_kept_stay_under_the_bound(qapp: QApplication, panel: OrderPanel) -> None:
    fill(panel, 30)
    as_cached(panel)
    every = cells(panel)
    whole = every.kept_bytes
    small = CachedCellDelegate(panel.table, panel.model.cell, max_bytes=whole // 4)
    panel.table.setItemDelegate(small)
    image = as_cached(panel)
    assert 0 < small.kept_bytes <= whole // 4
    assert 0 < small.kept < every.kept
    assert image == as_styled(panel.table)
    assert as_cached(panel) == image  # the pictures let go are painted again


def test_a_font_change_drops_the_pictures(qapp: QApplication, panel: OrderPanel) -> None:
    fill(panel, 8)
    as_cached(panel)
    assert cells(panel).kept > 0
    font = QFont(panel.table.font())
    font.setPixelSize(18)
    panel.table.setFont(font)
    assert cells(panel).kept == 0
    assert as_cached(panel) == as_styled(panel.table)


def test_no_alternating_rows(qapp: QApplication) -> None:
    table = QTableView()
    table.setAlternatingRowColors(True)
    with pytest.raises(ValueError, match="alternating"):
        CachedCellDelegate(table, lambda row, column: ("", None))
    table.deleteLater()


def test_a_disabled_list_looks_as_the_style_paints_it(
    qapp: QApplication, panel: OrderPanel
) -> None:
    fill(panel, 10)
    panel.table.selectRow(1)
    enabled = as_cached(panel)
    panel.table.setEnabled(False)
    settle(qapp)
    disabled = as_cached(panel)
    assert disabled != enabled  # the disabled look is its own picture
    assert disabled == as_styled(panel.table)
