"""Versioned schema migrations, each preceded by a backup copy of the database file.

A migration is ``(version, function)``; the function gets the database and changes its
schema with peewee (engine-specific SQL only where marked: the SQLite triggers of v2).
``migrate`` applies every pending one in its own transaction together with its
``schema_version`` row, so a crash leaves the database at the previous version or the next,
never between.

Each migration describes the schema AS OF ITS VERSION (v1 below has its own frozen models):
the models in ``models.py`` move on, a migration never does.
"""

from __future__ import annotations

import contextlib
import glob
import json
import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

import peewee as pw
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as migrate_schema

from pos_app.domain.cards import code_tail
from pos_app.store import chain
from pos_app.store.chain import Sealer
from pos_app.store.codes import CodeCipher, is_sealed
from pos_app.store.connection import sql_rows
from pos_app.store.errors import SchemaTooNewError
from pos_app.store.paths import create_private_file
from pos_app.store.sealing import JournalFacts
from pos_app.store.timestamps import to_millis, utc_now
from pos_app.store.vault import CARD_CODES, Vault

Migration = Callable[[pw.Database], None]

log = logging.getLogger(__name__)

SCHEMA_VERSION_TABLE: Final = "schema_version"


def _v1_create_tables(database: pw.Database) -> None:
    """Version 1: sales, their journal, the caches, settings and the version table."""

    class V1Model(pw.Model):
        class Meta:
            database = None
            legacy_table_names = False

    class Sale(V1Model):
        id = pw.AutoField()
        ref = pw.CharField(40, unique=True)
        line_type = pw.CharField(8)
        number = pw.CharField(32)
        face_value = pw.BigIntegerField()
        cost = pw.BigIntegerField(null=True)
        price = pw.BigIntegerField()
        state = pw.CharField(16, index=True)
        server_status = pw.TextField(null=True)
        server_id = pw.CharField(64, null=True, index=True)
        card_code = pw.TextField(null=True)
        num_trans = pw.TextField(null=True)
        date_traitement = pw.TextField(null=True)
        failure_code = pw.TextField(null=True)
        failure_reason = pw.TextField(null=True)
        cashier = pw.TextField()
        counter = pw.TextField()
        created_at = pw.BigIntegerField()
        updated_at = pw.BigIntegerField()
        sent_at = pw.BigIntegerField(null=True)
        send_attempts = pw.IntegerField(default=0)
        not_found_count = pw.IntegerField(default=0)
        next_check_at = pw.BigIntegerField(null=True, index=True)

        class Meta:
            table_name = "sale"

    class Journal(V1Model):
        id = pw.AutoField()
        sale = pw.ForeignKeyField(Sale, on_delete="RESTRICT")
        at = pw.BigIntegerField()
        from_state = pw.CharField(16, null=True)
        to_state = pw.CharField(16)
        cause = pw.CharField(64)
        detail = pw.TextField(null=True)

        class Meta:
            table_name = "journal"

    class ProductCache(V1Model):
        id = pw.AutoField()
        line_type = pw.CharField(8)
        value = pw.BigIntegerField()
        cost = pw.BigIntegerField()
        available = pw.BooleanField()
        fetched_at = pw.BigIntegerField()

        class Meta:
            table_name = "product_cache"
            indexes = ((("line_type", "value"), True),)

    class BalanceCache(V1Model):
        id = pw.IntegerField(primary_key=True)
        centimes = pw.BigIntegerField()
        fetched_at = pw.BigIntegerField()

        class Meta:
            table_name = "balance_cache"

    class NumberCheckCache(V1Model):
        id = pw.AutoField()
        line_type = pw.CharField(8)
        number = pw.CharField(32)
        ncli = pw.TextField(null=True)
        offre = pw.TextField(null=True)
        error_code = pw.TextField(null=True)
        fetched_at = pw.BigIntegerField()

        class Meta:
            table_name = "number_check_cache"
            indexes = ((("line_type", "number"), True),)

    class Setting(V1Model):
        id = pw.AutoField()
        key = pw.CharField(128, unique=True)
        value = pw.TextField()

        class Meta:
            table_name = "setting"

    class SchemaVersion(V1Model):
        version = pw.IntegerField(primary_key=True)
        applied_at = pw.BigIntegerField()

        class Meta:
            table_name = SCHEMA_VERSION_TABLE

    tables = [Sale, Journal, ProductCache, BalanceCache, NumberCheckCache, Setting]
    with database.bind_ctx([*tables, SchemaVersion], bind_refs=False, bind_backrefs=False):
        # The version table may predate v1 (an early build's "version 0" database).
        database.create_tables([SchemaVersion], safe=True)
        database.create_tables(tables, safe=False)


