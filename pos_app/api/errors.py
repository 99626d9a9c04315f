"""The client's exceptions: one type per documented error code, plus the two the order
engine depends on (``NotSentError``: nothing left the machine; ``OutcomeUnknownError``: the
request left and its answer was lost or garbled).

No exception ever carries the API key: messages are built from the server's error body,
the HTTP status, the endpoint path and the request id only.

An error code in the body decides the exception only on a 4xx: a 5xx or a 429 is read by its
status whatever the body says, and a 2xx/3xx carrying an error is a malformed answer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar

from pos_app.api import contract

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def cap_retry_after(seconds: float | None) -> float | None:
    """Retry-After seconds held to ``contract.MAX_RETRY_AFTER``; negative, NaN or infinite
    values are ignored (None)."""
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return None
    return float(min(seconds, contract.MAX_RETRY_AFTER))


class ApiError(Exception):
    """Any failure of a call to the OneClickDZ API."""

    code: ClassVar[str | None] = None

    def __init__(
        self,
        message: str,
        *,
        http_status: int | None = None,
        code: str | None = None,
        details: Mapping[str, Any] | None = None,
        request_id: str | None = None,
        endpoint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.http_status = http_status
        self.server_code = code if code is not None else type(self).code
        self.details: Mapping[str, Any] = MappingProxyType(dict(details)) if details else _EMPTY
        self.request_id = request_id
        self.endpoint = endpoint

    def __str__(self) -> str:
        parts = [self.message]
        if self.server_code:
            parts.append(f"code={self.server_code}")
        if self.http_status is not None:
            parts.append(f"http={self.http_status}")
        if self.endpoint:
            parts.append(f"endpoint={self.endpoint}")
        if self.request_id:
            parts.append(f"requestId={self.request_id}")
        return " ".join(parts)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


# --- transport: what happened to the request itself -------------------------------------


class NetworkError(ApiError):
    """The exchange with the server failed below the API level."""


class NotSentError(NetworkError):
    """Nothing left this machine (connection refused, DNS failure, connect timeout).

    For a send, this proves the order was not placed: resending with the same ref is safe.
    """


class OutcomeUnknownError(NetworkError):
    """The request left this machine and no trustworthy answer came back.

    Raised for a send on a read timeout, a dropped connection, a 5xx, a 429 or a body that
    does not parse. The order may or may not exist: only check-ref can tell.
    ``cause`` is the underlying error when there was one.
    """

    def __init__(
        self,
        message: str,
        *,
        cause: BaseException | None = None,
        retry_after: float | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(message, **kwargs)
        self.cause = cause
        self.retry_after = cap_retry_after(retry_after)


class MalformedResponseError(ApiError):
    """The server answered, but the body is not the documented JSON envelope."""


class ServerError(ApiError):
    """The server failed (HTTP 5xx) on a read; safe to ask again later."""


class ServiceUnavailableError(ServerError):
    """HTTP 503: the service is down for a while."""


class RateLimitedError(ApiError):
    """HTTP 429. ``retry_after`` holds the Retry-After seconds when the server sent them
    (at most ``contract.MAX_RETRY_AFTER``)."""

    code = contract.RATE_LIMITED

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = cap_retry_after(retry_after)


# --- definite refusals: the server understood and said no; nothing was charged -----------


class RefusedError(ApiError):
    """A definite refusal of a request; for a send, nothing was charged."""


class ValidationError(RefusedError):
    """ERR_VALIDATION: the request failed the server's schema validation."""

    code = contract.ERR_VALIDATION


class PhoneError(RefusedError):
    """ERR_PHONE: the number is invalid, does not exist or does not match the type."""

    code = contract.ERR_PHONE


class OutOfStockError(RefusedError):
    """ERR_STOCK: this card value is out of stock."""

    code = contract.ERR_STOCK


class InsufficientBalanceError(RefusedError):
    """INSUFFICIENT_BALANCE / NO_BALANCE: the account balance is too low."""

    code = contract.INSUFFICIENT_BALANCE

    @property
    def required(self) -> object:
        return self.details.get("required")

    @property
    def available(self) -> object:
        return self.details.get("available")


class DuplicatedRefError(ApiError):
    """DUPLICATED_REF: an order with this ref already exists; adopt it, never re-send."""

    code = contract.DUPLICATED_REF


class NotFoundError(ApiError):
    """NOT_FOUND: no such order (or route)."""

    code = contract.NOT_FOUND


# --- authentication ------------------------------------------------------------------------


class AuthError(ApiError):
    """The key was missing, wrong, or this IP is blocked. Stop and fix the settings."""


class MissingAccessTokenError(AuthError):
    """MISSING_ACCESS_TOKEN: no key was configured or sent."""

    code = contract.MISSING_ACCESS_TOKEN


class InvalidAccessTokenError(AuthError):
    """INVALID_ACCESS_TOKEN / ERR_AUTH: the key is wrong, expired or revoked."""

    code = contract.INVALID_ACCESS_TOKEN

    @property
    def attempts_left(self) -> int | None:
        value = self.details.get("attemptsLeft")
        return value if isinstance(value, int) and not isinstance(value, bool) else None


class IpBlockedError(AuthError):
    """IP_BLOCKED: too many wrong keys; this IP is blocked for 15 minutes."""

    code = contract.IP_BLOCKED


class UnknownApiError(ApiError):
    """An error code this client does not know."""


_BY_CODE: Mapping[str, type[ApiError]] = MappingProxyType(
    {
        contract.ERR_VALIDATION: ValidationError,
        contract.ERR_PHONE: PhoneError,
        contract.ERR_STOCK: OutOfStockError,
        contract.INSUFFICIENT_BALANCE: InsufficientBalanceError,
        contract.NO_BALANCE: InsufficientBalanceError,
        contract.DUPLICATED_REF: DuplicatedRefError,
        contract.MISSING_ACCESS_TOKEN: MissingAccessTokenError,
        contract.INVALID_ACCESS_TOKEN: InvalidAccessTokenError,
        contract.ERR_AUTH: InvalidAccessTokenError,
        contract.IP_BLOCKED: IpBlockedError,
        contract.NOT_FOUND: NotFoundError,
    }
)


def error_for(
    http_status: int,
    code: str | None,
    message: str,
    *,
    details: Mapping[str, Any] | None = None,
    request_id: str | None = None,
    endpoint: str | None = None,
    retry_after: float | None = None,
) -> ApiError:
    """Build the exception for an error answer. A documented code decides only on a 4xx:
    429 and 5xx go by status whatever the body says; below 400 an error is malformed."""
    kwargs: dict[str, Any] = {
        "http_status": http_status,
        "code": code,
        "details": details,
        "request_id": request_id,
        "endpoint": endpoint,
    }
    if http_status == 429:
        return RateLimitedError(message, retry_after=retry_after, **kwargs)
    if http_status == 503:
        return ServiceUnavailableError(message, **kwargs)
    if http_status >= 500:
        return ServerError(message, **kwargs)
    if http_status < 400:
        return MalformedResponseError(f"HTTP {http_status} carrying an error ({message})", **kwargs)
    if code is not None and code in _BY_CODE:
        return _BY_CODE[code](message, **kwargs)
    if http_status == 404:
        return NotFoundError(message, **kwargs)
    if http_status == 401:
        return InvalidAccessTokenError(message, **kwargs)
    return UnknownApiError(message, **kwargs)
