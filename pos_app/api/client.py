"""The OneClickDZ v3 client: one ``requests.Session``, typed results, typed errors.

Promises:
- connect and read timeouts on every call; TLS verified; plain http only to loopback;
- ``send`` is never retried here: it returns an accepted order, raises a definite refusal,
  raises ``NotSentError`` (nothing left the machine) or ``OutcomeUnknownError``;
- reads retry transient failures with capped exponential backoff and jitter, honouring
  Retry-After, when the ``RetryPolicy`` allows more than one attempt;
- the API key never appears in logs, exception messages or reprs.
"""

from __future__ import annotations

import email.utils
import ipaddress
import json
import logging
import os
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote, urlsplit

import requests
import urllib3.exceptions
from requests.adapters import HTTPAdapter

from pos_app import __version__
from pos_app.api import contract, parse
from pos_app.api.errors import (
    MalformedResponseError,
    NetworkError,
    NotSentError,
    OutcomeUnknownError,
    RateLimitedError,
    ServerError,
    UnknownApiError,
    error_for,
)
from pos_app.api.models import (
    Balance,
    KeyInfo,
    LineInfo,
    Page,
    Ping,
    ProductList,
    SendResult,
    Topup,
    Transaction,
)
from pos_app.domain.numbers import LineType

log = logging.getLogger(__name__)

ENV_URL = "ONECLICK_API_URL"
ENV_KEY = "ONECLICK_API_KEY"


class InsecureUrlError(ValueError):
    """The base URL would send the key in clear text (plain http to a non-loopback host)."""


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds. ``send_read`` is longer: the docs' clients wait 30 s for an order."""

    connect: float = 5.0
    read: float = 15.0
    send_read: float = 30.0


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How reads retry: attempts in all, backoff base and cap, the longest Retry-After kept."""

    attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0

    def delay(self, attempt: int, rng: random.Random, retry_after: float | None) -> float:
        """Seconds to wait before attempt ``attempt + 1`` (``attempt`` counts from 1)."""
        backoff = min(self.max_delay, self.base_delay * (2 ** (attempt - 1)))
        jittered = backoff * (0.5 + rng.random() / 2)
        return float(max(jittered, retry_after)) if retry_after is not None else jittered


NO_RETRY = RetryPolicy(attempts=1)


def is_loopback_host(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> str:
    """The base URL without a trailing slash; refuses what would leak the key."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme not in {"http", "https"} or not host:
        raise InsecureUrlError(f"not an http(s) URL: {url!r}")
    if parts.scheme == "http" and not is_loopback_host(host):
        raise InsecureUrlError(
            f"plain http is refused for {host}: the API key would travel in clear text; "
            "use https (plain http is allowed only for the local simulator on 127.0.0.1)"
        )
    if parts.username or parts.password:
        raise InsecureUrlError("credentials in the base URL are refused")
    return url.rstrip("/")


class _TokenAuth(requests.auth.AuthBase):
    """Adds the X-Access-Token header; its repr never shows the key."""

    def __init__(self, key: str) -> None:
        self._key = key

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers[contract.TOKEN_HEADER] = self._key
        return request

    def __repr__(self) -> str:
        return "_TokenAuth(<hidden>)"


def _retry_after_seconds(value: str | None, now: Callable[[], datetime]) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now()).total_seconds())


