"""Tests for pos_app.domain.numbers: normalisation, checking, grouping."""

from __future__ import annotations

import dataclasses
import re
from typing import Any, cast

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pos_app.domain.numbers import (
    EXPECTED_LENGTH,
    LineType,
    NumberCheck,
    Problem,
    check_number,
    group_number,
    is_valid_number,
    normalise,
)

# Independent copies of the API rules, so a typo in the module cannot hide here.
ADSL_RE = re.compile(r"0[0-9]{8}")
LTE_RE = re.compile(r"213[0-9]{9}")

ADSL = LineType.ADSL
LTE = LineType.LTE

ADSL_OK = "036362608"
LTE_OK = "213472731602"

# No database: keep the repository free of a .hypothesis/ directory.
PROPS = settings(database=None, max_examples=300)


def regex_kind(digits: str) -> LineType | None:
    """The line type whose API regex fully matches, if any."""
    if ADSL_RE.fullmatch(digits):
        return ADSL
    if LTE_RE.fullmatch(digits):
        return LTE
    return None


# --------------------------------------------------------------------------- enums


def test_enum_values_are_what_the_api_and_ui_expect() -> None:
    assert LineType.ADSL.value == "ADSL"
    assert LineType.LTE.value == "4G"
    assert LineType("4G") is LTE
    assert {p.value for p in Problem} == {
        "EMPTY",
        "NOT_DIGITS",
        "TOO_SHORT",
        "TOO_LONG",
        "WRONG_PREFIX",
        "TYPE_MISMATCH",
    }
    assert EXPECTED_LENGTH[ADSL] == 9
    assert EXPECTED_LENGTH[LTE] == 12


def test_expected_length_table_is_read_only() -> None:
    with pytest.raises(TypeError):
        cast(Any, EXPECTED_LENGTH)[ADSL] = 10  # deliberately: the table refuses writes


# --------------------------------------------------------------------------- normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("036362608", "036362608"),
        ("036 36 26 08", "036362608"),
        ("  036 36 26 08  ", "036362608"),
        ("036.36.26.08", "036362608"),
        ("036-36-26-08", "036362608"),
        ("036\u00a036\u202f26\u200908", "036362608"),  # no-break, narrow no-break, thin
        ("036\t36\n26 08", "036362608"),
        ("036\u201336\u201426\u201008", "036362608"),  # en dash, em dash, hyphen
        ("036\u221236\uff0d26\u201108", "036362608"),  # minus sign, full-width, non-breaking
        ("\u200e036362608\u200f", "036362608"),  # bidi marks from pasted Arabic text
        ("036\u200b362608", "036362608"),  # zero-width space
        ("+213 472 73 16 02", LTE_OK),
        ("+213472731602", LTE_OK),
        ("00213472731602", LTE_OK),
        ("00 213 472-73-16-02", LTE_OK),
        ("+ 213 472 73 16 02", LTE_OK),
        ("٠٣٦٣٦٢٦٠٨", "036362608"),  # Arabic-Indic
        ("۰۳۶۳۶۲۶۰۸", "036362608"),  # Eastern Arabic-Indic / Persian
        ("٠٣٦ ٣٦ ٢٦ ٠٨", "036362608"),
        ("+٢١٣٤٧٢٧٣١٦٠٢", LTE_OK),
        ("٠٠٢١٣٤٧٢٧٣١٦٠٢", LTE_OK),
        ("0٣6۳62608", "036362608"),  # mixed scripts
        ("", ""),
        ("   ", ""),
        ("+", ""),  # the cashier has started typing +213
        ("+2", "2"),
        ("+21", "21"),
        ("+33 6 12 34 56 78", "+33612345678"),  # other countries stay visible
        ("0021", "0021"),  # not (yet) the international prefix
        ("abc", "abc"),
        ("036/36/26/08", "036/36/26/08"),
        ("(036) 36 26 08", "(036)362608"),
        ("1\u00b2", "1\u00b2"),  # superscript two is not a digit we map
        ("213+472", "213+472"),
        ("++213472731602", "++213472731602"),
    ],
)
def test_normalise_examples(text: str, expected: str) -> None:
    assert normalise(text) == expected


