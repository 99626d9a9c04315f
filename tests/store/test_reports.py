"""The store's side of the X/Z reports on a real SQLite file: period figures by SQL, the
journal's debits and credits, balance readings, Z numbering and immutability, and the money
bridge catching an order planted only on the simulator's side."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pos_app.api import NO_RETRY, OneClickClient, Timeouts
from pos_app.domain import reports
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import steps
from pos_app.orders.settings import EngineSettings
from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator
from pos_app.simulator.state import card_cost
from pos_app.store import (
    NewSale,
    Store,
    open_store,
    report_from_json,
    report_to_json,
)
from tests.conftest import Clock

ADSL, LTE = LineType.ADSL, LineType.LTE
DAY = datetime(2026, 3, 2, tzinfo=UTC)  # the period: [DAY, DAY + 1 day)
NEXT_DAY = DAY + timedelta(days=1)
MS = timedelta(milliseconds=1)

PATHS: dict[SaleState, tuple[SaleState, ...]] = {
    SaleState.WAITING: (),
    SaleState.CANCELLED: (SaleState.CANCELLED,),
    SaleState.SENDING: (SaleState.SENDING,),
    SaleState.UNKNOWN: (SaleState.SENDING, SaleState.UNKNOWN),
    SaleState.REJECTED: (SaleState.SENDING, SaleState.REJECTED),
    SaleState.ACCEPTED: (SaleState.SENDING, SaleState.ACCEPTED),
    SaleState.QUEUED: (SaleState.SENDING, SaleState.ACCEPTED, SaleState.QUEUED),
    SaleState.FULFILLED: (SaleState.SENDING, SaleState.ACCEPTED, SaleState.FULFILLED),
    SaleState.REFUNDED: (SaleState.SENDING, SaleState.ACCEPTED, SaleState.REFUNDED),
}


def move(store: Store, ref: str, *targets: SaleState) -> None:
    """Walk sale ``ref`` through ``targets`` with the store's guarded transitions."""
    for target in targets:
        sale = store.get(ref)
        assert sale is not None
        store.transition(ref, sale.state, target, f"test: {target.value}")


def sell(  # noqa: PLR0917 (a hand-made sale: every figure that counts)
    store: Store,
    clock: Clock,
    ref: str,
    at: datetime,
    state: SaleState,
    line_type: LineType = ADSL,
    face: int = 1000,
    *,
    cost: int | None = -1,
    counter: str = "C1",
) -> None:
    """A sale made at ``at`` (price = face value, cost 98 % unless given) and taken to
    ``state`` at the same moment."""
    clock.current = at
    store.add_sale(
        NewSale(
            ref=ref,
            line_type=line_type,
            number="036362608" if line_type is ADSL else "213472731602",
            face_value=face,
            cost=face * 98 // 100 if cost == -1 else cost,
            price=face,
            cashier="amina",
            counter=counter,
        )
    )
    move(store, ref, *PATHS[state])


@pytest.fixture
def day(store: Store, clock: Clock) -> Store:
    """Hand-made sales around DAY, in time order (the store stamps with the clock)."""
    before = DAY - timedelta(days=1)
    sell(store, clock, "y1", before + timedelta(hours=20), SaleState.ACCEPTED)  # refunded on DAY
    sell(
        store, clock, "y2", before + timedelta(hours=21), SaleState.WAITING, LTE, 500
    )  # sent on DAY
    sell(store, clock, "y3", before + timedelta(hours=22), SaleState.WAITING)  # still waiting
    sell(store, clock, "edge-before", DAY - MS, SaleState.FULFILLED)
    sell(store, clock, "edge-start", DAY, SaleState.FULFILLED)
    clock.current = DAY + timedelta(hours=8)
    move(store, "y2", SaleState.SENDING, SaleState.ACCEPTED)
    clock.current = DAY + timedelta(hours=8, minutes=5)
    move(store, "y2", SaleState.FULFILLED)
    clock.current = DAY + timedelta(hours=9)
    move(store, "y1", SaleState.REFUNDED)
    store.record("y1", "server status REFUNDED again", server_status="REFUNDED")  # no credit
    sell(store, clock, "s1", DAY + timedelta(hours=10), SaleState.FULFILLED)
    sell(store, clock, "s2", DAY + timedelta(hours=11), SaleState.REFUNDED, face=2000)
    sell(store, clock, "s3", DAY + timedelta(hours=12), SaleState.QUEUED, LTE, 500, counter="C2")
    store.record("s3", "server status QUEUED", server_status="QUEUED")  # no second debit
    sell(store, clock, "s4", DAY + timedelta(hours=13), SaleState.UNKNOWN, LTE, counter="C2")
    sell(store, clock, "s5", DAY + timedelta(hours=14), SaleState.CANCELLED)
    sell(store, clock, "s6", DAY + timedelta(hours=15), SaleState.REJECTED, face=500, cost=None)
    at = DAY + timedelta(hours=16)
    sell(store, clock, "s7", at, SaleState.FULFILLED, LTE, 2000, cost=None, counter="C2")
    sell(store, clock, "edge-end", NEXT_DAY, SaleState.FULFILLED)
    return store