def _not_sent(exc: requests.RequestException) -> bool:
    """True when the error proves no byte of the request reached a server."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    if not isinstance(exc, requests.exceptions.ConnectionError):
        return False
    reason: object = exc.args[0] if exc.args else None
    if isinstance(reason, urllib3.exceptions.MaxRetryError):
        reason = reason.reason
    return isinstance(
        reason, (urllib3.exceptions.NewConnectionError, urllib3.exceptions.ConnectTimeoutError)
    )


class OneClickClient:
    """Blocking client of the OneClickDZ v3 internet top-up API (use it off the GUI thread)."""

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        *,
        session: requests.Session | None = None,
        timeouts: Timeouts = Timeouts(),
        retry: RetryPolicy = RetryPolicy(),
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.base_url = check_base_url(base_url or os.environ.get(ENV_URL) or
                                       contract.DEFAULT_BASE_URL)
        key = api_key if api_key is not None else os.environ.get(ENV_KEY, "")
        self.timeouts = timeouts
        self.retry = retry
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._now = now
        self._session = session or requests.Session()
        self._session.headers["User-Agent"] = f"pos-app/{__version__}"
        self._session.headers["Accept"] = "application/json"
        self._session.verify = True
        self._session.auth = _TokenAuth(key) if key else None
        if is_loopback_host(urlsplit(self.base_url).hostname or ""):
            # A shop's proxy settings must not route the local simulator elsewhere.
            self._session.trust_env = False
        adapter = HTTPAdapter(max_retries=0, pool_connections=4, pool_maxsize=8)
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)

    @property
    def has_key(self) -> bool:
        return self._session.auth is not None

    def __repr__(self) -> str:
        key = "<set>" if self.has_key else None
        return f"OneClickClient(base_url={self.base_url!r}, key={key})"

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> OneClickClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- endpoints -------------------------------------------------------------------------

    def ping(self) -> Ping:
        return parse.ping(self._get(contract.PING)[0])

    def validate(self) -> KeyInfo:
        return parse.key_info(self._get(contract.VALIDATE)[0])

    def balance(self) -> Balance:
        return parse.balance(self._get(contract.BALANCE)[0])

    def transactions(
        self, page: int = 1, page_size: int = contract.DEFAULT_PAGE_SIZE,
        start: datetime | None = None, end: datetime | None = None,
    ) -> Page[Transaction]:
        data, meta = self._get(contract.TRANSACTIONS, _list_params(page, page_size, start, end))
        return parse.page(data, meta, parse.transaction, requested_page=page)

    def products(self, line_type: LineType) -> ProductList:
        data, _ = self._get(contract.PRODUCTS, {"type": LineType(line_type).value})
        return parse.products(data, LineType(line_type))

    def check_number(self, line_type: LineType, number: str) -> LineInfo:
        kind = LineType(line_type)
        data, _ = self._get(contract.CHECK_NUMBER, {"type": kind.value, "number": number})
        return parse.line_info(data, kind, number)

    def check_id(self, topup_id: str) -> Topup:
        return parse.topup(self._get(f"{contract.CHECK_ID}/{quote(topup_id, safe='')}")[0])

    def check_ref(self, ref: str) -> Topup:
        return parse.topup(self._get(f"{contract.CHECK_REF}/{quote(ref, safe='')}")[0])

    def list_topups(
        self, page: int = 1, page_size: int = contract.DEFAULT_PAGE_SIZE,
        start: datetime | None = None, end: datetime | None = None,
    ) -> Page[Topup]:
        data, meta = self._get(contract.LIST, _list_params(page, page_size, start, end))
        return parse.page(data, meta, parse.topup, requested_page=page)

    def send(self, line_type: LineType, number: str, value: int, ref: str) -> SendResult:
        """Place one order. Never retried: see the module docstring for what it may raise."""
        body = {"type": LineType(line_type).value, "number": number, "value": value, "ref": ref}
        try:
            response = self._exchange("POST", contract.SEND, json=body,
                                      read_timeout=self.timeouts.send_read)
            data, _ = self._decode(response, contract.SEND)
            return parse.send_result(data)
        except NotSentError:
            raise
        except (NetworkError, ServerError, RateLimitedError, MalformedResponseError,
                UnknownApiError) as exc:
            retry_after = getattr(exc, "retry_after", None)
            raise OutcomeUnknownError(
                f"the order may or may not have been placed ({type(exc).__name__}); "
                f"ask check-ref before anything else",
                cause=exc, retry_after=retry_after, http_status=exc.http_status,
                code=exc.server_code, request_id=exc.request_id, endpoint=contract.SEND,
            ) from exc

    # --- plumbing --------------------------------------------------------------------------

    def _get(
        self, path: str, params: Mapping[str, str | int] | None = None
    ) -> tuple[Any, Any]:
        attempt = 1
        while True:
            try:
                response = self._exchange("GET", path, params=params,
                                          read_timeout=self.timeouts.read)
                return self._decode(response, path)
            except (NetworkError, ServerError, RateLimitedError, MalformedResponseError) as exc:
                retry_after = getattr(exc, "retry_after", None)
                if attempt >= self.retry.attempts or (
                    retry_after is not None and retry_after > self.retry.max_retry_after
                ):
                    raise
                wait = self.retry.delay(attempt, self._rng, retry_after)
                log.info("GET %s failed (%s); retry %d in %.2fs", path, type(exc).__name__,
                         attempt, wait)
                self._sleep(wait)
                attempt += 1

    def _exchange(
        self, method: str, path: str, *, read_timeout: float,
        params: Mapping[str, str | int] | None = None, json: object = None,
    ) -> requests.Response:
        url = f"{self.base_url}/{path}"
        started = time.monotonic()
        try:
            response = self._session.request(
                method, url, params=params, json=json, verify=True,
                timeout=(self.timeouts.connect, read_timeout), allow_redirects=False,
            )
        except requests.RequestException as exc:
            kind = NotSentError if _not_sent(exc) else OutcomeUnknownError
            log.warning("%s %s: %s (%s)", method, path, kind.__name__, type(exc).__name__)
            raise kind(f"{method} {path}: {_describe(exc)}", endpoint=path) from None
        log.debug("%s %s -> %d in %.0f ms", method, path, response.status_code,
                  (time.monotonic() - started) * 1000)
        return response

    def _decode(self, response: requests.Response, path: str) -> tuple[Any, Any]:
        status = response.status_code
        retry_after = _retry_after_seconds(response.headers.get("Retry-After"), self._now)
        try:
            body = json.loads(response.content, parse_float=Decimal)
        except ValueError:
            body = None
        if not isinstance(body, Mapping):
            if status == 429 or status >= 500:
                raise error_for(status, None, f"HTTP {status} without a JSON body",
                                endpoint=path, retry_after=retry_after)
            raise MalformedResponseError(
                f"HTTP {status}: the body is not a JSON object", http_status=status, endpoint=path
            )
        request_id = body.get("requestId") if isinstance(body.get("requestId"), str) else None
        if body.get("success") is True and status < 400:
            if "data" not in body:
                raise MalformedResponseError("success without 'data'", http_status=status,
                                             endpoint=path, request_id=request_id)
            return body["data"], body.get("meta")
        error = body.get("error")
        error = error if isinstance(error, Mapping) else {}
        code = error.get("code") if isinstance(error.get("code"), str) else None
        message = error.get("message") if isinstance(error.get("message"), str) else None
        details = error.get("details") if isinstance(error.get("details"), Mapping) else None
        if status < 400 and code is None:
            raise MalformedResponseError(
                f"HTTP {status} with neither success nor an error code",
                http_status=status, endpoint=path, request_id=request_id,
            )
        raise error_for(status, code, message or f"HTTP {status}", details=details,
                        request_id=request_id, endpoint=path, retry_after=retry_after)


def _describe(exc: requests.RequestException) -> str:
    """A short, key-free description of a transport error."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return "connection timed out"
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return "no answer before the read timeout"
    if isinstance(exc, requests.exceptions.ConnectionError):
        return "connection failed or dropped"
    return type(exc).__name__


def _list_params(
    page: int, page_size: int, start: datetime | None, end: datetime | None
) -> dict[str, str | int]:
    if (start is None) != (end is None):
        raise ValueError("from and to go together: give both or neither")
    params: dict[str, str | int] = {"page": page, "pageSize": page_size}
    if start is not None and end is not None:
        params["from"] = _iso(start)
        params["to"] = _iso(end)
    return params


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("list filters need timezone-aware datetimes")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + \
        f"{moment.microsecond // 1000:03d}Z"
