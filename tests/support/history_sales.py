"""Sales in every state for history tests and screenshots: what to record and a way to
record it through the store's own transitions."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.store import NewSale, SaleFields, Store
from tests.support.clock import Clock

START = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
PATHS = {
    SaleState.WAITING: (),
    SaleState.CANCELLED: (SaleState.CANCELLED,),
    SaleState.SENDING: (SaleState.SENDING,),
    SaleState.UNKNOWN: (SaleState.SENDING, SaleState.UNKNOWN),
    SaleState.ACCEPTED: (SaleState.SENDING, SaleState.ACCEPTED),
    SaleState.QUEUED: (SaleState.SENDING, SaleState.ACCEPTED, SaleState.QUEUED),
    SaleState.FULFILLED: (SaleState.SENDING, SaleState.ACCEPTED, SaleState.FULFILLED),
    SaleState.REFUNDED: (SaleState.SENDING, SaleState.ACCEPTED, SaleState.REFUNDED),
    SaleState.REJECTED: (SaleState.SENDING, SaleState.REJECTED),
    SaleState.CODE_PENDING: (SaleState.SENDING, SaleState.ACCEPTED, SaleState.CODE_PENDING),
    SaleState.CODE_MISSING: (
        SaleState.SENDING,
        SaleState.ACCEPTED,
        SaleState.CODE_PENDING,
        SaleState.CODE_MISSING,
    ),
    SaleState.CONFLICT: (SaleState.SENDING, SaleState.UNKNOWN, SaleState.CONFLICT),
    SaleState.VERIFYING: (SaleState.SENDING, SaleState.VERIFYING),
}
_serials = itertools.count(1)
CASHIERS = ("amina", "يوسف", "karim")
COUNTERS = ("T01", "T02")


@dataclass(frozen=True)
class SaleSpec:
    """A sale to record for a history test, and the state to move it to."""

    number: str = "036362608"
    state: SaleState = SaleState.WAITING
    code: str | None = None
    value: int = 1000
    cashier: str = "amina"
    counter: str = "T01"


def mixed_sales(count: int) -> list[SaleSpec]:
    """``count`` sales in turning states, numbers, values, cashiers and counters; every
    fulfilled one with its own 12-digit card code."""
    states = list(PATHS)
    specs = []
    for i in range(count):
        state = states[i % len(states)]
        lte = i % 4 == 3
        specs.append(
            SaleSpec(
                number=f"2136659{i:05d}" if lte else f"0{2 + i % 3}345{i:04d}",
                state=state,
                code=f"{900000000000 + i * 7919:012d}" if state is SaleState.FULFILLED else None,
                value=(500, 1000, 2000)[i % 3],
                cashier=CASHIERS[i % len(CASHIERS)],
                counter=COUNTERS[i % len(COUNTERS)],
            )
        )
    return specs


def add_sales(
    store: Store, clock: Clock, specs: list[SaleSpec], *, same_time_every: int = 1
) -> list[str]:
    """Record ``specs`` oldest first, the clock moving a minute after every
    ``same_time_every`` sales (the others share its time); their refs in that order."""
    refs = []
    for i, spec in enumerate(specs):
        ref = f"{spec.counter}-20260301T093000-{next(_serials):08d}"
        line = LineType.LTE if spec.number.startswith("213") else LineType.ADSL
        store.add_sale(
            NewSale(
                ref=ref,
                line_type=line,
                number=spec.number,
                face_value=spec.value,
                cost=spec.value - 20,
                price=spec.value,
                cashier=spec.cashier,
                counter=spec.counter,
            )
        )
        current = SaleState.WAITING
        for target in PATHS[spec.state]:
            extra: SaleFields = {}
            if target is SaleState.FULFILLED:
                extra = {"card_code": spec.code or "", "num_trans": "NT1"}
            elif target in (SaleState.REFUNDED, SaleState.REJECTED):
                extra = {
                    "failure_code": "REFUNDED" if target is SaleState.REFUNDED else "ERR_PHONE"
                }
            store.transition(ref, current, target, "test", **extra)
            current = target
        refs.append(ref)
        if (i + 1) % same_time_every == 0:
            clock.advance(minutes=1)
    return refs
