"""Tests for pos_app.domain.users: names, PINs and the lock-out rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.domain.users import (
    FIRST_LOCK,
    LONGEST_LOCK,
    MAX_WRONG_PINS,
    NAME_MESSAGES,
    PIN_MESSAGES,
    InvalidNameError,
    InvalidPinError,
    NameProblem,
    PinGuard,
    PinOutcome,
    PinProblem,
    Role,
    checked_name,
    checked_pin,
    judge_pin,
    lock_end,
    lock_length,
    name_key,
    pin_problem,
)

NOW = datetime(2026, 11, 25, 16, 0, tzinfo=UTC)


def test_roles_are_their_stored_words() -> None:
    assert [role.value for role in Role] == ["cashier", "manager"]
    assert Role("manager") is Role.MANAGER


# -- names ------------------------------------------------------------------------------------


def test_a_name_is_trimmed_and_kept_as_typed() -> None:
    assert checked_name("  Amina Benali ") == "Amina Benali"
    assert checked_name("أمينة") == "أمينة"
    assert checked_name("x" * 40) == "x" * 40


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", NameProblem.EMPTY),
        ("   ", NameProblem.EMPTY),
        ("x" * 41, NameProblem.TOO_LONG),
        ("Ami\tna", NameProblem.NOT_PRINTABLE),
        ("Ami\nna", NameProblem.NOT_PRINTABLE),
        ("Amina\u200f", NameProblem.NOT_PRINTABLE),  # a bidi mark: invisible
        ("Ami\x00na", NameProblem.NOT_PRINTABLE),
    ],
)
def test_a_bad_name_is_refused_with_its_reason(name: str, problem: NameProblem) -> None:
    with pytest.raises(InvalidNameError) as info:
        checked_name(name)
    assert info.value.problem is problem
    assert str(info.value) == NAME_MESSAGES[problem]


def test_names_compare_without_case() -> None:
    assert name_key(" AMINA ") == name_key("amina") == name_key("Amina")
    assert name_key("Amina") != name_key("Amine")
    assert name_key("Re\u0301da") == name_key("Réda")  # decomposed and composed accents


# -- PINs -------------------------------------------------------------------------------------


@pytest.mark.parametrize("pin", ["0000", "1234", "12345678", "00012"])
def test_four_to_eight_ascii_digits_are_a_pin(pin: str) -> None:
    assert pin_problem(pin) is None
    assert checked_pin(pin) == pin


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("", PinProblem.EMPTY),
        ("123", PinProblem.TOO_SHORT),
        ("123456789", PinProblem.TOO_LONG),
        ("12a4", PinProblem.NOT_DIGITS),
        (" 1234", PinProblem.NOT_DIGITS),
        ("1234\n", PinProblem.NOT_DIGITS),
        ("١٢٣٤", PinProblem.NOT_DIGITS),  # Arabic-Indic digits
        ("１２３４", PinProblem.NOT_DIGITS),  # full-width digits
        ("-123", PinProblem.NOT_DIGITS),
    ],
)
def test_anything_else_is_refused_without_repeating_it(pin: str, problem: PinProblem) -> None:
    with pytest.raises(InvalidPinError) as info:
        checked_pin(pin)
    assert info.value.problem is problem
    text = f"{info.value} {info.value!r} {info.value.args}"
    assert str(info.value) == PIN_MESSAGES[problem]
    if pin.strip():
        assert pin.strip() not in text


@given(st.text(max_size=12))
@settings(database=None, max_examples=300)
def test_the_pin_rule_is_exactly_four_to_eight_ascii_digits(pin: str) -> None:
    valid = 4 <= len(pin) <= 8 and all(ch in "0123456789" for ch in pin)
    assert (pin_problem(pin) is None) == valid


# -- the lock-out -----------------------------------------------------------------------------


def wrong_pins(guard: PinGuard, now: datetime, count: int) -> PinGuard:
    for _ in range(count):
        guard = judge_pin(guard, now, right=False).guard
    return guard


def test_four_wrong_pins_count_down_the_tries() -> None:
    guard = PinGuard()
    left = []
    for _ in range(4):
        judged = judge_pin(guard, NOW, right=False)
        assert judged.outcome is PinOutcome.WRONG and judged.locked_until is None
        left.append(judged.tries_left)
        guard = judged.guard
    assert left == [4, 3, 2, 1]
    assert guard.failed_pins == 4 and lock_end(guard, NOW) is None


def test_the_fifth_wrong_pin_locks_for_five_minutes() -> None:
    guard = wrong_pins(PinGuard(), NOW, 4)
    judged = judge_pin(guard, NOW, right=False)
    assert judged.outcome is PinOutcome.LOCKED
    assert judged.locked_until == NOW + timedelta(minutes=5) == judged.guard.locked_until
    assert judged.tries_left == 0 and judged.guard.lock_level == 1


def test_while_locked_even_the_right_pin_is_refused_and_not_counted() -> None:
    locked = wrong_pins(PinGuard(), NOW, MAX_WRONG_PINS)
    later = NOW + timedelta(minutes=4, seconds=59)
    for right in (True, False):
        judged = judge_pin(locked, later, right=right)
        assert judged.outcome is PinOutcome.LOCKED
        assert judged.guard == locked  # nothing counted, the end unchanged


def test_the_lock_ends_after_its_length() -> None:
    locked = wrong_pins(PinGuard(), NOW, MAX_WRONG_PINS)
    end = NOW + FIRST_LOCK
    assert lock_end(locked, end - timedelta(milliseconds=1)) == end
    assert lock_end(locked, end) is None
    assert judge_pin(locked, end, right=True).outcome is PinOutcome.ACCEPTED


def test_each_further_lock_doubles_until_a_right_pin() -> None:
    guard = PinGuard()
    now = NOW
    lengths = []
    for _ in range(4):
        guard = wrong_pins(guard, now, MAX_WRONG_PINS)
        assert guard.locked_until is not None
        lengths.append(guard.locked_until - now)
        now = guard.locked_until
    assert lengths == [timedelta(minutes=m) for m in (5, 10, 20, 40)]
    # After a lock: five more tries, not one.
    assert judge_pin(guard, now, right=False).outcome is PinOutcome.WRONG
    accepted = judge_pin(guard, now, right=True)
    assert accepted.outcome is PinOutcome.ACCEPTED and accepted.guard == PinGuard()
    relocked = wrong_pins(accepted.guard, now, MAX_WRONG_PINS)
    assert relocked.locked_until == now + FIRST_LOCK, "a right PIN resets the doubling"


def test_a_right_pin_resets_the_count() -> None:
    guard = wrong_pins(PinGuard(), NOW, 4)
    guard = judge_pin(guard, NOW, right=True).guard
    assert judge_pin(guard, NOW, right=False).tries_left == 4


def test_lock_lengths_double_up_to_a_day() -> None:
    assert lock_length(0) == timedelta(0)
    assert [lock_length(level) for level in range(1, 5)] == [
        timedelta(minutes=m) for m in (5, 10, 20, 40)
    ]
    assert lock_length(9) == timedelta(minutes=5 * 256)
    assert lock_length(10) == LONGEST_LOCK == lock_length(1000)


def test_locks_never_pass_a_day_however_many() -> None:
    guard = PinGuard()
    now = NOW
    for _ in range(30):
        guard = wrong_pins(guard, now, MAX_WRONG_PINS)
        assert guard.locked_until is not None
        assert guard.locked_until - now <= LONGEST_LOCK
        now = guard.locked_until
    assert lock_length(guard.lock_level) == LONGEST_LOCK


def test_a_clock_set_back_cannot_stretch_a_lock() -> None:
    locked = wrong_pins(PinGuard(), NOW, MAX_WRONG_PINS)  # until NOW + 5 min
    back = NOW - timedelta(days=3)
    assert lock_end(locked, back) == back + FIRST_LOCK
    judged = judge_pin(locked, back, right=True)
    assert judged.outcome is PinOutcome.LOCKED
    assert judged.guard.locked_until == back + FIRST_LOCK, "kept within its length"
    assert judge_pin(judged.guard, back + FIRST_LOCK, right=True).outcome is PinOutcome.ACCEPTED


def test_a_clock_set_forward_ends_a_lock() -> None:
    locked = wrong_pins(PinGuard(), NOW, MAX_WRONG_PINS)
    assert judge_pin(locked, NOW + timedelta(hours=1), right=True).outcome is PinOutcome.ACCEPTED


def test_a_lock_within_its_length_is_kept_as_it_is() -> None:
    guard = PinGuard(0, 3, NOW + timedelta(minutes=15))  # a 20-minute lock, 5 minutes in
    assert lock_end(guard, NOW) == NOW + timedelta(minutes=15)
