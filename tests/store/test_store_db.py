"""Opening, pragmas in force, threads, integrity, close and reopen."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest

from pos_app.domain.sale_states import SaleState
from pos_app.store import StoreClosedError, open_store
from pos_app.store.connection import sql_rows
from pos_app.store.readonly import read_settings
from pos_app.store.store import Store
from tests.store.conftest import Clock, new_sale, sqlite_url

EXPECTED_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,
    "foreign_keys": 1,
    "busy_timeout": 5000,
}


def pragmas_here(store: Store) -> dict[str, Any]:
    """The pragmas of the calling thread's connection, read back from SQLite."""
    database = store._db
    return {name: sql_rows(database, f"PRAGMA {name}")[0][0] for name in EXPECTED_PRAGMAS}


def in_thread(store: Store, fn: Callable[[], Any]) -> Any:
    """Run ``fn`` on a fresh thread (a fresh peewee connection of ``store``); its result."""
    result: list[Any] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            result.append(fn())
        except BaseException as exc:  # noqa: BLE001 - re-raised on the test thread
            errors.append(exc)
        finally:
            store.release_connection()

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive()
    if errors:
        raise errors[0]
    return result[0]


def test_pragmas_are_in_force_on_every_thread(store: Store) -> None:
    assert pragmas_here(store) == EXPECTED_PRAGMAS
    assert in_thread(store, lambda: pragmas_here(store)) == EXPECTED_PRAGMAS


def test_wal_is_recorded_in_the_file(store: Store, db_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        raw.close()


def test_a_write_from_another_thread_is_visible(store: Store) -> None:
    sale = in_thread(store, lambda: store.add_sale(new_sale(1)))
    assert store.get(sale.ref) == sale
    store.transition(sale.ref, SaleState.WAITING, SaleState.SENDING, "send")
    seen = in_thread(store, lambda: store.get(sale.ref))
    assert seen is not None and seen.state is SaleState.SENDING


def test_a_committed_write_is_visible_to_another_connection(store: Store, db_path: Path) -> None:
    sale = store.add_sale(new_sale(1))
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("SELECT state FROM sale WHERE ref = ?", (sale.ref,)).fetchone() == (
            "waiting",
        )
    finally:
        raw.close()


def test_two_writer_threads_wait_for_each_other(store: Store) -> None:
    """BEGIN IMMEDIATE + busy timeout: concurrent writers queue instead of failing."""
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def write(offset: int) -> None:
        try:
            start.wait()
            for n in range(offset, offset + 30):
                ref = store.add_sale(new_sale(n)).ref
                store.transition(ref, SaleState.WAITING, SaleState.SENDING, "send")
        except BaseException as exc:  # noqa: BLE001 - checked below
            errors.append(exc)
        finally:
            store.release_connection()

    workers = [threading.Thread(target=write, args=(k * 100,)) for k in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert not errors
    assert store.count_by_state()[SaleState.SENDING] == 60
    for sale in store.iter_sales():
        last = store.last_journal(sale.ref)
        assert last is not None and last.to_state is sale.state


def test_integrity_check_is_ok_on_a_sound_database(store: Store) -> None:
    store.add_sale(new_sale(1))
    assert store.integrity_check() == "ok"


def test_integrity_check_reports_a_dangling_journal_row(store: Store, db_path: Path) -> None:
    store.add_sale(new_sale(1))
    raw = sqlite3.connect(db_path)  # foreign keys are off by default on a raw connection
    try:
        raw.execute(
            "INSERT INTO journal (sale_id, at, to_state, cause) "
            "VALUES (999, 0, 'waiting', 'forged')"
        )
        raw.commit()
    finally:
        raw.close()
    report = store.integrity_check()
    assert report != "ok"
    assert "journal" in report


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"):
        cast(Any, store._db).execute_sql(  # peewee has no type hints
            "INSERT INTO journal (sale_id, at, to_state, cause) VALUES (999, 0, 'waiting', 'x')"
        )


def test_data_survives_close_and_reopen(db_path: Path, clock: Clock) -> None:
    first = open_store(sqlite_url(db_path), now=clock.now)
    sale = first.add_sale(new_sale(1))
    sale = first.transition(sale.ref, SaleState.WAITING, SaleState.SENDING, "send")
    journal = first.journal(sale.ref)
    first.close()
    second = open_store(sqlite_url(db_path), now=clock.now)
    try:
        assert second.get(sale.ref) == sale
        assert second.journal(sale.ref) == journal
        assert second.integrity_check() == "ok"
    finally:
        second.close()


def test_a_closed_store_refuses_work_and_close_is_idempotent(db_path: Path) -> None:
    store = open_store(sqlite_url(db_path))
    store.close()
    store.close()
    assert store.closed
    with pytest.raises(StoreClosedError):
        store.get("X-1")
    with pytest.raises(StoreClosedError):
        store.add_sale(new_sale(1))
    with pytest.raises(StoreClosedError):
        list(store.iter_sales())


def test_the_database_directory_is_created(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dir" / "pos.sqlite3"
    with open_store(sqlite_url(path)) as store:
        assert store.db_file == path
    assert path.is_file()


def shop_settings(url: str) -> dict[str, str]:
    """The settings read from ``url``, without the data key's record (``vault.*``)."""
    return {k: v for k, v in read_settings(url).items() if not k.startswith("vault.")}


def test_settings_of_another_database_are_read_without_touching_it(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite3"
    url = sqlite_url(path)
    with open_store(url) as shop:
        shop.set_setting("language", "ar")
        shop.set_setting("low_balance", "900")
        assert shop_settings(url) == {"language": "ar", "low_balance": "900"}  # while open
    before = path.read_bytes(), path.stat().st_mtime_ns
    assert shop_settings(url) == {"language": "ar", "low_balance": "900"}
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before  # no write (SQLite may
    # make its usual empty -wal/-shm files beside it for the read)
    assert read_settings(sqlite_url(tmp_path / "none.sqlite3")) == {}
    assert not (tmp_path / "none.sqlite3").exists()  # not created by looking
    (tmp_path / "junk.sqlite3").write_bytes(b"not a database at all" * 100)
    assert read_settings(sqlite_url(tmp_path / "junk.sqlite3")) == {}
    assert read_settings("postgresql://shop@127.0.0.1:9/pos") == {}
