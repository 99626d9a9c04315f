"""The journal's chain: a clean history verifies; every edit an attacker with the file (and
without the key) can make to the journal or the sales it describes is found and named.

Each tamper case works on the SQLite file directly, as an attacker would (dropping the
trigger that refuses journal updates first), and prints what it changed and what was found.
"""

from __future__ import annotations

import contextlib
import hmac
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import peewee as pw
import pytest

from pos_app.domain.sale_states import SaleState
from pos_app.store import Store, chain, chainscan, open_store
from pos_app.store.chain import GENESIS, JOURNAL, JOURNAL_FACTS, Sealer, canonical
from pos_app.store.sealing import JournalFacts
from pos_app.store.vault import key_file_for
from tests.store.conftest import Clock, new_sale, sqlite_url

Tamper = Callable[[sqlite3.Connection], str]


def make_history(store: Store, clock: Clock, sales: int = 4) -> None:
    """A few sales, each moved through some states (several journal rows each)."""
    for index in range(1, sales + 1):
        sale = store.add_sale(new_sale(index))
        clock.advance(seconds=1)
        store.record(sale.ref, "checked", detail={"note": "l'offre d'été"})
        store.transition(sale.ref, SaleState.WAITING, SaleState.SENDING, "send")
        if index % 2:
            store.transition(
                sale.ref, SaleState.SENDING, SaleState.ACCEPTED, "accepted", server_id=f"t{index}"
            )


BLOCKS = {"rows one by one": None, "sealed blocks of 4 rows": 4}
"""How the checks meet the rows: every row's MAC recomputed (the test histories are far
shorter than a real block), or most rows in sealed blocks (``chainscan``'s shortcut)."""


