"""ESC/POS byte streams for a receipt raster, and a decoder of exactly those streams.

A stream initialises the printer (``ESC @``), sends the picture either as ``GS v 0`` raster
bands (each band a complete command, so cheap printers never see one huge image) or, for
printers without ``GS v 0``, as ``ESC * 33`` column lines 24 dots tall with the line spacing
set to 24 dots, then feeds, cuts (``GS V``) and can kick the cash drawer (``ESC p``).
python-escpos makes the commands it makes correctly; the column framing is written here,
because its own column mode spaces lines 16 dots apart (they overlap on 8-dot/mm printers).

No Qt; python-escpos (and Pillow) are imported only when a stream is made.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from typing import Any, Final, Literal

from pos_app.receipts.raster import Raster

Mode = Literal["raster", "column"]
"""``raster``: ``GS v 0`` bands; ``column``: ``ESC * 33`` lines, for printers without it."""

MODES: Final[tuple[Mode, ...]] = ("raster", "column")
DEFAULT_BAND_ROWS: Final = 128
"""Rows per ``GS v 0`` band: 9 KiB at 80 mm, small enough for the cheapest buffers."""
MAX_BAND_ROWS: Final = 1024
DEFAULT_FEED_LINES: Final = 3
"""Text lines fed after the picture, so its end clears the tear bar or the cutter."""
COLUMN_LINE_DOTS: Final = 24
"""Dots in one ``ESC * 33`` line (24-dot double density)."""
DEFAULT_LINE_SPACING_DOTS: Final = 30
"""What ``ESC 2`` restores on the usual 203 dpi printer (1/6 inch, rounded as they do)."""

ESC: Final = b"\x1b"
GS: Final = b"\x1d"
LF: Final = b"\n"
INIT: Final = ESC + b"@"
RASTER_BAND: Final = GS + b"v0"
COLUMN_IMAGE: Final = ESC + b"*"
COLUMN_DENSITY: Final = 33
LINE_SPACING: Final = ESC + b"3"
LINE_SPACING_DEFAULT: Final = ESC + b"2"
FEED_LINES: Final = ESC + b"d"
CUT: Final = GS + b"V"
DRAWER_KICK: Final = ESC + b"p"
DRAWER_PIN: Final = 2
"""The drawer connector pin most drawers use (``ESC p 0``)."""


def receipt_stream(
    raster: Raster,
    *,
    mode: Mode = "raster",
    band_rows: int = DEFAULT_BAND_ROWS,
    cut: bool = True,
    feed_lines: int = DEFAULT_FEED_LINES,
    open_drawer: bool = False,
) -> bytes:
    """The bytes that print ``raster`` on an ESC/POS printer of its width: initialise, the
    picture (``GS v 0`` bands of at most ``band_rows`` rows, or ``ESC * 33`` lines), feed
    ``feed_lines`` lines, cut (feeding to the cutter first) and, if asked, kick the drawer."""
    if mode not in MODES:
        raise ValueError(f"mode is raster or column, not {mode!r}")
    if not 1 <= band_rows <= MAX_BAND_ROWS:
        raise ValueError(f"band_rows is 1 to {MAX_BAND_ROWS}, not {band_rows}")
    if not 0 <= feed_lines <= 255:
        raise ValueError(f"feed_lines is 0 to 255, not {feed_lines}")
    printer = _printer(raster.width)
    printer.hw("INIT")
    if raster.height:
        if mode == "raster":
            printer.image(_pil_image(raster), impl="bitImageRaster", fragment_height=band_rows)
        else:
            printer.line_spacing(COLUMN_LINE_DOTS)
            printer._raw(_column_lines(raster))
            printer.line_spacing()
    if feed_lines:
        printer.print_and_feed(feed_lines)
    if cut:
        printer.cut(feed=False)  # GS V 66 0: feed to the cutter, then cut
    if open_drawer:
        printer.cashdraw(DRAWER_PIN)
    output: bytes = printer.output
    return output


def test_pattern(width_dots: int, height_dots: int = 240) -> Raster:
    """A picture to check a printer with: a frame, a millimetre ruler along the top (longer
    ticks every 5 and 10 mm), a diagonal corner to corner and a checkered strip at the foot
    (dots that must come out even, not smeared)."""
    if height_dots < 64:
        raise ValueError(f"a test pattern is at least 64 dots tall, not {height_dots}")
    row_bytes = Raster(width_dots, 0, b"").row_bytes
    pixels = bytearray(row_bytes * height_dots)

    def dot(x: int, y: int) -> None:
        pixels[y * row_bytes + x // 8] |= 0x80 >> (x % 8)

    for x in range(width_dots):
        for y in (0, 1, height_dots - 2, height_dots - 1):
            dot(x, y)
    for y in range(height_dots):
        for x in (0, 1, width_dots - 2, width_dots - 1):
            dot(x, y)
    for x in range(0, width_dots, 8):
        tick = 32 if x % 80 == 0 else 16 if x % 40 == 0 else 8
        for y in range(2, 2 + tick):
            dot(x, y)
    for y in range(2, height_dots - 2):
        x = y * (width_dots - 1) // (height_dots - 1)
        dot(x, y)
        dot(min(x + 1, width_dots - 1), y)
    for y in range(height_dots - 18, height_dots - 2):
        for x in range(2, width_dots - 2):
            if (x // 2 + y // 2) % 2:
                dot(x, y)
    return Raster(width_dots, height_dots, bytes(pixels))


def test_stream(width_dots: int, *, mode: Mode = "raster") -> bytes:
    """The bytes of a test page (:func:`test_pattern`) for a printer ``width_dots`` wide,
    so a shop can check the printer before the first sale."""
    return receipt_stream(test_pattern(width_dots), mode=mode)


test_pattern.__test__ = False  # type: ignore[attr-defined]  # not tests, for pytest
test_stream.__test__ = False  # type: ignore[attr-defined]


# -- the decoder ----------------------------------------------------------------------------

Command = Literal["init", "raster", "column", "spacing", "newline", "feed", "cut", "drawer"]


class StreamError(ValueError):
    """Bytes that are not a stream :func:`receipt_stream` makes (the offset says where)."""


@dataclass(frozen=True, slots=True)
class ImageCommand:
    """One ``GS v 0`` band or one ``ESC *`` line as declared in its header."""

    command: Literal["raster", "column"]
    offset: int
    """Where the command starts in the stream."""
    top: int
    """The paper row it prints from."""
    width: int
    """Dots across."""
    height: int
    """Dots down (24 for a column line)."""
    density: int
    """``m``: 0 for a normal ``GS v 0`` band, 33 for a 24-dot double-density column line."""


@dataclass(frozen=True, slots=True)
class DrawerPulse:
    """An ``ESC p`` drawer kick: the pin (0 = pin 2, 1 = pin 5) and its on/off times."""

    pin: int
    on_ms: int
    off_ms: int


@dataclass(frozen=True, slots=True)
class ParsedStream:
    """What a printer would do with a stream: the picture as it lands on the paper (None
    when there is none), and every command in order."""

    raster: Raster | None
    commands: tuple[Command, ...]
    images: tuple[ImageCommand, ...]
    feed_lines: int
    """Lines fed by ``ESC d``."""
    cuts: int
    drawer_pulses: tuple[DrawerPulse, ...]


class _Paper:
    """Printed rows so far, dots OR-ed in as a print head burns them."""

    def __init__(self) -> None:
        self.width = 0
        self.rows = bytearray()
        self.bottom = 0

    def put(self, top: int, width: int, rows: bytes, offset: int) -> None:
        if self.width and width != self.width:
            raise StreamError(f"at byte {offset}: an image {width} dots wide after {self.width}")
        self.width = width
        row_bytes = width // 8
        end = top * row_bytes + len(rows)
        if len(self.rows) < end:
            self.rows.extend(bytes(end - len(self.rows)))
        start = top * row_bytes
        for i, byte in enumerate(rows):
            self.rows[start + i] |= byte
        self.bottom = max(self.bottom, top + len(rows) // row_bytes)

    def raster(self) -> Raster | None:
        if not self.width:
            return None
        return Raster(self.width, self.bottom, bytes(self.rows[: self.bottom * self.width // 8]))


def parse_stream(data: bytes) -> ParsedStream:
    """Decode a stream made by :func:`receipt_stream` (and nothing else: any other byte is a
    :class:`StreamError`), reassembling its picture row by row as the paper moves."""
    paper = _Paper()
    commands: list[Command] = []
    images: list[ImageCommand] = []
    pulses: list[DrawerPulse] = []
    feed_lines = cuts = 0
    y = 0
    spacing = DEFAULT_LINE_SPACING_DOTS
    i = 0

    def take(count: int) -> bytes:
        if i + count > len(data):
            raise StreamError(f"at byte {i}: the stream ends inside a command")
        return data[i : i + count]

    while i < len(data):
        start = i
        if data.startswith(INIT, i):
            commands.append("init")
            spacing = DEFAULT_LINE_SPACING_DOTS
            i += 2
        elif data.startswith(RASTER_BAND, i):
            m, xl, xh, yl, yh = take(8)[3:]
            width, height = (xl + 256 * xh) * 8, yl + 256 * yh
            if m != 0 or not width or not height:
                raise StreamError(f"at byte {start}: GS v 0 with m={m}, {width}x{height} dots")
            i += 8
            paper.put(y, width, take(width // 8 * height), start)
            images.append(ImageCommand("raster", start, y, width, height, m))
            commands.append("raster")
            y += height
            i += width // 8 * height
        elif data.startswith(COLUMN_IMAGE, i):
            m, nl, nh = take(5)[2:]
            width = nl + 256 * nh
            if m != COLUMN_DENSITY or not width or width % 8:
                raise StreamError(f"at byte {start}: ESC * with m={m}, {width} dots")
            i += 5
            paper.put(y, width, _rows_of_columns(take(3 * width), width), start)
            images.append(ImageCommand("column", start, y, width, COLUMN_LINE_DOTS, m))
            commands.append("column")
            i += 3 * width
        elif data.startswith(LINE_SPACING, i):
            spacing = take(3)[2]
            commands.append("spacing")
            i += 3
        elif data.startswith(LINE_SPACING_DEFAULT, i):
            spacing = DEFAULT_LINE_SPACING_DOTS
            commands.append("spacing")
            i += 2
        elif data.startswith(LF, i):
            y += spacing
            commands.append("newline")
            i += 1
        elif data.startswith(FEED_LINES, i):
            count = take(3)[2]
            feed_lines += count
            y += count * spacing
            commands.append("feed")
            i += 3
        elif data.startswith(CUT, i):
            m = take(3)[2]
            if m not in (0, 1, 48, 49, 65, 66):
                raise StreamError(f"at byte {start}: GS V with m={m}")
            length = 4 if m >= 65 else 3  # function B carries a feed amount
            take(length)
            i += length
            cuts += 1
            commands.append("cut")
        elif data.startswith(DRAWER_KICK, i):
            pin, on, off = take(5)[2:]
            if pin not in (0, 1, 48, 49):
                raise StreamError(f"at byte {start}: ESC p with pin {pin}")
            pulses.append(DrawerPulse(pin % 48, on * 2, off * 2))
            commands.append("drawer")
            i += 5
        else:
            raise StreamError(f"at byte {start}: unexpected byte 0x{data[start]:02x}")
    return ParsedStream(
        raster=paper.raster(),
        commands=tuple(commands),
        images=tuple(images),
        feed_lines=feed_lines,
        cuts=cuts,
        drawer_pulses=tuple(pulses),
    )


# -- the encoder's parts --------------------------------------------------------------------


@functools.cache
def _profile_class(width: int) -> Any:
    """python-escpos's default printer profile with a known paper width, so ``image`` checks
    the width (and does not print a warning about it)."""
    from escpos.capabilities import Profile  # type: ignore[import-untyped]

    data = copy.deepcopy(Profile.profile_data)
    data["media"]["width"] = {"mm": width / 8, "pixels": width}
    return type(f"Receipt{width}Profile", (Profile,), {"profile_data": data})


def _printer(width: int) -> Any:
    """A python-escpos Dummy (it keeps the bytes) for a printer ``width`` dots wide."""
    from escpos.printer import Dummy  # type: ignore[import-untyped]

    profile = _profile_class(width)
    return Dummy(profile=profile(features=dict(profile.profile_data["features"])))


_INVERT: Final = bytes(255 - b for b in range(256))


def _pil_image(raster: Raster) -> Any:
    """``raster`` as a Pillow 1-bit image (Pillow's 1 is white, ours is black)."""
    from PIL import Image

    return Image.frombytes("1", (raster.width, raster.height), raster.rows.translate(_INVERT))


def _column_lines(raster: Raster) -> bytes:
    """``ESC * 33`` lines for ``raster``, each followed by LF (the last padded with white
    rows): 3 bytes a column, top dot in the high bit."""
    from PIL import Image

    lines = -(-raster.height // COLUMN_LINE_DOTS)
    padded = raster.rows + bytes(raster.row_bytes * (lines * COLUMN_LINE_DOTS - raster.height))
    # Transposed, each image row is one paper column, top to bottom, 8 dots a byte.
    columns = (
        Image.frombytes("1", (raster.width, lines * COLUMN_LINE_DOTS), padded)
        .transpose(Image.Transpose.TRANSPOSE)
        .tobytes()
    )
    column_bytes = lines * COLUMN_LINE_DOTS // 8
    header = COLUMN_IMAGE + bytes((COLUMN_DENSITY, raster.width % 256, raster.width // 256))
    out = bytearray()
    for line in range(lines):
        out += header
        first = line * 3
        for x in range(raster.width):
            at = x * column_bytes + first
            out += columns[at : at + 3]
        out += LF
    return bytes(out)


def _rows_of_columns(data: bytes, width: int) -> bytes:
    """The 24 rows of one ``ESC * 33`` line's column data."""
    from PIL import Image

    return (
        Image.frombytes("1", (COLUMN_LINE_DOTS, width), data)
        .transpose(Image.Transpose.TRANSPOSE)
        .tobytes()
    )
