"""The store: sales, their append-only journal, caches and settings in one database (no Qt).

Open it with :func:`open_store`; it hands out frozen dataclasses, never peewee rows.
"""

from pos_app.store.chain import ChainBreak, ChainCheck
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
from pos_app.store.export import CSV_COLUMNS, write_history_csv
from pos_app.store.history import (
    HistoryCursor,
    HistoryField,
    HistoryFilter,
    HistoryRow,
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
from pos_app.store.reports import ZRecord, report_from_json, report_to_json
from pos_app.store.store import UPDATABLE_FIELDS, SaleFields, Store
from pos_app.store.vault import DataKeyError, DataKeyMissingError, Vault

__all__ = [
    "CSV_COLUMNS",
    "UPDATABLE_FIELDS",
    "CachedBalance",
    "CachedNumberCheck",
    "CachedProduct",
    "CachedProducts",
    "ChainBreak",
    "ChainCheck",
    "DamagedDatabaseError",
    "DataKeyError",
    "DataKeyMissingError",
    "DuplicateSaleError",
    "HistoryCursor",
    "HistoryField",
    "HistoryFilter",
    "HistoryRow",
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
    "Vault",
    "WaitingTotals",
    "ZRecord",
    "data_dir",
    "default_url",
    "latest_version",
    "lock_path_for",
    "open_store",
    "report_from_json",
    "report_to_json",
    "write_history_csv",
]