@pytest.fixture(params=list(BLOCKS))
def blocks(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int | None:
    """The block size the writer seals at (None: the default, never reached here)."""
    size = BLOCKS[request.param]
    if size is not None:
        monkeypatch.setattr(chainscan, "BLOCK_ROWS", size)
    return size


def sealed_blocks(db_path: Path, table: str = "journal") -> list[int]:
    """The last row of each sealed block of ``table``'s chain."""
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        found = connection.execute(
            "SELECT upto FROM chain_block WHERE chain = ? ORDER BY upto", (table,)
        )
        return [upto for (upto,) in found]


@contextlib.contextmanager
def raw(db_path: Path) -> Iterator[sqlite3.Connection]:
    """The file as an attacker opens it: triggers dropped, changes committed."""
    connection = sqlite3.connect(db_path)
    try:
        connection.execute("DROP TRIGGER IF EXISTS journal_no_update")
        connection.execute("DROP TRIGGER IF EXISTS journal_no_delete")
        yield connection
        connection.commit()
    finally:
        connection.close()


def test_a_clean_history_verifies(store: Store, clock: Clock) -> None:
    make_history(store, clock)
    check = store.verify_chain()
    rows = len([row for sale in store.iter_sales() for row in store.journal(sale.ref)])
    print(check.describe())
    assert check.ok and check.first_break is None and check.problems == 0
    assert check.rows == rows == 14
    assert check.head is not None and len(check.head) == 64
    assert store.chain_head() == (rows, check.head)


def test_an_empty_journal_verifies(store: Store) -> None:
    check = store.verify_chain()
    assert check.ok and check.rows == 0 and check.head is None and check.head_short == "-"


def test_the_macs_follow_the_documented_formula(store: Store, clock: Clock, db_path: Path) -> None:
    """mac_i = HMAC(chain key, mac_{i-1} || ascii(row values [+ sale facts])), from GENESIS."""
    sale = store.add_sale(new_sale(1))
    store.transition(sale.ref, SaleState.WAITING, SaleState.SENDING, "send")
    key = store.vault.subkey(JOURNAL.purpose)
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        rows = connection.execute(
            "SELECT id, sale_id, at, from_state, to_state, cause, detail, code_digest, mac "
            "FROM journal"
        ).fetchall()
        facts = connection.execute(
            "SELECT ref, line_type, number, face_value, cost, price, cashier, counter, "
            "created_at FROM sale"
        ).fetchone()
    first = hmac.new(key, GENESIS.encode() + canonical((*rows[0][:8], *facts)), "sha256")
    second = hmac.new(key, first.hexdigest().encode() + canonical(rows[1][:8]), "sha256")
    assert [rows[0][8], rows[1][8]] == [first.hexdigest(), second.hexdigest()]
    reference = hmac.new(key, GENESIS.encode() + b"x", "sha256").hexdigest()
    assert Sealer(key).mac(GENESIS, b"x") == reference


def edit_a_journal_row(connection: sqlite3.Connection) -> str:
    connection.execute("UPDATE journal SET cause = 'refund' WHERE id = 6")
    return "journal row 6: cause set to 'refund'"


def delete_a_journal_row(connection: sqlite3.Connection) -> str:
    connection.execute("DELETE FROM journal WHERE id = 5")
    return "journal row 5 deleted"


def insert_a_journal_row(connection: sqlite3.Connection) -> str:
    last = connection.execute("SELECT id, mac FROM journal ORDER BY id DESC LIMIT 1").fetchone()
    connection.execute(
        "INSERT INTO journal (id, sale_id, at, from_state, to_state, cause, detail, mac) "
        "VALUES (?, 1, 0, 'accepted', 'refunded', 'refund', NULL, ?)",
        (last[0] + 1, last[1]),
    )
    return f"journal row {last[0] + 1} added (a refund of sale 1, with a copied MAC)"


def swap_two_journal_rows(connection: sqlite3.Connection) -> str:
    columns = "sale_id, at, from_state, to_state, cause, detail, mac"
    three = connection.execute(f"SELECT {columns} FROM journal WHERE id = 3").fetchone()
    seven = connection.execute(f"SELECT {columns} FROM journal WHERE id = 7").fetchone()
    assignments = ", ".join(f"{name.strip()} = ?" for name in columns.split(","))
    connection.execute(f"UPDATE journal SET {assignments} WHERE id = 3", seven)
    connection.execute(f"UPDATE journal SET {assignments} WHERE id = 7", three)
    return "journal rows 3 and 7 swapped (every column but the id)"


def edit_a_sale_price(connection: sqlite3.Connection) -> str:
    connection.execute("UPDATE sale SET price = 1 WHERE id = 2")
    return "sale 2: price set to 1 DA"


def edit_a_sale_number(connection: sqlite3.Connection) -> str:
    connection.execute("UPDATE sale SET number = '036362699' WHERE id = 3")
    return "sale 3: number changed"


def edit_a_sale_state(connection: sqlite3.Connection) -> str:
    connection.execute("UPDATE sale SET state = 'refunded' WHERE id = 1")
    return "sale 1: state set to refunded"


def delete_the_last_row_of_a_sale(connection: sqlite3.Connection) -> str:
    connection.execute("DELETE FROM journal WHERE id = (SELECT MAX(id) FROM journal)")
    return "the newest journal row deleted (sale 4's move to sending)"


CASES: dict[str, tuple[Tamper, str, int | None]] = {
    "edit a journal row": (edit_a_journal_row, "journal", 6),
    "delete a journal row": (delete_a_journal_row, "journal", 6),
    "insert a journal row": (insert_a_journal_row, "journal", 15),
    "swap two journal rows": (swap_two_journal_rows, "journal", 3),
    "edit a sale's price": (edit_a_sale_price, "journal", None),
    "edit a sale's number": (edit_a_sale_number, "journal", None),
    "edit a sale's state": (edit_a_sale_state, "sale", 1),
    "delete the newest row": (delete_the_last_row_of_a_sale, "sale", 4),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_tampering_is_found_and_named(
    case: str,
    blocks: int | None,
    db_path: Path,
    clock: Clock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tamper, table, row_id = CASES[case]
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock)
        assert store.verify_chain().ok
        created = {s.id: row.id for s in store.iter_sales() for row in store.journal(s.ref)[:1]}
    assert sealed_blocks(db_path) == ([4, 8, 12] if blocks else [])
    with raw(db_path) as connection:
        changed = tamper(connection)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        check = store.verify_chain()
    with capsys.disabled():
        how = f"{len(sealed_blocks(db_path))} blocks sealed" if blocks else "no block sealed"
        print(f"\n  tamper [{case}, {how}] changed: {changed}\n    found: {check.describe()}")
    assert not check.ok and check.first_break is not None
    assert check.first_break.table == table
    if "sale's price" in case or "sale's number" in case:
        sale_id = 2 if "price" in case else 3
        row_id = created[sale_id]  # the sale's "created" row seals its facts
        assert "fixed facts of sale" in check.first_break.problem
    assert check.first_break.row_id == row_id, check.describe()


def test_a_cut_covered_by_a_z_report_is_found(db_path: Path, clock: Clock) -> None:
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock)
        store.close_period(counter="C1", cash_counted=None)
    with raw(db_path) as connection:
        connection.execute("DELETE FROM journal WHERE id > 12")
        connection.execute("UPDATE sale SET state = 'waiting' WHERE id = 4")  # hide the cut
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        check = store.verify_chain()
    print(check.describe())
    assert not check.ok and check.first_break is not None
    assert (check.first_break.table, check.first_break.row_id) == ("z_report", 1)
    assert "rows were cut" in check.first_break.problem


def test_migrating_a_v2_database_with_sales_seals_it(
    db_path: Path, clock: Clock, tmp_path: Path
) -> None:
    """A database of the previous version (made by the v2 migrations, sales written with
    plain SQL as v2 did) gets its MACs in id order, its trigger back, and verifies."""
    from pos_app.store import migrations

    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock)
        expected = store.verify_chain()
    v2 = tmp_path / "v2.sqlite3"
    with (
        contextlib.closing(sqlite3.connect(db_path)) as source,
        contextlib.closing(sqlite3.connect(v2)) as copy,
    ):
        source.backup(copy)
    with contextlib.closing(sqlite3.connect(v2)) as connection:
        connection.execute("DROP TRIGGER journal_no_update")
        connection.execute("UPDATE journal SET mac = NULL")
        connection.execute("ALTER TABLE journal DROP COLUMN mac")
        connection.execute("ALTER TABLE journal DROP COLUMN code_digest")
        connection.execute("ALTER TABLE z_report DROP COLUMN mac")
        connection.execute("ALTER TABLE z_report DROP COLUMN journal_head")
        connection.execute("DELETE FROM setting WHERE key LIKE 'vault.%'")
        connection.execute("DELETE FROM schema_version WHERE version > 2")
        connection.execute('DROP TABLE "action"')  # v3's tables (their triggers go with them)
        connection.execute('DROP TABLE "user"')
        connection.execute("DROP TABLE chain_block")  # v7's
        connection.execute(
            "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal "
            "BEGIN SELECT RAISE(ABORT, 'journal rows are never changed'); END"
        )
        connection.commit()
    with open_store(sqlite_url(v2), now=clock.now) as store:
        check = store.verify_chain()
    assert check.ok and check.rows == expected.rows == 14
    assert [name for name in v2.parent.iterdir() if name.name.startswith("v2.sqlite3.v2-to-v")]
    with contextlib.closing(sqlite3.connect(v2)) as connection:
        with pytest.raises(sqlite3.IntegrityError, match="never changed"):
            connection.execute("UPDATE journal SET cause = 'x' WHERE id = 1")
        versions = [v for (v,) in connection.execute("SELECT version FROM schema_version")]
    assert versions[-1] == migrations.latest_version()


