"""Receipts drawn by Qt offscreen (on the test's main thread, the GUI thread): exact widths,
pure black and white, nothing at the paper's edge, Arabic mirrored, the QR code equal to
``qrcode``'s matrix, and the same picture as raster, PNG, PDF and system print."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import qrcode  # type: ignore[import-untyped]
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QImage, qGray
from PySide6.QtWidgets import QApplication

from pos_app.domain.sale_states import SaleState
from pos_app.receipts import render
from pos_app.receipts.model import Receipt, ShopHeader, build_receipt
from pos_app.receipts.raster import WIDTH_58MM, WIDTH_80MM, Raster
from pos_app.receipts.render import draw_receipt, qr_matrix, save_png, to_raster, write_pdf
from pos_app.receipts.texts import ReceiptLanguage
from tests.receipts.test_receipt_model import ALGIERS, CODE, PRINTED_AT, SHOP, make_sale

WIDTHS = (WIDTH_58MM, WIDTH_80MM)
LANGUAGES = ("en", "fr", "ar")
EDGE = 2  # columns at each side of the paper that must stay white
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"

LONG_SHOP = ShopHeader(
    "Multiservices Cybercafé Taxiphone Bab El Oued Centre Ville Numéro Un",
    "Cité des 1200 Logements, Bâtiment 14, Entrée B, Local N° 3, Bab Ezzouar, Alger 16000",
    "0550 12 34 56 / 0770 65 43 21 / 023 45 67 89",
)
ARABIC_SHOP = ShopHeader(
    "مكتبة ومقهى الإنترنت النور للهاتف والخدمات المتعددة",
    "حي 1200 مسكن، العمارة 14، المدخل ب، باب الزوار، الجزائر",
    "0550 12 34 56",
)
ALNUM_CODE = "AB12CD34EF56GH78JK90LM12"  # 24 letters and digits, no group spaces


@pytest.fixture(autouse=True)
def _app(qapp: QApplication) -> Iterator[None]:
    yield


def make_receipt(
    state: SaleState = SaleState.FULFILLED,
    language: str = "en",
    *,
    shop: ShopHeader = SHOP,
    copy: int = 0,
    **sale: object,
) -> Receipt:
    return build_receipt(
        make_sale(state, **sale),
        shop=shop,
        language=language,
        copy=copy,
        tz=ALGIERS,
        printed_at=PRINTED_AT,
    )


def grey_levels(image: QImage) -> set[int]:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    assert grey.bytesPerLine() == grey.width()  # 384 and 576: rows without padding
    return set(bytes(grey.constBits()))


def ink_columns(raster: Raster, top: int = 0, bottom: int | None = None) -> list[int]:
    """The columns with at least one black dot between rows ``top`` and ``bottom``."""
    bottom = raster.height if bottom is None else bottom
    inked = 0
    for y in range(top, bottom):
        inked |= int.from_bytes(raster.row(y), "big")
    return [x for x in range(raster.width) if inked >> (raster.width - 1 - x) & 1]


def first_ink_band(raster: Raster) -> tuple[int, int]:
    """Rows of the first run of inked rows from the top (the shop's name)."""
    inked = [any(raster.row(y)) for y in range(raster.height)]
    top = inked.index(True)
    bottom = top
    while bottom < raster.height and inked[bottom]:
        bottom += 1
    return top, bottom


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("state", list(SaleState))
def test_every_state_draws_exactly_as_wide_as_the_paper(
    state: SaleState, width: int, language: str
) -> None:
    image = draw_receipt(make_receipt(state, language), width)
    assert image.width() == width
    assert 300 < image.height() < 3000
    assert grey_levels(image) == {0, 255}  # pure black on white, as the head prints
    raster = to_raster(image)
    assert (raster.width, raster.height) == (width, image.height())
    columns = ink_columns(raster)
    assert columns[0] >= EDGE
    assert columns[-1] < width - EDGE


@pytest.mark.parametrize("width", WIDTHS)
def test_the_raster_is_the_image_dot_for_dot(width: int) -> None:
    image = draw_receipt(make_receipt(copy=1), width)
    raster = to_raster(image)
    assert len(raster.rows) == width // 8 * image.height()
    # Qt's own 1-bit conversion, an independent reading of the same picture.
    mono = image.convertToFormat(QImage.Format.Format_Mono, Qt.ImageConversionFlag.ThresholdDither)
    black_index = 0 if QColor(mono.color(0)).lightness() < 128 else 1
    stride = mono.bytesPerLine()
    bits = bytes(mono.constBits())
    for y in range(image.height()):
        row = bits[y * stride : y * stride + width // 8]
        expected = row if black_index == 1 else bytes(b ^ 0xFF for b in row)
        assert raster.row(y) == expected, y
    for y in range(0, image.height(), 7):  # and pixel by pixel on every 7th row
        for x in range(width):
            assert raster.black(x, y) == (qGray(image.pixel(x, y)) < 128), (x, y)


def test_the_raster_thresholds_grey_at_128_and_packs_the_left_dot_high() -> None:
    image = QImage(16, 2, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 255, 255))
    image.setPixelColor(0, 0, QColor(127, 127, 127))  # dark enough: black
    image.setPixelColor(1, 0, QColor(128, 128, 128))  # light enough: white
    image.setPixelColor(15, 1, QColor(0, 0, 0))
    raster = to_raster(image)
    assert raster.rows == bytes([0x80, 0x00, 0x00, 0x01])


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("shop", "code"),
    [(LONG_SHOP, CODE), (ARABIC_SHOP, ALNUM_CODE), (LONG_SHOP, ALNUM_CODE * 3)],
    ids=["long-shop", "arabic-shop-alnum-code", "code-too-long-for-a-line"],
)
def test_nothing_is_drawn_at_the_paper_edge(
    shop: ShopHeader, code: str, language: str, width: int
) -> None:
    r = make_receipt(SaleState.FULFILLED, language, shop=shop, copy=2, card_code=code)
    raster = to_raster(draw_receipt(r, width))
    columns = ink_columns(raster)
    assert columns[0] >= EDGE
    assert columns[-1] < width - EDGE