def groups(figures: reports.PeriodFigures) -> dict[tuple[SaleState, LineType], tuple[int, ...]]:
    return {
        (g.state, g.line_type): (
            g.count, g.face_value, g.price, g.cost, g.cost_unknown, g.price_cost_unknown
        )
        for g in figures.groups
    }  # fmt: skip


def test_figures_of_a_day_by_state_and_type(day: Store) -> None:
    figures = day.period_figures(DAY, NEXT_DAY)
    assert groups(figures) == {
        (SaleState.FULFILLED, ADSL): (2, 2000, 2000, 1960, 0, 0),  # edge-start (half-open), s1
        (SaleState.FULFILLED, LTE): (1, 2000, 2000, 0, 1, 2000),  # s7, cost unknown
        (SaleState.REFUNDED, ADSL): (1, 2000, 2000, 1960, 0, 0),
        (SaleState.QUEUED, LTE): (1, 500, 500, 490, 0, 0),
        (SaleState.UNKNOWN, LTE): (1, 1000, 1000, 980, 0, 0),
        (SaleState.CANCELLED, ADSL): (1, 1000, 1000, 980, 0, 0),
        (SaleState.REJECTED, ADSL): (1, 500, 500, 0, 1, 500),
    }
    # debits: edge-start 980, y2 490 (sold yesterday, sent today), s1 980, s2 1960, s3 490,
    # s7 (no cost); not y1 (accepted yesterday), s4 (unknown), edge-end (tomorrow)
    assert figures.debits == reports.Movement(count=6, dinars=4900, cost_unknown=1)
    assert figures.credits == reports.Movement(count=2, dinars=980 + 1960)  # y1 and s2
    assert [(u.ref, u.state) for u in figures.unresolved] == [
        ("y3", SaleState.WAITING),
        ("s3", SaleState.QUEUED),
        ("s4", SaleState.UNKNOWN),
    ]
    assert figures.unresolved[1] == reports.UnresolvedSale(
        "s3", "213472731602", SaleState.QUEUED, 500, 490, DAY + timedelta(hours=12)
    )

    # handed back on DAY: y1 (sold yesterday, refunded today), s2, s5 (cancelled), s6
    assert figures.given_back == reports.Movement(count=4, dinars=1000 + 2000 + 1000 + 500)

    report = reports.build_report("X", figures, None, None, 4500, None)
    assert (report.sales.count, report.sales.price) == (8, 9000)
    assert (report.customers_paid, report.given_back) == (9000, 4500)
    assert report.cash_expected == 9000 - 4500 and report.cash_difference == 0
    # sold = delivered: edge-start, s1 and s7 (cost unknown: left out of the margin)
    assert (report.face_value_sold, report.cost) == (4000, 980 + 980)
    assert (report.margin, report.margin_cost_unknown) == (4000 - 2000 - 1960, 1)


def test_the_day_before_and_the_edges(day: Store) -> None:
    before = day.period_figures(DAY - timedelta(days=1), DAY)
    assert sum(g.count for g in before.groups) == 4  # y1, y2, y3, edge-before
    assert before.debits == reports.Movement(count=2, dinars=980 + 980)  # y1, edge-before
    assert before.credits == reports.Movement()
    assert [u.ref for u in before.unresolved] == ["y3"]  # as they stand now (y2 settled)
    empty = day.period_figures(DAY + timedelta(hours=17), NEXT_DAY)
    assert (empty.groups, empty.debits, empty.credits) == (
        (),
        reports.Movement(),
        reports.Movement(),
    )
    edge = day.period_figures(NEXT_DAY, NEXT_DAY + MS)
    assert sum(g.count for g in edge.groups) == 1 and edge.debits.count == 1