# -- the fast check with child processes ---------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("case", list(CASES))
def test_each_tampering_is_found_when_children_share_the_check(
    case: str, blocks: int | None, db_path: Path, clock: Clock
) -> None:
    """The same tampering, checked with the rows shared with child processes from the first
    row on: the fast check never passes it, and the diagnosis is the one made here."""
    tamper, table, _ = CASES[case]
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock)
        assert store.verify_chain(parallel_from=1).ok
    with raw(db_path) as connection:
        tamper(connection)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        shared = store.verify_chain(parallel_from=1)
        alone = store.verify_chain(parallel_from=10**9)
    assert not shared.ok and shared.first_break is not None
    assert shared.first_break.table == table
    assert shared == alone


@pytest.mark.slow
@pytest.mark.parametrize("parallel_from", [1, 10**9])
def test_the_fast_scan_agrees_with_the_row_by_row_check(
    parallel_from: int, blocks: int | None, db_path: Path, clock: Clock
) -> None:
    """Rows, head and sealed sales of a clean history, with and without child processes."""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock, sales=9)
        key = store.vault.subkey(JOURNAL.purpose)
    database = pw.SqliteDatabase(str(db_path))
    try:
        with chain.read_snapshot(database):
            found = chain.scan(database, JOURNAL, key, JOURNAL_FACTS, parallel_from=parallel_from)
            slow = chain.verify_table(database, JOURNAL, Sealer(key), JournalFacts(database))
    finally:
        database.close()
    assert slow.ok and found is not None
    assert (found.rows, found.head, found.facts) == (slow.rows, slow.head, 9) and found.rows == 32
    assert len(sealed_blocks(db_path)) == (8 if blocks else 0)


