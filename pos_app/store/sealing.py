"""The chains in the store: the sale facts the journal seals, and ``verify_chain`` (the
journal and the action log).

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
from pos_app.store.chain import ACTIONS, JOURNAL, ChainBreak, ChainCheck, FactSource, Sealer
from pos_app.store.connection import sql_rows

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


_STATES_AGREE: Final = (
    "SELECT count(*) FROM sale s WHERE s.state IS NOT ("
    "SELECT j.to_state FROM journal j WHERE j.sale_id = s.id ORDER BY j.id DESC LIMIT 1)"
)
"""The sales whose state is not the one their last journal row moved them to."""


def _journal_holds(database: pw.Database, found: chain.Scan) -> bool:
    """Beside the MACs: every sale was sealed by one "created" row (the scan sealed each
    facts row once at most, so as many as there are sales) and is in the state its last
    journal row says."""
    (sales,) = sql_rows(database, "SELECT count(*) FROM sale")[0]
    if sales != found.facts:
        return False
    ((disagree,),) = sql_rows(database, _STATES_AGREE)
    return int(disagree) == 0


class Sealing(StoreBase):
    """The check of the chains (part of :class:`~pos_app.store.store.Store`)."""

    @on_own_database
    def verify_chain(self, *, parallel_from: int = chain.PARALLEL_FROM) -> ChainCheck:
        """Check the journal against its MACs, each sale against its journal, each Z's
        recorded head, and the action log against its MACs: the journal's rows and head,
        the first break of either (table, row id, what is wrong), each table's line in
        ``describe()``. One read snapshot, never a write; a fast check first (in child
        processes from ``parallel_from`` rows), the row-by-row one only to say where a
        chain breaks."""
        self._open()
        with chain.read_snapshot(self._db):
            journal = self._verify_journal(parallel_from)
            actions = self._verify_actions(parallel_from)
        return ChainCheck.joined(journal, [actions])

    def _verify_journal(self, parallel_from: int) -> ChainCheck:
        sealer = self._sealer()
        found = chain.scan(
            self._db, JOURNAL, sealer.key, chain.JOURNAL_FACTS, parallel_from=parallel_from
        )
        if found is not None and _journal_holds(self._db, found):
            extra = _z_problems(self._db, found.rows)
            if not extra:
                return ChainCheck(JOURNAL.table, found.rows, found.head)
        facts = JournalFacts(self._db)
        result = chain.verify_table(self._db, JOURNAL, sealer, facts)
        extra = _z_problems(self._db, result.rows)
        if not extra:
            return result
        first = result.first_break or extra[0]
        return ChainCheck(
            result.table, result.rows, result.head, first, result.problems + len(extra)
        )

    def _verify_actions(self, parallel_from: int) -> ChainCheck:
        sealer = self._sealer(ACTIONS)
        found = chain.scan(self._db, ACTIONS, sealer.key, parallel_from=parallel_from)
        if found is not None:
            return ChainCheck(ACTIONS.table, found.rows, found.head)
        return chain.verify_table(self._db, ACTIONS, sealer)

    @on_own_database
    def chain_head(self) -> tuple[int, str]:
        """The journal's row count (its last id) and head MAC (``chain.GENESIS`` when empty)."""
        self._open()
        return chain.head(self._db, JOURNAL)