# --------------------------------------------------------------------------- check_number: examples


@pytest.mark.parametrize(
    ("text", "digits", "kind"),
    [
        ("036362608", "036362608", ADSL),
        ("036 36 26 08", "036362608", ADSL),
        ("٠٣٦٣٦٢٦٠٨", "036362608", ADSL),
        ("213472731602", LTE_OK, LTE),
        ("+213 472 73 16 02", LTE_OK, LTE),
        ("00213 472 73 16 02", LTE_OK, LTE),
        ("۲۱۳۴۷۲۷۳۱۶۰۲", LTE_OK, LTE),
    ],
)
def test_valid_numbers(text: str, digits: str, kind: LineType) -> None:
    check = check_number(text)
    assert check == NumberCheck(
        digits=digits, kind=kind, problem=None, expected_length=EXPECTED_LENGTH[kind]
    )
    assert check.is_valid
    assert is_valid_number(kind, check.digits)


@pytest.mark.parametrize(
    ("text", "forced", "expected"),
    [
        ("", None, NumberCheck("", None, Problem.EMPTY, None)),
        (" .- ", None, NumberCheck("", None, Problem.EMPTY, None)),
        ("", ADSL, NumberCheck("", ADSL, Problem.EMPTY, 9)),
        ("", LTE, NumberCheck("", LTE, Problem.EMPTY, 12)),
        ("03636a608", None, NumberCheck("03636a608", None, Problem.NOT_DIGITS, None)),
        ("03636a608", ADSL, NumberCheck("03636a608", ADSL, Problem.NOT_DIGITS, 9)),
        ("+33612345678", None, NumberCheck("+33612345678", None, Problem.NOT_DIGITS, None)),
        ("0\u00b2", None, NumberCheck("0\u00b2", None, Problem.NOT_DIGITS, None)),
        ("036", None, NumberCheck("036", ADSL, Problem.TOO_SHORT, 9)),
        ("0", None, NumberCheck("0", ADSL, Problem.TOO_SHORT, 9)),
        ("2", None, NumberCheck("2", LTE, Problem.TOO_SHORT, 12)),
        ("21", None, NumberCheck("21", LTE, Problem.TOO_SHORT, 12)),
        ("213", None, NumberCheck("213", LTE, Problem.TOO_SHORT, 12)),
        ("21347273160", None, NumberCheck("21347273160", LTE, Problem.TOO_SHORT, 12)),
        ("0363626081", None, NumberCheck("0363626081", ADSL, Problem.TOO_LONG, 9)),
        ("2134727316021", None, NumberCheck("2134727316021", LTE, Problem.TOO_LONG, 12)),
        # A 4G number written with its national 0 is an ADSL-shaped number that is too long.
        ("0472731602", None, NumberCheck("0472731602", ADSL, Problem.TOO_LONG, 9)),
        ("5", None, NumberCheck("5", None, Problem.WRONG_PREFIX, None)),
        ("22", None, NumberCheck("22", None, Problem.WRONG_PREFIX, None)),
        ("214", None, NumberCheck("214", None, Problem.WRONG_PREFIX, None)),
        ("36362608", None, NumberCheck("36362608", None, Problem.WRONG_PREFIX, None)),
        ("472731602", None, NumberCheck("472731602", None, Problem.WRONG_PREFIX, None)),
        ("9999999999999", None, NumberCheck("9999999999999", None, Problem.WRONG_PREFIX, None)),
    ],
)
def test_each_problem(text: str, forced: LineType | None, expected: NumberCheck) -> None:
    check = check_number(text, forced)
    assert check == expected
    assert not check.is_valid