@pytest.mark.slow
@pytest.mark.parametrize("executable", ["/nonexistent/python3", "/bin/true"])
def test_a_child_that_cannot_check_leaves_its_rows_to_this_process(
    executable: str, db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No interpreter to start, or one that answers nothing: the rows are checked here, and
    a tampering is still found."""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock)
        expected = store.verify_chain()
        monkeypatch.setattr(sys, "executable", executable)
        assert store.verify_chain(parallel_from=1) == expected
    with raw(db_path) as connection:
        edit_a_journal_row(connection)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        check = store.verify_chain(parallel_from=1)
    assert check.first_break is not None and check.first_break.row_id == 6


# -- the action log's chain ---------------------------------------------------------------


@contextlib.contextmanager
def raw_actions(db_path: Path) -> Iterator[sqlite3.Connection]:
    """The file as an attacker opens it: the action log's triggers dropped."""
    connection = sqlite3.connect(db_path)
    try:
        connection.execute("DROP TRIGGER IF EXISTS action_no_update")
        connection.execute("DROP TRIGGER IF EXISTS action_no_delete")
        yield connection
        connection.commit()
    finally:
        connection.close()


def make_actions(store: Store, clock: Clock, count: int = 6) -> None:
    for index in range(1, count + 1):
        clock.advance(seconds=5)
        store.note_action("Samir", "export.csv", {"rows": index, "note": "l'été"})


def edit_an_action(connection: sqlite3.Connection) -> str:
    connection.execute("UPDATE action SET who = 'Amina' WHERE id = 3")
    return "action 3: who set to Amina"


def delete_an_action(connection: sqlite3.Connection) -> str:
    connection.execute("DELETE FROM action WHERE id = 2")
    return "action 2 deleted"


def insert_an_action(connection: sqlite3.Connection) -> str:
    last = connection.execute("SELECT id, mac FROM action ORDER BY id DESC LIMIT 1").fetchone()
    connection.execute(
        "INSERT INTO action (id, at, who, action, detail, mac) "
        "VALUES (?, 0, 'Samir', 'z.close', NULL, ?)",
        (last[0] + 1, last[1]),
    )
    return f"action {last[0] + 1} added (with a copied MAC)"


def swap_two_actions(connection: sqlite3.Connection) -> str:
    columns = ("at", "who", "action", "detail", "mac")
    two = connection.execute(f"SELECT {', '.join(columns)} FROM action WHERE id = 2").fetchone()
    four = connection.execute(f"SELECT {', '.join(columns)} FROM action WHERE id = 4").fetchone()
    assignments = ", ".join(f"{name} = ?" for name in columns)
    connection.execute(f"UPDATE action SET {assignments} WHERE id = 2", four)
    connection.execute(f"UPDATE action SET {assignments} WHERE id = 4", two)
    return "actions 2 and 4 swapped (every column but the id)"


def drop_the_newest_mac(connection: sqlite3.Connection) -> str:
    connection.execute("UPDATE action SET mac = NULL WHERE id = (SELECT max(id) FROM action)")
    return "the newest action's MAC emptied"


ACTION_CASES: dict[str, tuple[Tamper, int, str]] = {
    "edit an action": (edit_an_action, 3, "does not match"),
    "delete an action": (delete_an_action, 3, "row 2 is missing"),
    "insert an action": (insert_an_action, 7, "does not match"),
    "swap two actions": (swap_two_actions, 2, "does not match"),
    "empty a MAC": (drop_the_newest_mac, 6, "no MAC"),
}


def test_the_action_log_is_chained_and_verified_with_the_journal(
    store: Store, clock: Clock
) -> None:
    make_history(store, clock, sales=2)
    make_actions(store, clock)
    check = store.verify_chain()
    assert check.ok and [part.table for part in check.parts] == ["journal", "action", "z_report"]
    journal, actions, reports = check.parts
    assert (check.rows, check.head) == (journal.rows, journal.head) == store.chain_head()
    assert actions.rows == 6 and actions.head == store.actions(limit=1)[0].mac
    assert (reports.rows, reports.head) == (0, None)
    described = f"{journal.describe()}; {actions.describe()}; {reports.describe()}"
    assert check.describe() == described
    assert "action: 6 rows" in check.describe()


@pytest.mark.parametrize("case", list(ACTION_CASES))
def test_each_tampering_of_the_action_log_is_found_and_named(
    case: str,
    blocks: int | None,
    db_path: Path,
    clock: Clock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tamper, row_id, problem = ACTION_CASES[case]
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock, sales=2)
        make_actions(store, clock)
        assert store.verify_chain().ok
    assert sealed_blocks(db_path, "action") == ([4] if blocks else [])
    with raw_actions(db_path) as connection:
        changed = tamper(connection)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        check = store.verify_chain()
    with capsys.disabled():
        how = "1 block sealed" if blocks else "no block sealed"
        print(f"\n  tamper [{case}, {how}] changed: {changed}\n    found: {check.describe()}")
    assert not check.ok and check.first_break is not None
    assert (check.first_break.table, check.first_break.row_id) == ("action", row_id)
    assert problem in check.first_break.problem
    assert check.parts[0].ok  # the journal itself still holds


def test_migration_6_seals_an_existing_action_log(
    db_path: Path, clock: Clock, tmp_path: Path
) -> None:
    """A version 4 database whose action rows have no MAC (as v3 wrote them) gets them in
    id order, its trigger back, and verifies; the log goes on from there."""
    from pos_app.store import migrations

    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock, sales=2)
        make_actions(store, clock, count=4)
        expected = store.verify_chain()
    old = tmp_path / "v4.sqlite3"
    with (
        contextlib.closing(sqlite3.connect(db_path)) as source,
        contextlib.closing(sqlite3.connect(old)) as copy,
    ):
        source.backup(copy)
    with contextlib.closing(sqlite3.connect(old)) as connection:
        connection.execute("DROP TRIGGER action_no_update")
        connection.execute("UPDATE action SET mac = NULL")
        connection.execute("ALTER TABLE action DROP COLUMN user_id")
        connection.execute("ALTER TABLE action DROP COLUMN user_digest")
        connection.execute("DELETE FROM schema_version WHERE version > 4")
        connection.execute("DROP TABLE chain_block")  # v7's
        connection.execute(
            "CREATE TRIGGER action_no_update BEFORE UPDATE ON action "
            "BEGIN SELECT RAISE(ABORT, 'action rows are never changed'); END"
        )
        connection.commit()
    shutil.copy(key_file_for(db_path), key_file_for(old))
    with open_store(sqlite_url(old), now=clock.now) as store:
        check = store.verify_chain()
        store.note_action("Samir", "z.close")
        after = store.verify_chain()
    assert check.ok and check.parts[1].rows == 4 and check == expected
    assert after.ok and after.parts[1].rows == 5
    with contextlib.closing(sqlite3.connect(old)) as connection:
        with pytest.raises(sqlite3.IntegrityError, match="never changed"):
            connection.execute("UPDATE action SET who = 'x' WHERE id = 1")
        assert connection.execute("SELECT count(*) FROM action WHERE mac IS NULL").fetchone() == (
            0,
        )
        versions = [v for (v,) in connection.execute("SELECT version FROM schema_version")]
    assert versions[-1] == migrations.latest_version() == 7


