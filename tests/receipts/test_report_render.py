"""X and Z reports drawn by Qt offscreen: both paper widths, three languages, pure black and
white with nothing at the paper's edge, Arabic set from the right with its data left to
right, the hand-computed figures on the paper's lines, and the PDF."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from pos_app.domain.reports import Report
from pos_app.receipts.model import LRI, PDI
from pos_app.receipts.raster import WIDTH_58MM, WIDTH_80MM, Raster
from pos_app.receipts.render import PageKind, to_raster
from pos_app.receipts.report_model import close_period, open_period_report, with_cash
from pos_app.receipts.report_render import (
    UNRESOLVED_SHOWN,
    ReportLanguage,
    ReportLine,
    draw_report,
    report_drawing_lines,
    write_report_pdf,
)
from pos_app.store import Store, open_store
from tests.support.clock import Clock
from tests.support.report_day import CLOSING_AT, DAY, UNRESOLVED, make_day

WIDTHS = (WIDTH_58MM, WIDTH_80MM)
LANGUAGES = ("en", "fr", "ar")
EDGE = 2
UTC_TZ = DAY.tzinfo


@pytest.fixture(autouse=True)
def _app(qapp: QApplication) -> Iterator[None]:
    yield


@pytest.fixture
def day_store(tmp_path: Path) -> Iterator[Store]:
    clock = Clock(DAY)
    store = open_store(f"sqlite:///{(tmp_path / 'pos.sqlite3').as_posix()}", now=clock.now)
    make_day(store, clock)
    yield store
    store.close()


@pytest.fixture
def z_report(day_store: Store) -> Report:
    return close_period(day_store, counter="C1", cash_counted=5900).report()


def lines_by_text(lines: tuple[ReportLine, ...]) -> dict[str, str]:
    """Each label's value where it first appears (an unresolved sale repeats its state)."""
    found: dict[str, str] = {}
    for line in lines:
        if line.value:
            found.setdefault(line.text, line.value)
    return found


def test_the_lines_carry_the_hand_computed_figures(z_report: Report) -> None:
    lines = report_drawing_lines(z_report, ReportLanguage("fr"), tz=UTC_TZ)
    assert lines[0] == ReportLine("title", "Z report no. 1")
    values = lines_by_text(lines)
    nbsp, thin = "\u00a0", "\u202f"
    assert values["Sales"] == "6"
    assert values["Face value sold"] == f"3{thin}000{nbsp}DA"  # the two fulfilled sales
    assert values["Customers paid"] == f"7{thin}500{nbsp}DA"  # every sale made
    assert values["Given back"] == f"1{thin}500{nbsp}DA"
    assert values["Cost to the shop"] == f"2{thin}940{nbsp}DA"
    assert values["Margin"] == f"60{nbsp}DA"
    assert values["Expected"] == f"6{thin}000{nbsp}DA"
    assert values["Opening balance"] == f"50{thin}000,00{nbsp}DA"
    assert values["= expected balance"] == f"46{thin}080,00{nbsp}DA"
    assert values["Actual balance"] == f"44{thin}120,00{nbsp}DA"
    assert values["− accepted sales (4)"] == f"-4{thin}410,00{nbsp}DA"
    assert values["+ refunds (1)"] == f"+490,00{nbsp}DA"
    differences = [line.value for line in lines if line.text == "Difference"]
    assert differences == [f"-1{thin}960,00{nbsp}DA", f"-100{nbsp}DA"]  # bridge, then cash
    assert values["Fulfilled"] == f"2 · 3{thin}000{nbsp}DA"
    assert values["Refunded"] == f"1 · 500{nbsp}DA"
    assert values["Queued"] == f"1 · 1{thin}000{nbsp}DA"
    unresolved = [(line.text, line.value) for line in lines if line.text.startswith("C1-")]
    assert unresolved == [  # one entry each, by their ref
        (UNRESOLVED[0], f"1{thin}000{nbsp}DA"),
        (UNRESOLVED[1], f"2{thin}000{nbsp}DA"),
    ]
    assert f"Queued{nbsp}· 213472731602{nbsp}· 2026-03-02{nbsp}11:00" in [
        line.text for line in lines
    ]
    notes = [line.text for line in lines if line.style == "text"]
    assert any(f"1{thin}960,00{nbsp}DA lower" in note for note in notes), notes
    assert any("unknown outcome" in note for note in notes), notes


def test_an_x_report_says_so_and_shows_the_cash_not_counted(day_store: Store) -> None:
    report = open_period_report(day_store)
    lines = report_drawing_lines(report, ReportLanguage("en"), tz=UTC_TZ)
    assert lines[0] == ReportLine("title", "X report")
    assert lines_by_text(lines)["Counted"] == "not counted"
    counted = report_drawing_lines(with_cash(report, 6000), ReportLanguage("en"), tz=UTC_TZ)
    assert [line.value for line in counted if line.text == "Difference"][-1] == "0\u00a0DA"


