"""Client behaviour that does not depend on the simulator: URLs, keys, timeouts, retries,
and how each transport failure is classified."""

from __future__ import annotations

import logging
import socket
from datetime import UTC, datetime, timedelta

import pytest

from pos_app.api import NO_RETRY, InsecureUrlError, OneClickClient, RetryPolicy, Timeouts
from pos_app.api import errors as api_errors
from pos_app.domain.numbers import LineType
from tests.api.scripted_server import ScriptedServer, load_fixture

SECRET = "s3cr3t-key-never-shown"
OK_BALANCE = '{"success": true, "data": {"balance": 10}}'


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.mark.parametrize(
    "url",
    [
        "http://api.oneclickdz.com/v3",
        "http://10.0.0.5:8080/v3",
        "ftp://127.0.0.1/v3",
        "https://user:pw@api.oneclickdz.com/v3",
        "not a url",
    ],
)
def test_refuses_urls_that_would_leak_the_key(url: str) -> None:
    with pytest.raises(InsecureUrlError):
        OneClickClient(url, SECRET)


@pytest.mark.parametrize(
    "url",
    [
        "https://api.oneclickdz.com/v3",
        "http://127.0.0.1:8123/v3",
        "http://localhost:1/v3/",
        "http://[::1]:9/v3",
        "http://127.3.4.5/v3",
    ],
)
def test_accepts_https_and_loopback_http(url: str) -> None:
    client = OneClickClient(url, SECRET)
    assert client.base_url == url.rstrip("/")


def test_default_url_and_environment(
    monkeypatch: pytest.MonkeyPatch, scripted: ScriptedServer
) -> None:
    monkeypatch.delenv("ONECLICK_API_URL", raising=False)
    monkeypatch.delenv("ONECLICK_API_KEY", raising=False)
    assert OneClickClient().base_url == "https://api.oneclickdz.com/v3"
    assert not OneClickClient().has_key
    monkeypatch.setenv("ONECLICK_API_URL", scripted.base_url)
    monkeypatch.setenv("ONECLICK_API_KEY", "env-key")
    scripted.push(200, OK_BALANCE)
    OneClickClient(retry=NO_RETRY).balance()
    assert scripted.seen[0].headers["X-Access-Token"] == "env-key"


def test_no_key_sends_no_header(scripted: ScriptedServer) -> None:
    scripted.push_fixture("ping")
    OneClickClient(scripted.base_url, "").ping()
    assert "X-Access-Token" not in scripted.seen[0].headers


