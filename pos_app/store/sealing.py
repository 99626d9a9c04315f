"""The chains in the store, and ``verify_chain``: the journal, the action log and the Z
reports, each chained (``chain.py``), and what each seals beside its own rows.

- The journal's "created" row (``from_state`` NULL) of each sale seals that sale's fixed
  facts (``chain.SALE_FACTS``, its cost too); the row of a change that wrote a card code
  seals the digest of the code as stored (``journal.code_digest``). The check compares each
  sale's state with the state its last journal row moved it to, and its stored card code
  with the last digest sealed for it.
- An action row that changed a person (added, PIN, role, active) seals the digest of their
  name key, role, active flag and PIN hash (``action.user_digest``); the check compares
  each person's row with the newest digest sealed for them. The lock-out counters
  (``failed_pins``, ``lock_level``, ``locked_until``) and ``updated_at`` are not sealed: an
  edit there can lock a person out or lift a lock, never give a role or a PIN.
- Each Z report is a row of its own chain (every column, the report's body too); the
  check compares the journal head each Z recorded (in full) with the journal row it closed
  on, refuses a Z without a seal after the first sealed one, and compares the newest Z
  recorded outside the database at its close (``vault.anchors``) with the chain.

A break is reported, never repaired: it is for the manager. What no check can show: the
newest rows of every table cut back to an earlier moment when no Z recorded outside the
database (in the keyring, or the ``.anchor`` file beside the database) was closed after it;
and anything written by someone who holds the data key.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any, Final, cast

import peewee as pw

from pos_app.store import chain, vault
from pos_app.store.base import StoreBase, on_own_database
from pos_app.store.chain import (
    ACTIONS,
    JOURNAL,
    Z_REPORTS,
    ChainBreak,
    ChainCheck,
    FactSource,
    Sealer,
    code_digest,
    user_digest,
)
from pos_app.store.connection import sql_rows

_SALE_COLUMNS: Final = ("id", *chain.SALE_FACTS, "state", "card_code")
_BATCH: Final = 20_000
_CODE_DIGEST: Final = JOURNAL.columns.index("code_digest")


def _sales(database: pw.Database) -> Iterator[tuple[Any, ...]]:
    """Every sale's id, fixed facts, state and stored card code, by id, in batches."""
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
    agree), and notes every sale without one, every created row without its sale, every
    sale whose state is not the one its last journal row says, and every sale whose card
    code is not the one its last code digest sealed."""

    def __init__(self, database: pw.Database) -> None:
        self._sales = _sales(database)
        self._next: tuple[Any, ...] | None = next(self._sales, None)
        self._states: dict[int, tuple[str, str, object]] = {}
        self._last: dict[int, str] = {}
        self._codes: dict[int, object] = {}
        self._found: list[ChainBreak] = []

    def facts_for(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        sale_id = row[1]
        self._last[sale_id] = row[4]
        if row[_CODE_DIGEST] is not None:
            self._codes[sale_id] = row[_CODE_DIGEST]
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
        self._states[sale_id] = (sale[1], sale[-2], sale[-1])
        self._next = next(self._sales, None)
        return tuple(sale[1:-2])

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
        for sale_id, (ref, state, stored) in self._states.items():
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
            elif self._codes.get(sale_id, chain.NO_CODE) != code_digest(stored):
                self._found.append(
                    ChainBreak(
                        "sale",
                        sale_id,
                        f"sale {ref}'s card code is not the one its journal sealed (the code "
                        "was changed, emptied or added outside the app)",
                    )
                )
        return self._found


def journal_sealer(key: bytes) -> Sealer:
    """The sealer of the journal's chain under the chain sub-key ``key``."""
    return Sealer(key)


_DIGEST_FUNCTION: Final = "pos_code_digest"
_SALES_AGREE: Final = (
    "SELECT count(*), coalesce(sum(s.state IS NOT j.to_state "
    "OR pos_code_digest(s.card_code) IS NOT coalesce(j.code_digest, ("
    "SELECT k.code_digest FROM journal k WHERE k.sale_id = s.id AND k.code_digest IS NOT NULL "
    "ORDER BY k.id DESC LIMIT 1), 'none')), 0) "
    "FROM sale s LEFT JOIN journal j ON j.id = ("
    "SELECT max(m.id) FROM journal m WHERE m.sale_id = s.id)"
)
"""The sales, and how many of them are not in the state their last journal row moved them to
or do not hold the card code their last code digest sealed (one pass: the last row usually
holds both)."""


