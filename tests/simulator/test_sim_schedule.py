"""The seeded order schedule, scenario numbers, QUEUED orders and refunds (fake clock only)."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from pos_app.simulator import SimConfig, Simulator
from pos_app.simulator.scenarios import SCENARIOS, scenario_for
from pos_app.simulator.state import ApiError, SimState
from tests.simulator.conftest import Client, ClientFor, MakeSim
from tests.support.clock import Clock
from tests.support.sales import server_order

HOUR = 3600.0
START = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)


def new_state(**overrides: Any) -> tuple[SimState, Clock]:
    clock = Clock(START)
    overrides.setdefault("start_time", START)
    return SimState(SimConfig(**overrides), clock), clock


def plans(state: SimState) -> list[tuple[str, bool, float, float | None, str]]:
    return [
        (o.outcome, o.via_queue, o.handling_delay, o.queued_delay, o.card_code)
        for o in state.orders()
    ]


def send_many(state: SimState, count: int, number: str = "036362608", value: int = 500) -> None:
    for _ in range(count):
        state.send("ADSL", number, value, None)


def test_same_seed_same_schedule() -> None:
    first, _ = new_state(seed=42)
    second, _ = new_state(seed=42)
    send_many(first, 30)
    send_many(second, 30)
    assert plans(first) == plans(second)


def test_different_seed_different_schedule() -> None:
    first, _ = new_state(seed=1)
    second, _ = new_state(seed=2)
    send_many(first, 10)
    send_many(second, 10)
    assert [p[2] for p in plans(first)] != [p[2] for p in plans(second)]


def test_scenario_orders_do_not_shift_the_draw() -> None:
    plain, _ = new_state(seed=5)
    mixed, _ = new_state(seed=5)
    send_many(plain, 3)
    mixed.send("ADSL", "036362608", 500, None)
    mixed.send("ADSL", "023450001", 500, None)  # scenario: REFUNDED
    mixed.send("ADSL", "036362608", 500, None)
    assert plans(mixed)[2] == plans(plain)[2]
    assert plans(mixed)[1][4] == plans(plain)[1][4]  # same card draw consumed


def test_handling_delay_is_within_range_and_then_final() -> None:
    state, clock = new_state(seed=3)
    send_many(state, 50)
    orders = state.orders()
    assert all(3.0 <= o.handling_delay <= 45.0 for o in orders)
    assert {o.status for o in orders} == {"HANDLING"}
    clock.seconds = 45.0
    assert all(o.status != "HANDLING" for o in state.orders())


def test_an_order_leaves_handling_exactly_when_due() -> None:
    state, clock = new_state(seed=9)
    state.send("ADSL", "036362608", 1000, "x")
    order = server_order(state, "x")
    clock.seconds = order.handling_delay - 0.001
    assert server_order(state, "x").status == "HANDLING"
    clock.seconds = order.handling_delay
    assert server_order(state, "x").status in {"FULFILLED", "QUEUED", "REFUNDED"}


def test_time_scale_divides_the_delays() -> None:
    slow, _ = new_state(seed=4)
    fast, _ = new_state(seed=4, time_scale=100.0)
    send_many(slow, 5)
    send_many(fast, 5)
    for a, b in zip(slow.orders(), fast.orders(), strict=True):
        assert b.handling_delay == pytest.approx(a.handling_delay / 100)


def test_outcome_mix_follows_the_weights() -> None:
    state, clock = new_state(seed=11, balance=Decimal(1_000_000))
    send_many(state, 1000, value=500)
    clock.seconds = 49 * HOUR + 45
    kinds = Counter(("QUEUED→" if o.via_queue else "") + o.status for o in state.orders())
    assert 880 <= kinds["FULFILLED"] <= 960
    assert 20 <= kinds["REFUNDED"] <= 65
    assert 20 <= kinds["QUEUED→FULFILLED"] + kinds["QUEUED→REFUNDED"] <= 65
    assert kinds["QUEUED→FULFILLED"] > kinds["QUEUED→REFUNDED"]
    assert sum(kinds.values()) == 1000


def test_weights_are_configurable() -> None:
    state, clock = new_state(
        seed=1, fulfilled_weight=0, queued_weight=1, refunded_weight=0, queued_fulfilled_ratio=0
    )
    send_many(state, 20)
    clock.seconds = 45.0
    assert {o.status for o in state.orders()} == {"QUEUED"}
    clock.seconds = 49 * HOUR
    assert {o.status for o in state.orders()} == {"REFUNDED"}


def test_handling_range_is_configurable() -> None:
    state, _ = new_state(seed=1, handling_seconds=(1.0, 2.0))
    send_many(state, 20)
    assert all(1.0 <= o.handling_delay <= 2.0 for o in state.orders())


def test_queued_then_final_after_12_to_48_hours() -> None:
    state, clock = new_state(seed=1)
    state.send("ADSL", "023450002", 1000, "q")
    order = server_order(state, "q")
    assert order.via_queue and order.queued_delay is not None
    assert 12 * HOUR <= order.queued_delay <= 48 * HOUR
    clock.seconds = order.handling_delay
    assert server_order(state, "q").status == "QUEUED"
    clock.seconds = order.handling_delay + order.queued_delay - 1
    assert server_order(state, "q").status == "QUEUED"
    clock.seconds = order.final_at
    final = server_order(state, "q")
    assert final.status == "FULFILLED"
    assert final.processed_at is not None


@pytest.mark.parametrize(
    ("suffix", "path"),
    [
        ("0001", ["HANDLING", "REFUNDED"]),
        ("0002", ["HANDLING", "QUEUED", "FULFILLED"]),
        ("0003", ["HANDLING", "QUEUED", "REFUNDED"]),
        ("0009", ["HANDLING", "FULFILLED"]),
    ],
)
@pytest.mark.parametrize(("line_type", "prefix"), [("ADSL", "02345"), ("4G", "21355000")])
def test_scenario_numbers(suffix: str, path: list[str], line_type: str, prefix: str) -> None:
    state, clock = new_state(seed=8)
    state.send(line_type, prefix + suffix, 500, "s")
    order = server_order(state, "s")
    assert order.scenario == suffix
    seen = [order.status]
    for moment in (order.handling_delay, order.final_at):
        clock.seconds = moment
        status = server_order(state, "s").status
        if status != seen[-1]:
            seen.append(status)
    assert seen == path


def test_scenario_0009_is_fulfilled_after_the_minimum_delay() -> None:
    state, clock = new_state(seed=8, time_scale=2.0)
    state.send("ADSL", "023450009", 500, "fast")
    assert server_order(state, "fast").handling_delay == 1.5
    clock.seconds = 1.5
    assert server_order(state, "fast").status == "FULFILLED"


@pytest.mark.parametrize(("line_type", "number"), [("ADSL", "023450000"), ("4G", "213550000000")])
def test_scenario_0000_line_does_not_exist(line_type: str, number: str) -> None:
    state, _ = new_state()
    with pytest.raises(ApiError) as refused:
        state.send(line_type, number, 500, None)
    assert refused.value.code == "ERR_PHONE"
    assert refused.value.details == {
        "number": number,
        "type": line_type,
        "reason": "Line does not exist",
    }
    with pytest.raises(ApiError):
        state.check_number(line_type, number)


def test_scenario_table() -> None:
    assert set(SCENARIOS) == {"0000", "0001", "0002", "0003", "0009"}
    refunded, missing = scenario_for("036360001"), scenario_for("213550000000")
    assert refunded is not None and refunded.outcome == "REFUNDED"
    assert scenario_for("036360010") is None
    assert missing is not None and missing.line_exists is False


def test_refund_credits_the_cost_with_a_ledger_row() -> None:
    state, clock = new_state(seed=1)
    state.send("ADSL", "023450001", 2000, "refund-me")
    assert state.balance() == Decimal("48040.00")
    order = server_order(state, "refund-me")
    clock.seconds = order.final_at + 10
    assert state.balance() == Decimal("50000.00")
    rows, total = state.ledger_page(1, 20, None, None)
    assert total == 3
    assert [(r.type, r.operation, r.amount) for r in rows] == [
        ("REFUND-ADSL", "INCREMENT", Decimal(1960)),
        ("ADSL", "DECREMENT", Decimal(1960)),
        ("DEPOSIT", "INCREMENT", Decimal("50000.00")),
    ]
    refund = rows[0]
    assert refund.objid == order.id
    assert (refund.old_balance, refund.new_balance) == (Decimal("48040.00"), Decimal("50000.00"))
    assert refund.time == order.final_at  # dated when due, not when noticed


def test_fulfilled_orders_never_credit_back() -> None:
    state, clock = new_state(seed=1)
    state.send("ADSL", "023450009", 1000, None)
    clock.seconds = 100 * HOUR
    assert state.balance() == Decimal("49020.00")


def test_ledger_balances_chain() -> None:
    state, clock = new_state(seed=2)
    for index in range(60):
        state.send("ADSL", f"0234{index + 100:05d}", 500, None)
        clock.seconds += 1
    clock.seconds = 60 * HOUR
    rows, total = state.ledger_page(1, 100, None, None)
    chain = list(reversed(rows))
    for before, after in itertools.pairwise(chain):
        assert after.old_balance == before.new_balance
    refunds = sum(1 for o in state.orders() if o.status == "REFUNDED")
    assert total == 1 + 60 + refunds
    assert state.balance() == Decimal(50000) - 490 * (60 - refunds)


def test_card_fields_appear_only_when_fulfilled(api: Client, sim: Simulator, clock: Clock) -> None:
    sent = api.data(api.send("023450009", ref="card"))
    handling = api.data(api.get(f"internet/check-id/{sent['topupId']}"))
    assert "card_code" not in handling
    clock.advance(3)
    fulfilled = api.data(api.get(f"internet/check-id/{sent['topupId']}"))
    assert fulfilled["status"] == "FULFILLED"
    assert len(fulfilled["card_code"]) == 12
    assert fulfilled["card_code"].isdigit()
    assert fulfilled["num_trans"] == "AT-2026-00012345"
    assert fulfilled["date_traitement"] == "2026-01-15T09:00:03.000Z"
    assert list(fulfilled) == [
        "_id",
        "ref",
        "status",
        "type",
        "number",
        "topup_amount",
        "card_code",
        "num_trans",
        "date_traitement",
        "created_at",
    ]
    assert fulfilled["card_code"] == server_order(sim, "card").card_code


def test_refunded_order_over_http(api: Client, sim: Simulator, clock: Clock) -> None:
    api.data(api.send("023450001", ref="r1", value=1000))
    assert api.data(api.get("account/balance"))["balance"] == 49020
    clock.advance(45)
    shown = api.data(api.get("internet/check-ref/r1"))
    assert shown["status"] == "REFUNDED"
    assert "card_code" not in shown
    assert api.data(api.get("account/balance"))["balance"] == 50000
    rows = api.data(api.get("account/transactions"))["items"]
    assert [row["type"] for row in rows] == ["REFUND-ADSL", "ADSL", "DEPOSIT"]
    assert rows[0]["objid"] == server_order(sim, "r1").id


def test_queued_order_over_http(api: Client, clock: Clock) -> None:
    api.data(api.send("023450003", ref="q1"))
    clock.advance(45)
    assert api.data(api.get("internet/check-ref/q1"))["status"] == "QUEUED"
    clock.advance(12 * HOUR - 46)
    assert api.data(api.get("internet/check-ref/q1"))["status"] == "QUEUED"
    clock.advance(36 * HOUR + 46)
    assert api.data(api.get("internet/check-ref/q1"))["status"] == "REFUNDED"


def test_schedule_over_http_is_deterministic(
    make_sim: MakeSim, client_for: ClientFor, clock: Clock
) -> None:
    outcomes = []
    for _ in range(2):
        sim = make_sim(seed=77)
        api = client_for(sim)
        for index in range(8):
            api.data(api.send(ref=f"d-{index}"))
        outcomes.append([(o.outcome, o.handling_delay, o.card_code) for o in sim.accepted()])
    assert outcomes[0] == outcomes[1]
