"""Printing a stored sale (pos_app/receipts/job.py) to a loopback network printer, a PDF
folder and nowhere; the receipt settings read through the store's one reading."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from pos_app.domain.sale_states import SaleState
from pos_app.receipts.job import (
    ReceiptJob,
    deliver_escpos,
    give_back,
    job_raster,
    prepare_job,
    print_done,
    print_sale,
    print_target,
)
from pos_app.receipts.model import ReceiptKind, ShopHeader, build_receipt
from pos_app.receipts.printers import PrinterConfig, PrinterError
from pos_app.receipts.raster import WIDTH_58MM, WIDTH_80MM, Raster
from pos_app.receipts.render import draw_receipt, to_raster
from pos_app.receipts.settings import ReceiptOutput, ReceiptSettings
from pos_app.store import Store, open_store
from pos_app.store.errors import SaleNotFoundError
from pos_app.store.settings import PREFERENCES, PreferenceError, check_preference
from tests.support.clock import Clock
from tests.support.printer_server import LoopbackPrinter, PrinterMode
from tests.support.sales import new_sale, sale_of

REF = "C1-20260601T093000-00000001"
CODE = "10538081079512345678"
SHOP = ShopHeader("Cyber El Nour", "12 rue Larbi Ben M'hidi, Oran", "0550 12 34 56")


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'pos.sqlite3'}", now=clock.now)
    yield opened
    opened.close()


def add_sale(store: Store, ref: str = REF, state: SaleState = SaleState.FULFILLED) -> None:
    store.add_sale(new_sale(ref))
    path = {
        SaleState.FULFILLED: [SaleState.SENDING, SaleState.ACCEPTED, SaleState.FULFILLED],
        SaleState.QUEUED: [SaleState.SENDING, SaleState.ACCEPTED, SaleState.QUEUED],
        SaleState.WAITING: [],
    }[state]
    current = SaleState.WAITING
    for target in path:
        if target is SaleState.FULFILLED:
            store.transition(ref, current, target, "test", card_code=CODE, num_trans="NT1")
        else:
            store.transition(ref, current, target, "test")
        current = target


def settings_for(printer: LoopbackPrinter | None = None, **changes: Any) -> ReceiptSettings:
    config = PrinterConfig()
    if printer is not None:
        config = PrinterConfig(
            kind="network", host=printer.host, port=printer.port, paper_mm=58, timeout=2.0
        )
    settings = ReceiptSettings.read({}, env={})
    return replace(settings, shop=SHOP, printer=config, **changes)


def sale_rows(db: Path, ref: str) -> tuple[list[Any], list[Any]]:
    """The sale's row and its journal, read raw from the file (bytes as stored)."""
    with sqlite3.connect(db) as con:
        sale = con.execute("SELECT * FROM sale WHERE ref = ?", (ref,)).fetchall()
        journal = con.execute(
            "SELECT j.* FROM journal j JOIN sale s ON s.id = j.sale_id WHERE s.ref = ? "
            "ORDER BY j.id",
            (ref,),
        ).fetchall()
    con.close()
    return sale, journal


@pytest.fixture(autouse=True)
def _app(qapp: QApplication) -> None:
    """Drawing needs a Qt application (offscreen, on this thread)."""


# -- the settings ----------------------------------------------------------------------------


def test_no_settings_print_nothing_until_a_printer_is_set_up() -> None:
    settings = ReceiptSettings.read({}, env={})
    assert settings.output is ReceiptOutput.ESCPOS
    assert settings.printer == PrinterConfig()
    assert (settings.auto_print, settings.auto_claim, settings.mask_number) == (True, True, False)
    assert settings.language == "en" and settings.width_mm == 80
    assert not settings.prints


