"""An X or Z report drawn by Qt for the thermal printer (384 or 576 dots wide) and as a PDF,
with the receipts' font, sizes and layout (``render``), in English, French or Arabic.

The words come from the ``reports`` translation context (and the receipts' ``Receipt``
context for the line types), through :class:`ReportLanguage`, a translator of its own that
is never installed in the application: a report may print in Arabic while the window shows
French. A text the translation file lacks stays in English. Arabic is set right to left;
amounts, counts, refs and times stay left to right (Unicode isolates, as on receipts).

Threads: draw on the GUI thread (the one that made the application), as receipts are.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from PySide6.QtGui import QImage

from pos_app.domain import reports
from pos_app.domain.money import format_dzd
from pos_app.domain.numbers import LineType
from pos_app.domain.reports import Report
from pos_app.domain.sale_states import SaleState
from pos_app.domain.translatable import QT_TRANSLATE_NOOP
from pos_app.receipts import texts
from pos_app.receipts.model import LRI, NO_BREAK_SPACE, PDI, TIME_FORMAT
from pos_app.receipts.raster import WIDTH_58MM, WIDTH_80MM
from pos_app.receipts.render import (
    PDF_MARGIN_MM,
    _Block,
    _font,
    _Layouter,
    _paint_pages,
    paint_blocks,
    write_image_pdf,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

    from pos_app.receipts.render import PageKind

log = logging.getLogger(__name__)

DECIMAL_MARKS: Final = {"fr": ",", "ar": "."}
"""Before the centimes, as ``domain.money.format_dzd`` writes them."""
_NOTE_AMOUNT: Final = re.compile(r"(-?)([0-9][0-9,]*)\.([0-9]{2}) DA")
_NOTE_TIME: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+([+-][0-9:]+|Z)?")

CONTEXT: Final = "reports"
"""The translation context of every report text (shared with ``domain.reports``)."""

# -- the drawn report's own texts (the plain-text ones are in domain.reports) ---------------

TITLE_X: Final = QT_TRANSLATE_NOOP("reports", "X report")
TITLE_Z: Final = QT_TRANSLATE_NOOP("reports", "Z report no. {number}")
SUBTITLE_X: Final = QT_TRANSLATE_NOOP("reports", "Mid-day: nothing is closed")
SUBTITLE_Z: Final = QT_TRANSLATE_NOOP("reports", "Period closed: this report cannot change")
FROM: Final = QT_TRANSLATE_NOOP("reports", "From")
TO: Final = QT_TRANSLATE_NOOP("reports", "To")
COUNTER: Final = QT_TRANSLATE_NOOP("reports", "Counter")
ALL_COUNTERS: Final = QT_TRANSLATE_NOOP("reports", "all")
PRINTED: Final = QT_TRANSLATE_NOOP("reports", "Printed")
SALES: Final = QT_TRANSLATE_NOOP("reports", "Sales")
BY_STATE: Final = QT_TRANSLATE_NOOP("reports", "By state")
BY_TYPE: Final = QT_TRANSLATE_NOOP("reports", "By type")
FACE_SOLD: Final = QT_TRANSLATE_NOOP("reports", "Face value sold")
PAID: Final = QT_TRANSLATE_NOOP("reports", "Customers paid")
GIVEN_BACK: Final = QT_TRANSLATE_NOOP("reports", "Given back")
COST: Final = QT_TRANSLATE_NOOP("reports", "Cost to the shop")
MARGIN: Final = QT_TRANSLATE_NOOP("reports", "Margin")
UNRESOLVED: Final = QT_TRANSLATE_NOOP("reports", "Unresolved sales")
EARLIER: Final = QT_TRANSLATE_NOOP("reports", "sold before this period")
JOURNAL_ROWS: Final = QT_TRANSLATE_NOOP("reports", "Journal rows")
CHAIN_HEAD: Final = QT_TRANSLATE_NOOP("reports", "Chain head")
CHAIN_BROKEN: Final = QT_TRANSLATE_NOOP("reports", "The journal was changed outside the app")
MORE_UNRESOLVED: Final = QT_TRANSLATE_NOOP(
    "reports", "… and {count} more: the history screen lists them all (filter by state)."
)
UNRESOLVED_SHOWN: Final = 40
"""Unresolved sales listed one by one on paper; more are counted in one line (a report never
runs to metres of paper, nor to a picture of a gigabyte)."""
BALANCE: Final = QT_TRANSLATE_NOOP("reports", "OneClickDZ balance")
OPENING: Final = QT_TRANSLATE_NOOP("reports", "Opening balance")
DEBITS: Final = QT_TRANSLATE_NOOP("reports", "− accepted sales ({count})")
CREDITS: Final = QT_TRANSLATE_NOOP("reports", "+ refunds ({count})")
EXPECTED: Final = QT_TRANSLATE_NOOP("reports", "= expected balance")
ACTUAL: Final = QT_TRANSLATE_NOOP("reports", "Actual balance")
READ_AT: Final = QT_TRANSLATE_NOOP("reports", "read at {time}")
DIFFERENCE: Final = QT_TRANSLATE_NOOP("reports", "Difference")
NOT_READ: Final = QT_TRANSLATE_NOOP("reports", "not read")
CASH: Final = QT_TRANSLATE_NOOP("reports", "Cash in the drawer")
CASH_EXPECTED: Final = QT_TRANSLATE_NOOP("reports", "Expected")
CASH_COUNTED: Final = QT_TRANSLATE_NOOP("reports", "Counted")
NOT_COUNTED: Final = QT_TRANSLATE_NOOP("reports", "not counted")

STATE_NAMES: Final = {
    SaleState.WAITING: QT_TRANSLATE_NOOP("reports", "Waiting to be sent"),
    SaleState.SENDING: QT_TRANSLATE_NOOP("reports", "Being sent"),
    SaleState.UNKNOWN: QT_TRANSLATE_NOOP("reports", "Outcome unknown"),
    SaleState.ACCEPTED: QT_TRANSLATE_NOOP("reports", "Accepted"),
    SaleState.QUEUED: QT_TRANSLATE_NOOP("reports", "Queued"),
    SaleState.VERIFYING: QT_TRANSLATE_NOOP("reports", "Being verified"),
    SaleState.CODE_PENDING: QT_TRANSLATE_NOOP("reports", "Code pending"),
    SaleState.CODE_MISSING: QT_TRANSLATE_NOOP("reports", "Code missing"),
    SaleState.CONFLICT: QT_TRANSLATE_NOOP("reports", "Conflict"),
    SaleState.FULFILLED: QT_TRANSLATE_NOOP("reports", "Fulfilled"),
    SaleState.REFUNDED: QT_TRANSLATE_NOOP("reports", "Refunded"),
    SaleState.REJECTED: QT_TRANSLATE_NOOP("reports", "Rejected"),
    SaleState.CANCELLED: QT_TRANSLATE_NOOP("reports", "Cancelled"),
}
"""A short name of every state, for the report's rows."""
TYPE_NAMES: Final = {LineType.ADSL: texts.ADSL, LineType.LTE: texts.LTE}
"""The line types as receipts name them (``Receipt`` context)."""


