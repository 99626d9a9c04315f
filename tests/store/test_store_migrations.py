"""Versioned migrations: from empty, with a backup before each step, never downgrading."""

from __future__ import annotations

import re
import sqlite3
from itertools import pairwise
from pathlib import Path

import peewee as pw
import pytest

from pos_app.store import SchemaTooNewError, Store, latest_version, open_store
from pos_app.store import migrations as store_migrations
from pos_app.store.models import ALL_MODELS
from tests.store.conftest import START, Clock, new_sale, sqlite_url


def dump(path: Path) -> list[str]:
    """Every schema statement and row of a SQLite file, as SQL text."""
    raw = sqlite3.connect(path)
    try:
        return list(raw.iterdump())
    finally:
        raw.close()


def versions(path: Path) -> list[int]:
    raw = sqlite3.connect(path)
    try:
        return [v for (v,) in raw.execute("SELECT version FROM schema_version ORDER BY version")]
    finally:
        raw.close()


def tables(path: Path) -> set[str]:
    raw = sqlite3.connect(path)
    try:
        rows = raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return {name for (name,) in rows}
    finally:
        raw.close()


def backups(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.bak"))


def schema_of(database: pw.Database, table: str) -> tuple[object, ...]:
    columns = sorted(
        (c.name, c.data_type.upper(), c.null, c.primary_key) for c in database.get_columns(table)
    )
    indexes = sorted((tuple(i.columns), i.unique) for i in database.get_indexes(table))
    keys = sorted((k.column, k.dest_table, k.dest_column) for k in database.get_foreign_keys(table))
    return (columns, indexes, keys)


def test_empty_database_is_migrated_to_the_latest_version_without_backup(
    db_path: Path, clock: Clock
) -> None:
    with open_store(sqlite_url(db_path), now=clock.now):
        pass
    assert versions(db_path) == KNOWN and KNOWN[-1] == latest_version()
    assert tables(db_path) >= {m._meta.table_name for m in ALL_MODELS}
    assert backups(db_path.parent) == [], "nothing to back up in a new database"


def test_migrations_build_exactly_the_schema_of_the_models(db_path: Path, tmp_path: Path) -> None:
    """A model changed without a migration (or the reverse) fails here."""
    with open_store(sqlite_url(db_path)):
        pass
    migrated = pw.SqliteDatabase(str(db_path))
    reference = pw.SqliteDatabase(str(tmp_path / "reference.sqlite3"))
    try:
        with reference.bind_ctx(ALL_MODELS):
            reference.create_tables(ALL_MODELS)
        assert set(migrated.get_tables()) == set(reference.get_tables())
        for model in ALL_MODELS:
            name = model._meta.table_name
            assert schema_of(migrated, name) == schema_of(reference, name), name
    finally:
        migrated.close()
        reference.close()


def test_money_and_times_are_stored_as_integers(store: Store, db_path: Path) -> None:
    store.add_sale(new_sale(1))
    raw = sqlite3.connect(db_path)
    try:
        row = raw.execute(
            "SELECT typeof(face_value), typeof(cost), typeof(price), "
            "typeof(created_at), typeof(updated_at) FROM sale"
        ).fetchone()
    finally:
        raw.close()
    assert row == ("integer",) * 5


LATEST = latest_version()
NEXT = LATEST + 1
KNOWN = sorted(version for version, _ in store_migrations.MIGRATIONS)
"""The versions this code knows (a number may be missing while branches are merged)."""


def make_v0_database(path: Path) -> None:
    """An older app's database: a version table at 0 and some data of its own."""
    raw = sqlite3.connect(path)
    try:
        raw.executescript(
            "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, "
            "applied_at INTEGER NOT NULL);"
            "INSERT INTO schema_version VALUES (0, 0);"
            "CREATE TABLE old_notes (id INTEGER PRIMARY KEY, text TEXT);"
            "INSERT INTO old_notes (text) VALUES ('sold 500 DA to 036362608');"
        )
        raw.commit()
    finally:
        raw.close()


def test_migrating_an_existing_database_backs_it_up_first(db_path: Path, clock: Clock) -> None:
    make_v0_database(db_path)
    before = dump(db_path)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        assert store.get_setting("x") is None
    backup = backups(db_path.parent)[0]
    assert backup.name == "pos.sqlite3.v0-to-v1.20260301T093000Z.bak"
    assert dump(backup) == before, "the backup is the database as it was before migrating"
    assert versions(db_path) == [0, *KNOWN]
    assert "old_notes" in tables(db_path)


def add_extra_table(database: pw.Database) -> None:
    class Extra(pw.Model):
        note = pw.TextField()

        class Meta:
            table_name = "extra"

    with database.bind_ctx([Extra]):
        database.create_tables([Extra])


def test_each_later_migration_gets_its_own_backup(
    db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        sale = store.add_sale(new_sale(1))
    before = dump(db_path)
    monkeypatch.setattr(
        store_migrations, "MIGRATIONS", [*store_migrations.MIGRATIONS, (NEXT, add_extra_table)]
    )
    clock.advance(days=1)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        assert store.get(sale.ref) == sale
    [backup] = backups(db_path.parent)
    assert backup.name == f"pos.sqlite3.v{LATEST}-to-v{NEXT}.20260302T093000Z.bak"
    assert dump(backup) == before
    assert "extra" not in tables(backup) and "extra" in tables(db_path)
    assert versions(db_path) == [*KNOWN, NEXT]
    assert versions(backup) == KNOWN


def test_a_failing_migration_changes_nothing(
    db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        store.add_sale(new_sale(1))
    before = dump(db_path)

    def half_done(database: pw.Database) -> None:
        add_extra_table(database)
        raise RuntimeError("power cut in the middle of the migration")

    monkeypatch.setattr(
        store_migrations, "MIGRATIONS", [*store_migrations.MIGRATIONS, (NEXT, half_done)]
    )
    with pytest.raises(RuntimeError, match="power cut"):
        open_store(sqlite_url(db_path), now=clock.now)
    assert dump(db_path) == before, "the migration and its version row are one transaction"
    assert len(backups(db_path.parent)) == 1


def test_two_migrations_in_a_row_make_two_backups(
    db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_v0_database(db_path)
    monkeypatch.setattr(
        store_migrations, "MIGRATIONS", [*store_migrations.MIGRATIONS, (NEXT, add_extra_table)]
    )
    with open_store(sqlite_url(db_path), now=clock.now):
        pass
    names = [p.name for p in backups(db_path.parent)]
    steps = [0, *KNOWN, NEXT]
    assert names == [
        f"pos.sqlite3.v{old}-to-v{new}.20260301T093000Z.bak" for old, new in pairwise(steps)
    ], "one backup before each migration"
    assert versions(db_path.parent / names[1]) == [0, 1]


def test_backup_names_never_collide(db_path: Path) -> None:
    make_v0_database(db_path)
    first = store_migrations.backup_file(db_path, 0, 1, START)
    second = store_migrations.backup_file(db_path, 0, 1, START)
    assert first != second and first.is_file() and second.is_file()
    assert re.fullmatch(r"pos\.sqlite3\.v0-to-v1\.20260301T093000Z-2\.bak", second.name)
    assert not list(db_path.parent.glob("*.partial"))


def test_a_newer_database_is_refused_untouched(db_path: Path, clock: Clock) -> None:
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        store.add_sale(new_sale(1))
    raw = sqlite3.connect(db_path)
    try:
        raw.execute("INSERT INTO schema_version VALUES (99, 0)")
        raw.commit()
    finally:
        raw.close()
    before = dump(db_path)
    with pytest.raises(SchemaTooNewError, match="lose data") as info:
        open_store(sqlite_url(db_path), now=clock.now)
    assert (info.value.found, info.value.known) == (99, latest_version())
    assert dump(db_path) == before
    assert backups(db_path.parent) == []
