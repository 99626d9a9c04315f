"""Contract tests: the real client against the real simulator over loopback HTTP.

Every endpoint, every documented error code, and what the order engine relies on: a send is
never retried, a dropped answer after acting is "outcome unknown" and the order exists, a
refused connection is "not sent" and nothing exists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from pos_app.api import NO_RETRY, OneClickClient, RetryPolicy, Timeouts
from pos_app.api import errors as api_errors
from pos_app.api.client import REFUSED_KEYS
from pos_app.domain.numbers import LineType
from pos_app.simulator import DEFAULT_SIM_KEY, FaultRule, SimConfig, Simulator
from tests.support.clock import Clock

START = datetime(2026, 3, 1, 8, 0, 0, tzinfo=UTC)
ADSL = "036362608"
LTE = "213472731602"


@pytest.fixture
def clock() -> Clock:
    """The shared fake clock; its seconds start at 5000, its ``now()`` at START."""
    return Clock(START, seconds=5000.0)


@pytest.fixture
def make_sim(clock: Clock) -> Iterator[Callable[..., Simulator]]:
    sims: list[Simulator] = []

    def make(**overrides: Any) -> Simulator:
        overrides.setdefault("start_time", START)
        overrides.setdefault("seed", 7)
        sim = Simulator(SimConfig(**overrides), clock=clock).start()
        sims.append(sim)
        return sim

    yield make
    for sim in sims:
        sim.stop()


@pytest.fixture
def sim(make_sim: Callable[..., Simulator]) -> Simulator:
    return make_sim()


def client(sim: Simulator, key: str | None = DEFAULT_SIM_KEY, **kwargs: Any) -> OneClickClient:
    kwargs.setdefault("retry", NO_RETRY)
    kwargs.setdefault("timeouts", Timeouts(connect=2, read=2, send_read=0.5))
    return OneClickClient(sim.base_url, key or "", **kwargs)


def sends(sim: Simulator) -> int:
    return sum(1 for r in sim.requests() if r.method == "POST" and r.path.endswith("/send"))


# --- every endpoint ---------------------------------------------------------------------------


def test_ping_without_a_key(sim: Simulator) -> None:
    ping = client(sim, key=None).ping()
    assert ping.api_ok and set(ping.operators) >= {"mobilis", "djezzy", "ooredoo"}


@pytest.mark.parametrize("key_type", ["SANDBOX", "PRODUCTION"])
def test_validate(make_sim: Callable[..., Simulator], key_type: str) -> None:
    info = client(make_sim(key_type=key_type)).validate()
    assert info.key_type == key_type and info.is_sandbox == (key_type == "SANDBOX")
    assert info.is_enabled and info.scope == "READ-WRITE" and info.username.startswith("+213")


def test_balance_and_products(sim: Simulator) -> None:
    c = client(sim)
    assert c.balance().amount == Decimal("50000.00")
    adsl = c.products(LineType.ADSL)
    lte = c.products(LineType.LTE)
    assert adsl.line_type is LineType.ADSL and lte.line_type is LineType.LTE
    assert {p.value for p in adsl.products if not p.available} == {3000}
    assert {p.value for p in lte.products if not p.available} == {1500}
    assert all(0 < p.cost <= p.value for p in adsl.products + lte.products)


def test_check_number_both_types(sim: Simulator) -> None:
    c = client(sim)
    adsl = c.check_number(LineType.ADSL, ADSL)
    assert adsl.line_type is LineType.ADSL and adsl.offre and adsl.ncli and "*" in adsl.ncli
    lte = c.check_number(LineType.LTE, LTE)
    assert lte.line_type is LineType.LTE and lte.raw_type == "4GLTE" and lte.offre is None


def test_a_sale_from_send_to_fulfilled(sim: Simulator, clock: Clock) -> None:
    c = client(sim)
    cost = c.products(LineType.ADSL).get(1000)
    assert cost is not None
    sent = c.send(LineType.ADSL, ADSL, 1000, "C1-20260301T080000-AAAA2222")
    assert sent.topup_ref == "C1-20260301T080000-AAAA2222" and len(sent.topup_id) == 24
    assert c.balance().amount == Decimal("50000.00") - cost.cost
    by_id = c.check_id(sent.topup_id)
    by_ref = c.check_ref(sent.topup_ref)
    assert by_id == by_ref
    assert by_id.status == "HANDLING" and by_id.card_code is None
    assert (by_id.number, by_id.topup_amount, by_id.line_type) == (ADSL, 1000, LineType.ADSL)
    clock.advance(45.1)
    done = c.check_ref(sent.topup_ref)
    assert done.is_final
    if done.is_fulfilled:
        assert done.card_code and done.num_trans and done.date_traitement
    listed = c.list_topups()
    assert [t.ref for t in listed.items] == [sent.topup_ref]
    assert listed.items[0].status == done.status
    ledger = c.transactions()
    assert {t.type for t in ledger.items} >= {"DEPOSIT", "ADSL"}
    debit = next(t for t in ledger.items if t.type == "ADSL")
    assert debit.objid == sent.topup_id and debit.amount == cost.cost


def test_refund_credits_the_balance_back(sim: Simulator, clock: Clock) -> None:
    c = client(sim)
    before = c.balance().amount
    sent = c.send(LineType.LTE, "213550000001", 500, "ref-refund-1")
    assert c.balance().amount < before
    clock.advance(46)
    topup = c.check_id(sent.topup_id)
    assert topup.is_refunded and topup.card_code is None
    assert c.balance().amount == before
    assert "REFUND-ADSL" in {t.type for t in c.transactions().items}


def test_queued_is_not_final_and_resolves_later(sim: Simulator, clock: Clock) -> None:
    c = client(sim)
    sent = c.send(LineType.ADSL, "023450002", 500, "ref-queued-1")
    clock.advance(46)
    queued = c.check_ref(sent.topup_ref)
    assert queued.is_queued and not queued.is_final
    clock.advance(48 * 3600)
    assert c.check_ref(sent.topup_ref).is_fulfilled


def test_lists_page_and_filter(sim: Simulator, clock: Clock) -> None:
    c = client(sim)
    for i in range(5):
        c.send(LineType.ADSL, ADSL, 500, f"ref-page-{i}")
        clock.advance(1)
    first = c.list_topups(page=1, page_size=2)
    assert len(first.items) == 2 and first.pagination.has_next
    assert first.pagination.total_items == 5
    last = c.list_topups(page=3, page_size=2)
    assert len(last.items) == 1 and not last.pagination.has_next
    refs = {t.ref for p in (1, 2, 3) for t in c.list_topups(page=p, page_size=2).items}
    assert refs == {f"ref-page-{i}" for i in range(5)}
    window = c.list_topups(start=START - timedelta(days=1), end=START - timedelta(hours=1))
    assert window.items == ()


# --- every error code -------------------------------------------------------------------------


def test_err_validation(sim: Simulator) -> None:
    with pytest.raises(api_errors.ValidationError):
        client(sim).send(LineType.ADSL, ADSL, 750, "ref-v")
    with pytest.raises(api_errors.ValidationError):
        client(sim).list_topups(page_size=1000)


def test_err_phone(sim: Simulator) -> None:
    c = client(sim)
    with pytest.raises(api_errors.PhoneError):
        c.check_number(LineType.ADSL, LTE)
    with pytest.raises(api_errors.PhoneError) as info:
        c.check_number(LineType.ADSL, "023450000")
    assert "exist" in str(info.value.details.get("reason", "")).lower()
    with pytest.raises(api_errors.PhoneError):
        c.send(LineType.LTE, ADSL, 500, "ref-p")
    assert sim.accepted() == []


def test_err_stock(sim: Simulator) -> None:
    with pytest.raises(api_errors.OutOfStockError):
        client(sim).send(LineType.ADSL, ADSL, 3000, "ref-s")
    sim.set_stock("ADSL", 3000, True)
    assert client(sim).send(LineType.ADSL, ADSL, 3000, "ref-s").topup_ref == "ref-s"


def test_insufficient_balance(make_sim: Callable[..., Simulator]) -> None:
    sim = make_sim(balance=Decimal("100.00"))
    with pytest.raises(api_errors.InsufficientBalanceError) as info:
        client(sim).send(LineType.ADSL, ADSL, 500, "ref-b")
    assert info.value.required == 490 and Decimal(str(info.value.available)) == 100
    assert sim.accepted() == [] and sim.balance == Decimal("100.00")


def test_duplicated_ref_leaves_the_first_order(sim: Simulator) -> None:
    c = client(sim)
    first = c.send(LineType.ADSL, ADSL, 500, "ref-dup")
    balance = c.balance().amount
    with pytest.raises(api_errors.DuplicatedRefError):
        c.send(LineType.LTE, LTE, 2000, "ref-dup")
    assert c.check_ref("ref-dup").id == first.topup_id
    assert c.balance().amount == balance and len(sim.accepted()) == 1


def test_missing_access_token(sim: Simulator) -> None:
    with pytest.raises(api_errors.MissingAccessTokenError):
        client(sim, key=None).balance()


def test_wrong_key_counts_down_then_ip_blocked(
    sim: Simulator, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The client never sends a refused key twice (rule 14): five different wrong keys.
    monkeypatch.setattr(REFUSED_KEYS, "clock", clock)  # blocks end on the simulator's time
    left = []
    for attempt in range(5):
        with pytest.raises(api_errors.InvalidAccessTokenError) as info:
            client(sim, key=f"not-the-key-{attempt}").validate()
        left.append(info.value.attempts_left)
    assert left == [4, 3, 2, 1, 0]
    with pytest.raises(api_errors.IpBlockedError):
        client(sim).balance()  # even the right key, from this address
    clock.advance(15 * 60 + 1)
    assert client(sim).balance().amount > 0


def test_not_found(sim: Simulator) -> None:
    with pytest.raises(api_errors.NotFoundError) as by_ref:
        client(sim).check_ref("never-sent")
    assert by_ref.value.http_status == 404
    with pytest.raises(api_errors.NotFoundError):
        client(sim).check_id("0" * 24)


def test_rate_limited_with_retry_after(sim: Simulator) -> None:
    sim.inject(FaultRule("balance", "429", value=3, count=1))
    with pytest.raises(api_errors.RateLimitedError) as info:
        client(sim).balance()
    assert info.value.retry_after == 3


@pytest.mark.parametrize(
    ("kind", "error"),
    [("503", api_errors.ServiceUnavailableError), ("500", api_errors.ServerError)],
)
def test_server_errors_on_reads(
    sim: Simulator, kind: str, error: type[api_errors.ApiError]
) -> None:
    sim.inject(FaultRule("products", kind, count=1))
    with pytest.raises(error):
        client(sim).products(LineType.ADSL)


def test_reads_retry_through_faults(sim: Simulator) -> None:
    slept: list[float] = []
    sim.inject(FaultRule("balance", "503", count=1))
    sim.inject(FaultRule("balance", "garbage", count=1))
    c = client(sim, retry=RetryPolicy(attempts=3), sleep=slept.append)
    assert c.balance().amount == Decimal("50000.00")
    assert len(slept) == 2


# --- the send path: what the order engine depends on -------------------------------------------


@pytest.mark.parametrize("kind", ["drop", "500", "garbage"])
def test_answer_lost_after_acting_is_unknown_and_the_order_exists(
    sim: Simulator, kind: str
) -> None:
    sim.inject(FaultRule("send", kind, count=1))
    c = client(sim)
    with pytest.raises(api_errors.OutcomeUnknownError):
        c.send(LineType.ADSL, ADSL, 1000, "ref-lost")
    assert sends(sim) == 1
    found = c.check_ref("ref-lost")  # ask, never resend blindly
    assert found.ref == "ref-lost"
    with pytest.raises(api_errors.DuplicatedRefError):
        c.send(LineType.ADSL, ADSL, 1000, "ref-lost")
    assert len(sim.accepted()) == 1


def test_answer_slower_than_the_read_timeout_is_unknown(sim: Simulator) -> None:
    sim.inject(FaultRule("send", "slow", value=1500, count=1))
    c = client(sim, timeouts=Timeouts(connect=2, read=2, send_read=0.3))
    with pytest.raises(api_errors.OutcomeUnknownError):
        c.send(LineType.ADSL, ADSL, 500, "ref-slow")
    assert sends(sim) == 1
    assert c.check_ref("ref-slow").ref == "ref-slow"


@pytest.mark.parametrize("kind", ["503", "429"])
def test_refused_before_acting_is_unknown_to_the_client_and_safe_to_resend(
    sim: Simulator, kind: str
) -> None:
    sim.inject(FaultRule("send", kind, count=1))
    c = client(sim)
    with pytest.raises(api_errors.OutcomeUnknownError):
        c.send(LineType.ADSL, ADSL, 500, "ref-503")
    assert sends(sim) == 1
    with pytest.raises(api_errors.NotFoundError):
        c.check_ref("ref-503")
    assert c.send(LineType.ADSL, ADSL, 500, "ref-503").topup_ref == "ref-503"
    assert len(sim.accepted()) == 1


def test_offline_is_not_sent_and_nothing_exists(sim: Simulator) -> None:
    c = client(sim)
    sim.go_offline()
    with pytest.raises(api_errors.NotSentError):
        c.send(LineType.ADSL, ADSL, 500, "ref-off")
    with pytest.raises(api_errors.NotSentError):
        c.balance()
    sim.go_online()
    with pytest.raises(api_errors.NotFoundError):
        c.check_ref("ref-off")
    assert c.send(LineType.ADSL, ADSL, 500, "ref-off").topup_ref == "ref-off"
    assert len(sim.accepted()) == 1
