"""Issue 8's money holes in the engine's steps: each test is named after the item it proves.

The simulator plays the server where it can; where the answer is one the simulator never
gives (another sale's details under our ref, FULFILLED without a card code), a scripted
client answers exactly what the test needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from pos_app.api import NO_RETRY, OneClickClient, Timeouts
from pos_app.api import errors as api_errors
from pos_app.api.models import Topup
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import steps
from pos_app.orders.settings import EngineSettings
from pos_app.simulator import DEFAULT_SIM_KEY, FaultRule, Simulator
from pos_app.store import Store
from tests.support.clock import Clock
from tests.support.sales import new_sale

SETTINGS = EngineSettings()


def sends(sim: Simulator) -> int:
    return sum(1 for r in sim.requests() if r.method == "POST")


def state(store: Store, ref: str) -> SaleState:
    sale = store.get(ref)
    assert sale is not None
    return sale.state


def unknown_then_not_found_twice(
    store: Store, client: OneClickClient, clock: Clock, ref: str
) -> None:
    """Drive a sale through a send whose outcome is unknown and two NOT_FOUNDs to WAITING."""
    steps.send(store, client, ref, clock.now, SETTINGS)
    assert state(store, ref) is SaleState.UNKNOWN
    clock.advance(SETTINGS.unknown_recheck)
    steps.resolve(store, client, ref, clock.now, SETTINGS)
    clock.advance(SETTINGS.not_found_confirm_after)
    steps.resolve(store, client, ref, clock.now, SETTINGS)
    assert state(store, ref) is SaleState.WAITING


# --- item 1: a refusal after a resend is not final ---------------------------------------


def test_item1_refusal_after_resend_is_not_final(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    # The first send is lost before the server acts (a 503: outcome unknown to the client).
    sim.inject(FaultRule("send", "503", count=1))
    store.add_sale(new_sale("r-late", number="023450009", value=1000))
    unknown_then_not_found_twice(store, client, clock, "r-late")
    # Meanwhile the card value went out of stock: the resend is refused.
    sim.set_stock("ADSL", 1000, available=False)
    result = steps.send(store, client, "r-late", clock.now, SETTINGS)
    sale = store.get("r-late")
    assert sale is not None and sale.state is SaleState.VERIFYING, "no cash back yet"
    assert sale.failure_code == "ERR_STOCK" and not result.final
    # ... and the first request is processed late after all: the server charges it.
    sim.set_stock("ADSL", 1000, available=True)
    OneClickClient(sim.base_url, DEFAULT_SIM_KEY, retry=NO_RETRY).send(
        LineType.ADSL, "023450009", 1000, "r-late"
    )
    clock.advance(SETTINGS.verify_gaps[0])
    steps.resolve(store, client, "r-late", clock.now, SETTINGS)
    sale = store.get("r-late")
    server = sim.order_by_ref("r-late")
    assert server is not None and server.status == "FULFILLED"
    assert sale is not None and sale.state is SaleState.FULFILLED and sale.failure_code is None
    assert sale.card_code == server.card_code and sale.server_id == server.id


def test_item1_refusal_becomes_final_only_after_asking_long_enough(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    sim.inject(FaultRule("send", "503", count=1))
    store.add_sale(new_sale("r-gone", value=1000))
    unknown_then_not_found_twice(store, client, clock, "r-gone")
    sim.set_stock("ADSL", 1000, available=False)
    steps.send(store, client, "r-gone", clock.now, SETTINGS)
    asked = 0
    for gap in SETTINGS.verify_gaps:
        assert state(store, "r-gone") is SaleState.VERIFYING
        sale = store.get("r-gone")
        assert sale is not None and sale.next_check_at is not None
        clock.advance(gap)
        assert sale.next_check_at <= clock.now()
        result = steps.resolve(store, client, "r-gone", clock.now, SETTINGS)
        asked += 1
    sale = store.get("r-gone")
    assert sale is not None and sale.state is SaleState.REJECTED and result.final
    assert sale.failure_code == "ERR_STOCK"
    assert asked == len(SETTINGS.verify_gaps)
    assert sum(SETTINGS.verify_gaps) >= 600, "long enough to outlive a request in flight"
    assert sim.accepted() == []


def test_item1_first_refusal_without_unknown_attempt_is_still_final(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    store.add_sale(new_sale("r-plain", value=3000))  # 3000 ADSL is out of stock
    result = steps.send(store, client, "r-plain", clock.now, SETTINGS)
    assert state(store, "r-plain") is SaleState.REJECTED and result.final


def test_item1_not_sent_before_is_no_unknown_attempt(
    store: Store, clock: Clock, sim: Simulator
) -> None:
    # Nothing left the machine on the first try (connection refused): a refusal is final.
    dead = OneClickClient(
        "http://127.0.0.1:9/v3",
        DEFAULT_SIM_KEY,
        retry=NO_RETRY,
        timeouts=Timeouts(connect=0.5, read=0.5, send_read=0.5),
    )
    store.add_sale(new_sale("r-ns", value=3000))
    steps.send(store, dead, "r-ns", clock.now, SETTINGS)
    assert state(store, "r-ns") is SaleState.WAITING
    live = OneClickClient(sim.base_url, DEFAULT_SIM_KEY, retry=NO_RETRY)
    steps.send(store, live, "r-ns", clock.now, SETTINGS)
    assert state(store, "r-ns") is SaleState.REJECTED


# --- item 3: an adopted ref must be the same sale -----------------------------------------


def test_item3_duplicated_ref_of_another_sale_is_a_conflict(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    # Another counter already used this ref for another customer's line; it was fulfilled.
    other = OneClickClient(sim.base_url, DEFAULT_SIM_KEY, retry=NO_RETRY)
    other.send(LineType.ADSL, "023450009", 1000, "r-shared")
    clock.advance(10)
    sim.advance()
    shared = sim.order_by_ref("r-shared")
    assert shared is not None and shared.status == "FULFILLED"
    store.add_sale(new_sale("r-shared", number="036362608", value=1000))
    steps.send(store, client, "r-shared", clock.now, SETTINGS)  # DUPLICATED_REF
    assert state(store, "r-shared") is SaleState.UNKNOWN
    result = steps.resolve(store, client, "r-shared", clock.now, SETTINGS)
    sale = store.get("r-shared")
    assert sale is not None and sale.state is SaleState.CONFLICT and result.final
    assert sale.card_code is None, "never another customer's card code"
    assert sale.failure_code == "CONFLICT" and "number" in (sale.failure_reason or "")
    assert all("card" not in str(j.detail) for j in store.journal("r-shared"))


def test_item3_same_ref_same_sale_is_adopted(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    sim.inject(FaultRule("send", "drop", count=1))
    store.add_sale(new_sale("r-mine", number="023450009", value=1000))
    steps.send(store, client, "r-mine", clock.now, SETTINGS)
    clock.advance(SETTINGS.unknown_recheck)
    steps.resolve(store, client, "r-mine", clock.now, SETTINGS)
    assert state(store, "r-mine") is SaleState.ACCEPTED


@dataclass
class ScriptedClient:
    """Answers check-ref / check-id with the top-ups a test lines up, one per call."""

    answers: list[Topup | Exception] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)

    def _next(self, what: str) -> Topup:
        self.calls.append(what)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    def check_ref(self, ref: str) -> Topup:
        return self._next(f"check-ref {ref}")

    def check_id(self, topup_id: str) -> Topup:
        return self._next(f"check-id {topup_id}")


def topup(
    status: str,
    *,
    ref: str = "r-s",
    number: str | None = "036362608",
    value: int | None = 1000,
    line_type: LineType | None = LineType.ADSL,
    code: str | None = None,
) -> Topup:
    return Topup(
        id="t-1",
        ref=ref,
        status=status,
        line_type=line_type,
        number=number,
        topup_amount=value,
        card_code=code,
        num_trans="AT-1" if code else None,
        date_traitement="2026-06-01T09:00:05.000Z" if code else None,
    )


def recovered_unknown(store: Store, clock: Clock, ref: str = "r-s") -> None:
    store.add_sale(new_sale(ref))
    store.transition(ref, SaleState.WAITING, SaleState.SENDING, "send")
    steps.recover(store, clock.now)
    assert state(store, ref) is SaleState.UNKNOWN


def stand_in(scripted: ScriptedClient) -> OneClickClient:
    """The scripted client where a step takes the real one: the steps that get it call only
    check_ref and check_id, which it answers (a deliberate stand-in, hence the cast)."""
    return cast(OneClickClient, scripted)


def run_resolve(
    store: Store, scripted: ScriptedClient, clock: Clock, ref: str = "r-s"
) -> steps.StepResult:
    return steps.resolve(store, stand_in(scripted), ref, clock.now, SETTINGS)


def test_item3_each_detail_must_match(store: Store, clock: Clock) -> None:
    cases: dict[str, dict[str, Any]] = {
        "value": {"status": "FULFILLED", "value": 2000, "code": "1111222233334444"},
        "type": {"status": "FULFILLED", "line_type": LineType.LTE, "code": "1111222233334444"},
        "number": {"status": "HANDLING", "number": "036362609"},
    }
    for index, (why, differs) in enumerate(cases.items()):
        ref = f"r-{index}"
        recovered_unknown(store, clock, ref)
        run_resolve(store, ScriptedClient([topup(ref=ref, **differs)]), clock, ref)
        sale = store.get(ref)
        assert sale is not None and sale.state is SaleState.CONFLICT, why
        assert sale.card_code is None and why in (sale.failure_reason or "")


def test_item3_a_missing_echo_is_not_a_match(store: Store, clock: Clock) -> None:
    recovered_unknown(store, clock)
    run_resolve(store, ScriptedClient([topup("FULFILLED", number=None, code="9")]), clock)
    assert state(store, "r-s") is SaleState.CONFLICT


def test_item3_number_written_with_spaces_still_matches(store: Store, clock: Clock) -> None:
    recovered_unknown(store, clock)
    run_resolve(store, ScriptedClient([topup("HANDLING", number="036 36 26 08")]), clock)
    assert state(store, "r-s") is SaleState.ACCEPTED


# --- item 4: FULFILLED without a card code is not the end ---------------------------------


def test_item4_fulfilled_without_code_keeps_asking_then_is_a_manager_case(
    store: Store, clock: Clock
) -> None:
    recovered_unknown(store, clock)
    answers: list[Topup | Exception] = [topup("FULFILLED")] * 200
    scripted = ScriptedClient(answers)
    result = run_resolve(store, scripted, clock)
    sale = store.get("r-s")
    assert sale is not None and sale.state is SaleState.CODE_PENDING and not result.final
    assert sale.server_status == "FULFILLED" and sale.card_code is None
    polls = 0
    while state(store, "r-s") is SaleState.CODE_PENDING:
        sale = store.get("r-s")
        assert sale is not None and sale.next_check_at is not None
        assert sale.next_check_at > clock.now(), "never due at once: no tight loop"
        clock.advance((sale.next_check_at - clock.now()).total_seconds())
        steps.poll(store, stand_in(scripted), ["r-s"], clock.now, SETTINGS, in_flight=1)
        polls += 1
        assert polls < 200
    sale = store.get("r-s")
    assert sale is not None and sale.state is SaleState.CODE_MISSING
    assert sale.failure_code == "CODE_MISSING" and sale.card_code is None
    assert polls >= SETTINGS.code_wait / SETTINGS.code_recheck - 1


def test_item4_the_code_arriving_later_fulfils(store: Store, clock: Clock) -> None:
    recovered_unknown(store, clock)
    scripted = ScriptedClient([topup("FULFILLED"), topup("FULFILLED", code="1234567890123456")])
    run_resolve(store, scripted, clock)
    assert state(store, "r-s") is SaleState.CODE_PENDING
    clock.advance(SETTINGS.code_recheck)
    result = steps.poll(store, stand_in(scripted), ["r-s"], clock.now, SETTINGS, in_flight=1)
    sale = store.get("r-s")
    assert sale is not None and sale.state is SaleState.FULFILLED and result.final
    assert sale.card_code == "1234567890123456" and sale.num_trans == "AT-1"


def test_item4_a_refund_after_code_pending_is_a_refund(store: Store, clock: Clock) -> None:
    recovered_unknown(store, clock)
    scripted = ScriptedClient([topup("FULFILLED"), topup("REFUNDED")])
    run_resolve(store, scripted, clock)
    clock.advance(SETTINGS.code_recheck)
    steps.poll(store, stand_in(scripted), ["r-s"], clock.now, SETTINGS, in_flight=1)
    assert state(store, "r-s") is SaleState.REFUNDED


# --- item 8 (engine part): a server's wait has a ceiling -----------------------------------


def test_item8_retry_after_is_capped_in_the_schedule(store: Store, clock: Clock) -> None:
    recovered_unknown(store, clock)
    huge = api_errors.RateLimitedError("slow down", retry_after=99_999_999.0, http_status=429)
    run_resolve(store, ScriptedClient([huge]), clock)
    sale = store.get("r-s")
    assert sale is not None and sale.next_check_at is not None
    assert (sale.next_check_at - clock.now()).total_seconds() <= SETTINGS.max_wait
    assert SETTINGS.max_wait <= 600


def test_item1_asking_before_the_gap_changes_nothing(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock
) -> None:
    # A step started from a stale read must not shorten the waits (review finding).
    sim.inject(FaultRule("send", "503", count=1))
    store.add_sale(new_sale("r-early", value=1000))
    unknown_then_not_found_twice(store, client, clock, "r-early")
    sim.set_stock("ADSL", 1000, available=False)
    steps.send(store, client, "r-early", clock.now, SETTINGS)
    asked = sum(1 for r in sim.requests() if r.endpoint == "check-ref")
    for _ in range(len(SETTINGS.verify_gaps) + 2):
        steps.resolve(store, client, "r-early", clock.now, SETTINGS)
    assert state(store, "r-early") is SaleState.VERIFYING
    assert sum(1 for r in sim.requests() if r.endpoint == "check-ref") == asked


def test_item4_queued_after_code_pending_keeps_waiting_for_the_code(
    store: Store, clock: Clock
) -> None:
    recovered_unknown(store, clock)
    answers: list[Topup | Exception] = [topup("FULFILLED"), *[topup("QUEUED")] * 100]
    scripted = ScriptedClient(answers)
    run_resolve(store, scripted, clock)
    polls = 0
    while state(store, "r-s") is SaleState.CODE_PENDING and polls < 100:
        sale = store.get("r-s")
        assert sale is not None and sale.next_check_at is not None
        clock.advance((sale.next_check_at - clock.now()).total_seconds())
        steps.poll(store, stand_in(scripted), ["r-s"], clock.now, SETTINGS, in_flight=1)
        polls += 1
    assert state(store, "r-s") is SaleState.CODE_MISSING, "a case for the manager, never stuck"


def test_item3_an_answer_without_our_ref_is_not_adopted(store: Store, clock: Clock) -> None:
    recovered_unknown(store, clock)
    answer = topup("FULFILLED", code="5555666677778888")
    answer = Topup(
        id=answer.id,
        ref=None,
        status=answer.status,
        line_type=answer.line_type,
        number=answer.number,
        topup_amount=answer.topup_amount,
        card_code=answer.card_code,
    )
    run_resolve(store, ScriptedClient([answer]), clock)
    sale = store.get("r-s")
    assert sale is not None and sale.state is SaleState.CONFLICT and sale.card_code is None


def test_a_long_unknown_status_does_not_stop_the_batch(store: Store, clock: Clock) -> None:
    for ref in ("r-a", "r-b"):
        store.add_sale(new_sale(ref))
        store.transition(ref, SaleState.WAITING, SaleState.SENDING, "send")
        store.transition(
            ref,
            SaleState.SENDING,
            SaleState.ACCEPTED,
            "accepted",
            server_id=f"id-{ref}",
            server_status="HANDLING",
            next_check_at=clock.now(),
        )
    odd = Topup(
        id="id-r-a",
        ref="r-a",
        status="X" * 300,
        line_type=LineType.ADSL,
        number="036362608",
        topup_amount=1000,
    )
    done = Topup(
        id="id-r-b",
        ref="r-b",
        status="FULFILLED",
        line_type=LineType.ADSL,
        number="036362608",
        topup_amount=1000,
        card_code="1111222233334444",
    )
    steps.poll(
        store,
        stand_in(ScriptedClient([odd, done])),
        ["r-a", "r-b"],
        clock.now,
        SETTINGS,
        in_flight=1,
    )
    assert state(store, "r-a") is SaleState.ACCEPTED
    assert state(store, "r-b") is SaleState.FULFILLED
