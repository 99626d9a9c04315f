"""Issue 8 items 11 and 12 at the store: the database is checked when it is opened, every
storage failure at start is one clear error that changes nothing recorded, and what the store
writes is readable by the shop's user only; card codes never pass through a SQL debug log."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.sale_states import SaleState
from pos_app.store import (
    DamagedDatabaseError,
    SchemaTooNewError,
    SenderLock,
    StoreConfigError,
    StoreUnavailableError,
    data_dir,
    lock_path_for,
    open_store,
)
from pos_app.store import db as store_db
from pos_app.store import migrations as store_migrations
from pos_app.store import paths as store_paths
from pos_app.store.base import open_stores
from tests.store.conftest import START, Clock, new_sale, sqlite_url
from tests.support.disk_faults import (
    break_page,
    fill,
    posix_only,
    read_only,
    recorded,
    set_state,
    tiny_disk,
    unchanged,
)

CARD_CODE = "987654321098"


@pytest.fixture
def shop(tmp_path: Path, clock: Clock) -> Iterator[Path]:
    """A data folder holding a database with sales in it (closed)."""
    folder = tmp_path / "data"
    folder.mkdir()
    with open_store(sqlite_url(folder / "pos.sqlite3"), now=clock.now) as store:
        for n in range(1, 301):
            store.add_sale(new_sale(n))
    yield folder


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- item 11: the database is checked at start ------------------------------------------------


def test_item11_a_damaged_database_is_refused_untouched_naming_the_last_backup(
    shop: Path, clock: Clock
) -> None:
    db = shop / "pos.sqlite3"
    older = store_migrations.backup_file(db, 0, 1, START)
    newer = store_migrations.backup_file(db, 0, 1, clock.advance(days=1))
    os.utime(older, ns=(1_000_000_000, 1_000_000_000))
    break_page(db)
    before = recorded(shop)
    with pytest.raises(DamagedDatabaseError) as info:
        open_store(sqlite_url(db), now=clock.now)
    assert info.value.backup == newer
    message = str(info.value)
    assert "\n" not in message
    assert f"the database {db} is damaged" in message and str(newer) in message
    assert "nothing was sold" in message
    unchanged(before, shop)


def test_item11_a_sale_state_no_version_writes_is_damage(shop: Path) -> None:
    db = shop / "pos.sqlite3"
    set_state(db, "paid-maybe")
    before = recorded(shop)
    with pytest.raises(DamagedDatabaseError, match="300 sales have a state") as info:
        open_store(sqlite_url(db))
    assert "'paid-maybe'" in str(info.value)
    assert info.value.backup is None and "there is no backup" in str(info.value)
    unchanged(before, shop)


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty-header"])
def test_item11_a_truncated_or_garbage_file_is_refused_untouched(shop: Path, damage: str) -> None:
    db = shop / "pos.sqlite3"
    data = db.read_bytes()
    if damage == "truncated":
        db.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        db.write_bytes(b"not a database at all " * 500)
    else:
        db.write_bytes(b"\0" * len(data))
    before = recorded(shop)
    with pytest.raises(DamagedDatabaseError) as info:
        open_store(sqlite_url(db))
    assert "\n" not in str(info.value)
    unchanged(before, shop)


def test_item11_a_newer_schema_is_a_storage_failure_naming_the_file(shop: Path) -> None:
    db = shop / "pos.sqlite3"
    raw = sqlite3.connect(db)
    try:
        raw.execute("INSERT INTO schema_version VALUES (99, 0)")
        raw.commit()
    finally:
        raw.close()
    before = recorded(shop)
    with pytest.raises(SchemaTooNewError) as info:
        open_store(sqlite_url(db))
    assert isinstance(info.value, StoreUnavailableError) and info.value.path == db
    unchanged(before, shop)


def test_item11_a_read_only_file_stops_a_writer_but_not_a_reader(shop: Path) -> None:
    db = shop / "pos.sqlite3"
    before = recorded(shop)
    with read_only(db):
        with pytest.raises(StoreUnavailableError, match="cannot be written") as info:
            open_store(sqlite_url(db))
        assert str(db) in str(info.value)
        with open_store(sqlite_url(db), read_only=True) as store:
            assert len(list(store.iter_sales())) == 300
    unchanged(before, shop)


def test_item11_an_unwritable_or_uncreatable_data_folder_is_one_clear_error(shop: Path) -> None:
    before = recorded(shop)
    with read_only(shop):
        with pytest.raises(StoreUnavailableError, match=r"data folder .* cannot be written"):
            open_store(sqlite_url(shop / "pos.sqlite3"))
        with pytest.raises(StoreUnavailableError, match=r"data folder .* cannot be created"):
            open_store(sqlite_url(shop / "new" / "pos.sqlite3"))
        with pytest.raises(StoreUnavailableError, match=r"data folder .* cannot be created"):
            data_dir({"POS_DATA_DIR": str(shop / "new")})
        with pytest.raises(StoreUnavailableError, match=r"sender lock .* cannot be written"):
            SenderLock(lock_path_for(sqlite_url(shop / "pos.sqlite3"))).acquire()
    unchanged(before, shop)


def test_item11_a_data_folder_under_a_file_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(StoreUnavailableError, match=r"data folder .* cannot be created"):
        open_store(sqlite_url(tmp_path / "a-file" / "pos.sqlite3"))


def test_item11_too_little_free_space_stops_a_writer(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault hook: the disk reports 100 KiB free (the real full disk is the next test)."""
    real = shutil.disk_usage

    def nearly_full(path: str | os.PathLike[str]) -> object:
        usage = real(path)
        return type(usage)(usage.total, usage.total - 100 * 1024, 100 * 1024)

    monkeypatch.setattr(shutil, "disk_usage", nearly_full)  # the module the store asks
    before = recorded(shop)
    with pytest.raises(StoreUnavailableError, match="is full"):
        open_store(sqlite_url(shop / "pos.sqlite3"))
    unchanged(before, shop)
    with open_store(sqlite_url(shop / "pos.sqlite3"), read_only=True) as store:
        assert store.get(new_sale(1).ref) is not None


