"""The history's filtered view as a printable table: a QTextDocument written to an A4
landscape PDF with a title, the filter in words and the rows as the screen shows them."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

_LRI: Final = "\u2066"  # what ``i18n.ltr`` wraps left-to-right text in
_PDI: Final = "\u2069"
_LRE: Final = "\u202a"  # LEFT-TO-RIGHT EMBEDDING ... POP DIRECTIONAL FORMATTING
_PDF: Final = "\u202c"

PDF_ROW_LIMIT: Final = 1000
"""Most sales one PDF lists (about 30 pages); the CSV export has no limit."""


def table_document(
    title: str,
    lines: Sequence[str],
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
) -> QTextDocument:
    """A document: ``title``, then each of ``lines`` (the filter, a note), then a table of
    ``rows`` under ``headers``; right to left when the application is."""
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    direction = "rtl" if rtl else "ltr"
    align = "right" if rtl else "left"
    parts = [
        f'<html><body dir="{direction}">',
        f'<h2 dir="{direction}" align="{align}">{html.escape(title)}</h2>',
    ]
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


def write_pdf(document: QTextDocument, path: Path, title: str) -> None:
    """Print ``document`` to ``path`` as an A4 landscape PDF (replaced if it exists)."""
    writer = QPdfWriter(str(path))
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
    document.print_(writer)
