"""Tamper evidence: each row of a chained table carries an HMAC-SHA256 over the previous
row's MAC and its own canonical bytes, under a key kept outside the database.

``mac_i = HMAC(chain key, mac_{i-1} || canonical_i)``, with ``mac_0`` the fixed
:data:`GENESIS` and each MAC kept as 64 lowercase hex digits in the row's ``mac`` column.
``canonical_i`` is ``ascii()`` of the tuple of every column of the row (its id first, in
:attr:`ChainSpec.columns` order; ints, str, None exactly as SQLite returns them), followed,
for a journal row that created a sale, by the sale's fixed facts (:data:`SALE_FACTS`), as
one tuple, in ASCII. Row keys (``id``; a Z's ``number``) are consecutive from 1 (the writer
takes the last key + 1 inside its write transaction), so a deleted, inserted or reordered
row breaks the chain where it happened; cutting the newest rows does not (see
``sealing.py`` for what is kept outside the database against that).

A table gets its own chain with a :class:`ChainSpec`, a ``mac`` column (migration) and
:func:`append` as its only writer; the journal and the action log also get a block seal
each time a block of rows fills (:func:`seal_block`). :func:`scan` checks a chain fast
(stretches of rows checked side by side in child processes, each sealed block taken whole
by SQLite's JSON text of its rows, the rest row by row: see :mod:`pos_app.store.chainscan`)
and only says whether it holds; :func:`verify_table` checks it row by row and says where and
why it breaks. The journal adds the sales' facts, states
and card codes (``sealing.py``); the action log (:data:`ACTIONS`, with the people's
digests) and the Z reports (:data:`Z_REPORTS`) are chained the same way.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any, Final, cast

import peewee as pw

from pos_app.store import chainscan
from pos_app.store.chainscan import GENESIS, MAC_COLUMN, Stretch, StretchResult
from pos_app.store.connection import sql_rows

log = logging.getLogger(__name__)

__all__ = ["GENESIS", "MAC_COLUMN"]
SALE_FACTS: Final = (
    "ref",
    "line_type",
    "number",
    "face_value",
    "cost",
    "price",
    "cashier",
    "counter",
    "created_at",
)
"""The sale's columns that never change, sealed in its "created" journal row."""
_BATCH: Final = 20_000
KEY_COLUMNS: Final = ("id", "number")
NO_CODE: Final = "none"
"""The :func:`code_digest` of a card code set to nothing."""
PARALLEL_FROM: Final = 200_000
"""From this many rows :func:`scan` shares the rows with child processes (one per core
beyond the first, at most :data:`MAX_CHILDREN`); below it a child's start costs more than
it saves."""
MAX_CHILDREN: Final = 3
CHILD_TIMEOUT: Final = 300.0
"""Seconds a child is given for its stretch; after that its rows are checked here."""


@dataclass(frozen=True, slots=True)
class ChainSpec:
    """A chained table: its name, every column but the MAC (its integer key first: ``id``,
    or ``number`` for the Z reports) and the sub-key purpose of its key (``Vault.subkey``)."""

    table: str
    columns: tuple[str, ...]
    purpose: str

    def __post_init__(self) -> None:
        if not self.columns or self.columns[0] not in KEY_COLUMNS:
            raise ValueError("a chained table's columns start with its key (id or number)")

    @property
    def key(self) -> str:
        """The key column: 1, 2, 3... in the order the rows were written."""
        return self.columns[0]


JOURNAL: Final = ChainSpec(
    "journal",
    ("id", "sale_id", "at", "from_state", "to_state", "cause", "detail", "code_digest"),
    "journal-chain",
)
"""The sales' journal. ``code_digest`` is set by the row of a change that wrote the sale's
card code (:func:`code_digest` of the stored ciphertext), NULL in every other row."""
ACTIONS: Final = ChainSpec(
    "action", ("id", "at", "who", "action", "detail", "user_id", "user_digest"), "action-chain"
)
"""The log of privileged actions (who did what, when), chained like the journal. A row that
changed a person's role, active flag or PIN hash seals :func:`user_digest` of the person as
they became (``user_id``, ``user_digest``; NULL in other rows)."""
Z_REPORTS: Final = ChainSpec(
    "z_report",
    (
        "number",
        "counter",
        "opened_at",
        "closed_at",
        "created_at",
        "cash_counted",
        "last_sale_id",
        "last_journal_id",
        "journal_head",
        "body",
    ),
    "z-chain",
)
"""The closed periods, chained like the journal (every column, the report's body too)."""