def test_item11_a_full_disk_is_one_clear_error(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        fill(disk)
        with pytest.raises(StoreUnavailableError, match="is full"):
            open_store(sqlite_url(disk / "pos.sqlite3"))
        assert not (disk / "pos.sqlite3").exists()


def test_item11_sqlite_running_out_of_room_half_way_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the free-space check (lowered to 0), SQLite itself hits the full disk."""
    monkeypatch.setattr(store_db, "MIN_FREE_BYTES", 0)
    with tiny_disk(tmp_path / "disk", size="64k") as disk:
        with pytest.raises(StoreUnavailableError, match="the disk is full") as info:
            open_store(sqlite_url(disk / "pos.sqlite3"))
        assert "\n" not in str(info.value)
        assert not open_stores(), "the store was released"
        assert list(disk.iterdir()) == [], "the half-made new database is removed"


@pytest.mark.parametrize(
    "url",
    ["sqlite://", "sqlite:///:memory:", "nonsense://x", "postgresql://shop:secret@127.0.0.1:1/pos"],
)
def test_item11_a_database_url_that_names_no_usable_database_is_a_setting_error(url: str) -> None:
    with pytest.raises(StoreConfigError) as info:
        open_store(url)
    assert "POS_DB_URL" in str(info.value) and "secret" not in str(info.value)
    assert not open_stores()


def test_item11_a_sound_database_still_opens(shop: Path, clock: Clock) -> None:
    with open_store(sqlite_url(shop / "pos.sqlite3"), now=clock.now) as store:
        assert store.get(new_sale(300).ref) is not None
        assert store.integrity_check() == "ok"


# -- item 12: files only the shop's user can read ---------------------------------------------


def test_item12_new_folder_database_log_files_backups_and_lock_are_private(
    tmp_path: Path, clock: Clock
) -> None:
    posix_only()
    folder = tmp_path / "new" / "data"
    db = folder / "pos.sqlite3"
    lock = SenderLock(lock_path_for(sqlite_url(db)))
    lock.acquire()
    try:
        with open_store(sqlite_url(db), now=clock.now) as store:
            store.add_sale(new_sale(1))
            assert mode(folder) == 0o700
            for name in (
                "pos.sqlite3",
                "pos.sqlite3-wal",
                "pos.sqlite3-shm",
                "pos.sqlite3.sender.lock",
            ):
                assert mode(folder / name) == 0o600, name
        backup = store_migrations.backup_file(db, 1, 2, START)
        assert mode(backup) == 0o600
    finally:
        lock.release()


def test_item12_existing_files_lose_group_and_other_bits(shop: Path, clock: Clock) -> None:
    posix_only()
    db = shop / "pos.sqlite3"
    lock_file = lock_path_for(sqlite_url(db))
    lock_file.write_text("")
    for path in (db, lock_file):
        path.chmod(0o644)
    shop.chmod(0o755)
    with SenderLock(lock_file), open_store(sqlite_url(db), now=clock.now) as store:
        store.add_sale(new_sale(1000))
        assert mode(db) == 0o600
        assert mode(shop / "pos.sqlite3-wal") == 0o600
        assert mode(lock_file) == 0o600
    assert mode(shop) == 0o755, "a folder the shop chose (POS_DATA_DIR) is left as it is"


def test_item12_the_apps_own_data_folder_is_tightened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    posix_only()
    own = tmp_path / "platform" / "pos-app"
    own.mkdir(parents=True, mode=0o755)
    own.chmod(0o755)
    monkeypatch.setattr(store_paths, "user_data_dir", lambda *a, **k: str(own))
    assert data_dir({}) == own.resolve()
    assert mode(own) == 0o700
    created = tmp_path / "made-here"
    assert data_dir({"POS_DATA_DIR": str(created)}) == created.resolve()
    assert mode(created) == 0o700


def test_item12_card_codes_never_pass_through_a_sql_debug_log(
    db_url: str, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # the root logger, as `pos-app -v` sets it
    caplog.set_level(logging.DEBUG, logger="peewee")  # even if someone asks for SQL
    with open_store(db_url, now=clock.now) as store:
        ref = store.add_sale(new_sale(1)).ref
        store.transition(ref, SaleState.WAITING, SaleState.SENDING, "send")
        store.transition(ref, SaleState.SENDING, SaleState.ACCEPTED, "accepted", server_id="5")
        store.transition(ref, SaleState.ACCEPTED, SaleState.FULFILLED, "done", card_code=CARD_CODE)
        sale = store.get(ref)
        assert sale is not None and sale.card_code == CARD_CODE
        logging.getLogger("pos_app.test").debug("a debug record is captured")
    assert any("a debug record is captured" in r.getMessage() for r in caplog.records)
    leaks = [
        r.name for r in caplog.records if CARD_CODE in r.getMessage() or CARD_CODE in repr(r.args)
    ]
    assert leaks == []


def test_item12_a_reader_that_creates_the_database_creates_it_private(tmp_path: Path) -> None:
    posix_only()
    db = tmp_path / "data" / "pos.sqlite3"
    with open_store(sqlite_url(db), read_only=True) as store:
        assert list(store.iter_sales()) == []
        assert mode(db) == 0o600 and mode(db.parent) == 0o700