class ReportLanguage:
    """The words of a report in one language, from ``pos_app_<language>.qm`` (contexts
    ``reports`` and ``Receipt``); English where the file lacks a text or cannot be read."""

    def __init__(self, language: str, translator: QTranslator | None = None) -> None:
        if language not in texts.LANGUAGES:
            raise ValueError(f"unknown report language {language!r}; one of {texts.LANGUAGES}")
        self.language = language
        self._translator = translator

    @classmethod
    def load(cls, language: str, directory: Path = texts.TRANSLATIONS) -> ReportLanguage:
        """The words for ``language``; a missing translation file gives English (logged)."""
        if language not in texts.LANGUAGES:
            raise ValueError(f"unknown report language {language!r}; one of {texts.LANGUAGES}")
        if language == texts.SOURCE_LANGUAGE:
            return cls(language)
        from PySide6.QtCore import QTranslator

        translator = QTranslator()
        qm = directory / f"pos_app_{language}.qm"
        if not translator.load(str(qm)):
            log.warning("report translation not loaded: %s (texts stay in English)", qm)
            return cls(language)
        return cls(language, translator)

    @property
    def rtl(self) -> bool:
        """Whether the report reads right to left (Arabic)."""
        return texts.is_rtl(self.language)

    def _translate(self, context: str, source: str) -> str:
        found = self._translator.translate(context, source) if self._translator else ""
        if found:
            return found
        # An English text left in a right-to-left report reads left to right (its words in
        # order, its full stop at its end), still set from the right.
        return f"{LRI}{source}{PDI}" if self.rtl else source

    def text(self, source: str) -> str:
        """A text of the ``reports`` context in this language."""
        return self._translate(CONTEXT, source)

    def receipt(self, source: str) -> str:
        """A label of the receipts' ``Receipt`` context in this language."""
        return self._translate(texts.CONTEXT, source)

    def fill(self, source: str, **values: str) -> str:
        """``source`` translated, then formatted; English when a translation lost a name."""
        try:
            return self.text(source).format(**values)
        except (KeyError, IndexError, ValueError):
            return source.format(**values)


