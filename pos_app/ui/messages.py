"""What happened and what to do, in a short translated sentence, for every API error code,
network failure and engine refusal. Screens never format errors themselves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from pos_app.api import contract
from pos_app.api import errors as e
from pos_app.domain.numbers import EXPECTED_LENGTH, LineType, NumberCheck, Problem
from pos_app.ui.i18n import translate

# Documented server error codes (and the status a sale ends in) -> message. Lambdas so the
# text is translated when asked, with the language active at that moment.
_BY_CODE: Final[dict[str, Callable[[], str]]] = {
    contract.ERR_VALIDATION: lambda: translate(
        "messages",
        "The request was refused as malformed. Check the number and the value, then try again.",
    ),
    contract.ERR_PHONE: lambda: translate(
        "messages",
        "This line does not exist or is not of this type. Check the number with the customer.",
    ),
    contract.ERR_STOCK: lambda: translate(
        "messages", "This card value is out of stock. Offer another value."
    ),
    contract.INSUFFICIENT_BALANCE: lambda: translate(
        "messages",
        "The account balance is too low for this card. Top up the account, then sell again.",
    ),
    contract.NO_BALANCE: lambda: translate(
        "messages",
        "The account balance is too low for this card. Top up the account, then sell again.",
    ),
    contract.DUPLICATED_REF: lambda: translate(
        "messages",
        "This sale was already received by OneClickDZ; it is being followed, not sold again.",
    ),
    contract.MISSING_ACCESS_TOKEN: lambda: translate(
        "messages",
        "No API key is configured. Set ONECLICK_API_KEY, or start in training mode (--demo).",
    ),
    contract.INVALID_ACCESS_TOKEN: lambda: translate(
        "messages",
        "The API key was refused. Check it in the settings; after 5 wrong keys the shop is "
        "blocked for 15 minutes.",
    ),
    contract.ERR_AUTH: lambda: translate(
        "messages",
        "The API key was refused. Check it in the settings; after 5 wrong keys the shop is "
        "blocked for 15 minutes.",
    ),
    contract.IP_BLOCKED: lambda: translate(
        "messages",
        "This shop is blocked for 15 minutes after wrong API keys. Wait, then check the key.",
    ),
    contract.NOT_FOUND: lambda: translate(
        "messages",
        "OneClickDZ does not know this sale. It will be checked again before anything is resent.",
    ),
    contract.RATE_LIMITED: lambda: translate(
        "messages",
        "Too many requests: OneClickDZ asks to wait a little. Nothing to do, it retries.",
    ),
    contract.INTERNAL_ERROR: lambda: translate(
        "messages", "OneClickDZ has a server problem. Sales wait and are retried; try again later."
    ),
    contract.SERVICE_UNAVAILABLE: lambda: translate(
        "messages", "OneClickDZ is down for maintenance. Sales wait and are sent when it is back."
    ),
    contract.STATUS_REFUNDED: lambda: translate(
        "messages",
        "OneClickDZ could not deliver the card and refunded the account. Sell again or "
        "offer another value.",
    ),
}

# Class names the engine records as failure codes when the server gave none.
_BY_CLASS: Final[dict[str, Callable[[], str]]] = {
    "NotSentError": lambda: translate(
        "messages",
        "Cannot reach OneClickDZ (network down?). The sale waits and is sent when the "
        "connection is back.",
    ),
    "OutcomeUnknownError": lambda: translate(
        "messages",
        "OneClickDZ did not answer in time. The sale is checked before anything is resent; "
        "do not sell it again.",
    ),
    "MalformedResponseError": lambda: translate(
        "messages", "OneClickDZ sent an unreadable answer. It is checked again automatically."
    ),
    "ServerError": _BY_CODE[contract.INTERNAL_ERROR],
    "ServiceUnavailableError": _BY_CODE[contract.SERVICE_UNAVAILABLE],
    "RateLimitedError": _BY_CODE[contract.RATE_LIMITED],
    "UnknownApiError": lambda: translate(
        "messages",
        "OneClickDZ refused the request for a reason this app does not know. Call support.",
    ),
}

# Refusals raised by the engine before a sale is recorded (SaleRefusedError.reason).
_REFUSALS: Final[dict[str, Callable[[], str]]] = {
    "number": lambda: translate(
        "messages", "The number is not valid for this line type. Check it."
    ),
    "value": lambda: translate(
        "messages", "This value is not sold for this line type. Pick another value."
    ),
    "stock": _BY_CODE[contract.ERR_STOCK],
    "balance": _BY_CODE[contract.INSUFFICIENT_BALANCE],
    "ref": lambda: translate("messages", "This sale was already recorded; it is not sold twice."),
    "cap_count": lambda: translate(
        "messages", "Too many sales are waiting for the connection. Wait until they are sent."
    ),
    "cap_dinars": lambda: translate(
        "messages", "Too much money is waiting for the connection. Wait until those sales are sent."
    ),
    "cap_age": lambda: translate(
        "messages",
        "A sale has waited for the connection too long. Check the internet, then sell again.",
    ),
    "cancel": lambda: translate(
        "messages", "This sale is already being sent; it cannot be cancelled."
    ),
}

KNOWN_CODES: Final = frozenset(_BY_CODE)
KNOWN_REFUSALS: Final = frozenset(_REFUSALS)


def for_code(code: str | None) -> str:
    """The message for a server error code or an engine failure code (never empty)."""
    if code:
        if code in _BY_CODE:
            return _BY_CODE[code]()
        if code in _BY_CLASS:
            return _BY_CLASS[code]()
    return translate(
        "messages", "Something unexpected went wrong ({code}). Call support if it repeats."
    ).format(code=code or "?")


def for_error(error: BaseException) -> str:
    """The message for an exception raised by the API client (or anything else)."""
    if isinstance(error, e.ApiError):
        for cls in type(error).__mro__:
            if cls.__name__ in _BY_CLASS:
                return _BY_CLASS[cls.__name__]()
        if error.server_code and error.server_code in _BY_CODE:
            return _BY_CODE[error.server_code]()
        if isinstance(error, e.AuthError):
            return _BY_CODE[contract.INVALID_ACCESS_TOKEN]()
        return _BY_CLASS["UnknownApiError"]()
    return translate("messages", "Unexpected error: {error}. Call support if it repeats.").format(
        error=type(error).__name__
    )


def line_not_checked(error: BaseException) -> str:
    """check-number could not be asked: selling stays possible."""
    if isinstance(error, e.NetworkError):
        return translate(
            "messages",
            "Line not checked: OneClickDZ cannot be reached. You can still sell; the "
            "sale waits for the connection.",
        )
    return translate("messages", "Line not checked: {reason}").format(reason=for_error(error))


def for_refusal(reason: str) -> str:
    """The message for an engine refusal (``SaleRefusedError.reason``)."""
    if reason in _REFUSALS:
        return _REFUSALS[reason]()
    return for_code(reason)


def type_name(kind: LineType) -> str:
    return translate("messages", "ADSL") if kind is LineType.ADSL else translate("messages", "4G")


def number_hint(check: NumberCheck) -> str:
    """A precise hint for the number being typed (empty when there is nothing to say)."""
    p = check.problem
    if p is None:
        return ""
    if p is Problem.EMPTY:
        return translate("messages", "Type the line number: ADSL 0 + 8 digits, 4G 213 + 9 digits.")
    if p is Problem.NOT_DIGITS:
        return translate("messages", "Only digits, please.")
    if p is Problem.WRONG_PREFIX:
        if check.kind is LineType.ADSL:
            return translate("messages", "An ADSL number starts with 0.")
        if check.kind is LineType.LTE:
            return translate("messages", "A 4G number starts with 213.")
        return translate("messages", "A number starts with 0 (ADSL) or 213 (4G).")
    if p is Problem.TYPE_MISMATCH:
        assert check.kind is not None
        return translate(
            "messages",
            "This looks like a {other} number, but {kind} is forced. Press F2 to change the type.",
        ).format(
            other=type_name(LineType.LTE if check.kind is LineType.ADSL else LineType.ADSL),
            kind=type_name(check.kind),
        )
    expected = check.expected_length or (EXPECTED_LENGTH[check.kind] if check.kind else 0)
    if p is Problem.TOO_SHORT:
        missing = expected - len(check.digits)
        return translate("messages", "{kind}: {missing} more digit(s) ({expected} in all).").format(
            kind=type_name(check.kind) if check.kind else "", missing=missing, expected=expected
        )
    return translate("messages", "{kind}: {extra} digit(s) too many ({expected} in all).").format(
        kind=type_name(check.kind) if check.kind else "",
        extra=len(check.digits) - expected,
        expected=expected,
    )
