"""A 1-bit picture as thermal printers take it: rows of packed bits, most significant bit
first, 1 for a black dot. The meeting point of the drawing (Qt) and the printers (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

WIDTH_58MM: Final = 384
"""Dots across a 58 mm paper roll (8 dots per mm, 48 mm printable)."""
WIDTH_80MM: Final = 576
"""Dots across an 80 mm paper roll (8 dots per mm, 72 mm printable)."""
PAPER_WIDTHS: Final = {58: WIDTH_58MM, 80: WIDTH_80MM}
"""Dots across the paper, by roll width in millimetres."""


@dataclass(frozen=True, slots=True)
class Raster:
    """``height`` rows of ``width`` dots; each row takes ``width // 8`` bytes of ``rows``."""

    width: int
    height: int
    rows: bytes

    def __post_init__(self) -> None:
        if self.width <= 0 or self.width % 8 or self.height < 0:
            raise ValueError(f"a raster is a positive multiple of 8 dots wide, not {self.width}")
        if len(self.rows) != self.row_bytes * self.height:
            raise ValueError(
                f"{self.width}x{self.height} dots take {self.row_bytes * self.height} bytes, "
                f"not {len(self.rows)}"
            )

    @property
    def row_bytes(self) -> int:
        """Bytes in one row."""
        return self.width // 8

    def row(self, y: int) -> bytes:
        """Row ``y``'s packed bytes."""
        start = y * self.row_bytes
        return self.rows[start : start + self.row_bytes]

    def black(self, x: int, y: int) -> bool:
        """Whether the dot at column ``x`` of row ``y`` is black."""
        byte = self.rows[y * self.row_bytes + x // 8]
        return bool(byte & (0x80 >> (x % 8)))

    def band(self, top: int, height: int) -> Raster:
        """Rows ``top`` to ``top + height`` (fewer at the bottom edge) as a raster of their own."""
        end = min(self.height, top + height)
        return Raster(self.width, end - top, self.rows[top * self.row_bytes : end * self.row_bytes])
