"""The order engine's scheduling policy, as pure functions: what to start next, and when.

``plan`` takes the unresolved sales, the time, the settings and the engine's state (plain
values) and returns a ``Plan``: the steps to start, the new pacing times, whether the probe
must run and how long to sleep. It does no I/O and reads no clock; the one random draw (the
gap between backlog sends) comes from the ``pacing`` function given. The engine and the
model test both run it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from pos_app.domain.sale_states import SaleState
from pos_app.orders.settings import EngineSettings
from pos_app.store import SaleRecord

# States whose status the engine follows with check-id / list (the server has the order).
FOLLOWED = frozenset(
    {SaleState.ACCEPTED, SaleState.QUEUED, SaleState.CODE_PENDING, SaleState.CODE_MISSING}
)
# States resolved by asking check-ref (the server may or may not have the order).
ASKED_BY_REF = frozenset({SaleState.UNKNOWN, SaleState.VERIFYING})
NEVER = datetime.min.replace(tzinfo=UTC)  # a pacing time that never holds anything back
MAX_SLEEP = 60.0  # the scheduler looks at the sales at least this often (seconds)


def due(sales: Iterable[SaleRecord], now: datetime) -> list[SaleRecord]:
    """Sales whose next check time has come (or that have none)."""
    return [s for s in sales if s.next_check_at is None or s.next_check_at <= now]


def next_poll_at(sale: SaleRecord, now: datetime, settings: EngineSettings) -> datetime:
    """The next status check of an accepted sale: the first schedule point still ahead, then
    the background re-check once the short window is over."""
    origin = sale.sent_at or sale.created_at
    age = (now - origin).total_seconds()
    for point in settings.poll_schedule:
        if point > age and point <= settings.short_poll_window:
            return origin + timedelta(seconds=max(0.0, point))
    return now + timedelta(seconds=max(0.0, settings.background_recheck))


class StepKind(StrEnum):
    """Which step of ``pos_app.orders.steps`` runs."""

    SEND = "send"  # steps.send: a WAITING sale goes out
    ORPHANED = "orphaned"  # steps.orphaned: a SENDING sale no step owns
    RESOLVE = "resolve"  # steps.resolve: check-ref for an UNKNOWN or VERIFYING sale
    POLL = "poll"  # steps.poll: the status of every due followed sale


@dataclass(frozen=True, slots=True)
class PlannedStep:
    """One step to start: its kind, its sale refs (one, or several for a poll) and, for a
    poll, how many sales are ACCEPTED (one list call replaces check-ids from the threshold)."""

    kind: StepKind
    refs: tuple[str, ...]
    in_flight: int = 0


@dataclass(frozen=True, slots=True)
class EngineState:
    """What the engine knows beside the sales: steps running, reachability, the key, pacing
    times and the refs backing off after a failed step (until when)."""

    busy: frozenset[str] = frozenset()  # refs some running step owns
    sends_in_flight: int = 0
    polling: bool = False  # a poll step is running
    online: bool = True
    key_refused: bool = False
    next_send_at: datetime = NEVER
    next_list_at: datetime = NEVER
    held_until: Mapping[str, datetime] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Plan:
    """The steps to start now, in order; the pacing times to keep; whether the offline probe
    must run; and the seconds to sleep unless something wakes the scheduler first."""

    steps: tuple[PlannedStep, ...]
    next_send_at: datetime
    next_list_at: datetime
    probe: bool
    sleep: float


def plan(
    sales: Sequence[SaleRecord],
    now: datetime,
    settings: EngineSettings,
    state: EngineState,
    pacing: Callable[[], float],
) -> Plan:
    """Every step due now. ``sales`` are the unresolved ones in the store's order (oldest
    first); ``pacing`` draws the gap in seconds after a send when more sales wait.

    Offline, only the probe runs; with the key refused, nothing is tried. Sends go oldest
    first, at most ``max_sends_in_flight`` at once, paced; one poll at a time, as a list call
    at most every ``list_min_interval`` once ``list_threshold`` sales are in flight. A sale
    busy in a step, or held after a failed one, is skipped (its due time is a wake-up)."""
    wakeups: list[datetime] = []
    free: list[SaleRecord] = []
    for sale in sales:
        if sale.ref in state.busy:
            continue
        held = state.held_until.get(sale.ref)
        if held is not None and held > now:
            wakeups.append(held)
            continue
        free.append(sale)
    if not state.online:
        return Plan((), state.next_send_at, state.next_list_at, probe=True, sleep=MAX_SLEEP)
    planned: list[PlannedStep] = []
    next_send_at, next_list_at = state.next_send_at, state.next_list_at
    if not state.key_refused:
        next_send_at = _plan_sends(
            [s for s in free if s.state is SaleState.WAITING],
            now,
            settings=settings,
            state=state,
            pacing=pacing,
            planned=planned,
            wakeups=wakeups,
        )
        for sale in free:
            if sale.state is SaleState.SENDING:  # no step owns it: its answer was never recorded
                planned.append(PlannedStep(StepKind.ORPHANED, (sale.ref,)))
            elif sale.state in ASKED_BY_REF:
                if sale.next_check_at is None or sale.next_check_at <= now:
                    planned.append(PlannedStep(StepKind.RESOLVE, (sale.ref,)))
                else:
                    wakeups.append(sale.next_check_at)
        next_list_at = _plan_poll(
            [s for s in free if s.state in FOLLOWED],
            sales,
            now,
            settings=settings,
            state=state,
            planned=planned,
            wakeups=wakeups,
        )
    return Plan(tuple(planned), next_send_at, next_list_at, probe=False, sleep=_sleep(wakeups, now))


def _plan_sends(
    waiting: list[SaleRecord],
    now: datetime,
    *,
    settings: EngineSettings,
    state: EngineState,
    pacing: Callable[[], float],
    planned: list[PlannedStep],
    wakeups: list[datetime],
) -> datetime:
    """Sends, oldest first, within the limit and the pacing; returns the next send time."""
    next_send_at = state.next_send_at
    in_flight = state.sends_in_flight
    for index, sale in enumerate(waiting):
        if in_flight >= settings.max_sends_in_flight:
            break
        if now < next_send_at:
            wakeups.append(next_send_at)
            break
        in_flight += 1
        planned.append(PlannedStep(StepKind.SEND, (sale.ref,)))
        if index + 1 < len(waiting):  # a backlog: a jittered gap before the next one
            next_send_at = now + timedelta(seconds=pacing())
    return next_send_at


def _plan_poll(
    followed: list[SaleRecord],
    everything: Sequence[SaleRecord],
    now: datetime,
    *,
    settings: EngineSettings,
    state: EngineState,
    planned: list[PlannedStep],
    wakeups: list[datetime],
) -> datetime:
    """One poll of every due followed sale, unless one runs or a list call would come too
    soon after the last; returns the next list time."""
    ready = due(followed, now)
    wakeups.extend(
        s.next_check_at for s in followed if s.next_check_at is not None and s.next_check_at > now
    )
    if not ready or state.polling:
        return state.next_list_at
    in_flight = sum(1 for s in everything if s.state is SaleState.ACCEPTED)
    if in_flight >= settings.list_threshold and now < state.next_list_at:
        wakeups.append(state.next_list_at)
        return state.next_list_at
    planned.append(PlannedStep(StepKind.POLL, tuple(s.ref for s in ready), in_flight))
    return now + timedelta(seconds=settings.list_min_interval)


def _sleep(wakeups: list[datetime], now: datetime) -> float:
    if not wakeups:
        return MAX_SLEEP
    return min(MAX_SLEEP, max(0.0, (min(wakeups) - now).total_seconds()))
