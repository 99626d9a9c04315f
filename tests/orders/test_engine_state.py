"""The engine is the one owner of core state (issue 8): catalogue, balance, number checks,
reachability and the key, refreshed by its own named task, emitted as typed events."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from pos_app.api import NO_RETRY, OneClickClient, Timeouts
from pos_app.domain.numbers import LineType
from pos_app.orders import (
    BalanceView,
    ConnectionView,
    EngineEvent,
    EngineSettings,
    KeyView,
    OrderEngine,
    OrderView,
    ProductsView,
)
from pos_app.simulator import DEFAULT_SIM_KEY, Simulator
from pos_app.store import open_store
from tests.orders.conftest import SCALE
from tests.support.waiting import wait_until


class Events:
    """Every event, sorted by kind with ``match`` (as the window's adapter does)."""

    def __init__(self) -> None:
        self.orders: list[OrderView] = []
        self.balances: list[BalanceView] = []
        self.products: list[ProductsView] = []
        self.connections: list[ConnectionView] = []
        self.keys: list[KeyView] = []

    def __call__(self, event: EngineEvent) -> None:
        match event:
            case OrderView():
                self.orders.append(event)
            case BalanceView():
                self.balances.append(event)
            case ProductsView():
                self.products.append(event)
            case ConnectionView():
                self.connections.append(event)
            case KeyView():
                self.keys.append(event)


def engine_for(sim: Simulator, tmp_path: Path, **settings: Any) -> OrderEngine:
    store = open_store(f"sqlite:///{tmp_path / 'pos.sqlite3'}")
    client = OneClickClient(
        sim.base_url,
        DEFAULT_SIM_KEY,
        retry=NO_RETRY,
        timeouts=Timeouts(connect=1, read=1, send_read=1),
    )
    return OrderEngine(
        store,
        client,
        settings=EngineSettings(time_scale=SCALE, **settings),
        counter_id="T1",
        training=True,
    )


def close(engine: OrderEngine) -> None:
    engine.client.close()
    engine.store.close()


def requests_to(sim: Simulator, path: str) -> int:
    return len([r for r in sim.requests() if path in r.path])


def test_start_with_refresh_emits_catalogue_balance_key_and_connection(
    fast_sim: Simulator, tmp_path: Path
) -> None:
    async def body() -> None:
        engine = engine_for(fast_sim, tmp_path)
        events = Events()
        engine.subscribe(events)
        await engine.start(refresh=True)
        try:
            await wait_until(
                lambda: (
                    {p.line_type for p in events.products} == set(LineType)
                    and events.balances
                    and events.keys
                )
            )
            assert events.connections and events.connections[-1].online
            [key] = events.keys  # validated once
            assert key.training and key.sandbox and key.problem is None
            assert engine.key == key
            assert any(t.get_name() == "engine-refresh" for t in asyncio.all_tasks())
            # The refresh goes on by itself (balance_refresh is 0.6 s at this scale).
            count = len(events.balances)
            await wait_until(lambda: len(events.balances) > count)
            assert requests_to(fast_sim, "validate") == 1
        finally:
            await engine.stop()
            close(engine)
        assert not any(t.get_name() == "engine-refresh" for t in asyncio.all_tasks())

    asyncio.run(body())


def test_start_without_refresh_asks_nothing_but_the_sales(
    fast_sim: Simulator, tmp_path: Path
) -> None:
    async def body() -> None:
        engine = engine_for(fast_sim, tmp_path)
        events = Events()
        engine.subscribe(events)
        await engine.start()
        await asyncio.sleep(0.2)
        await engine.stop()
        close(engine)
        assert not (events.products or events.balances or events.keys)
        assert fast_sim.requests() == []

    asyncio.run(body())


def test_number_checks_cache_refusals_but_not_unanswered_checks(
    fast_sim: Simulator, tmp_path: Path
) -> None:
    async def body() -> None:
        engine = engine_for(fast_sim, tmp_path, offline_probe_min=100.0 * SCALE)
        await engine.start()
        try:
            found = await engine.check_line(LineType.ADSL, "023450009")
            assert found.problem is None and found.offre and not found.refused
            refused = await engine.check_line(LineType.ADSL, "023450000")  # ERR_PHONE
            assert refused.refused and refused.problem == "ERR_PHONE"
            asked = requests_to(fast_sim, "check-number")
            again = await engine.check_line(LineType.ADSL, "023450000")
            assert again.refused and again.problem == "ERR_PHONE"
            assert (await engine.check_line(LineType.ADSL, "023450009")).offre == found.offre
            assert requests_to(fast_sim, "check-number") == asked  # both from the cache
            fast_sim.go_offline()
            unanswered = await engine.check_line(LineType.ADSL, "023450077")
            assert unanswered.problem and not unanswered.refused
            assert not engine.online  # the engine, not the window, knows it is offline
            fast_sim.go_online()
            await engine.refresh()
            assert engine.online
            answered = await engine.check_line(LineType.ADSL, "023450077")
            assert answered.problem is None  # asked again: nothing was cached
        finally:
            await engine.stop()
            close(engine)

    asyncio.run(body())


def test_a_failed_refresh_shows_offline_and_the_probe_brings_it_back(
    fast_sim: Simulator, tmp_path: Path
) -> None:
    async def body() -> None:
        engine = engine_for(
            fast_sim, tmp_path, offline_probe_min=0.05 * SCALE, offline_probe_max=0.1 * SCALE
        )
        events = Events()
        engine.subscribe(events)
        await engine.start()
        try:
            fast_sim.go_offline()
            assert not await engine.refresh()
            await wait_until(lambda: events.connections and not events.connections[-1].online)
            fast_sim.go_online()
            await wait_until(lambda: engine.online and events.connections[-1].online)
        finally:
            await engine.stop()
            close(engine)

    asyncio.run(body())


def test_the_engine_mints_refs_and_a_ref_is_placed_once(
    fast_sim: Simulator, tmp_path: Path
) -> None:
    async def body() -> None:
        engine = engine_for(fast_sim, tmp_path)
        await engine.start()
        try:
            ref = engine.new_ref()
            assert ref.startswith("T1-") and ref != engine.new_ref()
            view = await engine.place(LineType.ADSL, "036362609", 500, ref=ref)
            assert view.ref == ref
            from pos_app.orders import SaleRefusedError

            with pytest.raises(SaleRefusedError) as refusal:
                await engine.place(LineType.ADSL, "036362609", 500, ref=ref)
            assert refusal.value.reason == "ref"
        finally:
            await engine.stop()
            close(engine)

    asyncio.run(body())
