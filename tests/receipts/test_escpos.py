"""The ESC/POS bytes of a receipt: checked byte by byte against the image (headers, band
data, cut, drawer), and decoded back to the same image in both modes."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.receipts import escpos
from pos_app.receipts.escpos import StreamError, parse_stream, receipt_stream
from pos_app.receipts.raster import WIDTH_58MM, WIDTH_80MM, Raster

WIDTHS = (WIDTH_58MM, WIDTH_80MM)
INIT = b"\x1b@"
FEED_3 = b"\x1bd\x03"
CUT = b"\x1dVB\x00"  # GS V 66 0: feed to the cutter, then cut
DRAWER = b"\x1bp\x00\x32\x32"  # ESC p 0, 100 ms on, 100 ms off


def random_raster(width: int, height: int, seed: int = 7) -> Raster:
    rng = random.Random(seed)
    return Raster(width, height, rng.randbytes(width // 8 * height))


def text_like_raster(width: int, height: int) -> Raster:
    """Black blocks the size of letters on white, in lines, like a receipt's text."""
    row_bytes = width // 8
    rows = bytearray(row_bytes * height)
    rng = random.Random(3)
    for top in range(4, height - 24, 30):
        x = 2
        while x < row_bytes - 2:
            glyph = rng.randint(1, 2)
            for y in range(top, top + rng.randint(12, 22)):
                rows[y * row_bytes + x : y * row_bytes + x + glyph] = b"\xff" * glyph
            x += glyph + 1
    return Raster(width, height, bytes(rows))


