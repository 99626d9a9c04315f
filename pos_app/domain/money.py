"""Exact money: whole-dinar face values and costs, the account balance to the centime.

Face values and costs are ``int`` dinars. The balance is a ``Decimal`` with exactly two
decimals. No float arithmetic anywhere: a float input is read through its shortest repr.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Final

MAX_AMOUNT: Final = 10**12
"""Largest magnitude accepted, in dinars; anything bigger is a bug or garbage, not money."""

BALANCE_NOISE: Final = Decimal("0.000001")
"""Largest gap to a whole centime that a balance may have and still be read (float noise)."""

_CENT: Final = Decimal("0.01")
_MAX_TEXT_LENGTH: Final = 64
# A plain decimal number as JSON writes it (sign, digits, point, exponent), ASCII only.
_NUMBER_TEXT: Final = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_SYMBOLS: Final = {"fr": "DA", "ar": "د.ج"}
_THOUSANDS: Final = {"fr": "\u202f", "ar": ","}  # narrow no-break space for French
_DECIMAL_MARK: Final = {"fr": ",", "ar": "."}
_BEFORE_SYMBOL: Final = "\u00a0"  # no-break space: the currency never wraps alone


def _to_decimal(value: object, what: str) -> Decimal:
    """``value`` as a finite Decimal within ±MAX_AMOUNT, or ValueError naming ``what``."""
    if isinstance(value, bool):
        raise ValueError(f"{what}: a boolean is not an amount: {value!r}")
    if isinstance(value, int):
        if abs(value) > MAX_AMOUNT:
            raise ValueError(f"{what}: out of range: {value!r}")
        return Decimal(value)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{what}: not a finite number: {value!r}")
        number = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip()
        if len(text) > _MAX_TEXT_LENGTH or not _NUMBER_TEXT.fullmatch(text):
            raise ValueError(f"{what}: not a plain decimal number: {value[:80]!r}")
        try:
            number = Decimal(text)
        except InvalidOperation as exc:  # e.g. an exponent beyond what decimal can hold
            raise ValueError(f"{what}: not a readable number: {value[:80]!r}") from exc
    else:
        raise ValueError(f"{what}: expected a number, got {type(value).__name__}")
    if not number.is_finite():
        raise ValueError(f"{what}: not a finite number: {value!r}")
    if number.copy_abs() > MAX_AMOUNT:  # copy_abs: no context, so no Overflow on 1e999999999
        raise ValueError(f"{what}: out of range: {value!r}")
    return number


def parse_balance(value: object) -> Decimal:
    """The account balance as a Decimal with exactly two decimals (``Decimal('1326.13')``).

    Accepts int, Decimal, a plain decimal string, and float (read via ``repr``, e.g.
    ``1326.13`` -> ``Decimal('1326.13')``). More than two decimals are accepted only when
    within BALANCE_NOISE of a whole centime (``1326.1299999999999`` -> ``1326.13``); a real
    sub-centime amount such as ``1326.135`` is refused rather than silently rounded.
    Negative balances are kept (the server is the authority); ``-0`` becomes ``0.00``.
    Raises ValueError (message starts with "balance") for anything else.
    """
    number = _to_decimal(value, "balance")
    try:
        rounded = number.quantize(_CENT, rounding=ROUND_HALF_EVEN)
    except InvalidOperation as exc:  # pragma: no cover - excluded by the range check
        raise ValueError(f"balance: cannot be read to the centime: {value!r}") from exc
    if abs(rounded - number) > BALANCE_NOISE:
        raise ValueError(f"balance: has fractions of a centime: {value!r}")
    if rounded.is_zero():
        return Decimal("0.00")
    return rounded


def parse_dinars(value: object) -> int:
    """A face value or cost in whole dinars, as ``int`` (0 allowed).

    Accepts int, or an integral Decimal / float / plain decimal string (``"1500.00"``).
    Raises ValueError (message starts with "amount") for bools, None, negatives, fractions,
    non-finite or out-of-range values.
    """
    number = _to_decimal(value, "amount")
    if number < 0:
        raise ValueError(f"amount: negative: {value!r}")
    if number != number.to_integral_value():
        raise ValueError(f"amount: not a whole number of dinars: {value!r}")
    return int(number)


def can_afford(balance: Decimal, cost: int) -> bool:
    """True when ``balance`` covers ``cost`` (exact comparison, equality included)."""
    if not balance.is_finite():
        raise ValueError(f"balance: not a finite number: {balance!r}")
    if cost < 0:
        raise ValueError(f"cost: negative: {cost!r}")
    return balance >= cost


def _language(locale: str) -> str:
    language = locale.replace("-", "_").split("_", 1)[0].lower()
    if language not in _SYMBOLS:
        raise ValueError(f"unsupported locale: {locale!r} (expected 'fr' or 'ar')")
    return language


def format_dzd(amount: int | Decimal, *, locale: str = "fr") -> str:
    """Amount for display: ``1 326,13 DA`` (fr) or ``1,326.13 د.ج`` (ar), Latin digits.

    French uses U+202F between thousands and a comma for centimes; Arabic uses ``,`` and
    ``.``. Centimes appear only when non-zero (a Decimal is rounded half-even to the centime
    first); an int never shows decimals. A no-break space precedes the currency. Never uses
    exponent notation. Raises TypeError for floats/bools/other types, ValueError for an
    unknown locale or a non-finite / out-of-range amount.
    """
    language = _language(locale)
    if isinstance(amount, bool) or not isinstance(amount, int | Decimal):
        raise TypeError(f"amount must be int or Decimal, got {type(amount).__name__}")
    if isinstance(amount, int):
        if abs(amount) > MAX_AMOUNT:
            raise ValueError(f"amount: out of range: {amount!r}")
        total_cents = amount * 100
    else:
        if not amount.is_finite():
            raise ValueError(f"amount: not a finite number: {amount!r}")
        if amount.copy_abs() > MAX_AMOUNT:
            raise ValueError(f"amount: out of range: {amount!r}")
        total_cents = int(amount.quantize(_CENT, rounding=ROUND_HALF_EVEN).scaleb(2))
    sign = "-" if total_cents < 0 else ""
    whole, cents = divmod(abs(total_cents), 100)
    text = f"{whole:,}".replace(",", _THOUSANDS[language])
    if cents:
        text += f"{_DECIMAL_MARK[language]}{cents:02d}"
    return f"{sign}{text}{_BEFORE_SYMBOL}{_SYMBOLS[language]}"
