"""Line numbers for ADSL and 4G LTE top-ups: normalise what a cashier typed, then judge it.

Everything here is pure and cheap enough to run on every keystroke. There is no user-facing
text: the UI translates :class:`Problem` codes.

API rules (OneClickDZ v3): ADSL ``0`` + 8 digits (``036362608``); 4G ``213`` + 9 digits
(``213472731602``). Only ASCII digits are ever sent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final


class LineType(StrEnum):
    """Kind of Algérie Télécom line; the value is the string the API expects."""

    ADSL = "ADSL"
    LTE = "4G"


class Problem(StrEnum):
    """Why a number is not (yet) valid; the UI translates these codes.

    TOO_SHORT is also the state of a correct number still being typed.
    """

    EMPTY = "EMPTY"
    NOT_DIGITS = "NOT_DIGITS"
    TOO_SHORT = "TOO_SHORT"
    TOO_LONG = "TOO_LONG"
    WRONG_PREFIX = "WRONG_PREFIX"
    TYPE_MISMATCH = "TYPE_MISMATCH"


EXPECTED_LENGTH: Final[Mapping[LineType, int]] = MappingProxyType(
    {LineType.ADSL: 9, LineType.LTE: 12}
)
"""Number of digits of a complete number, per line type (read-only)."""

_PATTERNS: Final[Mapping[LineType, re.Pattern[str]]] = MappingProxyType(
    {
        LineType.ADSL: re.compile(r"0[0-9]{8}"),
        LineType.LTE: re.compile(r"213[0-9]{9}"),
    }
)
_GROUPS: Final[Mapping[LineType, tuple[int, ...]]] = MappingProxyType(
    {
        LineType.ADSL: (3, 2, 2, 2),  # 036 36 26 08
        LineType.LTE: (3, 3, 2, 2, 2),  # 213 472 73 16 02
    }
)
_COUNTRY_CODE: Final = "213"

# Arabic-Indic (U+0660..) and Eastern Arabic-Indic / Persian (U+06F0..) digits.
_DIGITS: Final[Mapping[str, str]] = MappingProxyType(
    {chr(base + i): str(i) for base in (0x0660, 0x06F0) for i in range(10)}
)
# Dots a cashier may type between groups; dashes are every Unicode "Pd" plus the minus sign.
_DOTS: Final = frozenset(".\u00b7\u2024\u06d4\uff0e")
_EXTRA_DASHES: Final = frozenset("\u2212")


def _is_separator(ch: str) -> bool:
    """Whitespace, dots, dashes and invisible format characters (bidi marks, zero-width)."""
    if ch.isspace() or ch in _DOTS or ch in _EXTRA_DASHES:
        return True
    return unicodedata.category(ch) in ("Pd", "Cf")


def normalise(text: str) -> str:
    """Return ``text`` without separators, with Arabic digits as ASCII and ``+213``/``00213``
    as ``213``.

    Separators are whitespace (incl. no-break and thin spaces), dots, dashes and invisible
    format characters. Any other character is kept so the checker can report NOT_DIGITS.
    A leading ``+`` followed by the start of ``213`` (or by nothing yet) is dropped, so the
    verdict stays sensible while ``+213`` is being typed. Idempotent.
    """
    kept: list[str] = []
    for ch in text:
        digit = _DIGITS.get(ch)
        if digit is not None:
            kept.append(digit)
        elif not _is_separator(ch):
            kept.append(ch)
    result = "".join(kept)
    if result.startswith("00" + _COUNTRY_CODE):
        return result[2:]
    if result.startswith("+"):
        rest = result[1:]
        if rest.startswith(_COUNTRY_CODE) or _COUNTRY_CODE.startswith(rest):
            return rest
    return result


def is_valid_number(kind: LineType, digits: str) -> bool:
    """True iff ``digits`` fully matches the API rule of ``kind`` (ASCII digits only)."""
    pattern = _PATTERNS.get(kind)
    return pattern is not None and pattern.fullmatch(digits) is not None


def _is_ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _infer(digits: str) -> LineType | None:
    """Line type suggested by the first digits of a non-empty digit string, if any."""
    if digits.startswith("0"):
        return LineType.ADSL
    if digits.startswith(_COUNTRY_CODE) or _COUNTRY_CODE.startswith(digits):
        return LineType.LTE
    return None


def group_number(digits: str, kind: LineType | None = None) -> str:
    """Digits split into reading groups (``036 36 26 08``, ``213 472 73 16 02``).

    Without ``kind`` the pattern is inferred from the digits. Partial numbers are grouped as
    far as they go; extra digits form a last group; anything that is not an all-digit string
    with a known pattern is returned unchanged. Removing the spaces always gives ``digits``.
    """
    if kind is None:
        if not digits or not _is_ascii_digits(digits):
            return digits
        kind = _infer(digits)
        if kind is None:
            return digits
    parts: list[str] = []
    start = 0
    for size in _GROUPS[kind]:
        if start >= len(digits):
            break
        parts.append(digits[start : start + size])
        start += size
    if start < len(digits):
        parts.append(digits[start:])
    return " ".join(parts)


@dataclass(frozen=True, slots=True)
class NumberCheck:
    """Verdict on a typed number.

    ``digits`` is the normalised text; ``kind`` the inferred line type (or the forced one);
    ``problem`` is None exactly when the number is valid and complete; ``expected_length``
    is the length required for ``kind`` (None when there is no kind).
    """

    digits: str
    kind: LineType | None
    problem: Problem | None
    expected_length: int | None

    @property
    def is_valid(self) -> bool:
        """True when the number can be sent as is."""
        return self.problem is None

    @property
    def grouped(self) -> str:
        """``digits`` grouped for reading, following the pattern the digits themselves suggest."""
        return group_number(self.digits)


def check_number(text: str, forced: LineType | None = None) -> NumberCheck:
    """Normalise ``text`` and say whether it is a complete, valid number, or what is wrong.

    Priority: EMPTY, NOT_DIGITS, then the prefix (WRONG_PREFIX, or TYPE_MISMATCH when
    ``forced`` and the digits clearly belong to the other type), then TOO_SHORT / TOO_LONG.
    Every proper prefix of a valid number is TOO_SHORT with the right kind. Never raises.
    """
    digits = normalise(text)
    forced_length = EXPECTED_LENGTH[forced] if forced is not None else None
    if not digits:
        return NumberCheck(digits, forced, Problem.EMPTY, forced_length)
    if not _is_ascii_digits(digits):
        return NumberCheck(digits, forced, Problem.NOT_DIGITS, forced_length)
    inferred = _infer(digits)
    if forced is not None and inferred is not forced:
        problem = Problem.WRONG_PREFIX if inferred is None else Problem.TYPE_MISMATCH
        return NumberCheck(digits, forced, problem, forced_length)
    if inferred is None:
        return NumberCheck(digits, None, Problem.WRONG_PREFIX, None)
    expected = EXPECTED_LENGTH[inferred]
    if len(digits) < expected:
        problem_or_none: Problem | None = Problem.TOO_SHORT
    elif len(digits) > expected:
        problem_or_none = Problem.TOO_LONG
    else:
        problem_or_none = None
    return NumberCheck(digits, inferred, problem_or_none, expected)
