"""The scheduling planner (``pos_app.orders.schedule``), checked directly with tables of
small scenarios: sales and the engine's state in, the plan out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import schedule
from pos_app.orders.schedule import NEVER, EngineState, StepKind
from pos_app.orders.settings import EngineSettings
from pos_app.store import SaleRecord
from tests.support.clock import START

NOW = START + timedelta(hours=1)
IDLE = EngineState()  # online, the key accepted, nothing running or paced yet
SETTINGS = EngineSettings()  # 2 sends in flight, list from 2 in flight at most every 0.5 s
SEND, ORPHANED, RESOLVE, POLL = StepKind.SEND, StepKind.ORPHANED, StepKind.RESOLVE, StepKind.POLL
WAITING, SENDING, UNKNOWN, VERIFYING = (
    SaleState.WAITING,
    SaleState.SENDING,
    SaleState.UNKNOWN,
    SaleState.VERIFYING,
)
ACCEPTED, QUEUED, CODE_PENDING = SaleState.ACCEPTED, SaleState.QUEUED, SaleState.CODE_PENDING


def at(seconds: float) -> datetime:
    """``seconds`` from NOW (negative: in the past)."""
    return NOW + timedelta(seconds=seconds)


def sale(
    ref: str,
    state: SaleState,
    check_in: float | None = None,
    *,
    age: float = 60.0,
    sent_age: float | None = None,
) -> SaleRecord:
    """A stored sale made ``age`` seconds ago; ``check_in``: its next check from NOW."""
    return SaleRecord(
        id=abs(hash(ref)) % 10_000,
        ref=ref,
        line_type=LineType.ADSL,
        number="036362608",
        face_value=1000,
        cost=980,
        price=1000,
        state=state,
        server_status=None,
        server_id=None,
        card_code=None,
        num_trans=None,
        date_traitement=None,
        failure_code=None,
        failure_reason=None,
        cashier="amina",
        counter="C1",
        created_at=at(-age),
        updated_at=at(-age),
        sent_at=None if sent_age is None else at(-sent_age),
        send_attempts=0,
        not_found_count=0,
        next_check_at=None if check_in is None else at(check_in),
    )


@dataclass(frozen=True)
class Case:
    """One scenario: the sales and the state in; the steps, the sleep, the pacing times and
    the probe expected out. ``gap`` is what each pacing draw returns."""

    sales: tuple[SaleRecord, ...]
    steps: tuple[tuple[StepKind, tuple[str, ...], int], ...]
    sleep: float
    state: EngineState = IDLE
    gap: float = 0.5
    next_send_at: datetime | None = None  # None: unchanged
    next_list_at: datetime | None = None  # None: unchanged
    probe: bool = False
    draws: int = 0  # pacing draws expected


CASES = {
    "nothing to do: sleep the longest wait": Case((), (), 60.0),
    "a lone waiting sale goes out, no gap drawn": Case(
        (sale("A", WAITING),), ((SEND, ("A",), 0),), 60.0
    ),
    "a backlog: the oldest goes out, a jittered gap before the next": Case(
        (sale("A", WAITING), sale("B", WAITING), sale("C", WAITING)),
        ((SEND, ("A",), 0),),
        0.5,
        next_send_at=at(0.5),
        draws=1,
    ),
    "a zero gap: two sends at most in flight": Case(
        (sale("A", WAITING), sale("B", WAITING), sale("C", WAITING)),
        ((SEND, ("A",), 0), (SEND, ("B",), 0)),
        60.0,
        gap=0.0,
        next_send_at=NOW,
        draws=2,
    ),
    "one send already in flight: one more": Case(
        (sale("A", WAITING), sale("B", WAITING)),
        ((SEND, ("A",), 0),),
        60.0,
        state=EngineState(sends_in_flight=1),
        next_send_at=at(0.5),
        draws=1,
    ),
    "two sends in flight: none more, no wake-up for it": Case(
        (sale("A", WAITING),), (), 60.0, state=EngineState(sends_in_flight=2)
    ),
    "inside the gap: wait for its end": Case(
        (sale("A", WAITING),), (), 0.25, state=EngineState(next_send_at=at(0.25))
    ),
    "a busy sale is skipped, the next one goes": Case(
        (sale("A", WAITING), sale("B", WAITING)),
        ((SEND, ("B",), 0),),
        60.0,
        state=EngineState(busy=frozenset({"A"})),
    ),
    "a sale held after a failed step is skipped; its due time wakes": Case(
        (sale("A", WAITING), sale("B", UNKNOWN)),
        ((RESOLVE, ("B",), 0),),
        5.0,
        state=EngineState(held_until={"A": at(5)}),
    ),
    "a hold that has passed holds nothing": Case(
        (sale("A", WAITING),),
        ((SEND, ("A",), 0),),
        60.0,
        state=EngineState(held_until={"A": at(-1)}),
    ),
    "a busy sale's hold is no wake-up": Case(
        (sale("A", WAITING),),
        (),
        60.0,
        state=EngineState(busy=frozenset({"A"}), held_until={"A": at(5)}),
    ),
    "offline: nothing but the probe, times kept": Case(
        (sale("A", WAITING), sale("B", UNKNOWN, -1), sale("C", ACCEPTED, -1)),
        (),
        60.0,
        state=EngineState(online=False, held_until={"A": at(5)}),
        probe=True,
    ),
    "the key refused: nothing is tried": Case(
        (sale("A", WAITING), sale("B", SENDING), sale("C", UNKNOWN, -1), sale("D", ACCEPTED, -1)),
        (),
        60.0,
        state=EngineState(key_refused=True),
    ),
    "the key refused: a hold still wakes": Case(
        (sale("A", WAITING), sale("B", WAITING)),
        (),
        3.0,
        state=EngineState(key_refused=True, held_until={"A": at(3)}),
    ),
    "a sale left sending by no step: orphaned": Case(
        (sale("A", SENDING),), ((ORPHANED, ("A",), 0),), 60.0
    ),
    "unknown and verifying due: check-ref each, in order": Case(
        (sale("A", VERIFYING), sale("B", UNKNOWN, -2), sale("C", UNKNOWN, 0)),
        ((RESOLVE, ("A",), 0), (RESOLVE, ("B",), 0), (RESOLVE, ("C",), 0)),
        60.0,
    ),
    "unknown not yet due: wake at its check": Case((sale("A", UNKNOWN, 7),), (), 7.0),
    "followed sales due: one poll of them all; the next list time set": Case(
        (sale("A", ACCEPTED, -1), sale("B", QUEUED), sale("C", CODE_PENDING, 12)),
        ((POLL, ("A", "B"), 1),),
        12.0,
        next_list_at=at(0.5),
    ),
    "a poll running: no other, its sales' checks still wake": Case(
        (sale("A", ACCEPTED, -1), sale("B", ACCEPTED, 4)), (), 4.0, state=EngineState(polling=True)
    ),
    "from the list threshold, a list call waits for its interval": Case(
        (sale("A", ACCEPTED, -1), sale("B", ACCEPTED, -1)),
        (),
        0.3,
        state=EngineState(next_list_at=at(0.3)),
    ),
    "below the threshold, check-id does not wait for the list interval": Case(
        (sale("A", ACCEPTED, -1),),
        ((POLL, ("A",), 1),),
        60.0,
        state=EngineState(next_list_at=at(0.3)),
        next_list_at=at(0.5),
    ),
    "busy accepted sales count as in flight": Case(
        (sale("A", ACCEPTED, -1), sale("B", ACCEPTED, -1)),
        ((POLL, ("B",), 2),),
        60.0,
        state=EngineState(busy=frozenset({"A"})),
        next_list_at=at(0.5),
    ),
    "every kind at once, in order: sends, per sale, then the poll": Case(
        (
            sale("A", WAITING),
            sale("B", SENDING),
            sale("C", ACCEPTED, -1),
            sale("D", UNKNOWN, -1),
            sale("E", WAITING),
        ),
        ((SEND, ("A",), 0), (ORPHANED, ("B",), 0), (RESOLVE, ("D",), 0), (POLL, ("C",), 1)),
        0.5,
        next_send_at=at(0.5),
        next_list_at=at(0.5),
        draws=1,
    ),
    "a wake-up far ahead is capped at 60 s": Case((sale("A", QUEUED, 7200),), (), 60.0),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_plan(case: Case) -> None:
    draws: list[float] = []

    def pacing() -> float:
        draws.append(case.gap)
        return case.gap

    plan = schedule.plan(list(case.sales), NOW, SETTINGS, case.state, pacing)
    assert [(s.kind, s.refs, s.in_flight) for s in plan.steps] == list(case.steps)
    assert plan.sleep == pytest.approx(case.sleep)
    assert plan.probe is case.probe
    assert plan.next_send_at == (case.next_send_at or case.state.next_send_at)
    assert plan.next_list_at == (case.next_list_at or case.state.next_list_at)
    assert len(draws) == case.draws


def test_the_plan_is_the_same_for_the_same_inputs() -> None:
    """Pure: no clock, no randomness but the pacing given, the inputs untouched."""
    sales = [sale("A", WAITING), sale("B", WAITING), sale("C", ACCEPTED, -1)]
    state = EngineState(held_until={"Z": at(1)})
    first = schedule.plan(sales, NOW, SETTINGS, state, lambda: 0.7)
    again = schedule.plan(sales, NOW, SETTINGS, state, lambda: 0.7)
    assert first == again
    assert first.next_send_at == at(0.7)
    assert state == EngineState(held_until={"Z": at(1)})


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (0.0, 3.0),  # just sent: the first point of the schedule
        (3.0, 5.5),  # a point reached: the next one
        (299.0, 300.0),  # the last point of the short window
        (300.0, 300.0 + 180.0),  # past the window: the background re-check, from now
    ],
)
def test_next_poll_at(age: float, expected: float) -> None:
    accepted = sale("A", ACCEPTED, sent_age=age)
    origin = at(-age)
    assert schedule.next_poll_at(accepted, NOW, SETTINGS) == origin + timedelta(seconds=expected)


def test_due_keeps_the_sales_whose_check_has_come() -> None:
    sales = [sale("A", ACCEPTED), sale("B", ACCEPTED, 0), sale("C", ACCEPTED, 1)]
    assert [s.ref for s in schedule.due(sales, NOW)] == ["A", "B"]
    assert NEVER < NOW
