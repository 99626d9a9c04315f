"""Receipts printed from the window: a keyboard-only training sale prints to a loopback
network printer (the picture it gets is the receipt drawn for that sale), F9 reprints it as
DUPLICATE 1, a printer that stops reading never holds up the next sale, and prints take
turns in one line to the printer (a few wait, more are refused, each is said)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import OrderView
from pos_app.orders.offload import Offloader
from pos_app.receipts.escpos import parse_stream
from pos_app.receipts.job import Printed
from pos_app.receipts.model import ShopHeader, build_receipt
from pos_app.receipts.printers import PrinterConfig
from pos_app.receipts.raster import WIDTH_58MM
from pos_app.receipts.render import draw_receipt, save_png, to_raster
from pos_app.receipts.settings import ReceiptSettings
from pos_app.store import Store, open_store
from pos_app.ui.printing import (
    PrinterBusyError,
    PrinterQueue,
    PrintService,
    ReprintControl,
    install_printing,
)
from tests.support.clock import Clock
from tests.support.printer_server import LoopbackPrinter
from tests.support.sales import new_sale
from tests.support.waiting import run, wait_until
from tests.support.window import Harness, row_view, sell, started

Make = Callable[..., Harness]
PRINTED_AT = datetime(2026, 6, 1, 9, 45, tzinfo=UTC)
SHOP = ShopHeader("Cyber El Nour", "12 rue Larbi Ben M'hidi, Oran", "0550 12 34 56")


def receipt_settings(printer: LoopbackPrinter, timeout: float = 5.0) -> ReceiptSettings:
    settings = ReceiptSettings.read({}, env={})
    config = PrinterConfig(
        kind="network", host=printer.host, port=printer.port, paper_mm=58, timeout=timeout
    )
    return replace(settings, shop=SHOP, printer=config)


class Printing:
    """The print service installed in a harness window, and what it reported."""

    def __init__(self, h: Harness, settings: ReceiptSettings) -> None:
        services = h.services
        self.service = PrintService(
            services.store,
            services.executor,
            services.counter.spawn,
            settings,
            now=lambda: PRINTED_AT,  # the injected clock: the receipt can be drawn again
            parent=h.window,
        )
        self.control: ReprintControl = install_printing(h.window, self.service)
        self.printed: list[Printed] = []
        self.failed: list[tuple[str, str]] = []
        self.service.printed.connect(self.printed.append)
        self.service.failed.connect(lambda ref, text: self.failed.append((ref, text)))


def expected_raster(h: Harness, ref: str, copy: int, tmp_path: Path) -> Any:
    """The receipt drawn for the stored sale, through a PNG file (as a person would look)."""
    sale = h.services.store.get(ref)
    assert sale is not None
    receipt = build_receipt(sale, shop=SHOP, language="en", copy=copy, printed_at=PRINTED_AT)
    png = tmp_path / f"receipt-{copy}.png"
    save_png(to_raster(draw_receipt(receipt, WIDTH_58MM)), png)
    image = QImage(str(png))
    assert not image.isNull()
    return to_raster(image)


def test_a_keyboard_sale_prints_and_f9_reprints_a_duplicate(
    harness: Make, qloop: qasync.QEventLoop, tmp_path: Path
) -> None:
    h = harness(scale=50.0)
    w = h.window
    edit = w.sale.field.edit
    with LoopbackPrinter("ok") as printer:
        printing = Printing(h, receipt_settings(printer))

        async def body() -> None:
            await started(h)
            sell(edit, "023450009", 2)  # ...0009: fulfilled after the minimum delay
            await wait_until(lambda: printing.printed, 15, what="the receipt printed")
            await wait_until(lambda: printer.jobs_waiting() == 1, what="the job received")
            ref = row_view(w.orders.model, 0).ref
            assert row_view(w.orders.model, 0).state is SaleState.FULFILLED
            assert printing.printed[0] == Printed(ref, 0, f"127.0.0.1:{printer.port}")
            job = printer.wait_for_parsed_job(0.1)
            assert job.raster == expected_raster(h, ref, 0, tmp_path)
            assert w.status.currentMessage() == "Receipt printed."
            # F9 from the number field: the last receipt again, marked DUPLICATE 1.
            assert w.focusWidget() is edit
            QTest.keyClick(edit, Qt.Key.Key_F9)
            await wait_until(lambda: len(printing.printed) == 2, what="the reprint")
            await wait_until(lambda: printer.jobs_waiting() == 1, what="the second job")
            assert printing.printed[1].copy == 1
            reprint = printer.wait_for_parsed_job(0.1)
            assert reprint.raster == expected_raster(h, ref, 1, tmp_path)
            assert reprint.raster != job.raster
            assert "duplicate 1" in w.status.currentMessage()
            assert h.services.store.print_count(ref) == 2
            # The status bar's button is the same action.
            assert printing.control.button.defaultAction() is printing.control.action
            assert "F9" in printing.control.button.text()

        run(qloop, body())
        assert printing.failed == []
        assert printer.connections == 2


@pytest.mark.slow  # waits out a printer that stops reading
def test_a_slow_printer_does_not_hold_up_the_next_sale(
    harness: Make, qloop: qasync.QEventLoop
) -> None:
    h = harness(scale=50.0)
    w = h.window
    edit = w.sale.field.edit
    model = w.orders.model
    with LoopbackPrinter("slow") as printer:
        printing = Printing(h, receipt_settings(printer, timeout=3.0))

        async def body() -> None:
            await started(h)
            sell(edit, "023450009", 2)
            await wait_until(lambda: printing.service.pending, 15, what="the print under way")
            first = row_view(model, 0).ref
            assert printing.service.pending == {first}
            await wait_until(lambda: printer.connections == 1, what="the printer reached")
            # The printer is stalled: the next sale is placed and served all the same.
            await wait_until(lambda: edit.text() == "", what="field cleared")
            sell(edit, "036362608", 1)
            await wait_until(lambda: model.rowCount() == 2, what="second sale listed")
            second = row_view(model, 0).ref
            assert second != first
            await wait_until(
                lambda: row_view(model, 0).state is not SaleState.WAITING,
                10,
                what="second sale sent",
            )
            assert first in printing.service.pending and printing.failed == []
            await wait_until(lambda: printing.failed, 15, what="the print failure")
            ref, text = printing.failed[0]
            assert ref == first
            assert "stopped taking the receipt" in text and "The sale is saved." in text
            assert text in w.status.currentMessage() and "F9" in w.status.currentMessage()
            assert printing.service.failed_ref == first
            await wait_until(lambda: not printing.service.pending, 20, what="prints ended")

        run(qloop, body(), timeout=60)
    store = h.services.store
    assert store.print_count(first_ref(printing)) == 0
    assert all(sale.state is not SaleState.WAITING for sale in store.iter_sales())
    assert printing.printed == []


def first_ref(printing: Printing) -> str:
    return printing.failed[0][0]


# -- when the service prints on its own --------------------------------------------------------


def view(ref: str, state: SaleState, code: str | None = None) -> OrderView:
    moment = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    return OrderView(
        ref=ref,
        line_type=LineType.ADSL,
        number="036362608",
        face_value=1000,
        price=1000,
        state=state,
        server_status=None,
        card_code=code,
        num_trans=None,
        date_traitement=None,
        failure_code=None,
        failure_reason=None,
        created_at=moment,
        updated_at=moment,
    )


def watching(qapp: QApplication, **changes: Any) -> tuple[PrintService, list[str]]:
    settings = ReceiptSettings.read({"printer.kind": "file", "printer.file_path": "x"}, env={})
    service = PrintService(
        None,  # type: ignore[arg-type]  # never reached: requests are only collected
        None,  # type: ignore[arg-type]
        lambda coro: coro.close(),
        replace(settings, **changes),
    )
    requested: list[str] = []
    service.request = requested.append  # type: ignore[method-assign,assignment]
    return service, requested


def test_a_sale_prints_once_per_slip_on_its_way(qapp: QApplication) -> None:
    service, requested = watching(qapp)
    for state in (
        SaleState.WAITING,
        SaleState.SENDING,
        SaleState.ACCEPTED,
        SaleState.QUEUED,
        SaleState.QUEUED,
    ):
        service.watch(view("A", state))
    assert requested == ["A"]  # the claim slip, once
    service.watch(view("A", SaleState.FULFILLED, "1234"))
    service.watch(view("A", SaleState.FULFILLED, "1234"))
    assert requested == ["A", "A"]  # then the receipt, once
    for state in (SaleState.WAITING, SaleState.SENDING, SaleState.REJECTED):
        service.watch(view("B", state))
    assert requested == ["A", "A"]  # a refused sale prints nothing on its own


def test_sales_shown_at_start_do_not_print_again(qapp: QApplication) -> None:
    service, requested = watching(qapp)
    service.watch(view("A", SaleState.FULFILLED, "1234"))
    service.watch(view("B", SaleState.QUEUED))
    assert requested == []
    service.watch(view("B", SaleState.FULFILLED, "5678"))  # the queued one delivered since
    assert requested == ["B"]


def test_auto_print_and_auto_claim_can_be_turned_off(qapp: QApplication) -> None:
    service, requested = watching(qapp, auto_print=False, auto_claim=False)
    for state in (SaleState.WAITING, SaleState.QUEUED, SaleState.FULFILLED):
        service.watch(view("A", state, "1234" if state is SaleState.FULFILLED else None))
    assert requested == []
    service, requested = watching(qapp, printer=PrinterConfig())  # no printer set up
    for state in (SaleState.WAITING, SaleState.QUEUED, SaleState.FULFILLED):
        service.watch(view("A", state, "1234" if state is SaleState.FULFILLED else None))
    assert requested == []


# -- one line to the printer -------------------------------------------------------------------


def test_the_printer_queue_lets_one_print_at_a_time_in_the_order_asked() -> None:
    loop = asyncio.new_event_loop()
    try:
        queue = PrinterQueue(max_waiting=2)
        order: list[str] = []
        at_once: list[int] = []
        holding = 0

        async def use(name: str) -> None:
            nonlocal holding
            async with turns[name]:
                holding += 1
                at_once.append(holding)
                order.append(name)
                await asyncio.sleep(0.01)
                holding -= 1

        assert not queue.busy
        turns = {name: queue.join() for name in ("first", "second", "third")}
        assert queue.busy and queue.waiting == 2
        with pytest.raises(PrinterBusyError):
            queue.join()  # one running and two waiting: the line is full

        async def all_of_them() -> None:
            await asyncio.gather(*(use(name) for name in turns))

        loop.run_until_complete(all_of_them())
        assert order == ["first", "second", "third"] and set(at_once) == {1}
        assert not queue.busy and queue.waiting == 0
        queue.join().leave()  # a place given back unused frees the line too
        assert not queue.busy
    finally:
        loop.close()


def test_a_print_cancelled_while_waiting_leaves_the_line() -> None:
    loop = asyncio.new_event_loop()
    try:
        queue = PrinterQueue(max_waiting=1)
        running, waiting = queue.join(), queue.join()

        async def scenario() -> None:
            async with running:
                task = asyncio.ensure_future(waiting.__aenter__())
                await asyncio.sleep(0.01)
                task.cancel()
                with pytest.raises(asyncio.CancelledError):
                    await task
                assert queue.waiting == 0
                queue.join().leave()  # the place is free again

        loop.run_until_complete(scenario())
        assert not queue.busy
    finally:
        loop.close()


class FifoPrinter:
    """A FIFO standing in for a device printer (``printer.kind file``, ``/dev/usb/lp0``):
    nobody reads it until :meth:`start`; then each writer's open-to-close is one job."""

    def __init__(self, path: Path) -> None:
        os.mkfifo(path)
        self.path = path
        self.jobs: list[bytes] = []
        self._thread: threading.Thread | None = None

    def start(self, count: int) -> None:
        """Read ``count`` jobs on a thread of its own."""

        def read() -> None:
            for _ in range(count):
                with open(self.path, "rb") as end:
                    self.jobs.append(end.read())

        self._thread = threading.Thread(target=read, name="fifo-printer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Release a reader still waiting for a writer, and wait for its thread."""
        if self._thread is None:
            return
        while self._thread.is_alive():
            with contextlib.suppress(OSError):  # no reader at this instant
                os.close(os.open(self.path, os.O_WRONLY | os.O_NONBLOCK))
            self._thread.join(0.05)


@pytest.fixture
def fifo_printer(tmp_path: Path) -> Iterator[FifoPrinter]:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs POSIX FIFOs")
    printer = FifoPrinter(tmp_path / "lp0")
    yield printer
    printer.stop()


def fifo_settings(printer: FifoPrinter) -> ReceiptSettings:
    settings = ReceiptSettings.read({}, env={})
    config = PrinterConfig(kind="file", file_path=str(printer.path), paper_mm=58, timeout=10.0)
    return replace(settings, shop=SHOP, printer=config)


class Counter:
    """A print service over a real store and worker pool, outside any window."""

    def __init__(self, store: Store, settings: ReceiptSettings, queue: PrinterQueue) -> None:
        self.store = store
        self.executor = Offloader(2, thread_name_prefix="print-test")
        self.tasks: set[asyncio.Future[Any]] = set()
        self.service = PrintService(
            store, self.executor, self.spawn, settings, now=lambda: PRINTED_AT, queue=queue
        )
        self.messages: list[str] = []
        self.printed: list[Printed] = []
        self.service.message.connect(lambda text, _ms: self.messages.append(text))
        self.service.printed.connect(self.printed.append)

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def close(self) -> None:
        self.executor.shutdown(wait=True)
        self.executor.close()


@pytest.fixture
def counter_store(tmp_path: Path) -> Iterator[Store]:
    clock = Clock()
    store = open_store(f"sqlite:///{(tmp_path / 'pos.sqlite3').as_posix()}", now=clock.now)
    yield store
    store.close()


def fulfilled(store: Store, ref: str) -> str:
    store.add_sale(new_sale(ref))
    store.transition(ref, SaleState.WAITING, SaleState.SENDING, "test")
    store.transition(ref, SaleState.SENDING, SaleState.ACCEPTED, "test")
    store.transition(
        ref, SaleState.ACCEPTED, SaleState.FULFILLED, "test", card_code=f"7700123456{ref[-4:]}"
    )
    return ref


def drawn(store: Store, ref: str, copy: int = 0) -> Any:
    sale = store.get(ref)
    assert sale is not None
    receipt = build_receipt(sale, shop=SHOP, language="en", copy=copy, printed_at=PRINTED_AT)
    return to_raster(draw_receipt(receipt, WIDTH_58MM))


def test_prints_asked_while_one_runs_wait_their_turn_and_a_full_line_says_so(
    qloop: qasync.QEventLoop, counter_store: Store, fifo_printer: FifoPrinter
) -> None:
    store = counter_store
    refs = [fulfilled(store, f"C1-20260601T093000-{n:08d}") for n in range(1, 6)]
    c = Counter(store, fifo_settings(fifo_printer), PrinterQueue())
    service = c.service

    async def body() -> None:
        service.request(refs[0])
        # Nobody reads the printer yet: the first print is stuck in its (bounded) send.
        await wait_until(lambda: store.print_count(refs[0]) == 1, what="the copy reserved")
        assert service.queue.busy and c.messages == []
        service.request(refs[1])
        assert c.messages == ["A print is still running: this receipt prints after it."]
        service.request(refs[2])
        service.request(refs[3])
        assert service.queue.waiting == 3
        service.request(refs[4])  # one more than the line holds: refused, and said
        assert c.messages[-1].startswith("A print is still running and others wait")
        assert service.failed_ref == refs[4] and service.pending == set(refs[:4])
        fifo_printer.start(4)
        await wait_until(lambda: len(c.printed) == 4, 20, what="the four receipts")
        await wait_until(lambda: not c.tasks, what="the prints ended")

    try:
        run(qloop, body())
    finally:
        c.close()
    assert [p.ref for p in c.printed] == refs[:4]
    assert [parse_stream(job).raster for job in fifo_printer.jobs] == [
        drawn(store, ref) for ref in refs[:4]
    ]  # one whole receipt after the other, never two mixed on the paper
    assert [store.print_count(ref) for ref in refs] == [1, 1, 1, 1, 0]
    assert not service.queue.busy


def test_a_send_that_times_out_gives_its_copy_number_back(
    qloop: qasync.QEventLoop, counter_store: Store, fifo_printer: FifoPrinter
) -> None:
    store = counter_store
    ref = fulfilled(store, "C1-20260601T093000-00000001")
    settings = fifo_settings(fifo_printer)
    settings = replace(settings, printer=replace(settings.printer, timeout=0.3))
    c = Counter(store, settings, PrinterQueue())
    failed: list[str] = []
    c.service.failed.connect(lambda failed_ref, text: failed.append(text))

    async def body() -> None:
        c.service.request(ref)
        await wait_until(lambda: failed, 10, what="the timeout")
        await wait_until(lambda: not c.tasks, what="the print ended")

    try:
        run(qloop, body())
    finally:
        c.close()
    assert "stopped taking the receipt" in failed[0]
    assert store.print_count(ref) == 0 and c.printed == []
    assert not c.service.queue.busy
