"""The window end to end against the simulator, keyboard only, on a fast clock."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from pos_app.domain.cards import group_code
from pos_app.domain.numbers import LineType, check_number
from pos_app.domain.sale_states import SaleState
from pos_app.orders import EngineSettings
from pos_app.simulator import SimConfig, parse_faults
from pos_app.store import NewSale, SaleRecord, open_store
from pos_app.ui.app import build_services, wire_close
from pos_app.ui.main_window import MainWindow
from pos_app.ui.sale.number_field import OFFER_DELAY_MS
from pos_app.ui.sale.panel import Stage, mask_ncli
from tests.support.sales import state_of
from tests.support.waiting import run, wait_until
from tests.support.window import (
    KEY,
    Harness,
    executor_idle,
    row_view,
    save_shot,
    sell,
    started,
)

Make = Callable[..., Harness]


def sales(h: Harness) -> list[SaleRecord]:
    return list(h.services.store.iter_sales())


def test_keyboard_only_sale_to_fulfilment(
    harness: Make, qloop: qasync.QEventLoop, tmp_path: Path
) -> None:
    h = harness(scale=50.0)
    w = h.window
    edit = w.sale.field.edit

    async def body() -> None:
        await started(h)
        assert not w.orders.code_box.isVisible()  # nothing fulfilled yet
        assert w.focusWidget() is edit  # focus starts in the number field
        save_shot(w, "main-idle.png", tmp_path)
        QTest.keyClicks(edit, "023450009")  # ...0009: fulfilled after the minimum delay
        assert w.sale.field.grouped.text() == "023 45 00 09"
        await wait_until(lambda: "Offer:" in w.sale.line_info.text(), what="line check")
        assert "Customer: 1" in w.sale.line_info.text()
        QTest.keyClick(edit, KEY[2])  # 1 000 DA
        assert w.sale.grid.selected is not None and w.sale.grid.selected.value == 1000
        save_shot(w, "number-typed.png", tmp_path)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        assert w.sale.stage is Stage.SUMMARY and w.sale.summary.isVisible()
        summary = w.sale.summary.body.text()
        for fragment in ("ADSL", "023 45 00 09", "1\u202f000\xa0DA", "Offer:"):
            assert fragment in summary
        save_shot(w, "summary.png", tmp_path)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        await wait_until(lambda: w.orders.model.rowCount() == 1, what="sale listed")
        await wait_until(
            lambda: edit.text() == "" and w.sale.stage is Stage.ENTRY, what="field cleared"
        )
        model = w.orders.model
        await wait_until(
            lambda: row_view(model, 0).state is SaleState.FULFILLED,
            15,
            what="fulfilled",
        )
        code = row_view(model, 0).card_code
        assert code and model.data(model.index(0, model.COL_DETAIL)) == "•••• " + code[-4:]
        assert w.orders.copy_code() == code
        assert QGuiApplication.clipboard().text() == code
        assert w.orders.code_box.isVisible()  # shown large, to read out
        assert w.orders.code_label.text() == group_code(code)
        assert w.orders.code_label.text().replace(" ", "") == code
        assert "023 45 00 09" in w.orders.code_caption.text()
        await wait_until(
            lambda: w.balance.view is not None and w.balance.view.amount == Decimal("49020.00"),
            10,
            what="balance refreshed after the sale",
        )
        save_shot(w, "fulfilled.png", tmp_path)

    run(qloop, body())
    assert [s.state for s in sales(h)] == [SaleState.FULFILLED]


def test_double_enter_and_double_click_make_one_sale(
    harness: Make, qloop: qasync.QEventLoop
) -> None:
    h = harness()
    w = h.window
    edit = w.sale.field.edit

    async def body() -> None:
        await started(h)
        QTest.keyClicks(edit, "213472731602")
        QTest.keyClick(edit, KEY[1])
        for _ in range(4):  # Enter (summary), then three more in a burst
            QTest.keyClick(edit, Qt.Key.Key_Return)
        QTest.mouseDClick(w.sale.summary.sell, Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: w.sale.stage is Stage.ENTRY and edit.text() == "", what="back to entry"
        )
        QTest.keyClick(edit, Qt.Key.Key_Return)  # a late Enter on the empty field
        await wait_until(
            lambda: (
                all(
                    s.state in (SaleState.FULFILLED, SaleState.REFUNDED, SaleState.QUEUED)
                    for s in sales(h)
                )
                and sales(h)
            ),
            15,
            what="final",
        )

    run(qloop, body())
    assert len(sales(h)) == 1
    assert len(h.sim.accepted()) == 1
    assert w.orders.model.rowCount() == 1


def test_a_line_that_does_not_exist_blocks_the_summary(
    harness: Make, qloop: qasync.QEventLoop
) -> None:
    h = harness()
    w = h.window
    edit = w.sale.field.edit

    async def body() -> None:
        await started(h)
        QTest.keyClicks(edit, "023450000")  # ...0000: ERR_PHONE
        await wait_until(lambda: "does not exist" in w.sale.line_info.text(), what="refusal")
        QTest.keyClick(edit, KEY[1])
        QTest.keyClick(edit, Qt.Key.Key_Return)
        assert w.sale.stage is Stage.ENTRY
        assert "does not exist" in w.sale.message.text()
        # The answer is cached in the store: no second request for the same line.
        calls = len([r for r in h.sim.requests() if "check-number" in r.path])
        QTest.keyClick(edit, Qt.Key.Key_Backspace)
        QTest.keyClicks(edit, "0")
        await wait_until(lambda: "does not exist" in w.sale.line_info.text(), what="cached")
        assert len([r for r in h.sim.requests() if "check-number" in r.path]) == calls

    run(qloop, body())
    assert sales(h) == []


def test_enter_without_a_value_asks_for_one(harness: Make, qloop: qasync.QEventLoop) -> None:
    h = harness()
    w = h.window
    edit = w.sale.field.edit

    def stage() -> Stage:  # read afresh: each key press may change it
        return w.sale.stage

    async def body() -> None:
        await started(h)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        assert "ADSL 0 + 8 digits" in w.sale.message.text()
        QTest.keyClicks(edit, "036362608")
        QTest.keyClick(edit, Qt.Key.Key_Return)
        assert "Pick a card value" in w.sale.message.text()
        QTest.keyClick(edit, KEY[4])  # 3 000 DA: out of stock
        assert "Out of stock" in w.sale.message.text()
        QTest.keyClick(edit, KEY[1])
        QTest.keyClick(edit, Qt.Key.Key_Return)
        assert stage() is Stage.SUMMARY
        QTest.keyClick(edit, Qt.Key.Key_Escape)  # back, nothing sold
        assert stage() is Stage.ENTRY and edit.text() == "036362608"
        QTest.keyClick(edit, Qt.Key.Key_Escape)  # clear for the next customer
        assert edit.text() == ""

    run(qloop, body())
    assert sales(h) == []


def test_greyed_values_and_low_balance(
    harness: Make, qloop: qasync.QEventLoop, tmp_path: Path
) -> None:
    h = harness(sim_config=SimConfig(seed=3, time_scale=200.0, balance=Decimal("1500.00")))
    w = h.window

    async def body() -> None:
        await started(h)
        buttons = {b.choice.value: b for b in w.sale.grid.buttons}
        assert buttons[500].isEnabled() and buttons[1000].isEnabled()
        assert not buttons[2000].isEnabled()
        assert "More than the balance" in buttons[2000].toolTip()
        assert not buttons[3000].isEnabled() and "Out of stock" in buttons[3000].toolTip()
        assert w.balance.is_low and w.balance.warning.isVisible()
        assert "updated" in w.balance.when.text()
        QTest.keyClicks(w.sale.field.edit, "2")  # 4G: its own values
        assert w.sale.grid.kind is LineType.LTE
        assert {b.choice.value for b in w.sale.grid.buttons} == {500, 1000, 1500, 2000, 3000}
        QTest.keyClicks(w.sale.field.edit, "5")  # 25...: no such prefix
        assert "starts with 0 (ADSL) or 213 (4G)" in w.sale.field.hint.text()
        await asyncio.sleep(0.05)  # let the grid's layout settle before the picture
        save_shot(w, "invalid-number-low-balance.png", tmp_path)

    run(qloop, body())


def test_badges_and_online_status(harness: Make, qloop: qasync.QEventLoop) -> None:
    h = harness()
    w = h.window

    async def body() -> None:
        await started(h)
        await wait_until(w.status.sandbox.isVisible, what="sandbox badge")
        assert w.status.training.isVisible() and w.banner.isVisible()
        assert "ONECLICK_API_KEY" not in w.banner.text()  # --demo: asked for, nothing to fix
        await wait_until(lambda: w.status.connection.text().startswith("Online"))

    run(qloop, body())


def test_without_a_key_the_banner_says_how_to_sell_for_real(
    harness: Make, qloop: qasync.QEventLoop
) -> None:
    h = harness()
    keyless = MainWindow(h.services.counter, training=True, no_key=True)
    try:
        assert "No API key is configured" in keyless.banner.text()
        assert "settings (Ctrl+,)" in keyless.banner.text()  # where the key is entered
        assert keyless.banner.isVisibleTo(keyless)
    finally:
        keyless.allow_close()
        keyless.close()
        keyless.deleteLater()


def test_offline_then_back(harness: Make, qloop: qasync.QEventLoop, tmp_path: Path) -> None:
    h = harness()
    w = h.window
    edit = w.sale.field.edit

    async def body() -> None:
        await started(h)
        h.sim.go_offline()
        await h.services.counter.refresh()
        await wait_until(
            lambda: w.status.connection.text().startswith("Offline"), what="offline shown"
        )
        QTest.keyClicks(edit, "036362609")
        await wait_until(lambda: "Line not checked" in w.sale.line_info.text(), what="no check")
        QTest.keyClick(edit, KEY[1])
        QTest.keyClick(edit, Qt.Key.Key_Return)
        QTest.keyClick(edit, Qt.Key.Key_Return)  # a sale can still be recorded offline
        await wait_until(lambda: w.orders.model.rowCount() == 1, what="listed")
        await wait_until(
            lambda: "1 sale(s) waiting" in w.status.connection.text(), 10, what="waiting count"
        )
        assert "oldest" in w.status.connection.text()
        save_shot(w, "offline-waiting.png", tmp_path)
        assert row_view(w.orders.model, 0).state is SaleState.WAITING
        h.sim.go_online()
        await wait_until(
            lambda: (
                row_view(w.orders.model, 0).state
                in (SaleState.FULFILLED, SaleState.REFUNDED, SaleState.QUEUED)
            ),
            20,
            what="sent once back",
        )
        await wait_until(lambda: w.status.connection.text() == "Online", 10, what="online again")

    run(qloop, body(), timeout=45)
    assert len(h.sim.accepted()) == 1


def test_clean_shutdown_with_sales_in_flight(
    harness: Make, qloop: qasync.QEventLoop, tmp_path: Path
) -> None:
    h = harness(sim_config=SimConfig(seed=9, time_scale=1.0, latency_ms=150))
    w = h.window
    edit = w.sale.field.edit

    async def body() -> None:
        await started(h)
        for number in ("036362601", "036362602", "213472731605"):
            sell(edit, number)
            await wait_until(
                lambda: w.sale.stage is Stage.ENTRY and edit.text() == "", what="placed"
            )
        assert w.orders.model.rowCount() == 3
        await wait_until(
            lambda: any(s.state is SaleState.ACCEPTED for s in sales(h)),
            what="a sale HANDLING",
        )
        await asyncio.sleep(1.1)  # one tick of the elapsed-seconds timer
        save_shot(w, "in-progress.png", tmp_path)
        assert "HANDLING" in " ".join(
            str(w.orders.model.data(w.orders.model.index(r, 4))) for r in range(3)
        )
        assert any(s.state is not SaleState.FULFILLED for s in sales(h))
        await h.services.shutdown()

    run(qloop, body())
    assert h.services.closed and executor_idle(h.services)
    assert h.services.store.closed


def test_closing_the_window_shuts_down_with_sales_in_flight(
    harness: Make, qloop: qasync.QEventLoop
) -> None:
    h = harness(sim_config=SimConfig(seed=4, time_scale=1.0, latency_ms=100))
    w = h.window
    edit = w.sale.field.edit
    closed = wire_close(w, h.services)

    async def body() -> None:
        await started(h)
        sell(edit, "036362607")
        await wait_until(lambda: w.orders.model.rowCount() == 1, what="listed")
        assert not w.close()  # refused at first: the services go down first
        await asyncio.wait_for(closed.wait(), 15)

    run(qloop, body())
    assert h.services.closed and executor_idle(h.services) and not w.isVisible()


def test_cached_products_and_balance_show_before_the_network(
    harness: Make, qloop: qasync.QEventLoop
) -> None:
    h = harness()
    store = h.services.store
    store.save_products(LineType.ADSL, [(500, 490, True), (700, 690, False)], datetime.now(UTC))
    store.save_balance(Decimal("321.00"), datetime.now(UTC))
    h.sim.go_offline()
    w = h.window

    async def body() -> None:
        await h.services.counter.start()
        assert [b.choice.value for b in w.sale.grid.buttons] == [500, 700]
        assert w.balance.view is not None and w.balance.view.amount == Decimal("321.00")
        assert not w.sale.grid.buttons[0].isEnabled()  # 490 DA > 321 DA
        await wait_until(lambda: w.status.connection.text().startswith("Offline"))

    run(qloop, body())


def test_a_refused_key_is_explained(harness: Make, qloop: qasync.QEventLoop) -> None:
    h = harness(sim_config=SimConfig(key="another-key", time_scale=200.0))
    w = h.window

    async def body() -> None:
        await h.services.counter.start()
        await wait_until(
            lambda: "API key was refused" in w.status.currentMessage(), what="key message"
        )
        assert not w.status.sandbox.isVisible()

    run(qloop, body())


def test_mask_keeps_server_masking(qapp: object) -> None:
    assert mask_ncli("12345*****") == "12345*****"
    assert mask_ncli("0363626081") == "03••••••81"


@pytest.mark.slow  # about 3 s of typing and lookups
def test_recent_numbers_are_offered_and_taken_only_when_picked(
    harness: Make, qloop: qasync.QEventLoop
) -> None:
    h = harness()
    w = h.window
    field = w.sale.field
    edit = field.edit
    for n, number in enumerate(("036362608", "023450077", "213472731602", "023450009")):
        kind = check_number(number).kind
        assert kind is not None  # every number here is a whole one
        h.services.store.add_sale(
            NewSale(
                ref=f"TEST-20260301T093000-{n:08d}",
                line_type=kind,
                number=number,
                face_value=500,
                cost=450,
                price=500,
                cashier="",
                counter="TEST",
            )
        )

    async def settled() -> None:
        """Until the pause timer has fired (or was never started)."""
        await wait_until(lambda: not field._offer_timer.isActive(), what="offer timer")
        await asyncio.sleep(0)

    async def body() -> None:
        await started(h)
        popup = field.completer.popup()
        assert popup is not None
        QTest.keyClicks(edit, "0234")
        await settled()
        assert not popup.isVisible()  # four digits: too few (an area code lists many)
        QTest.keyClicks(edit, "5")
        assert not popup.isVisible()  # not while typing goes on...
        await wait_until(popup.isVisible, what="completion popup")  # ...once it pauses
        assert field.completer.completionCount() == 2
        shown = [field.completer.completionModel().index(r, 0).data() for r in range(2)]
        assert shown == ["023 45 00 09", "023 45 00 77"]  # newest first, grouped
        assert edit.text() == "02345"  # nothing typed for the cashier
        # The field's keys still work while the list shows (keys go to the popup then).
        QTest.keyClick(popup, Qt.Key.Key_F2)
        assert not popup.isVisible() and field.entry.forced is LineType.ADSL
        QTest.keyClicks(edit, "0")
        await wait_until(popup.isVisible, what="popup again")
        QTest.keyClick(popup, Qt.Key.Key_Return)  # nothing highlighted: Enter is the field's
        assert not popup.isVisible() and edit.text() == "023450"
        assert w.sale.stage is Stage.ENTRY and "more digit" in w.sale.message.text()
        QTest.keyClicks(edit, "0")
        await wait_until(popup.isVisible, what="popup again")
        QTest.keyClick(popup, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # a value key
        assert not popup.isVisible() and edit.text() == "0234500"
        assert w.sale.grid.selected is not None and w.sale.grid.selected.value == 2000
        QTest.keyClicks(edit, "0")
        await wait_until(popup.isVisible, what="popup again")
        QTest.keyClick(popup, Qt.Key.Key_Down)
        QTest.keyClick(popup, Qt.Key.Key_Return)  # a highlighted number: taken
        assert edit.text() == "023450009" and field.entry.is_complete
        assert not popup.isVisible()
        assert w.sale.stage is Stage.ENTRY  # picking a number did not open the summary
        field.clear()
        QTest.keyClicks(edit, "09876")  # no such recent number
        await settled()
        assert not popup.isVisible()
        field.clear()
        QTest.keyClicks(edit, "036362608")  # typed in full: nothing to offer
        await settled()
        assert not popup.isVisible()
        field.clear()
        QTest.keyClicks(edit, "03636")
        await wait_until(popup.isVisible, what="popup for 03636")
        QTest.keyClicks(edit, "2608")  # typed on to the end while it shows: it goes at once
        assert not popup.isVisible() and field.entry.is_complete
        field.clear()
        QTest.keyClicks(edit, "03636")
        await wait_until(popup.isVisible, what="popup for 03636")
        QTest.keyClicks(edit, "2")
        QTest.keyClick(popup, Qt.Key.Key_Escape)  # dismissed at once...
        assert not popup.isVisible()
        await asyncio.sleep(OFFER_DELAY_MS / 1000 * 2)
        assert not popup.isVisible()  # ...and it does not come back by itself

    run(qloop, body())


def test_low_balance_warning_follows_the_shops_threshold(
    harness: Make, qloop: qasync.QEventLoop
) -> None:
    h = harness()  # the simulator's balance: 50 000 DA
    strict = MainWindow(h.services.counter, training=True, low_balance=Decimal(60000))

    async def body() -> None:
        await started(h)
        await wait_until(lambda: strict.balance.view is not None, what="balance")
        assert strict.balance.is_low and not h.window.balance.is_low  # default 2 000 DA
        assert "60\u202f000\xa0DA" in strict.balance.warning.text()

    try:
        run(qloop, body())
    finally:
        strict.allow_close()
        strict.close()
        strict.deleteLater()


@pytest.mark.slow  # waits out a hung send
def test_closing_while_a_send_hangs_does_not_freeze_or_lose_the_sale(
    harness: Make, qloop: qasync.QEventLoop, tmp_path: Path
) -> None:
    """The server takes the sale, then answers only after 12 s. Closing waits a bounded time
    with the window alive, then leaves the call behind; the sale stays "sending" for the
    next start to ask about."""
    h = harness(
        sim_config=SimConfig(seed=5, time_scale=1.0, faults=tuple(parse_faults("send:slow=12000")))
    )
    w = h.window
    edit = w.sale.field.edit
    closed = wire_close(w, h.services)
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(50)
    heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))
    loop_errors: list[dict[str, object]] = []
    qloop.set_exception_handler(lambda _loop, context: loop_errors.append(context))

    async def body() -> float:
        await started(h)
        sell(edit, "036362607")
        await wait_until(lambda: len(h.sim.accepted()) == 1, what="sale on the server")
        heartbeat.start()
        start = time.monotonic()
        assert not w.close()
        await wait_until(lambda: not w.isEnabled(), what="input off while closing")
        assert "Closing" in w.status.currentMessage()
        await asyncio.wait_for(closed.wait(), 15)
        took = time.monotonic() - start
        heartbeat.stop()
        return took

    took = run(qloop, body())
    services = h.services
    assert took < 10.0, f"closing waited for the hung send ({took:.1f} s)"
    assert services.stranded == 1 and services.store.closed and not w.isVisible()
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    assert gaps and max(gaps) < 0.5, f"GUI thread blocked {max(gaps):.2f} s while closing"
    run(qloop, wait_until(lambda: executor_idle(services), 20, what="the call to end"), 25)
    assert not loop_errors, loop_errors  # nothing started on the closed pool by a late step
    with open_store(services.store.url) as store:
        [sale] = list(store.iter_sales())
        assert sale.state is SaleState.SENDING  # its late answer was not written: a closed store
    # The next start asks OneClickDZ about it (by its ref) and follows it; no second send.
    again = build_services(
        demo=True,
        db_url=services.store.url,
        simulator=h.sim,
        settings=EngineSettings(time_scale=200.0),
    )

    async def next_start() -> None:
        await again.counter.start()
        await wait_until(
            lambda: state_of(again.store, sale.ref) in (SaleState.ACCEPTED, SaleState.FULFILLED),
            15,
            what="recovered",
        )
        await again.shutdown()

    try:
        run(qloop, next_start())
    finally:
        if not again.closed:
            run(qloop, again.shutdown())
    assert len(h.sim.accepted()) == 1