@pytest.mark.parametrize(
    ("text", "forced", "expected"),
    [
        # Forced and matching: the same verdicts as inference.
        (ADSL_OK, ADSL, NumberCheck(ADSL_OK, ADSL, None, 9)),
        (LTE_OK, LTE, NumberCheck(LTE_OK, LTE, None, 12)),
        ("036", ADSL, NumberCheck("036", ADSL, Problem.TOO_SHORT, 9)),
        ("2", LTE, NumberCheck("2", LTE, Problem.TOO_SHORT, 12)),
        ("21", LTE, NumberCheck("21", LTE, Problem.TOO_SHORT, 12)),
        ("0363626081", ADSL, NumberCheck("0363626081", ADSL, Problem.TOO_LONG, 9)),
        # Clearly the other type.
        (ADSL_OK, LTE, NumberCheck(ADSL_OK, LTE, Problem.TYPE_MISMATCH, 12)),
        ("0", LTE, NumberCheck("0", LTE, Problem.TYPE_MISMATCH, 12)),
        (LTE_OK, ADSL, NumberCheck(LTE_OK, ADSL, Problem.TYPE_MISMATCH, 9)),
        ("2", ADSL, NumberCheck("2", ADSL, Problem.TYPE_MISMATCH, 9)),
        ("21", ADSL, NumberCheck("21", ADSL, Problem.TYPE_MISMATCH, 9)),
        ("+213 47", ADSL, NumberCheck("21347", ADSL, Problem.TYPE_MISMATCH, 9)),
        # Neither type.
        ("5", LTE, NumberCheck("5", LTE, Problem.WRONG_PREFIX, 12)),
        ("22", LTE, NumberCheck("22", LTE, Problem.WRONG_PREFIX, 12)),
        ("214", LTE, NumberCheck("214", LTE, Problem.WRONG_PREFIX, 12)),
        ("5", ADSL, NumberCheck("5", ADSL, Problem.WRONG_PREFIX, 9)),
        ("22", ADSL, NumberCheck("22", ADSL, Problem.WRONG_PREFIX, 9)),
    ],
)
def test_forced_type(text: str, forced: LineType, expected: NumberCheck) -> None:
    assert check_number(text, forced) == expected


def test_forced_accepts_the_plain_api_string() -> None:
    assert check_number(LTE_OK, LineType("4G")).is_valid
    assert check_number(ADSL_OK, LineType("ADSL")).is_valid


def test_number_check_is_frozen() -> None:
    check = check_number(ADSL_OK)
    with pytest.raises(dataclasses.FrozenInstanceError):
        cast(Any, check).digits = "x"  # deliberately: the check refuses changes


def test_double_zero_then_213_is_read_as_international() -> None:
    # Deliberate: no Algerian fixed line starts with 00, so 00213... is always +213...,
    # even though "002131234" alone would fit the bare ADSL regex.
    check = check_number("002131234")
    assert check.digits == "2131234"
    assert check.kind is LTE
    assert check.problem is Problem.TOO_SHORT


# --------------------------------------------------------------------------- keystrokes


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("036362608", ADSL),
        ("036 36 26 08", ADSL),
        ("213472731602", LTE),
        ("+213 472 73 16 02", LTE),
        ("00213472731602", LTE),
        ("٠٣٦٣٦٢٦٠٨", ADSL),
    ],
)
def test_keystroke_by_keystroke(typed: str, kind: LineType) -> None:
    verdicts = [check_number(typed[:i]) for i in range(1, len(typed) + 1)]
    *typing, final = verdicts
    assert final.is_valid
    assert final.kind is kind
    for i, check in enumerate(typing, start=1):
        prefix = typed[:i]
        assert check.problem in (Problem.TOO_SHORT, Problem.EMPTY), prefix
        # "0", "00", "002", "0021" are ADSL-shaped until "00213" is complete.
        before_00213 = typed.startswith("00213") and i < len("00213")
        if check.problem is Problem.TOO_SHORT and not before_00213:
            assert check.kind is kind, prefix
            assert check.expected_length == len(final.digits), prefix


def test_keystrokes_of_double_zero_prefix() -> None:
    kinds = [check_number("00213472731602"[:i]).kind for i in range(1, 15)]
    assert kinds == [ADSL] * 4 + [LTE] * 10


