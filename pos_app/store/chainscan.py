"""The fast part of a chain check: one stretch of a chained table's rows checked against
their MACs on a plain ``sqlite3`` connection (see :mod:`pos_app.store.chain` for the
formula).

Each row's MAC is checked against the MAC stored in the row before it, so stretches can be
checked independently, in this process or in a child: this module imports the standard
library only, and ``python -I chainscan.py`` reads one request (JSON) on its standard input
and writes the result (JSON) on its standard output. The check only says whether every row
holds; where and why one does not is for the slower check of ``chain.verify_table``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any, Final

GENESIS: Final = "0" * 64
"""The MAC the first row of every chain follows."""
MAC_COLUMN: Final = "mac"
BATCH: Final = 20_000


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


def check_stretch(connection: sqlite3.Connection, key: bytes, stretch: Stretch) -> StretchResult:
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
                step.update((previous + text).encode())
                seal = new_outer()
                seal.update(step.digest())
                previous = row[-1]
                if seal.hexdigest() != previous:
                    return StretchResult(False, rows)
    except (TypeError, KeyError):  # a MAC that is not text, or facts that are not there
        return StretchResult(False, rows)
    if facts is None:
        return StretchResult(True, rows)
    return StretchResult(True, rows, facts.count, facts.first, facts.last)


def request_text(database_uri: str, key: bytes, stretch: Stretch) -> str:
    """The one line a child reads: the database (a ``file:`` URI), the key and the stretch."""
    return json.dumps({"uri": database_uri, "key": key.hex(), "stretch": asdict(stretch)}) + "\n"


def answer(text: str) -> StretchResult:
    """A child's result from the line it wrote (ValueError when it is not one)."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("not a stretch result")
    return StretchResult(**data)


def _child() -> int:
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
    raise SystemExit(_child())