# -- block seals: a shortcut that hides nothing ------------------------------------------


@pytest.fixture
def four_row_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chainscan, "BLOCK_ROWS", 4)


def checked_one_by_one(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, int]]:
    """Each stretch of rows the checks of this process recompute row by row."""
    seen: list[tuple[str, int, int]] = []
    check_rows = chainscan.check_rows

    def spy(connection: sqlite3.Connection, key: bytes, stretch: chainscan.Stretch) -> Any:
        seen.append((stretch.table, stretch.after, stretch.upto))
        return check_rows(connection, key, stretch)

    monkeypatch.setattr(chainscan, "check_rows", spy)
    return seen


@pytest.mark.usefixtures("four_row_blocks")
def test_a_check_takes_each_sealed_block_whole(
    db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """14 journal rows, 6 actions: blocks 1-4, 5-8, 9-12 of the journal and 1-4 of the log
    sealed as they filled; a check recomputes only the rows after the last block."""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock)
        make_actions(store, clock)
        seen = checked_one_by_one(monkeypatch)
        check = store.verify_chain(parallel_from=10**9)
        slow = slow_journal_check(store, db_path)
    assert check.ok and (check.rows, check.head) == (slow.rows, slow.head) == (14, slow.head)
    assert sealed_blocks(db_path) == [4, 8, 12] and sealed_blocks(db_path, "action") == [4]
    assert seen == [("journal", 12, 14), ("action", 4, 6)]


@pytest.mark.usefixtures("four_row_blocks")
@pytest.mark.parametrize("forgery", ["seals removed", "seals made up", "seals moved"])
def test_a_removed_or_forged_seal_raises_no_alarm_and_hides_no_change(
    forgery: str, db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without its seal, or with a seal that is not its own, a block is checked row by row:
    a clean history still verifies, and an edited row is still found."""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock)
        clean = store.verify_chain()
    with raw(db_path) as connection:
        if forgery == "seals removed":
            connection.execute("DELETE FROM chain_block")
        elif forgery == "seals made up":
            connection.execute("UPDATE chain_block SET seal = ?", ("ab" * 32,))
        else:  # each block's seal given to the next one
            connection.execute("UPDATE chain_block SET upto = -upto")
            connection.execute("UPDATE chain_block SET upto = 4 - upto")
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        seen = checked_one_by_one(monkeypatch)
        assert store.verify_chain() == clean
        assert seen[0] == ("journal", 0, 14)  # no block taken whole
    with raw(db_path) as connection:
        edit_a_journal_row(connection)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        check = store.verify_chain()
    assert check.first_break is not None and check.first_break.row_id == 6


@pytest.mark.usefixtures("four_row_blocks")
def test_a_row_changed_before_its_block_filled_is_never_sealed(db_path: Path, clock: Clock) -> None:
    """The writer checks a block's rows one by one before sealing it: a row edited while its
    block was still open is not sealed in, and the check names it."""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        sale = store.add_sale(new_sale(1))
        store.record(sale.ref, "checked")
    with raw(db_path) as connection:
        connection.execute("UPDATE journal SET cause = 'refund' WHERE id = 2")
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        store.transition(sale.ref, SaleState.WAITING, SaleState.SENDING, "send")
        store.record(sale.ref, "checked again")  # row 4: the block is full
        check = store.verify_chain()
    assert sealed_blocks(db_path) == []
    assert check.first_break is not None and check.first_break.row_id == 2


def test_migration_7_seals_the_whole_blocks_already_there(
    db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A version 6 database (no block seals) gets a seal for each whole block that holds,
    and its check then takes them whole."""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock)
        expected = store.verify_chain()
    with raw(db_path) as connection:
        connection.execute("DROP TABLE chain_block")
        connection.execute("DELETE FROM schema_version WHERE version > 6")
    monkeypatch.setattr(chainscan, "BLOCK_ROWS", 4)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        seen = checked_one_by_one(monkeypatch)
        assert store.verify_chain(parallel_from=10**9) == expected
    assert sealed_blocks(db_path) == [4, 8, 12]
    assert seen[0] == ("journal", 12, 14)


