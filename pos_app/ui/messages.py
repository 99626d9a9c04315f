"""What happened and what to do, in a short translated sentence, for every API error code,
network failure and engine refusal. Screens never format errors themselves."""

from __future__ import annotations

from typing import Final

from pos_app.api import errors as api_errors
from pos_app.domain.numbers import EXPECTED_LENGTH, LineType, NumberCheck, Problem
from pos_app.orders import messages as english
from pos_app.ui.i18n import translate

KNOWN_CODES: Final = english.KNOWN_CODES
KNOWN_REFUSALS: Final = english.KNOWN_REFUSALS


def _translated(text: str) -> str:
    """An English text of ``orders.messages`` in the language active at this moment."""
    return translate("messages", text)


def for_code(code: str | None) -> str:
    """The message for a server error code or an engine failure code (never empty)."""
    return english.for_code(code, _translated)


def for_error(error: BaseException) -> str:
    """The message for an exception raised by the API client (or anything else)."""
    return english.for_error(error, _translated)


def line_not_checked(error: BaseException) -> str:
    """check-number could not be asked: selling stays possible."""
    if isinstance(error, api_errors.NetworkError):
        return translate(
            "messages",
            "Line not checked: OneClickDZ cannot be reached. You can still sell; the "
            "sale waits for the connection.",
        )
    return translate("messages", "Line not checked: {reason}").format(reason=for_error(error))


def for_refusal(reason: str) -> str:
    """The message for an engine refusal (``SaleRefusedError.reason``)."""
    return english.for_refusal(reason, _translated)


def type_name(kind: LineType) -> str:
    return translate("messages", "ADSL") if kind is LineType.ADSL else translate("messages", "4G")


def number_hint(check: NumberCheck) -> str:
    """A precise hint for the number being typed (empty when there is nothing to say)."""
    problem = check.problem
    if problem is None:
        return ""
    if problem is Problem.EMPTY:
        return translate("messages", "Type the line number: ADSL 0 + 8 digits, 4G 213 + 9 digits.")
    if problem is Problem.NOT_DIGITS:
        return translate("messages", "Only digits, please.")
    if problem is Problem.WRONG_PREFIX:
        if check.kind is LineType.ADSL:
            return translate("messages", "An ADSL number starts with 0.")
        if check.kind is LineType.LTE:
            return translate("messages", "A 4G number starts with 213.")
        return translate("messages", "A number starts with 0 (ADSL) or 213 (4G).")
    if problem is Problem.TYPE_MISMATCH:
        assert check.kind is not None
        return translate(
            "messages",
            "This looks like a {other} number, but {kind} is forced. Press F2 to change the type.",
        ).format(
            other=type_name(LineType.LTE if check.kind is LineType.ADSL else LineType.ADSL),
            kind=type_name(check.kind),
        )
    expected = check.expected_length or (EXPECTED_LENGTH[check.kind] if check.kind else 0)
    if problem is Problem.TOO_SHORT:
        missing = expected - len(check.digits)
        return translate("messages", "{kind}: {missing} more digit(s) ({expected} in all).").format(
            kind=type_name(check.kind) if check.kind else "", missing=missing, expected=expected
        )
    return translate("messages", "{kind}: {extra} digit(s) too many ({expected} in all).").format(
        kind=type_name(check.kind) if check.kind else "",
        extra=len(check.digits) - expected,
        expected=expected,
    )
