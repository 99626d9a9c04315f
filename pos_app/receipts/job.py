"""Printing one sale's receipt, step by step, each step on the thread it belongs to.

1. :func:`prepare_job` (any thread; writes the print log): the sale, and for a print its
   copy number reserved in the store BEFORE anything is sent (``store.reserve_print``: two
   printers on one database never get the same copy), then the receipt value with it. An
   export reserves nothing: it shows the count so far.
2. :func:`job_raster` (the GUI thread: Qt draws) or :func:`deliver_file` (the GUI thread:
   a PDF file or the system printer, both drawn by Qt).
3. :func:`deliver_escpos` (a worker thread, never the GUI thread: it blocks on the printer):
   the ESC/POS stream sent to the configured printer.
4. :func:`print_done` once the printer (or file) took the receipt (the log row stays), or
   :func:`give_back` when the send failed (the log row goes: the copy number is free again).

A failure is a :class:`PrinterError`; the sale is never written here, and a slip that did
not print does not stay in the log. A crash between 1 and 4 leaves the row, so the next slip
says DUPLICATE: one that may have printed is never called an original twice.
:func:`print_sale` runs every step in order on one thread (the command line's, which is also
its GUI thread).

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
from pos_app.store.history import PrintSlot
from pos_app.store.paths import data_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

PRINT_KINDS: Final = {
    ReceiptKind.SALE: "receipt",
    ReceiptKind.CLAIM: "claim",
    ReceiptKind.REFUND: "refund",
}
"""What the print log calls each slip (``store.reserve_print``'s ``kind``)."""


@dataclass(frozen=True, slots=True)
class ReceiptJob:
    """One receipt to print: its value (``receipt.copy``: its copy number), the output it
    goes to, its width in dots, and its reserved place in the print log (None for an
    export, which is no printed copy)."""

    receipt: Receipt
    output: ReceiptOutput
    width_px: int
    slot: PrintSlot | None = None

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
    target: str | None = None,
) -> ReceiptJob:
    """The receipt of sale ``ref`` as it prints now (any thread). ``output``, ``width_px``
    and ``language`` replace the settings' own. With ``target`` (where it goes, see
    :func:`print_target`) this is a print: its copy number is reserved in the print log now,
    and the caller must :func:`give_back` the job if it is not sent. Without, an export:
    numbered after the prints logged so far, nothing written. Raises
    :class:`SaleNotFoundError`."""
    sale = store.get(ref)
    if sale is None:
        raise SaleNotFoundError(ref)
    output = settings.output if output is None else output
    if width_px is None:
        width_px = replace(settings, output=output).width_px
    kind = PRINT_KINDS[receipt_kind(sale)]
    slot = None
    if target is None:
        copy = store.print_count(ref, kind)
    else:
        slot = store.reserve_print(ref, kind=kind, target=target)
        copy = slot.copy
    receipt = build_receipt(
        sale,
        shop=settings.shop,
        language=language or settings.language,
        copy=copy,
        mask_number=settings.mask_number,
        tz=tz,
        printed_at=printed_at,
        training=settings.training,
    )
    return ReceiptJob(receipt, output, width_px, slot)


def print_target(settings: ReceiptSettings, output: ReceiptOutput | None = None) -> str:
    """The print log's label for where ``settings`` send a receipt: the ESC/POS printer's
    name, ``pdf`` or ``system:NAME``."""
    output = settings.output if output is None else output
    if output is ReceiptOutput.PDF:
        return "pdf"
    if output is ReceiptOutput.SYSTEM:
        return f"system:{settings.system_printer or 'default'}"
    return settings.printer.name


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


def print_done(job: ReceiptJob, target: str) -> Printed:
    """The print of ``job`` that reached ``target``: its reserved log row stays."""
    if job.slot is None:
        raise ValueError(f"the receipt of {job.ref} was prepared as an export, not a print")
    return Printed(job.ref, job.slot.copy, target)


def give_back(store: Store, job: ReceiptJob) -> None:
    """The send of ``job`` failed: its reserved copy number leaves the log (any thread)."""
    if job.slot is not None:
        store.forget_print(job.slot)


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
    :class:`PrinterError` (nothing stays logged)."""
    problem = not_printing(settings)
    if problem is not None:
        if store.get(ref) is None:
            raise SaleNotFoundError(ref)
        raise problem
    if settings.output is ReceiptOutput.ESCPOS:
        width_px = None
    job = prepare_job(
        store,
        ref,
        settings,
        printed_at=printed_at,
        tz=tz,
        language=language,
        width_px=width_px,
        target=print_target(settings),
    )
    try:
        if job.output is ReceiptOutput.ESCPOS:
            target = deliver_escpos(job_raster(job), settings.printer)
        else:
            target = deliver_file(job, settings)
    except Exception:
        give_back(store, job)  # not sent: the copy number is free again
        raise
    return print_done(job, target)