ReportStyle = Literal["title", "subtitle", "heading", "field", "strong", "text", "small", "rule"]


@dataclass(frozen=True, slots=True)
class ReportLine:
    """One line of a drawn report: words (``text``) and, for a field, its ``value``."""

    style: ReportStyle
    text: str = ""
    value: str = ""


def report_drawing_lines(
    report: Report,
    wording: ReportLanguage,
    *,
    tz: tzinfo | None = None,
    printed_at: datetime | None = None,
) -> tuple[ReportLine, ...]:
    """The lines of ``report`` top to bottom in ``wording``; times in ``tz`` (this
    computer's zone when None). In a right-to-left report, every piece of data is wrapped in
    Unicode isolates so that it stays left to right."""
    w = wording.text
    locale = "ar" if wording.language == "ar" else "fr"

    def data(text: str) -> str:
        return f"{LRI}{text}{PDI}" if wording.rtl else text

    def money(amount: int | Decimal, signed: bool = False) -> str:
        text = format_dzd(amount, locale=locale)
        if signed and amount > 0:
            text = "+" + text
        figure, _, symbol = text.rpartition(NO_BREAK_SPACE)
        return f"{data(figure)}{NO_BREAK_SPACE}{symbol}" if figure else data(text)

    def centimes(value: int, signed: bool = False) -> str:
        """Always with its two decimals: balances are read to the centime."""
        whole, cents = divmod(abs(value), 100)
        figure, _, symbol = format_dzd(whole, locale=locale).rpartition(NO_BREAK_SPACE)
        sign = "-" if value < 0 else ("+" if signed and value > 0 else "")
        text = f"{sign}{figure}{DECIMAL_MARKS[locale]}{cents:02d}"
        return f"{data(text)}{NO_BREAK_SPACE}{symbol}"

    def moment(at: datetime) -> str:  # date and time never split over two lines
        return data(at.astimezone(tz).strftime(TIME_FORMAT).replace(" ", NO_BREAK_SPACE))

    def line(style: ReportStyle, text: str = "", value: str = "") -> ReportLine:
        return ReportLine(style, text, value)

    def count_and(count: int, amount: int) -> str:
        return f"{data(str(count))} · {money(amount)}"

    title = (
        wording.fill(TITLE_Z, number=data(str(report.number))) if report.kind == "Z" else w(TITLE_X)
    )
    counter = w(ALL_COUNTERS) if report.counter is None else data(report.counter)
    lines = [
        line("title", title),
        line("subtitle", w(SUBTITLE_Z if report.kind == "Z" else SUBTITLE_X)),
        line("rule"),
        line("field", w(FROM), moment(report.since)),
        line("field", w(TO), moment(report.until)),
        line("field", w(COUNTER), counter),
    ]
    if printed_at is not None:
        lines.append(line("field", w(PRINTED), moment(printed_at)))
    lines += [line("rule"), line("strong", w(SALES), data(str(report.sales.count)))]
    if report.by_state:
        lines.append(line("heading", w(BY_STATE)))
        for state, totals in report.by_state:
            lines.append(
                line("field", w(STATE_NAMES[state]), count_and(totals.count, totals.price))
            )
    if report.by_type:
        lines.append(line("heading", w(BY_TYPE)))
        for line_type, totals in report.by_type:
            name = wording.receipt(TYPE_NAMES[line_type])
            lines.append(line("field", name, count_and(totals.count, totals.price)))
    lines += [
        line("rule"),
        line("field", w(FACE_SOLD), money(report.face_value_sold)),
        line("field", w(PAID), money(report.customers_paid)),
        line("field", w(GIVEN_BACK), money(report.given_back)),
        line("field", w(COST), money(report.cost)),
        line("strong", w(MARGIN), money(report.margin)),
    ]
    if report.margin_cost_unknown:
        left_out = wording.fill(
            reports.T_COST_UNKNOWN,
            count=data(str(report.margin_cost_unknown)),
            amount=money(report.margin_price_left_out),
        )
        lines.append(line("small", left_out.strip()))
    lines += [line("rule"), line("strong", w(UNRESOLVED), data(str(len(report.unresolved))))]
    for sale in report.unresolved[:UNRESOLVED_SHOWN]:  # ref and price, then what and when
        lines.append(line("field", data(sale.ref), money(sale.price)))
        about = "\u00a0· ".join(  # a line may break after a dot, never before one
            (w(STATE_NAMES[sale.state]), data(sale.number), moment(sale.created_at))
        )
        if sale.created_at < report.since:
            about += f" ({w(EARLIER)})"
        lines.append(line("small", about))
    if len(report.unresolved) > UNRESOLVED_SHOWN:
        more = data(str(len(report.unresolved) - UNRESOLVED_SHOWN))
        lines.append(line("text", wording.fill(MORE_UNRESOLVED, count=more)))
    bridge = report.bridge
    lines += [line("rule"), line("heading", w(BALANCE))]
    lines += _reading_lines(wording, OPENING, bridge.opening, centimes, moment)
    lines += [
        line("field", wording.fill(DEBITS, count=data(str(bridge.debits.count))), centimes(
            -bridge.debits.dinars * 100
        )),
        line("field", wording.fill(CREDITS, count=data(str(bridge.credits.count))), centimes(
            bridge.credits.dinars * 100, signed=True
        )),
        line("field", w(EXPECTED), w(NOT_READ) if bridge.expected_closing is None else centimes(
            bridge.expected_closing
        )),
    ]  # fmt: skip
    lines += _reading_lines(wording, ACTUAL, bridge.closing, centimes, moment)
    if bridge.difference is not None:
        lines.append(line("strong", w(DIFFERENCE), centimes(bridge.difference, signed=True)))
    for note in bridge.notes:
        args = {key: _note_value(value, data, centimes, moment) for key, value in note.args}
        lines.append(line("text", wording.fill(note.text, **args)))
    counted = w(NOT_COUNTED) if report.cash_counted is None else money(report.cash_counted)
    lines += [
        line("rule"),
        line("heading", w(CASH)),
        line("field", w(CASH_EXPECTED), money(report.cash_expected)),
        line("field", w(CASH_COUNTED), counted),
    ]
    if report.cash_difference is not None:
        lines.append(line("strong", w(DIFFERENCE), money(report.cash_difference, signed=True)))
    if report.chain is not None:
        lines += [
            line("rule"),
            line("field", w(JOURNAL_ROWS), data(str(report.chain.rows))),
            line("field", w(CHAIN_HEAD), data(report.chain.head)),
        ]
        if report.chain.intact is False:
            lines.append(line("strong", w(CHAIN_BROKEN)))
    return tuple(lines)