def _sales_agree(database: pw.Database) -> tuple[int, bool]:
    """How many sales there are, and whether each is in the state its last journal row says
    and holds the card code its last code digest says (SQLite only). With the scan's count
    of sealed facts rows (each sealed once at most), this says every sale was sealed by one
    "created" row."""
    connection: sqlite3.Connection = cast(Any, database).connection()
    connection.create_function(_DIGEST_FUNCTION, 1, code_digest, deterministic=True)
    try:
        sales, disagree = connection.execute(_SALES_AGREE).fetchone()
    except sqlite3.Error:  # a card code that is not UTF-8 text: the row-by-row check names it
        return -1, False
    return int(sales), int(disagree) == 0


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _body_seal(body: object) -> dict[str, Any] | None:
    """The ``chain`` part of a Z's body (None when it has none, or the body is no JSON)."""
    try:
        data = json.loads(body) if isinstance(body, str) else None
    except ValueError:
        return None
    sealed = data.get("chain") if isinstance(data, dict) else None
    return sealed if isinstance(sealed, dict) else None


def _z_problems(database: pw.Database, journal_rows: int) -> list[ChainBreak]:
    """Each Z report's recorded journal head against the journal row it closed on; a Z
    without a seal after the first sealed one; cells of the wrong type."""
    cursor = cast(Any, database).execute_sql(
        "SELECT number, last_sale_id, last_journal_id, journal_head, body FROM z_report "
        "ORDER BY number"
    )
    found: list[ChainBreak] = []
    first_sealed: int | None = None
    for number, last_sale, last_id, head, body in cursor.fetchall():

        def broken(problem: str, number: int = number) -> None:
            found.append(ChainBreak("z_report", number, f"Z {number} {problem}"))

        if not _whole(last_sale) or not _whole(last_id):
            broken(
                f"has bounds that are not whole numbers (last_sale_id {last_sale!r}, "
                f"last_journal_id {last_id!r}): edited outside the app"
            )
            continue
        sealed = _body_seal(body)
        if head is None and sealed is None:
            if first_sealed is not None:
                broken(f"has no chain seal, after Z {first_sealed} which has one (removed?)")
            continue  # a Z made before the chain existed
        first_sealed = first_sealed or number
        if (
            not isinstance(head, str)
            or len(head) != len(chain.GENESIS)
            or sealed is None
            or sealed.get("head") != head[:16]
            or sealed.get("rows") != last_id
        ):
            broken("has a damaged chain seal (its recorded journal head was edited)")
            continue
        if last_id > journal_rows:
            broken(
                f"closed on journal row {last_id}, but the journal now ends at row "
                f"{journal_rows} (rows were cut)"
            )
            continue
        mac = chain.mac_of(database, JOURNAL, last_id) if last_id else chain.GENESIS
        if mac != head:
            broken(
                f"recorded the chain head {head[:16]} at journal row {last_id}, which now "
                f"reads {(mac or '-')[:16]}"
            )
    return found


def _anchor_problems(database: pw.Database, anchors: Sequence[vault.Anchor]) -> list[ChainBreak]:
    """The newest Z recorded outside the database (at its close) against the Z chain."""
    found: list[ChainBreak] = []
    for anchor in anchors:
        mac = chain.mac_of(database, Z_REPORTS, anchor.number)
        if mac is None:
            problem = (
                f"Z {anchor.number}, recorded in {anchor.where} when it was closed, is missing: "
                "the newest Z reports were cut, or the database was put back from an older copy"
            )
        elif mac != anchor.mac:
            problem = (
                f"Z {anchor.number} is not the one recorded in {anchor.where} when it was "
                "closed: the Z reports were rewritten"
            )
        else:
            continue
        found.append(ChainBreak("z_report", anchor.number, problem))
    return found