@dataclass(frozen=True, slots=True)
class FactLink:
    """Facts sealed with some rows of a chained table: the row of ``table`` (``columns``,
    its id first) whose id is in the chained row's ``link`` column, for each chained row
    whose ``when_null`` column is NULL."""

    table: str
    columns: tuple[str, ...]
    link: str
    when_null: str


JOURNAL_FACTS: Final = FactLink("sale", ("id", *SALE_FACTS), "sale_id", "from_state")
"""A journal row that creates a sale (``from_state`` NULL) seals the sale's fixed facts."""
BLOCK_LINKS: Final = {JOURNAL.table: JOURNAL_FACTS, ACTIONS.table: None}
"""The chains whose whole blocks are sealed as they fill (the ones :func:`scan` checks),
with the facts their rows seal."""


class Sealer:
    """HMAC-SHA256 under one key, with the key's pads hashed once (a million rows a second
    matters to :func:`verify_journal`)."""

    __slots__ = ("_inner", "_key", "_outer")

    def __init__(self, key: bytes) -> None:
        self._key = key
        self._inner, self._outer = chainscan.key_pads(key)

    @property
    def key(self) -> bytes:
        """The key (for :func:`scan`, which hands it to its child processes on a pipe)."""
        return self._key

    def pads(self) -> tuple[Any, Any]:
        """Two functions that copy the hashed inner and outer pads (for a hot loop)."""
        return self._inner.copy, self._outer.copy

    def mac(self, previous: str, canonical: bytes) -> str:
        """``HMAC(key, previous || canonical)`` as 64 hex digits (``previous``: hex text)."""
        inner = self._inner.copy()
        inner.update(previous.encode())
        inner.update(canonical)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return str(outer.hexdigest())


def canonical(values: Sequence[object]) -> bytes:
    """The canonical bytes of a row's values (and facts): ``ascii()`` of them as a tuple."""
    return ascii(tuple(values)).encode("ascii")


def code_digest(stored: object) -> str:
    """What a journal row seals of a sale's card code as stored (the ciphertext, never the
    code): the SHA-256 of its text, or :data:`NO_CODE` for none."""
    if stored is None:
        return NO_CODE
    return hashlib.sha256(str(stored).encode("utf-8", "surrogateescape")).hexdigest()


def user_digest(name_key: object, role: object, active: object, pin_hash: object) -> str:
    """What an action row seals of a person: the SHA-256 of their name key, role, active
    flag (0 or 1) and PIN hash, as the user table holds them (never the PIN)."""
    flag = int(active) if isinstance(active, (bool, int)) else active
    return hashlib.sha256(canonical((name_key, role, flag, pin_hash))).hexdigest()


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """Where a chain first fails: the table, the row id (None: the table as a whole) and what
    is wrong, in one line."""

    table: str
    row_id: int | None
    problem: str

    def describe(self) -> str:
        where = f"{self.table} row {self.row_id}" if self.row_id is not None else self.table
        return f"{where}: {self.problem}"


@dataclass(frozen=True, slots=True)
class ChainCheck:
    """The result of a check: rows checked, the head MAC (the last row's, None when empty),
    the first break (None when the chain holds) and how many problems were found in all."""

    table: str
    rows: int
    head: str | None
    first_break: ChainBreak | None = None
    problems: int = 0
    parts: tuple[ChainCheck, ...] = ()
    """The checks of each table when several were checked together (:meth:`joined`)."""

    @classmethod
    def joined(cls, main: ChainCheck, others: Sequence[ChainCheck]) -> ChainCheck:
        """The checks of several chains as one: ``main``'s table, rows and head (the
        journal's, which a Z report prints), the first break of any, every problem."""
        parts = (main, *others)
        first = next((part.first_break for part in parts if part.first_break), None)
        total = sum(part.problems for part in parts)
        return cls(main.table, main.rows, main.head, first, total, parts)

    @property
    def ok(self) -> bool:
        return self.first_break is None

    @property
    def head_short(self) -> str:
        """The head's first 16 hex digits (what a Z report prints), or ``-``."""
        return self.head[:16] if self.head else "-"

    def describe(self) -> str:
        """One line: ``journal: 1234 rows, head 0123456789abcdef, intact`` or the break
        (each table's, separated by ``; ``, when several were checked together)."""
        if self.parts:
            return "; ".join(part.describe() for part in self.parts)
        text = f"{self.table}: {self.rows} rows, head {self.head_short}"
        if self.first_break is None:
            return f"{text}, intact"
        more = f" ({self.problems - 1} more problems)" if self.problems > 1 else ""
        return f"{text}, BROKEN at {self.first_break.describe()}{more}"


