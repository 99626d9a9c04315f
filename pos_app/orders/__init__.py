"""The order engine: sales that are never lost and never charged twice (no Qt)."""

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