# -- the review of the block seals: each hole found, as a test ------------------------------


def slow_journal_check(store: Store, db_path: Path) -> chain.ChainCheck:
    """The row-by-row check of the journal on its own connection (no block taken whole)."""
    database = pw.SqliteDatabase(str(db_path))
    try:
        sealer = Sealer(store.vault.subkey(JOURNAL.purpose))
        return chain.verify_table(database, JOURNAL, sealer, JournalFacts(database))
    finally:
        database.close()


@pytest.mark.usefixtures("four_row_blocks")
def test_a_block_sealed_after_a_changed_row_before_it_is_not_taken_whole(
    db_path: Path, clock: Clock
) -> None:
    """A block's first row is chained to the row before it: the attacker sets row 4's MAC
    to junk, the app chains rows 5-8 to it and seals them, then row 4 is put back. Each
    block matches the seal it got, yet row 5 does not follow row 4: the fast check must
    find what the row-by-row one finds."""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        sale = store.add_sale(new_sale(1))
        for index in range(3):
            store.record(sale.ref, f"checked {index}")  # rows 2-4: block 1-4 sealed
    with raw(db_path) as connection:
        (kept,) = connection.execute("SELECT mac FROM journal WHERE id = 4").fetchone()
        connection.execute("UPDATE journal SET mac = ? WHERE id = 4", ("ab" * 32,))
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        for index in range(4):
            store.record(sale.ref, f"checked again {index}")  # rows 5-8: chained to junk
    assert sealed_blocks(db_path) == [4, 8]
    with raw(db_path) as connection:
        connection.execute("UPDATE journal SET mac = ? WHERE id = 4", (kept,))
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        slow = slow_journal_check(store, db_path)
        check = store.verify_chain()
    print(check.describe())
    assert slow.first_break is not None and slow.first_break.row_id == 5
    assert check.first_break is not None and check.first_break.row_id == 5


@pytest.mark.usefixtures("four_row_blocks")
def test_a_seal_that_is_not_ascii_text_does_not_stop_the_check(db_path: Path, clock: Clock) -> None:
    """A seal cell of non-ASCII text (hmac.compare_digest refuses those) is a seal that does
    not match: the check goes on and names the edited row instead of failing."""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock)
    with raw(db_path) as connection:
        connection.execute("UPDATE chain_block SET seal = ? WHERE upto = 8", ("é" * 64,))
        edit_a_journal_row(connection)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        check = store.verify_chain()
    assert check.first_break is not None and check.first_break.row_id == 6