def test_a_tiny_picture_gives_exactly_these_bytes() -> None:
    raster = Raster(16, 2, b"\x80\x01\xff\x00")
    stream = receipt_stream(raster, band_rows=1)
    assert stream == (
        INIT
        + b"\x1dv0\x00\x02\x00\x01\x00"  # GS v 0 m=0, 2 bytes across, 1 row
        + b"\x80\x01"
        + b"\x1dv0\x00\x02\x00\x01\x00"
        + b"\xff\x00"
        + FEED_3
        + CUT
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_each_band_declares_its_own_size_and_the_bands_are_the_rows(width: int) -> None:
    raster = text_like_raster(width, 300)
    stream = receipt_stream(raster, band_rows=128)
    assert stream.startswith(INIT)
    at, data = len(INIT), b""
    row_bytes = width // 8
    for height in (128, 128, 44):
        assert stream[at : at + 4] == b"\x1dv0\x00"
        assert stream[at + 4 : at + 8] == bytes(
            (row_bytes % 256, row_bytes // 256, height % 256, height // 256)
        )
        at += 8
        data += stream[at : at + row_bytes * height]
        at += row_bytes * height
    assert data == raster.rows
    assert stream[at:] == FEED_3 + CUT


def test_no_band_is_taller_than_asked() -> None:
    raster = random_raster(WIDTH_80MM, 1000)
    parsed = parse_stream(receipt_stream(raster))
    heights = [image.height for image in parsed.images]
    assert max(heights) == escpos.DEFAULT_BAND_ROWS
    assert sum(heights) == 1000
    assert parsed.raster == raster


def test_column_mode_gives_exactly_these_bytes() -> None:
    raster = Raster(8, 1, b"\x81")  # the first and the last dot of one row
    column = b"\x80\x00\x00"  # the top dot of a 24-dot column
    assert receipt_stream(raster, mode="column") == (
        INIT
        + b"\x1b3\x18"  # line spacing: 24 dots, the height of a line
        + b"\x1b*\x21\x08\x00"  # ESC * 33 (24-dot double density), 8 dots across
        + column
        + b"\x00\x00\x00" * 6
        + column
        + b"\n"
        + b"\x1b2"  # the default line spacing again
        + FEED_3
        + CUT
    )


def test_column_lines_put_each_row_in_its_bit() -> None:
    row_bytes = 1
    rows = bytearray(row_bytes * 26)
    rows[23] = 0x80  # the bottom dot of the first line, column 0
    rows[24] = 0x40  # the top dot of the second line, column 1
    stream = receipt_stream(Raster(8, 26, bytes(rows)), mode="column", cut=False, feed_lines=0)
    first = stream.index(b"\x1b*")
    second = stream.index(b"\x1b*", first + 1)
    assert stream[first + 5 : first + 8] == b"\x00\x00\x01"
    assert stream[second + 5 + 3 : second + 5 + 6] == b"\x80\x00\x00"


@pytest.mark.parametrize("width", WIDTHS)
def test_column_mode_decodes_to_the_same_picture(width: int) -> None:
    raster = random_raster(width, 100)
    parsed = parse_stream(receipt_stream(raster, mode="column"))
    assert parsed.commands[:2] == ("init", "spacing")
    assert [image.top for image in parsed.images] == [0, 24, 48, 72, 96]
    assert {image.density for image in parsed.images} == {33}
    assert parsed.raster is not None
    assert parsed.raster.band(0, 100) == raster
    assert parsed.raster.height == 120  # the last line padded with white
    assert parsed.raster.rows[100 * width // 8 :] == bytes(20 * width // 8)


def test_a_wrong_line_spacing_would_show() -> None:
    """The decoder moves the paper by the declared spacing: 16 dots (python-escpos's own
    column mode) would overlap the lines, and the picture would not come back."""
    raster = random_raster(WIDTH_58MM, 48)
    stream = receipt_stream(raster, mode="column")
    assert stream.count(b"\x1b3\x18") == 1
    overlapped = parse_stream(stream.replace(b"\x1b3\x18", b"\x1b3\x10"))
    assert overlapped.raster is not None
    assert overlapped.raster.height == 40
    assert parse_stream(stream).raster == raster


def test_the_stream_ends_with_feed_and_cut_and_kicks_the_drawer_only_when_asked() -> None:
    raster = text_like_raster(WIDTH_58MM, 60)
    plain = receipt_stream(raster)
    assert plain.endswith(FEED_3 + CUT)
    assert parse_stream(plain).drawer_pulses == ()
    with_drawer = receipt_stream(raster, open_drawer=True)
    assert with_drawer == plain + DRAWER
    parsed = parse_stream(with_drawer)
    assert parsed.commands[-3:] == ("feed", "cut", "drawer")
    assert parsed.drawer_pulses == (escpos.DrawerPulse(pin=0, on_ms=100, off_ms=100),)


def test_feed_and_cut_can_be_left_out() -> None:
    raster = text_like_raster(WIDTH_58MM, 60)
    parsed = parse_stream(receipt_stream(raster, cut=False, feed_lines=0))
    assert parsed.cuts == 0
    assert parsed.feed_lines == 0
    assert parsed.commands == ("init", "raster")
    parsed = parse_stream(receipt_stream(raster, feed_lines=7))
    assert (parsed.feed_lines, parsed.cuts) == (7, 1)


def test_an_empty_picture_still_initialises_feeds_and_cuts() -> None:
    stream = receipt_stream(Raster(WIDTH_58MM, 0, b""))
    assert stream == INIT + FEED_3 + CUT
    assert parse_stream(stream).raster is None


@pytest.mark.parametrize(
    ("options", "word"),
    [
        ({"mode": "graphics"}, "mode"),
        ({"band_rows": 0}, "band_rows"),
        ({"band_rows": escpos.MAX_BAND_ROWS + 1}, "band_rows"),
        ({"feed_lines": 256}, "feed_lines"),
    ],
)
def test_bad_options_are_refused(options: dict[str, object], word: str) -> None:
    with pytest.raises(ValueError, match=word):
        receipt_stream(Raster(8, 1, b"\x00"), **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "data",
    [
        INIT + b"hello",  # text: never sent, Arabic is drawn
        INIT + b"\x1dv0\x00\x02\x00\x02\x00\xff",  # the band ends early
        INIT + b"\x1b*\x00\x08\x00" + bytes(8),  # 8-dot column mode is not made here
        INIT + b"\x1dV\x07",
    ],
)
def test_the_decoder_refuses_what_the_encoder_never_makes(data: bytes) -> None:
    with pytest.raises(StreamError, match="at byte"):
        parse_stream(data)


def test_the_decoder_refuses_bands_of_different_widths() -> None:
    one = receipt_stream(Raster(16, 1, b"\xff\xff"), cut=False, feed_lines=0)
    other = receipt_stream(Raster(8, 1, b"\xff"), cut=False, feed_lines=0)
    with pytest.raises(StreamError, match="8 dots wide after 16"):
        parse_stream(one + other[len(INIT) :])


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("mode", ["raster", "column"])
def test_the_test_page_prints_a_frame_a_ruler_and_a_diagonal(width: int, mode: str) -> None:
    pattern = escpos.test_pattern(width)
    parsed = parse_stream(escpos.test_stream(width, mode=mode))  # type: ignore[arg-type]
    assert parsed.raster is not None
    assert parsed.raster.band(0, pattern.height) == pattern
    assert parsed.commands[-2:] == ("feed", "cut")
    last = pattern.height - 1
    for x, y in ((0, 0), (width - 1, 0), (0, last), (width - 1, last)):
        assert pattern.black(x, y)  # the frame's corners
    assert pattern.black(80, 2 + 31) and not pattern.black(8, 2 + 8)  # 10 mm tick, 1 mm tick
    assert pattern.black(width // 2, pattern.height // 2 - 1) or pattern.black(
        width // 2, pattern.height // 2
    )  # the diagonal crosses the middle
    assert not pattern.black(width // 4, pattern.height // 2)


@settings(max_examples=30, deadline=None)
@given(
    width=st.sampled_from([8, 24, 72, WIDTH_58MM]),
    height=st.integers(0, 60),
    band_rows=st.integers(1, 40),
    mode=st.sampled_from(["raster", "column"]),
    seed=st.integers(0, 2**16),
)
def test_any_picture_comes_back_from_its_stream(
    width: int, height: int, band_rows: int, mode: str, seed: int
) -> None:
    raster = random_raster(width, height, seed)
    stream = receipt_stream(raster, mode=mode, band_rows=band_rows)  # type: ignore[arg-type]
    parsed = parse_stream(stream)
    assert parsed.commands[0] == "init"
    if height == 0:
        assert parsed.raster is None
        return
    assert parsed.raster is not None
    assert parsed.raster.band(0, height) == raster
    assert parsed.raster.rows[height * raster.row_bytes :] == bytes(
        (parsed.raster.height - height) * raster.row_bytes
    )
    if mode == "raster":
        assert len(parsed.images) == -(-height // band_rows)
