"""The client against hostile answers and bad keys (issue 8, items 2, 7, 8 and "an unparseable
URL is not sent"), over real loopback HTTP from ``HostileServer``."""

from __future__ import annotations

import json
import logging
import math
import traceback
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests

from pos_app import api
from pos_app.api import NO_RETRY, OneClickClient, RetryPolicy, Timeouts
from pos_app.api import errors as api_errors
from pos_app.domain.numbers import LineType
from tests.api.hostile_server import Answer, HostileServer
from tests.api.scripted_server import load_fixture

SECRET = "hostile-SECRET-key-0123456789"
OK_BALANCE = b'{"success": true, "data": {"balance": 10}}'
SEND_STATUS, SEND_OK = load_fixture("send")
FAST = Timeouts(connect=2, read=2, send_read=2, total=10, send_total=10)
SHORT = Timeouts(connect=2, read=2, send_read=2, total=1.5, send_total=1.5)
BIG = 50 * 1024 * 1024


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as s:
        yield s


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def make(server: HostileServer, key: str = SECRET, **kwargs: Any) -> OneClickClient:
    kwargs.setdefault("retry", NO_RETRY)
    kwargs.setdefault("timeouts", FAST)
    return OneClickClient(server.base_url, key, **kwargs)


def send(client: OneClickClient) -> object:
    return client.send(LineType.ADSL, "036362608", 500, "caisse-1-r1")


def error_body(code: str) -> bytes:
    return json.dumps({"success": False, "error": {"code": code, "message": "no"}}).encode()


# --- item 2: a refusal code counts only on a 4xx ------------------------------------------

REFUSAL_CODES = [
    "ERR_STOCK",
    "INSUFFICIENT_BALANCE",
    "ERR_PHONE",
    "DUPLICATED_REF",
    "INVALID_ACCESS_TOKEN",
    "NOT_FOUND",
]


@pytest.mark.parametrize("status", [500, 502, 503, 429, 200, 302])
@pytest.mark.parametrize("code", REFUSAL_CODES)
def test_item2_send_refusal_code_without_a_4xx_is_outcome_unknown(
    server: HostileServer, status: int, code: str
) -> None:
    server.push(Answer(status, error_body(code)))
    with pytest.raises(api_errors.OutcomeUnknownError) as info:
        send(make(server))
    assert info.value.server_code == code and info.value.http_status == status
    assert len(server.seen) == 1


@pytest.mark.parametrize(
    ("code", "status", "kind"),
    [
        ("ERR_STOCK", 400, api_errors.OutOfStockError),
        ("INSUFFICIENT_BALANCE", 403, api_errors.InsufficientBalanceError),
        ("DUPLICATED_REF", 403, api_errors.DuplicatedRefError),
        ("ERR_PHONE", 400, api_errors.PhoneError),
    ],
)
def test_item2_send_refusal_code_on_a_4xx_is_still_definite(
    server: HostileServer, code: str, status: int, kind: type[api_errors.ApiError]
) -> None:
    server.push(Answer(status, error_body(code)))
    with pytest.raises(kind):
        send(make(server))


@pytest.mark.parametrize(
    ("status", "code", "call", "kind"),
    [
        (500, "ERR_STOCK", "products", api_errors.ServerError),
        (502, "ERR_PHONE", "check_number", api_errors.ServerError),
        (500, "NOT_FOUND", "check_ref", api_errors.ServerError),
        (503, "NOT_FOUND", "check_ref", api_errors.ServiceUnavailableError),
        (500, "INVALID_ACCESS_TOKEN", "balance", api_errors.ServerError),
        (200, "NOT_FOUND", "check_ref", api_errors.MalformedResponseError),
    ],
)
def test_item2_read_refusal_code_without_a_4xx_is_retryable(
    server: HostileServer, status: int, code: str, call: str, kind: type[api_errors.ApiError]
) -> None:
    calls: dict[str, Callable[[OneClickClient], object]] = {
        "products": lambda c: c.products(LineType.ADSL),
        "check_number": lambda c: c.check_number(LineType.ADSL, "036362608"),
        "check_ref": lambda c: c.check_ref("caisse-1-r1"),
        "balance": lambda c: c.balance(),
    }
    server.push(Answer(status, error_body(code)))
    with pytest.raises(kind) as info:
        calls[call](make(server))
    assert not isinstance(
        info.value, api_errors.RefusedError | api_errors.NotFoundError | api_errors.AuthError
    )
    # ... and a read retries it like any server failure.
    sleeps = Sleeps()
    server.push(Answer(status, error_body(code)))
    server.push(Answer(200, OK_BALANCE))
    client = make(server, retry=RetryPolicy(attempts=2), sleep=sleeps)
    assert client.balance().amount == 10
    assert len(sleeps) == 1


# --- item 7: a malformed key never leaks ---------------------------------------------------


def test_item7_check_api_key_strips_surrounding_whitespace() -> None:
    assert api.check_api_key(f" \t{SECRET}\r\n") == SECRET
    assert api.check_api_key("") == ""
    assert api.check_api_key(" \r\n") == ""


