"""``pos-app receipt REF``: a stored sale's receipt as text, PNG, PDF, an ESC/POS file, or
printed on the shop's configured printer.

Receipts are drawn by Qt, so this command (and only its run) loads Qt: a bare
``QGuiApplication``, offscreen when there is no display. The receipts package is imported in
:func:`run_receipt`, never when the command line starts (an import-linter contract in
pyproject.toml allows this one edge).

Only ``--print`` logs a printed copy (the next print then says DUPLICATE); ``--png``,
``--pdf`` and ``--escpos`` write files, which are exports, not paper handed to a customer:
they log no copy, and show the copy number a print would have now. Any of them, for a sale
with a card code, is noted in the action log first (``cli.audit``): the code is shown whole.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from pos_app.cli import audit
from pos_app.receipts.headless import use_offscreen_without_display
from pos_app.store.settings import LANGUAGES

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

DESCRIPTION = (
    "Show a stored sale's receipt (claim slip, refund slip) as text, or write it as a PNG, a "
    "PDF (A4) or the ESC/POS bytes a thermal printer takes, or print it with --print on the "
    "configured printer (receipt.output and printer.*, see pos-app config). Only --print "
    "counts as a printed copy (later prints say DUPLICATE n); files are exports and count "
    "nothing."
)


def add_parser(sub: Any) -> None:
    """The ``receipt`` subcommand's arguments."""
    parser = sub.add_parser(
        "receipt",
        help="show, export or print a sale's receipt",
        description=DESCRIPTION,
    )
    parser.add_argument("ref", help="the sale's ref")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--png", metavar="PATH", type=Path, help="write the receipt as a PNG")
    output.add_argument("--pdf", metavar="PATH", type=Path, help="write it as a PDF on A4")
    output.add_argument(
        "--escpos", metavar="PATH", type=Path, help="write the ESC/POS bytes a printer takes"
    )
    output.add_argument(
        "--print",
        action="store_true",
        help="print it on the configured printer (logged: later prints say DUPLICATE)",
    )
    parser.add_argument(
        "--width",
        type=int,
        choices=(58, 80),
        help="paper width in mm (default: receipt.width; an ESC/POS printer uses its own)",
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, help="receipt language (default: receipt.language)"
    )


def run_receipt(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``pos-app receipt``: 0 when shown, written or printed; 2 for an unknown ref or a
    setting that cannot be used; 1 when the printer (or file) failed."""
    from pos_app.store import open_store
    from pos_app.store.settings import database_url

    store = open_store(database_url(), read_only=not args.print)
    try:
        sale = store.get(args.ref.strip()) if args.ref.strip() else None
        if sale is not None and sale.card_code is not None and not args.print:
            store.close()  # the card code is noted in the action log: a database it can write
            store = open_store(database_url())
        return _run(store, args, out, err)
    finally:
        store.close()


def _receipt_action(args: argparse.Namespace, ref: str) -> tuple[str, dict[str, object]]:
    """The action log's name and detail of this receipt run (never the card code)."""
    for option in ("png", "pdf", "escpos"):
        path = getattr(args, option)
        if path is not None:
            return f"{audit.RECEIPT_EXPORT}.{option}", {"ref": ref, "file": str(path)}
    return (audit.RECEIPT_PRINT if args.print else audit.RECEIPT_SHOW), {"ref": ref}


def _run(store: Any, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pos_app.receipts.escpos import receipt_stream
    from pos_app.receipts.job import job_raster, prepare_job, print_sale
    from pos_app.receipts.model import receipt_texts
    from pos_app.receipts.printers import PrinterError
    from pos_app.receipts.raster import PAPER_WIDTHS
    from pos_app.receipts.settings import ReceiptSettings
    from pos_app.store.errors import SaleNotFoundError

    ref = args.ref.strip()
    if not ref or store.get(ref) is None:
        err.write(f"pos-app receipt: no sale with ref {args.ref!r}\n")
        return EXIT_USAGE
    try:
        settings = ReceiptSettings.read(store)
    except ValueError as exc:
        err.write(f"pos-app receipt: a setting cannot be used ({exc}); see pos-app config\n")
        return EXIT_USAGE
    sale = store.get(ref)
    if sale is not None and sale.card_code is not None:  # it shows the whole code
        try:
            audit.note(store, *_receipt_action(args, ref))
        except audit.NotNotedError as exc:
            err.write(f"pos-app receipt: the card code was not shown: {exc}\n")
            return EXIT_FAILED
    _qt_application()
    from pos_app.receipts.render import save_png, write_pdf
    from pos_app.receipts.texts import ReceiptLanguage

    now = datetime.now(UTC)
    width = PAPER_WIDTHS[args.width] if args.width else None
    try:
        if args.print:
            printed = print_sale(
                store, ref, settings, printed_at=now, language=args.lang, width_px=width
            )
            copy = f" (duplicate {printed.copy})" if printed.copy else ""
            out.write(f"printed {ref}{copy} on {printed.target}\n")
            return EXIT_OK
        if args.escpos is not None and width is None:
            width = settings.printer.width_dots
        job = prepare_job(
            store,
            ref,
            settings,
            printed_at=now,
            width_px=width or PAPER_WIDTHS[settings.width_mm],
            language=args.lang,
        )
        if args.png is not None:
            save_png(job_raster(job), args.png)
            out.write(f"wrote {args.png}\n")
        elif args.pdf is not None:
            write_pdf(job.receipt, args.pdf, "A4", width_px=job.width_px)
            out.write(f"wrote {args.pdf}\n")
        elif args.escpos is not None:
            data = receipt_stream(job_raster(job), mode=settings.printer.mode)
            args.escpos.write_bytes(data)
            out.write(f"wrote {args.escpos} ({len(data)} bytes)\n")
        else:
            wording = ReceiptLanguage.load(job.receipt.language)
            for text in receipt_texts(job.receipt, wording):
                out.write(f"{text}\n")
    except SaleNotFoundError:
        err.write(f"pos-app receipt: no sale with ref {args.ref!r}\n")
        return EXIT_USAGE
    except PrinterError as exc:
        err.write(f"pos-app receipt: {exc.message}\n")
        return EXIT_FAILED
    except OSError as exc:
        err.write(f"pos-app receipt: cannot write the file ({exc.strerror or exc})\n")
        return EXIT_FAILED
    return EXIT_OK


def _qt_application() -> None:
    """A bare QGuiApplication for drawing (offscreen without a display); kept for the
    process's life, as Qt wants."""
    use_offscreen_without_display()
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _APP.append(QGuiApplication(sys.argv[:1]))


_APP: list[Any] = []
