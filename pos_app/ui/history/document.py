"""The history's filtered view as a printable table: an A4 landscape PDF with a title, the
filter in words and the rows as the screen shows them, drawn a page at a time (a thousand
rows laid out as one QTextDocument hold the GUI thread for seconds)."""

from __future__ import annotations

import contextlib
import errno
import html
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Final

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextTable,
)

_LRI: Final = "\u2066"  # what ``i18n.ltr`` wraps left-to-right text in
_PDI: Final = "\u2069"
_LRE: Final = "\u202a"  # LEFT-TO-RIGHT EMBEDDING ... POP DIRECTIONAL FORMATTING
_PDF: Final = "\u202c"

PDF_ROW_LIMIT: Final = 1000
"""Most sales one PDF lists (about 25 pages); the CSV export has no limit."""

PAGE_ROWS: Final = 48
"""Rows laid out in one step of :func:`write_pdf_pages`: more than a page holds (those that
do not fit go on the next page)."""


def table_document(
    title: str,
    lines: Sequence[str],
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
) -> QTextDocument:
    """A document: ``title`` (none when empty), then each of ``lines`` (the filter, a note),
    then a table of ``rows`` under ``headers``; right to left when the application is."""
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    direction = "rtl" if rtl else "ltr"
    align = "right" if rtl else "left"
    parts = [f'<html><body dir="{direction}">']
    if title:
        parts.append(f'<h2 dir="{direction}" align="{align}">{html.escape(title)}</h2>')
    parts += [f'<p dir="{direction}" align="{align}">{html.escape(line)}</p>' for line in lines]
    parts.append(
        f'<table dir="{direction}" border="1" cellspacing="0" cellpadding="3" width="100%"'
        ' style="border-collapse: collapse; font-size: 8pt;"><thead><tr>'
    )
    order = (lambda cells: list(reversed(cells))) if rtl else list  # the first column reads first
    parts += [f'<th bgcolor="#e0e0e0">{html.escape(h)}</th>' for h in order(headers)]
    parts.append("</tr></thead><tbody>")
    for row in rows:
        parts.append("<tr>" + "".join(_cell(cell, align) for cell in order(row)) + "</tr>")
    parts.append("</tbody></table></body></html>")
    document = QTextDocument()
    document.setDefaultFont(QGuiApplication.font())
    option = document.defaultTextOption()
    option.setTextDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    document.setDefaultTextOption(option)
    document.setHtml("".join(parts))
    return document


def _cell(text: str, align: str) -> str:
    """A table cell. Text the window keeps left to right (``ltr``: digits, amounts, codes)
    is embedded left to right the older way (LRE ... PDF), which a document's table
    honours where it drops the isolates."""
    if text.startswith(_LRI) and text.endswith(_PDI):
        text = f"{_LRE}{text[1:-1]}{_PDF}"
    return f'<td align="{align}">{html.escape(text)}</td>'


def write_pdf_pages(
    path: Path,
    title: str,
    lines: Sequence[str],
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    page_rows: int = PAGE_ROWS,
) -> Generator[None, None, None]:
    """Write :func:`table_document`'s table to ``path`` as an A4 landscape PDF, one step per
    page (the title and ``lines`` on the first, ``headers`` on each; at most ``page_rows``
    rows are laid out for a page): a generator the caller steps through, free to do other
    work between steps. The PDF goes to ``<path>.partial`` and replaces ``path`` after the
    last step; an error, or closing the generator before its end, leaves no file. Raises
    OSError when it cannot be written."""
    partial = path.with_name(path.name + ".partial")
    writer = QPdfWriter(str(partial))
    writer.setTitle(title)
    writer.setCreator("pos-app")
    writer.setResolution(150)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    page = QSizeF(area.width(), area.height())
    painter = QPainter()
    if not painter.begin(writer):
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise OSError(errno.EIO, "the PDF cannot be written there")
    complete = False
    try:
        left, first = rows, True
        while first or left:
            chunk = left[:page_rows]
            document = table_document(
                title if first else "", lines if first else (), headers, chunk
            )
            document.documentLayout().setPaintDevice(writer)  # sizes in the PDF's points
            document.setPageSize(page)
            if not first:
                writer.newPage()
            document.drawContents(painter, QRectF(0, 0, page.width(), page.height()))
            left = left[max(_rows_on_first_page(document, page.height()), 1) :]
            first = False
            yield
        complete = True
    finally:
        painter.end()
        if not complete:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
    try:
        if not partial.is_file():
            raise OSError(errno.EIO, "no PDF came out")
        partial.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise


def _rows_on_first_page(document: QTextDocument, height: float) -> int:
    """How many of the table's rows (its header row not counted) the document's first page
    holds: a row that does not fit starts on the next page."""
    tables = [
        frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable)
    ]
    if not tables:
        return 0
    table = tables[0]
    layout = document.documentLayout()
    head = table.format().headerRowCount()
    fitted = 0
    for row in range(head, table.rows()):
        block = table.cellAt(row, 0).firstCursorPosition().block()
        if layout.blockBoundingRect(block).top() >= height:
            break
        fitted += 1
    return fitted
