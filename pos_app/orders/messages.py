"""What happened and what to do, in one short English sentence, for every API error code,
network failure and engine refusal (no Qt: the command line prints these, ``ui.messages``
shows them translated)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from pos_app.api import contract
from pos_app.api import errors as api_errors
from pos_app.domain.translatable import QT_TRANSLATE_NOOP

_BALANCE_TOO_LOW: Final = QT_TRANSLATE_NOOP(
    "messages",
    "The account balance is too low for this card. Top up the account, then sell again.",
)
_KEY_REFUSED: Final = QT_TRANSLATE_NOOP(
    "messages",
    "The API key was refused. Check it in the settings; after 5 wrong keys the shop is "
    "blocked for 15 minutes.",
)

# Documented server error codes (and the status a sale ends in) -> message.
BY_CODE: Final[dict[str, str]] = {
    contract.ERR_VALIDATION: QT_TRANSLATE_NOOP(
        "messages",
        "The request was refused as malformed. Check the number and the value, then try again.",
    ),
    contract.ERR_PHONE: QT_TRANSLATE_NOOP(
        "messages",
        "This line does not exist or is not of this type. Check the number with the customer.",
    ),
    contract.ERR_STOCK: QT_TRANSLATE_NOOP(
        "messages", "This card value is out of stock. Offer another value."
    ),
    contract.INSUFFICIENT_BALANCE: _BALANCE_TOO_LOW,
    contract.NO_BALANCE: _BALANCE_TOO_LOW,
    contract.DUPLICATED_REF: QT_TRANSLATE_NOOP(
        "messages",
        "This sale was already received by OneClickDZ; it is being followed, not sold again.",
    ),
    contract.MISSING_ACCESS_TOKEN: QT_TRANSLATE_NOOP(
        "messages",
        "No API key is configured. Enter it in the settings (Ctrl+,) or with pos-app config "
        "api_key, or start in training mode (--demo).",
    ),
    contract.INVALID_ACCESS_TOKEN: _KEY_REFUSED,
    contract.ERR_AUTH: _KEY_REFUSED,
    contract.IP_BLOCKED: QT_TRANSLATE_NOOP(
        "messages",
        "This shop is blocked for 15 minutes after wrong API keys. Wait, then check the key.",
    ),
    contract.NOT_FOUND: QT_TRANSLATE_NOOP(
        "messages",
        "OneClickDZ does not know this sale. It will be checked again before anything is resent.",
    ),
    contract.RATE_LIMITED: QT_TRANSLATE_NOOP(
        "messages",
        "Too many requests: OneClickDZ asks to wait a little. Nothing to do, it retries.",
    ),
    contract.INTERNAL_ERROR: QT_TRANSLATE_NOOP(
        "messages", "OneClickDZ has a server problem. Sales wait and are retried; try again later."
    ),
    contract.SERVICE_UNAVAILABLE: QT_TRANSLATE_NOOP(
        "messages", "OneClickDZ is down for maintenance. Sales wait and are sent when it is back."
    ),
    contract.STATUS_REFUNDED: QT_TRANSLATE_NOOP(
        "messages",
        "OneClickDZ could not deliver the card and refunded the account. Sell again or "
        "offer another value.",
    ),
}

# Class names the engine records as failure codes when the server gave none.
BY_CLASS: Final[dict[str, str]] = {
    "NotSentError": QT_TRANSLATE_NOOP(
        "messages",
        "Cannot reach OneClickDZ (network down?). The sale waits and is sent when the "
        "connection is back.",
    ),
    "OutcomeUnknownError": QT_TRANSLATE_NOOP(
        "messages",
        "OneClickDZ did not answer in time. The sale is checked before anything is resent; "
        "do not sell it again.",
    ),
    "MalformedResponseError": QT_TRANSLATE_NOOP(
        "messages", "OneClickDZ sent an unreadable answer. It is checked again automatically."
    ),
    "ServerError": BY_CODE[contract.INTERNAL_ERROR],
    "ServiceUnavailableError": BY_CODE[contract.SERVICE_UNAVAILABLE],
    "RateLimitedError": BY_CODE[contract.RATE_LIMITED],
    "UnknownApiError": QT_TRANSLATE_NOOP(
        "messages",
        "OneClickDZ refused the request for a reason this app does not know. Call support.",
    ),
}

# Refusals raised by the engine before a sale is recorded (SaleRefusedError.reason).
REFUSALS: Final[dict[str, str]] = {
    "number": QT_TRANSLATE_NOOP(
        "messages", "The number is not valid for this line type. Check it."
    ),
    "value": QT_TRANSLATE_NOOP(
        "messages", "This value is not sold for this line type. Pick another value."
    ),
    "stock": BY_CODE[contract.ERR_STOCK],
    "balance": BY_CODE[contract.INSUFFICIENT_BALANCE],
    "ref": QT_TRANSLATE_NOOP("messages", "This sale was already recorded; it is not sold twice."),
    "cap_count": QT_TRANSLATE_NOOP(
        "messages", "Too many sales are waiting for the connection. Wait until they are sent."
    ),
    "cap_dinars": QT_TRANSLATE_NOOP(
        "messages", "Too much money is waiting for the connection. Wait until those sales are sent."
    ),
    "cap_age": QT_TRANSLATE_NOOP(
        "messages",
        "A sale has waited for the connection too long. Check the internet, then sell again.",
    ),
    "cancel": QT_TRANSLATE_NOOP(
        "messages", "This sale is already being sent; it cannot be cancelled."
    ),
}

UNEXPECTED_CODE: Final = QT_TRANSLATE_NOOP(
    "messages", "Something unexpected went wrong ({code}). Call support if it repeats."
)
UNEXPECTED_ERROR: Final = QT_TRANSLATE_NOOP(
    "messages", "Unexpected error: {error}. Call support if it repeats."
)

KNOWN_CODES: Final = frozenset(BY_CODE)
KNOWN_REFUSALS: Final = frozenset(REFUSALS)

Translate = Callable[[str], str]


def english(text: str) -> str:
    """The source text itself (the command line shows English)."""
    return text


def for_code(code: str | None, translate: Translate = english) -> str:
    """The message for a server error code or an engine failure code (never empty)."""
    if code:
        if code in BY_CODE:
            return translate(BY_CODE[code])
        if code in BY_CLASS:
            return translate(BY_CLASS[code])
    return translate(UNEXPECTED_CODE).format(code=code or "?")


def for_error(error: BaseException, translate: Translate = english) -> str:
    """The message for an exception raised by the API client (or anything else)."""
    if isinstance(error, api_errors.ApiError):
        for cls in type(error).__mro__:
            if cls.__name__ in BY_CLASS:
                return translate(BY_CLASS[cls.__name__])
        if error.server_code and error.server_code in BY_CODE:
            return translate(BY_CODE[error.server_code])
        if isinstance(error, api_errors.AuthError):
            return translate(BY_CODE[contract.INVALID_ACCESS_TOKEN])
        return translate(BY_CLASS["UnknownApiError"])
    return translate(UNEXPECTED_ERROR).format(error=type(error).__name__)


def for_refusal(reason: str, translate: Translate = english) -> str:
    """The message for an engine refusal (``SaleRefusedError.reason``)."""
    if reason in REFUSALS:
        return translate(REFUSALS[reason])
    return for_code(reason, translate)
