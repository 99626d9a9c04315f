"""What the X and Z reports read: totals of a period, the supplier balance readings, and the
closed periods (Z reports), which are stored once and never changed."""

from __future__ import annotations

from pos_app.store.base import StoreBase


class Reports(StoreBase):
    """Report figures, balance readings and Z reports (a part of the store)."""