@pytest.mark.parametrize(
    ("raw", "position"),
    [
        ("abc def", 4),
        ("abc\tdef", 4),
        ("abc\rdef", 4),
        ("abc\r\nX-Evil: 1", 4),
        ("abcé", 4),
        ("ab€", 3),
        ("مفتاح", 1),
        ("ab\x00c", 3),
        ("ab\x7fc", 3),
    ],
)
def test_item7_check_api_key_refuses_other_characters_without_showing_them(
    raw: str, position: int
) -> None:
    with pytest.raises(api.InvalidKeyFormatError) as info:
        api.check_api_key(raw)
    assert isinstance(info.value, ValueError)
    assert str(info.value) == (
        f"the API key contains a character that is not allowed (position {position}); "
        "paste it again"
    )


@pytest.mark.parametrize("raw", [f"{SECRET}\r", f"{SECRET}\n", f"{SECRET} ", f"\t{SECRET}\r\n"])
def test_item7_key_pasted_with_surrounding_whitespace_works(
    server: HostileServer, raw: str
) -> None:
    server.push(Answer(200, OK_BALANCE))
    assert make(server, raw).balance().amount == 10
    assert server.seen[0].headers["X-Access-Token"] == SECRET


def test_item7_bad_key_is_refused_at_construction_and_from_the_environment(
    server: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = SECRET[:10] + "€" + SECRET[10:]
    with pytest.raises(api.InvalidKeyFormatError) as info:
        OneClickClient(server.base_url, bad)
    assert SECRET[:10] not in str(info.value) and "position 11" in str(info.value)
    monkeypatch.setenv("ONECLICK_API_KEY", bad)
    with pytest.raises(api.InvalidKeyFormatError) as info:
        OneClickClient(server.base_url)
    assert SECRET[:10] not in str(info.value)
    assert server.seen == []


def _texts_of(exc: BaseException) -> list[str]:
    """Every text an exception shows: str, repr, its chain and its formatted traceback."""
    texts = ["".join(traceback.format_exception(exc))]
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        texts += [str(current), repr(current), repr(current.args)]
        cause = getattr(current, "cause", None)
        if isinstance(cause, BaseException):
            texts += [str(cause), repr(cause)]
        current = current.__cause__ or current.__context__
    return texts


BAD_KEYS = [f"{SECRET}\r\nX-Evil: 1", f"{SECRET}\n", f"{SECRET}€", f"{SECRET}مفتاح", f"{SECRET}\r"]


@pytest.mark.parametrize("how", ["auth", "header"])
@pytest.mark.parametrize("bad", BAD_KEYS)
def test_item7_bad_key_past_the_check_is_not_sent_and_never_shown(
    server: HostileServer, caplog: pytest.LogCaptureFixture, bad: str, how: str
) -> None:
    caplog.set_level(logging.DEBUG)
    session = requests.Session()
    client = make(server, "", session=session)
    # Past check_api_key: the key goes onto the session as a caller (or a bug) might put it.
    if how == "auth":

        def auth(request: requests.PreparedRequest) -> requests.PreparedRequest:
            request.headers["X-Access-Token"] = bad
            return request

        session.auth = auth
    else:
        session.headers["X-Access-Token"] = bad
    texts: list[str] = []
    for call in (send, lambda c: c.balance(), lambda c: c.check_ref("caisse-1-r1")):
        with pytest.raises(api_errors.NotSentError) as info:
            call(client)
        texts += _texts_of(info.value)
    texts += [r.getMessage() for r in caplog.records]
    texts += [logging.Formatter().format(r) for r in caplog.records]
    assert server.seen == []
    assert all(SECRET not in t for t in texts)


# --- an unparseable URL is not sent --------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:99999/v3",
        "http://127.0.0.1:0/v3",
        "http://127.0.0.1:port/v3",
        "http://127.0.0.1:-1/v3",
        "http://[::1/v3",
        "http://127.0.0.1:80 80/v3",
        "http://127.0.0.1/v3\r\n",
    ],
)
def test_unparseable_url_is_refused_at_construction(url: str) -> None:
    with pytest.raises(api.BadUrlError) as info:
        OneClickClient(url, SECRET)
    assert isinstance(info.value, ValueError) and SECRET not in str(info.value)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:99999/v3",
        "http://[::1/v3",
        "127.0.0.1:8/v3",
        "ftp://127.0.0.1/v3",
        "http:///v3",
        "http://127.0.0.1:-1/v3",
    ],
)
def test_unparseable_url_at_call_time_is_not_sent(url: str) -> None:
    client = OneClickClient("http://127.0.0.1:9/v3", SECRET, retry=NO_RETRY, timeouts=FAST)
    client.base_url = url  # as if the check were bypassed
    with pytest.raises(api_errors.NotSentError) as info:
        send(client)
    assert SECRET not in str(info.value)
    with pytest.raises(api_errors.NotSentError):
        client.balance()