def test_receipt_settings_are_read_through_the_one_reading() -> None:
    stored = {
        "shop.name": " Cyber El Nour ",
        "receipt.language": "AR",
        "receipt.width": "58",
        "receipt.mask_number": "yes",
        "receipt.auto_print": "off",
        "receipt.output": "pdf",
        "printer.kind": "network",
        "printer.host": "10.0.0.9",
        "language": "fr",
    }
    settings = ReceiptSettings.read(stored, env={})
    assert settings.shop.name == "Cyber El Nour"
    assert (settings.language, settings.width_mm, settings.width_px) == ("ar", 58, WIDTH_58MM)
    assert settings.mask_number and not settings.auto_print and settings.auto_claim
    assert settings.output is ReceiptOutput.PDF and settings.prints
    assert settings.printer.host == "10.0.0.9"
    # The receipt's language: its own setting, else the window's, else the language setting.
    del stored["receipt.language"]
    assert ReceiptSettings.read(stored, window_language="ar", env={}).language == "ar"
    assert ReceiptSettings.read(stored, env={}).language == "fr"
    # A bad stored value is passed over (the default shows), as for the window's language.
    stored["receipt.width"] = "76"
    assert ReceiptSettings.read(stored, env={}).width_mm == 80


def test_an_escpos_printer_always_gets_its_own_paper_width() -> None:
    stored = {"receipt.width": "80", "printer.kind": "file", "printer.file_path": "x.bin"}
    stored["printer.paper_mm"] = "58"
    assert ReceiptSettings.read(stored, env={}).width_px == WIDTH_58MM


def test_printer_settings_that_do_not_go_together_name_their_key() -> None:
    with pytest.raises(ValueError, match=r"printer\.host"):
        ReceiptSettings.read({"printer.kind": "network"}, env={})


def test_every_printer_field_is_a_preference_with_the_same_default_and_checks() -> None:
    """The store cannot import the receipts package: its checks are spelt out there."""
    default = PrinterConfig()
    for key in default.to_settings():
        assert key in PREFERENCES, key
        pref = PREFERENCES[key]
        if pref.default is not None:
            assert PrinterConfig.from_settings({key: str(pref.default)}.get) == default, key
    configs = [
        PrinterConfig(kind="network", host="192.168.1.50", port=9101, paper_mm=58, timeout=7.5),
        PrinterConfig(kind="usb", usb_vendor="0x0416", usb_product="0x5011", mode="column"),
        PrinterConfig(kind="serial", serial_device="COM3", baudrate=115200, open_drawer=True),
        PrinterConfig(kind="win32", win32_name="XP-58 (copy 1)"),
    ]
    for config in configs:
        stored = {
            key: check_preference(key, text)
            for key, text in config.to_settings().items()
            if text  # an empty value is "not set"
        }
        assert PrinterConfig.from_settings(stored.get) == config
    for key, bad in (
        ("printer.kind", "bluetooth"),
        ("printer.port", "70000"),
        ("printer.paper_mm", "76"),
        ("printer.timeout", "nan"),
        ("printer.baudrate", "1234"),
        ("printer.usb_vendor", "0x10000"),
        ("receipt.output", "fax"),
        ("receipt.auto_print", "maybe"),
        ("shop.name", "two\nlines"),
        ("shop.logo", "/no/such/logo.png"),
    ):
        with pytest.raises(PreferenceError, match=key.replace(".", r"\.")):
            check_preference(key, bad)


# -- printing to the loopback printer --------------------------------------------------------


def test_the_printer_gets_the_receipt_as_drawn_and_the_print_is_logged(
    store: Store, clock: Clock
) -> None:
    add_sale(store)
    with LoopbackPrinter("ok") as printer:
        settings = settings_for(printer)
        printed = print_sale(store, REF, settings, printed_at=clock.now())
        parsed = printer.wait_for_parsed_job()
    expected = build_receipt(
        sale_of(store, REF), shop=SHOP, language="en", copy=0, printed_at=clock.now()
    )
    assert parsed.raster == to_raster(draw_receipt(expected, WIDTH_58MM))
    assert parsed.commands[0] == "init" and "cut" in parsed.commands
    assert (printed.copy, printed.target) == (0, f"127.0.0.1:{printer.port}")
    assert store.print_count(REF) == 1


