"""Each fault kind over real loopback HTTP, and outages (go_offline / go_online)."""

from __future__ import annotations

import errno
from decimal import Decimal

import pytest
import requests

from pos_app.simulator import FaultRule, Simulator, parse_faults
from tests.simulator.conftest import Client, ClientFor, MakeSim
from tests.support.clock import Clock


def test_503_does_nothing(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("send", "503"))
    error = api.error(api.send(ref="f-503"), 503, "SERVICE_UNAVAILABLE")
    assert error["message"]
    assert sim.order_by_ref("f-503") is None
    assert sim.balance == Decimal("50000.00")
    record = sim.requests()[-1]
    assert (record.status, record.fault) == (503, "503")


def test_503_happens_before_authentication(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("validate", "503"))
    for _ in range(6):
        api.error(api.get("validate", key="wrong"), 503, "SERVICE_UNAVAILABLE")
    sim.clear_faults()
    api.data(api.get("validate"))  # no strike was counted


def test_429_with_retry_after(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("balance", "429", value=2))
    response = api.get("account/balance")
    api.error(response, 429, "RATE_LIMITED")
    assert response.headers["Retry-After"] == "2"


def test_429_without_value_has_no_retry_after(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("send", "429"))
    response = api.send(ref="f-429")
    api.error(response, 429, "RATE_LIMITED")
    assert "Retry-After" not in response.headers
    assert sim.order_by_ref("f-429") is None


def test_latency_then_normal_answer(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("send", "latency", value=5))
    api.data(api.send(ref="f-lat"))
    assert sim.order_by_ref("f-lat") is not None
    assert sim.requests()[-1].fault == "latency"


def test_drop_after_acting(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("send", "drop"))
    with pytest.raises(requests.ConnectionError):
        api.send(ref="f-drop", value=2000)
    order = sim.order_by_ref("f-drop")
    assert order is not None
    assert sim.balance == Decimal("48040.00")
    record = sim.requests()[-1]
    assert (record.status, record.fault) == (None, "drop")
    sim.clear_faults()
    api.error(api.send(ref="f-drop"), 403, "DUPLICATED_REF")
    assert api.data(api.get("internet/check-ref/f-drop"))["_id"] == order.id


def test_drop_of_a_read(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("check-ref", "drop"))
    api.data(api.send(ref="seen"))
    with pytest.raises(requests.ConnectionError):
        api.get("internet/check-ref/seen")


def test_500_after_acting(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("send", "500"))
    error = api.error(api.send(ref="f-500"), 500, "INTERNAL_ERROR")
    assert error["message"]
    assert sim.order_by_ref("f-500") is not None
    assert sim.balance == Decimal("49020.00")


def test_garbage_after_acting(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("send", "garbage"))
    response = api.send(ref="f-garbage")
    assert response.status_code == 200
    assert response.text
    with pytest.raises(requests.JSONDecodeError):
        response.json()
    assert sim.order_by_ref("f-garbage") is not None
    assert sim.requests()[-1].fault == "garbage"


def test_slow_answer_arrives(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("send", "slow", value=20))
    api.data(api.send(ref="f-slow"))
    assert sim.requests()[-1].fault == "slow"


def test_slow_past_the_client_timeout_still_acted(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("send", "slow", value=800))
    with pytest.raises(requests.ReadTimeout):
        api.send(ref="f-timeout", timeout=0.2)
    assert sim.order_by_ref("f-timeout") is not None


def test_count_retires_the_rule(api: Client, sim: Simulator) -> None:
    sim.inject(parse_faults("send:500x1")[0])
    api.error(api.send(ref="c-1"), 500, "INTERNAL_ERROR")
    api.data(api.send(ref="c-2"))
    assert sim.faults() == []
    assert [order.ref for order in sim.accepted()] == ["c-1", "c-2"]


def test_star_applies_to_every_endpoint(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("*", "503"))
    api.error(api.get("ping"), 503, "SERVICE_UNAVAILABLE")
    api.error(api.get("internet/list"), 503, "SERVICE_UNAVAILABLE")
    api.error(api.get("internet/nothing"), 404, "NOT_FOUND")  # unknown routes are not faulted


def test_faults_only_hit_their_endpoint(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("check-ref", "503"))
    api.data(api.send(ref="other"))
    api.data(api.get("account/balance"))