def head(database: pw.Database, spec: ChainSpec) -> tuple[int, str]:
    """The last row's id and MAC (``(0, GENESIS)`` for an empty table)."""
    key = spec.key
    sql = f"SELECT {key}, {MAC_COLUMN} FROM {spec.table} ORDER BY {key} DESC LIMIT 1"  # noqa: S608
    rows = sql_rows(database, sql)
    if not rows:
        return 0, GENESIS
    last_id, mac = rows[0]
    return int(last_id), str(mac) if mac is not None else GENESIS


def mac_of(database: pw.Database, spec: ChainSpec, row_id: int) -> str | None:
    """The recorded MAC of row ``row_id`` (None when there is no such row or no MAC)."""
    sql = f"SELECT {MAC_COLUMN} FROM {spec.table} WHERE {spec.key} = ?"  # noqa: S608
    rows = _fetch(database, sql, (row_id,))
    return str(rows[0][0]) if rows and rows[0][0] is not None else None


def append(
    database: pw.Database,
    spec: ChainSpec,
    sealer: Sealer,
    values: Mapping[str, object],
    facts: Sequence[object] = (),
) -> int:
    """Inside the caller's write transaction: insert the row ``values`` (every column of
    ``spec`` but the id) with the next id and its MAC; return the id. ``facts`` are sealed
    with it (a journal row that creates a sale: the sale's :data:`SALE_FACTS`)."""
    missing = set(spec.columns[1:]) - set(values)
    if missing or len(values) != len(spec.columns) - 1:
        raise ValueError(f"a {spec.table} row needs exactly {', '.join(spec.columns[1:])}")
    last_id, previous = head(database, spec)
    row_id = last_id + 1
    row = (row_id, *(values[column] for column in spec.columns[1:]))
    mac = sealer.mac(previous, canonical((*row, *facts)))
    table = pw.Table(spec.table, (*spec.columns, MAC_COLUMN)).bind(database)
    names = (*spec.columns, MAC_COLUMN)
    table.insert(
        {pw.Column(table, name): value for name, value in zip(names, (*row, mac), strict=True)}
    ).execute()
    if spec.table in BLOCK_LINKS and row_id % chainscan.BLOCK_ROWS == 0:
        seal_block(database, spec, sealer.key, row_id)
    return row_id


