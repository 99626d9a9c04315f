"""The books against someone who can write the database file (and its folder) but does not
hold the data key: the Z reports, the data key's place and file, the people, the columns of
a sale that the chain did not cover, cells of the wrong type and the key file's mode.

Each case changes the SQLite file as an attacker would (the triggers that refuse updates
dropped first), then checks that ``verify_chain`` names the change, or that the store
refuses the key. A review found each of them passing as "intact" (issue 11, item 4).
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import os
import secrets
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from pos_app.cli import main
from pos_app.domain.sale_states import SaleState
from pos_app.domain.users import PinOutcome
from pos_app.store import ChainCheck, DataKeyError, Store, open_store
from pos_app.store import migrations as store_migrations
from pos_app.store.pins import new_pin_hash
from pos_app.store.vault import FILE_FORMAT, KEY_PLACE_SETTING, KEY_STORE_ENV, key_file_for
from tests.store.conftest import Clock, new_sale, sqlite_url
from tests.support.memory_keyring import MemoryKeyring, PlaintextMemoryKeyring

TRIGGERS = ("journal", "z_report", "action")


@contextlib.contextmanager
def raw(db_path: Path) -> Iterator[sqlite3.Connection]:
    """The file as an attacker opens it: every trigger that refuses a change dropped (and
    made again afterwards, so nothing shows), changes committed."""
    connection = sqlite3.connect(db_path)
    try:
        found = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        triggers = dict(found.fetchall())
        for name in triggers:
            connection.execute(f"DROP TRIGGER {name}")
        yield connection
        for sql in triggers.values():
            connection.execute(sql)
        connection.commit()
    finally:
        connection.close()


def sell(store: Store, n: int, code: str, clock: Clock) -> str:
    """A fulfilled sale with card code ``code``; its ref."""
    ref = store.add_sale(new_sale(n)).ref
    clock.advance(seconds=5)
    store.transition(ref, SaleState.WAITING, SaleState.SENDING, "send")
    store.transition(ref, SaleState.SENDING, SaleState.ACCEPTED, "accepted", server_id=f"T{n}")
    store.transition(ref, SaleState.ACCEPTED, SaleState.FULFILLED, "fulfilled", card_code=code)
    return ref


def day_with_a_z(db_path: Path, clock: Clock) -> list[str]:
    """Two sales, a Z with 2000 DA counted, then a third sale and a noted action."""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        refs = [sell(store, 1, "1111-2222-3333-4444", clock)]
        refs.append(sell(store, 2, "5555-6666-7777-8888", clock))
        store.close_period(counter="C1", cash_counted=2000, chain_intact=True)
        clock.advance(minutes=10)
        refs.append(sell(store, 3, "9999-0000-1111-2222", clock))
        store.note_action("Samir", "history.code.show", {"ref": refs[2]})
        assert store.verify_chain().ok
    return refs


def check_of(
    db_path: Path, clock: Clock, changed: str, capsys: pytest.CaptureFixture[str]
) -> ChainCheck:
    """What ``verify_chain`` finds now, printed with what was changed."""
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        check = store.verify_chain()
    with capsys.disabled():
        print(f"\n  changed: {changed}\n    found: {check.describe()}")
    return check


# -- 1. the Z reports ---------------------------------------------------------------------


def shift_a_z_bound(connection: sqlite3.Connection) -> str:
    connection.execute("UPDATE z_report SET last_sale_id = last_sale_id + 1")
    return "Z 1's last_sale_id + 1 (the next sale moved out of the open period)"


def null_the_z_seal(connection: sqlite3.Connection) -> str:
    (body,) = connection.execute("SELECT body FROM z_report").fetchone()
    data = json.loads(body)
    data["chain"] = None
    connection.execute("UPDATE z_report SET body = ?", (json.dumps(data),))
    return "Z 1's body: chain set to null"


def empty_the_z_head(connection: sqlite3.Connection) -> str:
    (body,) = connection.execute("SELECT body FROM z_report").fetchone()
    data = json.loads(body)
    data["chain"]["head"] = ""
    connection.execute("UPDATE z_report SET body = ?", (json.dumps(data),))
    return "Z 1's body: chain head set to ''"


def edit_the_z_money(connection: sqlite3.Connection) -> str:
    connection.execute(
        "UPDATE z_report SET cash_counted = 1000, body = replace(body, '2000', '1000')"
    )
    return "Z 1: cash counted and the body's totals 2000 -> 1000"


def drop_the_z_journal_head(connection: sqlite3.Connection) -> str:
    connection.execute("UPDATE z_report SET journal_head = NULL")
    return "Z 1: its recorded journal head emptied"


Z_CASES = {
    "a bound shifted": shift_a_z_bound,
    "the seal nulled": null_the_z_seal,
    "the head emptied": empty_the_z_head,
    "the money edited": edit_the_z_money,
}


@pytest.mark.parametrize("case", list(Z_CASES))
def test_an_edited_z_report_is_found(
    case: str, db_path: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    day_with_a_z(db_path, clock)
    with raw(db_path) as connection:
        changed = Z_CASES[case](connection)
    check = check_of(db_path, clock, changed, capsys)
    assert not check.ok and check.first_break is not None
    assert (check.first_break.table, check.first_break.row_id) == ("z_report", 1)


def cut_the_last_z_and_after(connection: sqlite3.Connection) -> str:
    sales = [sale_id for (sale_id,) in connection.execute("SELECT id FROM sale WHERE id > 1")]
    marks = ", ".join("?" * len(sales))
    connection.execute(f"DELETE FROM journal WHERE sale_id IN ({marks})", sales)
    connection.execute(f"DELETE FROM sale WHERE id IN ({marks})", sales)
    connection.execute("DELETE FROM z_report")
    connection.execute("DELETE FROM action")
    return "Z 1, the sale it closed after the first, every later sale and action deleted"


@pytest.mark.parametrize("keyring_kind", ["secure keyring", "no secure keyring"])
def test_the_last_z_cut_with_everything_after_it_is_found(
    keyring_kind: str, db_path: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    """The newest Z is also kept outside the database at its close: in the keyring, and in
    a file beside the database (all there is without a secure keyring)."""
    if keyring_kind == "no secure keyring":
        keyring.set_keyring(PlaintextMemoryKeyring())
    day_with_a_z(db_path, clock)
    with raw(db_path) as connection:
        changed = cut_the_last_z_and_after(connection)
    check = check_of(db_path, clock, changed, capsys)
    assert not check.ok and check.first_break is not None
    assert (check.first_break.table, check.first_break.row_id) == ("z_report", 1)
    assert "is missing" in check.first_break.problem


def test_a_later_z_without_its_seal_is_a_break(
    db_path: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    day_with_a_z(db_path, clock)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        store.close_period(counter="C1", cash_counted=None)
        assert store.verify_chain().ok
    with raw(db_path) as connection:
        changed = drop_the_z_journal_head(connection)
    check = check_of(db_path, clock, changed, capsys)
    assert not check.ok and check.first_break is not None
    assert check.first_break.table == "z_report" and check.first_break.row_id in (1, 2)


# -- 5. cells of the wrong type -----------------------------------------------------------


def test_a_z_cell_of_the_wrong_type_is_a_break_and_the_reports_go_on(
    db_path: Path,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    day_with_a_z(db_path, clock)
    with raw(db_path) as connection:
        connection.execute("UPDATE z_report SET last_journal_id = 'x'")
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        check = store.verify_chain()
        figures = store.open_period_figures()  # the X report of the open period
        assert sum(group.count for group in figures.groups) == 3  # from the Z before: none
        assert [z.number for z in store.z_reports()] == [1]
        closed = store.close_period(counter="C1", cash_counted=None)
    assert not check.ok and check.first_break is not None
    assert (check.first_break.table, check.first_break.row_id) == ("z_report", 1)
    assert closed.number == 2
    monkeypatch.setenv("POS_DB_URL", sqlite_url(db_path))
    capsys.readouterr()
    assert main(["verify"]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "z_report row 1" in out


# -- 2. the data key ----------------------------------------------------------------------


def plant_a_key_file(db_path: Path) -> bytes:
    """The attacker's own key, in a key file naming the database's store id."""
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        (store_id,) = connection.execute(
            "SELECT value FROM setting WHERE key = 'vault.store_id'"
        ).fetchone()
    mine = secrets.token_bytes(32)
    text = json.dumps(
        {"format": FILE_FORMAT, "store_id": store_id, "key": base64.b64encode(mine).decode()}
    )
    key_file = key_file_for(db_path)
    key_file.write_text(text, encoding="utf-8")
    key_file.chmod(0o600)
    return mine


def test_a_key_moved_to_a_file_while_the_keyring_holds_it_is_refused(
    db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEY_STORE_ENV)  # the key goes to the (memory) keyring
    day_with_a_z(db_path, clock)
    plant_a_key_file(db_path)
    with raw(db_path) as connection:
        connection.execute("UPDATE setting SET value = 'file' WHERE key = ?", (KEY_PLACE_SETTING,))
    with pytest.raises(DataKeyError, match="keyring holds this database's key"):
        open_store(sqlite_url(db_path), now=clock.now)


def test_a_swapped_key_file_is_refused_where_a_keyring_keeps_its_fingerprint(
    db_path: Path, clock: Clock, memory_keyring: MemoryKeyring
) -> None:
    day_with_a_z(db_path, clock)  # the key in the file (the suite's setting)
    secret_values = set(memory_keyring.entries.values())
    key_text = json.loads(key_file_for(db_path).read_text(encoding="utf-8"))["key"]
    assert key_text not in secret_values, "the keyring keeps a fingerprint, not the key"
    plant_a_key_file(db_path)
    with pytest.raises(DataKeyError, match="does not hold the key"):
        open_store(sqlite_url(db_path), now=clock.now)


def test_a_readable_key_file_is_made_private_with_a_warning(
    db_path: Path, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    if os.name != "posix":
        pytest.skip("file modes are POSIX")
    with open_store(sqlite_url(db_path), now=clock.now):
        pass
    key_file = key_file_for(db_path)
    key_file.chmod(0o644)
    with caplog.at_level(logging.WARNING), open_store(sqlite_url(db_path), now=clock.now):
        pass
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert "could be read by other users" in caplog.text


# -- 3. the people ------------------------------------------------------------------------


def shop_with_people(db_path: Path, clock: Clock) -> None:
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        store.add_user("Boss", "1234", "manager", by="test")
        store.add_user("Cash", "5678", "cashier", by="test")
        store.set_pin("Cash", "8765", by="Boss")
        store.check_pin("Cash", "0000")  # a wrong try: counted, not sealed
        assert store.verify_chain().ok


def promote_a_cashier(connection: sqlite3.Connection) -> str:
    connection.execute(
        "UPDATE user SET role = 'manager', pin_hash = ? WHERE name = 'Cash'",
        (new_pin_hash("0000"),),
    )
    return "Cash: role manager, PIN hash of 0000"


def enable_and_rehash(connection: sqlite3.Connection) -> str:
    connection.execute("UPDATE user SET pin_hash = ? WHERE name = 'Boss'", (new_pin_hash("1111"),))
    return "Boss: PIN hash of 1111"


def add_a_manager(connection: sqlite3.Connection) -> str:
    connection.execute(
        "INSERT INTO user (name, name_key, role, pin_hash, active, failed_pins, lock_level, "
        "created_at, updated_at) VALUES ('Eve', 'eve', 'manager', ?, 1, 0, 0, 0, 0)",
        (new_pin_hash("4321"),),
    )
    return "a manager Eve added"


def remove_a_person(connection: sqlite3.Connection) -> str:
    connection.execute("DELETE FROM user WHERE name = 'Cash'")
    return "Cash deleted"


PEOPLE_CASES = {
    "a cashier made manager": (promote_a_cashier, 2),
    "a PIN hash replaced": (enable_and_rehash, 1),
    "a manager added": (add_a_manager, 3),
    "a person removed": (remove_a_person, 2),
}


@pytest.mark.parametrize("case", list(PEOPLE_CASES))
def test_a_person_changed_outside_the_app_is_found(
    case: str, db_path: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    shop_with_people(db_path, clock)
    tamper, user_id = PEOPLE_CASES[case]
    with raw(db_path) as connection:
        changed = tamper(connection)
    check = check_of(db_path, clock, changed, capsys)
    assert not check.ok and check.first_break is not None
    assert (check.first_break.table, check.first_break.row_id) == ("user", user_id)


SIGN_IN_CASES = {
    "a cashier made manager": (promote_a_cashier, "Cash", "0000"),
    "a PIN hash replaced": (enable_and_rehash, "Boss", "1111"),
    "a manager added": (add_a_manager, "Eve", "4321"),
}


@pytest.mark.parametrize("case", list(SIGN_IN_CASES))
def test_a_person_changed_outside_the_app_cannot_sign_in(
    case: str, db_path: Path, clock: Clock
) -> None:
    """Not only found by verify: the PIN planted with the row is refused at the lock screen."""
    shop_with_people(db_path, clock)
    tamper, name, pin = SIGN_IN_CASES[case]
    with raw(db_path) as connection:
        tamper(connection)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        check = store.check_pin(name, pin)
    assert check.outcome is PinOutcome.UNSEALED and not check.accepted


def test_people_changed_by_the_app_still_sign_in(db_path: Path, clock: Clock) -> None:
    shop_with_people(db_path, clock)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        store.set_pin("Cash", "2468", by="Boss")
        assert store.check_pin("Cash", "2468").accepted
        assert store.check_pin("Boss", "0000").outcome is not PinOutcome.UNSEALED


def test_the_lock_out_counters_are_not_sealed(db_path: Path, clock: Clock) -> None:
    """They change at every wrong PIN; an edit there locks someone out or lifts a lock."""
    shop_with_people(db_path, clock)
    with raw(db_path) as connection:
        connection.execute("UPDATE user SET failed_pins = 0, lock_level = 3, locked_until = 1")
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        assert store.verify_chain().ok


# -- 4. the sale columns the chain did not cover -------------------------------------------


def edit_a_cost(connection: sqlite3.Connection) -> str:
    connection.execute("UPDATE sale SET cost = 0 WHERE id = 1")
    return "sale 1: cost set to 0 (the margin on the X and Z grows)"


def empty_a_card_code(connection: sqlite3.Connection) -> str:
    connection.execute("UPDATE sale SET card_code = NULL, code_tail = NULL WHERE id = 1")
    return "sale 1: card code emptied"


def copy_a_card_code(connection: sqlite3.Connection) -> str:
    connection.execute(
        "UPDATE sale SET card_code = (SELECT card_code FROM sale WHERE id = 2) WHERE id = 1"
    )
    return "sale 1: card code of sale 2 copied over"


def plant_a_card_code(connection: sqlite3.Connection) -> str:
    connection.execute(
        "UPDATE sale SET card_code = (SELECT card_code FROM sale WHERE id = 2) WHERE id = 4"
    )
    return "sale 4 (never fulfilled): a card code planted"


SALE_CASES = {
    "a cost edited": (edit_a_cost, "journal"),
    "a card code emptied": (empty_a_card_code, "sale"),
    "a card code copied": (copy_a_card_code, "sale"),
    "a card code planted": (plant_a_card_code, "sale"),
}


@pytest.mark.parametrize("case", list(SALE_CASES))
def test_a_sale_column_outside_the_old_seal_is_found(
    case: str, db_path: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    day_with_a_z(db_path, clock)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        store.add_sale(new_sale(4))
    tamper, table = SALE_CASES[case]
    with raw(db_path) as connection:
        changed = tamper(connection)
    check = check_of(db_path, clock, changed, capsys)
    assert not check.ok and check.first_break is not None
    assert check.first_break.table == table
    if table == "sale":
        assert "card code" in check.first_break.problem


# -- a real version 2 database ------------------------------------------------------------


def test_a_v2_database_with_codes_and_a_z_migrates_and_is_sealed(
    db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made by the v1 and v2 migrations only, its rows written with plain SQL as v2 did
    (card codes in clear, a Z without a chain); then opened by this version."""
    with monkeypatch.context() as patch:
        patch.setattr(store_migrations, "MIGRATIONS", store_migrations.MIGRATIONS[:2])
        with open_store(sqlite_url(db_path), now=clock.now):
            pass
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        for n in (1, 2):
            connection.execute(
                "INSERT INTO sale (id, ref, line_type, number, face_value, cost, price, state, "
                "card_code, code_tail, cashier, counter, created_at, updated_at, send_attempts, "
                "not_found_count) VALUES (?, ?, 'ADSL', '036362608', 1000, 980, 1000, "
                "'fulfilled', ?, '4444', 'amina', 'C1', 0, 0, 1, 0)",
                (n, f"C1-20260301T093000-0000000{n}", f"1111-2222-3333-{n}444"),
            )
            for step, (from_state, to_state) in enumerate(
                [(None, "waiting"), ("waiting", "sending"), ("sending", "fulfilled")]
            ):
                connection.execute(
                    "INSERT INTO journal (sale_id, at, from_state, to_state, cause) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (n, step, from_state, to_state, to_state),
                )
        connection.execute(
            "INSERT INTO z_report (number, counter, opened_at, closed_at, created_at, "
            "cash_counted, last_sale_id, last_journal_id, body) "
            "VALUES (1, 'C1', 0, 10, 10, 2000, 2, 6, '{}')"
        )
        connection.commit()
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        check = store.verify_chain()
        clear = [sale.card_code for sale in store.iter_sales()]
        store.close_period(counter="C1", cash_counted=None)
        after = store.verify_chain()
    assert check.ok, check.describe()
    assert clear == ["1111-2222-3333-1444", "1111-2222-3333-2444"]
    assert after.ok and after.parts[2].rows == 2
    with raw(db_path) as connection:
        empty_a_card_code(connection)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        broken = store.verify_chain()
    assert broken.first_break is not None and broken.first_break.table == "sale"