def test_sale_accepted_yesterday_and_refunded_today(store: Store, clock: Clock) -> None:
    sell(store, clock, "late", DAY - timedelta(hours=1), SaleState.ACCEPTED, face=2000)
    clock.current = DAY + timedelta(hours=9)
    move(store, "late", SaleState.REFUNDED)
    yesterday = store.period_figures(DAY - timedelta(days=1), DAY)
    today = store.period_figures(DAY, NEXT_DAY)
    assert (yesterday.debits, yesterday.credits) == (reports.Movement(1, 1960), reports.Movement())
    assert (today.debits, today.credits) == (reports.Movement(), reports.Movement(1, 1960))
    assert today.groups == ()  # the sale belongs to yesterday's figures


def test_figures_of_one_counter(day: Store) -> None:
    figures = day.period_figures(DAY, NEXT_DAY, counter="C2")
    assert sum(g.count for g in figures.groups) == 3  # s3, s4, s7
    assert figures.debits == reports.Movement(count=2, dinars=490, cost_unknown=1)  # s3, s7
    assert figures.credits == reports.Movement()
    assert [u.ref for u in figures.unresolved] == ["s3", "s4"]
    assert day.period_figures(DAY, NEXT_DAY, counter="nobody").groups == ()


def test_a_period_that_ends_before_it_begins_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="ends after"):
        store.period_figures(NEXT_DAY, DAY)


def test_debit_counts_the_first_acknowledgement_only(store: Store, clock: Clock) -> None:
    # unknown, then found queued on the server, then fulfilled: one debit
    sell(store, clock, "found", DAY + timedelta(hours=1), SaleState.UNKNOWN)
    clock.current = DAY + timedelta(hours=2)
    move(
        store,
        "found",
        SaleState.QUEUED,
        SaleState.ACCEPTED,
        SaleState.CODE_PENDING,
        SaleState.CODE_MISSING,
        SaleState.FULFILLED,
    )
    figures = store.period_figures(DAY, NEXT_DAY)
    assert figures.debits == reports.Movement(1, 980)
    assert figures.credits == reports.Movement()
    # unknown, then found refunded: debited and credited back by the same move
    sell(store, clock, "gone", DAY + timedelta(hours=3), SaleState.UNKNOWN, face=2000)
    move(store, "gone", SaleState.REFUNDED)
    figures = store.period_figures(DAY, NEXT_DAY)
    assert (figures.debits, figures.credits) == (
        reports.Movement(2, 980 + 1960),
        reports.Movement(1, 1960),
    )


# -- balance readings -------------------------------------------------------------------------


def readings(store: Store) -> list[tuple[datetime, int]]:
    moments = [DAY + timedelta(minutes=m) for m in range(0, 60)]
    found = {store.balance_at(m) for m in moments}
    return sorted((b.at, b.centimes) for b in found if b is not None)


def test_balance_readings_skip_repeats_for_ten_minutes(store: Store) -> None:
    at = DAY
    store.save_balance(Decimal("1000.00"), at)
    store.save_balance(Decimal("1000.00"), at + timedelta(minutes=1))  # same: skipped
    store.save_balance(Decimal("1000.00"), at + timedelta(minutes=9))  # skipped
    store.save_balance(Decimal("990.50"), at + timedelta(minutes=9, seconds=30))  # changed
    store.save_balance(Decimal("990.50"), at + timedelta(minutes=19))  # 9.5 min: skipped
    store.save_balance(Decimal("990.50"), at + timedelta(minutes=19, seconds=30))  # 10 min
    assert store.record_balance(99_050, at + timedelta(minutes=20)) is False
    assert store.record_balance(99_000, at + timedelta(minutes=21)) is True
    assert readings(store) == [
        (at, 100_000),
        (at + timedelta(minutes=9, seconds=30), 99_050),
        (at + timedelta(minutes=19, seconds=30), 99_050),
        (at + timedelta(minutes=21), 99_000),
    ]
    cached = store.cached_balance()
    assert cached is not None and cached.amount == Decimal("990.50")  # the cache still works


