"""Printing one sale's receipt, step by step, each step on the thread it belongs to.

1. :func:`prepare_job` (any thread; reads the store): the sale, how many of its receipts were
   printed already (the DUPLICATE count), and the receipt value.
2. :func:`job_raster` (the GUI thread: Qt draws) or :func:`deliver_file` (the GUI thread:
   a PDF file or the system printer, both drawn by Qt).
3. :func:`deliver_escpos` (a worker thread, never the GUI thread: it blocks on the printer):
   the ESC/POS stream sent to the configured printer.
4. :func:`record` (any thread): only once the printer (or file) took the receipt, the print
   is logged; its copy number comes back.

A failure is a :class:`PrinterError` and changes nothing: the sale is never written here, and
a print that did not happen is not logged. :func:`print_sale` runs every step in order on one
thread (the command line's, which is also its GUI thread).

No Qt at import: the drawing module is imported by the steps that draw.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Final

from pos_app.receipts.escpos import receipt_stream
from pos_app.receipts.model import Receipt, ReceiptKind, build_receipt, receipt_kind
from pos_app.receipts.printers import PrinterConfig, PrinterError, send
from pos_app.receipts.raster import Raster
from pos_app.receipts.settings import RECEIPTS_FOLDER, ReceiptOutput, ReceiptSettings
from pos_app.store import Store
from pos_app.store.errors import SaleNotFoundError
from pos_app.store.paths import data_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

PRINT_KINDS: Final = {
    ReceiptKind.SALE: "receipt",
    ReceiptKind.CLAIM: "claim",
    ReceiptKind.REFUND: "refund",
}
"""What the print log calls each slip (``store.record_print``'s ``kind``)."""


@dataclass(frozen=True, slots=True)
class ReceiptJob:
    """One receipt to print: its value (``receipt.copy`` is the prints made before it), the
    output it goes to and its width in dots."""

    receipt: Receipt
    output: ReceiptOutput
    width_px: int

    @property
    def ref(self) -> str:
        return self.receipt.ref

    @property
    def print_kind(self) -> str:
        """The print log's name for the slip: receipt, claim or refund."""
        return PRINT_KINDS[self.receipt.kind]


@dataclass(frozen=True, slots=True)
class Printed:
    """A receipt that reached its output: the copy number the log gave it, and where."""

    ref: str
    copy: int
    target: str


def prepare_job(
    store: Store,
    ref: str,
    settings: ReceiptSettings,
    *,
    printed_at: datetime,
    tz: tzinfo | None = None,
    output: ReceiptOutput | None = None,
    width_px: int | None = None,
    language: str | None = None,
) -> ReceiptJob:
    """The receipt of sale ``ref`` as it would print now (any thread). ``output``,
    ``width_px`` and ``language`` replace the settings' own. Raises
    :class:`SaleNotFoundError`."""
    sale = store.get(ref)
    if sale is None:
        raise SaleNotFoundError(ref)
    output = settings.output if output is None else output
    if width_px is None:
        width_px = replace(settings, output=output).width_px
    receipt = build_receipt(
        sale,
        shop=settings.shop,
        language=language or settings.language,
        copy=store.print_count(ref, PRINT_KINDS[receipt_kind(sale)]),
        mask_number=settings.mask_number,
        tz=tz,
        printed_at=printed_at,
        training=settings.training,
    )
    return ReceiptJob(receipt, output, width_px)


def draw_job(job: ReceiptJob) -> QImage:
    """The receipt drawn (GUI thread)."""
    from pos_app.receipts.render import draw_receipt

    return draw_receipt(job.receipt, job.width_px)


def job_raster(job: ReceiptJob) -> Raster:
    """The receipt as thermal dots (GUI thread: Qt draws it)."""
    from pos_app.receipts.render import to_raster

    return to_raster(draw_job(job))


def deliver_escpos(raster: Raster, printer: PrinterConfig) -> str:
    """Send ``raster`` to the ESC/POS printer (a worker thread: blocks up to the printer's
    timeout); where it went. Raises :class:`PrinterError`."""
    if raster.width != printer.width_dots:
        raise ValueError(f"a {raster.width}-dot receipt for a {printer.width_dots}-dot printer")
    send(printer, receipt_stream(raster, mode=printer.mode, open_drawer=printer.open_drawer))
    return printer.name


def pdf_folder(settings: ReceiptSettings) -> Path:
    """Where ``receipt.output pdf`` writes (the setting, else ``receipts/`` in the data
    folder)."""
    return settings.pdf_folder or data_dir() / RECEIPTS_FOLDER


def deliver_file(job: ReceiptJob, settings: ReceiptSettings) -> str:
    """Print ``job`` as a PDF file or on the system printer (GUI thread: Qt draws and
    spools); where it went. Raises :class:`PrinterError`."""
    from pos_app.receipts.render import print_system, write_pdf

    if job.output is ReceiptOutput.PDF:
        folder = pdf_folder(settings)
        path = folder / f"{job.ref}-{job.receipt.copy}.pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_pdf(job.receipt, path, "roll", width_px=job.width_px)
        except OSError:
            raise PrinterError("not_writable", str(folder)) from None
        return f"pdf:{path.name}"
    if job.output is ReceiptOutput.SYSTEM:
        name = settings.system_printer
        try:
            print_system(job.receipt, name, width_px=job.width_px)
        except OSError:
            raise PrinterError("not_found", f'"{name}"' if name else "(system default)") from None
        return f"system:{name or 'default'}"
    raise ValueError(f"deliver_file prints PDF or system receipts, not {job.output}")


def record(store: Store, job: ReceiptJob, target: str) -> Printed:
    """Log the print that reached ``target`` (any thread); its copy number."""
    copy = store.record_print(job.ref, kind=job.print_kind, target=target)
    return Printed(job.ref, copy, target)


def not_printing(settings: ReceiptSettings) -> PrinterError | None:
    """The error for settings that send receipts nowhere (``receipt.output none``, or ESC/POS
    with no printer set up); None when they print."""
    if settings.prints:
        return None
    return PrinterError("not_configured", settings.printer.name)


def print_sale(
    store: Store,
    ref: str,
    settings: ReceiptSettings,
    *,
    printed_at: datetime,
    tz: tzinfo | None = None,
    language: str | None = None,
    width_px: int | None = None,
) -> Printed:
    """Print sale ``ref``'s receipt to the configured output and log it, all on this thread
    (which must be the GUI thread). ``width_px`` applies to PDF and system prints (an
    ESC/POS printer gets its paper's width). Raises :class:`SaleNotFoundError` or
    :class:`PrinterError` (nothing logged)."""
    if settings.output is ReceiptOutput.ESCPOS:
        width_px = None
    job = prepare_job(
        store, ref, settings, printed_at=printed_at, tz=tz, language=language, width_px=width_px
    )
    problem = not_printing(settings)
    if problem is not None:
        raise problem
    if job.output is ReceiptOutput.ESCPOS:
        target = deliver_escpos(job_raster(job), settings.printer)
    else:
        target = deliver_file(job, settings)
    return record(store, job, target)
