"""Issue 8's money holes in the async engine (items 5, 9, 10), against the simulator."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import EngineSettings, OrderEngine, OrderView, SaleRefusedError, steps
from pos_app.orders import engine as engine_module
from pos_app.orders.engine import SteadyClock
from pos_app.simulator import SimConfig, Simulator
from pos_app.store import Store, open_store
from tests.orders.conftest import MakeClient
from tests.support.clock import Clock
from tests.support.sales import new_sale
from tests.support.waiting import wait_until


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Store]:
    store = open_store(f"sqlite:///{tmp_path / 'pos.sqlite3'}")
    yield store
    store.close()


def requests_to(sim: Simulator, endpoint: str) -> int:
    return sum(1 for r in sim.requests() if r.endpoint == endpoint)


# --- item 5: stale caches never decide alone ----------------------------------------------


def _old_catalogue(store: Store, *, available: bool, balance: str, age: timedelta) -> None:
    fetched = datetime.now(UTC) - age
    for kind in LineType:
        store.save_products(kind, [(1000, 980, available), (2000, 1960, available)], fetched)
    from decimal import Decimal

    store.save_balance(Decimal(balance), fetched)


@pytest.mark.parametrize("stale", ["stock", "balance"])
def test_item5_stale_cache_refusal_refreshes_first(
    db: Store, stale: str, make_client: MakeClient
) -> None:
    sim = Simulator(SimConfig(seed=3, time_scale=100)).start()
    try:
        _old_catalogue(
            db,
            available=stale != "stock",
            balance="10.00" if stale == "balance" else "50000.00",
            age=timedelta(days=2),
        )
        engine = OrderEngine(db, make_client(sim), settings=EngineSettings(time_scale=100))

        async def body() -> OrderView:
            await engine.start()
            try:
                return await engine.place(LineType.ADSL, "036362608", 1000)
            finally:
                await engine.stop()

        view = asyncio.run(body())
        assert view.state is SaleState.WAITING, "recorded: the fresh answer allows the sale"
        endpoint = "products" if stale == "stock" else "balance"
        assert requests_to(sim, endpoint) >= 1, "the stale cache was refreshed first"
    finally:
        sim.stop()


def test_item5_fresh_cache_refuses_without_a_request(db: Store, make_client: MakeClient) -> None:
    sim = Simulator(SimConfig(seed=3)).start()
    try:
        _old_catalogue(db, available=False, balance="50000.00", age=timedelta(seconds=5))
        engine = OrderEngine(db, make_client(sim))

        async def body() -> None:
            await engine.start()
            try:
                with pytest.raises(SaleRefusedError) as refused:
                    await engine.place(LineType.ADSL, "036362608", 1000)
                assert refused.value.reason == "stock"
            finally:
                await engine.stop()

        asyncio.run(body())
        assert requests_to(sim, "products") == 0
        assert db.unresolved() == []
    finally:
        sim.stop()


def test_item5_stale_refusal_with_the_server_unreachable_lets_the_server_decide(
    db: Store, make_client: MakeClient
) -> None:
    _old_catalogue(db, available=False, balance="50000.00", age=timedelta(days=2))
    engine = OrderEngine(db, make_client(), settings=EngineSettings(time_scale=100))

    async def body() -> OrderView:
        await engine.start()
        try:
            return await engine.place(LineType.ADSL, "036362608", 1000)
        finally:
            await engine.stop()

    view = asyncio.run(body())
    assert view.state is SaleState.WAITING
    sale = db.get(view.ref)
    assert sale is not None and sale.cost == 980


# --- item 9: time that goes backwards does not freeze sales -------------------------------


def test_item9_steady_clock_ignores_a_wall_clock_set_back() -> None:
    wall = [datetime(2026, 6, 1, 9, 0, tzinfo=UTC)]
    steady = [100.0]
    clock = SteadyClock(wall=lambda: wall[0], steady=lambda: steady[0])
    steady[0] += 5
    wall[0] -= timedelta(days=1)  # somebody sets the PC's clock back a day
    assert clock() == datetime(2026, 6, 1, 9, 0, 5, tzinfo=UTC)


def test_item9_wall_clock_set_back_after_a_send_does_not_freeze_polling(
    db: Store, monkeypatch: pytest.MonkeyPatch, make_client: MakeClient
) -> None:
    sim = Simulator(SimConfig(seed=3, time_scale=10)).start()
    shift = [timedelta(0)]

    class ShiftedDatetime(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return datetime.now(tz) + shift[0]

    monkeypatch.setattr(engine_module, "datetime", ShiftedDatetime)
    try:
        engine = OrderEngine(db, make_client(sim), settings=EngineSettings(time_scale=10))
        states: list[SaleState] = []
        engine.subscribe(lambda v: states.append(v.state) if isinstance(v, OrderView) else None)

        async def body() -> None:
            await engine.start()
            try:
                view = await engine.place(LineType.ADSL, "023450009", 1000)
                await wait_until(lambda: SaleState.ACCEPTED in states)
                shift[0] = -timedelta(days=1)  # the clock is set back a day after the send
                await wait_until(
                    lambda: (db.get(view.ref) or view).state is SaleState.FULFILLED, 8.0
                )
            finally:
                await engine.stop()

        asyncio.run(body())
    finally:
        sim.stop()


def test_item9_start_treats_impossible_stored_schedules_as_due(db: Store) -> None:
    clock = Clock()
    db.add_sale(new_sale("r-far"))
    db.transition("r-far", SaleState.WAITING, SaleState.SENDING, "send")
    db.transition(
        "r-far",
        SaleState.SENDING,
        SaleState.ACCEPTED,
        "accepted",
        server_id="t-1",
        next_check_at=clock.now() + timedelta(days=400),
    )
    steps.recover(db, clock.now)
    sale = db.get("r-far")
    assert sale is not None and sale.next_check_at is not None
    assert sale.next_check_at <= clock.now()


def test_item9_start_after_the_clock_went_back_checks_everything_now(tmp_path: Path) -> None:
    later = datetime(2026, 6, 2, 9, 0, tzinfo=UTC)
    store = open_store(f"sqlite:///{tmp_path / 'pos.sqlite3'}", now=lambda: later)
    try:
        store.add_sale(new_sale("r-back"))
        store.transition("r-back", SaleState.WAITING, SaleState.SENDING, "send")
        store.transition(
            "r-back",
            SaleState.SENDING,
            SaleState.ACCEPTED,
            "accepted",
            server_id="t-1",
            next_check_at=later + timedelta(seconds=30),
        )
        earlier = later - timedelta(hours=6)  # restarted with the clock six hours behind
        steps.recover(store, lambda: earlier)
        sale = store.get("r-back")
        assert sale is not None and sale.next_check_at == earlier
    finally:
        store.close()


# --- item 10: a failing step backs off and logs once --------------------------------------


class FullDisk(Store):
    """A store whose writes fail like a full disk while ``full`` is set."""

    full = True
    writes = 0

    def transition(self, *args: Any, **kwargs: Any) -> Any:
        if self.full:
            self.writes += 1
            raise sqlite3.OperationalError("database or disk is full")
        return super().transition(*args, **kwargs)


@pytest.mark.slow  # waits out the step back-off
def test_item10_failing_step_backs_off_and_logs_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, make_client: MakeClient
) -> None:
    sim = Simulator(SimConfig(seed=3, time_scale=10)).start()
    store = open_store(f"sqlite:///{tmp_path / 'pos.sqlite3'}")
    store.__class__ = FullDisk
    assert isinstance(store, FullDisk)
    try:
        FullDisk.full = False
        store.add_sale(new_sale("r-disk", number="023450009"))
        FullDisk.full = True
        engine = OrderEngine(store, make_client(sim))

        async def body() -> None:
            await engine.start()
            try:
                await asyncio.sleep(2.5)
            finally:
                await engine.stop()

        with caplog.at_level(logging.DEBUG, logger="pos_app.orders.engine"):
            asyncio.run(body())
        assert 1 <= store.writes <= 4, f"{store.writes} tries in 2.5 s: it must back off"
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert len(errors) == 1, [r.getMessage() for r in errors]
        assert "disk is full" not in errors[0].getMessage()
        sale = store.get("r-disk")
        assert (
            sale is not None and sale.state is SaleState.WAITING and requests_to(sim, "send") == 0
        )
    finally:
        FullDisk.full = False
        store.close()
        sim.stop()