def test_reprints_count_up_as_duplicates(store: Store, clock: Clock) -> None:
    add_sale(store)
    with LoopbackPrinter("ok") as printer:
        settings = settings_for(printer)
        copies = []
        for _ in range(3):
            copies.append(print_sale(store, REF, settings, printed_at=clock.now()).copy)
        jobs = [printer.wait_for_parsed_job().raster for _ in range(3)]
    assert copies == [0, 1, 2]
    sale = sale_of(store, REF)
    for copy, raster in enumerate(jobs):
        receipt = build_receipt(sale, shop=SHOP, language="en", copy=copy, printed_at=clock.now())
        assert raster == to_raster(draw_receipt(receipt, WIDTH_58MM))
    assert jobs[0] != jobs[1]  # the DUPLICATE banner
    next_job = prepare_job(store, REF, settings, printed_at=clock.now())
    assert next_job.receipt.copy == 3


def test_the_steps_apart_as_the_window_runs_them(store: Store, clock: Clock) -> None:
    add_sale(store, state=SaleState.QUEUED)
    with LoopbackPrinter("ok") as printer:
        settings = settings_for(printer)
        preview = prepare_job(store, REF, settings, printed_at=clock.now())
        assert preview.slot is None and store.print_count(REF) == 0  # an export reserves none
        with pytest.raises(ValueError, match="export"):
            print_done(preview, "anywhere")
        target = print_target(settings)
        job = prepare_job(store, REF, settings, printed_at=clock.now(), target=target)
        assert isinstance(job, ReceiptJob) and job.receipt.kind is ReceiptKind.CLAIM
        assert (job.print_kind, job.width_px, job.receipt.copy) == ("claim", WIDTH_58MM, 0)
        assert job.slot is not None and job.slot.copy == 0
        assert store.print_count(REF) == 1  # reserved before anything is sent
        raster = job_raster(job)
        sent = deliver_escpos(raster, settings.printer)
        printed = print_done(job, sent)
        assert printer.wait_for_parsed_job().raster == raster
    assert printed.copy == 0 and store.print_count(REF) == 1
    assert (target, sent) == (f"127.0.0.1:{printer.port}", f"127.0.0.1:{printer.port}")


def test_a_send_that_fails_gives_its_copy_number_back(store: Store, clock: Clock) -> None:
    add_sale(store)
    settings = settings_for(output=ReceiptOutput.PDF)
    job = prepare_job(store, REF, settings, printed_at=clock.now(), target="pdf")
    assert store.print_count(REF) == 1
    give_back(store, job)
    assert store.print_count(REF) == 0
    give_back(store, prepare_job(store, REF, settings, printed_at=clock.now()))  # no slot
    again = prepare_job(store, REF, settings, printed_at=clock.now(), target="pdf")
    assert again.slot is not None and again.slot.copy == 0 and again.receipt.copy == 0


def test_a_print_cut_short_by_a_crash_makes_the_next_one_a_duplicate(
    store: Store, clock: Clock, tmp_path: Path
) -> None:
    """The copy number is taken before the send: a process that dies while the printer
    prints leaves it logged, so the next slip never passes for a second original."""
    add_sale(store)
    settings = settings_for(output=ReceiptOutput.PDF, pdf_folder=tmp_path / "receipts")
    prepare_job(store, REF, settings, printed_at=clock.now(), target=print_target(settings))
    # ... the process dies here, before the send returned ...
    again = print_sale(store, REF, settings, printed_at=clock.now())
    assert again.copy == 1 and store.print_count(REF) == 2


def test_the_window_and_the_command_line_printing_at_once_get_distinct_copies(
    store: Store, clock: Clock, tmp_path: Path
) -> None:
    add_sale(store)
    other = open_store(f"sqlite:///{tmp_path / 'pos.sqlite3'}", now=clock.now)
    try:
        settings = settings_for(output=ReceiptOutput.PDF)
        window = prepare_job(store, REF, settings, printed_at=clock.now(), target="pdf")
        command = prepare_job(other, REF, settings, printed_at=clock.now(), target="pdf")
    finally:
        other.close()
    assert (window.receipt.copy, command.receipt.copy) == (0, 1)
    assert store.print_count(REF) == 2