def test_key_never_in_repr_errors_or_logs(
    scripted: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = OneClickClient(
        scripted.base_url,
        SECRET,
        retry=NO_RETRY,
        timeouts=Timeouts(connect=1, read=0.3, send_read=0.3),
    )
    scripted.push_fixture("invalid_access_token")
    scripted.push_drop()
    scripted.push(500, "oops")
    texts = [repr(client), str(client)]
    for call in (
        client.validate,
        client.balance,
        lambda: client.send(LineType.ADSL, "036362608", 500, "r-1"),
    ):
        with pytest.raises(api_errors.ApiError) as info:
            call()
        texts += [str(info.value), repr(info.value), repr(info.value.__cause__)]
    texts += [r.getMessage() for r in caplog.records]
    assert scripted.seen[0].headers["X-Access-Token"] == SECRET
    assert all(SECRET not in t for t in texts)


def test_connection_refused_is_not_sent() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = OneClickClient(f"http://127.0.0.1:{port}/v3", SECRET, retry=NO_RETRY)
    with pytest.raises(api_errors.NotSentError):
        client.send(LineType.ADSL, "036362608", 500, "r-1")
    with pytest.raises(api_errors.NotSentError):
        client.balance()


def test_dns_failure_is_not_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    client = OneClickClient("https://api.oneclickdz.invalid/v3", SECRET, retry=NO_RETRY)
    with pytest.raises(api_errors.NotSentError):
        client.send(LineType.ADSL, "036362608", 500, "r-1")


@pytest.mark.parametrize(
    "answer",
    [
        "drop",
        "500",
        "502-html",
        "503",
        "429",
        "garbage",
        "slow",
        "unknown-code",
        "success-without-data",
    ],
)
def test_send_is_never_retried_and_unclear_answers_are_outcome_unknown(
    scripted: ScriptedServer, answer: str
) -> None:
    sleeps = Sleeps()
    client = OneClickClient(
        scripted.base_url, SECRET, sleep=sleeps, timeouts=Timeouts(connect=1, read=1, send_read=0.3)
    )
    if answer == "drop":
        scripted.push_drop()
    elif answer == "500":
        scripted.push(
            500,
            '{"success": false, "error": {"code": "INTERNAL_ERROR", '
            '"message": "Internal server error"}}',
        )
    elif answer == "502-html":
        scripted.push(502, "<html>Bad gateway</html>")
    elif answer == "503":
        scripted.push(503, "")
    elif answer == "429":
        scripted.push(429, "", **{"Retry-After": "4"})
    elif answer == "garbage":
        scripted.push(200, '{"success": true, "data": {"topupId": "69')
    elif answer == "slow":
        scripted.push_slow(1.0, *load_fixture("send"))
    elif answer == "unknown-code":
        scripted.push(409, '{"success": false, "error": {"code": "SOMETHING_NEW", "message": "?"}}')
    else:
        scripted.push(200, '{"success": true}')
    scripted.push_fixture("send")  # a retry would get this
    with pytest.raises(api_errors.OutcomeUnknownError) as info:
        client.send(LineType.ADSL, "036362608", 500, "r-1")
    assert len(scripted.seen) == 1
    assert sleeps == []
    assert info.value.endpoint == "internet/send"
    if answer == "429":
        assert info.value.retry_after == 4.0


@pytest.mark.parametrize(
    "fixture",
    [
        "err_validation",
        "check_number_err_phone",
        "insufficient_balance",
        "duplicated_ref",
        "invalid_access_token",
        "ip_blocked",
    ],
)
def test_send_definite_answers_are_not_unknown(scripted: ScriptedServer, fixture: str) -> None:
    scripted.push_fixture(fixture)
    with pytest.raises(api_errors.ApiError) as info:
        OneClickClient(scripted.base_url, SECRET).send(LineType.ADSL, "036362608", 500, "r")
    assert not isinstance(info.value, api_errors.OutcomeUnknownError | api_errors.NotSentError)
    assert len(scripted.seen) == 1


def test_reads_retry_with_backoff_then_succeed(scripted: ScriptedServer) -> None:
    sleeps = Sleeps()
    client = OneClickClient(
        scripted.base_url,
        SECRET,
        sleep=sleeps,
        retry=RetryPolicy(attempts=4, base_delay=1, max_delay=3),
    )
    scripted.push(503, "")
    scripted.push_drop()
    scripted.push(200, "not json")
    scripted.push(200, OK_BALANCE)
    assert client.balance().amount == 10
    assert len(scripted.seen) == 4
    assert len(sleeps) == 3
    assert 0.5 <= sleeps[0] <= 1 and 1 <= sleeps[1] <= 2 and 1.5 <= sleeps[2] <= 3


def test_reads_honour_retry_after_seconds_and_date(scripted: ScriptedServer) -> None:
    sleeps = Sleeps()
    now = datetime(2026, 11, 25, 12, 0, 0, tzinfo=UTC)
    client = OneClickClient(
        scripted.base_url,
        SECRET,
        sleep=sleeps,
        now=lambda: now,
        retry=RetryPolicy(attempts=3, base_delay=0.1, max_delay=0.2),
    )
    scripted.push(429, "", **{"Retry-After": "7"})
    later = (now + timedelta(seconds=12)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    scripted.push(429, "", **{"Retry-After": later})
    scripted.push(200, OK_BALANCE)
    client.balance()
    assert sleeps == [7.0, 12.0]


def test_reads_give_up_when_retry_after_is_too_long(scripted: ScriptedServer) -> None:
    sleeps = Sleeps()
    client = OneClickClient(
        scripted.base_url, SECRET, sleep=sleeps, retry=RetryPolicy(attempts=5, max_retry_after=30)
    )
    scripted.push(429, "", **{"Retry-After": "200"})
    with pytest.raises(api_errors.RateLimitedError) as info:
        client.balance()
    assert info.value.retry_after == 200 and sleeps == []


def test_reads_stop_after_the_last_attempt(scripted: ScriptedServer) -> None:
    sleeps = Sleeps()
    client = OneClickClient(scripted.base_url, SECRET, sleep=sleeps, retry=RetryPolicy(attempts=2))
    scripted.push(500, '{"success": false, "error": {"code": "INTERNAL_ERROR", "message": "x"}}')
    scripted.push(503, "")
    with pytest.raises(api_errors.ServiceUnavailableError):
        client.balance()
    assert len(scripted.seen) == 2 and len(sleeps) == 1


def test_read_timeout_on_a_read(scripted: ScriptedServer) -> None:
    client = OneClickClient(
        scripted.base_url, SECRET, retry=NO_RETRY, timeouts=Timeouts(connect=1, read=0.2)
    )
    scripted.push_slow(0.8, 200, OK_BALANCE)
    with pytest.raises(api_errors.OutcomeUnknownError):
        client.balance()


def test_definite_errors_are_not_retried(scripted: ScriptedServer) -> None:
    sleeps = Sleeps()
    client = OneClickClient(scripted.base_url, SECRET, sleep=sleeps)
    scripted.push_fixture("invalid_access_token")
    with pytest.raises(api_errors.InvalidAccessTokenError):
        client.balance()
    assert len(scripted.seen) == 1 and sleeps == []


def test_unknown_status_is_kept_and_not_final(scripted: ScriptedServer) -> None:
    scripted.push(
        200,
        '{"success": true, "data": {"_id": "a", "ref": "r", "status": "pending", '
        '"type": "4G", "number": "213472731602", "topup_amount": 500, '
        '"brand_new_field": {"x": 1}}}',
    )
    topup = OneClickClient(scripted.base_url, SECRET).check_ref("r")
    assert topup.status == "PENDING"
    assert not topup.is_final and not topup.is_known_status
    assert topup.line_type is LineType.LTE


def test_success_false_with_http_200_is_malformed_not_a_refusal(scripted: ScriptedServer) -> None:
    scripted.push(200, '{"success": false, "error": {"code": "ERR_STOCK", "message": "out"}}')
    with pytest.raises(api_errors.MalformedResponseError) as info:
        OneClickClient(scripted.base_url, SECRET, retry=NO_RETRY).products(LineType.ADSL)
    assert info.value.server_code == "ERR_STOCK" and info.value.http_status == 200


@pytest.mark.parametrize(
    "body",
    [
        '{"success": true, "data": {"products": "nope"}}',
        "[1, 2]",
        '{"success": true, "data": {"balance": "lots"}}',
        '{"success": true, "data": {"balance": true}}',
    ],
)
def test_malformed_bodies_raise_malformed(scripted: ScriptedServer, body: str) -> None:
    scripted.push(200, body)
    client = OneClickClient(scripted.base_url, SECRET, retry=NO_RETRY)
    with pytest.raises(api_errors.MalformedResponseError):
        if "products" in body:
            client.products(LineType.ADSL)
        else:
            client.balance()


def test_one_bad_product_entry_is_skipped(scripted: ScriptedServer) -> None:
    scripted.push(
        200,
        '{"success": true, "data": {"type": "ADSL", "products": ['
        '{"value": 500, "cost": 490, "available": true}, {"value": "x"}, 7]}}',
    )
    products = OneClickClient(scripted.base_url, SECRET).products(LineType.ADSL)
    assert [p.value for p in products.products] == [500]


def test_list_filters_go_together() -> None:
    client = OneClickClient("http://127.0.0.1:9/v3", SECRET)
    with pytest.raises(ValueError, match="together"):
        client.list_topups(start=datetime.now(UTC))