def test_plus_alone_is_empty_not_an_error() -> None:
    assert check_number("+").problem is Problem.EMPTY
    assert check_number("+", LTE) == NumberCheck("", LTE, Problem.EMPTY, 12)


# --------------------------------------------------------------------------- grouping


@pytest.mark.parametrize(
    ("text", "grouped"),
    [
        ("036362608", "036 36 26 08"),
        ("213472731602", "213 472 73 16 02"),
        ("+213472731602", "213 472 73 16 02"),
        ("0", "0"),
        ("036", "036"),
        ("0363", "036 3"),
        ("03636", "036 36"),
        ("036362", "036 36 2"),
        ("0363626", "036 36 26"),
        ("03636260", "036 36 26 0"),
        ("2", "2"),
        ("213", "213"),
        ("2134", "213 4"),
        ("213472", "213 472"),
        ("2134727", "213 472 7"),
        ("21347273", "213 472 73"),
        ("2134727316", "213 472 73 16"),
        ("21347273160", "213 472 73 16 0"),
        ("0363626081", "036 36 26 08 1"),  # extra digits stay visible at the end
        ("2134727316023", "213 472 73 16 02 3"),
        ("5551234", "5551234"),  # no pattern for an unknown prefix
        ("036a", "036a"),
        ("", ""),
    ],
)
def test_grouping(text: str, grouped: str) -> None:
    assert check_number(text).grouped == grouped


def test_grouping_follows_the_digits_not_the_forced_type() -> None:
    assert check_number(ADSL_OK, LTE).grouped == "036 36 26 08"
    assert check_number(LTE_OK, ADSL).grouped == "213 472 73 16 02"


def test_group_number_with_explicit_kind() -> None:
    assert group_number("036362608", ADSL) == "036 36 26 08"
    assert group_number("036362608", LTE) == "036 362 60 8"
    assert group_number("213472731602") == "213 472 73 16 02"


# --------------------------------------------------------------------------- is_valid_number


@pytest.mark.parametrize(
    ("kind", "digits", "ok"),
    [
        (ADSL, "036362608", True),
        (ADSL, "000000000", True),
        (LTE, "213472731602", True),
        (LTE, "213000000000", True),
        (ADSL, "213472731602", False),
        (LTE, "036362608", False),
        (ADSL, "03636260", False),
        (ADSL, "0363626081", False),
        (LTE, "21347273160", False),
        (LTE, "2134727316021", False),
        (LTE, "214472731602", False),
        (ADSL, "136362608", False),
        (ADSL, "036362608\n", False),  # `$` would accept this; fullmatch must not
        (LTE, "213472731602\n", False),
        (ADSL, " 036362608", False),
        (ADSL, "٠٣٦٣٦٢٦٠٨", False),  # only ASCII digits go to the API
        (ADSL, "03636260٨", False),
        (ADSL, "", False),
    ],
)
def test_is_valid_number(kind: LineType, digits: str, ok: bool) -> None:
    assert is_valid_number(kind, digits) is ok


# --------------------------------------------------------------------------- properties

adsl_numbers = st.from_regex(r"0[0-9]{8}", fullmatch=True)
lte_numbers = st.from_regex(r"213[0-9]{9}", fullmatch=True)
valid_numbers = st.one_of(adsl_numbers, lte_numbers)
forced_types = st.sampled_from([None, ADSL, LTE])
separators = st.sampled_from(
    ["", "", "", " ", ".", "-", "\u00a0", "\u202f", "\u2009", "\u2013", "\u2014", "  ", " - "]
)
# Text biased towards what a cashier might type or paste, plus fully arbitrary text.
cashier_text = st.one_of(
    st.text(alphabet=st.sampled_from("0123456789+ .-\u00a0٠١٢٣۴۵abc/\u200e"), max_size=20),
    st.text(max_size=30),
)


