"""Every API error code, failure class and refusal has its own short message."""

from __future__ import annotations

import pytest

from pos_app.api import contract
from pos_app.api import errors as api_errors
from pos_app.domain.numbers import LineType, Problem, check_number
from pos_app.orders import messages as english
from pos_app.ui import messages

FALLBACK = messages.for_code("SOMETHING_NEW")

CODES = [
    contract.ERR_VALIDATION,
    contract.ERR_PHONE,
    contract.ERR_STOCK,
    contract.INSUFFICIENT_BALANCE,
    contract.NO_BALANCE,
    contract.DUPLICATED_REF,
    contract.MISSING_ACCESS_TOKEN,
    contract.INVALID_ACCESS_TOKEN,
    contract.ERR_AUTH,
    contract.IP_BLOCKED,
    contract.NOT_FOUND,
    contract.RATE_LIMITED,
    contract.INTERNAL_ERROR,
    contract.SERVICE_UNAVAILABLE,
    contract.STATUS_REFUNDED,
]


@pytest.mark.parametrize("code", CODES)
def test_each_documented_code_has_its_message(qapp: object, code: str) -> None:
    text = messages.for_code(code)
    assert text and text != FALLBACK
    assert len(text) < 160  # short: what happened and what to do


def test_every_code_of_the_contract_is_covered() -> None:
    documented = {
        v
        for k, v in vars(contract).items()
        if k.isupper() and isinstance(v, str) and v in contract.HTTP_STATUS
    }
    assert documented <= messages.KNOWN_CODES


@pytest.mark.parametrize(
    "error",
    [
        api_errors.NotSentError("refused"),
        api_errors.OutcomeUnknownError("timeout"),
        api_errors.MalformedResponseError("garbage"),
        api_errors.ServerError("boom", http_status=500),
        api_errors.ServiceUnavailableError("down", http_status=503),
        api_errors.RateLimitedError("slow", http_status=429),
        api_errors.ValidationError("bad"),
        api_errors.PhoneError("no line"),
        api_errors.OutOfStockError("none"),
        api_errors.InsufficientBalanceError("poor"),
        api_errors.DuplicatedRefError("dup"),
        api_errors.NotFoundError("none"),
        api_errors.MissingAccessTokenError("no key"),
        api_errors.InvalidAccessTokenError("bad key"),
        api_errors.IpBlockedError("blocked"),
        api_errors.UnknownApiError("what", code="NEW_CODE"),
    ],
)
def test_each_exception_has_a_message(qapp: object, error: api_errors.ApiError) -> None:
    text = messages.for_error(error)
    assert text and text != FALLBACK
    assert "bad key" not in text  # server wording is not shown raw


def test_network_failures_say_the_sale_waits(qapp: object) -> None:
    assert "waits" in messages.for_error(api_errors.NotSentError("x"))
    assert "not sell it again" in messages.for_error(api_errors.OutcomeUnknownError("x"))


def test_engine_failure_codes_are_class_names(qapp: object) -> None:
    assert messages.for_code("NotSentError") == messages.for_error(api_errors.NotSentError("x"))


@pytest.mark.parametrize(
    "reason",
    ["number", "value", "stock", "balance", "ref", "cap_count", "cap_dinars", "cap_age", "cancel"],
)
def test_each_refusal_has_a_message(qapp: object, reason: str) -> None:
    assert messages.for_refusal(reason) != FALLBACK


def test_the_qt_free_texts_are_the_untranslated_messages(qapp: object) -> None:
    """The command line prints the English source of what the window translates."""
    for code in [*CODES, "NotSentError", "OutcomeUnknownError", "UnknownApiError", "NEW", None]:
        assert english.for_code(code) == messages.for_code(code)
    for reason in ["number", "value", "stock", "cap_age", "cancel", "NEW"]:
        assert english.for_refusal(reason) == messages.for_refusal(reason)
    for error in [
        api_errors.NotSentError("x"),
        api_errors.InvalidAccessTokenError("bad key"),
        api_errors.UnknownApiError("what", code="NEW_CODE"),
        ZeroDivisionError("boom"),
    ]:
        assert english.for_error(error) == messages.for_error(error)
    assert english.KNOWN_CODES == messages.KNOWN_CODES
    assert "Cannot reach OneClickDZ" in english.for_error(api_errors.NotSentError("x"))


@pytest.mark.parametrize(
    ("text", "forced", "fragment"),
    [
        ("", None, "ADSL 0 + 8 digits"),
        ("03a", None, "Only digits"),
        ("5", None, "starts with 0 (ADSL) or 213 (4G)"),
        ("5", LineType.ADSL, "ADSL number starts with 0"),
        ("5", LineType.LTE, "4G number starts with 213"),
        ("0363", None, "5 more digit(s) (9 in all)"),
        ("21347", None, "7 more digit(s) (12 in all)"),
        ("0363626081", None, "1 digit(s) too many"),
        ("036362608", LineType.LTE, "looks like a ADSL number, but 4G is forced"),
    ],
)
def test_number_hints_are_precise(
    qapp: object, text: str, forced: LineType | None, fragment: str
) -> None:
    assert fragment in messages.number_hint(check_number(text, forced))


def test_valid_number_has_no_hint(qapp: object) -> None:
    check = check_number("036362608")
    assert check.problem is None and messages.number_hint(check) == ""
    assert check_number("").problem is Problem.EMPTY
