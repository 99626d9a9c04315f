"""The store: sales, their append-only journal, caches and settings in one database (no Qt).

Open it with :func:`open_store`; it hands out frozen dataclasses, never peewee rows.

The names below load on first use (PEP 562): importing one small submodule does not
import the whole package (the window paints before the heavy parts load).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos_app.lazy_names import lazy_names

if TYPE_CHECKING:
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

_WHERE: dict[str, str] = {
    "ChainBreak": "pos_app.store.chain",
    "ChainCheck": "pos_app.store.chain",
    "open_store": "pos_app.store.db",
    "DamagedDatabaseError": "pos_app.store.errors",
    "DuplicateSaleError": "pos_app.store.errors",
    "LockHeldError": "pos_app.store.errors",
    "SaleNotFoundError": "pos_app.store.errors",
    "SchemaTooNewError": "pos_app.store.errors",
    "StaleStateError": "pos_app.store.errors",
    "StoreAlreadyOpenError": "pos_app.store.errors",
    "StoreClosedError": "pos_app.store.errors",
    "StoreConfigError": "pos_app.store.errors",
    "StoreError": "pos_app.store.errors",
    "StoreUnavailableError": "pos_app.store.errors",
    "CSV_COLUMNS": "pos_app.store.export",
    "write_history_csv": "pos_app.store.export",
    "HistoryCursor": "pos_app.store.history",
    "HistoryField": "pos_app.store.history",
    "HistoryFilter": "pos_app.store.history",
    "HistoryRow": "pos_app.store.history",
    "SenderLock": "pos_app.store.lock",
    "lock_path_for": "pos_app.store.lock",
    "latest_version": "pos_app.store.migrations",
    "data_dir": "pos_app.store.paths",
    "default_url": "pos_app.store.paths",
    "CachedBalance": "pos_app.store.records",
    "CachedNumberCheck": "pos_app.store.records",
    "CachedProduct": "pos_app.store.records",
    "CachedProducts": "pos_app.store.records",
    "JournalRecord": "pos_app.store.records",
    "NewSale": "pos_app.store.records",
    "SaleRecord": "pos_app.store.records",
    "WaitingTotals": "pos_app.store.records",
    "ZRecord": "pos_app.store.reports",
    "report_from_json": "pos_app.store.reports",
    "report_to_json": "pos_app.store.reports",
    "UPDATABLE_FIELDS": "pos_app.store.store",
    "SaleFields": "pos_app.store.store",
    "Store": "pos_app.store.store",
    "DataKeyError": "pos_app.store.vault",
    "DataKeyMissingError": "pos_app.store.vault",
    "Vault": "pos_app.store.vault",
}


__getattr__, __dir__ = lazy_names(__name__, _WHERE, __all__)