@pytest.mark.usefixtures("four_row_blocks")
def test_made_up_seals_cannot_make_the_check_read_the_rows_over_and_over(
    db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A made-up seal for every row, each covering all rows from the first (rows = upto):
    each one tried would render 1 + 2 + ... + 14 rows (a million rows: never done, and a
    break never shown). The seals tried cover each row once at most."""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock)
        clean = store.verify_chain()
    with raw(db_path) as connection:
        connection.execute("DELETE FROM chain_block")
        connection.executemany(
            "INSERT INTO chain_block (chain, upto, rows, seal) VALUES ('journal', ?, ?, ?)",
            [(upto, upto, "ab" * 32) for upto in range(1, 15)],
        )
    rendered: list[int] = []
    block_seal = chainscan.block_seal

    def spy(connection: sqlite3.Connection, key: bytes, block: chainscan.Stretch) -> Any:
        rendered.append(block.upto - block.after)
        return block_seal(connection, key, block)

    monkeypatch.setattr(chainscan, "block_seal", spy)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        assert store.verify_chain(parallel_from=10**9) == clean
    print(f"rows rendered for made-up seals: {rendered}")
    assert rendered and sum(rendered) <= 14


@pytest.mark.usefixtures("four_row_blocks")
def test_a_seal_that_ends_the_write_transaction_fails_the_sale(db_path: Path, clock: Clock) -> None:
    """An error while sealing that rolls the sale's whole transaction back (a full disk or
    an I/O error does; here a trigger raises it) must fail the sale, not be logged and
    passed over: the sale fails with that error and nothing of it is kept."""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        sale = store.add_sale(new_sale(1))
        store.record(sale.ref, "checked")
        store.record(sale.ref, "checked again")  # row 3: the next one fills the block
    with raw(db_path) as connection:
        connection.execute(
            "CREATE TRIGGER chain_block_full BEFORE INSERT ON chain_block "
            "BEGIN SELECT RAISE(ROLLBACK, 'database or disk is full'); END"
        )
    with (
        open_store(sqlite_url(db_path), now=clock.now) as store,
        pytest.raises((sqlite3.Error, pw.PeeweeException)) as failed,
    ):
        store.add_sale(new_sale(2))  # its created row is row 4
    causes: list[BaseException] = []
    error: BaseException | None = failed.value
    while error is not None:  # peewee's own rollback error comes first
        causes.append(error)
        error = error.__cause__ or error.__context__
    print("the sale failed:", " <- ".join(f"{type(cause).__name__}: {cause}" for cause in causes))
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        (journal_rows,) = connection.execute("SELECT count(*) FROM journal").fetchone()
        (sales,) = connection.execute("SELECT count(*) FROM sale").fetchone()
    assert (journal_rows, sales) == (3, 1)  # nothing half-saved
    assert any("disk is full" in str(cause) for cause in causes)  # the cause is kept


@pytest.mark.usefixtures("four_row_blocks")
def test_a_fraction_in_a_sealed_block_is_never_rounded_away(db_path: Path, clock: Clock) -> None:
    """SQLite's JSON text writes a REAL with 15 digits (0.30000000000000004 and 0.3 both as
    0.3) where a row's MAC takes it whole: a block holding a REAL is not sealed, so changing
    it to a neighbour is found by the fast check as by the row-by-row one. (The app writes
    whole numbers today; ``chain.append`` takes any value.)"""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        key = store.vault.subkey(chain.ACTIONS.purpose)
    database = pw.SqliteDatabase(str(db_path))
    try:
        for index in range(chainscan.BLOCK_ROWS):
            with database.atomic():
                chain.append(
                    database,
                    chain.ACTIONS,
                    Sealer(key),
                    {
                        "at": 0.1 + 0.2 if index == 1 else index,
                        "who": "Samir",
                        "action": "export.csv",
                        "detail": None,
                        "user_id": None,
                        "user_digest": None,
                    },
                )
        with raw_actions(db_path) as connection:
            connection.execute("UPDATE action SET at = 0.3 WHERE id = 2")
        with chain.read_snapshot(database):
            fast = chain.scan(database, chain.ACTIONS, key, parallel_from=10**9)
        slow = chain.verify_table(database, chain.ACTIONS, Sealer(key))
    finally:
        database.close()
    assert slow.first_break is not None and slow.first_break.row_id == 2
    assert fast is None


INVALID_UTF8 = {
    "a journal row's detail": (
        "UPDATE journal SET detail = CAST(x'61ff62' AS TEXT) WHERE id = 6",
        6,
    ),
    "a journal row's MAC": ("UPDATE journal SET mac = CAST(x'61ff62' AS TEXT) WHERE id = 6", 6),
    "a sale's card code": (
        "UPDATE sale SET card_code = CAST(x'61ff62' AS TEXT) WHERE id = 3",
        None,
    ),
    "a sale's number": ("UPDATE sale SET number = CAST(x'61ff62' AS TEXT) WHERE id = 2", None),
}


@pytest.mark.parametrize("blocks", list(BLOCKS), indirect=True)
@pytest.mark.parametrize("case", list(INVALID_UTF8))
def test_text_that_is_not_utf8_is_a_break_not_a_failed_check(
    case: str, blocks: int | None, db_path: Path, clock: Clock
) -> None:
    """An attacker stores bytes that are not UTF-8 as text (SQLite does not refuse them): the
    check says the books were changed, and where, instead of failing on the text."""
    sql, row_id = INVALID_UTF8[case]
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock)
    with raw(db_path) as connection:
        connection.execute(sql)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        check = store.verify_chain()
    print(f"{case}: {check.describe()}")
    assert check.first_break is not None
    assert row_id is None or check.first_break.row_id == row_id


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in app is a shell script")
def test_the_frozen_app_shares_a_check_with_children_of_itself(
    db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A frozen app has no interpreter to run chainscan.py: its children are the app itself,
    started with the child flag, which packaging/launcher.py hands over at once."""
    launcher = Path(__file__).resolve().parents[2] / "packaging" / "launcher.py"
    calls = tmp_path / "calls"
    app = tmp_path / "pos-app"
    app.write_text(
        f'#!/bin/sh\necho "$@" >> "{calls}"\nexec "{sys.executable}" "{launcher}" "$@"\n'
    )
    app.chmod(0o755)
    here: list[str] = []
    check_stretch = chainscan.check_stretch

    def spy(connection: sqlite3.Connection, key: bytes, stretch: chainscan.Stretch) -> Any:
        here.append(stretch.table)
        return check_stretch(connection, key, stretch)

    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock)
        expected = store.verify_chain()
        monkeypatch.setattr(sys, "frozen", True, raising=False)
        monkeypatch.setattr(sys, "executable", str(app))
        monkeypatch.setattr(chainscan, "check_stretch", spy)
        assert store.verify_chain(parallel_from=1) == expected
    started = calls.read_text().split()
    assert started and set(started) == {chainscan.CHILD_FLAG}
    assert "journal" not in here  # every journal stretch was checked by a child


