"""Caches and settings: exact round trips, atomic replacement."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import cast

import pytest

from pos_app.domain.numbers import LineType
from pos_app.store import CachedProduct, Store, open_store
from tests.store.conftest import START, Clock, sqlite_url


def test_products_round_trip_per_line_type(store: Store) -> None:
    assert store.cached_products(LineType.ADSL) is None
    store.save_products(LineType.ADSL, [(2000, 1900, True), (500, 480, False)], START)
    store.save_products(LineType.LTE, [(1000, 960, True)], START)
    adsl = store.cached_products(LineType.ADSL)
    assert adsl is not None
    assert adsl.line_type is LineType.ADSL and adsl.fetched_at == START
    assert adsl.items == (CachedProduct(500, 480, False), CachedProduct(2000, 1900, True))
    lte = store.cached_products(LineType.LTE)
    assert lte is not None and lte.items == (CachedProduct(1000, 960, True),)


def test_saving_products_replaces_only_that_type(store: Store) -> None:
    later = START + timedelta(minutes=10)
    store.save_products(LineType.ADSL, [(500, 480, True), (1000, 950, True)], START)
    store.save_products(LineType.LTE, [(1000, 960, True)], START)
    store.save_products(LineType.ADSL, [(3000, 2900, False)], later)
    adsl = store.cached_products(LineType.ADSL)
    assert adsl is not None
    assert adsl.items == (CachedProduct(3000, 2900, False),) and adsl.fetched_at == later
    assert store.cached_products(LineType.LTE) is not None


def test_a_failed_product_save_keeps_the_old_list(store: Store) -> None:
    store.save_products(LineType.ADSL, [(500, 480, True)], START)
    with pytest.raises(Exception, match="UNIQUE"):
        store.save_products(LineType.ADSL, [(1000, 950, True), (1000, 940, True)], START)
    cached = store.cached_products(LineType.ADSL)
    assert cached is not None and cached.items == (CachedProduct(500, 480, True),)


@pytest.mark.parametrize("amount", ["1326.13", "0.00", "0.10", "-12.05", "99999999999.99", "7"])
def test_balance_is_exact_to_the_centime(store: Store, amount: str) -> None:
    store.save_balance(Decimal(amount), START)
    cached = store.cached_balance()
    assert cached is not None
    assert cached.amount == Decimal(amount)
    assert cached.amount.as_tuple().exponent == -2, "always two decimals"
    assert cached.fetched_at == START


def test_balance_is_stored_as_integer_centimes(store: Store, db_path: Path) -> None:
    store.save_balance(Decimal("1326.13"), START)
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT centimes, typeof(centimes) FROM balance_cache").fetchall() == [
            (132613, "integer")
        ]
    raw.close()


def test_balance_keeps_one_row_and_refuses_fractions_of_centimes(
    store: Store, clock: Clock
) -> None:
    assert store.cached_balance() is None
    store.save_balance(Decimal("10.00"), START)
    later = clock.advance(minutes=1)
    store.save_balance(Decimal("1326.13"), later)
    cached = store.cached_balance()
    assert cached is not None and cached.amount == Decimal("1326.13") and cached.fetched_at == later
    for bad in (Decimal("1.005"), Decimal("NaN"), Decimal("Infinity"), 1.5):
        with pytest.raises(ValueError, match="balance"):
            store.save_balance(cast(Decimal, bad), later)  # 1.5: deliberately not a Decimal
    assert store.cached_balance() == cached


def test_number_checks_round_trip_and_replace(store: Store) -> None:
    assert store.cached_number_check(LineType.LTE, "213472731602") is None
    store.save_number_check(LineType.LTE, "213472731602", "21347****02", "4G 30Go", None, START)
    store.save_number_check(LineType.ADSL, "036362608", None, None, "ERR_PHONE", START)
    later = START + timedelta(hours=1)
    store.save_number_check(LineType.LTE, "213472731602", "21347****02", "4G 60Go", None, later)
    lte = store.cached_number_check(LineType.LTE, "213472731602")
    assert lte is not None
    assert (lte.line_type, lte.number, lte.ncli, lte.offre, lte.error_code, lte.fetched_at) == (
        LineType.LTE,
        "213472731602",
        "21347****02",
        "4G 60Go",
        None,
        later,
    )
    adsl = store.cached_number_check(LineType.ADSL, "036362608")
    assert adsl is not None and adsl.error_code == "ERR_PHONE" and adsl.ncli is None
    assert store.cached_number_check(LineType.ADSL, "213472731602") is None


def test_settings(store: Store) -> None:
    assert store.get_setting("counter_id") is None
    assert store.get_setting("counter_id", "POS") == "POS"
    store.set_setting("counter_id", "C01")
    store.set_setting("language", "ar")
    store.set_setting("counter_id", "C02")
    assert store.get_setting("counter_id", "POS") == "C02"
    assert store.get_setting("language") == "ar"
    store.set_setting("empty", "")
    assert store.get_setting("empty", "default") == ""
    with pytest.raises(ValueError, match="key"):
        store.set_setting("", "x")


def test_caches_and_settings_survive_reopening(db_path: Path, clock: Clock) -> None:
    with open_store(sqlite_url(db_path), now=clock.now) as first:
        first.save_balance(Decimal("1326.13"), START)
        first.set_setting("language", "fr")
        first.save_products(LineType.LTE, [(1000, 960, True)], START)
    with open_store(sqlite_url(db_path), now=clock.now) as second:
        balance = second.cached_balance()
        assert balance is not None and balance.amount == Decimal("1326.13")
        assert second.get_setting("language") == "fr"
        assert second.cached_products(LineType.LTE) is not None


def test_product_amounts_must_be_whole_dinars(store: Store) -> None:
    store.save_products(LineType.ADSL, [(500, 480, True)], START)
    for bad in [(500.5, 480, True), (500, "480", True), (True, 480, True)]:
        with pytest.raises(TypeError, match="whole dinars"):
            # Deliberately not whole dinars: a float, a string, a bool.
            store.save_products(LineType.ADSL, [cast(tuple[int, int, bool], bad)], START)
    cached = store.cached_products(LineType.ADSL)
    assert cached is not None and cached.items == (CachedProduct(500, 480, True),)