# --- item 8a: Retry-After has a ceiling -----------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("99999999", 300.0),
        ("Fri, 31 Dec 2100 23:59:59 GMT", 300.0),
        ("1e400", None),
        ("-5", None),
        ("nan", None),
        ("inf", None),
        ("-inf", None),
        ("7", 7.0),
        ("299.5", 299.5),
    ],
)
def test_item8_retry_after_is_capped_and_nonsense_ignored(
    server: HostileServer, header: str, expected: float | None
) -> None:
    server.push(Answer(429, b"", headers={"Retry-After": header}))
    with pytest.raises(api_errors.OutcomeUnknownError) as unknown:
        send(make(server))
    server.push(Answer(429, b"", headers={"Retry-After": header}))
    with pytest.raises(api_errors.RateLimitedError) as limited:
        make(server).balance()
    assert unknown.value.retry_after == expected
    assert limited.value.retry_after == expected


def test_item8_reads_wait_at_most_the_ceiling(server: HostileServer) -> None:
    sleeps = Sleeps()
    client = make(server, sleep=sleeps, retry=RetryPolicy(attempts=2, max_retry_after=10_000))
    server.push(Answer(429, b"", headers={"Retry-After": "99999999"}))
    server.push(Answer(200, OK_BALANCE))
    assert client.balance().amount == 10
    assert sleeps == [300.0]


def test_item8_exceptions_hold_capped_retry_after() -> None:
    assert api_errors.RateLimitedError("x", retry_after=1e12).retry_after == 300
    assert api_errors.OutcomeUnknownError("x", retry_after=1e12).retry_after == 300
    assert api_errors.OutcomeUnknownError("x", retry_after=math.nan).retry_after is None
    assert api_errors.RateLimitedError("x", retry_after=-1).retry_after is None
    assert api_errors.RateLimitedError("x", retry_after=12.5).retry_after == 12.5


# --- item 8b: a total deadline per call -----------------------------------------------------


@pytest.mark.slow  # each case waits out a 1.5 s deadline
@pytest.mark.parametrize("call", ["send", "read"])
@pytest.mark.parametrize(
    "drip",
    [
        Answer(200, SEND_OK.encode(), drip_headers=0.2),
        Answer(200, SEND_OK.encode(), drip_body=0.2),
        Answer(200, SEND_OK.encode(), drip_body=0.2, framing="chunked"),
        Answer(200, SEND_OK.encode(), drip_body=0.2, framing="close"),
    ],
    ids=["headers", "body", "chunked-body", "body-to-eof"],
)
def test_item8_dripping_answer_cannot_outlive_the_deadline(
    server: HostileServer, call: str, drip: Answer
) -> None:
    # Each byte comes well within the 2 s read timeout; the whole answer takes 10 s or more.
    server.push(drip)
    client = make(server, timeouts=SHORT)
    with pytest.raises(api_errors.OutcomeUnknownError) as info:
        if call == "send":
            send(client)
        else:
            client.check_ref("caisse-1-r1")
    assert "deadline" in str(info.value)
    # The connection the watchdog shut is not reused: the next call is answered.
    server.push(Answer(200, OK_BALANCE))
    assert client.balance().amount == 10


def test_item8_slow_answer_within_the_deadline_is_read(server: HostileServer) -> None:
    server.push(Answer(200, OK_BALANCE, drip_body=0.005, drip_headers=0.002))
    assert make(server).balance().amount == 10


# --- item 8c: a body size limit -------------------------------------------------------------


@pytest.mark.parametrize("call", ["send", "read"])
@pytest.mark.parametrize("framing", ["length", "chunked", "close"])
def test_item8_huge_body_is_refused_without_reading_it(
    server: HostileServer, call: str, framing: Any
) -> None:
    server.push(
        Answer(200, b'{"success": true, "data": {"balance": 1', filler=BIG, framing=framing)
    )
    client = make(
        server, timeouts=Timeouts(connect=2, read=5, send_read=5, total=60, send_total=60)
    )
    kind = api_errors.OutcomeUnknownError if call == "send" else api_errors.MalformedResponseError
    tracemalloc.start()
    try:
        with pytest.raises(kind):
            if call == "send":
                send(client)
            else:
                client.balance()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 30 * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB for a 50 MiB answer"


def test_item8_body_up_to_the_limit_is_read(server: HostileServer) -> None:
    server.push(Answer(200, OK_BALANCE, filler=1024 * 1024, pad=b" ", framing="chunked"))
    assert make(server).balance().amount == 10


@pytest.mark.parametrize("call", ["send", "read"])
def test_item8_deeply_nested_body_is_malformed_not_a_crash(
    server: HostileServer, call: str
) -> None:
    server.push(Answer(200, b"[" * 200_000 + b"]" * 200_000))
    kind = api_errors.OutcomeUnknownError if call == "send" else api_errors.MalformedResponseError
    with pytest.raises(kind):
        send(make(server)) if call == "send" else make(server).balance()


def test_tls_refused_before_the_request_is_not_sent(server: HostileServer) -> None:
    # https to a plain-http server: the handshake fails before any request byte is written.
    client = OneClickClient(
        server.base_url.replace("http://", "https://"), SECRET, retry=NO_RETRY, timeouts=FAST
    )
    with pytest.raises(api_errors.NotSentError):
        send(client)
    assert server.seen == []
