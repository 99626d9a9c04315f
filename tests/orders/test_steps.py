"""The blocking steps of the engine, one at a time, against the simulator on a fake clock."""

from __future__ import annotations

from pos_app.api import OneClickClient
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import steps
from pos_app.orders.settings import EngineSettings
from pos_app.simulator import FaultRule, Simulator
from pos_app.store import Store
from tests.support.clock import Clock
from tests.support.sales import new_sale, state_of

SETTINGS = EngineSettings()


def sends(sim: Simulator) -> int:
    return sum(1 for r in sim.requests() if r.method == "POST")


def states(store: Store, ref: str) -> list[str]:
    return [j.to_state.value for j in store.journal(ref)]


def test_send_accepted_then_fulfilled(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    store.add_sale(new_sale("r-ok", number="023450009"))
    result = steps.send(store, client, "r-ok", clock.now, SETTINGS)
    sale = store.get("r-ok")
    assert sale is not None and sale.state is SaleState.ACCEPTED and result.online
    placed = sim.order_by_ref("r-ok")
    assert placed is not None and sale.server_id == placed.id
    assert sale.next_check_at is not None and sale.next_check_at > clock.now()
    assert states(store, "r-ok") == ["waiting", "sending", "accepted"]
    clock.advance(3.5)
    result = steps.poll(store, client, ["r-ok"], clock.now, SETTINGS, in_flight=1)
    sale = store.get("r-ok")
    assert sale is not None and sale.state is SaleState.FULFILLED and result.final
    server = sim.order_by_ref("r-ok")
    assert server is not None and sale.card_code == server.card_code
    assert sale.num_trans and sale.date_traitement
    assert sends(sim) == 1


def test_definite_refusals_are_rejected_and_nothing_is_charged(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    store.add_sale(new_sale("r-phone", number="023450000"))
    store.add_sale(new_sale("r-stock", value=3000))
    steps.send(store, client, "r-phone", clock.now, SETTINGS)
    result = steps.send(store, client, "r-stock", clock.now, SETTINGS)
    phone, stock = store.get("r-phone"), store.get("r-stock")
    assert (
        phone is not None
        and phone.state is SaleState.REJECTED
        and phone.failure_code == "ERR_PHONE"
    )
    assert (
        stock is not None
        and stock.state is SaleState.REJECTED
        and stock.failure_code == "ERR_STOCK"
    )
    assert result.stock_changed
    assert sim.accepted() == []


def test_lost_answer_is_resolved_by_asking_and_adopting(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    sim.inject(FaultRule("send", "drop", count=1))
    store.add_sale(new_sale("r-lost"))
    steps.send(store, client, "r-lost", clock.now, SETTINGS)
    sale = store.get("r-lost")
    assert sale is not None and sale.state is SaleState.UNKNOWN
    clock.advance(SETTINGS.unknown_recheck)
    steps.resolve(store, client, "r-lost", clock.now, SETTINGS)
    sale = store.get("r-lost")
    assert sale is not None and sale.state is SaleState.ACCEPTED
    placed = sim.order_by_ref("r-lost")
    assert placed is not None and sale.server_id == placed.id
    assert sends(sim) == 1 and len(sim.accepted()) == 1


def test_not_found_twice_some_time_apart_then_resend_same_ref(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    sim.inject(FaultRule("send", "503", count=1))
    store.add_sale(new_sale("r-503"))
    steps.send(store, client, "r-503", clock.now, SETTINGS)
    steps.resolve(store, client, "r-503", clock.now, SETTINGS)  # not due yet: no question
    assert sum(1 for r in sim.requests() if r.endpoint == "check-ref") == 0
    clock.advance(SETTINGS.unknown_recheck)
    steps.resolve(store, client, "r-503", clock.now, SETTINGS)
    once = store.get("r-503")
    assert once is not None and once.state is SaleState.UNKNOWN and once.not_found_count == 1
    assert once.next_check_at is not None
    assert (once.next_check_at - clock.now()).total_seconds() >= SETTINGS.not_found_confirm_after
    clock.advance(SETTINGS.not_found_confirm_after)
    steps.resolve(store, client, "r-503", clock.now, SETTINGS)
    again = store.get("r-503")
    assert again is not None and again.state is SaleState.WAITING and again.not_found_count == 0
    steps.send(store, client, "r-503", clock.now, SETTINGS)
    sent = store.get("r-503")
    assert sent is not None and sent.state is SaleState.ACCEPTED and sent.send_attempts == 2
    assert [o.ref for o in sim.accepted()] == ["r-503"]


def test_duplicated_ref_adopts_the_existing_order(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    client.send(LineType.ADSL, "036362608", 1000, "r-dup")  # an earlier attempt landed
    store.add_sale(new_sale("r-dup"))
    steps.send(store, client, "r-dup", clock.now, SETTINGS)
    sale = store.get("r-dup")
    assert sale is not None and sale.state is SaleState.UNKNOWN
    steps.resolve(store, client, "r-dup", clock.now, SETTINGS)
    sale = store.get("r-dup")
    assert sale is not None and sale.state is SaleState.ACCEPTED
    assert len(sim.accepted()) == 1


def test_offline_goes_back_to_waiting(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    store.add_sale(new_sale("r-off"))
    sim.go_offline()
    result = steps.send(store, client, "r-off", clock.now, SETTINGS)
    sim.go_online()
    sale = store.get("r-off")
    assert result.offline and sale is not None and sale.state is SaleState.WAITING
    assert states(store, "r-off") == ["waiting", "sending", "waiting"]
    assert sim.accepted() == []


def test_refund_and_queue(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    store.add_sale(new_sale("r-refund", number="023450001"))
    store.add_sale(new_sale("r-queue", number="023450002"))
    steps.send(store, client, "r-refund", clock.now, SETTINGS)
    steps.send(store, client, "r-queue", clock.now, SETTINGS)
    clock.advance(46)
    steps.poll(store, client, ["r-refund", "r-queue"], clock.now, SETTINGS, in_flight=1)
    refunded, queued = store.get("r-refund"), store.get("r-queue")
    assert (
        refunded is not None and refunded.state is SaleState.REFUNDED and refunded.card_code is None
    )
    assert queued is not None and queued.state is SaleState.QUEUED
    assert queued.next_check_at is not None
    assert (queued.next_check_at - clock.now()).total_seconds() >= 24 * 3600 - 1
    clock.advance(48 * 3600)
    steps.poll(store, client, ["r-queue"], clock.now, SETTINGS, in_flight=0)
    final = store.get("r-queue")
    assert final is not None and final.state is SaleState.FULFILLED and final.card_code


def test_several_in_flight_use_one_list_call(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    refs = [f"r-many-{i}" for i in range(4)]
    for ref in refs:
        store.add_sale(new_sale(ref, number="023450009"))
        steps.send(store, client, ref, clock.now, SETTINGS)
    before = len(sim.requests())
    clock.advance(3.5)
    result = steps.poll(store, client, refs[:2], clock.now, SETTINGS, in_flight=4)
    paths = [r.path for r in sim.requests()[before:]]
    assert paths == ["/v3/internet/list"]
    assert len(result.changed) == 4
    assert all(state_of(store, r) is SaleState.FULFILLED for r in refs)


def test_recover_turns_sending_into_unknown(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    store.add_sale(new_sale("r-crash"))
    store.transition("r-crash", SaleState.WAITING, SaleState.SENDING, "send", send_attempts=1)
    changed = steps.recover(store, clock.now)
    assert [c.state for c in changed] == [SaleState.UNKNOWN]
    steps.resolve(store, client, "r-crash", clock.now, SETTINGS)
    sale = store.get("r-crash")
    assert sale is not None and sale.state is SaleState.UNKNOWN and sale.not_found_count == 1


def test_unknown_server_status_is_not_final(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    from pos_app.api.models import Topup

    store.add_sale(new_sale("r-odd"))
    steps.send(store, client, "r-odd", clock.now, SETTINGS)
    sale = store.get("r-odd")
    assert sale is not None
    odd = Topup(
        id=sale.server_id or "",
        ref="r-odd",
        status="PENDING_OPERATOR",
        line_type=LineType.ADSL,
        number="036362608",
        topup_amount=1000,
    )
    updated = steps.adopt(store, sale, odd, clock.now, SETTINGS, cause="status")
    assert updated is not None and updated.state is SaleState.ACCEPTED
    assert updated.server_status == "PENDING_OPERATOR"
