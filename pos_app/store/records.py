"""What the store hands out and takes in: small frozen dataclasses, never peewee rows.

Here the cached values the window's first paint shows (card values, balance); the sales, their
journal, the waiting totals and the number checks are made in :mod:`pos_app.store.sale_records`
(each dataclass costs about a millisecond to create) and load at their first use (PEP 562).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from pos_app.domain.numbers import LineType
from pos_app.lazy_names import lazy_names

if TYPE_CHECKING:
    from pos_app.store.sale_records import (
        CachedNumberCheck,
        JournalRecord,
        NewSale,
        SaleRecord,
        WaitingTotals,
    )

__all__ = [
    "CachedBalance",
    "CachedNumberCheck",
    "CachedProduct",
    "CachedProducts",
    "JournalRecord",
    "NewSale",
    "SaleRecord",
    "WaitingTotals",
]


@dataclass(frozen=True, slots=True)
class CachedProduct:
    """One card value as last listed by the server (whole dinars)."""

    value: int
    cost: int
    available: bool


@dataclass(frozen=True, slots=True)
class CachedProducts:
    """The last product list fetched for a line type, by ascending value."""

    line_type: LineType
    items: tuple[CachedProduct, ...]
    fetched_at: datetime


@dataclass(frozen=True, slots=True)
class CachedBalance:
    """The last balance fetched, exact to the centime."""

    amount: Decimal
    fetched_at: datetime


__getattr__, __dir__ = lazy_names(
    __name__,
    dict.fromkeys(
        ("CachedNumberCheck", "JournalRecord", "NewSale", "SaleRecord", "WaitingTotals"),
        "pos_app.store.sale_records",
    ),
    __all__,
)
