"""Card codes at rest (issue 11 item 5): the database keeps only AES-GCM ciphertext (the
data key's card-codes sub-key, a fresh nonce per write, the sale's ref as associated data).
Codes read back whole where they are shown or exported; a code that does not decrypt is an
error state of that sale, never a crash; the migration encrypts an older database's codes
and leaves none of them in the live file, its -wal or -shm (the backup made before it keeps
them, by design)."""

from __future__ import annotations

import base64
import csv
import io
import json
import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from pos_app.cli import main
from pos_app.cli.orders import sale_json
from pos_app.domain.cards import code_tail
from pos_app.domain.sale_states import SaleState
from pos_app.store import HistoryFilter, Store, open_store, write_history_csv
from pos_app.store import migrations as store_migrations
from pos_app.store.codes import SEALED_PREFIX, UNREADABLE
from pos_app.store.connection import sql_rows
from pos_app.store.vault import FILE_FORMAT, KEYRING_SERVICE, fingerprint_account, key_file_for
from tests.store.conftest import Clock, new_sale, sqlite_url
from tests.support.canary import search

CODES_VERSION = 5
TO_FULFILLED = (
    (SaleState.WAITING, SaleState.SENDING),
    (SaleState.SENDING, SaleState.ACCEPTED),
)


def unique_code() -> str:
    """A 16-digit card code made for this test (its forms appear nowhere by chance)."""
    return "9" + "".join(secrets.choice("0123456789") for _ in range(15))


def sell(store: Store, n: int, code: str) -> str:
    """Sale ``n`` taken to FULFILLED with ``code``; its ref."""
    ref = store.add_sale(new_sale(n)).ref
    for before, after in TO_FULFILLED:
        store.transition(ref, before, after, "test")
    store.transition(ref, SaleState.ACCEPTED, SaleState.FULFILLED, "done", card_code=code)
    return ref


def database_files(db_path: Path) -> dict[str, Path]:
    names = (db_path.name, db_path.name + "-wal", db_path.name + "-shm")
    return {name: db_path.with_name(name) for name in names if db_path.with_name(name).exists()}


def stored_codes(db_path: Path) -> dict[str, str | None]:
    with sqlite3.connect(db_path) as raw:
        return dict(raw.execute("SELECT ref, card_code FROM sale ORDER BY id").fetchall())


def csv_codes(path: Path) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    return {row["ref"]: row["card_code"] for row in rows}


def test_a_written_code_is_in_no_database_file_in_any_form_and_reads_back_whole(
    db_path: Path, clock: Clock
) -> None:
    codes = [unique_code(), unique_code(), "AB12-CD34-EF56"]
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        refs = [sell(store, n, code) for n, code in enumerate(codes, 1)]
        files = database_files(db_path)
        assert f"{db_path.name}-wal" in files  # searched while the log still holds the writes
        while_open = search(files, {"card code": codes})
        assert [store.get(ref).card_code for ref in refs] == codes  # type: ignore[union-attr]
        assert [sale.card_code for sale in store.iter_sales()] == codes
    print(while_open.table())
    assert while_open.count("card code") == 0, while_open.where("card code")
    after = search(database_files(db_path), {"card code": codes})
    assert after.count("card code") == 0, after.where("card code")
    stored = stored_codes(db_path)
    assert all(value and value.startswith(SEALED_PREFIX) for value in stored.values())
    assert len(set(stored.values())) == len(codes)


def test_the_same_code_is_sealed_afresh_each_time_it_is_written(
    db_path: Path, clock: Clock
) -> None:
    code = unique_code()
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        refs = [sell(store, n, code) for n in (1, 2)]
        assert {store.get(ref).card_code for ref in refs} == {code}  # type: ignore[union-attr]
    first, second = stored_codes(db_path).values()
    assert first != second  # a fresh nonce per write: equal codes do not look equal
    nonce = base64.b64decode(str(first)[len(SEALED_PREFIX) :])[:12]
    assert nonce != base64.b64decode(str(second)[len(SEALED_PREFIX) :])[:12]


