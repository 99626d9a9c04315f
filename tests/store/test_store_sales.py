"""Sales and their journal: one transaction per change, nothing written on refusal."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import FINAL_STATES, TRANSITIONS, IllegalTransitionError, SaleState
from pos_app.store import (
    UPDATABLE_FIELDS,
    DuplicateSaleError,
    SaleNotFoundError,
    SaleRecord,
    StaleStateError,
    Store,
    open_store,
)
from tests.store.conftest import START, Clock, new_sale, sqlite_url
from tests.support.sales import sale_of, state_of


def snapshot(store: Store, ref: str) -> tuple[SaleRecord | None, list[object]]:
    return store.get(ref), list(store.journal(ref))


# -- add_sale ---------------------------------------------------------------------------------


def test_add_sale_stores_waiting_with_a_created_journal_row(store: Store) -> None:
    new = new_sale(1)
    sale = store.add_sale(new)
    assert sale.state is SaleState.WAITING
    assert (sale.ref, sale.line_type, sale.number) == (new.ref, LineType.ADSL, "036362608")
    assert (sale.face_value, sale.cost, sale.price) == (1000, 950, 1000)
    assert (sale.cashier, sale.counter) == ("amina", "T01")
    assert sale.created_at == sale.updated_at == START
    assert sale.created_at.tzinfo is UTC
    assert (sale.sent_at, sale.send_attempts, sale.not_found_count) == (None, 0, 0)
    assert store.get(new.ref) == sale
    [row] = store.journal(new.ref)
    assert (row.from_state, row.to_state, row.cause, row.detail) == (
        None,
        SaleState.WAITING,
        "created",
        None,
    )
    assert row.sale_id == sale.id and row.ref == new.ref and row.at == START


def test_duplicate_ref_is_refused_and_writes_nothing(store: Store) -> None:
    first = store.add_sale(new_sale(1))
    other = new_sale(1, face_value=2000)
    with pytest.raises(DuplicateSaleError) as info:
        store.add_sale(other)
    assert info.value.ref == other.ref
    assert store.get(other.ref) == first
    assert len(store.journal(other.ref)) == 1


def test_add_sale_rejects_a_bad_ref_or_amount(store: Store) -> None:
    good = new_sale(1)
    with pytest.raises(ValueError, match="ref"):
        store.add_sale(replace(good, ref="bad ref"))
    with pytest.raises(ValueError, match="ref"):
        store.add_sale(replace(good, ref="R" * 41))
    with pytest.raises(ValueError, match="face_value"):
        store.add_sale(replace(good, face_value=-1))
    with pytest.raises(ValueError, match="price"):
        store.add_sale(replace(good, price=True))
    assert store.count_by_state()[SaleState.WAITING] == 0


def test_money_stays_integer_and_time_stays_exact(store: Store, clock: Clock) -> None:
    clock.current = datetime(2026, 3, 1, 9, 30, 15, 123000, tzinfo=UTC)
    sale = store.add_sale(new_sale(1, face_value=10**11))
    again = store.get(sale.ref)
    assert again is not None
    assert again.face_value == 10**11 and isinstance(again.face_value, int)
    assert again.created_at == clock.current


def test_a_naive_clock_is_refused(db_path: Path) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        open_store(sqlite_url(db_path), now=lambda: datetime(2026, 1, 1))
    assert not db_path.exists()


# -- transition -------------------------------------------------------------------------------


def test_legal_transition_updates_state_fields_and_journal_in_one_go(
    store: Store, clock: Clock
) -> None:
    sale = store.add_sale(new_sale(1))
    sent = clock.advance(seconds=5)
    sending = store.transition(
        sale.ref,
        SaleState.WAITING,
        SaleState.SENDING,
        "send",
        send_attempts=1,
        detail={"attempt": 1},
    )
    assert sending.state is SaleState.SENDING
    assert sending.updated_at == sent and sending.created_at == START
    assert sending.sent_at == sent, "the first move to SENDING stamps sent_at"
    assert sending.send_attempts == 1
    assert store.get(sale.ref) == sending
    rows = store.journal(sale.ref)
    assert [(r.from_state, r.to_state, r.cause) for r in rows] == [
        (None, SaleState.WAITING, "created"),
        (SaleState.WAITING, SaleState.SENDING, "send"),
    ]
    assert rows[-1].detail == {"attempt": 1}
    assert rows[-1].at == sent

    clock.advance(seconds=3)
    accepted = store.transition(
        sale.ref,
        SaleState.SENDING,
        SaleState.ACCEPTED,
        "accepted",
        server_id="77812",
        server_status="HANDLING",
        detail={"balance": Decimal("1326.13")},
    )
    assert (accepted.server_id, accepted.server_status) == ("77812", "HANDLING")
    assert accepted.sent_at == sent, "sent_at keeps the FIRST send"
    last = store.last_journal(sale.ref)
    assert last is not None and last.detail == {"balance": "1326.13"}


def test_second_send_keeps_the_first_sent_at(store: Store, clock: Clock) -> None:
    ref = store.add_sale(new_sale(1)).ref
    first = clock.advance(seconds=1)
    store.transition(ref, SaleState.WAITING, SaleState.SENDING, "send")
    clock.advance(seconds=1)
    store.transition(ref, SaleState.SENDING, SaleState.UNKNOWN, "timeout")
    store.transition(ref, SaleState.UNKNOWN, SaleState.WAITING, "not found twice")
    clock.advance(seconds=1)
    again = store.transition(ref, SaleState.WAITING, SaleState.SENDING, "resend")
    assert again.sent_at == first


def test_illegal_transition_raises_and_writes_nothing(store: Store, clock: Clock) -> None:
    ref = store.add_sale(new_sale(1)).ref
    before = snapshot(store, ref)
    clock.advance(seconds=1)
    with pytest.raises(IllegalTransitionError):
        store.transition(
            ref, SaleState.WAITING, SaleState.FULFILLED, "nonsense", card_code="123456789012"
        )
    assert snapshot(store, ref) == before


def test_stale_state_raises_and_writes_nothing(store: Store, clock: Clock) -> None:
    ref = store.add_sale(new_sale(1)).ref
    store.transition(ref, SaleState.WAITING, SaleState.SENDING, "send")
    before = snapshot(store, ref)
    clock.advance(seconds=1)
    with pytest.raises(StaleStateError) as info:
        store.transition(ref, SaleState.WAITING, SaleState.SENDING, "send again", send_attempts=2)
    assert (info.value.expected, info.value.actual) == (SaleState.WAITING, SaleState.SENDING)
    assert snapshot(store, ref) == before


def test_unknown_ref_is_reported(store: Store) -> None:
    with pytest.raises(SaleNotFoundError):
        store.transition("NOPE-1", SaleState.WAITING, SaleState.SENDING, "send")
    with pytest.raises(SaleNotFoundError):
        store.record("NOPE-1", "note")
    with pytest.raises(SaleNotFoundError):
        store.schedule("NOPE-1", START)
    assert store.get("NOPE-1") is None
    assert store.journal("NOPE-1") == []
    assert store.last_journal("NOPE-1") is None


def test_every_whitelisted_field_can_be_set(store: Store) -> None:
    ref = store.add_sale(new_sale(1)).ref
    when = START + timedelta(hours=1)
    values: dict[str, object] = {
        "server_status": "FULFILLED",
        "server_id": "9",
        "card_code": "1234-5678-9012",
        "num_trans": "NT1",
        "date_traitement": "2026-03-01 10:31:00",
        "failure_code": "E1",
        "failure_reason": "why",
        "sent_at": when,
        "send_attempts": 3,
        "not_found_count": 2,
        "next_check_at": when,
    }
    assert set(values) == UPDATABLE_FIELDS
    sale = store.record(ref, "all fields", **cast(dict[str, Any], values))  # each its own type
    for name, value in values.items():
        assert getattr(sale, name) == value, name
    assert store.get(ref) == sale


@pytest.mark.parametrize(
    "field",
    ["state", "price", "face_value", "cost", "created_at", "updated_at", "id", "number", "bogus"],
)
def test_fields_outside_the_whitelist_are_refused(store: Store, field: str) -> None:
    ref = store.add_sale(new_sale(1)).ref
    before = snapshot(store, ref)
    refused: dict[str, Any] = {field: "x"}  # deliberately a field the store does not update
    with pytest.raises(ValueError, match=field):
        store.transition(ref, SaleState.WAITING, SaleState.SENDING, "send", **refused)
    with pytest.raises(ValueError, match=field):
        store.record(ref, "note", **refused)
    assert snapshot(store, ref) == before


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("send_attempts", None),
        ("send_attempts", True),
        ("sent_at", "2026-01-01"),
        ("server_id", 7),
        ("not_found_count", -1),
    ],
)
def test_field_values_of_the_wrong_type_are_refused(
    store: Store, field: str, value: object
) -> None:
    ref = store.add_sale(new_sale(1)).ref
    before = snapshot(store, ref)
    with pytest.raises((TypeError, ValueError)):
        wrong: dict[str, Any] = {field: value}  # deliberately of the wrong type
        store.record(ref, "note", **wrong)
    assert snapshot(store, ref) == before


def test_naive_datetime_fields_are_refused(store: Store) -> None:
    ref = store.add_sale(new_sale(1)).ref
    with pytest.raises(ValueError, match="timezone-aware"):
        store.schedule(ref, datetime(2026, 3, 1, 10, 0))
    with pytest.raises(ValueError, match="timezone-aware"):
        store.record(ref, "note", next_check_at=datetime(2026, 3, 1))


def test_the_card_code_never_reaches_the_journal(store: Store) -> None:
    ref = store.add_sale(new_sale(1)).ref
    store.transition(ref, SaleState.WAITING, SaleState.SENDING, "send")
    store.transition(ref, SaleState.SENDING, SaleState.ACCEPTED, "accepted", server_id="5")
    before = snapshot(store, ref)
    with pytest.raises(ValueError, match="card code"):
        store.transition(
            ref,
            SaleState.ACCEPTED,
            SaleState.FULFILLED,
            "done",
            card_code="987654321098",
            detail={"card_code": "987654321098"},
        )
    with pytest.raises(ValueError, match="card code"):
        store.transition(
            ref,
            SaleState.ACCEPTED,
            SaleState.FULFILLED,
            "done",
            card_code="987654321098",
            detail={"server": {"body": "code is 987654321098"}},
        )
    with pytest.raises(ValueError, match="card code"):
        store.record(ref, "note", detail={"items": [{"cardCode": "x"}]})
    assert snapshot(store, ref) == before
    done = store.transition(
        ref,
        SaleState.ACCEPTED,
        SaleState.FULFILLED,
        "done",
        card_code="987654321098",
        detail={"status": "FULFILLED"},
    )
    assert done.card_code == "987654321098"
    assert "987654321098" not in repr(done), "the card code stays out of reprs and logs"
    with pytest.raises(ValueError, match="card code"):
        store.record(ref, "late note", detail={"echo": "987654321098"})


def test_detail_must_be_json(store: Store) -> None:
    ref = store.add_sale(new_sale(1)).ref
    with pytest.raises(ValueError, match="JSON"):
        store.record(ref, "note", detail={"x": object()})
    with pytest.raises(ValueError, match="JSON"):
        store.record(ref, "note", detail={"x": float("nan")})
    assert len(store.journal(ref)) == 1


def test_record_keeps_the_state_and_journals_it(store: Store, clock: Clock) -> None:
    ref = store.add_sale(new_sale(1)).ref
    store.transition(ref, SaleState.WAITING, SaleState.SENDING, "send")
    store.transition(ref, SaleState.SENDING, SaleState.UNKNOWN, "read timeout")
    clock.advance(minutes=1)
    sale = store.record(
        ref, "check-ref not found", not_found_count=1, detail={"status": "NOT_FOUND"}
    )
    assert sale.state is SaleState.UNKNOWN and sale.not_found_count == 1
    assert sale.updated_at == clock.current
    last = store.last_journal(ref)
    assert last is not None
    assert (last.from_state, last.to_state, last.cause) == (
        SaleState.UNKNOWN,
        SaleState.UNKNOWN,
        "check-ref not found",
    )
    assert last.detail == {"status": "NOT_FOUND"}


def test_schedule_sets_only_next_check_at_without_journal(store: Store, clock: Clock) -> None:
    sale = store.add_sale(new_sale(1))
    clock.advance(minutes=5)
    due = START + timedelta(hours=24)
    store.schedule(sale.ref, due)
    after = store.get(sale.ref)
    assert after is not None
    assert after.next_check_at == due
    assert after.updated_at == sale.updated_at
    assert len(store.journal(sale.ref)) == 1
    store.schedule(sale.ref, None)
    assert sale_of(store, sale.ref).next_check_at is None


def test_cause_is_short_non_empty_text(store: Store) -> None:
    ref = store.add_sale(new_sale(1)).ref
    for cause in ("", "   ", "x" * 65):
        with pytest.raises(ValueError, match="cause"):
            store.transition(ref, SaleState.WAITING, SaleState.SENDING, cause)
    assert state_of(store, ref) is SaleState.WAITING


def test_journal_is_append_only_and_in_write_order(store: Store, clock: Clock) -> None:
    ref = store.add_sale(new_sale(1)).ref
    steps = [
        (SaleState.WAITING, SaleState.SENDING),
        (SaleState.SENDING, SaleState.UNKNOWN),
        (SaleState.UNKNOWN, SaleState.WAITING),
        (SaleState.WAITING, SaleState.SENDING),
        (SaleState.SENDING, SaleState.ACCEPTED),
        (SaleState.ACCEPTED, SaleState.QUEUED),
        (SaleState.QUEUED, SaleState.FULFILLED),
    ]
    clock.advance(hours=1)
    seen = [store.journal(ref)]
    for n, (a, b) in enumerate(steps):
        clock.advance(seconds=-n)  # the wall clock may go backwards: order is write order
        store.transition(ref, a, b, f"step {n}")
        now = store.journal(ref)
        assert now[: len(seen[-1])] == seen[-1], "earlier rows never change"
        seen.append(now)
    rows = seen[-1]
    assert [r.cause for r in rows] == ["created"] + [f"step {n}" for n in range(len(steps))]
    assert [r.id for r in rows] == sorted(r.id for r in rows)
    for prev, row in itertools.pairwise(rows):
        assert row.from_state == prev.to_state
    assert store.last_journal(ref) == rows[-1]
    assert not any(
        hasattr(store, name) for name in ("delete_journal", "update_journal", "delete_sale")
    )


# -- queries ----------------------------------------------------------------------------------


def test_by_state_and_unresolved_are_oldest_first(store: Store, clock: Clock) -> None:
    refs = []
    for n in range(6):
        clock.advance(seconds=1)
        refs.append(store.add_sale(new_sale(n)).ref)
    # reverse-order moves so update order differs from id order
    store.transition(refs[5], SaleState.WAITING, SaleState.SENDING, "send")
    store.transition(refs[3], SaleState.WAITING, SaleState.SENDING, "send")
    store.transition(refs[1], SaleState.WAITING, SaleState.CANCELLED, "cancelled")
    store.transition(refs[0], SaleState.WAITING, SaleState.SENDING, "send")
    store.transition(refs[0], SaleState.SENDING, SaleState.REJECTED, "ERR_PHONE")
    assert [s.ref for s in store.by_state(SaleState.SENDING)] == [refs[3], refs[5]]
    assert [s.ref for s in store.by_state(SaleState.WAITING, SaleState.SENDING)] == [
        refs[2],
        refs[3],
        refs[4],
        refs[5],
    ]
    assert store.by_state() == []
    assert [s.ref for s in store.unresolved()] == [refs[2], refs[3], refs[4], refs[5]]
    assert all(s.state not in FINAL_STATES for s in store.unresolved())


def test_iter_sales_pages_through_everything_by_id(store: Store) -> None:
    refs = [store.add_sale(new_sale(n)).ref for n in range(7)]
    assert [s.ref for s in store.iter_sales(batch=3)] == refs
    assert [s.ref for s in store.iter_sales()] == refs
    with pytest.raises(ValueError, match="batch"):
        next(store.iter_sales(batch=0))


def test_waiting_totals_and_counts(store: Store, clock: Clock) -> None:
    assert store.waiting_totals().count == 0
    assert store.waiting_totals().oldest_created_at is None
    first = clock.advance(minutes=1)
    a = store.add_sale(new_sale(1, face_value=500)).ref
    clock.advance(minutes=1)
    store.add_sale(new_sale(2, face_value=1000))
    clock.advance(minutes=1)
    c = store.add_sale(new_sale(3, face_value=2000)).ref
    store.transition(c, SaleState.WAITING, SaleState.SENDING, "send")
    totals = store.waiting_totals()
    assert (totals.count, totals.dinars, totals.oldest_created_at) == (2, 1500, first)
    store.transition(a, SaleState.WAITING, SaleState.CANCELLED, "cashier cancelled")
    assert store.waiting_totals().dinars == 1000
    counts = store.count_by_state()
    assert set(counts) == set(SaleState)
    assert (
        counts[SaleState.WAITING],
        counts[SaleState.SENDING],
        counts[SaleState.CANCELLED],
        counts[SaleState.FULFILLED],
    ) == (
        1,
        1,
        1,
        0,
    )


# -- model check --------------------------------------------------------------------------------

ALL_MOVES = [(a, b) for a in SaleState for b in SaleState]
_REFS = itertools.count(1000)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(moves=st.lists(st.sampled_from(ALL_MOVES), max_size=12))
def test_any_sequence_of_attempts_matches_the_table(
    store: Store, moves: list[tuple[SaleState, SaleState]]
) -> None:
    """Whatever is attempted, the store follows TRANSITIONS exactly and the journal chain
    (each row starting where the previous ended) always ends at the sale's state."""
    ref = store.add_sale(new_sale(next(_REFS))).ref
    state = SaleState.WAITING
    for expected, target in moves:
        before = snapshot(store, ref)
        try:
            store.transition(ref, expected, target, "try")
        except (StaleStateError, IllegalTransitionError):
            assert expected != state or target not in TRANSITIONS[expected]
            assert snapshot(store, ref) == before
        else:
            assert expected == state and target in TRANSITIONS[expected]
            state = target
    rows = store.journal(ref)
    assert state_of(store, ref) is state
    assert rows[-1].to_state is state
    for prev, row in itertools.pairwise(rows):
        assert row.from_state == prev.to_state


def test_recent_numbers_newest_first_once_each_without_rejected_lines(store: Store) -> None:
    numbers = ["036362601", "213472731602", "036362601", "036362603", "036362604"]
    for n, number in enumerate(numbers):
        store.add_sale(replace(new_sale(n), number=number))
    wrong = store.add_sale(replace(new_sale(9), number="036362699"))
    store.transition(wrong.ref, SaleState.WAITING, SaleState.SENDING, "send")
    store.transition(
        wrong.ref, SaleState.SENDING, SaleState.REJECTED, "ERR_PHONE", failure_code="ERR_PHONE"
    )
    assert store.recent_numbers() == ["036362604", "036362603", "036362601", "213472731602"]
    assert store.recent_numbers(limit=2) == ["036362604", "036362603"]
    assert store.recent_numbers(scan=3) == ["036362604", "036362603", "036362601"]
    with pytest.raises(ValueError, match="at least 1"):
        store.recent_numbers(limit=0)
