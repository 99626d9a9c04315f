"""Tests for pos_app.domain.money: exact balances, whole-dinar amounts, formatting."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.domain.money import (
    MAX_AMOUNT,
    can_afford,
    format_dzd,
    parse_balance,
    parse_dinars,
)

PROPS = settings(database=None, max_examples=300)
NNBSP = "\u202f"  # narrow no-break space: French thousands separator
NBSP = "\u00a0"  # no-break space: before the currency


def same(a: Decimal, b: Decimal) -> bool:
    """Equal value AND equal representation (exponent, sign)."""
    return a == b and str(a) == str(b)


# --------------------------------------------------------------------------- parse_balance


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("1326.13"), "1326.13"),
        ("1326.13", "1326.13"),
        (" 1326.13 ", "1326.13"),
        (1326.13, "1326.13"),  # float: read through its shortest repr, not its binary value
        (0.1, "0.10"),
        (1500, "1500.00"),
        (Decimal("1500"), "1500.00"),
        (1500.0, "1500.00"),
        ("1500", "1500.00"),
        ("1326.1", "1326.10"),
        (Decimal("1.32613E+3"), "1326.13"),
        ("1.32613e3", "1326.13"),
        ("0", "0.00"),
        (Decimal("-0"), "0.00"),  # negative zero is shown as plain zero
        (-0.0, "0.00"),
        ("-0.00", "0.00"),
        ("-12.5", "-12.50"),  # accepted: the server is the authority on the balance
        (Decimal("1326.130000"), "1326.13"),
        # Sub-centime noise from a server that serialises doubles with 17 digits.
        ("1326.1299999999999", "1326.13"),
        (Decimal("1326.1300000000001"), "1326.13"),
        ("0.30000000000000004", "0.30"),
        (MAX_AMOUNT, f"{MAX_AMOUNT}.00"),
    ],
)
def test_parse_balance_accepts(value: object, expected: str) -> None:
    result = parse_balance(value)
    assert isinstance(result, Decimal)
    assert str(result) == expected


def test_parse_balance_from_json_with_decimal_floats() -> None:
    payload = json.loads('{"balance": 1326.13}', parse_float=Decimal)
    assert same(parse_balance(payload["balance"]), Decimal("1326.13"))
    payload = json.loads('{"balance": 1326.13}')
    assert same(parse_balance(payload["balance"]), Decimal("1326.13"))


@pytest.mark.parametrize(
    "value",
    [
        True,
        False,
        None,
        float("nan"),
        float("inf"),
        float("-inf"),
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        "NaN",
        "Infinity",
        "inf",
        "",
        "   ",
        "abc",
        "1,326.13",
        "1 326,13",
        "1_326.13",
        "0x10",
        "١٣٢٦",  # digits on the wire must be ASCII
        "1326.135",  # half a centime is not noise
        Decimal("1326.135"),
        "1326.131",
        "1326.139",
        1326.135,
        MAX_AMOUNT + 1,
        Decimal("1E+30"),
        "1e999999999",
        "1e99999999999999999999",
        "1e-99999999999999999999",
        "1" * 200,
        [1326],
        {"balance": 1},
        b"1326.13",
    ],
)
def test_parse_balance_rejects(value: object) -> None:
    with pytest.raises(ValueError, match="balance"):
        parse_balance(value)


@PROPS
@given(
    st.decimals(
        places=2, allow_nan=False, allow_infinity=False, min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT
    )
)
def test_parse_balance_is_exact_for_centimes(value: Decimal) -> None:
    expected = value.quantize(Decimal("0.01"))
    if expected == 0:
        expected = Decimal("0.00")
    assert same(parse_balance(value), expected)
    assert same(parse_balance(str(value)), expected)
    assert same(parse_balance(Decimal(str(value))), expected)


@PROPS
@given(st.integers(min_value=-MAX_AMOUNT * 100, max_value=MAX_AMOUNT * 100))
def test_parse_balance_of_float_is_its_decimal_reading(cents: int) -> None:
    as_float = cents / 100
    expected = Decimal(cents).scaleb(-2)
    assert parse_balance(as_float) == expected
    assert parse_balance(json.loads(json.dumps(as_float))) == expected


@PROPS
@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT)
)
def test_parse_balance_never_rounds_real_money(value: Decimal) -> None:
    try:
        result = parse_balance(value)
    except ValueError:
        # Only rejected when the value is not within noise of a whole centime.
        assert abs(value - value.quantize(Decimal("0.01"))) > Decimal("0.000001")
    else:
        assert abs(result - value) <= Decimal("0.000001")
        assert result.as_tuple().exponent == -2


# --------------------------------------------------------------------------- parse_dinars


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1500, 1500),
        (0, 0),
        (Decimal("1500"), 1500),
        (Decimal("1500.00"), 1500),
        (Decimal("1.5E+3"), 1500),
        (1500.0, 1500),
        ("1500", 1500),
        (" 1500 ", 1500),
        ("1500.00", 1500),
        ("1.5e3", 1500),
        (Decimal("-0"), 0),
        (MAX_AMOUNT, MAX_AMOUNT),
    ],
)
def test_parse_dinars_accepts(value: object, expected: int) -> None:
    result = parse_dinars(value)
    assert type(result) is int
    assert result == expected


@pytest.mark.parametrize(
    "value",
    [
        True,
        False,
        None,
        -1,
        -1500,
        Decimal("-1"),
        "-5",
        -0.5,
        1500.5,
        Decimal("1500.01"),
        "1500.5",
        "1e-3",
        float("nan"),
        float("inf"),
        Decimal("NaN"),
        "abc",
        "",
        "1 500",
        "١٥٠٠",
        MAX_AMOUNT + 1,
        "1e999999999",
        "1e-99999999999999999999",
        1e300,
        [1500],
    ],
)
def test_parse_dinars_rejects(value: object) -> None:
    with pytest.raises(ValueError, match="amount"):
        parse_dinars(value)


@PROPS
@given(st.integers(min_value=0, max_value=MAX_AMOUNT))
def test_parse_dinars_round_trips_ints(value: int) -> None:
    assert parse_dinars(value) == value
    assert parse_dinars(str(value)) == value
    assert parse_dinars(Decimal(value)) == value
    assert parse_dinars(f"{value}.00") == value
    assert parse_dinars(float(value)) == value


@PROPS
@given(st.integers(min_value=0, max_value=MAX_AMOUNT), st.integers(min_value=1, max_value=99))
def test_parse_dinars_rejects_every_fraction(value: int, cents: int) -> None:
    with pytest.raises(ValueError, match="amount"):
        parse_dinars(Decimal(value) + Decimal(cents).scaleb(-2))


# --------------------------------------------------------------------------- can_afford


@pytest.mark.parametrize(
    ("balance", "cost", "ok"),
    [
        ("1326.13", 1326, True),
        ("1326.13", 1327, False),
        ("1500.00", 1500, True),
        ("1499.99", 1500, False),
        ("0.00", 0, True),
        ("0.00", 1, False),
        ("-5.00", 0, False),
    ],
)
def test_can_afford(balance: str, cost: int, ok: bool) -> None:
    assert can_afford(Decimal(balance), cost) is ok


def test_can_afford_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="cost"):
        can_afford(Decimal("100.00"), -1)
    with pytest.raises(ValueError, match="balance"):
        can_afford(Decimal("NaN"), 1)


@PROPS
@given(st.integers(min_value=-(10**9), max_value=10**9), st.integers(min_value=0, max_value=10**7))
def test_can_afford_compares_exactly(balance_cents: int, cost: int) -> None:
    balance = parse_balance(Decimal(balance_cents).scaleb(-2))
    assert can_afford(balance, cost) == (balance_cents >= cost * 100)


# --------------------------------------------------------------------------- format_dzd


@pytest.mark.parametrize(
    ("amount", "locale", "text"),
    [
        (Decimal("1326.13"), "fr", f"1{NNBSP}326,13{NBSP}DA"),
        (1500, "fr", f"1{NNBSP}500{NBSP}DA"),
        (Decimal("1500.00"), "fr", f"1{NNBSP}500{NBSP}DA"),
        (Decimal("1326.10"), "fr", f"1{NNBSP}326,10{NBSP}DA"),
        (Decimal("0.05"), "fr", f"0,05{NBSP}DA"),
        (0, "fr", f"0{NBSP}DA"),
        (999, "fr", f"999{NBSP}DA"),
        (1000, "fr", f"1{NNBSP}000{NBSP}DA"),
        (1234567, "fr", f"1{NNBSP}234{NNBSP}567{NBSP}DA"),
        (-1500, "fr", f"-1{NNBSP}500{NBSP}DA"),
        (Decimal("-12.50"), "fr", f"-12,50{NBSP}DA"),
        (Decimal("-0.00"), "fr", f"0{NBSP}DA"),
        (Decimal("-0.001"), "fr", f"0{NBSP}DA"),
        (Decimal("1E+3"), "fr", f"1{NNBSP}000{NBSP}DA"),
        (Decimal("0.015"), "fr", f"0,02{NBSP}DA"),  # half-even to the centime
        (Decimal("0.025"), "fr", f"0,02{NBSP}DA"),
        (Decimal("1326.13"), "ar", f"1,326.13{NBSP}د.ج"),
        (1500, "ar", f"1,500{NBSP}د.ج"),
        (1234567, "ar", f"1,234,567{NBSP}د.ج"),
        (Decimal("1326.13"), "fr_DZ", f"1{NNBSP}326,13{NBSP}DA"),
        (Decimal("1326.13"), "ar-DZ", f"1,326.13{NBSP}د.ج"),
        (Decimal("1326.13"), "FR", f"1{NNBSP}326,13{NBSP}DA"),
    ],
)
def test_format_dzd(amount: int | Decimal, locale: str, text: str) -> None:
    assert format_dzd(amount, locale=locale) == text


def test_format_dzd_defaults_to_french() -> None:
    assert format_dzd(Decimal("1326.13")) == f"1{NNBSP}326,13{NBSP}DA"


@pytest.mark.parametrize(
    ("amount", "locale", "error"),
    [
        (1500, "en", ValueError),
        (1500, "", ValueError),
        (Decimal("NaN"), "fr", ValueError),
        (Decimal("Infinity"), "fr", ValueError),
        (MAX_AMOUNT + 1, "fr", ValueError),
        (Decimal("1E+30"), "fr", ValueError),
        (1500.0, "fr", TypeError),  # floats are never money here
        (True, "fr", TypeError),
        ("1500", "fr", TypeError),
    ],
)
def test_format_dzd_rejects(amount: object, locale: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        format_dzd(cast(Any, amount), locale=locale)  # some deliberately not money at all


def _read_back_fr(text: str) -> Decimal:
    assert text.endswith(f"{NBSP}DA")
    number = text.removesuffix(f"{NBSP}DA").replace(NNBSP, "").replace(",", ".")
    return Decimal(number)


amounts = st.one_of(
    st.integers(min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT),
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT),
)


@PROPS
@given(amounts, st.sampled_from(["fr", "ar"]))
def test_format_dzd_never_uses_exponents(amount: int | Decimal, locale: str) -> None:
    text = format_dzd(amount, locale=locale)
    assert "e" not in text
    assert "E" not in text
    assert "NaN" not in text


@PROPS
@given(amounts)
def test_format_dzd_fr_reads_back_to_the_centime(amount: int | Decimal) -> None:
    text = format_dzd(amount, locale="fr")
    assert _read_back_fr(text) == Decimal(amount).quantize(Decimal("0.01"))
    body = text.removesuffix(f"{NBSP}DA").lstrip("-")
    integer, _, centimes = body.partition(",")
    groups = integer.split(NNBSP)
    assert 1 <= len(groups[0]) <= 3
    assert all(len(g) == 3 for g in groups[1:])
    assert centimes == "" or (len(centimes) == 2 and centimes != "00")


@PROPS
@given(st.integers(min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT))
def test_format_dzd_ints_have_no_decimals(amount: int) -> None:
    assert "," not in format_dzd(amount, locale="fr")
    assert "." not in format_dzd(amount, locale="ar").removesuffix(f"{NBSP}د.ج")
    assert format_dzd(amount) == format_dzd(Decimal(amount))


anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.text(max_size=40),
    st.from_regex(r"[+-]?[0-9]{0,4}(\.[0-9]{0,4})?([eE][+-]?[0-9]{1,25})?", fullmatch=True),
    st.lists(st.integers(), max_size=2),
)


@PROPS
@given(anything)
def test_parsers_fail_only_with_value_error(value: object) -> None:
    for parse in (parse_balance, parse_dinars):
        try:
            result = parse(value)
        except ValueError:
            continue
        assert isinstance(result, Decimal | int)
        assert not isinstance(result, bool)


@PROPS
@given(st.one_of(st.integers(), st.decimals()), st.sampled_from(["fr", "ar"]))
def test_format_dzd_fails_only_with_value_error(amount: int | Decimal, locale: str) -> None:
    try:
        text = format_dzd(amount, locale=locale)
    except ValueError:
        return
    assert text.endswith(("DA", "د.ج"))
