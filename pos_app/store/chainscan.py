"""The fast part of a chain check: one stretch of a chained table's rows checked against
their MACs on a plain ``sqlite3`` connection (see :mod:`pos_app.store.chain` for the
formula).

Each row's MAC is checked against the MAC stored in the row before it, so stretches can be
checked independently, in this process or in a child: this module imports the standard
library only, and ``python -I chainscan.py`` (in the frozen app: the app run with
:data:`CHILD_FLAG`) reads one request (JSON) on its standard input and writes the result
(JSON) on its standard output. The check only says whether every row
holds; where and why one does not is for the slower check of ``chain.verify_table``.

Blocks: when a chain's row count reaches a multiple of :data:`BLOCK_ROWS`, the writer
checks that block's rows one by one and, when they hold, keeps a *block seal* in
:data:`BLOCK_TABLE`: an HMAC, under a key derived from the chain's, of the MAC of the row
before the block (its first row is chained to it), the block's MACs end to end and SQLite's
JSON text of the rows' other columns (sealed facts included); a block holding a REAL is not
sealed (the JSON text rounds it). A check takes a block whose seal matches as holding
without recomputing each row's MAC (SQLite builds the text, so no row becomes Python
objects); a block without a seal, or whose seal does not match, is checked row by row, and
that check decides. The seals a check tries never overlap, so each row is rendered once at
most. A seal is only a shortcut: removing or forging one hides nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from itertools import pairwise
from typing import Any, Final

GENESIS: Final = "0" * 64
"""The MAC the first row of every chain follows."""
MAC_COLUMN: Final = "mac"
MAC_LENGTH: Final = 64
"""Hex digits in a MAC."""
BATCH: Final = 20_000
BLOCK_ROWS: Final = 4096
"""Rows per block seal (the writer's choice; each seal says how many rows it covers)."""
BLOCK_TABLE: Final = "chain_block"
"""Where block seals are kept: ``chain`` (the table), ``upto`` (its last row's key),
``rows`` and ``seal`` (64 hex digits)."""
_BLOCK_PURPOSE: Final = b"pos-app chain block seal 1"
CHILD_FLAG: Final = "--chain-scan-child"
"""The frozen app's one argument that makes it a chain-check child (``packaging/launcher.py``
hands over to :func:`child_main` before anything else loads)."""


def key_pads(key: bytes) -> tuple[Any, Any]:
    """HMAC-SHA256's inner and outer hashes with the key's pads already hashed in."""
    block = hashlib.sha256().block_size
    if len(key) > block:
        key = hashlib.sha256(key).digest()
    padded = key.ljust(block, b"\0")
    inner = hashlib.sha256(bytes(byte ^ 0x36 for byte in padded))
    outer = hashlib.sha256(bytes(byte ^ 0x5C for byte in padded))
    return inner, outer


@dataclass(frozen=True, slots=True)
class Stretch:
    """The rows of ``table`` with ``after < key <= upto``, each of ``columns`` (the key
    first: ``id`` or ``number``).
    With ``facts_table``: a row whose column number ``when_null`` is NULL also seals the
    row of ``facts_table`` (``facts_columns``, its id first) whose id is in its column
    number ``link``."""

    table: str
    columns: tuple[str, ...]
    after: int
    upto: int
    facts_table: str | None = None
    facts_columns: tuple[str, ...] = ()
    link: int = 0
    when_null: int = 0


@dataclass(frozen=True, slots=True)
class StretchResult:
    """Whether every row of a stretch holds; the rows read; how many facts rows were
    sealed in it and the first and last of their ids (0 when none)."""

    intact: bool
    rows: int
    facts: int = 0
    first_fact: int = 0
    last_fact: int = 0


def lenient_text(data: bytes) -> str:
    """Text as read by a check: UTF-8 as always, other bytes kept as surrogate escapes (an
    attacker can store them; a check must find that change, not fail on it)."""
    return data.decode("utf-8", "surrogateescape")


def _batches(cursor: sqlite3.Cursor) -> Iterator[list[Any]]:
    while True:
        rows = cursor.fetchmany(BATCH)
        if not rows:
            return
        yield rows


class _Facts:
    """The facts rows a batch of chained rows seals, each one handed out once, in id order
    across batches (a facts row sealed twice is refused)."""

    def __init__(self, connection: sqlite3.Connection, stretch: Stretch) -> None:
        columns = ", ".join(stretch.facts_columns)
        self._sql = (
            f"SELECT {columns} FROM {stretch.facts_table} "  # noqa: S608 - a spec's names
            "WHERE id >= ? AND id <= ?"
        )
        self._connection = connection
        self._link, self._when_null = stretch.link, stretch.when_null
        self.count = 0
        self.first = 0
        self.last = 0

    def for_batch(self, batch: list[Any]) -> dict[Any, tuple[Any, ...]] | None:
        """The facts of the rows of ``batch`` that seal some, by id (None when their ids
        do not go up strictly from the last batch's: the same facts sealed twice)."""
        link, when_null = self._link, self._when_null
        wanted = [row[link] for row in batch if row[when_null] is None]
        if not wanted:
            return {}
        if not all(isinstance(fact_id, int) for fact_id in wanted):
            return None
        steps = zip([self.last, *wanted], wanted, strict=False)
        if any(before >= after for before, after in steps):
            return None
        found = self._connection.execute(self._sql, (wanted[0], wanted[-1])).fetchall()
        self.count += len(wanted)
        self.first = self.first or wanted[0]
        self.last = wanted[-1]
        return {row[0]: tuple(row[1:]) for row in found}


def check_rows(connection: sqlite3.Connection, key: bytes, stretch: Stretch) -> StretchResult:
    """Check every row of ``stretch``: each MAC right under ``key`` after the one stored in
    the row before, with its facts when it seals some (each facts row once at most); stops
    at the first row that does not hold. ``rows`` tells the caller whether every id was
    there (``upto - after`` of them)."""
    inner, outer = key_pads(key)
    new_inner: Callable[[], Any] = inner.copy
    new_outer: Callable[[], Any] = outer.copy
    table, key_column = stretch.table, stretch.columns[0]
    if stretch.after == 0:
        previous: Any = GENESIS
    else:
        found = connection.execute(
            f"SELECT {MAC_COLUMN} FROM {table} WHERE {key_column} = ?",  # noqa: S608
            (stretch.after,),
        ).fetchone()
        previous = found[0] if found else None
    columns = ", ".join((*stretch.columns, MAC_COLUMN))
    cursor = connection.execute(
        f"SELECT {columns} FROM {table} "  # noqa: S608 - a spec's names
        f"WHERE {key_column} > ? AND {key_column} <= ? ORDER BY {key_column}",
        (stretch.after, stretch.upto),
    )
    facts = _Facts(connection, stretch) if stretch.facts_table else None
    when_null, link = stretch.when_null, stretch.link
    rows = 0
    try:
        for batch in _batches(cursor):
            rows += len(batch)
            sealed = facts.for_batch(batch) if facts is not None else None
            if facts is not None and sealed is None:
                return StretchResult(False, rows)
            for row in batch:
                values = row[:-1]
                if sealed is not None and values[when_null] is None:
                    text = ascii(values + sealed.pop(values[link]))
                else:
                    text = ascii(values)
                step = new_inner()
                step.update((previous + text).encode("utf-8", "surrogateescape"))
                seal = new_outer()
                seal.update(step.digest())
                previous = row[-1]
                if seal.hexdigest() != previous:
                    return StretchResult(False, rows)
    except (TypeError, KeyError, sqlite3.Error):  # a MAC that is not text, facts that are
        return StretchResult(False, rows)  # not there, text that is not UTF-8: the slow check
    if facts is None:
        return StretchResult(True, rows)
    return StretchResult(True, rows, facts.count, facts.first, facts.last)


def check_stretch(connection: sqlite3.Connection, key: bytes, stretch: Stretch) -> StretchResult:
    """Check every row of ``stretch`` as :func:`check_rows` does, taking each block whose
    seal matches as a whole and the other rows one by one; stops at the first piece that
    does not hold."""
    parts: list[StretchResult] = []
    position = stretch.after
    tried = position  # the seals tried never overlap: each row is rendered once at most
    for upto, rows, seal in _seals(connection, stretch):
        start = upto - rows
        if start < tried or rows <= 0:
            continue  # overlaps what is already checked or tried: the rows decide
        tried = upto
        block = replace(stretch, after=start, upto=upto)
        found = block_result(connection, key, block, seal)
        if found is None:
            continue  # checked with the rows around it
        if start > position:
            parts.append(check_rows(connection, key, replace(stretch, after=position, upto=start)))
            if not parts[-1].intact:
                return joined(parts)
        parts.append(found)
        position = upto
    if position < stretch.upto or not parts:
        parts.append(check_rows(connection, key, replace(stretch, after=position)))
    return joined(parts)


def joined(parts: list[StretchResult]) -> StretchResult:
    """Consecutive pieces' results as one (not intact when a facts row is sealed in two)."""
    used = [part for part in parts if part.facts]
    intact = all(part.intact for part in parts) and all(
        before.last_fact < after.first_fact for before, after in pairwise(used)
    )
    rows = sum(part.rows for part in parts)
    if not used:
        return StretchResult(intact, rows)
    facts = sum(part.facts for part in used)
    return StretchResult(intact, rows, facts, used[0].first_fact, used[-1].last_fact)


def block_key(key: bytes) -> bytes:
    """The key of a chain's block seals, derived from the chain's own key."""
    return hmac.digest(key, _BLOCK_PURPOSE, "sha256")


def _seals(connection: sqlite3.Connection, stretch: Stretch) -> list[tuple[int, int, str]]:
    """The block seals kept for blocks ending inside ``stretch``, by their last key."""
    try:
        found = connection.execute(
            f"SELECT upto, rows, seal FROM {BLOCK_TABLE} "  # noqa: S608 - a constant
            "WHERE chain = ? AND upto > ? AND upto <= ? ORDER BY upto",
            (stretch.table, stretch.after, stretch.upto),
        ).fetchall()
    except sqlite3.Error:  # no seals kept (an older schema): every row is checked
        return []
    return [
        (upto, rows, seal)
        for upto, rows, seal in found
        if isinstance(upto, int)
        and isinstance(rows, int)
        and isinstance(seal, str)
        and seal.isascii()  # hmac.compare_digest refuses other text
    ]


def _block_sql(stretch: Stretch) -> str:
    """One row: the block's row count; the JSON text of its rows in key order, every column
    but the MAC (with the facts rows they seal); its MACs end to end, and how many of them
    are TEXT of :data:`MAC_LENGTH` characters (fixed-length pieces split one way only, without
    the cost of JSON's escaping; a BLOB's length() counts bytes and group_concat gives its
    bytes as text, so a BLOB does not count; a NUL ends length() but not group_concat, and
    a sealed message holds none); how many facts rows, the first and last of their ids. The
    chained table is the outer side of the join, read by a range of its integer key, so its
    rows come in key order (were a planner ever to read them otherwise, the seal would not
    match and the rows would be checked one by one)."""
    key_column = stretch.columns[0]
    own = ", ".join(f"c.{name}" for name in stretch.columns)
    where = f"WHERE c.{key_column} > ? AND c.{key_column} <= ?"
    mac = f"c.{MAC_COLUMN}"
    macs = f"group_concat({mac}, ''), sum(typeof({mac}) = 'text' AND length({mac}) = {MAC_LENGTH})"
    if stretch.facts_table is None:
        return (
            f"SELECT count(*), json_group_array(json_array({own})), {macs}, 0, 0, 0 "  # noqa: S608
            f"FROM {stretch.table} AS c {where}"
        )
    fact_id = stretch.facts_columns[0]
    facts = ", ".join(f"f.{name}" for name in stretch.facts_columns)
    link = stretch.columns[stretch.link]
    when_null = stretch.columns[stretch.when_null]
    return (
        f"SELECT count(*), json_group_array(CASE WHEN f.{fact_id} IS NULL "  # noqa: S608
        f"THEN json_array({own}) ELSE json_array({own}, {facts}) END), {macs}, "
        f"count(f.{fact_id}), min(f.{fact_id}), max(f.{fact_id}) "
        f"FROM {stretch.table} AS c LEFT JOIN {stretch.facts_table} AS f "
        f"ON c.{when_null} IS NULL AND f.{fact_id} = c.{link} {where}"
    )


def _block_text(
    connection: sqlite3.Connection, block: Stretch
) -> tuple[str, str, StretchResult] | None:
    """What a seal of ``block`` covers: the MAC of the row before it (its first row is
    chained to that one), its rows' MACs and SQLite's JSON text of their other columns, as
    one message; that JSON text; and what the rows hold. None when SQLite cannot build the
    text (no JSON functions, a BLOB cell) or a MAC is not :data:`MAC_LENGTH` characters."""
    try:
        before = GENESIS
        if block.after:
            found = connection.execute(
                f"SELECT json_array({MAC_COLUMN}) FROM {block.table} "  # noqa: S608
                f"WHERE {block.columns[0]} = ?",
                (block.after,),
            ).fetchone()
            before = found[0] if found else "[]"
        count, text, macs, whole_macs, facts, first, last = connection.execute(
            _block_sql(block), (block.after, block.upto)
        ).fetchone()
    except (sqlite3.Error, UnicodeError, TypeError):
        return None
    if not count or whole_macs != count:
        return None
    message = f"{block.table}\n{block.after}\n{block.upto}\n{before}\n{macs}\n{text}"
    return message, str(text), StretchResult(True, count, facts, first or 0, last or 0)


def _sealed(key: bytes, message: str) -> str:
    return hmac.digest(block_key(key), message.encode("utf-8", "surrogateescape"), "sha256").hex()


def block_seal(
    connection: sqlite3.Connection, key: bytes, block: Stretch
) -> tuple[str, StretchResult] | None:
    """The seal of ``block``'s rows as they are now under the chain key ``key``, and what
    they hold (None when SQLite cannot build the text: see :func:`_block_text`)."""
    found = _block_text(connection, block)
    return None if found is None else (_sealed(key, found[0]), found[2])


def block_result(
    connection: sqlite3.Connection, key: bytes, block: Stretch, seal: str
) -> StretchResult | None:
    """What ``block`` holds when its rows match ``seal`` (every row there), else None."""
    found = block_seal(connection, key, block)
    if found is None or not hmac.compare_digest(found[0], seal):
        return None
    if found[1].rows != block.upto - block.after:
        return None
    return found[1]


def seal_for(connection: sqlite3.Connection, key: bytes, block: Stretch) -> str | None:
    """The seal to keep for ``block`` when each of its rows holds (checked one by one here,
    so a row changed before its block was sealed is never sealed in) and its JSON text says
    exactly what they hold (:func:`_exact`), else None."""
    checked = check_rows(connection, key, block)
    if not checked.intact or checked.rows != block.upto - block.after:
        return None
    found = _block_text(connection, block)
    if found is None or not _exact(found[1]):
        return None
    return _sealed(key, found[0])


def _no_fraction(text: str) -> float:
    raise ValueError(f"a REAL ({text})")


def _exact(text: str) -> bool:
    """Whether SQLite's JSON text of a block's rows holds no REAL. SQLite writes a REAL with
    15 digits (0.30000000000000004 and 0.3 both as 0.3) where a row's MAC takes it whole; a
    block without a REAL cannot become one with a REAL and the same text (an integer never
    reads as one), so its seal stands for its rows exactly."""
    try:
        json.loads(text, parse_float=_no_fraction)
    except ValueError:  # a REAL, or an infinity (SQLite writes Inf)
        return False
    return True


def request_text(database_uri: str, key: bytes, stretch: Stretch) -> str:
    """The one line a child reads: the database (a ``file:`` URI), the key and the stretch."""
    return json.dumps({"uri": database_uri, "key": key.hex(), "stretch": asdict(stretch)}) + "\n"


def answer(text: str) -> StretchResult:
    """A child's result from the line it wrote (ValueError when it is not one)."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("not a stretch result")
    return StretchResult(**data)


def child_main() -> int:
    """A child's work: one request read on standard input, its result written on standard
    output (``python -I chainscan.py``, or the frozen app run with :data:`CHILD_FLAG`)."""
    request = json.loads(sys.stdin.readline())
    fields = request["stretch"]
    for name in ("columns", "facts_columns"):
        fields[name] = tuple(fields[name])
    connection = sqlite3.connect(request["uri"], uri=True)
    try:
        result = check_stretch(connection, bytes.fromhex(request["key"]), Stretch(**fields))
    finally:
        connection.close()
    sys.stdout.write(json.dumps(asdict(result)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(child_main())
