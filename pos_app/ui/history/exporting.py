"""The worker side of the history screen's exports (no Qt): the store read a batch at a time
on a worker thread, with a cancel flag checked between batches.

:class:`ExportRun` stands in for the store that :func:`~pos_app.store.export.write_history_csv`
reads: each page it asks for is counted (the screen shows the count) and, once the cashier
cancelled, refused with :class:`ExportCancelledError`, on which the export removes its
``.partial`` file. So the CSV keeps every promise of the store's export (whole file or none,
its quoting) and stops within one batch of Cancel.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from datetime import tzinfo
from pathlib import Path
from typing import cast

from pos_app.store.codes import CardCodes
from pos_app.store.export import EXPORT_BATCH, write_history_csv
from pos_app.store.history import History, HistoryCursor, HistoryFilter, HistoryRow

PDF_PAGE = 500
"""Rows read from the store at a time for a PDF."""


class ExportCancelledError(Exception):
    """The export was cancelled; raised on the worker thread between two batches."""


class ExportRun:
    """One export's reading of ``store``, run on a worker thread; :meth:`cancel` from any.

    ``on_batch`` is called on the worker after each batch is read, with the rows read so
    far (tests hold or slow the export with it)."""

    def __init__(self, store: History, *, on_batch: Callable[[int], None] | None = None) -> None:
        self.store = store
        self._on_batch = on_batch
        self._cancelled = threading.Event()
        self.rows = 0
        """Rows read from the store so far (written by the worker, read by the screen)."""

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        """Stop the export before its next batch (any thread; no effect once it is done)."""
        self._cancelled.set()

    def check(self) -> None:
        """Raise :class:`ExportCancelledError` once :meth:`cancel` was called."""
        if self._cancelled.is_set():
            raise ExportCancelledError

    # The store methods write_history_csv calls: each page counted, Cancel honoured.

    def history_page(
        self,
        filter: HistoryFilter,
        *,
        before: HistoryCursor | None = None,
        limit: int = EXPORT_BATCH,
    ) -> list[HistoryRow]:
        """The store's page, once not cancelled (checked before and after reading it)."""
        self.check()
        page = self.store.history_page(filter, before=before, limit=limit)
        self.rows += len(page)
        if self._on_batch is not None and page:
            self._on_batch(self.rows)
        self.check()
        return page

    def full_card_codes(self, sale_ids: Iterable[int]) -> dict[int, str]:
        return self.store.full_card_codes(sale_ids)

    def read_card_codes(self, sale_ids: Iterable[int]) -> CardCodes:
        return self.store.read_card_codes(sale_ids)

    # The exports' worker parts.

    def write_csv(
        self,
        filter: HistoryFilter,
        path: Path,
        *,
        headers: Mapping[str, str] | None = None,
        tz: tzinfo | None = None,
        batch: int = EXPORT_BATCH,
    ) -> int:
        """:func:`write_history_csv` over this run: the rows written; raises
        :class:`ExportCancelledError` (no file, no partial file left) or the export's error."""
        return write_history_csv(
            cast(History, self), filter, path, headers=headers, tz=tz, batch=batch
        )

    def newest(self, filter: HistoryFilter, count: int) -> list[HistoryRow]:
        """The newest ``count`` sales of ``filter`` (fewer when there are fewer)."""
        rows: list[HistoryRow] = []
        before: HistoryCursor | None = None
        while len(rows) < count:
            wanted = min(count - len(rows), PDF_PAGE)
            page = self.history_page(filter, before=before, limit=wanted)
            rows += page
            if len(page) < wanted:
                break
            before = page[-1].cursor
        return rows
