"""``pos-app report``: the X report of the open period (or of one local day) as text, or the
closing of the period with a numbered Z report, stored once and never changed; ``--pdf``
also writes it as a PDF.

The report covers every counter of the database. Its balance figures are the readings the
store kept (the window keeps one at each balance refresh): this command never asks
OneClickDZ, so it works offline, and it prints when those readings were taken.

Only ``--pdf`` loads Qt (a bare ``QGuiApplication``, offscreen without a display), inside
the command (an import-linter contract in pyproject.toml allows this edge).
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import Any, Final, TextIO

from pos_app.cli import audit
from pos_app.store.settings import LANGUAGES

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

DESCRIPTION = (
    "Print the X report of the open period (since the last Z report) as text, or of one "
    "local day with --date. --z closes the open period: a numbered Z report is stored, "
    "can never be changed, and the next period opens (noted in the action log). --cash "
    "gives the cash counted in the drawer (whole dinars), compared with what the sales say. "
    "--pdf also writes the report as a PDF (A4). The balance figures are the readings the "
    "window stored; this command does not ask OneClickDZ."
)


def add_parser(sub: Any) -> None:
    """The ``report`` subcommand's arguments."""
    parser = sub.add_parser(
        "report", help="print the X report, or close the period with a Z", description=DESCRIPTION
    )
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the X report of this local day")
    parser.add_argument("--z", action="store_true", help="close the open period (a Z report)")
    parser.add_argument("--pdf", metavar="PATH", type=Path, help="also write it as a PDF (A4)")
    parser.add_argument("--cash", metavar="AMOUNT", help="the cash counted, in whole dinars")
    parser.add_argument(
        "--lang", choices=LANGUAGES, help="the PDF's language (default: receipt.language)"
    )


def parse_day(text: str, option: str) -> date:
    """An ISO date (``YYYY-MM-DD``) given to ``option``; ValueError with one clear line."""
    try:
        if not _DATE.fullmatch(text.strip()):
            raise ValueError(text)
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{option}: not a date (YYYY-MM-DD): {text!r}") from None


def run_report(
    args: argparse.Namespace, out: TextIO, err: TextIO, *, tz: tzinfo | None = None
) -> int:
    """``pos-app report``: 0 when shown (and closed, written); 2 for arguments or settings
    that cannot be used; 1 when the Z could not be stored or the PDF not written. ``tz``:
    the zone of ``--date`` (this computer's when None)."""
    from pos_app.receipts.report_model import parse_cash

    try:
        if args.z and args.date:
            raise ValueError("--z closes the open period; it cannot be used with --date")
        day = parse_day(args.date, "--date") if args.date else None
        cash = parse_cash(args.cash) if args.cash is not None else None
    except ValueError as exc:
        err.write(f"pos-app report: {exc}\n")
        return EXIT_USAGE
    from pos_app.store import open_store
    from pos_app.store.settings import database_url

    store = open_store(database_url(), read_only=not args.z)
    try:
        return _run(store, args, day, cash, tz, out, err)
    finally:
        store.close()


def _run(  # noqa: PLR0917 (the command's parsed parts)
    store: Any,
    args: argparse.Namespace,
    day: date | None,
    cash: int | None,
    tz: tzinfo | None,
    out: TextIO,
    err: TextIO,
) -> int:
    from pos_app.domain.reports import report_lines
    from pos_app.orders.identity import counter_id
    from pos_app.receipts.report_model import (
        close_period,
        day_report,
        open_period_report,
    )
    from pos_app.store import StoreError

    if args.z:
        try:
            counter = counter_id(store)
        except ValueError as exc:
            err.write(f"pos-app report: a setting cannot be used ({exc}); nothing was closed\n")
            return EXIT_USAGE
        try:  # noted as the window notes it (its manager's approval), before the close
            audit.note(store, audit.Z_CLOSE, None if cash is None else {"cash_counted": cash})
        except audit.NotNotedError as exc:
            err.write(f"pos-app report: the period was not closed ({exc})\n")
            return EXIT_FAILED
        try:
            record = close_period(store, counter=counter, cash_counted=cash)
        except (StoreError, ValueError) as exc:
            err.write(f"pos-app report: the period was not closed ({exc})\n")
            return EXIT_FAILED
        report = record.report()
        if report.chain is not None and report.chain.intact is False:
            err.write(
                "pos-app report: the journal was changed outside the app: see pos-app verify\n"
            )
    elif day is not None:
        report = day_report(store, day, tz=tz, cash_counted=cash)
    else:
        report = open_period_report(store, cash_counted=cash)
    for line in report_lines(report):
        out.write(f"{line}\n")
    out.write(f"{_readings_line(report)}\n")
    if args.pdf is None:
        return EXIT_OK
    try:
        _write_pdf(store, report, args.pdf, args.lang)
    except OSError as exc:
        closed = f"Z {report.number} is stored; " if report.kind == "Z" else ""
        err.write(f"pos-app report: {closed}the PDF was not written ({exc.strerror or exc})\n")
        return EXIT_FAILED
    out.write(f"wrote {args.pdf}\n")
    return EXIT_OK


def _readings_line(report: Any) -> str:
    """When the balance readings of the bridge were taken (they come from the store)."""
    bridge = report.bridge
    parts = []
    for name, reading in (("opening", bridge.opening), ("closing", bridge.closing)):
        when = "never" if reading is None else reading.at.isoformat(timespec="seconds")
        parts.append(f"{name} balance read {when}")
    return f"({', '.join(parts)}: readings stored by the window; OneClickDZ was not asked)"


def _write_pdf(store: Any, report: Any, path: Path, language: str | None) -> None:
    from pos_app.receipts.headless import use_offscreen_without_display

    use_offscreen_without_display()
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _APP.append(QGuiApplication(sys.argv[:1]))
    from pos_app.receipts.report_render import ReportLanguage, write_report_pdf
    from pos_app.receipts.settings import ReceiptSettings

    if language is None:
        try:
            language = ReceiptSettings.read(store).language
        except ValueError:
            language = "en"
    write_report_pdf(
        report, path, "A4", wording=ReportLanguage.load(language), printed_at=datetime.now(UTC)
    )


_APP: list[Any] = []
"""The QGuiApplication made for --pdf, kept for the process's life, as Qt wants."""