def qr_origin(raster: Raster, count: int) -> tuple[int, int, int]:
    """Left, top and module size of the QR code: its top row is a finder (7 black modules),
    a white separator, ..., a white separator and a finder, spanning ``count`` modules."""
    for y in range(raster.height):
        runs: list[tuple[int, int]] = []
        x = 0
        while x < raster.width:
            if raster.black(x, y):
                start = x
                while x < raster.width and raster.black(x, y):
                    x += 1
                runs.append((start, x))
            x += 1
        if len(runs) < 2:
            continue
        (first_start, first_end), (last_start, last_end) = runs[0], runs[-1]
        length = first_end - first_start
        if length == last_end - last_start and length % 7 == 0:
            module = length // 7
            if last_end - first_start == count * module:
                return first_start, y, module
    raise AssertionError("no QR code found")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("code", [CODE, ALNUM_CODE])
def test_the_qr_code_drawn_is_qrcodes_matrix(code: str, width: int) -> None:
    reference = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    reference.add_data(code)
    reference.make(fit=True)
    matrix = [[bool(cell) for cell in row] for row in reference.get_matrix()]
    assert qr_matrix(code) == matrix
    raster = to_raster(draw_receipt(make_receipt(card_code=code), width))
    left, top, module = qr_origin(raster, len(matrix))
    assert module >= 3  # scannable on thermal paper
    for row, cells in enumerate(matrix):
        for col, black in enumerate(cells):
            centre = (left + col * module + module // 2, top + row * module + module // 2)
            assert raster.black(*centre) == black, (row, col)


def test_only_a_sale_receipt_has_a_qr_code() -> None:
    count = len(qr_matrix(CODE))
    raster = to_raster(draw_receipt(make_receipt(SaleState.QUEUED, card_code=CODE), WIDTH_58MM))
    with pytest.raises(AssertionError, match="no QR code"):
        qr_origin(raster, count)


def black_band_rows(raster: Raster) -> int:
    """Rows black from one paper margin to the other (only the DUPLICATE banner has them)."""
    quarter = raster.width // 4
    return sum(
        all(raster.black(x, y) for x in range(quarter, raster.width - quarter, 4))
        for y in range(raster.height)
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_a_reprint_carries_the_duplicate_banner(width: int) -> None:
    assert black_band_rows(to_raster(draw_receipt(make_receipt(copy=0), width))) == 0
    assert black_band_rows(to_raster(draw_receipt(make_receipt(copy=1), width))) > 20


@pytest.mark.parametrize("width", WIDTHS)
def test_arabic_is_mirrored_the_shop_name_at_the_right(width: int) -> None:
    shops = {"ar": ShopHeader("النور"), "fr": ShopHeader("El Nour")}
    spans = {}
    for language, shop in shops.items():
        raster = to_raster(draw_receipt(make_receipt(language=language, shop=shop), width))
        columns = ink_columns(raster, *first_ink_band(raster))
        spans[language] = (columns[0], columns[-1])
    ar_left, ar_right = spans["ar"]
    fr_left, fr_right = spans["fr"]
    assert ar_right > width * 0.9 and ar_left > width / 2
    assert fr_left < width * 0.1 and fr_right < width / 2


def test_a_long_card_code_is_shrunk_to_fit_and_a_short_one_is_large() -> None:
    def code_height(code: str) -> int:
        short = draw_receipt(make_receipt(card_code=code), WIDTH_58MM)
        return short.height()

    assert code_height("1234 5678") < code_height(ALNUM_CODE * 3)


def test_the_receipt_width_is_one_of_the_paper_widths() -> None:
    with pytest.raises(ValueError, match="384 or 576"):
        draw_receipt(make_receipt(), 400)


def test_a_wording_of_another_direction_is_refused() -> None:
    with pytest.raises(ValueError, match="wording"):
        draw_receipt(make_receipt(language="ar"), WIDTH_58MM, ReceiptLanguage.load("fr"))


def test_a_png_of_the_raster_reads_back_as_the_same_raster(tmp_path: Path) -> None:
    raster = to_raster(draw_receipt(make_receipt(language="ar"), WIDTH_58MM))
    path = tmp_path / "receipt.png"
    save_png(raster, path)
    assert path.read_bytes().startswith(b"\x89PNG")
    assert to_raster(QImage(str(path))) == raster
    image_path = tmp_path / "image.png"
    save_png(draw_receipt(make_receipt(language="ar"), WIDTH_58MM), image_path)
    assert to_raster(QImage(str(image_path))) == raster


def test_a_shop_logo_is_drawn_above_the_name_and_a_broken_one_is_left_out(
    tmp_path: Path,
) -> None:
    logo = QImage(300, 100, QImage.Format.Format_RGB32)
    logo.fill(QColor(0, 0, 0))
    logo_path = tmp_path / "logo.png"
    assert logo.save(str(logo_path))
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a picture")
    plain = draw_receipt(make_receipt(shop=ShopHeader("El Nour")), WIDTH_58MM)
    with_logo = draw_receipt(make_receipt(shop=ShopHeader("El Nour", logo=logo_path)), WIDTH_58MM)
    without = draw_receipt(make_receipt(shop=ShopHeader("El Nour", logo=broken)), WIDTH_58MM)
    assert with_logo.height() > plain.height() + 60
    assert without.height() == plain.height()
    raster = to_raster(with_logo)
    top, bottom = first_ink_band(raster)
    assert bottom - top >= 90  # the logo (scaled to 96 rows at most) comes first
    columns = ink_columns(raster, top, bottom)
    assert columns[0] >= EDGE and columns[-1] < WIDTH_58MM - EDGE


def test_a_logo_is_made_once_per_file_version_and_width(tmp_path: Path) -> None:
    logo_path = tmp_path / "logo.png"
    black = QImage(300, 100, QImage.Format.Format_RGB32)
    black.fill(QColor(0, 0, 0))
    assert black.save(str(logo_path))
    first = render.logo_dots(logo_path, WIDTH_58MM)
    assert first is not None and first.format() is QImage.Format.Format_Mono
    assert first.width() <= WIDTH_58MM and first.height() <= WIDTH_58MM // 4
    assert render.logo_dots(logo_path, WIDTH_58MM) is first  # not decoded again
    assert render.logo_dots(logo_path, WIDTH_80MM) is not first  # another width
    # The shop changes its logo: the next receipt has the new one, not the cached one.
    white = QImage(300, 100, QImage.Format.Format_RGB32)
    white.fill(QColor(255, 255, 255))
    assert white.save(str(logo_path))
    newer = render.logo_dots(logo_path, WIDTH_58MM)
    assert newer is not None and newer is not first
    assert to_raster(newer) != to_raster(first)


@pytest.mark.parametrize(("width", "height"), [(4001, 8), (8, 4001), (4000, 4001)])
def test_a_huge_logo_is_left_out_with_a_warning_never_decoded(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, width: int, height: int
) -> None:
    huge = QImage(width, height, QImage.Format.Format_Mono)  # a few bytes a row: cheap to make
    huge.fill(1)
    path = tmp_path / f"huge-{width}x{height}.png"
    assert huge.save(str(path))
    plain = draw_receipt(make_receipt(shop=ShopHeader("El Nour")), WIDTH_80MM)
    with caplog.at_level("WARNING", logger="pos_app.receipts.render"):
        drawn = draw_receipt(make_receipt(shop=ShopHeader("El Nour", logo=path)), WIDTH_80MM)
        again = draw_receipt(make_receipt(shop=ShopHeader("El Nour", logo=path)), WIDTH_80MM)
    assert to_raster(drawn) == to_raster(plain) == to_raster(again)
    warnings = [r.getMessage() for r in caplog.records if "logo" in r.getMessage()]
    assert warnings == [f"shop logo left out: {path.name} is {width} x {height} pixels, "
                        "more than 4000 on a side or 16000000 in all"]  # fmt: skip


@pytest.mark.parametrize("kind", ["folder", "missing"])
def test_a_logo_that_is_no_picture_is_left_out(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "logo.png"
    if kind == "folder":
        path.mkdir()
    assert render.logo_dots(path, WIDTH_58MM) is None
    plain = draw_receipt(make_receipt(shop=ShopHeader("El Nour")), WIDTH_58MM)
    drawn = draw_receipt(make_receipt(shop=ShopHeader("El Nour", logo=path)), WIDTH_58MM)
    assert to_raster(drawn) == to_raster(plain)


# -- PDF and the system printer ---------------------------------------------------------------


def media_boxes(pdf: bytes) -> list[tuple[float, float]]:
    found = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in found]


def pdf_rasters(pdf: bytes) -> list[Raster]:
    """The pictures a PDF holds (Flate-compressed, 8-bit grey or RGB), read back as dots."""
    found = []
    header = re.compile(rb"<<([^>]*?/Subtype\s*/Image[^>]*?)>>\s*stream\r?\n", re.S)
    for match in header.finditer(pdf):
        fields = match.group(1)
        assert b"/FlateDecode" in fields, fields  # lossless: never a JPEG of the dots
        width = int(re.search(rb"/Width\s+(\d+)", fields).group(1))  # type: ignore[union-attr]
        height = int(re.search(rb"/Height\s+(\d+)", fields).group(1))  # type: ignore[union-attr]
        assert b"/BitsPerComponent 8" in fields
        channels = 3 if b"/DeviceRGB" in fields else 1
        end = pdf.index(b"endstream", match.end())
        data = zlib.decompressobj().decompress(pdf[match.end() : end])
        assert len(data) >= width * height * channels
        bits = "".join(
            "1" if data[i] < 128 else "0" for i in range(0, width * height * channels, channels)
        )
        rows = int(bits, 2).to_bytes(width * height // 8, "big")
        found.append(Raster(width, height, rows))
    return found


def render_pdf_pages(path: Path, folder: Path) -> list[Path]:
    """The PDF's pages as PNGs in ``folder``, by poppler's pdftoppm."""
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm is not None
    folder.mkdir()
    subprocess.run([pdftoppm, "-r", "50", "-png", str(path), str(folder / "page")], check=True)
    return sorted(folder.glob("page*.png"))


@pytest.mark.parametrize(("paper_mm", "width"), [(58, WIDTH_58MM), (80, WIDTH_80MM)])
def test_a_roll_pdf_is_one_page_as_wide_as_the_paper(
    paper_mm: int, width: int, tmp_path: Path
) -> None:
    path = tmp_path / "receipt.pdf"
    r = make_receipt(language="ar")
    write_pdf(r, path, "roll", width_px=width)
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF")
    boxes = media_boxes(pdf)
    assert len(boxes) == 1
    width_pt, height_pt = boxes[0]
    assert width_pt == pytest.approx(paper_mm / 25.4 * 72, abs=1)
    image_mm = draw_receipt(r, width).height() / 8
    assert height_pt == pytest.approx((image_mm + 10) / 25.4 * 72, abs=1)
    assert pdf_rasters(pdf) == [to_raster(draw_receipt(r, width))]  # the same dots


def test_an_a4_pdf_has_a4_pages(tmp_path: Path) -> None:
    path = tmp_path / "receipt.pdf"
    write_pdf(make_receipt(language="fr"), path, "A4")
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert media_boxes(pdf) == [pytest.approx((595, 842), abs=1)]
    assert pdf_rasters(pdf) == [to_raster(draw_receipt(make_receipt(language="fr"), WIDTH_80MM))]
    with pytest.raises(ValueError, match="page"):
        write_pdf(make_receipt(), tmp_path / "x.pdf", "letter")  # type: ignore[arg-type]


def test_an_image_longer_than_a_page_continues_on_the_next(tmp_path: Path) -> None:
    long_image = QImage(WIDTH_80MM, 4000, QImage.Format.Format_RGB32)  # 500 mm
    long_image.fill(QColor(0, 0, 0))
    path = tmp_path / "long.pdf"
    render.write_image_pdf(long_image, path, "A4")
    assert len(media_boxes(path.read_bytes())) == 2
    parts = pdf_rasters(path.read_bytes())
    assert len(parts) == 2
    assert parts[0].height > 2000
    assert sum(part.height for part in parts) == 4000


def test_the_system_print_path_renders_into_a_qprinter(tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    path = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    r = make_receipt(language="ar")
    render.print_system(r, None, printer=printer)
    assert path.read_bytes().startswith(b"%PDF")
    assert len(media_boxes(path.read_bytes())) == 1
    assert pdf_rasters(path.read_bytes()) == [to_raster(draw_receipt(r, WIDTH_80MM))]


def test_a_pdf_that_cannot_be_written_raises_instead_of_passing_for_written(
    tmp_path: Path,
) -> None:
    taken = tmp_path / "receipt.pdf"
    taken.mkdir()  # stands for a file that cannot be replaced (open in a viewer, read-only)
    with pytest.raises(OSError, match=r"cannot write the PDF .*receipt\.pdf"):
        write_pdf(make_receipt(), taken, "roll")
    with pytest.raises(OSError, match="cannot write the PDF"):
        render.write_image_pdf(draw_receipt(make_receipt(), WIDTH_80MM), taken, "A4")
    assert taken.is_dir() and list(taken.iterdir()) == []


def test_a_system_printer_that_cannot_be_opened_raises(tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    folder = tmp_path / "printed.pdf"
    folder.mkdir()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(folder))  # the "printer" cannot open its output
    with pytest.raises(OSError, match="could not be opened"):
        render.print_system(make_receipt(), None, printer=printer)


def test_poppler_renders_the_pdfs(tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    from PySide6.QtPrintSupport import QPrinter

    r = make_receipt(language="ar")
    write_pdf(r, tmp_path / "roll.pdf", "roll", width_px=WIDTH_58MM)
    write_pdf(r, tmp_path / "a4.pdf", "A4")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    render.print_system(r, None, printer=printer)
    for name in ("roll", "a4", "printed"):
        pages = render_pdf_pages(tmp_path / f"{name}.pdf", tmp_path / name)
        assert len(pages) == 1, name


# -- the receipt's language ---------------------------------------------------------------------

REASON = "This line does not exist or is not of this type. Check the number with the customer."
TINY_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Receipt</name>
    <message>
        <source>Claim slip</source>
        <translation>Bon de retrait</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>{reason}</source>
        <translation>Ligne inconnue.</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def tiny_qm(tmp_path: Path) -> Path:
    """A directory holding pos_app_fr.qm made from :data:`TINY_TS` by pyside6-lrelease."""
    ts = tmp_path / "tiny_fr.ts"
    ts.write_text(TINY_TS.format(reason=REASON), encoding="utf-8")
    qm = tmp_path / "pos_app_fr.qm"
    subprocess.run([str(LRELEASE), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return tmp_path


def test_a_receipt_language_translates_without_touching_the_window(tiny_qm: Path) -> None:
    wording = ReceiptLanguage.load("fr", tiny_qm)
    assert wording.label("Claim slip") == "Bon de retrait"
    assert wording.label("Ref") == "Ref"  # not in the file: English
    assert wording.message(REASON) == "Ligne inconnue."
    assert QCoreApplication.translate("Receipt", "Claim slip") == "Claim slip"  # not installed
    from pos_app.receipts.model import receipt_texts

    texts = receipt_texts(make_receipt(SaleState.REJECTED, "fr"), wording)
    assert "Ligne inconnue." in texts
    claim = receipt_texts(make_receipt(SaleState.QUEUED, "fr"), wording)
    assert "Bon de retrait" in claim
    assert "Claim slip" not in claim


def test_a_missing_translation_file_prints_english_in_the_languages_direction(
    tmp_path: Path,
) -> None:
    wording = ReceiptLanguage.load("ar", tmp_path)  # no .qm there
    assert wording.rtl
    assert wording.label("Claim slip") == "Claim slip"
    assert not ReceiptLanguage.load("en").rtl
    with pytest.raises(ValueError, match="language"):
        ReceiptLanguage.load("de")


def test_the_shipped_arabic_file_is_the_default_wording() -> None:
    arabic = ReceiptLanguage.load("ar").message(REASON)
    assert arabic != REASON
    assert any("\u0600" <= ch <= "\u06ff" for ch in arabic)


@pytest.mark.slow
def test_drawing_needs_only_a_bare_gui_application(tmp_path: Path) -> None:
    """In a fresh interpreter with a QGuiApplication (no widgets), offscreen."""
    code = f"""
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(["receipt", "-platform", "offscreen"])
from tests.receipts.test_receipt_model import make_sale, SHOP, PRINTED_AT
from pos_app.domain.sale_states import SaleState
from pos_app.receipts.model import build_receipt
from pos_app.receipts.render import draw_receipt, to_raster, save_png, write_pdf
r = build_receipt(make_sale(SaleState.FULFILLED), shop=SHOP, language="ar", printed_at=PRINTED_AT)
save_png(to_raster(draw_receipt(r, 576)), __import__("pathlib").Path({str(tmp_path)!r}) / "r.png")
write_pdf(r, __import__("pathlib").Path({str(tmp_path)!r}) / "r.pdf", "roll")
widgets = sorted(m for m in sys.modules if m.startswith("PySide6.QtWidgets"))
print(widgets)
sys.exit(1 if widgets else 0)
"""
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "r.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