def _v2_history_receipts_reports(database: pw.Database) -> None:
    """Version 2: the history's search columns and indexes, the journal by time (reports),
    printed receipts, balance readings and closed periods (Z reports). On SQLite, triggers
    refuse any UPDATE or DELETE of the journal and of the Z reports, from this app or any
    other tool (both are written once, never changed)."""

    class V2Model(pw.Model):
        class Meta:
            database = None
            legacy_table_names = False

    class Sale(V2Model):
        id = pw.AutoField()
        card_code = pw.TextField(null=True)
        code_tail = pw.CharField(8, null=True)

        class Meta:
            table_name = "sale"

    class ReceiptPrint(V2Model):
        id = pw.AutoField()
        sale = pw.ForeignKeyField(Sale, on_delete="RESTRICT", index=True)
        at = pw.BigIntegerField()
        kind = pw.CharField(16)
        copy = pw.IntegerField()
        target = pw.CharField(64)

        class Meta:
            table_name = "receipt_print"

    class BalanceReading(V2Model):
        id = pw.AutoField()
        at = pw.BigIntegerField(index=True)
        centimes = pw.BigIntegerField()

        class Meta:
            table_name = "balance_reading"

    class ZReport(V2Model):
        number = pw.IntegerField(primary_key=True)
        counter = pw.TextField()
        opened_at = pw.BigIntegerField()
        closed_at = pw.BigIntegerField()
        created_at = pw.BigIntegerField()
        cash_counted = pw.BigIntegerField(null=True)
        last_sale_id = pw.BigIntegerField()
        last_journal_id = pw.BigIntegerField()
        body = pw.TextField()

        class Meta:
            table_name = "z_report"

    migrator = SchemaMigrator.from_database(database)
    migrate_schema(
        migrator.add_column("sale", "code_tail", pw.CharField(8, null=True)),
        migrator.add_index("sale", ("number",), False),
        migrator.add_index("sale", ("created_at",), False),
        migrator.add_index("sale", ("code_tail",), False),
        migrator.add_index("journal", ("at",), False),
    )
    tables = [ReceiptPrint, BalanceReading, ZReport]
    with database.bind_ctx([Sale, *tables], bind_refs=False, bind_backrefs=False):
        coded = Sale.select(Sale.id, Sale.card_code).where(Sale.card_code.is_null(False))
        rows: list[tuple[int, str]] = list(coded.tuples())  # type: ignore[arg-type]
        for sale_id, code in rows:
            Sale.update(code_tail=code_tail(code)).where(Sale.id == sale_id).execute()
        database.create_tables(tables, safe=False)
    if isinstance(database, pw.SqliteDatabase):
        for table in ("journal", "z_report"):
            for action in ("UPDATE", "DELETE"):
                sql_rows(
                    database,
                    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} rows are never changed'); END",
                )


def _v3_users_and_actions(database: pw.Database) -> None:
    """Version 3: the shop's people (cashiers and managers, a PIN hash each) and the log of
    privileged actions. On SQLite, triggers refuse any UPDATE or DELETE of the action log."""

    class V3Model(pw.Model):
        class Meta:
            database = None
            legacy_table_names = False

    class User(V3Model):
        id = pw.AutoField()
        name = pw.CharField(40)
        name_key = pw.CharField(40, unique=True)
        role = pw.CharField(16)
        pin_hash = pw.TextField()
        active = pw.BooleanField(default=True)
        failed_pins = pw.IntegerField(default=0)
        lock_level = pw.IntegerField(default=0)
        locked_until = pw.BigIntegerField(null=True)
        created_at = pw.BigIntegerField()
        updated_at = pw.BigIntegerField()

        class Meta:
            table_name = "user"

    class Action(V3Model):
        id = pw.AutoField()
        at = pw.BigIntegerField(index=True)
        who = pw.TextField()
        action = pw.CharField(32)
        detail = pw.TextField(null=True)
        mac = pw.TextField(null=True)

        class Meta:
            table_name = "action"

    tables = [User, Action]
    with database.bind_ctx(tables, bind_refs=False, bind_backrefs=False):
        database.create_tables(tables, safe=False)
    if isinstance(database, pw.SqliteDatabase):
        for action in ("UPDATE", "DELETE"):
            sql_rows(
                database,
                f"CREATE TRIGGER action_no_{action.lower()} BEFORE {action} ON action "
                "BEGIN SELECT RAISE(ABORT, 'action rows are never changed'); END",
            )


