"""The OneClickDZ v3 client: one ``requests.Session``, typed results, typed errors.

Promises:
- connect and read timeouts on every call, and a total deadline (a watchdog shuts the socket
  down when it passes, however slowly the server drips); TLS verified; plain http only to
  loopback; answer bodies over ``contract.MAX_BODY_BYTES`` are refused, never read whole;
- ``send`` is never retried here: it returns an accepted order, raises a definite refusal
  (only ever on a 4xx), raises ``NotSentError`` (nothing left the machine) or
  ``OutcomeUnknownError``;
- reads retry transient failures with capped exponential backoff and jitter, honouring
  Retry-After (capped at ``contract.MAX_RETRY_AFTER``), when the ``RetryPolicy`` allows more
  than one attempt;
- every error a request can raise becomes an ``ApiError``; the API key never appears in logs,
  exception messages or reprs (transport errors are described by type name only);
- a key the server refused (missing or wrong) is never sent again to that server by this
  process, by any client, however its URL is spelt, until it changes (rule 14: five wrong
  keys block the shop's address for 15 minutes); a blocked address gets no key at all until
  its block has passed.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import http.client
import json
import logging
import os
import random
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote, urlsplit

import requests
import urllib3.connection
import urllib3.connectionpool
import urllib3.exceptions
import urllib3.poolmanager
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict

from pos_app import __version__
from pos_app.api import contract, parse
from pos_app.api.errors import (
    ApiError,
    AuthError,
    IpBlockedError,
    MalformedResponseError,
    NetworkError,
    NotSentError,
    OutcomeUnknownError,
    RateLimitedError,
    ServerError,
    UnknownApiError,
    cap_retry_after,
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
from pos_app.domain.redaction import register_key
from pos_app.domain.urls import check_base_url, is_loopback_host

log = logging.getLogger(__name__)

ENV_URL = "ONECLICK_API_URL"
ENV_KEY = "ONECLICK_API_KEY"


class InvalidKeyFormatError(ValueError):
    """The API key holds a character no key can hold; its message never shows the key."""


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds. ``send_read`` is longer: the docs' clients wait 30 s for an order.

    ``total`` and ``send_total`` are deadlines for a whole call (connect, headers and body),
    however slowly the answer arrives."""

    connect: float = 5.0
    read: float = 15.0
    send_read: float = 30.0
    total: float = 20.0
    send_total: float = 40.0


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


class _TokenAuth(requests.auth.AuthBase):
    """Adds the X-Access-Token header; its repr never shows the key."""

    def __init__(self, key: str) -> None:
        self._key = key

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers[contract.TOKEN_HEADER] = self._key
        return request

    def __repr__(self) -> str:
        return "_TokenAuth(<hidden>)"


def check_api_key(raw: str) -> str:
    """The key without surrounding whitespace; raises ``InvalidKeyFormatError`` when any
    other character is not printable ASCII (a space inside, a control or non-ASCII one).

    The message gives the position only, never the key or the character."""
    key = raw.strip()
    for position, ch in enumerate(key, start=1):
        if not "!" <= ch <= "~":
            raise InvalidKeyFormatError(
                f"the API key contains a character that is not allowed (position {position}); "
                "paste it again"
            )
    return key