def test_the_history_and_its_export_show_the_whole_code_only_when_asked(
    db_path: Path, clock: Clock, tmp_path: Path
) -> None:
    code = unique_code()
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        ref = sell(store, 1, code)
        (row,) = store.history_page(HistoryFilter())
        assert row.code_tail == code_tail(code)
        assert store.full_card_codes([row.id]) == {row.id: code}
        found = store.read_card_codes([row.id])
        assert (found.codes, found.unreadable) == ({row.id: code}, {})
        write_history_csv(store, HistoryFilter(), tmp_path / "full.csv", full_codes=True)
        write_history_csv(store, HistoryFilter(), tmp_path / "masked.csv")
    assert csv_codes(tmp_path / "full.csv") == {ref: code}
    assert csv_codes(tmp_path / "masked.csv") == {ref: code[-4:]}


def test_a_code_moved_to_another_sale_does_not_decrypt(db_path: Path, clock: Clock) -> None:
    codes = [unique_code(), unique_code()]
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        first, second = (sell(store, n, code) for n, code in enumerate(codes, 1))
    with sqlite3.connect(db_path) as raw:
        raw.execute(
            "UPDATE sale SET card_code = (SELECT card_code FROM sale WHERE ref = ?) WHERE ref = ?",
            (first, second),
        )
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        moved = store.get(second)
        assert moved is not None and moved.card_code is None
        assert moved.card_code_problem == UNREADABLE
        kept = store.get(first)
        assert kept is not None and kept.card_code == codes[0] and kept.card_code_problem is None
        ids = [row.id for row in store.history_page(HistoryFilter())]
        found = store.read_card_codes(ids)
        assert sorted(found.codes.values()) == [codes[0]]
        assert list(found.unreadable.values()) == [UNREADABLE]


def replace_data_key(db_path: Path) -> None:
    """Put another (well-formed) key in the database's key file: the wrong data key."""
    key_file = key_file_for(db_path)
    data = json.loads(key_file.read_text(encoding="utf-8"))
    assert data["format"] == FILE_FORMAT
    data["key"] = base64.b64encode(secrets.token_bytes(32)).decode("ascii")
    key_file.write_text(json.dumps(data), encoding="utf-8")
    # As on another PC, whose keyring keeps no fingerprint of the first key (here, one
    # that does refuses the file: tests/store/test_books.py).
    keyring.get_keyring().delete_password(KEYRING_SERVICE, fingerprint_account(data["store_id"]))


@pytest.fixture
def wrong_key_db(db_path: Path, clock: Clock) -> Iterator[tuple[str, str, str]]:
    """A database with a fulfilled sale, a rejected one, then its data key replaced: (ref of
    the fulfilled sale, its code, ref of the other)."""
    code = unique_code()
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        ref = sell(store, 1, code)
        other = store.add_sale(new_sale(2)).ref
        store.transition(other, SaleState.WAITING, SaleState.SENDING, "test")
        store.transition(other, SaleState.SENDING, SaleState.REJECTED, "test")
    replace_data_key(db_path)
    yield ref, code, other


def test_with_a_wrong_data_key_each_code_is_an_error_state_and_nothing_crashes(
    db_path: Path, clock: Clock, tmp_path: Path, wrong_key_db: tuple[str, str, str]
) -> None:
    ref, code, other = wrong_key_db
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        sale = store.get(ref)
        assert sale is not None and sale.state is SaleState.FULFILLED
        assert (sale.card_code, sale.card_code_problem) == (None, UNREADABLE)
        assert [s.card_code_problem for s in store.iter_sales()] == [UNREADABLE, None]
        rows = store.history_page(HistoryFilter())
        assert [row.ref for row in rows] == [other, ref]
        assert rows[1].code_tail == code_tail(code)  # the list still shows the last four
        assert store.full_card_codes(row.id for row in rows) == {}
        assert store.read_card_codes(row.id for row in rows).unreadable == {rows[1].id: UNREADABLE}
        write_history_csv(store, HistoryFilter(), tmp_path / "full.csv", full_codes=True)
        shown = sale_json(sale, full_codes=True)
        assert shown["card_code"] is None and shown["card_code_problem"] == UNREADABLE
        assert "card_code_problem" in sale_json(sale)
        # A later write to that sale keeps working (the journal guard reads no code).
        store.record(ref, "test: still writable", server_status="FULFILLED")
    assert csv_codes(tmp_path / "full.csv") == {ref: UNREADABLE, other: ""}