@dataclass(frozen=True, slots=True)
class WithVault:
    """A migration that needs the database's data key: ``apply(database, vault)``, where
    ``vault()`` loads it, or makes it for a database that has none yet. ``scrub``: it
    replaces secrets written in clear and returns how many; when it replaced any, the SQLite
    file is rebuilt once it has committed (:func:`scrub_sqlite`)."""

    apply: Callable[[pw.Database, Callable[[], Vault]], int | None]
    scrub: bool = False


def _v4_journal_chain(database: pw.Database, vault: Callable[[], Vault]) -> None:
    """Version 4: the journal and the Z reports are chained. Each journal row carries the
    HMAC of its chain (``journal.mac``) and, for a change that wrote a card code, the digest
    of the code as stored (``journal.code_digest``; NULL in the rows of older changes); each
    Z report its own chain's HMAC (``z_report.mac``, every column and the body sealed) and
    the journal's head in full (``z_report.journal_head``; NULL in older Zs). The MACs of
    the existing rows are computed here in id (and number) order. On SQLite the triggers that
    refuse any UPDATE of the journal and of the Z reports are dropped for the length of this
    transaction and made again."""
    migrator = SchemaMigrator.from_database(database)
    migrate_schema(
        migrator.add_column("journal", chain.MAC_COLUMN, pw.TextField(null=True)),
        migrator.add_column("journal", "code_digest", pw.TextField(null=True)),
        migrator.add_column("z_report", "journal_head", pw.TextField(null=True)),
        migrator.add_column("z_report", chain.MAC_COLUMN, pw.TextField(null=True)),
    )
    sqlite = isinstance(database, pw.SqliteDatabase)
    if sqlite:
        sql_rows(database, "DROP TRIGGER IF EXISTS journal_no_update")
        sql_rows(database, "DROP TRIGGER IF EXISTS z_report_no_update")
    data_key = vault()
    sealer = Sealer(data_key.subkey(chain.JOURNAL.purpose))
    chain.seal_all(database, chain.JOURNAL, sealer, JournalFacts(database))
    chain.seal_all(database, chain.Z_REPORTS, Sealer(data_key.subkey(chain.Z_REPORTS.purpose)))
    if sqlite:
        for table in ("journal", "z_report"):
            sql_rows(
                database,
                f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} rows are never changed'); END",
            )


def _v5_card_codes_sealed(database: pw.Database, vault: Callable[[], Vault]) -> int:
    """Version 5: every card code kept in clear is encrypted (:mod:`~pos_app.store.codes`,
    format ``gcm1``: the data key's card-codes sub-key, the sale's ref as associated data),
    each with a journal row (cause ``card code encrypted``, its state unchanged) that seals
    the digest of the code as now stored. No column changes. Returns how many codes it
    encrypted."""
    sale = pw.Table("sale", ("id", "ref", "card_code", "state")).bind(database)
    row_id, ref_column, code_column, state_column = (
        pw.Column(sale, name) for name in ("id", "ref", "card_code", "state")
    )
    data_key = vault()
    cipher = CodeCipher(data_key.subkey(CARD_CODES))
    sealer = Sealer(data_key.subkey(chain.JOURNAL.purpose))
    at = to_millis(utc_now())
    sealed, last_id = 0, 0
    while True:
        query = (
            sale.select(row_id, ref_column, code_column, state_column)
            .where((row_id > last_id) & code_column.is_null(False))
            .order_by(row_id)
            .limit(1000)
        )
        rows: list[tuple[int, str, str, str]] = list(query.tuples())
        if not rows:
            return sealed
        for sale_id, ref, code, state in rows:
            if not is_sealed(code):
                sealed_code = cipher.seal(ref, code)
                sale.update({code_column: sealed_code}).where(row_id == sale_id).execute()
                journal_row = {
                    "sale_id": sale_id,
                    "at": at,
                    "from_state": state,
                    "to_state": state,
                    "cause": "card code encrypted",
                    "detail": None,
                    "code_digest": chain.code_digest(sealed_code),
                }
                chain.append(database, chain.JOURNAL, sealer, journal_row)
                sealed += 1
        last_id = rows[-1][0]


