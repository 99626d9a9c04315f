"""Receipts: a plain receipt value built from a stored sale, drawn by Qt into a 1-bit raster,
a PNG or a PDF, and sent to thermal ESC/POS printers (Qt only in the drawing modules)."""
