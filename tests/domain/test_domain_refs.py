"""Tests for pos_app.domain.refs: sale references."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.domain.refs import (
    COUNTER_ID_MAX_LENGTH,
    REF_MAX_LENGTH,
    SUFFIX_ALPHABET,
    is_valid_counter_id,
    is_valid_ref,
    new_ref,
    sanitise_counter_id,
)

PROPS = settings(database=None, max_examples=300)
REF_RE = re.compile(r"[A-Za-z0-9-]{1,40}")
NOW = datetime(2026, 11, 25, 16, 24, 10, tzinfo=UTC)
ALGIERS = timezone(timedelta(hours=1))


def test_example_shape() -> None:
    ref = new_ref("C01", NOW, random.Random(42))
    assert re.fullmatch(r"C01-20261125T162410-[2-9A-HJ-NP-Z]{8}", ref), ref
    assert len(ref) == len("C01") + 1 + 15 + 1 + 8


def test_suffix_alphabet_is_unambiguous() -> None:
    assert len(set(SUFFIX_ALPHABET)) == len(SUFFIX_ALPHABET) == 32
    assert not set(SUFFIX_ALPHABET) & set("0O1I")
    assert all(c.isascii() and (c.isdigit() or c.isupper()) for c in SUFFIX_ALPHABET)


def test_time_is_utc() -> None:
    local = datetime(2026, 11, 25, 17, 24, 10, tzinfo=ALGIERS)
    assert new_ref("C01", local, random.Random(1)).split("-")[1] == "20261125T162410"
    # Just after local midnight on 1 January is still the previous year in UTC.
    new_year = datetime(2027, 1, 1, 0, 30, 0, tzinfo=ALGIERS)
    assert new_ref("C01", new_year, random.Random(1)).split("-")[1] == "20261231T233000"


def test_microseconds_are_dropped() -> None:
    ref = new_ref("C01", NOW.replace(microsecond=999_999), random.Random(1))
    assert ref.split("-")[1] == "20261125T162410"


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        new_ref("C01", datetime(2026, 11, 25, 16, 24, 10), random.Random(1))


def test_unrepresentable_utc_time_is_refused() -> None:
    edge = datetime(1, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=5)))
    with pytest.raises(ValueError, match="UTC"):
        new_ref("C01", edge, random.Random(1))


def test_early_years_are_zero_padded() -> None:
    ref = new_ref("C01", datetime(999, 1, 2, 3, 4, 5, tzinfo=UTC), random.Random(1))
    assert ref.split("-")[1] == "09990102T030405"


def test_same_seed_same_ref() -> None:
    assert new_ref("C01", NOW, random.Random(7)) == new_ref("C01", NOW, random.Random(7))
    assert new_ref("C01", NOW, random.Random(7)) != new_ref("C01", NOW, random.Random(8))


def test_the_rng_is_consumed() -> None:
    rng = random.Random(7)
    assert new_ref("C01", NOW, rng) != new_ref("C01", NOW, rng)


def test_system_random_works_for_production() -> None:
    assert is_valid_ref(new_ref("C01", NOW, random.SystemRandom()))


@pytest.mark.parametrize(
    ("counter_id", "sanitised"),
    [
        ("C01", "C01"),
        ("c01", "c01"),
        ("C-01", "C01"),
        ("Caisse 1", "Caisse1"),
        ("Caisse_é_2", "Caisse2"),
        ("كاشير1", "1"),
        ("١٢", "POS"),  # Arabic-Indic digits are not ASCII
        ("", "POS"),
        ("---", "POS"),
        ("\n", "POS"),
        ("A" * 100, "A" * COUNTER_ID_MAX_LENGTH),
        ("ab-" * 10, "ab" * 7 + "a"),
    ],
)
def test_sanitise_counter_id(counter_id: str, sanitised: str) -> None:
    assert sanitise_counter_id(counter_id) == sanitised
    assert new_ref(counter_id, NOW, random.Random(3)).startswith(sanitised + "-")


def test_long_counter_id_fills_exactly_the_limit() -> None:
    ref = new_ref("X" * 100, NOW, random.Random(3))
    assert len(ref) == REF_MAX_LENGTH == 40


@pytest.mark.parametrize(
    ("counter_id", "ok"),
    [
        ("C01", True),
        ("POS", True),
        ("A" * COUNTER_ID_MAX_LENGTH, True),
        ("A" * (COUNTER_ID_MAX_LENGTH + 1), False),
        ("", False),
        ("C-01", False),
        ("C01\n", False),
        ("é", False),
        ("١", False),
    ],
)
def test_is_valid_counter_id(counter_id: str, ok: bool) -> None:
    assert is_valid_counter_id(counter_id) is ok


@pytest.mark.parametrize(
    ("ref", "ok"),
    [
        ("C01-20261125T162410-7F3K9QX2", True),
        ("a", True),
        ("-", True),
        ("A" * 40, True),
        ("A" * 41, False),
        ("", False),
        ("C01-20261125T162410-7F3K9QX2\n", False),  # `$` would accept this
        ("C01_2026", False),
        ("C01 2026", False),
        ("Cé1", False),
        ("C١", False),
    ],
)
def test_is_valid_ref(ref: str, ok: bool) -> None:
    assert is_valid_ref(ref) is ok


aware_datetimes = st.builds(
    lambda dt, minutes: dt.replace(tzinfo=timezone(timedelta(minutes=minutes))),
    st.datetimes(min_value=datetime(1000, 1, 2), max_value=datetime(9999, 12, 30)),
    st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1),
)


@PROPS
@given(st.text(max_size=300), aware_datetimes, st.integers())
def test_refs_are_always_valid(counter_id: str, now: datetime, seed: int) -> None:
    ref = new_ref(counter_id, now, random.Random(seed))
    assert REF_RE.fullmatch(ref), ref
    assert is_valid_ref(ref)
    prefix, stamp, suffix = ref.split("-")
    assert prefix == sanitise_counter_id(counter_id)
    assert is_valid_counter_id(prefix)
    assert datetime.strptime(stamp, "%Y%m%dT%H%M%S").replace(tzinfo=UTC) == now.astimezone(
        UTC
    ).replace(microsecond=0)
    assert len(suffix) == 8
    assert set(suffix) <= set(SUFFIX_ALPHABET)


@PROPS
@given(st.text(max_size=60), aware_datetimes, st.integers())
def test_same_seed_replays(counter_id: str, now: datetime, seed: int) -> None:
    assert new_ref(counter_id, now, random.Random(seed)) == new_ref(
        counter_id, now, random.Random(seed)
    )


@settings(database=None, max_examples=20)
@given(st.integers())
def test_many_refs_from_one_rng_are_distinct(seed: int) -> None:
    rng = random.Random(seed)
    refs = [new_ref("C01", NOW, rng) for _ in range(2000)]
    assert len(set(refs)) == len(refs)


@PROPS
@given(st.text(max_size=300))
def test_sanitised_counter_id_is_valid(counter_id: str) -> None:
    assert is_valid_counter_id(sanitise_counter_id(counter_id))