@pytest.mark.usefixtures("four_row_blocks")
@pytest.mark.parametrize("move", ["a digit moved", "a MAC emptied into the next"])
def test_macs_moved_between_rows_of_a_sealed_block_are_found(
    move: str, db_path: Path, clock: Clock
) -> None:
    """A seal covers a block's MACs end to end: moving characters from one row's MAC to the
    next keeps that text, but not every MAC at its length, so the rows are checked one by
    one and the first changed row is named."""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock)
    assert sealed_blocks(db_path) == [4, 8, 12]
    with raw(db_path) as connection:
        six, seven = (
            mac for (mac,) in connection.execute("SELECT mac FROM journal WHERE id IN (6, 7)")
        )
        changed = {
            "a digit moved": (six[:-1], six[-1] + seven),
            "a MAC emptied into the next": (None, six + seven),
        }[move]
        connection.execute("UPDATE journal SET mac = ? WHERE id = 6", (changed[0],))
        connection.execute("UPDATE journal SET mac = ? WHERE id = 7", (changed[1],))
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        check = store.verify_chain()
    assert check.first_break is not None and check.first_break.row_id == 6, check.describe()


# -- the second review of the block seals ---------------------------------------------------


@pytest.mark.usefixtures("four_row_blocks")
def test_a_mac_stored_as_a_blob_in_a_sealed_block_is_found(db_path: Path, clock: Clock) -> None:
    """A MAC kept as a BLOB of its 64 digits: length() counts its bytes (64) and
    group_concat gives the same text, so the seal matched, yet the row-by-row check finds a
    MAC that is not text. The fast check must find what the row-by-row one finds."""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock)
    assert sealed_blocks(db_path) == [4, 8, 12]
    with raw(db_path) as connection:
        connection.execute("UPDATE journal SET mac = CAST(mac AS BLOB) WHERE id = 6")
        (kind,) = connection.execute("SELECT typeof(mac) FROM journal WHERE id = 6").fetchone()
    assert kind == "blob"
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        slow = slow_journal_check(store, db_path)
        check = store.verify_chain()
    print(check.describe())
    assert slow.first_break is not None and slow.first_break.row_id in (6, 7)
    assert check.first_break is not None and check.first_break.row_id == slow.first_break.row_id


@pytest.mark.slow
def test_rows_put_back_while_the_children_read_do_not_pass_the_parents_snapshot(
    db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parent's snapshot holds an edited row; the attacker puts the row back as the
    children start and edits it again once they answered. The children check the rows put
    back, the parent the sales and head of the edited ones: the check must not pass the
    books it was started on (each side read a different database)."""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        make_history(store, clock)
    with raw(db_path) as connection:
        (cause,) = connection.execute("SELECT cause FROM journal WHERE id = 6").fetchone()
        edit_a_journal_row(connection)
    start_child, child_result = chain._start_child, chain._child_result

    def put_back_then_start(*args: Any) -> Any:
        with raw(db_path) as connection:
            connection.execute("UPDATE journal SET cause = ? WHERE id = 6", (cause,))
        return start_child(*args)

    def answer_then_edit_again(child: Any) -> Any:
        found = child_result(child)
        with raw(db_path) as connection:
            edit_a_journal_row(connection)
        return found

    with open_store(sqlite_url(db_path), now=clock.now) as store:
        monkeypatch.setattr(chain, "_start_child", put_back_then_start)
        monkeypatch.setattr(chain, "_child_result", answer_then_edit_again)
        check = store.verify_chain(parallel_from=1)
        monkeypatch.undo()
        after = store.verify_chain(parallel_from=1)
    print(check.describe())
    assert after.first_break is not None and after.first_break.row_id == 6
    assert check.first_break is not None and check.first_break.row_id == 6
