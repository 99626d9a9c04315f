"""The store: sales, their append-only journal, caches and settings in one database (no Qt).

Open it with :func:`open_store`; it hands out frozen dataclasses, never peewee rows.
"""

from pos_app.store.db import open_store
from pos_app.store.errors import (
    DamagedDatabaseError,
    DuplicateSaleError,
    LockHeldError,
    SaleNotFoundError,
    SchemaTooNewError,
    StaleStateError,
    StoreAlreadyOpenError,
    StoreClosedError,
    StoreConfigError,
    StoreError,
    StoreUnavailableError,
)
from pos_app.store.lock import SenderLock, lock_path_for
from pos_app.store.migrations import latest_version
from pos_app.store.paths import data_dir, default_url
from pos_app.store.records import (
    CachedBalance,
    CachedNumberCheck,
    CachedProduct,
    CachedProducts,
    JournalRecord,
    NewSale,
    SaleRecord,
    WaitingTotals,
)
from pos_app.store.store import UPDATABLE_FIELDS, SaleFields, Store

__all__ = [
    "UPDATABLE_FIELDS",
    "CachedBalance",
    "CachedNumberCheck",
    "CachedProduct",
    "CachedProducts",
    "DamagedDatabaseError",
    "DuplicateSaleError",
    "JournalRecord",
    "LockHeldError",
    "NewSale",
    "SaleFields",
    "SaleNotFoundError",
    "SaleRecord",
    "SchemaTooNewError",
    "SenderLock",
    "StaleStateError",
    "Store",
    "StoreAlreadyOpenError",
    "StoreClosedError",
    "StoreConfigError",
    "StoreError",
    "StoreUnavailableError",
    "WaitingTotals",
    "data_dir",
    "default_url",
    "latest_version",
    "lock_path_for",
    "open_store",
]