def _v6_action_chain(database: pw.Database, vault: Callable[[], Vault]) -> None:
    """Version 6: the action log is chained like the journal: each row's ``mac`` (a column
    since v3, left empty until now) computed here in id order under its own sub-key; a row
    that changes a person seals their digest (``action.user_id``, ``action.user_digest``),
    and each person already there gets one such row now (``user.sealed``, by
    ``migration``). On SQLite the trigger that refuses any UPDATE of the log is dropped for
    the length of this transaction and made again."""
    migrator = SchemaMigrator.from_database(database)
    migrate_schema(
        migrator.add_column("action", "user_id", pw.IntegerField(null=True)),
        migrator.add_column("action", "user_digest", pw.TextField(null=True)),
    )
    sqlite = isinstance(database, pw.SqliteDatabase)
    if sqlite:
        sql_rows(database, "DROP TRIGGER IF EXISTS action_no_update")
    sealer = Sealer(vault().subkey(chain.ACTIONS.purpose))
    chain.seal_all(database, chain.ACTIONS, sealer)
    at = to_millis(utc_now())
    people = sql_rows(
        database, 'SELECT id, name, name_key, role, active, pin_hash FROM "user" ORDER BY id'
    )
    for user_id, name, key, role, active, pin_hash in people:
        values = {
            "at": at,
            "who": "migration",
            "action": "user.sealed",
            "detail": json.dumps({"name": name}, ensure_ascii=False),
            "user_id": user_id,
            "user_digest": chain.user_digest(key, role, active, pin_hash),
        }
        chain.append(database, chain.ACTIONS, sealer, values)
    if sqlite:
        sql_rows(
            database,
            "CREATE TRIGGER action_no_update BEFORE UPDATE ON action "
            "BEGIN SELECT RAISE(ABORT, 'action rows are never changed'); END",
        )


def _v7_chain_blocks(database: pw.Database, vault: Callable[[], Vault]) -> None:
    """Version 7: block seals (``chain_block``: chain, upto, rows, seal; see
    ``store.chainscan``), so that a check need not recompute every row's MAC. Each whole
    block of the journal and of the action log is sealed here when its rows hold (checked
    one by one); a block that does not hold is left unsealed for the checks to name."""

    class V7Model(pw.Model):
        class Meta:
            database = None
            legacy_table_names = False

    class ChainBlock(V7Model):
        chain = pw.CharField(32)
        upto = pw.BigIntegerField()
        rows = pw.IntegerField()
        seal = pw.TextField()

        class Meta:
            table_name = "chain_block"
            primary_key = pw.CompositeKey("chain", "upto")

    with database.bind_ctx([ChainBlock], bind_refs=False, bind_backrefs=False):
        database.create_tables([ChainBlock], safe=False)
    data_key = vault()
    for spec in (chain.JOURNAL, chain.ACTIONS):
        chain.seal_blocks(database, spec, data_key.subkey(spec.purpose))


MIGRATIONS: list[tuple[int, Migration | WithVault]] = [
    (1, _v1_create_tables),
    (2, _v2_history_receipts_reports),
    (3, _v3_users_and_actions),
    (4, WithVault(_v4_journal_chain)),
    (5, WithVault(_v5_card_codes_sealed, scrub=True)),
    (6, WithVault(_v6_action_chain)),
    (7, WithVault(_v7_chain_blocks)),
]
"""Every migration the code knows, by version (read at each ``migrate`` call)."""


def latest_version() -> int:
    """The schema version this code writes."""
    return max((version for version, _ in MIGRATIONS), default=0)


def _version_table(database: pw.Database) -> pw.Table:
    return pw.Table(SCHEMA_VERSION_TABLE, ("version", "applied_at")).bind(database)


def current_version(database: pw.Database) -> int:
    """The database's schema version: 0 for a new database (no version table or no row)."""
    if SCHEMA_VERSION_TABLE not in database.get_tables():
        return 0
    table = _version_table(database)
    found = table.select(pw.fn.MAX(pw.Column(table, "version"))).scalar()
    return int(found) if found is not None else 0


