"""Small frozen values the engine emits on every change (never store rows or dicts).

``EngineEvent`` is what a listener receives; consumers handle it with ``match``.
``LineCheckView`` is the answer of ``OrderEngine.check_line`` (returned, not emitted).

Here the two the window's first paint shows from the cache (balance, card values); the sales,
the connection, the key and the line checks are made in :mod:`pos_app.orders.event_views`
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
    from pos_app.orders.event_views import (
        ConnectionView,
        EngineEvent,
        KeyView,
        LineCheckView,
        OrderView,
    )
    from pos_app.store import CachedProduct

__all__ = [
    "BalanceView",
    "ConnectionView",
    "EngineEvent",
    "KeyView",
    "LineCheckView",
    "OrderView",
    "ProductsView",
]


@dataclass(frozen=True, slots=True)
class BalanceView:
    """The account balance and when it was read."""

    amount: Decimal
    fetched_at: datetime


@dataclass(frozen=True, slots=True)
class ProductsView:
    """The card values of one line type, as last known (cache or fresh)."""

    line_type: LineType
    items: tuple[CachedProduct, ...]
    fetched_at: datetime


__getattr__, __dir__ = lazy_names(
    __name__,
    dict.fromkeys(
        ("ConnectionView", "EngineEvent", "KeyView", "LineCheckView", "OrderView"),
        "pos_app.orders.event_views",
    ),
    __all__,
)
