"""The reports screen offscreen over a real SQLite file of hand-made sales, with the window's
worker pool: the X report shows, the cash counted is checked as typed, closing the day asks
first and then stores Z 1 (shown, listed, reprinted to a loopback network printer, saved as
PDF), Esc closes, F4 opens it from the counter, and a report waits its turn behind a receipt
at the one printer."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass, replace
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pos_app.orders.offload import Offloader
from pos_app.receipts.escpos import parse_stream
from pos_app.receipts.printers import PrinterConfig
from pos_app.receipts.raster import WIDTH_58MM
from pos_app.receipts.render import to_raster
from pos_app.receipts.report_render import ReportLanguage, draw_report
from pos_app.receipts.settings import ReceiptSettings
from pos_app.store import Store, open_store
from pos_app.ui.printing import PrinterQueue
from pos_app.ui.reports import ReportScreen, install_reports
from tests.support import report_day as day
from tests.support.clock import Clock
from tests.support.printer_server import LoopbackPrinter
from tests.support.waiting import run, wait_until
from tests.support.window import Harness
from tests.ui.test_printing import Counter, FifoPrinter, drawn, fifo_settings

PRINTED_AT = day.CLOSING_AT


@dataclass
class Screen:
    screen: ReportScreen
    store: Store
    tasks: set[asyncio.Future[Any]]

    async def settled(self) -> None:
        await wait_until(lambda: not self.screen.busy and not self.tasks, what="the screen idle")


@pytest.fixture
def make_screen(
    qloop: qasync.QEventLoop, qapp: QApplication, tmp_path: Path
) -> Iterator[Callable[..., Screen]]:
    clock = Clock(day.DAY)
    store = open_store(f"sqlite:///{(tmp_path / 'pos.sqlite3').as_posix()}", now=clock.now)
    day.make_day(store, clock)
    executor = Offloader(2, thread_name_prefix="report-test")
    made: list[ReportScreen] = []

    def make(settings: ReceiptSettings | None = None, queue: PrinterQueue | None = None) -> Screen:
        tasks: set[asyncio.Future[Any]] = set()

        def spawn(coro: Coroutine[Any, Any, Any]) -> None:
            task = asyncio.ensure_future(coro)
            tasks.add(task)
            task.add_done_callback(tasks.discard)

        screen = ReportScreen(
            store,
            executor,
            spawn,
            counter="C1",
            settings=settings,
            now=lambda: PRINTED_AT,
            tz=UTC,
            printer_queue=queue,
        )
        made.append(screen)
        return Screen(screen, store, tasks)

    yield make
    for screen in made:
        screen.close()
        screen.deleteLater()
    executor.shutdown(wait=True)
    executor.close()
    store.close()


def test_x_shows_cash_is_checked_and_the_z_asks_first(
    make_screen: Callable[..., Screen], qloop: qasync.QEventLoop, tmp_path: Path
) -> None:
    s = make_screen()
    screen, store = s.screen, s.store

    async def body() -> None:
        screen.open_screen()
        await s.settled()
        assert screen.report is not None and screen.report.kind == "X"
        assert screen.report.sales.count == day.SALES_COUNT
        assert screen.report.customers_paid == day.CUSTOMERS_PAID
        assert screen.report.bridge.difference == day.DIFFERENCE
        assert screen.heading.text().startswith("X report of the open period")
        assert screen.picture.pixmap().width() == 576
        assert screen.focusWidget() is screen.cash
        # The cash counted: checked as typed, the Z refused until it reads.
        QTest.keyClicks(screen.cash, "59O0")
        assert screen.cash_problem.isVisibleTo(screen)
        assert "whole dinars" in screen.cash_problem.text()
        assert not screen.close_button.isEnabled()
        screen.cash.clear()
        QTest.keyClicks(screen.cash, "5 900")
        assert not screen.cash_problem.isVisibleTo(screen) and screen.close_button.isEnabled()
        assert screen.report.cash_counted == 5900 and screen.report.cash_difference == -100
        # Closing asks first; "No" leaves the period open.
        QTest.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
        assert screen.confirm.isVisibleTo(screen) and "5,900" in screen.confirm_text.text()
        assert screen.focusWidget() is screen.cancel_button
        QTest.keyClick(screen.cancel_button, Qt.Key.Key_Space)
        assert not screen.confirm.isVisibleTo(screen)
        await s.settled()
        assert store.z_reports() == []
        # Confirmed: Z 1 is stored and shown, and can no longer be closed again.
        QTest.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
        await s.settled()
        assert screen.shown_z == 1
        stored = store.last_z()
        assert stored is not None and (stored.number, stored.cash_counted) == (1, 5900)
        assert stored.report() == screen.report
        assert "Z report no. 1" in screen.heading.text()
        assert not screen.close_button.isEnabled() and screen.cash.text() == ""
        assert screen.past.count() == 1 and "Z 1" in screen.past.item(0).text()
        # A fresh X: the next period, empty; the past Z shows again from the list.
        QTest.keyClick(screen, Qt.Key.Key_F5)
        await s.settled()
        assert screen.report.kind == "X" and screen.report.sales.count == 0
        screen.past.setCurrentRow(0)
        assert screen.shown_z == 1 and screen.report == stored.report()
        pdf = tmp_path / "z1.pdf"
        assert screen.save_pdf(pdf) and pdf.read_bytes().startswith(b"%PDF")
        assert not screen.save_pdf(tmp_path / "missing" / "z1.pdf")
        assert "could not be written" in screen.status.text()
        QTest.keyClick(screen, Qt.Key.Key_Escape)
        assert not screen.isVisible()

    run(qloop, body())
    assert [z.number for z in store.z_reports()] == [1]


def test_a_z_prints_on_the_network_printer_off_the_gui_thread(
    make_screen: Callable[..., Screen], qloop: qasync.QEventLoop
) -> None:
    with LoopbackPrinter("ok") as printer:
        config = PrinterConfig(
            kind="network", host=printer.host, port=printer.port, paper_mm=58, timeout=5
        )
        s = make_screen(replace(ReceiptSettings.read({}, env={}), printer=config))
        screen = s.screen

        async def body() -> None:
            screen.open_screen()
            await s.settled()
            screen.close_button.click()
            screen.confirm_button.click()
            await s.settled()
            screen.print_button.click()
            assert screen.busy  # the bytes go on the worker pool
            await s.settled()
            assert screen.status.text() == "Report printed."

        run(qloop, body())
        job = printer.wait_for_parsed_job(5)
        z = s.store.last_z()
        assert z is not None
        drawn = draw_report(z.report(), WIDTH_58MM, ReportLanguage("en"), tz=UTC,
                            printed_at=PRINTED_AT)  # fmt: skip
        assert job.raster == to_raster(drawn)


def test_a_printer_that_refuses_is_said_and_the_z_stays(
    make_screen: Callable[..., Screen], qloop: qasync.QEventLoop
) -> None:
    with LoopbackPrinter("refuse") as printer:
        config = PrinterConfig(kind="network", host=printer.host, port=printer.port, timeout=2)
        s = make_screen(replace(ReceiptSettings.read({}, env={}), printer=config))
        screen = s.screen

        async def body() -> None:
            screen.open_screen()
            await s.settled()
            screen.close_button.click()
            screen.confirm_button.click()
            await s.settled()
            screen.print_button.click()
            await s.settled()
            assert screen.status.text().startswith("The report was not printed.")
            assert screen.print_button.isEnabled()  # try again

        run(qloop, body())
        assert [z.number for z in s.store.z_reports()] == [1]


def test_f4_opens_the_screen_from_the_counter(
    harness: Callable[..., Harness], qloop: qasync.QEventLoop
) -> None:
    h = harness()
    services = h.services
    opener = install_reports(
        h.window,
        services.store,
        services.executor,
        services.counter.spawn,
        counter="TEST",
        settings=None,
        language="en",
    )

    async def body() -> None:
        await services.counter.start()
        QTest.keyClick(h.window.sale.field.edit, Qt.Key.Key_F4)
        await wait_until(lambda: opener.screen is not None and opener.screen.report is not None)
        assert opener.screen is not None and opener.screen.isVisible()
        assert opener.screen.report is not None and opener.screen.report.kind == "X"
        assert h.window.status.currentMessage() == "X report made."
        QTest.keyClick(opener.screen, Qt.Key.Key_Escape)
        assert not opener.screen.isVisible()

    run(qloop, body())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
def test_a_report_waits_its_turn_behind_a_receipt_at_the_printer(
    make_screen: Callable[..., Screen], qloop: qasync.QEventLoop, tmp_path: Path
) -> None:
    """The reports screen and the receipts share one line to the printer: a report asked
    for while a receipt is stuck in its send goes out after it, never mixed into it."""
    printer = FifoPrinter(tmp_path / "lp0")
    settings = fifo_settings(printer)
    queue = PrinterQueue()
    s = make_screen(settings, queue)
    screen, store = s.screen, s.store
    receipts = Counter(store, settings, queue)
    ref = "C1-DAY-0001"

    async def body() -> None:
        screen.open_screen()
        await s.settled()
        receipts.service.request(ref)
        await wait_until(lambda: store.print_count(ref) == 1, what="the receipt under way")
        screen.print_shown()
        assert screen.status.text() == "A print is still running: the report prints after it."
        assert screen.busy
        printer.start(2)  # the printer takes paper again
        await wait_until(lambda: receipts.printed and not receipts.tasks, 20, what="receipt")
        await s.settled()
        assert screen.status.text() == "Report printed."

    try:
        run(qloop, body())
    finally:
        receipts.close()
        printer.stop()
    assert screen.report is not None
    report = to_raster(
        draw_report(screen.report, WIDTH_58MM, ReportLanguage("en"), tz=UTC, printed_at=PRINTED_AT)
    )
    assert [parse_stream(job).raster for job in printer.jobs] == [drawn(store, ref), report]
    assert not queue.busy


def test_the_chain_is_checked_on_the_pool_and_said_meanwhile(
    make_screen: Callable[..., Screen], qloop: qasync.QEventLoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check of the chains (at each X and before a Z) runs on a worker thread while the
    screen says "Checking the journal…" and takes input; then it shows the result."""
    s = make_screen()
    screen, store = s.screen, s.store
    release = threading.Event()
    started: list[str] = []
    verify = store.verify_chain

    def gated() -> Any:
        started.append(threading.current_thread().name)
        assert release.wait(10), "the test never let the check go on"
        return verify()

    monkeypatch.setattr(store, "verify_chain", gated)

    async def wait_for_check(count: int) -> None:
        await wait_until(lambda: len(started) == count, what="the chain check under way")
        assert screen.chain_status.text() == "Checking the journal…"
        assert screen.status.text() == "Checking the journal…"
        QTest.keyClicks(screen.cash, "5x")  # the window takes input meanwhile
        assert screen.cash_problem.isVisibleTo(screen)
        screen.cash.clear()
        release.set()
        await s.settled()
        release.clear()
        assert threading.current_thread().name not in started

    async def body() -> None:
        screen.open_screen()
        await wait_for_check(1)
        assert screen.chain_status.text().startswith("Journal: ")
        assert screen.chain_status.text().endswith("intact.")
        QTest.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
        await wait_for_check(2)
        assert screen.shown_z == 1 and "Z report no. 1" in screen.status.text()

    run(qloop, body())
    assert all(name.startswith("report-test") for name in started)