class FactSource:
    """What a chained table seals beside its own columns (the base: nothing), and the
    problems found while handing them out during a check."""

    def facts_for(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """The facts sealed with ``row`` (its values, id first)."""
        return ()

    def problems(self) -> list[ChainBreak]:
        """What was found wrong beside the MACs, once every row was handed out."""
        return []


def seal_all(
    database: pw.Database, spec: ChainSpec, sealer: Sealer, facts: FactSource | None = None
) -> int:
    """Compute the MAC of every row in id order and write it (a migration, with the table's
    triggers off); return the number of rows. Raises ValueError when the ids are not 1, 2,
    3... (a chain over them could not tell a deleted row)."""
    source = facts or FactSource()
    previous = GENESIS
    count = 0
    table = pw.Table(spec.table, (*spec.columns, MAC_COLUMN)).bind(database)
    for row in _rows(database, spec, with_mac=False):
        count += 1
        if row[0] != count:
            raise ValueError(f"{spec.table} keys are not consecutive at {row[0]}")
        previous = sealer.mac(previous, canonical((*row, *source.facts_for(row))))
        table.update({pw.Column(table, MAC_COLUMN): previous}).where(
            pw.Column(table, spec.key) == row[0]
        ).execute()
    return count


def _rows(database: pw.Database, spec: ChainSpec, *, with_mac: bool) -> Iterator[tuple[Any, ...]]:
    """Every row of ``spec``'s table by id (the MAC first when ``with_mac``), in batches."""
    columns = ", ".join((MAC_COLUMN, *spec.columns) if with_mac else spec.columns)
    key = 1 if with_mac else 0
    last = 0
    while True:
        rows = _fetch(
            database,
            f"SELECT {columns} FROM {spec.table} "  # noqa: S608 - a spec's names
            f"WHERE {spec.key} > ? ORDER BY {spec.key} LIMIT {_BATCH}",
            (last,),
        )
        if not rows:
            return
        yield from rows
        last = rows[-1][key]


def _fetch(database: pw.Database, sql: str, params: tuple[object, ...]) -> list[tuple[Any, ...]]:
    cursor = cast(Any, database).execute_sql(sql, params)
    return cast(list[tuple[Any, ...]], cursor.fetchall())


def newest_sealed(
    database: pw.Database, spec: ChainSpec, sealer: Sealer, where: str, params: tuple[object, ...]
) -> tuple[Any, ...] | None:
    """The newest row of ``spec``'s table matching ``where`` (SQL over its columns), when
    its MAC holds against the row before it; None when no row matches or the MAC fails (a
    row added or rewritten without the key). One link only: a whole check is
    :func:`verify_table`'s."""
    columns = ", ".join(spec.columns)
    sql = (
        f"SELECT {columns}, {MAC_COLUMN} FROM {spec.table} WHERE {where} "  # noqa: S608
        f"ORDER BY {spec.key} DESC LIMIT 1"
    )
    rows = _fetch(database, sql, params)
    if not rows:
        return None
    *values, mac = rows[0]
    before = _fetch(
        database,
        f"SELECT {MAC_COLUMN} FROM {spec.table} WHERE {spec.key} < ? "  # noqa: S608
        f"ORDER BY {spec.key} DESC LIMIT 1",
        (values[0],),
    )
    previous = str(before[0][0]) if before and before[0][0] is not None else GENESIS
    expected = sealer.mac(previous, canonical(values))
    return tuple(values) if hmac.compare_digest(expected, str(mac or "")) else None


def verify_table(
    database: pw.Database, spec: ChainSpec, sealer: Sealer, facts: FactSource | None = None
) -> ChainCheck:
    """Check every row of a chained table, in id order, against its MAC; then the problems
    ``facts`` found. Reads in batches: writers are not held up."""
    source = facts or FactSource()
    facts_for = source.facts_for
    inner, outer = sealer.pads()
    count = 0
    last_id = 0
    previous = GENESIS
    first: ChainBreak | None = None
    problems = 0
    for full in _rows(database, spec, with_mac=True):
        count += 1
        mac = full[0]
        row = full[1:]
        extra = facts_for(row)
        step = inner()
        step.update(previous.encode("utf-8", "surrogateescape"))
        step.update(ascii(row + extra if extra else row).encode("ascii"))
        seal = outer()
        seal.update(step.digest())
        if row[0] != last_id + 1 or seal.hexdigest() != mac:
            problems += 1
            if first is None:
                first = ChainBreak(spec.table, row[0], _row_problem(row[0], last_id, mac, extra))
        previous = mac if isinstance(mac, str) else GENESIS
        last_id = row[0]
    for found in source.problems():
        problems += 1
        if first is None:
            first = found
    return ChainCheck(spec.table, count, previous if count else None, first, problems)


def _row_problem(row_id: int, before: int, mac: object, facts: tuple[Any, ...]) -> str:
    if row_id == before + 2:
        return f"row {before + 1} is missing before it"
    if row_id > before + 2:
        return f"rows {before + 1} to {row_id - 1} are missing before it"
    if row_id <= before:
        return "the row ids are out of order"
    if mac is None:
        return "the row has no MAC (written outside the app)"
    what = f", or the fixed facts of sale {facts[0]}," if facts else ""
    return (
        f"its MAC does not match its contents{what} or the row before it (a row was changed, "
        "inserted, deleted or moved here)"
    )


@dataclass(frozen=True, slots=True)
class Scan:
    """What :func:`scan` found when every row holds: the rows, the head MAC (None when the
    table is empty) and how many facts rows the chain sealed (each one once)."""

    rows: int
    head: str | None
    facts: int = 0


@contextlib.contextmanager
def read_snapshot(database: pw.Database) -> Iterator[None]:
    """Every read until the end sees the database as it was at the first one (a deferred
    read transaction on SQLite: the writer is never held up). Inside a transaction already,
    or on another engine: nothing changes."""
    if not isinstance(database, pw.SqliteDatabase):
        yield
        return
    connection: sqlite3.Connection = cast(Any, database).connection()
    if connection.in_transaction:
        yield
        return
    watch = _Watch.of(database)  # before the snapshot starts: every commit after it counts
    connection.execute("BEGIN DEFERRED")
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot
        if watch is not None:
            _WATCHES[id(connection)] = (connection, watch)
        yield
    finally:
        if watch is not None:
            _WATCHES.pop(id(connection), None)
            watch.close()
        if connection.in_transaction:
            connection.execute("COMMIT")


class _Watch:
    """Whether anything was committed to a database file since this was made (SQLite's
    ``data_version`` on a read-only connection of its own): child processes read the file
    as it is when they start, which is the parent's snapshot only when nothing was."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._version = self._now()

    @classmethod
    def of(cls, database: pw.SqliteDatabase) -> _Watch | None:
        """A watch of ``database``'s file (None: in memory, or it cannot be opened)."""
        uri = _file_uri(database)
        if uri is None:
            return None
        try:
            return cls(sqlite3.connect(uri, uri=True, check_same_thread=False))
        except sqlite3.Error:
            return None

    def _now(self) -> Any:
        return self._connection.execute("PRAGMA data_version").fetchone()[0]

    def unchanged(self) -> bool:
        """Whether nothing was committed since this watch was made."""
        try:
            return bool(self._now() == self._version)
        except sqlite3.Error:
            return False

    def close(self) -> None:
        self._connection.close()


_WATCHES: dict[int, tuple[sqlite3.Connection, _Watch]] = {}
"""The watch of each connection inside :func:`read_snapshot`, by the connection's id."""


def _snapshot_watch(connection: sqlite3.Connection) -> _Watch | None:
    found = _WATCHES.get(id(connection))
    return found[1] if found is not None and found[0] is connection else None


@contextlib.contextmanager
def lenient_text(database: pw.Database) -> Iterator[None]:
    """Until the end, text that is not UTF-8 reads with surrogate escapes instead of failing
    the read (:func:`~pos_app.store.chainscan.lenient_text`), so that a row-by-row check
    names such a change; valid text reads as always (slower: for the slow checks only)."""
    if not isinstance(database, pw.SqliteDatabase):
        yield
        return
    connection: sqlite3.Connection = cast(Any, database).connection()
    before = connection.text_factory
    connection.text_factory = chainscan.lenient_text
    try:
        yield
    finally:
        connection.text_factory = before


def scan(
    database: pw.Database,
    spec: ChainSpec,
    key: bytes,
    link: FactLink | None = None,
    *,
    parallel_from: int = PARALLEL_FROM,
    meanwhile: Callable[[], object] | None = None,
) -> Scan | None:
    """Check that every row of ``spec``'s table holds (ids 1, 2, 3..., each MAC right under
    ``key``, with ``link``'s facts for the rows that seal them, each facts row sealed once
    at most) and give its head; None when one does not, or when the table cannot be checked
    this way (not SQLite): :func:`verify_table` then says where and why. From
    ``parallel_from`` rows, stretches of rows are checked at the same time in child
    processes (a child that fails has its stretch checked here). Run it inside
    :func:`read_snapshot`: the children read rows that cannot change (ids up to the last one
    seen here), later rows are left for the next check. ``meanwhile`` is called in this
    process while the children work (other checks of the same snapshot). The children read
    the file as it is when they start: when anything was committed to it since this
    snapshot began (rows put back while they read, then edited again), their answers are set
    aside and their rows checked here."""
    if not isinstance(database, pw.SqliteDatabase):
        return None
    connection: sqlite3.Connection = cast(Any, database).connection()
    watch = _snapshot_watch(connection)
    own_watch = None if watch is not None else _Watch.of(database)
    try:
        return _scan(
            database,
            spec,
            key,
            link,
            parallel_from=parallel_from,
            meanwhile=meanwhile,
            watch=watch or own_watch,
        )
    finally:
        if own_watch is not None:
            own_watch.close()


def _scan(
    database: pw.SqliteDatabase,
    spec: ChainSpec,
    key: bytes,
    link: FactLink | None,
    *,
    parallel_from: int,
    meanwhile: Callable[[], object] | None,
    watch: _Watch | None,
) -> Scan | None:
    connection: sqlite3.Connection = cast(Any, database).connection()
    table = spec.table
    count, first, last = connection.execute(
        f"SELECT count(*), min({spec.key}), max({spec.key}) FROM {table}"  # noqa: S608
    ).fetchone()
    if not count:
        return Scan(0, None)
    if first != 1 or last != count:
        return None
    children = _children(database, count, parallel_from, busy=meanwhile is not None)
    here = 0 if children and meanwhile is not None else 1  # stretches checked here: 0 or 1
    stretches = _stretches(spec, link, count, children + here)
    started = [_start_child(database, key, stretch) for stretch in stretches[here:]]
    try:
        if meanwhile is not None:
            meanwhile()
        results = [
            chainscan.check_stretch(connection, key, stretch) for stretch in stretches[:here]
        ]
        if results and not results[0].intact:
            return None
        answers = [_child_result(child) for child in started]
        if watch is None or not watch.unchanged():  # the children may have read other rows
            answers = [None for _ in answers]
        for stretch, answer in zip(stretches[here:], answers, strict=True):
            results.append(answer or chainscan.check_stretch(connection, key, stretch))
    finally:
        for child in started:
            if child is not None and child.returncode is None:
                _discard(child)
    every = all(
        result.rows == stretch.upto - stretch.after
        for result, stretch in zip(results, stretches, strict=True)
    )
    whole = chainscan.joined(results)  # not intact when a facts row is sealed in two
    if not every or not whole.intact:
        return None
    (head,) = connection.execute(
        f"SELECT {MAC_COLUMN} FROM {table} WHERE {spec.key} = ?",  # noqa: S608
        (count,),
    ).fetchone()
    return Scan(count, str(head), whole.facts)


def _children(database: pw.SqliteDatabase, rows: int, parallel_from: int, *, busy: bool) -> int:
    """How many child processes share a check of ``rows`` rows (0: none): one per core
    beyond this process's, or one per core when this process is ``busy`` with other work
    meanwhile (the rows are then all theirs)."""
    if rows < parallel_from or _file_uri(database) is None:
        return 0
    cores = os.cpu_count() or 1
    return max(0, min(cores if busy else cores - 1, MAX_CHILDREN))


def _stretches(spec: ChainSpec, link: FactLink | None, rows: int, parts: int) -> list[Stretch]:
    """``rows`` split in ``parts`` stretches of about the same size, in id order."""
    bounds = [rows * index // parts for index in range(parts + 1)]
    return [stretch_of(spec, link, after, upto) for after, upto in pairwise(bounds)]


def stretch_of(spec: ChainSpec, link: FactLink | None, after: int, upto: int) -> Stretch:
    """The rows of ``spec``'s table with ``after < key <= upto``, with ``link``'s facts."""
    if link is None:
        return Stretch(spec.table, spec.columns, after, upto)
    return Stretch(
        spec.table,
        spec.columns,
        after,
        upto,
        facts_table=link.table,
        facts_columns=link.columns,
        link=spec.columns.index(link.link),
        when_null=spec.columns.index(link.when_null),
    )


def seal_block(database: pw.Database, spec: ChainSpec, key: bytes, upto: int) -> bool:
    """Inside the caller's write transaction: keep the seal of the block of
    :data:`~pos_app.store.chainscan.BLOCK_ROWS` rows ending at ``upto`` when each of its rows
    holds (see :mod:`~pos_app.store.chainscan`). False, and nothing kept, when one does not,
    when the database keeps no seals (not SQLite, an older schema) or on a database error:
    a seal only makes checks faster, so it never fails the write it follows, unless the
    error ended the caller's transaction (a full disk, an I/O error): then it is raised,
    as the write itself would have."""
    rows = chainscan.BLOCK_ROWS
    if not isinstance(database, pw.SqliteDatabase) or upto < rows:
        return False
    connection: sqlite3.Connection = cast(Any, database).connection()
    writing = connection.in_transaction
    block = stretch_of(spec, BLOCK_LINKS.get(spec.table), upto - rows, upto)
    try:
        kept = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
            (chainscan.BLOCK_TABLE,),
        ).fetchone()
        if kept is None:
            return False  # a migration before block seals existed: v7 seals this block
        seal = chainscan.seal_for(connection, key, block)
        if seal is None:
            log.warning(
                "%s rows %d-%d do not hold: their block is not sealed",
                spec.table,
                upto - rows + 1,
                upto,
            )
            return False
        connection.execute(
            f"INSERT OR REPLACE INTO {chainscan.BLOCK_TABLE} (chain, upto, rows, seal) "  # noqa: S608
            "VALUES (?, ?, ?, ?)",
            (spec.table, upto, rows, seal),
        )
    except sqlite3.Error as exc:
        if writing and not connection.in_transaction:
            raise  # SQLite rolled the write back: the caller must not go on
        log.warning("%s block to %d not sealed (%s)", spec.table, upto, type(exc).__name__)
        return False
    return True


def seal_blocks(database: pw.Database, spec: ChainSpec, key: bytes) -> int:
    """Seal every whole block of ``spec``'s table that has no seal yet (a migration, or a
    check that found them missing); return how many were sealed."""
    if not isinstance(database, pw.SqliteDatabase):
        return 0
    rows = chainscan.BLOCK_ROWS
    last, _ = head(database, spec)
    sql = f"SELECT upto FROM {chainscan.BLOCK_TABLE} WHERE chain = ?"  # noqa: S608
    kept = {int(upto) for (upto,) in _fetch(database, sql, (spec.table,))}
    sealed = 0
    for upto in range(rows, last + 1, rows):
        if upto not in kept and seal_block(database, spec, key, upto):
            sealed += 1
    return sealed


def _file_uri(database: pw.SqliteDatabase) -> str | None:
    """A read-only ``file:`` URI of the database's file (None: in memory or unknown)."""
    name = database.database
    if not isinstance(name, str) or not name or name == ":memory:" or name.startswith("file:"):
        return None
    return f"{Path(name).resolve().as_uri()}?mode=ro"


def child_command() -> list[str]:
    """How a chain-check child is started: this interpreter on ``chainscan.py``, or the
    frozen app itself with ``chainscan.CHILD_FLAG`` (it has no interpreter to run a file)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, chainscan.CHILD_FLAG]
    return [sys.executable, "-I", chainscan.__file__]


def _start_child(database: pw.SqliteDatabase, key: bytes, stretch: Stretch) -> Any:
    """A child process checking ``stretch`` (None when it could not be started). The key
    goes on its standard input, never on its command line."""
    uri = _file_uri(database)
    if uri is None:
        return None
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window on Windows
    try:
        child = subprocess.Popen(  # noqa: S603 - this interpreter, this package's file
            child_command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            creationflags=flags,
        )
    except OSError as exc:
        log.warning("chain check: no child process (%s); checking here", type(exc).__name__)
        return None
    try:
        assert child.stdin is not None
        child.stdin.write(chainscan.request_text(uri, key, stretch))
        child.stdin.close()
        child.stdin = None  # sent: communicate() only reads
    except OSError:  # it ended before reading (it could not start its work)
        _discard(child)
        return None
    return child


def _discard(child: Any) -> None:
    """End ``child`` and close its pipes."""
    child.kill()
    for pipe in (child.stdin, child.stdout):
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.close()
    child.stdin = None
    child.wait()


def _child_result(child: Any) -> StretchResult | None:
    """What a child found (None when it failed, answered nonsense or took too long)."""
    if child is None:
        return None
    try:
        out, _ = child.communicate(timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        log.warning("chain check: a child took too long; checking its rows here")
        return None
    if child.returncode != 0:
        log.warning("chain check: a child failed (exit %s); checking here", child.returncode)
        return None
    try:
        return chainscan.answer(out)
    except (ValueError, TypeError):
        log.warning("chain check: a child's answer was not understood; checking here")
        return None