def _user_problems(database: pw.Database) -> list[ChainBreak]:
    """Each person's name key, role, active flag and PIN hash against the newest digest the
    action log sealed for them; every sealed person still there."""
    sealed: dict[object, object] = {}
    for user_id, digest in sql_rows(
        database,
        "SELECT user_id, user_digest FROM action WHERE user_id IS NOT NULL ORDER BY id",
    ):
        sealed[user_id] = digest
    found: list[ChainBreak] = []
    people = sql_rows(
        database, 'SELECT id, name, name_key, role, active, pin_hash FROM "user" ORDER BY id'
    )
    for user_id, name, key, role, active, pin_hash in people:
        digest = sealed.pop(user_id, None)
        if digest is None:
            problem = f"{name} has no sealed action row (added outside the app)"
        elif digest != user_digest(key, role, active, pin_hash):
            problem = (
                f"{name}'s role, active flag or PIN hash is not what the action log sealed "
                "(changed outside the app)"
            )
        else:
            continue
        found.append(ChainBreak("user", int(user_id), problem))
    for user_id in sealed:
        found.append(
            ChainBreak(
                "user",
                user_id if isinstance(user_id, int) else None,
                f"the person with id {user_id}, sealed in the action log, is gone from the "
                "user table (deleted outside the app)",
            )
        )
    return found


def _with(check: ChainCheck, extra: list[ChainBreak]) -> ChainCheck:
    """``check`` with the problems ``extra`` found beside its MACs."""
    if not extra:
        return check
    first = check.first_break or extra[0]
    return ChainCheck(check.table, check.rows, check.head, first, check.problems + len(extra))


class Sealing(StoreBase):
    """The check of the chains (part of :class:`~pos_app.store.store.Store`)."""

    @on_own_database
    def verify_chain(self, *, parallel_from: int = chain.PARALLEL_FROM) -> ChainCheck:
        """Check the journal against its MACs and each sale against its journal; the
        action log against its MACs and each person against it; the Z reports against
        their MACs, the journal heads they recorded and the newest Z recorded outside the
        database. The journal's rows and head, the first break of any (table, row id, what
        is wrong), each table's line in ``describe()``. One read snapshot, never a write; a
        fast check first (in child processes from ``parallel_from`` rows), the row-by-row
        one only to say where a chain breaks."""
        self._open()
        anchors = vault.anchors(self._vault)
        with chain.read_snapshot(self._db):
            journal = self._verify_journal(parallel_from)
            actions = self._verify_actions(parallel_from)
            reports = self._verify_z_reports(journal.rows, anchors)
        return ChainCheck.joined(journal, [actions, reports])

    def _verify_journal(self, parallel_from: int) -> ChainCheck:
        sealer = self._sealer()
        sales: list[tuple[int, bool]] = []
        found = chain.scan(
            self._db,
            JOURNAL,
            sealer.key,
            chain.JOURNAL_FACTS,
            parallel_from=parallel_from,
            meanwhile=lambda: sales.append(_sales_agree(self._db)),
        )
        if found is not None and sales == [(found.facts, True)]:
            return ChainCheck(JOURNAL.table, found.rows, found.head)
        with chain.lenient_text(self._db):
            return chain.verify_table(self._db, JOURNAL, sealer, JournalFacts(self._db))

    def _verify_actions(self, parallel_from: int) -> ChainCheck:
        sealer = self._sealer(ACTIONS)
        found = chain.scan(self._db, ACTIONS, sealer.key, parallel_from=parallel_from)
        with chain.lenient_text(self._db):  # the people: a few rows
            if found is not None:
                check = ChainCheck(ACTIONS.table, found.rows, found.head)
            else:
                check = chain.verify_table(self._db, ACTIONS, sealer)
            return _with(check, _user_problems(self._db))

    def _verify_z_reports(self, journal_rows: int, anchors: Sequence[vault.Anchor]) -> ChainCheck:
        with chain.lenient_text(self._db):  # a few rows
            check = chain.verify_table(self._db, Z_REPORTS, self._sealer(Z_REPORTS))
            extra = _z_problems(self._db, journal_rows) + _anchor_problems(self._db, anchors)
        return _with(check, extra)

    @on_own_database
    def chain_head(self) -> tuple[int, str]:
        """The journal's row count (its last id) and head MAC (``chain.GENESIS`` when empty)."""
        self._open()
        return chain.head(self._db, JOURNAL)
