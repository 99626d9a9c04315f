"""A receipt drawn by Qt (QtGui only; a bare ``QGuiApplication``, offscreen or not, is enough)
into a picture exactly as wide as the paper's dots, then to a 1-bit :class:`Raster`, a PNG,
a PDF or the system printer.

Arabic is shaped and set right to left (the whole layout mirrored) while numbers, amounts,
refs and codes stay left to right (the model wraps them in Unicode isolates). The shipped
DejaVu Sans is used, so a receipt looks the same on every PC. Text is drawn without
anti-aliasing: the picture is pure black and white, as the thermal head prints it.

Threads: call these functions on the GUI thread (the one that made the application); that is
where they are tested. Fonts and painting on a QImage are allowed elsewhere by Qt, but the
receipts code keeps to one thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QImageReader,
    QPagedPaintDevice,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextLayout,
    QTextOption,
)

from pos_app import assets
from pos_app.receipts.model import LineStyle, Receipt, ReceiptLine, receipt_lines
from pos_app.receipts.raster import PAPER_WIDTHS, WIDTH_58MM, WIDTH_80MM, Raster
from pos_app.receipts.texts import ReceiptLanguage, Wording

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger(__name__)

FONT_FILES: Final = assets.FONT_FILES
FALLBACK_FAMILY: Final = "DejaVu Sans"
DOTS_PER_MM: Final = 8
"""Thermal printers print 203 dpi: 8 dots a millimetre (the raster's scale on paper)."""
PDF_MARGIN_MM: Final = 5
BLACK_BELOW: Final = 128
"""A pixel whose grey level is below this prints black."""
LOGO_MAX_SIDE: Final = 4000
LOGO_MAX_PIXELS: Final = 16_000_000
"""A shop logo larger than this (pixels on a side, or in all) is left out, never decoded."""
LOGO_CACHE: Final = 8
"""Logos kept ready to print (each a few kilobytes of dots): by file, version and width."""

PageKind = Literal["A4", "roll"]


@dataclass(frozen=True, slots=True)
class _Sizes:
    """Pixel sizes for one paper width (fonts in pixels, readable on thermal paper)."""

    margin: int
    body: int
    small: int
    title: int
    shop: int
    code_max: int
    code_min: int
    gap: int
    qr_module_max: int


_SIZES: Final = {
    WIDTH_58MM: _Sizes(
        margin=8, body=24, small=21, title=30, shop=32, code_max=48, code_min=18, gap=6,
        qr_module_max=6,
    ),
    WIDTH_80MM: _Sizes(
        margin=12, body=26, small=23, title=34, shop=40, code_max=60, code_min=20, gap=8,
        qr_module_max=8,
    ),
}  # fmt: skip


@cache
def receipt_font_family() -> str:
    """The shipped font's family (loaded once into the application's font database)."""
    families: list[str] = []
    for path in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("receipt font not loaded: %s", path.name)
        else:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else FALLBACK_FAMILY


def _font(pixels: int, *, bold: bool = False) -> QFont:
    font = QFont(receipt_font_family())
    font.setPixelSize(pixels)
    font.setBold(bold)
    font.setStyleStrategy(QFont.StyleStrategy.NoAntialias)
    font.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
    return font


Paint = Callable[[QPainter, float], None]


@dataclass(frozen=True, slots=True)
class _Block:
    """A strip of the receipt: its height and how to paint it at a given top."""

    height: float
    paint: Paint


class _Layouter:
    """Turns receipt lines into blocks for one width and direction."""

    def __init__(self, width: int, rtl: bool) -> None:
        self.width = width
        self.rtl = rtl
        self.sizes = _SIZES[width]
        self.inner = width - 2 * self.sizes.margin
        self._device = QImage(8, 8, QImage.Format.Format_RGB32)  # metrics as on the image

    # -- text ----------------------------------------------------------------------------

    def text_layout(
        self,
        text: str,
        font: QFont,
        *,
        align: Literal["start", "end", "center"] = "start",
        width: float | None = None,
        wrap: QTextOption.WrapMode = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere,
        rtl: bool | None = None,
    ) -> tuple[QTextLayout, float]:
        """``text`` laid out in lines of ``width`` (the inner width); the layout and its height."""
        rtl = self.rtl if rtl is None else rtl
        width = self.inner if width is None else width
        flags = {
            "start": Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft,
            "end": Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight,
            "center": Qt.AlignmentFlag.AlignHCenter,
        }[align]
        option = QTextOption(flags | Qt.AlignmentFlag.AlignAbsolute)
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        option.setWrapMode(wrap)
        layout = QTextLayout(text, font, self._device)
        layout.setTextOption(option)
        layout.beginLayout()
        y = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        return layout, y

    def text(self, text: str, font: QFont, align: Literal["start", "center"] = "start") -> _Block:
        layout, height = self.text_layout(text, font, align=align)
        x = self.sizes.margin

        def paint(painter: QPainter, top: float) -> None:
            layout.draw(painter, QPointF(x, top))

        return _Block(height, paint)

    def field(self, label: str, value: str, *, bold: bool = False) -> _Block:
        """A label at the start and its value at the end of one row, or of two rows when
        they do not fit side by side."""
        font = _font(self.sizes.body, bold=bold)
        label_layout, label_height = self.text_layout(label, font)
        value_layout, value_height = self.text_layout(value, font, align="end")
        if value_layout.lineCount() > 1:  # a paragraph of its own reads from the start
            value_layout, value_height = self.text_layout(value, font)
        gap = self.sizes.body // 2
        one_row = (
            label_layout.lineCount() == 1
            and value_layout.lineCount() == 1
            and _natural(label_layout) + gap + _natural(value_layout) <= self.inner
        )
        x = self.sizes.margin
        value_top = 0.0 if one_row else label_height
        height = max(label_height, value_height) if one_row else label_height + value_height

        def paint(painter: QPainter, top: float) -> None:
            label_layout.draw(painter, QPointF(x, top))
            value_layout.draw(painter, QPointF(x, top + value_top))

        return _Block(height, paint)

    def banner(self, text: str) -> _Block:
        """White bold text on a black band (DUPLICATE n)."""
        font = _font(self.sizes.title, bold=True)
        layout, height = self.text_layout(text, font, align="center", width=self.inner - 8)
        pad = 4
        m = self.sizes.margin

        def paint(painter: QPainter, top: float) -> None:
            painter.fillRect(QRectF(m, top, self.inner, height + 2 * pad), Qt.GlobalColor.black)
            painter.setPen(Qt.GlobalColor.white)
            layout.draw(painter, QPointF(m + 4, top + pad))
            painter.setPen(Qt.GlobalColor.black)

        return _Block(height + 2 * pad, paint)

    def code(self, code: str) -> _Block:
        """The card code, bold and as large as fits: wrapped between its groups, never
        inside one; shrunk until every group fits (cut anywhere only below the smallest
        size)."""
        sizes = self.sizes
        chosen: tuple[QTextLayout, float] | None = None
        for pixels in range(sizes.code_max, sizes.code_min - 1, -2):
            layout, height = self.text_layout(
                code, _font(pixels, bold=True), align="center", wrap=QTextOption.WrapMode.WordWrap
            )
            if _widest_line(layout) <= self.inner and layout.lineCount() <= 2:
                chosen = (layout, height)
                break
            if chosen is None and _widest_line(layout) <= self.inner:
                chosen = (layout, height)  # fits, in more lines: keep looking for fewer
        if chosen is None:
            chosen = self.text_layout(code, _font(sizes.code_min, bold=True), align="center")
        layout, height = chosen
        x = sizes.margin

        def paint(painter: QPainter, top: float) -> None:
            layout.draw(painter, QPointF(x, top))

        return _Block(height, paint)

    # -- pictures --------------------------------------------------------------------------

    def qr(self, payload: str) -> _Block:
        """The payload as a QR code (``qrcode``'s matrix), drawn as black squares, centred."""
        matrix = qr_matrix(payload)
        count = len(matrix)
        module = max(2, min(self.sizes.qr_module_max, (self.inner * 6 // 10) // count))
        side = module * count
        left = (self.width - side) // 2
        quiet = 2 * module

        def paint(painter: QPainter, top: float) -> None:
            for row, cells in enumerate(matrix):
                for col, black in enumerate(cells):
                    if black:
                        painter.fillRect(
                            left + col * module,
                            int(top) + quiet + row * module,
                            module,
                            module,
                            Qt.GlobalColor.black,
                        )

        return _Block(side + 2 * quiet, paint)

    def rule(self) -> _Block:
        m, gap = self.sizes.margin, self.sizes.gap

        def paint(painter: QPainter, top: float) -> None:
            y = int(top) + gap
            for x in range(m, self.width - m, 12):
                painter.fillRect(x, y, min(8, self.width - m - x), 2, Qt.GlobalColor.black)

        return _Block(2 * gap + 2, paint)

    def logo(self, path: Path) -> _Block | None:
        mono = logo_dots(path, self.width)
        if mono is None:
            return None
        left = (self.width - mono.width()) // 2

        def paint(painter: QPainter, top: float) -> None:
            painter.drawImage(left, int(top), mono)

        return _Block(mono.height() + self.sizes.gap, paint)

    def space(self, height: float) -> _Block:
        return _Block(height, lambda painter, top: None)

    # -- the receipt ---------------------------------------------------------------------

    def blocks(self, receipt: Receipt, lines: Sequence[ReceiptLine]) -> list[_Block]:
        s = self.sizes
        out: list[_Block] = [self.space(s.gap)]
        if receipt.shop.logo is not None:
            logo = self.logo(receipt.shop.logo)
            if logo is not None:
                out.append(logo)
        for line in lines:
            style = line.style
            if style is LineStyle.SHOP:
                out.append(self.text(line.text, _font(s.shop, bold=True)))
            elif style is LineStyle.HEADER:
                out.append(self.text(line.text, _font(s.small)))
            elif style is LineStyle.TITLE:
                out.append(self.text(line.text, _font(s.title, bold=True), align="center"))
            elif style is LineStyle.BANNER:
                out += [self.space(s.gap), self.banner(line.text), self.space(s.gap)]
            elif style is LineStyle.FIELD:
                out.append(self.field(line.text, line.value))
            elif style is LineStyle.STRONG:
                out.append(self.field(line.text, line.value, bold=True))
            elif style is LineStyle.CODE:
                out.append(self.code(line.value))
            elif style is LineStyle.QR:
                out.append(self.qr(line.value))
            elif style is LineStyle.NOTICE:
                out.append(self.text(line.text, _font(s.body)))
            elif style is LineStyle.RULE:
                out.append(self.rule())
            elif style is LineStyle.FOOTER:
                out += [self.space(s.gap), self.text(line.text, _font(s.small), align="center")]
            out.append(self.space(2))
        out.append(self.space(3 * s.gap))
        return out


def logo_dots(path: Path, width_px: int) -> QImage | None:
    """The shop logo as the receipt prints it: scaled into the top of a ``width_px`` receipt
    and dithered to 1 bit. Made once per file version (path, modification time, size) and
    width, then taken from a small cache. A file that cannot be read, or whose picture is
    larger than :data:`LOGO_MAX_SIDE` / :data:`LOGO_MAX_PIXELS` (read from its header, never
    decoded), is left out with one warning: None."""
    try:
        stat = path.stat()
    except OSError:
        log.warning("shop logo not readable: %s", path.name)
        return None
    return _logo_dots(str(path), stat.st_mtime_ns, stat.st_size, width_px)


@lru_cache(maxsize=LOGO_CACHE)
def _logo_dots(path: str, mtime_ns: int, size: int, width_px: int) -> QImage | None:
    """:func:`logo_dots` for one version of the file (the cache's key)."""
    name = Path(path).name
    reader = QImageReader(path)
    dimensions = reader.size()  # from the file's header: nothing decoded yet
    if not dimensions.isValid():
        log.warning("shop logo not readable: %s", name)
        return None
    wide, high = dimensions.width(), dimensions.height()
    if max(wide, high) > LOGO_MAX_SIDE or wide * high > LOGO_MAX_PIXELS:
        log.warning(
            "shop logo left out: %s is %d x %d pixels, more than %d on a side or %d in all",
            name, wide, high, LOGO_MAX_SIDE, LOGO_MAX_PIXELS,
        )  # fmt: skip
        return None
    image = reader.read()
    if image.isNull():
        log.warning("shop logo not readable: %s", name)
        return None
    sizes = _SIZES.get(width_px, _SIZES[WIDTH_80MM])
    box = QSizeF(width_px - 2 * sizes.margin, width_px // 4)
    scaled = image.scaled(
        box.toSize(),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    on_white = QImage(scaled.size(), QImage.Format.Format_RGB32)
    on_white.fill(Qt.GlobalColor.white)
    with _painting(on_white) as painter:
        painter.drawImage(0, 0, scaled)
    return on_white.convertToFormat(QImage.Format.Format_Mono, Qt.ImageConversionFlag.DiffuseDither)


def _natural(layout: QTextLayout) -> float:
    return max((layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount())), default=0)


def _widest_line(layout: QTextLayout) -> float:
    return _natural(layout)


@contextmanager
def _painting(device: QImage | QPagedPaintDevice) -> Iterator[QPainter]:
    """A QPainter on ``device``, always ended; OSError when it cannot begin (a PDF file
    that cannot be opened for writing, a printer that cannot be opened)."""
    painter = QPainter()
    if not painter.begin(device) or not painter.isActive():
        raise OSError("cannot draw on the output: it could not be opened")
    try:
        yield painter
    except BaseException:
        painter.end()
        raise
    if not painter.end():
        raise OSError("cannot finish the output (disk full, or the printer went away?)")


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR code of ``payload`` as rows of modules (True: black), without quiet zone.
    ``qrcode`` is imported here, at the first receipt drawn."""
    import qrcode  # type: ignore[import-untyped]

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]


def _wording(receipt: Receipt) -> Wording:
    return ReceiptLanguage.load(receipt.language)


def draw_receipt(receipt: Receipt, width_px: int, wording: Wording | None = None) -> QImage:
    """The receipt drawn ``width_px`` wide (384 for 58 mm paper, 576 for 80 mm), as tall as
    its content: black on white, nothing within the paper margin. ``wording`` defaults to
    the receipt language's translations."""
    if width_px not in _SIZES:
        raise ValueError(f"a receipt is {WIDTH_58MM} or {WIDTH_80MM} dots wide, not {width_px}")
    wording = wording or _wording(receipt)
    if wording.rtl != receipt.rtl:
        raise ValueError(f"wording in {wording.language!r} for a {receipt.language!r} receipt")
    layouter = _Layouter(width_px, receipt.rtl)
    return paint_blocks(layouter.blocks(receipt, receipt_lines(receipt, wording)), width_px)


def paint_blocks(blocks: Sequence[_Block], width_px: int) -> QImage:
    """``blocks`` painted top to bottom in black on white, without anti-aliasing (a thermal
    dot is on or off), on an image ``width_px`` wide and as tall as they need."""
    tops: list[float] = []
    height = 0.0
    for block in blocks:
        tops.append(height)
        height += block.height
    image = QImage(width_px, max(1, round(height)), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    with _painting(image) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, False)
        painter.setPen(QColor(Qt.GlobalColor.black))
        for block, top in zip(blocks, tops, strict=True):
            block.paint(painter, top)
    return image


def to_raster(image: QImage) -> Raster:
    """``image`` as thermal dots: one bit a pixel, black (1) where its grey is below
    :data:`BLACK_BELOW`; exactly as wide as the image (a multiple of 8)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height = gray.width(), gray.height()
    stride = gray.bytesPerLine()
    pixels = bytes(gray.constBits())
    bits = bytes(0x31 if level < BLACK_BELOW else 0x30 for level in range(256))  # "1" / "0"
    row_bytes = width // 8
    rows = bytearray()
    for y in range(height):
        row = pixels[y * stride : y * stride + width].translate(bits)
        rows += int(row, 2).to_bytes(row_bytes, "big")
    return Raster(width, height, bytes(rows))


def raster_image(raster: Raster) -> QImage:
    """A 1-bit QImage of ``raster`` (black where the raster has a dot)."""
    rows = QImage(
        raster.rows, raster.width, raster.height, raster.row_bytes, QImage.Format.Format_Mono
    )
    image = rows.copy()  # its own pixels, not a view of the raster's bytes
    image.setColorTable([QColor(Qt.GlobalColor.white).rgb(), QColor(Qt.GlobalColor.black).rgb()])
    return image


def save_png(picture: Raster | QImage, path: Path) -> None:
    """Write ``picture`` (a raster as a 1-bit PNG, or an image as it is) to ``path``."""
    image = raster_image(picture) if isinstance(picture, Raster) else picture
    # PySide6 6.11 takes the format as str at run time; its stubs say bytes.
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
        raise OSError(f"cannot write the PNG {path}")


def _paint_pages(
    device: QPagedPaintDevice, image: QImage, page_height_mm: float, margin_mm: float
) -> None:
    """``image`` at 8 dots a millimetre, centred across the page, ``margin_mm`` below the
    top, continued on further pages when longer than a page (scaled down if wider)."""
    per_mm = device.logicalDpiX() / 25.4
    page_width_mm = device.width() / per_mm
    scale_mm = min(1 / DOTS_PER_MM, page_width_mm / image.width())
    slice_rows = max(1, int((page_height_mm - 2 * margin_mm) / scale_mm))
    left = (page_width_mm - image.width() * scale_mm) / 2 * per_mm
    with _painting(device) as painter:
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)  # no JPEG
        for index, top in enumerate(range(0, image.height(), slice_rows)):
            if index:
                device.newPage()
            rows = image.copy(0, top, image.width(), min(slice_rows, image.height() - top))
            part = raster_image(to_raster(rows))  # the dots the thermal head would print
            target = QRectF(
                left,
                margin_mm * per_mm,
                part.width() * scale_mm * per_mm,
                part.height() * scale_mm * per_mm,
            )
            painter.drawImage(target, part)


def write_image_pdf(image: QImage, path: Path, page: PageKind = "A4") -> None:
    """``image`` (a receipt or a report drawn for the thermal paper) as a PDF: on A4 pages
    at its printed size, or on one page of the roll's width and the image's length.
    OSError when the file cannot be written (``path`` is a folder, read-only, or locked by
    another program): nothing is reported as written that was not."""
    if page not in ("A4", "roll"):
        raise ValueError(f"page is 'A4' or 'roll', not {page!r}")
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setCreator("pos-app")
    if page == "A4":
        size = QPageSize(QPageSize.PageSizeId.A4)
    else:
        length_mm = image.height() / DOTS_PER_MM + 2 * PDF_MARGIN_MM
        size = QPageSize(
            QSizeF(_paper_mm(image.width()), length_mm),
            QPageSize.Unit.Millimeter,
            "roll",
            QPageSize.SizeMatchPolicy.ExactMatch,  # never snapped to a nearby standard size
        )
    writer.setPageSize(size)
    height_mm = size.size(QPageSize.Unit.Millimeter).height()
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    try:
        _paint_pages(writer, image, height_mm, PDF_MARGIN_MM)
    except OSError:
        raise OSError(
            f"cannot write the PDF {path}: it is a folder, read-only or open in another program"
        ) from None
    if not path.is_file():
        raise OSError(f"cannot write the PDF {path}")


def _paper_mm(width_px: int) -> float:
    for millimetres, dots in PAPER_WIDTHS.items():
        if dots == width_px:
            return float(millimetres)
    return width_px / DOTS_PER_MM + 2 * PDF_MARGIN_MM


def write_pdf(
    receipt: Receipt,
    path: Path,
    page: PageKind = "A4",
    *,
    width_px: int = WIDTH_80MM,
    wording: Wording | None = None,
) -> None:
    """The receipt as a PDF: on an A4 page, or on a page as wide as the roll."""
    write_image_pdf(draw_receipt(receipt, width_px, wording), path, page)


def print_system(
    receipt: Receipt,
    printer_name: str | None,
    *,
    width_px: int = WIDTH_80MM,
    wording: Wording | None = None,
    printer: QPrinter | None = None,
) -> None:
    """Print the receipt on the system printer ``printer_name`` (the default one when None)
    through the operating system's driver. ``printer`` replaces the printer Qt would open
    (for a PDF file, say). OSError when there is no such printer or it cannot be opened."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    image = draw_receipt(receipt, width_px, wording)
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if printer_name:
            if printer_name not in QPrinterInfo.availablePrinterNames():
                raise OSError(f"no printer named {printer_name!r}")
            printer.setPrinterName(printer_name)
        printer.setDocName(f"receipt {receipt.ref}")
    printer.setFullPage(True)
    height_mm = printer.pageRect(QPrinter.Unit.Millimeter).height()
    _paint_pages(printer, image, height_mm, PDF_MARGIN_MM)