def test_balance_at_a_moment(store: Store) -> None:
    assert store.balance_at(DAY) is None
    store.record_balance(500_00, DAY + timedelta(hours=1))
    store.record_balance(400_00, DAY + timedelta(hours=3))
    assert store.balance_at(DAY) == reports.BalanceReading(
        DAY + timedelta(hours=1), 500_00, after=True
    )
    hour = DAY + timedelta(hours=1)
    assert store.balance_at(hour) == reports.BalanceReading(hour, 500_00)
    assert store.balance_at(DAY + timedelta(hours=2, minutes=59)) == reports.BalanceReading(
        hour, 500_00
    )
    assert store.balance_at(NEXT_DAY) == reports.BalanceReading(DAY + timedelta(hours=3), 400_00)


# -- Z reports --------------------------------------------------------------------------------


def test_z_reports_are_numbered_and_chain_their_periods(day: Store, clock: Clock) -> None:
    assert day.last_z() is None and day.z_reports() == []
    assert day.next_z_opening() == DAY - timedelta(hours=4)  # the first sale (y1)
    clock.current = NEXT_DAY + timedelta(hours=1)
    first = day.close_period(counter="C1", cash_counted=5500)
    assert (first.number, first.counter, first.cash_counted) == (1, "C1", 5500)
    assert (first.opened_at, first.closed_at) == (DAY - timedelta(hours=4), clock.now())
    assert first.created_at == clock.now()
    body = first.report()
    assert (body.kind, body.number, body.sales.count) == ("Z", 1, 13)  # every sale so far
    assert body.cash_counted == 5500
    clock.advance(hours=2)
    second = day.close_period(counter="C2", cash_counted=None)
    assert (second.number, second.opened_at, second.closed_at) == (2, first.closed_at, clock.now())
    assert second.report().sales.count == 0  # the sales belong to Z 1
    assert [u.ref for u in second.report().unresolved] == ["y3", "s3", "s4"]  # still open
    assert day.last_z() == second
    assert day.z_reports() == [first, second]
    assert day.z_report(1) == first and day.z_report(3) is None


def test_a_z_counts_every_sale_once_whatever_the_clock_says(store: Store, clock: Clock) -> None:
    sell(store, clock, "before", DAY + timedelta(hours=16), SaleState.FULFILLED, face=1000)
    clock.current = DAY + timedelta(hours=17)
    first = store.close_period(counter="C1", cash_counted=None)
    # the PC's clock is set back two hours after the Z: its sales still go in the next Z
    sell(store, clock, "behind", DAY + timedelta(hours=15), SaleState.FULFILLED, face=5000)
    x = store.open_period_figures()
    assert [(g.state, g.count, g.price) for g in x.groups] == [(SaleState.FULFILLED, 1, 5000)]
    second = store.close_period(counter="C1", cash_counted=5000)
    assert second.report().sales.count == 1 and second.report().cash_expected == 5000
    assert second.report().bridge.debits.count == 1
    assert second.opened_at == first.closed_at <= second.closed_at  # times never run back
    assert first.report().sales.count == 1


def test_a_refund_of_an_earlier_periods_sale_comes_out_of_todays_cash(
    store: Store, clock: Clock
) -> None:
    sell(store, clock, "q", DAY + timedelta(hours=10), SaleState.QUEUED, face=1000)
    clock.current = DAY + timedelta(hours=18)
    first = store.close_period(counter="C1", cash_counted=1000)
    assert first.report().cash_expected == 1000 and first.report().cash_difference == 0
    clock.current = NEXT_DAY + timedelta(hours=9)
    move(store, "q", SaleState.REFUNDED)  # the customer comes back: the price is handed back
    second = store.close_period(counter="C1", cash_counted=0)
    report = second.report()
    assert (report.sales.count, report.customers_paid, report.given_back) == (0, 0, 1000)
    assert report.cash_expected == -1000 and report.cash_difference == 1000
    assert report.bridge.credits == reports.Movement(count=1, dinars=980)


def test_z_refuses_a_cash_count_that_is_not_whole_dinars(store: Store) -> None:
    with pytest.raises(TypeError):
        store.close_period(counter="C1", cash_counted=1.5)  # type: ignore[arg-type]
    assert store.z_reports() == []


