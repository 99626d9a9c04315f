"""Every sale state reads whole in the counter's in-progress list (State column), in English,
French and Arabic, at the window's default size and at its minimum size (issue 10, item 3)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QTableView

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import OrderView
from pos_app.ui.i18n import install_language
from pos_app.ui.orders.model import OrderListModel
from tests.support.window import Harness, save_shot

Make = Callable[..., Harness]
# Seconds since the sale: each unit's longest (seconds, minutes, hours) and a sale days old.
# A second or two more while the test runs changes no width class.
ELAPSED = (3, 55, 59 * 60 + 50, 23 * 3600 + 3500, 99 * 86400 + 100)
TICKING = (SaleState.UNKNOWN, SaleState.ACCEPTED, SaleState.VERIFYING, SaleState.CODE_PENDING)
STATUS = {SaleState.ACCEPTED: "HANDLING"}
CODE = {SaleState.FULFILLED: "105380810795"}
FAILURE = {SaleState.REFUNDED: "REFUNDED", SaleState.REJECTED: "ERR_PHONE"}


def views() -> list[OrderView]:
    """A sale in every state; the ticking ones once for every elapsed time."""
    now = datetime.now(UTC)
    out = []
    for state in SaleState:
        for seconds in ELAPSED if state in TICKING else (ELAPSED[1],):
            created = now - timedelta(seconds=seconds)
            out.append(
                OrderView(
                    ref=f"R-{state.value}-{seconds}",
                    line_type=LineType.ADSL,
                    number="036362608",
                    face_value=1000,
                    price=1000,
                    state=state,
                    server_status=STATUS.get(state),
                    card_code=CODE.get(state),
                    num_trans=None,
                    date_traitement=None,
                    failure_code=FAILURE.get(state),
                    failure_reason=None,
                    created_at=created,
                    updated_at=created,
                )
            )
    return out


def shown_width(table: QTableView, index: QModelIndex) -> int:
    """The width the view's delegate gives a cell's text: the cell's text rect less the
    margin Qt's styles leave on each side (PM_FocusFrameHMargin + 1)."""
    option = QStyleOptionViewItem()
    option.rect = table.visualRect(index)
    option.text = str(index.data())
    option.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
    option.font = table.font()
    option.fontMetrics = table.fontMetrics()
    option.direction = table.layoutDirection()
    style = table.style()
    text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    return text_rect.width() - 2 * margin


def cut_cells(table: QTableView, column: int) -> list[str]:
    """The texts of ``column`` that do not show whole: elided, or out of the visible width."""
    model = table.model()
    metrics = table.fontMetrics()
    viewport = table.viewport().rect()
    cut = []
    for row in range(model.rowCount()):
        index = model.index(row, column)
        text = str(index.data())
        width = shown_width(table, index)
        rect = table.visualRect(index)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        if (
            elided != text
            or metrics.horizontalAdvance(text) > width
            or rect.left() < viewport.left()
            or rect.right() > viewport.right()
        ):
            cut.append(f"{text!r} ({metrics.horizontalAdvance(text)} px in {width} px)")
    return cut


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    def use(code: str) -> None:
        install_language(qapp, code)

    yield use
    install_language(qapp, "en")


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_every_state_reads_whole_at_default_and_minimum_size(
    code: str, harness: Make, language: Callable[[str], None], qapp: QApplication, tmp_path: Path
) -> None:
    language(code)
    window = harness().window
    panel = window.orders
    for view in views():
        panel.show_order(view)
    table = panel.table
    model = panel.model
    fulfilled = next(
        row
        for row in range(model.rowCount())
        if (sale := model.view_at(row)) is not None and sale.state is SaleState.FULFILLED
    )
    sizes = {"default": window.size(), "minimum": window.minimumSizeHint()}
    for name, size in sizes.items():
        window.resize(size)
        qapp.processEvents()
        save_shot(window, f"states-{code}-{name}.png", tmp_path)
        assert cut_cells(table, OrderListModel.COL_STATE) == [], f"{code}, {name} size"
        # The code/reason column stays usable: a fulfilled sale's masked code shows whole.
        code_cell = model.index(fulfilled, OrderListModel.COL_DETAIL)
        metrics = table.fontMetrics()
        assert metrics.horizontalAdvance(str(code_cell.data())) <= shown_width(table, code_cell)
        assert table.visualRect(code_cell).right() <= table.viewport().rect().right()
    assert window.size() == window.minimumSizeHint()
    model.stop()
