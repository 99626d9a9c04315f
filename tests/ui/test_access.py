"""Who is at the counter, in the real window offscreen over a simulator and a real SQLite
file: it opens locked when the shop has people, a PIN (checked on the worker pool) signs
someone in, Ctrl+L locks again and switches people, every sale carries the signed-in name,
and manager-only actions ask a cashier's manager once and note who allowed them."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from datetime import UTC
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.ui.access import gate, require_manager
from pos_app.ui.access.pin_field import PinEntry
from tests.support.access import (
    CODE,
    Counter,
    active,
    make_counter,
    noted,
    sign_in,
    signed_in,
)
from tests.support.people import CASHIER, MANAGER, OTHER_CASHIER
from tests.support.waiting import run, wait_until
from tests.support.window import Harness, row_view, started

Make = Callable[..., Harness]


@pytest.fixture
def counter(harness: Make) -> Callable[..., Counter]:
    def make(*, people: bool = True, sales: bool = False) -> Counter:
        return make_counter(harness(), people=people, sales=sales)

    return make


def test_the_window_opens_locked_and_a_pin_checked_on_the_pool_signs_in(
    counter: Callable[..., Counter], qloop: qasync.QEventLoop
) -> None:
    c = counter()
    w, access = c.h.window, c.access

    async def body() -> None:
        assert access.locked and access.lock_screen.isVisible()  # covered from the start
        await wait_until(lambda: access.lock_screen.names.count() == 3, what="people listed")
        central = w.centralWidget()
        assert central is not None and not central.isEnabled() and not w.status.isEnabled()
        await active(c)
        # A wrong PIN: said with the tries left, the field emptied, nobody signed in.
        await sign_in(c, *(CASHIER[0], "0000"))
        await wait_until(lambda: "Wrong PIN" in access.lock_screen.message.text())
        assert "4 more wrong PIN(s) lock Karim out" in access.lock_screen.message.text()
        assert access.locked and access.user is None
        # Too short: said at once, not counted, not sent to the store.
        QTest.keyClicks(access.lock_screen.pin, "12")
        QTest.keyClick(access.lock_screen.pin, Qt.Key.Key_Return)
        assert access.lock_screen.message.text() == "A PIN has at least 4 digits."
        assert len(c.store.check_threads) == 1
        await sign_in(c, *CASHIER)
        await wait_until(lambda: not access.locked, what="signed in")
        assert access.user is not None and access.user.name == "Karim"
        assert not access.lock_screen.isVisible() and central.isEnabled()
        assert access.label.text() == "Signed in: Karim (cashier) · Ctrl+L locks"
        assert access.label.isVisible()
        assert c.h.services.engine.cashier == "Karim"
        assert w.focusWidget() is w.sale.field.edit
        main = threading.main_thread().name
        assert c.store.check_threads and main not in c.store.check_threads
        user = c.h.services.store.user("Karim")
        assert user is not None and user.failed_pins == 0  # the right PIN reset the count

    run(qloop, body())


def test_the_pin_field_takes_digits_only_and_the_locked_window_no_shortcut(
    counter: Callable[..., Counter], qloop: qasync.QEventLoop
) -> None:
    c = counter()
    pin = c.access.lock_screen.pin

    async def body() -> None:
        await wait_until(lambda: c.access.lock_screen.names.count() == 3)
        await active(c)
        QTest.keyClicks(pin, "12-3 4,5678999")
        assert pin.text() == "12345678"  # digits only, at most 8
        assert pin.echoMode() == pin.EchoMode.Password
        pin.clear()
        QTest.keyClick(pin, Qt.Key.Key_Down)  # the arrows move in the names
        assert c.access.lock_screen.names.currentRow() == 1
        QTest.keyClick(pin, Qt.Key.Key_F3)  # history: not while locked
        QTest.keyClick(pin, Qt.Key.Key_F4)  # reports: not either
        assert c.history.screen is None and c.reports.screen is None

    run(qloop, body())


def test_locked_out_then_disabled_are_said(
    counter: Callable[..., Counter], qloop: qasync.QEventLoop
) -> None:
    c = counter()
    screen = c.access.lock_screen

    async def body() -> None:
        await active(c)
        for attempt in range(5):
            await sign_in(c, OTHER_CASHIER[0], "1111")
            await wait_until(lambda: not screen.busy, what=f"try {attempt} checked")
        user = c.h.services.store.user("Amina")
        assert user is not None and user.locked_until is not None
        until = user.locked_until.astimezone(UTC).strftime("%H:%M")
        assert screen.message.text() == f"Too many wrong PINs: Amina is locked out until {until}."
        await sign_in(c, *OTHER_CASHIER)  # the right PIN too, while locked out
        await wait_until(lambda: not screen.busy)
        assert c.access.locked and "locked out until" in screen.message.text()
        c.h.services.store.disable_user("Karim", by="test")  # listed before, disabled now
        await sign_in(c, *CASHIER)
        await wait_until(lambda: "disabled" in screen.message.text())
        assert screen.message.text() == "Karim is disabled: ask a manager."
        await wait_until(lambda: screen.names.count() == 2, what="the list read again")
        assert c.access.locked

    run(qloop, body())


def test_ctrl_l_locks_clears_the_sale_typed_and_a_switch_sells_as_the_other(
    counter: Callable[..., Counter], qloop: qasync.QEventLoop
) -> None:
    c = counter()
    w, access, store = c.h.window, c.access, c.h.services.store

    async def body() -> None:
        await signed_in(c, CASHIER)
        await started(c.h)
        edit = w.sale.field.edit
        QTest.keyClicks(edit, "036362609")
        QTest.keyClick(edit, Qt.Key.Key_1)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        QTest.keyClick(edit, Qt.Key.Key_Return)  # sold by Karim
        await wait_until(lambda: w.orders.model.rowCount() == 1, what="sale listed")
        first = row_view(w.orders.model, 0).ref
        QTest.keyClicks(edit, "0363626")  # the next one, typed but not sold
        QTest.keyClick(edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert access.locked and access.lock_screen.isVisible() and access.user is None
        assert not access.label.isVisible()
        assert edit.text() == ""  # the sale being typed is gone
        await sign_in(c, *OTHER_CASHIER)
        await wait_until(lambda: not access.locked, what="Amina signed in")
        assert access.label.text().startswith("Signed in: Amina")
        assert c.h.services.engine.cashier == "Amina"
        # The first sale went on meanwhile and still shows.
        await wait_until(
            lambda: (
                store.get(first) is not None
                and store.get(first).state  # type: ignore[union-attr]
                is SaleState.FULFILLED
            ),
            15,
            what="the first sale fulfilled",
        )
        assert w.orders.model.rowCount() == 1
        QTest.keyClicks(edit, "036362619")
        QTest.keyClick(edit, Qt.Key.Key_1)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        await wait_until(lambda: w.orders.model.rowCount() == 2, what="second sale listed")
        second = row_view(w.orders.model, 0).ref
        sold_first, sold_second = store.get(first), store.get(second)
        assert sold_first is not None and sold_first.cashier == "Karim"
        assert sold_second is not None and sold_second.cashier == "Amina"

    run(qloop, body())


def test_the_cashier_of_a_sale_is_read_when_it_is_placed(
    counter: Callable[..., Counter], qloop: qasync.QEventLoop
) -> None:
    """A switch while a sale is being recorded does not rename it."""
    c = counter()
    engine = c.h.services.engine

    async def body() -> None:
        await started(c.h)
        engine.cashier = "Karim"
        task = asyncio.ensure_future(engine.place(LineType.ADSL, "036362609", 1000))
        await asyncio.sleep(0)  # the sale is on its way (its first await)
        engine.cashier = "Amina"
        view = await task
        sale = c.h.services.store.get(view.ref)
        assert sale is not None and sale.cashier == "Karim"

    run(qloop, body())


def test_no_people_the_window_works_as_before_with_a_notice(
    counter: Callable[..., Counter], qloop: qasync.QEventLoop
) -> None:
    c = counter(people=False, sales=True)
    access = c.access

    async def body() -> None:
        await wait_until(lambda: not access.locked, what="uncovered")
        assert not access.enabled and not access.lock_screen.isVisible()
        assert access.label.text() == "No manager yet: add one in Settings"
        # Manager-only actions as before, noted as the window's.
        screen = c.history.open()
        screen.select_row(0)
        assert screen.show_code() is None  # the gate answers first (on the pool)
        await wait_until(lambda: screen.shown_code is not None, what="code shown")
        assert screen.code_label.text().replace(" ", "") == CODE
        actions = noted(c.h.services.store)
        assert [a.action for a in actions] == [gate.CODE_SHOW]
        assert actions[0].who.startswith("window")
        screen.close()
        # Ctrl+L with nobody to sign in: said, nothing locks.
        await active(c)
        QTest.keyClick(
            c.h.window.sale.field.edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
        )
        await wait_until(lambda: "add a manager" in c.h.window.status.currentMessage())
        assert not access.locked

    run(qloop, body())


def test_a_cashier_needs_a_manager_pin_once_and_the_manager_is_noted(
    counter: Callable[..., Counter], qloop: qasync.QEventLoop, tmp_path: Path
) -> None:
    c = counter(sales=True)
    access, store = c.access, c.h.services.store
    target = tmp_path / "sales.csv"

    async def body() -> None:
        QApplication.clipboard().clear()
        await signed_in(c, CASHIER)
        screen = c.history.open()
        # Cancelled prompt: nothing exported, nothing noted, said.
        assert screen.export_csv(target) is False
        await wait_until(lambda: access.prompt is not None and access.prompt.isVisible())
        prompt = access.prompt
        assert prompt is not None and prompt.selected_name() == "Mona"
        assert "Export the sales history" in prompt.heading.text()
        QTest.keyClick(prompt.pin, Qt.Key.Key_Escape)
        await wait_until(lambda: access.prompt is None, what="prompt gone")
        assert screen.message.text().startswith("Not allowed")
        assert not target.exists() and noted(store) == []
        # A wrong manager PIN: said in the prompt; the right one: exported, noted as Mona.
        screen.export_csv(target)
        await wait_until(lambda: access.prompt is not None)
        prompt = access.prompt
        assert prompt is not None
        QTest.keyClicks(prompt.pin, "1357")  # Karim's PIN is not Mona's
        QTest.keyClick(prompt.pin, Qt.Key.Key_Return)
        await wait_until(lambda: "Wrong PIN" in prompt.message.text())
        assert prompt.isVisible() and not target.exists()
        QTest.keyClicks(prompt.pin, MANAGER[1])
        QTest.keyClick(prompt.pin, Qt.Key.Key_Return)
        await wait_until(lambda: target.exists() and not screen.exporting, what="exported")
        assert [(a.who, a.action) for a in noted(store)] == [("Mona", gate.EXPORT_CSV)]
        assert access.user is not None and access.user.name == "Karim"  # still Karim
        # The next one asks again: an approval is for one action.
        screen.select_row(0)
        screen.copy_code()
        await wait_until(lambda: access.prompt is not None)
        assert access.prompt is not None
        access.prompt.reject()
        await wait_until(lambda: access.prompt is None)
        assert QApplication.clipboard().text() != CODE
        screen.close()

    run(qloop, body())


def test_a_signed_in_manager_is_not_asked_and_is_noted(
    counter: Callable[..., Counter], qloop: qasync.QEventLoop
) -> None:
    c = counter(sales=True)
    access, store = c.access, c.h.services.store

    async def body() -> None:
        QApplication.clipboard().clear()
        await signed_in(c, MANAGER)
        screen = c.history.open()
        screen.select_row(0)
        screen.copy_code()
        await wait_until(lambda: QApplication.clipboard().text() == CODE, what="copied")
        assert access.prompt is None
        (action,) = noted(store)
        assert (action.who, action.action) == ("Mona", gate.CODE_COPY)
        assert action.detail is not None and action.detail["ref"] == screen.selected_row().ref  # type: ignore[union-attr]
        screen.close()
        # The settings' gate: a manager is allowed at once.
        approval = await require_manager(c.h.window, gate.SETTINGS_OPEN)
        assert approval and approval.by == "Mona"

    run(qloop, body())


def test_the_z_and_the_settings_need_a_manager(
    counter: Callable[..., Counter], qloop: qasync.QEventLoop
) -> None:
    c = counter()
    access, store = c.access, c.h.services.store

    async def body() -> None:
        await signed_in(c, CASHIER)
        screen = c.reports.open()
        await wait_until(lambda: screen.report is not None and not screen.busy, what="X")
        QTest.keyClicks(screen.cash, "0")
        screen.ask_close()
        screen.close_day()
        await wait_until(lambda: access.prompt is not None)
        assert screen.confirm.isVisible()  # still to be confirmed until a manager allows
        prompt = access.prompt
        assert prompt is not None and "Close the day" in prompt.heading.text()
        QTest.keyClicks(prompt.pin, MANAGER[1])
        QTest.keyClick(prompt.pin, Qt.Key.Key_Return)
        await wait_until(lambda: len(store.z_reports()) == 1 and not screen.busy, what="Z")
        (action,) = noted(store)
        assert (action.who, action.action, action.detail) == (
            "Mona",
            gate.Z_CLOSE,
            {"cash_counted": 0},
        )
        screen.close()
        # The settings' gate, refused: said, not allowed.
        asked = asyncio.ensure_future(require_manager(c.h.window, gate.SETTINGS_OPEN))
        await wait_until(lambda: access.prompt is not None)
        assert access.prompt is not None
        access.prompt.reject()
        approval = await asked
        assert not approval and approval.text.startswith("Not allowed")
        assert c.h.window.status.currentMessage() == approval.text
        assert len(noted(store)) == 1

    run(qloop, body())


def test_cancel_a_sale_not_yet_sent_with_a_manager(
    counter: Callable[..., Counter], qloop: qasync.QEventLoop
) -> None:
    c = counter()
    w, access, store = c.h.window, c.access, c.h.services.store

    async def body() -> None:
        await signed_in(c, CASHIER)
        # The engine is not started: the sale stays waiting, never sent.
        view = await c.h.services.counter.place(
            LineType.ADSL, "036362609", 1000, "TEST-CXL-1", 1000
        )
        await wait_until(lambda: w.orders.model.rowCount() == 1)
        assert not w.orders.cancel_button.isEnabled()  # nothing selected
        w.orders.table.selectRow(0)
        assert w.orders.cancel_button.isEnabled()
        w.orders.table.setFocus()
        QTest.keyClick(w.orders.table, Qt.Key.Key_Delete)
        await wait_until(lambda: access.prompt is not None)
        assert access.prompt is not None
        QTest.keyClicks(access.prompt.pin, MANAGER[1])
        QTest.keyClick(access.prompt.pin, Qt.Key.Key_Return)
        await wait_until(
            lambda: store.get(view.ref).state is SaleState.CANCELLED,  # type: ignore[union-attr]
            what="cancelled",
        )
        await wait_until(lambda: row_view(w.orders.model, 0).state is SaleState.CANCELLED)
        assert not w.orders.cancel_button.isEnabled()
        (action,) = noted(store)
        assert (action.who, action.action) == ("Mona", gate.SALE_CANCEL)
        assert action.detail == {"ref": view.ref}
        # The engine refuses what it cannot cancel: its message is said.
        access.sign_in_as(store.user("Mona"))  # type: ignore[arg-type]
        access.cancel_sale(view.ref)
        await wait_until(lambda: "cannot be cancelled" in w.status.currentMessage())

    run(qloop, body())


def test_locking_closes_the_screens_open_over_the_counter(
    counter: Callable[..., Counter], qloop: qasync.QEventLoop
) -> None:
    c = counter(sales=True)
    access = c.access

    async def body() -> None:
        await signed_in(c, MANAGER)
        screen = c.history.open()
        screen.select_row(0)
        screen.show_code()
        await wait_until(lambda: screen.shown_code is not None)
        await wait_until(lambda: QApplication.activeWindow() is screen, what="screen active")
        QTest.keyClick(screen.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert access.locked and not screen.isVisible()
        assert screen.shown_code is None and screen.code_label.text() == ""

    run(qloop, body())


def test_no_pin_reaches_a_log_or_a_repr(
    counter: Callable[..., Counter], qloop: qasync.QEventLoop, caplog: pytest.LogCaptureFixture
) -> None:
    c = counter()
    assert "2468" not in repr(PinEntry("Mona", "2468"))

    async def body() -> None:
        await active(c)
        await sign_in(c, MANAGER[0], "8642")
        await wait_until(lambda: "Wrong PIN" in c.access.lock_screen.message.text())
        await sign_in(c, *MANAGER)
        await wait_until(lambda: not c.access.locked)

    with caplog.at_level(logging.DEBUG):
        run(qloop, body())
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "8642" not in logged and MANAGER[1] not in logged