def _reading_lines(
    wording: ReportLanguage,
    label: str,
    reading: reports.BalanceReading | None,
    centimes: Callable[[int], str],
    moment: Callable[[datetime], str],
) -> list[ReportLine]:
    if reading is None:
        return [ReportLine("field", wording.text(label), wording.text(NOT_READ))]
    return [
        ReportLine("field", wording.text(label), centimes(reading.centimes)),
        ReportLine("small", wording.fill(READ_AT, time=moment(reading.at))),
    ]


def _note_value(
    value: str,
    data: Callable[[str], str],
    centimes: Callable[[int], str],
    moment: Callable[[datetime], str],
) -> str:
    """A bridge note's argument as the report shows data: an amount (``domain.reports``
    writes ``-1,234.05 DA``) in the report's format, a time in the report's zone, anything
    else (a count, a counter) as it is; each kept left to right."""
    amount = _NOTE_AMOUNT.fullmatch(value)
    if amount:
        whole, cents = amount.group(2).replace(",", ""), amount.group(3)
        return centimes((-1 if amount.group(1) else 1) * (int(whole) * 100 + int(cents)))
    if _NOTE_TIME.fullmatch(value):
        try:
            return moment(datetime.fromisoformat(value))
        except ValueError:
            pass
    return data(value)


