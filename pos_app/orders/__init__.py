"""The order engine: sales that are never lost and never charged twice (no Qt).

The names below load on first use (PEP 562): importing one small submodule does not
import the whole package (the window paints before the heavy parts load).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos_app.lazy_names import lazy_names

if TYPE_CHECKING:
    from pos_app.orders.engine import OrderEngine, SaleRefusedError
    from pos_app.orders.settings import EngineSettings
    from pos_app.orders.views import (
        BalanceView,
        ConnectionView,
        EngineEvent,
        KeyView,
        LineCheckView,
        OrderView,
        ProductsView,
    )

__all__ = [
    "BalanceView",
    "ConnectionView",
    "EngineEvent",
    "EngineSettings",
    "KeyView",
    "LineCheckView",
    "OrderEngine",
    "OrderView",
    "ProductsView",
    "SaleRefusedError",
]

_WHERE: dict[str, str] = {
    "OrderEngine": "pos_app.orders.engine",
    "SaleRefusedError": "pos_app.orders.engine",
    "EngineSettings": "pos_app.orders.settings",
    "BalanceView": "pos_app.orders.views",
    "ConnectionView": "pos_app.orders.views",
    "EngineEvent": "pos_app.orders.views",
    "KeyView": "pos_app.orders.views",
    "LineCheckView": "pos_app.orders.views",
    "OrderView": "pos_app.orders.views",
    "ProductsView": "pos_app.orders.views",
}


__getattr__, __dir__ = lazy_names(__name__, _WHERE, __all__)
