"""The data key: made once per database, kept outside it (the keyring when a secure one
exists, else a 0600 file beside it), found again from what the database records, and never
silently replaced when it is missing."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from pos_app.store import DataKeyError, DataKeyMissingError, StoreConfigError, open_store
from pos_app.store.vault import (
    CARD_CODES,
    IN_FILE,
    IN_KEYRING,
    JOURNAL_CHAIN,
    KEY_PLACE_SETTING,
    KEY_STORE_ENV,
    KEYRING_SERVICE,
    STORE_ID_SETTING,
    fingerprint_account,
    key_file_for,
    keyring_account,
)
from tests.store.conftest import new_sale, sqlite_url
from tests.support.memory_keyring import MemoryKeyring, PlaintextMemoryKeyring


@pytest.fixture
def keyring_wanted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lift the suite's ``POS_DATA_KEY_STORE=file``: new keys go to the (memory) keyring."""
    monkeypatch.delenv(KEY_STORE_ENV)


@pytest.mark.usefixtures("keyring_wanted")
def test_a_new_database_keeps_its_key_in_a_secure_keyring(
    db_path: Path, memory_keyring: MemoryKeyring
) -> None:
    with open_store(sqlite_url(db_path)) as store:
        vault = store.vault
        store.add_sale(new_sale(1))
        assert (vault.place, store.get_setting(KEY_PLACE_SETTING)) == (IN_KEYRING, IN_KEYRING)
        assert store.get_setting(STORE_ID_SETTING) == vault.store_id
    [(entry, secret)] = memory_keyring.entries.items()
    assert entry == (KEYRING_SERVICE, keyring_account(vault.store_id))
    assert not key_file_for(db_path).exists()
    assert secret.encode() not in db_path.read_bytes(), "the key never goes into the database"
    assert secret not in repr(vault) and "_key" not in repr(vault)
    with open_store(sqlite_url(db_path)) as again:
        assert again.vault.subkey(JOURNAL_CHAIN) == vault.subkey(JOURNAL_CHAIN)
        assert again.verify_chain().ok
    assert vault.subkey(JOURNAL_CHAIN) != vault.subkey(CARD_CODES)
    assert len(vault.subkey(CARD_CODES)) == 32


@pytest.mark.usefixtures("keyring_wanted")
def test_a_key_missing_from_the_keyring_is_an_error_never_a_new_key(
    db_path: Path, memory_keyring: MemoryKeyring
) -> None:
    with open_store(sqlite_url(db_path)) as store:
        store.add_sale(new_sale(1))
    memory_keyring.entries.clear()
    before = db_path.read_bytes()
    with pytest.raises(DataKeyMissingError, match="missing from the system keyring"):
        open_store(sqlite_url(db_path))
    assert memory_keyring.entries == {}, "no new key was made"
    assert db_path.read_bytes() == before


@pytest.mark.usefixtures("keyring_wanted")
def test_without_a_secure_keyring_the_key_goes_to_a_private_file(
    db_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring

    keyring.set_keyring(PlaintextMemoryKeyring())
    with open_store(sqlite_url(db_path)) as store:
        assert store.vault.place == IN_FILE
        assert store.vault.key_file == key_file_for(db_path)
    key_file = key_file_for(db_path)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert [p.name for p in db_path.parent.iterdir() if ".partial" in p.name] == []
    keyring.set_keyring(memory_keyring)  # a keyring appearing later keeps only a fingerprint
    with open_store(sqlite_url(db_path)) as store:
        assert store.vault.place == IN_FILE
        vault = store.vault
    assert memory_keyring.entries == {
        (KEYRING_SERVICE, fingerprint_account(vault.store_id)): vault.fingerprint
    }


def test_a_missing_key_file_is_an_error_that_names_it(db_path: Path) -> None:
    with open_store(sqlite_url(db_path)) as store:
        store.add_sale(new_sale(1))
    key_file_for(db_path).unlink()
    with pytest.raises(DataKeyMissingError) as error:
        open_store(sqlite_url(db_path))
    assert str(key_file_for(db_path)) in str(error.value)
    assert "the journal cannot be verified" in str(error.value)
    assert not key_file_for(db_path).exists(), "no new key was made"


def test_another_databases_key_file_is_refused(tmp_path: Path) -> None:
    one, two = tmp_path / "one.sqlite3", tmp_path / "two.sqlite3"
    for path in (one, two):
        with open_store(sqlite_url(path)):
            pass
    key_file_for(one).write_bytes(key_file_for(two).read_bytes())
    with pytest.raises(DataKeyMissingError, match="another database"):
        open_store(sqlite_url(one))


def test_a_damaged_key_file_is_refused(db_path: Path) -> None:
    with open_store(sqlite_url(db_path)):
        pass
    key_file_for(db_path).write_text("{not json", encoding="utf-8")
    with pytest.raises(DataKeyError, match="is damaged"):
        open_store(sqlite_url(db_path))


def test_losing_the_record_of_the_key_is_refused_once_the_journal_is_sealed(
    db_path: Path,
) -> None:
    with open_store(sqlite_url(db_path)) as store:
        store.add_sale(new_sale(1))
    with sqlite3.connect(db_path) as connection:
        connection.execute("DELETE FROM setting WHERE key LIKE 'vault.%'")
    connection.close()
    with pytest.raises(DataKeyError, match="no longer says where its data key is kept"):
        open_store(sqlite_url(db_path))


def test_an_unknown_key_store_setting_is_refused(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_STORE_ENV, "usb-stick")
    with pytest.raises(StoreConfigError, match=KEY_STORE_ENV):
        open_store(sqlite_url(db_path))
    assert not db_path.exists(), "the new database is removed, as after any failed start"
    assert not key_file_for(db_path).exists()


@pytest.mark.usefixtures("keyring_wanted")
def test_a_training_database_leaves_nothing_in_the_keyring(
    db_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """`pos-app --demo` makes a throwaway database each run: its key stays in its file, and
    neither a fingerprint nor a Z seal of it is written to the shop's keyring."""
    with open_store(sqlite_url(db_path), key_in_file=True) as store:
        assert store.vault.place == IN_FILE and store.vault.throwaway
        store.add_sale(new_sale(1))
        store.close_period(counter="T01", cash_counted=None)
    with open_store(sqlite_url(db_path), key_in_file=True) as again:
        assert again.verify_chain().ok
    assert memory_keyring.entries == {}
    assert key_file_for(db_path).exists()