@pytest.mark.parametrize(
    ("mode", "kind"),
    [("refuse", "refused"), ("close_mid_stream", "closed"), ("slow", "timeout")],
)
def test_a_failing_printer_changes_nothing(
    store: Store, clock: Clock, tmp_path: Path, mode: PrinterMode, kind: str
) -> None:
    add_sale(store)
    before = sale_rows(tmp_path / "pos.sqlite3", REF)
    with LoopbackPrinter(mode, close_after=1000) as printer:
        settings = settings_for(printer)
        settings = replace(settings, printer=replace(settings.printer, timeout=0.5))
        with pytest.raises(PrinterError) as caught:
            print_sale(store, REF, settings, printed_at=clock.now())
    assert caught.value.kind == kind
    assert str(printer.port) in caught.value.message
    assert store.print_count(REF) == 0  # not logged: the next print is the original again
    assert sale_rows(tmp_path / "pos.sqlite3", REF) == before
    assert prepare_job(store, REF, settings, printed_at=clock.now()).receipt.copy == 0


def test_a_raster_for_other_paper_is_refused() -> None:
    with pytest.raises(ValueError, match="384-dot printer"):
        deliver_escpos(Raster(WIDTH_80MM, 1, bytes(72)), PrinterConfig(paper_mm=58))


# -- other outputs -----------------------------------------------------------------------------


def test_pdf_output_writes_a_file_per_copy(store: Store, clock: Clock, tmp_path: Path) -> None:
    add_sale(store)
    folder = tmp_path / "receipts"
    settings = settings_for(output=ReceiptOutput.PDF, pdf_folder=folder)
    assert settings.prints
    first = print_sale(store, REF, settings, printed_at=clock.now())
    second = print_sale(store, REF, settings, printed_at=clock.now())
    assert (first.copy, second.copy) == (0, 1)
    assert first.target == f"pdf:{REF}-0.pdf"
    for name in (f"{REF}-0.pdf", f"{REF}-1.pdf"):
        assert (folder / name).read_bytes().startswith(b"%PDF")


def test_a_pdf_folder_that_cannot_be_made_is_reported(
    store: Store, clock: Clock, tmp_path: Path
) -> None:
    add_sale(store)
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    settings = settings_for(output=ReceiptOutput.PDF, pdf_folder=blocker / "receipts")
    with pytest.raises(PrinterError) as caught:
        print_sale(store, REF, settings, printed_at=clock.now())
    assert caught.value.kind == "not_writable"
    assert store.print_count(REF) == 0


@pytest.mark.parametrize("output", [ReceiptOutput.NONE, ReceiptOutput.ESCPOS])
def test_nowhere_to_print_is_reported(store: Store, clock: Clock, output: ReceiptOutput) -> None:
    add_sale(store)
    settings = settings_for(output=output)  # ESC/POS without a printer set up
    with pytest.raises(PrinterError) as caught:
        print_sale(store, REF, settings, printed_at=clock.now())
    assert caught.value.kind == "not_configured"
    assert store.print_count(REF) == 0


def test_an_unknown_sale_is_not_found(store: Store, clock: Clock) -> None:
    with pytest.raises(SaleNotFoundError):
        prepare_job(store, "C1-NOPE", settings_for(), printed_at=clock.now())


def test_a_pdf_that_cannot_be_written_is_a_failure_and_logs_no_print(
    store: Store, clock: Clock, tmp_path: Path
) -> None:
    add_sale(store)
    folder = tmp_path / "receipts"
    (folder / f"{REF}-0.pdf").mkdir(parents=True)  # held open elsewhere, say: not replaceable
    settings = settings_for(output=ReceiptOutput.PDF, pdf_folder=folder)
    with pytest.raises(PrinterError) as caught:
        print_sale(store, REF, settings, printed_at=clock.now())
    assert caught.value.kind == "not_writable"
    assert store.print_count(REF) == 0