def test_clear_faults(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("*", "500"))
    sim.clear_faults()
    api.data(api.get("account/balance"))


def test_faults_from_the_config(make_sim: MakeSim, client_for: ClientFor) -> None:
    sim = make_sim(faults=tuple(parse_faults("balance:503x1")))
    api = client_for(sim)
    api.error(api.get("account/balance"), 503, "SERVICE_UNAVAILABLE")
    api.data(api.get("account/balance"))


def test_before_and_after_faults_combine(api: Client, sim: Simulator) -> None:
    sim.inject(FaultRule("send", "latency", value=1))
    sim.inject(FaultRule("send", "500"))
    api.error(api.send(ref="both"), 500, "INTERNAL_ERROR")
    assert sim.requests()[-1].fault == "latency,500"


def statuses(sim: Simulator, calls: int) -> list[int]:
    api_headers = {"X-Access-Token": "sim-demo-key"}
    return [
        requests.get(f"{sim.base_url}/account/balance", headers=api_headers, timeout=5).status_code
        for _ in range(calls)
    ]


def test_probability_draws_are_seeded(make_sim: MakeSim) -> None:
    spec = tuple(parse_faults("balance:503@0.5"))
    first = statuses(make_sim(seed=3, faults=spec), 24)
    again = statuses(make_sim(seed=3, faults=spec), 24)
    other = statuses(make_sim(seed=4, faults=spec), 24)
    assert first == again
    assert set(first) == {200, 503}
    assert first != other


def test_fault_draws_do_not_move_the_order_schedule(
    make_sim: MakeSim, client_for: ClientFor
) -> None:
    plans = []
    for faults in ((), tuple(parse_faults("*:500@0.5"))):
        sim = make_sim(seed=12, faults=faults)
        api = client_for(sim)
        for index in range(10):
            api.get("account/balance")
            api.send(ref=f"s-{index}")
        plans.append([(o.ref, o.outcome, o.handling_delay, o.card_code) for o in sim.accepted()])
    assert plans[0] == plans[1]


def test_config_latency_is_added_to_every_request(make_sim: MakeSim, client_for: ClientFor) -> None:
    sim = make_sim(latency_ms=1)
    client_for(sim).data(client_for(sim).get("ping"))


def test_go_offline_refuses_connections_and_go_online_listens_again(
    api: Client, sim: Simulator
) -> None:
    api.data(api.send(ref="kept"))
    url, port = sim.base_url, sim.port
    sim.go_offline()
    assert not sim.online
    with pytest.raises(requests.ConnectionError) as refused:
        api.get("ping")
    assert _is_refused(refused.value)
    sim.go_offline()  # already offline: no-op
    sim.go_online()
    assert sim.online
    assert (sim.base_url, sim.port) == (url, port)
    assert api.data(api.get("internet/check-ref/kept"))["ref"] == "kept"
    sim.go_online()  # already online: no-op
    api.data(api.get("ping"))


def _is_refused(error: BaseException) -> bool:
    """Whether a requests error was caused by ECONNREFUSED."""
    seen: BaseException | None = error
    while seen is not None:
        if (
            isinstance(seen, ConnectionRefusedError)
            or getattr(seen, "errno", None) == errno.ECONNREFUSED
        ):
            return True
        if "Connection refused" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def test_stop_is_idempotent_and_refuses_afterwards(clock: Clock) -> None:
    sim = Simulator(clock=clock).start()
    url = sim.base_url
    sim.stop()
    sim.stop()
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}/ping", timeout=5)


def test_context_manager_starts_and_stops(clock: Clock) -> None:
    with Simulator(clock=clock) as sim:
        assert requests.get(f"{sim.base_url}/ping", timeout=5).status_code == 200
        url = sim.base_url
    assert not sim.online
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}/ping", timeout=5)


def test_only_loopback(clock: Clock) -> None:
    with pytest.raises(ValueError, match=r"127\.0\.0\.1"):
        Simulator(clock=clock).start(host="0.0.0.0")


def test_base_url_needs_a_start(clock: Clock) -> None:
    with pytest.raises(RuntimeError):
        _ = Simulator(clock=clock).base_url
    with pytest.raises(RuntimeError):
        Simulator(clock=clock).go_online()


def test_cannot_start_twice(clock: Clock) -> None:
    with Simulator(clock=clock) as sim, pytest.raises(RuntimeError):
        sim.start()
