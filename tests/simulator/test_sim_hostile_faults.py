"""The hostile faults over real loopback HTTP: hold (a send processed later), refuse500, nocode."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import requests

from pos_app.simulator import FaultRule, Simulator, parse_faults
from tests.simulator.conftest import Client, ClientFor, MakeSim
from tests.support.clock import Clock
from tests.support.sales import server_order

FULFILLED_FAST = "023450009"  # FULFILLED after the minimum HANDLING delay (3 s)
REFUNDED = "023450001"
VIA_QUEUE = "023450002"
COST_1000 = Decimal(980)
OPENING = Decimal("50000.00")


def held_send(api: Client, ref: str, value: int = 1000, number: str = "036362608") -> None:
    """Send one request that the hold fault swallows: the connection closes with no answer."""
    with pytest.raises(requests.ConnectionError):
        api.send(number=number, value=value, ref=ref)


def not_found(api: Client, ref: str) -> None:
    api.error(api.get(f"internet/check-ref/{ref}"), 404, "NOT_FOUND")


# --- hold ---------------------------------------------------------------------------------


def test_held_send_is_invisible_until_its_time_then_placed(
    api: Client, sim: Simulator, clock: Clock
) -> None:
    sim.inject(FaultRule("send", "hold", value=5000, count=1))
    arrived = clock()
    held_send(api, "h-late")
    record = sim.requests()[-1]
    assert (record.status, record.fault, record.endpoint) == (None, "hold", "send")
    [held] = sim.held()
    assert (held.ref, held.due, held.outcome) == ("h-late", arrived + 5, None)
    assert held.arrived == arrived
    not_found(api, "h-late")
    assert sim.balance == OPENING
    clock.advance(4.9)
    not_found(api, "h-late")
    assert sim.order_by_ref("h-late") is None
    clock.advance(0.1)
    found = api.data(api.get("internet/check-ref/h-late"))
    order = sim.order_by_ref("h-late")
    assert order is not None
    assert found["_id"] == order.id
    assert order.created == arrived + 5
    assert sim.balance == OPENING - COST_1000
    [held] = sim.held()
    assert (held.outcome, held.order_id, held.processed) == ("placed", order.id, arrived + 5)


def test_held_send_lands_on_simulator_advance_without_a_request(
    api: Client, sim: Simulator, clock: Clock
) -> None:
    sim.inject(FaultRule("send", "hold", value=1000))
    held_send(api, "h-quiet")
    requests_before = len(sim.requests())
    clock.advance(1)
    sim.advance()
    assert [order.ref for order in sim.accepted()] == ["h-quiet"]
    assert len(sim.requests()) == requests_before


def test_held_send_is_discarded_when_a_resend_got_there_first(
    api: Client, sim: Simulator, clock: Clock
) -> None:
    sim.inject(FaultRule("send", "hold", value=10_000, count=1))
    held_send(api, "h-dup")
    resent = api.data(api.send(ref="h-dup"))
    clock.advance(10)
    assert api.data(api.get("internet/check-ref/h-dup"))["_id"] == resent["topupId"]
    assert [order.ref for order in sim.accepted()] == ["h-dup"]
    assert sim.balance == OPENING - COST_1000
    [held] = sim.held()
    assert (held.outcome, held.order_id) == ("discarded duplicate", None)


def test_held_send_refused_without_charge_when_the_balance_is_gone(
    make_sim: MakeSim, client_for: ClientFor, clock: Clock
) -> None:
    sim = make_sim(seed=1, balance=Decimal(1000))
    api = client_for(sim)
    sim.inject(FaultRule("send", "hold", value=3000, count=1))
    held_send(api, "h-poor")
    api.data(api.send(ref="other-counter"))  # another counter spends the balance meanwhile
    assert sim.balance == Decimal(20)
    clock.advance(3)
    not_found(api, "h-poor")
    assert sim.balance == Decimal(20)
    assert [order.ref for order in sim.accepted()] == ["other-counter"]
    [held] = sim.held()
    assert held.outcome == "refused INSUFFICIENT_BALANCE"
    assert held.processed == held.due


def test_held_send_refused_when_the_card_went_out_of_stock(
    api: Client, sim: Simulator, clock: Clock
) -> None:
    sim.inject(FaultRule("send", "hold", value=2000, count=1))
    held_send(api, "h-stock", value=2000)
    sim.set_stock("ADSL", 2000, False)
    clock.advance(2)
    not_found(api, "h-stock")
    assert sim.balance == OPENING
    assert sim.held()[0].outcome == "refused ERR_STOCK"


def test_held_send_follows_the_time_scale(
    make_sim: MakeSim, client_for: ClientFor, clock: Clock
) -> None:
    sim = make_sim(seed=1, time_scale=10)
    api = client_for(sim)
    sim.inject(FaultRule("send", "hold", value=5000, count=1))
    arrived = clock()
    held_send(api, "h-fast")
    assert sim.held()[0].due == pytest.approx(arrived + 0.5)
    clock.advance(0.5)
    api.data(api.get("internet/check-ref/h-fast"))


def test_held_send_placed_later_keeps_its_plan_order_and_schedule(
    api: Client, sim: Simulator, clock: Clock
) -> None:
    sim.inject(FaultRule("send", "hold", value=60_000, count=1))
    held_send(api, "h-plan", number=FULFILLED_FAST)
    clock.advance(60 + 3)  # its own HANDLING delay runs from the moment it is processed
    shown = api.data(api.get("internet/check-ref/h-plan"))
    assert shown["status"] == "FULFILLED"
    assert shown["card_code"] == server_order(sim, "h-plan").card_code


def test_hold_checks_the_key_at_arrival(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("send", "hold", value=1000, count=1))
    api.error(api.send(ref="h-key", key="wrong"), 401, "INVALID_ACCESS_TOKEN")
    assert sim.held() == []
    assert sim.requests()[-1].fault is None
    assert sim.faults() == [FaultRule("send", "hold", value=1000, count=1)]  # not used up


def test_hold_answers_a_bad_body_at_once(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("send", "hold", value=1000, count=1))
    api.error(api.post("internet/send", {"type": "ADSL"}), 400, "ERR_VALIDATION")
    assert sim.held() == []
    assert len(sim.faults()) == 1


def test_hold_without_a_ref_is_placed_with_a_server_ref(
    api: Client, sim: Simulator, clock: Clock
) -> None:
    sim.inject(FaultRule("send", "hold", value=1000, count=1))
    with pytest.raises(requests.ConnectionError):
        api.post("internet/send", {"type": "ADSL", "number": "036362608", "value": 500})
    clock.advance(1)
    [order] = sim.accepted()
    assert order.ref.startswith("API-")
    assert sim.held()[0].outcome == "placed"


def test_hold_after_latency_records_both(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("send", "latency", value=1))
    sim.inject(FaultRule("send", "hold", value=1000))
    held_send(api, "h-both")
    assert sim.requests()[-1].fault == "latency,hold"


def test_hold_from_the_config_spec(make_sim: MakeSim, client_for: ClientFor, clock: Clock) -> None:
    sim = make_sim(seed=1, faults=tuple(parse_faults("send:hold=1500x1")))
    api = client_for(sim)
    held_send(api, "h-spec")
    api.error(api.send(ref="h-spec-2", value=5), 400, "ERR_VALIDATION")  # rule used up
    clock.advance(1.5)
    api.data(api.get("internet/check-ref/h-spec"))


# --- refuse500 ----------------------------------------------------------------------------


def test_refuse500_places_and_charges_but_answers_a_refusal_code(
    api: Client, sim: Simulator
) -> None:
    sim.inject(FaultRule("send", "refuse500", count=1))
    response = api.send(ref="r-500")
    error = api.error(response, 500, "ERR_STOCK")
    assert error["message"]
    order = sim.order_by_ref("r-500")
    assert order is not None
    assert sim.balance == OPENING - COST_1000
    record = sim.requests()[-1]
    assert (record.status, record.fault) == (500, "refuse500")
    assert api.data(api.get("internet/check-ref/r-500"))["_id"] == order.id


# --- nocode -------------------------------------------------------------------------------


def _without_code(item: dict[str, Any]) -> dict[str, Any]:
    return {name: shown for name, shown in item.items() if name != "card_code"}


@pytest.mark.parametrize("endpoint", ["check-ref", "check-id"])
def test_nocode_hides_the_card_code_of_a_fulfilled_top_up_once(
    api: Client, sim: Simulator, clock: Clock, endpoint: str
) -> None:
    placed = api.data(api.send(number=FULFILLED_FAST, ref="n-1"))
    clock.advance(3)
    path = f"internet/{endpoint}/" + ("n-1" if endpoint == "check-ref" else placed["topupId"])
    whole = api.data(api.get(path))
    assert whole["status"] == "FULFILLED"
    sim.inject(FaultRule(endpoint, "nocode", count=1))
    stripped = api.data(api.get(path))
    assert stripped == _without_code(whole)
    assert "num_trans" in stripped
    assert sim.requests()[-1].fault == "nocode"
    assert api.data(api.get(path)) == whole  # the order kept its code
    assert whole["card_code"] == server_order(sim, "n-1").card_code


def test_nocode_on_a_top_up_not_fulfilled_changes_nothing(api: Client, sim: Simulator) -> None:
    api.data(api.send(ref="n-handling"))
    whole = api.data(api.get("internet/check-ref/n-handling"))
    sim.inject(FaultRule("check-ref", "nocode"))
    assert api.data(api.get("internet/check-ref/n-handling")) == whole
    api.error(api.get("internet/check-ref/nothing"), 404, "NOT_FOUND")


def test_nocode_in_the_list_strips_only_fulfilled_items(
    api: Client, sim: Simulator, clock: Clock
) -> None:
    api.data(api.send(number=FULFILLED_FAST, ref="l-done"))
    api.data(api.send(number=REFUNDED, ref="l-refunded"))
    api.data(api.send(number=VIA_QUEUE, ref="l-queued"))
    clock.advance(60)
    api.data(api.send(ref="l-handling"))
    whole = api.data(api.get("internet/list"))
    statuses = {item["ref"]: item["status"] for item in whole["topups"]}
    assert statuses == {
        "l-done": "FULFILLED",
        "l-refunded": "REFUNDED",
        "l-queued": "QUEUED",
        "l-handling": "HANDLING",
    }
    sim.inject(FaultRule("list", "nocode", count=1))
    stripped = api.data(api.get("internet/list"))
    expected = [
        _without_code(item) if item["status"] == "FULFILLED" else item for item in whole["topups"]
    ]
    assert stripped["topups"] == expected
    assert "card_code" not in stripped["topups"][-1]
    assert stripped["topups"] != whole["topups"]
    assert api.data(api.get("internet/list")) == whole
