"""The in-progress model over OrderView, without widgets."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from pos_app.domain.cards import group_code
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState as S
from pos_app.orders import OrderView
from pos_app.ui.orders.model import OrderListModel, ViewRole, detail_text, state_text
from pos_app.ui.orders.panel import OrderPanel

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def view(ref: str = "TEST-1", state: S = S.WAITING, **kw: object) -> OrderView:
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
    return replace(base, **kw)  # type: ignore[arg-type]


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = OrderListModel()
    model.upsert(view("A"))
    model.upsert(view("B", S.FULFILLED, card_code="1234-5678"))
    qtmodeltester.check(model)


def test_newest_first_and_updates_in_place(qapp: object) -> None:
    model = OrderListModel(now=lambda: T0 + timedelta(seconds=7))
    model.upsert(view("A"))
    model.upsert(view("B"))
    assert [model.view_at(r).ref for r in range(2)] == ["B", "A"]  # type: ignore[union-attr]
    model.upsert(
        view("A", S.ACCEPTED, server_status="HANDLING", updated_at=T0 + timedelta(seconds=1))
    )
    assert model.rowCount() == 2
    index = model.index(1, OrderListModel.COL_STATE)
    assert model.data(index) == "HANDLING 7 s"
    assert model.data(index, ViewRole).state is S.ACCEPTED
    model.upsert(view("A", S.WAITING))  # an older view arriving late is ignored
    assert model.find("A").state is S.ACCEPTED  # type: ignore[union-attr]
    model.stop()


def test_states_in_plain_words(qapp: object) -> None:
    now = T0 + timedelta(seconds=12)
    assert state_text(view(state=S.WAITING), now) == "Waiting to send"
    assert state_text(view(state=S.SENDING), now) == "Sending…"
    assert state_text(view(state=S.ACCEPTED, server_status="HANDLING"), now) == "HANDLING 12 s"
    assert "QUEUED" in state_text(view(state=S.QUEUED), now)
    assert state_text(view(state=S.FULFILLED), now) == "Fulfilled"
    fulfilled = view(state=S.FULFILLED, card_code="9999-0000")
    assert detail_text(fulfilled) == "•••• 0000"  # the list never shows a whole code
    assert detail_text(view(state=S.FULFILLED, card_code="1234")) == "1234"
    refunded = view(state=S.REFUNDED, failure_code="REFUNDED")
    assert "refunded the account" in detail_text(refunded)
    rejected = view(state=S.REJECTED, failure_code="ERR_PHONE")
    assert "line does not exist" in detail_text(rejected)


def test_ticking_rows_start_the_timer(qapp: object) -> None:
    model = OrderListModel()
    model.upsert(view("A", S.ACCEPTED))
    assert model._timer.isActive()
    model.upsert(view("A", S.FULFILLED, updated_at=T0 + timedelta(seconds=1)))
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
    panel.show_order(view("A", S.FULFILLED, card_code="105380810795", updated_at=T0 + 9 * s))
    assert not panel.code_box.isHidden() and panel.code_label.text() == "1053 8081 0795"
    panel.show_order(view("B", created_at=T0 + 20 * s, updated_at=T0 + 20 * s))
    assert panel.code_box.isHidden()  # the next customer: A's code is not shown...
    assert panel.copy_code() is None  # ...nor copied
    panel.show_order(view("C", created_at=T0 + 21 * s, updated_at=T0 + 21 * s))
    panel.show_order(
        view(
            "B",
            S.FULFILLED,
            card_code="999988887777",
            created_at=T0 + 20 * s,
            updated_at=T0 + 40 * s,
        )
    )
    assert panel.code_label.text() == "9999 8888 7777"  # B ended after C began: still awaited
    panel.table.selectRow(2)  # the cashier picks A's row on purpose
    assert panel.code_label.text() == "1053 8081 0795" and panel.copy_code() == "105380810795"