def backup_file(db_file: Path, from_version: int, to_version: int, moment: datetime) -> Path:
    """Copy the SQLite database ``db_file`` with the SQLite backup API (consistent even with
    a write-ahead log and other readers) to ``<db>.v<from>-to-v<to>.<UTC time>.bak`` beside it.

    The copy is written under a ``.partial`` name and renamed when complete, so a ``.bak``
    file is always a whole database (a failed copy, e.g. on a full disk, leaves none). It is
    readable by the shop's user only (0600). Returns its path.
    """
    stamp = moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = f"{db_file.name}.v{from_version}-to-v{to_version}.{stamp}"
    target = db_file.with_name(f"{base}.bak")
    counter = 2
    while target.exists():
        target = db_file.with_name(f"{base}-{counter}.bak")
        counter += 1
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        create_private_file(partial)  # SQLite keeps the mode of the (empty) file it is given
        with (
            contextlib.closing(sqlite3.connect(db_file)) as source,
            contextlib.closing(sqlite3.connect(partial)) as copy,
        ):
            source.backup(copy)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def backups_of(db_file: Path) -> list[Path]:
    """The backup files beside the SQLite database ``db_file``, oldest first."""
    pattern = f"{glob.escape(db_file.name)}.v*.bak"
    found: list[tuple[int, str, Path]] = []
    for path in db_file.parent.glob(pattern):
        try:
            found.append((path.stat().st_mtime_ns, path.name, path))
        except OSError:
            continue
    return [path for _, _, path in sorted(found)]


def newest_backup(db_file: Path) -> Path | None:
    """The most recent backup beside ``db_file`` (by modification time), or None."""
    found = backups_of(db_file)
    return found[-1] if found else None


def migrate(
    database: pw.Database,
    db_file: Path | None,
    *,
    now: Callable[[], datetime] = utc_now,
    vault: Callable[[], Vault] | None = None,
) -> list[Path]:
    """Bring ``database`` to :func:`latest_version`; return the backup files made.

    Before each pending migration, the SQLite file ``db_file`` (None for another engine) is
    backed up unless the database was empty when this call began. Each migration and its
    ``schema_version`` row are one transaction. After a migration that replaced secrets
    written in clear (``WithVault.scrub``), a SQLite database is rebuilt and its log emptied
    (:func:`scrub_sqlite`), and a warning names the backups that still hold them. Raises
    :class:`SchemaTooNewError`, touching nothing, when the database is newer than this code.
    ``vault`` gives the database's data key to the migrations that need it
    (:class:`WithVault`; ValueError without it).
    """
    steps = sorted(MIGRATIONS, key=lambda step: step[0])
    known = steps[-1][0] if steps else 0
    found = current_version(database)
    if found > known:
        raise SchemaTooNewError(found, known)
    backups: list[Path] = []
    had_content = bool(database.get_tables())  # a new file has nothing worth a copy
    replaced = 0
    for version, apply in (step for step in steps if step[0] > found):
        if had_content and db_file is not None and db_file.is_file():
            backups.append(backup_file(db_file, found, version, now()))
        with database.atomic():
            if current_version(database) < version:  # another process may have done it
                if isinstance(apply, WithVault):
                    if vault is None:
                        raise ValueError(f"migration {version} needs the database's data key")
                    count = apply.apply(database, vault)
                    if apply.scrub:
                        replaced += count or 0
                else:
                    apply(database)
                _version_table(database).insert(
                    version=version, applied_at=to_millis(now())
                ).execute()
        found = version
    if replaced:
        if isinstance(database, pw.SqliteDatabase):
            scrub_sqlite(database)
        _warn_clear_backups(replaced, backups_of(db_file) if db_file is not None else [])
    return backups


def scrub_sqlite(database: pw.Database) -> None:
    """Rebuild the SQLite database (``VACUUM``: what earlier writes left in free pages and
    cells is gone) and empty its write-ahead log (``wal_checkpoint(TRUNCATE)``), outside any
    transaction. A failure (another process holding the file, a full disk) is logged, not
    raised: the migration is done; the copies left in free space go with a later VACUUM."""
    try:
        sql_rows(database, "VACUUM")
        busy, *_ = sql_rows(database, "PRAGMA wal_checkpoint(TRUNCATE)")[0]
    except (pw.PeeweeException, sqlite3.Error) as exc:
        log.warning(
            "the database could not be rebuilt after encrypting its card codes (%s): copies "
            "in clear may stay in its free space until it is (VACUUM)",
            type(exc).__name__,
        )
        return
    if busy:
        log.warning(
            "the database's write-ahead log could not be emptied after encrypting its card "
            "codes (another program is reading it): it is emptied at a later checkpoint"
        )


def _warn_clear_backups(replaced: int, backups: list[Path]) -> None:
    if not backups:
        return
    log.warning(
        "%d card codes are now kept encrypted in the database; the backup copies made before "
        "still hold them in clear (readable by this user only): %s. Keep them as private as "
        "the database, and delete them once the app has run well on the migrated database.",
        replaced,
        ", ".join(str(path) for path in backups),
    )