def test_a_stored_z_cannot_be_changed(store: Store, clock: Clock) -> None:
    stored = store.close_period(counter="C1", cash_counted=100)
    with pytest.raises(dataclasses.FrozenInstanceError):
        stored.body = "{}"  # type: ignore[misc]
    # the whole public API about Z reports reads or adds; nothing updates or deletes
    public = {n for n in dir(store) if not n.startswith("_")}
    z_api = {n for n in public if "z" in n.lower() or "period" in n.lower()}
    assert z_api == {
        "close_period",
        "last_z",
        "next_z_opening",
        "open_period_figures",
        "period_figures",
        "z_report",
        "z_reports",
    }
    clock.advance(minutes=5)
    sell(store, clock, "later", clock.now(), SaleState.FULFILLED)
    store.close_period(counter="C1", cash_counted=1)
    again = store.z_report(1)
    assert again == stored


def test_two_stores_closing_at_once_never_share_a_number(db_url: str, clock: Clock) -> None:
    stores = [open_store(db_url, now=clock.now) for _ in range(2)]
    start = threading.Barrier(2)
    numbers: list[int] = []

    def close_five(store: Store, counter: str) -> None:
        start.wait()
        try:
            for _ in range(5):
                numbers.append(store.close_period(counter=counter, cash_counted=None).number)
        finally:
            store.release_connection()

    try:
        threads = [
            threading.Thread(target=close_five, args=(s, f"C{i}")) for i, s in enumerate(stores)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert sorted(numbers) == list(range(1, 11))
        zs = stores[0].z_reports()
        assert [z.number for z in zs] == list(range(1, 11))
        assert all(z.report().number == z.number for z in zs)  # each body says its own number
    finally:
        for store in stores:
            store.close()


def test_sales_written_while_zs_close_are_each_in_exactly_one_z(db_url: str, clock: Clock) -> None:
    seller, closer = (open_store(db_url, now=clock.now) for _ in range(2))
    start = threading.Barrier(2)
    sold = 40

    def sell_all() -> None:
        start.wait()
        try:
            for n in range(sold):
                sell(seller, clock, f"r{n}", clock.now(), SaleState.FULFILLED)
        finally:
            seller.release_connection()

    def close_some() -> None:
        start.wait()
        try:
            for _ in range(8):
                closer.close_period(counter="C2", cash_counted=None)
        finally:
            closer.release_connection()

    try:
        threads = [threading.Thread(target=sell_all), threading.Thread(target=close_some)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        last = closer.close_period(counter="C2", cash_counted=None)
        reports_ = [z.report() for z in closer.z_reports()]
        assert last.number == len(reports_) == 9
        assert sum(r.sales.count for r in reports_) == sold  # none lost, none twice
        assert sum(r.bridge.debits.count for r in reports_) == sold
        assert sum(r.customers_paid for r in reports_) == sold * 1000
    finally:
        seller.close()
        closer.close()


def test_a_z_body_is_the_report_as_json(day: Store, clock: Clock) -> None:
    clock.current = NEXT_DAY
    day.record_balance(1_000_000, DAY - timedelta(hours=4))
    day.record_balance(1_000_000 - 490_000 + 294_000, NEXT_DAY)
    opening = day.next_z_opening()
    stored = day.close_period(counter="C1", cash_counted=7000)
    report = stored.report()
    assert report == report_from_json(stored.body)
    assert report_to_json(report) == stored.body
    assert report.bridge.opening == day.balance_at(opening)
    assert report.bridge.closing == day.balance_at(NEXT_DAY)
    with pytest.raises(ValueError, match="object"):
        report_from_json("[1]")


# -- the money bridge against the simulator ---------------------------------------------------

SETTINGS = EngineSettings()


@pytest.fixture
def sim(clock: Clock) -> Iterator[Simulator]:
    simulator = Simulator(SimConfig(seed=11, start_time=clock.now()), clock=clock).start()
    yield simulator
    simulator.stop()


@pytest.fixture
def client(sim: Simulator) -> Iterator[OneClickClient]:
    with OneClickClient(
        sim.base_url,
        DEFAULT_SIM_KEY,
        retry=NO_RETRY,
        timeouts=Timeouts(connect=2, read=2, send_read=0.5),
    ) as opened:
        yield opened


def sim_sale(ref: str, value: int, line_type: LineType = ADSL) -> NewSale:
    return NewSale(
        ref=ref,
        line_type=line_type,
        number="036362609" if line_type is ADSL else "213472731602",
        face_value=value,
        cost=card_cost(value),
        price=value,
        cashier="amina",
        counter="C1",
    )


def bridge_now(store: Store, since: datetime, clock: Clock) -> reports.Bridge:
    clock.advance(1)
    until = clock.now()
    figures = store.period_figures(since, until)
    opening, closing = store.balance_at(since), store.balance_at(until)
    report = reports.build_report("X", figures, opening, closing, None, None)
    return report.bridge


def test_the_bridge_catches_an_order_planted_only_on_the_simulator(
    store: Store, client: OneClickClient, sim: Simulator, clock: Clock, tmp_path: Path
) -> None:
    since = clock.now()
    store.save_balance(client.balance().amount, clock.now())
    clock.advance(1)
    refs = []
    for n, (value, line_type) in enumerate([(1000, ADSL), (2000, ADSL), (500, LTE)]):
        ref = f"C1-BRIDGE-{n}"
        store.add_sale(sim_sale(ref, value, line_type))
        steps.send(store, client, ref, clock.now, SETTINGS)
        refs.append(ref)
    for _ in range(6):  # let the server finish (or queue) them; the engine follows
        clock.advance(minutes=1)
        steps.poll(store, client, refs, clock.now, SETTINGS, in_flight=len(refs))
    states = {sale.state for sale in map(store.get, refs) if sale is not None}
    assert states <= {
        SaleState.FULFILLED,
        SaleState.REFUNDED,
        SaleState.QUEUED,
        SaleState.ACCEPTED,
    }, states
    store.save_balance(client.balance().amount, clock.now())
    agreed = bridge_now(store, since, clock)
    assert agreed.debits.count == 3 and agreed.difference == 0, agreed.notes

    planted = sim._state.send("ADSL", "036362608", 1000, "ELSEWHERE-1")
    clock.advance(1)
    store.save_balance(client.balance().amount, clock.now())
    bridge = bridge_now(store, since, clock)
    assert planted.cost == card_cost(1000)
    assert bridge.difference == -planted.cost * 100
    negative = [n for n in bridge.notes if n.text == reports.N_NEGATIVE]
    assert len(negative) == 1
    assert dict(negative[0].args)["amount"] == reports.centimes_text(planted.cost * 100)
    assert "a sale or charge the app does not know about" in negative[0].render()


# -- the benchmark script, small --------------------------------------------------------------


def test_no_tool_can_change_a_z_or_the_journal(store: Store, clock: Clock, db_path: Path) -> None:
    sell(store, clock, "r1", DAY, SaleState.FULFILLED)
    store.close_period(counter="C1", cash_counted=None)
    raw = sqlite3.connect(db_path)
    try:
        for sql in (
            "UPDATE z_report SET cash_counted = 0",
            "DELETE FROM z_report",
            "UPDATE journal SET to_state = 'refunded'",
            "DELETE FROM journal",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="never changed"):
                raw.execute(sql)
    finally:
        raw.close()
    assert [z.number for z in store.z_reports()] == [1]
    assert len(store.journal("r1")) == 4  # created, sending, accepted, fulfilled


def test_an_x_report_never_holds_the_write_lock(
    db_url: str, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader, writer = (open_store(db_url, now=clock.now) for _ in range(2))
    try:
        sell(writer, clock, "before", DAY, SaleState.FULFILLED)
        seen: list[int] = []
        original = reader._groups

        def groups_while_a_sale_is_written(
            scope: Any, counter: str | None
        ) -> tuple[reports.GroupFigures, ...]:
            # a sale written while the X report reads: it must not wait for the report (a
            # write lock held by the reader would make this time out) nor show up in it
            sell(writer, clock, "during", DAY + timedelta(minutes=1), SaleState.FULFILLED)
            found = original(scope, counter)
            seen.append(sum(g.count for g in found))
            return found

        monkeypatch.setattr(reader, "_groups", groups_while_a_sale_is_written)
        figures = reader.open_period_figures()
        assert seen == [1] and sum(g.count for g in figures.groups) == 1
        assert writer.get("during") is not None
    finally:
        reader.close()
        writer.close()