@PROPS
@given(cashier_text)
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@PROPS
@given(valid_numbers, st.data())
def test_separators_do_not_matter(number: str, data: st.DataObject) -> None:
    # A bare ADSL "00213xxxx" is read as international on purpose (see test above).
    assume(not number.startswith("00213"))
    seps = data.draw(st.lists(separators, min_size=len(number) + 1, max_size=len(number) + 1))
    text = seps[0] + "".join(d + s for d, s in zip(number, seps[1:], strict=True))
    check = check_number(text)
    assert check.is_valid
    assert check.digits == number
    assert check.kind is regex_kind(number)


@PROPS
@given(lte_numbers, st.sampled_from(["+", "00", "+ ", "00 ", ""]))
def test_international_prefixes(number: str, prefix: str) -> None:
    check = check_number(prefix + number)
    assert check.is_valid
    assert check.digits == number
    assert check.kind is LTE


@PROPS
@given(valid_numbers)
def test_arabic_indic_digits_are_the_same_number(number: str) -> None:
    arabic = "".join(chr(0x0660 + int(d)) for d in number)
    persian = "".join(chr(0x06F0 + int(d)) for d in number)
    assert check_number(arabic) == check_number(number)
    assert check_number(persian) == check_number(number)


@PROPS
@given(cashier_text, forced_types)
def test_checker_is_total_and_agrees_with_the_regexes(text: str, forced: LineType | None) -> None:
    check = check_number(text, forced)  # never raises
    assert check.digits == normalise(text)
    kind = regex_kind(check.digits)
    if forced is None:
        assert check.is_valid == (kind is not None)
    else:
        assert check.is_valid == (kind is forced)
    if check.is_valid:
        assert check.kind is kind
        assert check.expected_length == len(check.digits)
        assert kind is not None and is_valid_number(kind, check.digits)
    if forced is not None:
        assert check.kind is forced
    assert check.grouped.replace(" ", "") == check.digits


@PROPS
@given(cashier_text, forced_types)
def test_problem_priority(text: str, forced: LineType | None) -> None:
    check = check_number(text, forced)
    digits = check.digits
    if not digits:
        assert check.problem is Problem.EMPTY
    elif not (digits.isascii() and digits.isdigit()):
        assert check.problem is Problem.NOT_DIGITS
    elif check.problem in (Problem.TOO_SHORT, Problem.TOO_LONG, None):
        assert check.kind is not None
        expected = EXPECTED_LENGTH[check.kind]
        assert check.expected_length == expected
        if check.problem is Problem.TOO_SHORT:
            assert len(digits) < expected
        elif check.problem is Problem.TOO_LONG:
            assert len(digits) > expected
        else:
            assert len(digits) == expected
    else:
        assert check.problem in (Problem.WRONG_PREFIX, Problem.TYPE_MISMATCH)
        assert not (digits.startswith("0") and forced in (None, ADSL))
        assert not (digits.startswith("213") and forced in (None, LTE))


@PROPS
@given(
    st.text(alphabet="0123456789", max_size=12),
    st.text(alphabet="0123456789", max_size=12),
    st.characters(categories=["Lu", "Ll", "Lo"]),
    forced_types,
)
def test_letters_are_not_digits(
    before: str, after: str, letter: str, forced: LineType | None
) -> None:
    check = check_number(before + letter + after, forced)
    assert check.problem is Problem.NOT_DIGITS
    assert check.kind is forced


@PROPS
@given(valid_numbers)
def test_every_proper_prefix_is_too_short(number: str) -> None:
    assume(not number.startswith("00213"))
    kind = regex_kind(number)
    assert kind is not None
    for i in range(1, len(number)):
        for forced in (None, kind):
            check = check_number(number[:i], forced)
            assert check.problem is Problem.TOO_SHORT, number[:i]
            assert check.kind is kind
            assert check.expected_length == len(number)
    assert check_number(number).is_valid


@PROPS
@given(valid_numbers)
def test_valid_numbers_mismatch_the_other_forced_type(number: str) -> None:
    kind = regex_kind(number)
    assume(not number.startswith("00213"))
    other = LTE if kind is ADSL else ADSL
    assert check_number(number, other).problem is Problem.TYPE_MISMATCH
