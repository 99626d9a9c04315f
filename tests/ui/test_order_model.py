"""The in-progress model over OrderView, without widgets."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from pos_app.domain.cards import group_code
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import OrderView
from pos_app.ui.orders.model import (
    OrderListModel,
    ViewRole,
    detail_text,
    elapsed_text,
    state_text,
    widest_state_texts,
)
from pos_app.ui.orders.panel import OrderPanel
from tests.support.window import row_view

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def view(ref: str = "TEST-1", state: SaleState = SaleState.WAITING, **kw: Any) -> OrderView:
    base = OrderView(
        ref=ref,
        line_type=LineType.ADSL,
        number="036362608",
        face_value=500,
        price=500,
        state=state,
        server_status=None,
        card_code=None,
        num_trans=None,
        date_traitement=None,
        failure_code=None,
        failure_reason=None,
        created_at=T0,
        updated_at=T0,
    )
    return replace(base, **kw)


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = OrderListModel()
    model.upsert(view("A"))
    model.upsert(view("B", SaleState.FULFILLED, card_code="1234-5678"))
    qtmodeltester.check(model)


def test_newest_first_and_updates_in_place(qapp: object) -> None:
    model = OrderListModel(now=lambda: T0 + timedelta(seconds=7))
    model.upsert(view("A"))
    model.upsert(view("B"))
    assert [row_view(model, r).ref for r in range(2)] == ["B", "A"]
    model.upsert(
        view(
            "A", SaleState.ACCEPTED, server_status="HANDLING", updated_at=T0 + timedelta(seconds=1)
        )
    )
    assert model.rowCount() == 2
    index = model.index(1, OrderListModel.COL_STATE)
    assert model.data(index) == "HANDLING 7 s"
    assert model.data(index, ViewRole).state is SaleState.ACCEPTED
    model.upsert(view("A", SaleState.WAITING))  # an older view arriving late is ignored
    found = model.find("A")
    assert found is not None and found.state is SaleState.ACCEPTED
    model.stop()


def test_states_in_plain_words(qapp: object) -> None:
    now = T0 + timedelta(seconds=12)
    assert state_text(view(state=SaleState.WAITING), now) == "Waiting to send"
    assert state_text(view(state=SaleState.SENDING), now) == "Sending…"
    assert (
        state_text(view(state=SaleState.ACCEPTED, server_status="HANDLING"), now) == "HANDLING 12 s"
    )
    assert "QUEUED" in state_text(view(state=SaleState.QUEUED), now)
    assert state_text(view(state=SaleState.FULFILLED), now) == "Fulfilled"
    fulfilled = view(state=SaleState.FULFILLED, card_code="9999-0000")
    assert detail_text(fulfilled) == "•••• 0000"  # the list never shows a whole code
    assert detail_text(view(state=SaleState.FULFILLED, card_code="1234")) == "1234"
    refunded = view(state=SaleState.REFUNDED, failure_code="REFUNDED")
    assert "refunded the account" in detail_text(refunded)
    rejected = view(state=SaleState.REJECTED, failure_code="ERR_PHONE")
    assert "line does not exist" in detail_text(rejected)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (-3, "0 s"),  # a clock step back never shows a negative time
        (0, "0 s"),
        (59, "59 s"),
        (60, "1 min"),
        (3599, "59 min"),
        (3600, "1 h"),
        (86399, "23 h"),
        (86400, "1 d"),
        (40 * 86400, "40 d"),
    ],
)
def test_elapsed_time_is_short_at_any_age(qapp: object, seconds: int, shown: str) -> None:
    assert elapsed_text(seconds) == shown
    now = T0 + timedelta(seconds=seconds)
    assert state_text(view(state=SaleState.CODE_PENDING), now) == f"Code pending… {shown}"


def test_states_stay_short_and_say_the_rest_elsewhere(qapp: object) -> None:
    now = T0 + timedelta(minutes=5)
    assert state_text(view(state=SaleState.UNKNOWN), now) == "Unconfirmed 5 min"
    assert "asked" in detail_text(view(state=SaleState.UNKNOWN))
    assert state_text(view(state=SaleState.QUEUED), now) == "QUEUED: 12-48 h"
    assert "later" in detail_text(view(state=SaleState.QUEUED))
    odd = view(state=SaleState.ACCEPTED, server_status="PROCESSING_AT_PARTNER")
    assert state_text(odd, now) == "PROCESS… 5 min"  # an unusual status is cut here...
    model = OrderListModel(now=lambda: now)
    model.upsert(odd)
    index = model.index(0, OrderListModel.COL_STATE)
    assert model.data(index) == "PROCESS… 5 min"
    tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "PROCESSING_AT_PARTNER 5 min"  # ...and whole in its tooltip
    model.stop()


def test_widest_state_texts_cover_every_state_and_every_unit(qapp: object) -> None:
    texts = widest_state_texts()
    ticking = (SaleState.UNKNOWN, SaleState.ACCEPTED, SaleState.VERIFYING, SaleState.CODE_PENDING)
    for state in set(SaleState) - set(ticking):
        assert state_text(view(state=state), T0) in texts
    for unit in ("59 s", "59 min", "23 h", "99 d"):
        for template in ("Unconfirmed {}", "HANDLING {}", "Verifying… {}", "Code pending… {}"):
            assert template.format(unit) in texts
    assert len(texts) == len(SaleState) - len(ticking) + 4 * len(ticking)


def test_ticking_rows_start_the_timer(qapp: object) -> None:
    model = OrderListModel()
    model.upsert(view("A", SaleState.ACCEPTED))
    assert model._timer.isActive()
    model.upsert(view("A", SaleState.FULFILLED, updated_at=T0 + timedelta(seconds=1)))
    assert not model._timer.isActive()
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole)


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("105380810795", "1053 8081 0795"),
        ("12345678901234", "1234 5678 9012 34"),
        ("123456", "123456"),  # short: as sent
        ("AB-12-CD", "AB-12-CD"),  # not all digits: as sent
        ("١٢٣٤٥٦٧٨", "١٢٣٤٥٦٧٨"),  # non-ASCII digits: as sent
    ],
)
def test_card_code_is_grouped_for_reading(code: str, shown: str) -> None:
    assert group_code(code) == shown
    assert shown.replace(" ", "") == code


def test_code_box_shows_a_code_only_until_the_next_sale_is_placed(qapp: object) -> None:
    panel = OrderPanel()
    s = timedelta(seconds=1)
    panel.show_order(view("A", created_at=T0))
    assert panel.code_box.isHidden() and panel.copy_code() is None  # nothing fulfilled
    panel.show_order(
        view("A", SaleState.FULFILLED, card_code="105380810795", updated_at=T0 + 9 * s)
    )
    assert not panel.code_box.isHidden() and panel.code_label.text() == "1053 8081 0795"
    panel.show_order(view("B", created_at=T0 + 20 * s, updated_at=T0 + 20 * s))
    assert panel.code_box.isHidden()  # the next customer: A's code is not shown...
    assert panel.copy_code() is None  # ...nor copied
    panel.show_order(view("C", created_at=T0 + 21 * s, updated_at=T0 + 21 * s))
    panel.show_order(
        view(
            "B",
            SaleState.FULFILLED,
            card_code="999988887777",
            created_at=T0 + 20 * s,
            updated_at=T0 + 40 * s,
        )
    )
    assert panel.code_label.text() == "9999 8888 7777"  # B ended after C began: still awaited
    panel.table.selectRow(2)  # the cashier picks A's row on purpose
    assert panel.code_label.text() == "1053 8081 0795" and panel.copy_code() == "105380810795"
