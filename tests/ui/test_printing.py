"""Receipts printed from the window: a keyboard-only training sale prints to a loopback
network printer (the picture it gets is the receipt drawn for that sale), F9 reprints it as
DUPLICATE 1, and a printer that stops reading never holds up the next sale."""

from __future__ import annotations

from collections.abc import Callable
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
from pos_app.receipts.job import Printed
from pos_app.receipts.model import ShopHeader, build_receipt
from pos_app.receipts.printers import PrinterConfig
from pos_app.receipts.raster import WIDTH_58MM
from pos_app.receipts.render import draw_receipt, save_png, to_raster
from pos_app.receipts.settings import ReceiptSettings
from pos_app.ui.printing import PrintService, ReprintControl, install_printing
from tests.support.printer_server import LoopbackPrinter
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
