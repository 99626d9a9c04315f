"""Issue 11 item 7 (review finding 11): a stored setting that is not valid UTF-8 text (written
by another tool) reads as not set, its default applies, and a logged notice names the key
(never the value). Real SQLite files holding Latin-1 bytes."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.store import Store, open_store
from pos_app.store.readonly import read_settings
from pos_app.store.settings import (
    DEFAULT,
    STORED,
    read_preference,
    save_preferences,
    set_preference,
)
from tests.support.raw_settings import put_raw_setting

LATIN1_NAME = "Caf\xe9 Salim".encode("latin-1")  # b"Caf\xe9 Salim": not UTF-8


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "pos.sqlite3"
    with open_store(f"sqlite:///{path}") as store:
        set_preference(store, "shop.name", "Salim")
        set_preference(store, "language", "fr")
        set_preference(store, "low_balance", "5000")
    put_raw_setting(path, "shop.name", LATIN1_NAME)
    put_raw_setting(path, "low_balance", b"\xff\xfe12")
    return path


@pytest.fixture
def store(db_file: Path) -> Iterator[Store]:
    with open_store(f"sqlite:///{db_file}") as opened:
        yield opened


def notices(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def assert_no_value_logged(caplog: pytest.LogCaptureFixture) -> None:
    text = caplog.text
    assert "Caf" not in text and "\xe9" not in text and "\\xe9" not in text and "xff" not in text


def test_an_undecodable_value_reads_as_not_set_with_a_notice_naming_its_key(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        assert store.get_setting("shop.name") is None
        assert store.get_setting("shop.name", "fallback") == "fallback"
        assert store.get_setting("language") == "fr"  # the others read as ever
    said = notices(caplog)
    assert said and all("shop.name" in line for line in said), said
    assert_no_value_logged(caplog)


def test_the_default_applies_through_the_one_reading(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        low = read_preference(store, "low_balance", env={})
        name = read_preference(store, "shop.name", env={})
        language = read_preference(store, "language", env={})
    assert (low.value, low.source) == ("2000", DEFAULT)
    assert (name.value, name.source) == (None, DEFAULT)
    assert (language.value, language.source) == ("fr", STORED)
    assert any("low_balance" in line for line in notices(caplog))
    assert_no_value_logged(caplog)


def test_a_blob_is_read_as_its_utf8_text(db_file: Path) -> None:
    put_raw_setting(db_file, "shop.address", "Rue de l'\u00c9glise, Oran".encode(), as_text=False)
    put_raw_setting(db_file, "shop.phone", b"\xe9\xe9", as_text=False)
    with open_store(f"sqlite:///{db_file}") as store:
        assert store.get_setting("shop.address") == "Rue de l'\u00c9glise, Oran"
        assert store.get_setting("shop.phone") is None


def test_saving_over_an_undecodable_value_keeps_the_new_one(store: Store) -> None:
    save_preferences(store, {"shop.name": "Salim Phones", "low_balance": None})
    assert store.get_setting("shop.name") == "Salim Phones"
    assert store.get_setting("low_balance") is None


def test_the_read_only_reading_keeps_every_other_setting(
    db_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Training mode and the API URL read the shop's settings without opening a store: one
    bad value used to empty them all (the language, the counter id, the URL)."""
    with caplog.at_level(logging.WARNING):
        found = read_settings(f"sqlite:///{db_file}")
    assert found.get("language") == "fr"
    assert "shop.name" not in found and "low_balance" not in found
    said = notices(caplog)
    assert any("shop.name" in line for line in said) and any("low_balance" in line for line in said)
    assert_no_value_logged(caplog)


def test_a_setting_whose_name_is_not_utf8_is_skipped(
    db_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    put_raw_setting(db_file, "x", b"1")
    with contextlib.closing(sqlite3.connect(db_file)) as db, db:
        db.execute("UPDATE setting SET key = CAST(x'6ce9' AS TEXT) WHERE key = 'x'")
    with caplog.at_level(logging.WARNING):
        found = read_settings(f"sqlite:///{db_file}")
        with open_store(f"sqlite:///{db_file}") as store:
            assert store.get_setting("language") == "fr"
    assert found.get("language") == "fr"
    assert any("not UTF-8" in line for line in notices(caplog))
