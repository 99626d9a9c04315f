"""The journal's chain in the store: the sale facts it seals, and ``verify_chain``.

The journal's "created" row (``from_state`` NULL) of each sale seals that sale's fixed
facts (``chain.SALE_FACTS``); the check also compares each sale's current state with the
state its last journal row moved it to, and each Z report's recorded chain head with the
journal row it closed on. A break is reported, never repaired: it is for the manager.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Final, cast

import peewee as pw

from pos_app.store import chain
from pos_app.store.base import StoreBase, on_own_database
from pos_app.store.chain import JOURNAL, ChainBreak, ChainCheck, FactSource, Sealer

_SALE_COLUMNS: Final = ("id", *chain.SALE_FACTS, "state")
_BATCH: Final = 20_000


def _sales(database: pw.Database) -> Iterator[tuple[Any, ...]]:
    """Every sale's id, fixed facts and state, by id, in batches."""
    columns = ", ".join(_SALE_COLUMNS)
    last = 0
    while True:
        cursor = cast(Any, database).execute_sql(
            f"SELECT {columns} FROM sale WHERE id > ? ORDER BY id LIMIT {_BATCH}",  # noqa: S608
            (last,),
        )
        rows = cursor.fetchall()
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


class JournalFacts(FactSource):
    """Hands each "created" journal row its sale's facts, walking the sales by id beside the
    journal (a sale and its created row are written in one transaction, so both orders
    agree), and notes every sale without one, every created row without its sale, and every
    sale whose state is not the one its last journal row says."""

    def __init__(self, database: pw.Database) -> None:
        self._sales = _sales(database)
        self._next: tuple[Any, ...] | None = next(self._sales, None)
        self._states: dict[int, tuple[str, str]] = {}
        self._last: dict[int, str] = {}
        self._found: list[ChainBreak] = []

    def facts_for(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        sale_id = row[1]
        self._last[sale_id] = row[4]
        if row[3] is not None:
            return ()
        sale = self._next
        while sale is not None and sale[0] < sale_id:
            self._orphan(sale)
            sale = next(self._sales, None)
        if sale is None or sale[0] != sale_id:
            self._next = sale
            self._found.append(
                ChainBreak(
                    "journal",
                    row[0],
                    f"it creates sale id {sale_id}, which is not in the sale table (deleted?)",
                )
            )
            return ()
        self._states[sale_id] = (sale[1], sale[-1])
        self._next = next(self._sales, None)
        return tuple(sale[1:-1])

    def _orphan(self, sale: tuple[Any, ...]) -> None:
        self._found.append(
            ChainBreak(
                "sale",
                sale[0],
                f"sale {sale[1]} has no 'created' journal row (added outside the app)",
            )
        )

    def problems(self) -> list[ChainBreak]:
        sale = self._next
        while sale is not None:
            self._orphan(sale)
            sale = next(self._sales, None)
        self._next = None
        for sale_id, (ref, state) in self._states.items():
            last = self._last.get(sale_id)
            if last != state:
                self._found.append(
                    ChainBreak(
                        "sale",
                        sale_id,
                        f"sale {ref} is {state!r} but its last journal row says {last!r} "
                        "(its state was changed outside the app, or a journal row deleted)",
                    )
                )
        return self._found


def _z_problems(database: pw.Database, rows: int) -> list[ChainBreak]:
    """Each Z report's recorded chain head against the journal row it closed on."""
    cursor = cast(Any, database).execute_sql(
        "SELECT number, last_journal_id, body FROM z_report ORDER BY number"
    )
    found: list[ChainBreak] = []
    for number, last_id, body in cursor.fetchall():
        try:
            sealed = json.loads(body).get("chain")
        except (ValueError, AttributeError):
            sealed = None
        if not isinstance(sealed, dict) or not isinstance(sealed.get("head"), str):
            continue  # a Z made before the chain existed
        if int(last_id) > rows:
            found.append(
                ChainBreak(
                    "z_report",
                    int(number),
                    f"Z {number} closed on journal row {last_id}, but the journal now ends at "
                    f"row {rows} (rows were cut)",
                )
            )
            continue
        if int(last_id) == 0:
            continue
        mac = chain.mac_of(database, JOURNAL, int(last_id))
        if mac is None or not mac.startswith(sealed["head"]):
            found.append(
                ChainBreak(
                    "z_report",
                    int(number),
                    f"Z {number} recorded the chain head {sealed['head']} at journal row "
                    f"{last_id}, which now reads {(mac or '-')[:16]}",
                )
            )
    return found


def journal_sealer(key: bytes) -> Sealer:
    """The sealer of the journal's chain under the chain sub-key ``key``."""
    return Sealer(key)


class Sealing(StoreBase):
    """The check of the journal's chain (part of :class:`~pos_app.store.store.Store`)."""

    @on_own_database
    def verify_chain(self) -> ChainCheck:
        """Check the whole journal against its MACs, each sale against its journal, and each
        Z's recorded head: rows checked, the head MAC, the first break (table, row id, what
        is wrong). Reads in batches; never writes, never blocks the writer for long."""
        self._open()
        facts = JournalFacts(self._db)
        result = chain.verify_table(self._db, JOURNAL, self._sealer(), facts)
        extra = _z_problems(self._db, result.rows)
        if not extra:
            return result
        first = result.first_break or extra[0]
        return ChainCheck(
            result.table, result.rows, result.head, first, result.problems + len(extra)
        )

    @on_own_database
    def chain_head(self) -> tuple[int, str]:
        """The journal's row count (its last id) and head MAC (``chain.GENESIS`` when empty)."""
        self._open()
        return chain.head(self._db, JOURNAL)
