"""The shop's people: their roles, the rules for names and PINs, and the lock-out after
wrong PINs. Pure functions over values (the store keeps the state).

- A name is trimmed, 1-40 printable characters, compared case-insensitively
  (:func:`name_key`).
- A PIN is 4 to 8 ASCII digits. A refusal names the rule broken, never the PIN typed
  (the store keeps only its hash: ``store.pins``).
- 5 wrong PINs in a row lock that person for 5 minutes; each further lock-out doubles it
  (10, 20, ... at most 24 h) until a right PIN, which resets the count and the doubling.
  A lock ending further ahead than its own length (the clock was set back) ends its length
  after now; a clock set forward ends it early (accepted: it errs towards the cashier).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from pos_app.domain.translatable import QT_TRANSLATE_NOOP


class Role(StrEnum):
    """What a person may do: a cashier sells, a manager also runs the shop."""

    CASHIER = "cashier"
    MANAGER = "manager"


# -- names ------------------------------------------------------------------------------------

NAME_MAX_LENGTH: Final = 40


class NameProblem(StrEnum):
    """Why a name is refused."""

    EMPTY = "EMPTY"
    TOO_LONG = "TOO_LONG"
    NOT_PRINTABLE = "NOT_PRINTABLE"


NAME_MESSAGES: Final[Mapping[NameProblem, str]] = MappingProxyType(
    {
        NameProblem.EMPTY: QT_TRANSLATE_NOOP("users", "Type a name."),
        NameProblem.TOO_LONG: QT_TRANSLATE_NOOP("users", "A name has at most 40 characters."),
        NameProblem.NOT_PRINTABLE: QT_TRANSLATE_NOOP(
            "users", "A name cannot hold tabs, line breaks or invisible characters."
        ),
    }
)
"""The English sentence for each name problem (marked for translation, context "users")."""


class InvalidNameError(ValueError):
    """A name breaks the name rule; the message is :data:`NAME_MESSAGES` of ``problem``."""

    def __init__(self, problem: NameProblem) -> None:
        super().__init__(NAME_MESSAGES[problem])
        self.problem = problem


def name_problem(name: str) -> NameProblem | None:
    """What is wrong with ``name`` once trimmed, or None when it is a valid name."""
    trimmed = name.strip()
    if not trimmed:
        return NameProblem.EMPTY
    if len(trimmed) > NAME_MAX_LENGTH:
        return NameProblem.TOO_LONG
    if not trimmed.isprintable():
        return NameProblem.NOT_PRINTABLE
    return None


def checked_name(name: str) -> str:
    """``name`` trimmed; raises :class:`InvalidNameError` when it breaks the name rule."""
    problem = name_problem(name)
    if problem is not None:
        raise InvalidNameError(problem)
    return name.strip()


def name_key(name: str) -> str:
    """What two names are compared by: trimmed, Unicode-normalised and case-folded
    (``"Amina"``, ``" AMINA "`` and ``"amina"`` are one person)."""
    return unicodedata.normalize("NFC", name.strip()).casefold()


# -- PINs -------------------------------------------------------------------------------------

PIN_MIN_LENGTH: Final = 4
PIN_MAX_LENGTH: Final = 8
_PIN: Final = re.compile(r"[0-9]+")


class PinProblem(StrEnum):
    """Why a PIN is refused."""

    EMPTY = "EMPTY"
    NOT_DIGITS = "NOT_DIGITS"
    TOO_SHORT = "TOO_SHORT"
    TOO_LONG = "TOO_LONG"


PIN_MESSAGES: Final[Mapping[PinProblem, str]] = MappingProxyType(
    {
        PinProblem.EMPTY: QT_TRANSLATE_NOOP("users", "Type a PIN of 4 to 8 digits."),
        PinProblem.NOT_DIGITS: QT_TRANSLATE_NOOP(
            "users", "A PIN is made of the digits 0 to 9 only."
        ),
        PinProblem.TOO_SHORT: QT_TRANSLATE_NOOP("users", "A PIN has at least 4 digits."),
        PinProblem.TOO_LONG: QT_TRANSLATE_NOOP("users", "A PIN has at most 8 digits."),
    }
)
"""The English sentence for each PIN problem (marked for translation, context "users");
none of them repeats the PIN."""


class InvalidPinError(ValueError):
    """A PIN breaks the PIN rule; the message is :data:`PIN_MESSAGES` of ``problem`` (the PIN
    itself is kept nowhere in the exception)."""

    def __init__(self, problem: PinProblem) -> None:
        super().__init__(PIN_MESSAGES[problem])
        self.problem = problem


def pin_problem(pin: str) -> PinProblem | None:
    """What is wrong with ``pin``, or None when it is 4 to 8 ASCII digits."""
    if not pin:
        return PinProblem.EMPTY
    if not _PIN.fullmatch(pin):  # [0-9] is ASCII only: Arabic-Indic digits are refused
        return PinProblem.NOT_DIGITS
    if len(pin) < PIN_MIN_LENGTH:
        return PinProblem.TOO_SHORT
    if len(pin) > PIN_MAX_LENGTH:
        return PinProblem.TOO_LONG
    return None


def checked_pin(pin: str) -> str:
    """``pin`` unchanged; raises :class:`InvalidPinError` when it breaks the PIN rule."""
    problem = pin_problem(pin)
    if problem is not None:
        raise InvalidPinError(problem)
    return pin


# -- the lock-out -----------------------------------------------------------------------------

MAX_WRONG_PINS: Final = 5
FIRST_LOCK: Final = timedelta(minutes=5)
LONGEST_LOCK: Final = timedelta(hours=24)
LOCK_LEVEL_CAP: Final = 10
"""Lock-outs counted since the last right PIN stop growing here (5 min x 2**9 > 24 h)."""


class PinOutcome(StrEnum):
    """What came of one PIN typed for one person."""

    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"
    DISABLED = "disabled"
    UNKNOWN = "unknown"
    UNSEALED = "unsealed"  # the person's row differs from what the sealed action log says


@dataclass(frozen=True, slots=True)
class PinGuard:
    """How one person's PIN tries stand: wrong PINs in a row, lock-outs since the last right
    PIN, and when the lock set last ends (None: never set, or cleared)."""

    failed_pins: int = 0
    lock_level: int = 0
    locked_until: datetime | None = None


@dataclass(frozen=True, slots=True)
class PinJudgement:
    """The outcome of one PIN try and the guard to keep after it. ``tries_left`` counts
    the wrong PINs still allowed before a lock (0 when locked); ``locked_until`` is when the
    lock ends (LOCKED only)."""

    outcome: PinOutcome
    guard: PinGuard
    tries_left: int
    locked_until: datetime | None = None


def lock_length(level: int) -> timedelta:
    """How long the ``level``-th lock-out since the last right PIN lasts: 5 minutes, doubling,
    at most 24 hours (nothing for level 0)."""
    if level < 1:
        return timedelta(0)
    return min(FIRST_LOCK * (1 << min(level - 1, LOCK_LEVEL_CAP)), LONGEST_LOCK)


def lock_end(guard: PinGuard, now: datetime) -> datetime | None:
    """When the lock of ``guard`` ends, seen at ``now``: None when it is not locked. A lock
    ending further ahead than its own length (the clock was set back) ends that length after
    ``now``."""
    until = guard.locked_until
    if until is None or until <= now:
        return None
    return min(until, now + lock_length(max(guard.lock_level, 1)))


def judge_pin(guard: PinGuard, now: datetime, *, right: bool) -> PinJudgement:
    """The outcome of a PIN typed at ``now`` (``right``: it matched the stored hash) and the
    guard to keep. While locked, every try is refused (a right PIN too) and not counted; the
    kept lock end is brought back within its length if the clock was set back."""
    locked = lock_end(guard, now)
    if locked is not None:
        kept = PinGuard(guard.failed_pins, guard.lock_level, locked)
        return PinJudgement(PinOutcome.LOCKED, kept, 0, locked)
    if right:
        return PinJudgement(PinOutcome.ACCEPTED, PinGuard(), MAX_WRONG_PINS)
    failed = guard.failed_pins + 1
    if failed < MAX_WRONG_PINS:
        kept = PinGuard(failed, guard.lock_level, None)
        return PinJudgement(PinOutcome.WRONG, kept, MAX_WRONG_PINS - failed)
    level = min(guard.lock_level + 1, LOCK_LEVEL_CAP)
    until = now + lock_length(level)
    return PinJudgement(PinOutcome.LOCKED, PinGuard(0, level, until), 0, until)