def _retry_after_seconds(value: str | None, now: Callable[[], datetime]) -> float | None:
    """Retry-After as seconds (a number or an HTTP date), held to ``MAX_RETRY_AFTER``."""
    if not value:
        return None
    value = value.strip()
    try:
        return cap_retry_after(float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        seconds = (when - now()).total_seconds()
    except OverflowError:
        return None
    return cap_retry_after(max(0.0, seconds))


# --- the call's deadline and "did anything leave" ------------------------------------------


class _Watch:
    """One call's watchdog: the socket in use, whether request bytes were handed to it, and
    whether the deadline passed (then the socket is shut down, waking any blocked read)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._done = False
        self.engaged = False  # a watched connection took the request
        self.sent = False  # bytes of the request were handed to the socket
        self.expired = False

    def attach(self, sock: socket.socket | None) -> None:
        with self._lock:
            self.engaged = True
            if sock is None or self._done:
                return
            self._sock = sock
            if self.expired:
                _shutdown(sock)

    def expire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.expired = True
            if self._sock is not None:
                _shutdown(self._sock)

    def finish(self) -> None:
        with self._lock:
            self._done = True
            self._sock = None


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError, ValueError):  # already closed: nothing blocks on it
        sock.shutdown(socket.SHUT_RDWR)


_CURRENT = threading.local()


def _watch() -> _Watch | None:
    watch: _Watch | None = getattr(_CURRENT, "watch", None)
    return watch


class _WatchedHTTPConnection(urllib3.connection.HTTPConnection):
    """Reports its socket and its first byte sent to the calling thread's ``_Watch``."""

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        if (watch := _watch()) is not None:
            watch.attach(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        if (watch := _watch()) is not None:
            watch.attach(self.sock)
        super().request(*args, **kwargs)

    def send(self, data: Any) -> None:
        if self.sock is None and self.auto_open:
            self.connect()
        if (watch := _watch()) is not None:
            watch.attach(self.sock)
            watch.sent = True
        super().send(data)


class _WatchedHTTPSConnection(_WatchedHTTPConnection, urllib3.connection.HTTPSConnection):
    """The https twin: the same reports, with TLS (``super()`` reaches HTTPSConnection)."""


class _WatchedHTTPPool(urllib3.connectionpool.HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(urllib3.connectionpool.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_WATCHED_POOLS: dict[str, type[urllib3.connectionpool.HTTPConnectionPool]] = {
    "http": _WatchedHTTPPool,
    "https": _WatchedHTTPSPool,
}


class _WatchedAdapter(HTTPAdapter):
    """An adapter whose connections report to the calling thread's ``_Watch``."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_WATCHED_POOLS)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if isinstance(manager, urllib3.poolmanager.ProxyManager):  # not SOCKS
            manager.pool_classes_by_scheme = dict(_WATCHED_POOLS)
        return manager


class _TooLargeError(Exception):
    """The answer body is over ``contract.MAX_BODY_BYTES``."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _ExpiredError(Exception):
    """The call's deadline passed while its answer was being read."""


@dataclass(frozen=True, slots=True)
class _Answer:
    status_code: int
    headers: CaseInsensitiveDict[str]
    content: bytes


# Errors raised before any connection exists; nothing left the machine.
_BAD_URL = (
    requests.exceptions.InvalidURL,
    requests.exceptions.MissingSchema,
    requests.exceptions.InvalidSchema,
    requests.exceptions.URLRequired,
    urllib3.exceptions.LocationParseError,
)
_UNSENDABLE = (*_BAD_URL, requests.exceptions.InvalidHeader)


def _not_sent(exc: BaseException, watch: _Watch) -> bool:
    """True when the error proves no byte of the request left for a server."""
    if watch.engaged:
        return not watch.sent
    if isinstance(exc, _UNSENDABLE):
        return True
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


def _read_body(response: requests.Response, deadline: float) -> bytes:
    """The body, read in pieces: refused past ``MAX_BODY_BYTES`` (declared or counted) and
    abandoned past ``deadline`` (monotonic)."""
    declared = response.headers.get("Content-Length")
    if declared is not None:
        try:
            if int(declared) > contract.MAX_BODY_BYTES:
                raise _TooLargeError(response.status_code)
        except ValueError:
            pass  # counted below instead
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(chunk_size=64 * 1024):
        size += len(chunk)
        if size > contract.MAX_BODY_BYTES:
            raise _TooLargeError(response.status_code)
        if time.monotonic() > deadline:
            raise _ExpiredError
        chunks.append(chunk)
    return b"".join(chunks)


IP_BLOCK_SECONDS = 15 * 60.0  # the docs' block after five wrong keys


_DEFAULT_PORTS = {"http": 80, "https": 443}
_ANY_KEY = ""  # the latch's entry for every key at a server (an address block)


def server_identity(base_url: str) -> str:
    """The server ``base_url`` names, as the refused-key latch knows it: its host lower-cased
    without a trailing dot (every loopback name and address is one host, ``loopback``) and
    its port (the scheme's default when none is given). The path is left out: the lock-out
    counts wrong keys per address at a server, whatever path they were sent to, so
    ``http://LOCALHOST:8765/v3/`` and ``http://127.0.0.1:8765//v3`` are one server."""
    parts = urlsplit(base_url)
    host = (parts.hostname or "").rstrip(".").lower()
    if is_loopback_host(host):
        host = "loopback"
    try:
        port = parts.port
    except ValueError:
        port = None
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    return f"{host}:{port or _DEFAULT_PORTS.get(parts.scheme.lower(), 0)}"


class _RefusedKeys:
    """Which keys a server refused in this process, and until when (``None``: until the key
    changes). An entry is (:func:`server_identity`, key fingerprint); an address block
    (``IP_BLOCKED``) holds every key at that server until it has passed. Keys are held as
    SHA-256 digests, never in clear."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._refused: dict[tuple[str, str], tuple[AuthError, float | None]] = {}

    def refusal(self, target: tuple[str, str]) -> AuthError | None:
        server = target[0]
        with self._lock:
            for entry_key in (target, (server, _ANY_KEY)):
                entry = self._refused.get(entry_key)
                if entry is None:
                    continue
                error, until = entry
                if until is not None and self.clock() >= until:
                    del self._refused[entry_key]  # the block has passed: one more try
                    continue
                return error
            return None

    def remember(
        self, target: tuple[str, str], error: AuthError, retry_after: float | None
    ) -> None:
        until = None
        if isinstance(error, IpBlockedError):
            # The docs' 15 minutes, however short a Retry-After says (it is capped at 300 s):
            # any key tried while the address is still blocked only prolongs the lock-out.
            until = self.clock() + max(retry_after or 0.0, IP_BLOCK_SECONDS)
            target = (target[0], _ANY_KEY)
        with self._lock:
            self._refused[target] = (error, until)

    def forget(self, target: tuple[str, str]) -> None:
        """Drop the refusal of this key (an address block holds until it has passed)."""
        with self._lock:
            self._refused.pop(target, None)

    def clear(self) -> None:
        with self._lock:
            self._refused.clear()


REFUSED_KEYS = _RefusedKeys()


def _fingerprint(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class OneClickClient:
    """Blocking client of the OneClickDZ v3 internet top-up API (use it off the GUI thread).

    Without ``api_key`` it uses the configured key (:func:`pos_app.api.keys.configured_key`);
    ``""`` means no key."""

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
        self.base_url = check_base_url(
            base_url or os.environ.get(ENV_URL) or contract.DEFAULT_BASE_URL
        )
        if api_key is None:  # the app's one reading: ONECLICK_API_KEY, else the keyring
            from pos_app.api.keys import configured_key

            api_key = configured_key().key or ""
        register_key(api_key)  # hidden from every log, even one the check will refuse
        key = check_api_key(api_key)
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
        self._key_target = (server_identity(self.base_url), _fingerprint(key))
        if is_loopback_host(urlsplit(self.base_url).hostname or ""):
            # A shop's proxy settings must not route the local simulator elsewhere.
            self._session.trust_env = False
        adapter = _WatchedAdapter(max_retries=0, pool_connections=4, pool_maxsize=8)
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)

    @property
    def has_key(self) -> bool:
        return self._session.auth is not None

    @property
    def key_refusal(self) -> AuthError | None:
        """The server's refusal of this client's key, while it stands (nothing is sent)."""
        return REFUSED_KEYS.refusal(self._key_target)

    def set_key(self, api_key: str) -> None:
        """Use another key from now on (checked like the one given at construction). A key
        that was refused stays refused; a new one is sent again."""
        register_key(api_key)
        key = check_api_key(api_key)
        self._session.auth = _TokenAuth(key) if key else None
        self._key_target = (server_identity(self.base_url), _fingerprint(key))

    def forget_key_refusal(self) -> None:
        """The shop says the key was fixed on the supplier's side: try it once more."""
        REFUSED_KEYS.forget(self._key_target)

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
        self,
        page: int = 1,
        page_size: int = contract.DEFAULT_PAGE_SIZE,
        start: datetime | None = None,
        end: datetime | None = None,
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
        self,
        page: int = 1,
        page_size: int = contract.DEFAULT_PAGE_SIZE,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> Page[Topup]:
        data, meta = self._get(contract.LIST, _list_params(page, page_size, start, end))
        return parse.page(data, meta, parse.topup, requested_page=page)

    def send(self, line_type: LineType, number: str, value: int, ref: str) -> SendResult:
        """Place one order. Never retried: see the module docstring for what it may raise."""
        body = {"type": LineType(line_type).value, "number": number, "value": value, "ref": ref}
        try:
            response = self._exchange(
                "POST",
                contract.SEND,
                json=body,
                read_timeout=self.timeouts.send_read,
                total=self.timeouts.send_total,
            )
            data, _ = self._decode(response, contract.SEND)
            return parse.send_result(data)
        except NotSentError:
            raise
        except (
            NetworkError,
            ServerError,
            RateLimitedError,
            MalformedResponseError,
            UnknownApiError,
        ) as exc:
            retry_after = getattr(exc, "retry_after", None)
            raise OutcomeUnknownError(
                f"the order may or may not have been placed ({type(exc).__name__}: "
                f"{exc.message}); ask check-ref before anything else",
                cause=exc,
                retry_after=retry_after,
                http_status=exc.http_status,
                code=exc.server_code,
                request_id=exc.request_id,
                endpoint=contract.SEND,
            ) from exc

    # --- plumbing --------------------------------------------------------------------------

    def _get(self, path: str, params: Mapping[str, str | int] | None = None) -> tuple[Any, Any]:
        attempt = 1
        while True:
            try:
                response = self._exchange(
                    "GET",
                    path,
                    params=params,
                    read_timeout=self.timeouts.read,
                    total=self.timeouts.total,
                )
                return self._decode(response, path)
            except (NetworkError, ServerError, RateLimitedError, MalformedResponseError) as exc:
                retry_after = getattr(exc, "retry_after", None)
                if attempt >= self.retry.attempts or (
                    retry_after is not None and retry_after > self.retry.max_retry_after
                ):
                    raise
                wait = self.retry.delay(attempt, self._rng, retry_after)
                log.info(
                    "GET %s failed (%s); retry %d in %.2fs", path, type(exc).__name__, attempt, wait
                )
                self._sleep(wait)
                attempt += 1

    def _exchange(
        self,
        method: str,
        path: str,
        *,
        read_timeout: float,
        total: float,
        params: Mapping[str, str | int] | None = None,
        json: object = None,
    ) -> _Answer:
        """One request and its whole answer within ``total`` seconds. Every failure becomes
        ``NotSentError`` (nothing left), ``OutcomeUnknownError`` or, for a body over the
        limit, ``MalformedResponseError``; messages hold fixed phrases and type names only."""
        refused = REFUSED_KEYS.refusal(self._key_target)
        if refused is not None:
            # Rule 14: never send a refused key again (nothing leaves the machine).
            raise type(refused)(
                f"{method} {path}: not sent, the key was refused ({refused.server_code}); "
                "set a valid key",
                code=refused.server_code,
                endpoint=path,
            )
        url = f"{self.base_url}/{path}"
        started = time.monotonic()
        deadline = started + total
        watch = _Watch()
        timer = threading.Timer(total, watch.expire)
        timer.daemon = True
        failure: Exception | None = None
        answer: _Answer | None = None
        _CURRENT.watch = watch
        timer.start()
        try:
            response = self._session.request(
                method,
                url,
                params=params,
                json=json,
                verify=True,
                stream=True,
                timeout=(min(self.timeouts.connect, total), min(read_timeout, total)),
                allow_redirects=False,
            )
            try:
                content = _read_body(response, deadline)
                if watch.expired:
                    raise _ExpiredError
                answer = _Answer(response.status_code, response.headers, content)
            finally:
                watch.finish()
                response.close()
        except Exception as exc:  # noqa: BLE001 - every failure is mapped below, key-free
            failure = exc
        finally:
            timer.cancel()
            watch.finish()
            _CURRENT.watch = None
        if answer is not None:
            log.debug(
                "%s %s -> %d in %.0f ms",
                method,
                path,
                answer.status_code,
                (time.monotonic() - started) * 1000,
            )
            return answer
        assert failure is not None
        raise self._failure(method, path, failure, watch, total)

    def _failure(
        self, method: str, path: str, exc: Exception, watch: _Watch, total: float
    ) -> ApiError:
        """The key-free ``ApiError`` for a failed exchange (built outside ``except``, so it
        carries no chained exception that could hold a header value)."""
        if isinstance(exc, _TooLargeError):
            log.warning(
                "%s %s: answer body over %d bytes; refused", method, path, contract.MAX_BODY_BYTES
            )
            return MalformedResponseError(
                f"the answer is larger than {contract.MAX_BODY_BYTES} bytes; not read",
                http_status=exc.status,
                endpoint=path,
            )
        if watch.expired or isinstance(exc, _ExpiredError):
            description = f"no complete answer within the call's {total:g} s deadline"
        else:
            description = _describe(exc)
        kind = NotSentError if _not_sent(exc, watch) else OutcomeUnknownError
        log.warning("%s %s: %s (%s)", method, path, kind.__name__, type(exc).__name__)
        return kind(f"{method} {path}: {description}", endpoint=path)

    def _decode(self, response: _Answer, path: str) -> tuple[Any, Any]:
        status = response.status_code
        retry_after = _retry_after_seconds(response.headers.get("Retry-After"), self._now)
        try:
            body = json.loads(response.content, parse_float=Decimal)
        except (ValueError, RecursionError):  # RecursionError: nesting deeper than Python's
            body = None
        if not isinstance(body, Mapping):
            if status == 429 or status >= 500:
                raise error_for(
                    status,
                    None,
                    f"HTTP {status} without a JSON body",
                    endpoint=path,
                    retry_after=retry_after,
                )
            raise MalformedResponseError(
                f"HTTP {status}: the body is not a JSON object", http_status=status, endpoint=path
            )
        request_id = body.get("requestId") if isinstance(body.get("requestId"), str) else None
        if body.get("success") is True and status < 400:
            if "data" not in body:
                raise MalformedResponseError(
                    "success without 'data'",
                    http_status=status,
                    endpoint=path,
                    request_id=request_id,
                )
            return body["data"], body.get("meta")
        error = body.get("error")
        error = error if isinstance(error, Mapping) else {}
        code = error.get("code") if isinstance(error.get("code"), str) else None
        message = error.get("message") if isinstance(error.get("message"), str) else None
        details = error.get("details") if isinstance(error.get("details"), Mapping) else None
        if status < 400 and code is None:
            raise MalformedResponseError(
                f"HTTP {status} with neither success nor an error code",
                http_status=status,
                endpoint=path,
                request_id=request_id,
            )
        # error_for: a code decides only on a 4xx (5xx/429 by status, below 400 malformed).
        failure = error_for(
            status,
            code,
            message or f"HTTP {status}",
            details=details,
            request_id=request_id,
            endpoint=path,
            retry_after=retry_after,
        )
        if isinstance(failure, AuthError):
            log.error(
                "the API key was refused (%s); it will not be sent again", failure.server_code
            )
            REFUSED_KEYS.remember(self._key_target, failure, retry_after)
        raise failure


def _describe(exc: BaseException) -> str:
    """A short, key-free description of a transport error: a fixed phrase and a type name,
    never the exception's text (it can quote a header value, such as the key)."""
    name = type(exc).__name__
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return "connection timed out"
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return "no answer before the read timeout"
    if isinstance(exc, _BAD_URL):
        return f"the URL cannot be used ({name})"
    if isinstance(exc, requests.exceptions.ConnectionError):
        return "connection failed or dropped"
    if isinstance(exc, requests.exceptions.InvalidHeader | UnicodeError):
        return f"a request header could not be sent; check the API key ({name})"
    if isinstance(exc, http.client.HTTPException):
        return f"the answer broke the HTTP protocol ({name})"
    if isinstance(exc, OSError):
        return f"a network error ({name})"
    if isinstance(exc, ValueError):
        return f"the request could not be built or sent ({name})"
    return f"the request failed ({name})"


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
    return (
        moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    )