def test_pos_app_history_full_codes_says_which_code_is_unreadable(
    db_path: Path,
    wrong_key_db: tuple[str, str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ref, code, _ = wrong_key_db
    monkeypatch.setenv("POS_DB_URL", sqlite_url(db_path))
    assert main(["history", "--json", "--full-codes"]) == 0
    out = capsys.readouterr().out
    sales = {sale["ref"]: sale for sale in map(json.loads, out.splitlines())}
    assert sales[ref]["card_code"] is None
    assert sales[ref]["card_code_problem"] == UNREADABLE
    assert code not in out


def test_the_stores_connections_zero_what_they_delete(db_path: Path, clock: Clock) -> None:
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        assert store.get("none") is None
        assert sql_rows(store._db, "PRAGMA secure_delete") == [(1,)]


# --- the migration ------------------------------------------------------------------------


def v4_database_with_clear_codes(
    db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch, codes: list[str]
) -> list[str]:
    """A database as the v4 app left it: fulfilled sales whose codes are in clear, written
    by a connection that does not zero what it frees (as on Windows' SQLite), then rewritten
    so that copies of the clear rows are left in free space. Returns the refs."""
    with monkeypatch.context() as patch:
        patch.setattr(
            store_migrations,
            "MIGRATIONS",
            [step for step in store_migrations.MIGRATIONS if step[0] < CODES_VERSION],
        )
        with open_store(sqlite_url(db_path), now=clock.now) as store:
            refs = [sell(store, n, code) for n, code in enumerate(codes, 1)]
    with sqlite3.connect(db_path) as raw:  # the codes as the v4 app wrote them
        raw.execute("PRAGMA secure_delete = 0")
        for ref, code in zip(refs, codes, strict=True):
            raw.execute(
                "UPDATE sale SET card_code = ?, failure_reason = ? WHERE ref = ?",
                (code, "x" * 300, ref),
            )
        raw.commit()
        raw.execute("UPDATE sale SET failure_reason = NULL")  # the rows shrink and move
        raw.commit()
    assert stored_codes(db_path) == dict(zip(refs, codes, strict=True))
    return refs


def test_the_migration_encrypts_every_clear_code_and_leaves_none_in_the_live_files(
    db_path: Path,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    codes = [unique_code() for _ in range(40)]
    refs = v4_database_with_clear_codes(db_path, clock, monkeypatch, codes)
    before = search(database_files(db_path), {"card code": codes})
    assert before.count("card code") >= len(codes)  # the control: the search finds them
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        assert [store.get(ref).card_code for ref in refs] == codes  # type: ignore[union-attr]
        assert store.verify_chain().ok
        assert store.integrity_check() == "ok"
    assert all(value.startswith(SEALED_PREFIX) for value in stored_codes(db_path).values())  # type: ignore[union-attr]
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] >= 5
    live = search(database_files(db_path), {"card code": codes})
    print(live.table())
    assert live.count("card code") == 0, live.where("card code")
    (backup,) = db_path.parent.glob(f"{db_path.name}.v4-to-v{CODES_VERSION}.*.bak")
    kept = search({"backup": backup}, {"card code": codes})
    assert kept.count("card code") >= len(codes)  # the backup keeps them: that is its purpose
    assert oct(backup.stat().st_mode & 0o777) == "0o600"
    notices = [r.getMessage() for r in caplog.records if r.name == "pos_app.store.migrations"]
    assert any(backup.name in text and "in clear" in text for text in notices), notices


def test_the_migration_leaves_codes_alone_when_there_are_none(
    db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    v4_database_with_clear_codes(db_path, clock, monkeypatch, [])
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        assert list(store.iter_sales()) == []
    assert not [r for r in caplog.records if r.name == "pos_app.store.migrations"]
