"""The history as a CSV file for a spreadsheet: what the history screen shows, filtered the
same way, newest first.

Promises: UTF-8 with a byte-order mark (so Excel reads Arabic names right); one header row;
dates in ISO 8601, local time with its offset; amounts as whole dinars; the card code column
holds the last four characters only, unless the caller passes ``full_codes=True`` (a
manager's explicit choice; a code that cannot be decrypted shows why instead: "card code
unreadable: the data key does not match"); the wholesale cost is never written; a text cell that a
spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return: text
from the server such as ``num_trans`` ends up here) starts with an apostrophe instead, so it
shows as text, while our own numbers stay numbers. The file appears whole or
not at all: rows go to ``<path>.partial``, which is flushed to disk and then renamed (a full
disk or an error leaves no half file). Rows are read a batch at a time, so memory stays flat
whatever the history's size.
"""

from __future__ import annotations

import contextlib
import csv
import os
from collections.abc import Callable, Mapping
from datetime import tzinfo
from pathlib import Path
from typing import Final

from pos_app.store.history import History, HistoryCursor, HistoryFilter, HistoryRow

CSV_COLUMNS: Final = (
    "created_at",
    "ref",
    "line_type",
    "number",
    "face_value",
    "price",
    "state",
    "card_code",
    "num_trans",
    "failure_code",
    "cashier",
    "counter",
    "print_count",
)
"""The columns of the export, in order; also the default (English) header texts."""

EXPORT_BATCH: Final = 1000
"""Rows read from the store at a time."""

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
"""How a cell that a spreadsheet runs as a formula begins (CSV formula injection)."""

_CELLS: Final[Mapping[str, Callable[[HistoryRow], object]]] = {
    "ref": lambda row: row.ref,
    "line_type": lambda row: row.line_type.value,
    "number": lambda row: row.number,
    "face_value": lambda row: row.face_value,
    "price": lambda row: row.price,
    "state": lambda row: row.state.value,
    "num_trans": lambda row: row.num_trans or "",
    "failure_code": lambda row: row.failure_code or "",
    "cashier": lambda row: row.cashier,
    "counter": lambda row: row.counter,
    "print_count": lambda row: row.print_count,
}


def partial_path(path: Path) -> Path:
    """Where an export to ``path`` is written before it is renamed into place."""
    return path.with_name(path.name + ".partial")


def write_history_csv(
    store: History,
    filter: HistoryFilter,
    path: Path,
    *,
    full_codes: bool = False,
    headers: Mapping[str, str] | None = None,
    tz: tzinfo | None = None,
    batch: int = EXPORT_BATCH,
) -> int:
    """Write the sales matching ``filter`` to ``path`` as CSV and return the rows written
    (the header not counted). ``headers`` may rename any of :data:`CSV_COLUMNS` (the screen
    passes translated ones); ``tz`` is the zone of the dates (default: this computer's).
    An existing ``path`` is replaced only once the new file is complete; on any error the
    partial file is removed and the error raised."""
    if batch < 1:
        raise ValueError("batch must be at least 1")
    unknown = sorted(set(headers or {}) - set(CSV_COLUMNS))
    if unknown:
        raise ValueError(f"no such export column: {', '.join(unknown)}")
    titles = [spreadsheet_text((headers or {}).get(column, column)) for column in CSV_COLUMNS]
    partial = partial_path(path)
    written = 0
    try:
        with partial.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(titles)
            before: HistoryCursor | None = None
            while True:
                rows = store.history_page(filter, before=before, limit=batch)
                if not rows:
                    break
                codes: dict[int, str] = {}
                if full_codes:
                    found = store.read_card_codes(r.id for r in rows)
                    codes = found.unreadable | found.codes
                for row in rows:
                    writer.writerow(_cells(row, codes.get(row.id), tz))
                written += len(rows)
                before = rows[-1].cursor
            out.flush()
            os.fsync(out.fileno())
        partial.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return written


def spreadsheet_text(text: str) -> str:
    """``text`` as a spreadsheet must show it, never run it: with a leading apostrophe when
    it starts like a formula (:data:`FORMULA_STARTS`)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cells(row: HistoryRow, full_code: str | None, tz: tzinfo | None) -> list[object]:
    cells: list[object] = []
    for column in CSV_COLUMNS:
        if column == "created_at":
            cell: object = row.created_at.astimezone(tz).isoformat(timespec="seconds")
        elif column == "card_code":
            cell = full_code or row.code_tail or ""
        else:
            cell = _CELLS[column](row)
        cells.append(spreadsheet_text(cell) if isinstance(cell, str) else cell)
    return cells