def _blocks(layouter: _Layouter, lines: tuple[ReportLine, ...]) -> list[_Block]:
    s = layouter.sizes
    out: list[_Block] = [layouter.space(s.gap)]
    for line in lines:
        if line.style == "title":
            out.append(layouter.text(line.text, _font(s.title, bold=True), align="center"))
        elif line.style == "subtitle":
            out.append(layouter.text(line.text, _font(s.small), align="center"))
        elif line.style == "heading":
            out += [layouter.space(s.gap), layouter.text(line.text, _font(s.body, bold=True))]
        elif line.style == "field":
            out.append(layouter.field(line.text, line.value))
        elif line.style == "strong":
            out.append(layouter.field(line.text, line.value, bold=True))
        elif line.style == "text":
            out.append(layouter.text(line.text, _font(s.body)))
        elif line.style == "small":
            out.append(layouter.text(line.text, _font(s.small)))
        elif line.style == "rule":
            out.append(layouter.rule())
        out.append(layouter.space(2))
    out.append(layouter.space(3 * s.gap))
    return out


def draw_report(
    report: Report,
    width_px: int,
    wording: ReportLanguage | None = None,
    *,
    tz: tzinfo | None = None,
    printed_at: datetime | None = None,
) -> QImage:
    """``report`` drawn ``width_px`` wide (384 for 58 mm paper, 576 for 80 mm) and as tall
    as its content, black on white with nothing in the paper's margin. ``wording`` defaults
    to English."""
    if width_px not in (WIDTH_58MM, WIDTH_80MM):
        raise ValueError(f"a report is {WIDTH_58MM} or {WIDTH_80MM} dots wide, not {width_px}")
    wording = wording or ReportLanguage(texts.SOURCE_LANGUAGE)
    layouter = _Layouter(width_px, wording.rtl)
    lines = report_drawing_lines(report, wording, tz=tz, printed_at=printed_at)
    return paint_blocks(_blocks(layouter, lines), width_px)


def write_report_pdf(
    report: Report,
    path: Path,
    page: PageKind = "A4",
    width_px: int = WIDTH_80MM,
    wording: ReportLanguage | None = None,
    *,
    tz: tzinfo | None = None,
    printed_at: datetime | None = None,
) -> None:
    """``report`` as a PDF: on A4 pages at its printed size, or on one page as wide as the
    roll (``page="roll"``)."""
    image = draw_report(report, width_px, wording, tz=tz, printed_at=printed_at)
    write_image_pdf(image, path, page)


def print_report_system(image: QImage, printer_name: str | None, doc_name: str) -> None:
    """Print a drawn report on the system printer ``printer_name`` (the default one when
    None) through the operating system's driver (GUI thread). Raises OSError for a printer
    that does not exist."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer_name:
        if printer_name not in QPrinterInfo.availablePrinterNames():
            raise OSError(f"no printer named {printer_name!r}")
        printer.setPrinterName(printer_name)
    printer.setDocName(doc_name)
    printer.setFullPage(True)
    height_mm = printer.pageRect(QPrinter.Unit.Millimeter).height()
    _paint_pages(printer, image, height_mm, PDF_MARGIN_MM)