def test_arabic_data_and_untranslated_words_read_left_to_right(z_report: Report) -> None:
    lines = report_drawing_lines(z_report, ReportLanguage("ar"), tz=UTC_TZ)
    values = lines_by_text(lines)
    margin = [v for k, v in values.items() if "Margin" in k]
    assert margin == [f"{LRI}60{PDI}\u00a0د.ج"]
    # No Arabic translation loaded: the English words stay whole and in order.
    assert lines[0].text.startswith(LRI) and lines[0].text.endswith(PDI)
    assert f"{LRI}{UNRESOLVED[0]}{PDI}" in [line.text for line in lines]


def ink_columns(raster: Raster) -> set[int]:
    return {x for y in range(raster.height) for x in range(raster.width) if raster.black(x, y)}


def text_bands(raster: Raster) -> list[tuple[int, int]]:
    """(leftmost, rightmost) inked column of each run of inked rows."""
    bands: list[tuple[int, int]] = []
    current: list[int] = []
    for y in range(raster.height):
        row = [x for x in range(raster.width) if raster.black(x, y)]
        if row:
            current += [min(row), max(row)]
        elif current:
            bands.append((min(current), max(current)))
            current = []
    return bands


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_drawn_at_the_papers_width_with_nothing_at_the_edge(
    z_report: Report, width: int, language: str
) -> None:
    image = draw_report(z_report, width, ReportLanguage.load(language), tz=UTC_TZ)
    assert image.width() == width and image.height() > 1000
    raster = to_raster(image)
    columns = ink_columns(raster)
    assert columns, "nothing drawn"
    edge = set(range(EDGE)) | set(range(width - EDGE, width))
    assert not columns & edge
    gray = image.convertToFormat(image.Format.Format_Grayscale8)
    levels = {gray.pixelColor(x, y).red() for y in range(0, gray.height(), 7) for x in range(width)}
    assert levels <= {0, 255}  # pure black and white, as the thermal head prints


def side_counts(raster: Raster, margin: int) -> tuple[int, int]:
    """Text bands that touch only the start of the line on the left, or only on the right."""
    left_only = right_only = 0
    for low, high in text_bands(raster):
        at_left = low <= margin + 6
        at_right = high >= raster.width - margin - 7
        left_only += at_left and not at_right
        right_only += at_right and not at_left
    return left_only, right_only


@pytest.mark.parametrize("width", WIDTHS)
def test_arabic_is_set_from_the_right(z_report: Report, width: int) -> None:
    margin = 8 if width == WIDTH_58MM else 12
    english = to_raster(draw_report(z_report, width, ReportLanguage("en"), tz=UTC_TZ))
    arabic = to_raster(draw_report(z_report, width, ReportLanguage("ar"), tz=UTC_TZ))
    en_left, en_right = side_counts(english, margin)
    ar_left, ar_right = side_counts(arabic, margin)
    assert en_left >= 5 and en_left > en_right  # headings and notes start at the left
    assert ar_right >= 5 and ar_right > ar_left  # ... and at the right in Arabic


@pytest.mark.parametrize("page", ["A4", "roll"])
def test_pdf(z_report: Report, tmp_path: Path, page: str) -> None:
    path = tmp_path / f"z-{page}.pdf"
    kind: PageKind = "A4" if page == "A4" else "roll"
    write_report_pdf(z_report, path, kind, WIDTH_58MM, ReportLanguage("fr"), tz=UTC_TZ)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000


def test_pdf_into_a_missing_folder_is_an_oserror(z_report: Report, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_report_pdf(z_report, tmp_path / "no" / "such" / "z.pdf")


def test_the_stored_z_draws_the_same_as_when_closed(day_store: Store, z_report: Report) -> None:
    stored = day_store.z_report(1)
    assert stored is not None and stored.closed_at == CLOSING_AT
    first = to_raster(draw_report(z_report, WIDTH_58MM, tz=UTC_TZ))
    again = to_raster(draw_report(stored.report(), WIDTH_58MM, tz=UTC_TZ))
    assert first == again


def test_thousands_of_unresolved_sales_are_counted_not_listed(z_report: Report) -> None:
    many = tuple(
        dataclasses.replace(z_report.unresolved[0], ref=f"C1-MANY-{n:05d}") for n in range(5000)
    )
    report = dataclasses.replace(z_report, unresolved=many)
    lines = report_drawing_lines(report, ReportLanguage("en"), tz=UTC_TZ)
    listed = [line for line in lines if line.text.startswith("C1-MANY-")]
    assert len(listed) == UNRESOLVED_SHOWN
    assert lines_by_text(lines)["Unresolved sales"] == "5000"  # the count stays whole
    more = [line.text for line in lines if line.text.startswith("…")]
    assert more == [f"… and {5000 - UNRESOLVED_SHOWN} more: the history screen lists them all "
                    "(filter by state)."]  # fmt: skip
    image = draw_report(report, WIDTH_58MM, ReportLanguage("en"), tz=UTC_TZ)
    assert image.height() < 6000  # a report stays a report, not metres of paper
