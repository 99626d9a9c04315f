"""The receipt history: sales found by number, ref or card code tail, filtered and paged
newest first; and the log of receipts printed (for reprint counts)."""

from __future__ import annotations

from pos_app.store.base import StoreBase


class History(StoreBase):
    """History queries and the print log (part of :class:`~pos_app.store.store.Store`)."""
