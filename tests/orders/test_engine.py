"""The async engine end to end against the simulator, on real time made fast (time scale)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pos_app.api import OneClickClient
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import (
    BalanceView,
    ConnectionView,
    EngineSettings,
    OrderEngine,
    OrderView,
    SaleRefusedError,
)
from pos_app.simulator import SimConfig, Simulator, parse_faults
from pos_app.store import Store, open_store
from tests.orders.conftest import SCALE, MakeClient
from tests.support.sales import new_sale, sale_of, state_of
from tests.support.waiting import wait_until


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'pos.sqlite3'}"


class Recorder:
    def __init__(self) -> None:
        self.views: list[object] = []

    def __call__(self, view: object) -> None:
        self.views.append(view)

    def orders(self, ref: str) -> list[OrderView]:
        return [v for v in self.views if isinstance(v, OrderView) and v.ref == ref]


def run(body: Callable[[], Any]) -> None:
    asyncio.run(body())


def engine_for(store: Store, client: OneClickClient, **settings: Any) -> OrderEngine:
    settings.setdefault("time_scale", SCALE)
    return OrderEngine(store, client, settings=EngineSettings(**settings), counter_id="T1")


def test_a_sale_reaches_fulfilled_and_the_balance_refreshes(
    fast_sim: Simulator, db_url: str, make_client: MakeClient
) -> None:
    async def body() -> None:
        store = open_store(db_url)
        engine = engine_for(store, make_client(fast_sim))
        seen = Recorder()
        engine.subscribe(seen)
        await engine.start()
        view = await engine.place(LineType.ADSL, "036 36 26 09", 1000)
        assert view.state is SaleState.WAITING and view.number == "036362609"
        await wait_until(lambda: state_of(store, view.ref) is SaleState.FULFILLED)
        await wait_until(lambda: any(isinstance(v, BalanceView) for v in seen.views))
        states = [v.state for v in seen.orders(view.ref)]
        assert (
            states[0] is SaleState.WAITING
            and states[-1] is SaleState.FULFILLED
            and SaleState.ACCEPTED in states
        )
        final = seen.orders(view.ref)[-1]
        placed = fast_sim.order_by_ref(view.ref)
        assert placed is not None and final.card_code == placed.card_code
        balance = store.cached_balance()
        assert balance is not None and balance.amount == Decimal("50000.00") - 980
        await engine.stop()
        store.close()

    run(body)


def test_offline_sales_wait_then_go_out_two_at_a_time(
    fast_sim: Simulator, db_url: str, make_client: MakeClient
) -> None:
    async def body() -> None:
        store = open_store(db_url)
        client = make_client(fast_sim)
        engine = engine_for(
            store, client, offline_probe_min=0.05 * SCALE, offline_probe_max=0.1 * SCALE
        )
        seen = Recorder()
        engine.subscribe(seen)
        await engine.start()
        fast_sim.go_offline()
        refs = [(await engine.place(LineType.LTE, f"21347273160{i}", 500)).ref for i in range(5)]
        await wait_until(lambda: not engine.online)
        await wait_until(
            lambda: any(isinstance(v, ConnectionView) and not v.online for v in seen.views)
        )
        await asyncio.sleep(0.3)
        assert all(state_of(store, r) is SaleState.WAITING for r in refs)
        assert fast_sim.accepted() == []
        fast_sim.go_online()
        await wait_until(
            lambda: all(
                state_of(store, r) in {SaleState.FULFILLED, SaleState.REFUNDED, SaleState.QUEUED}
                for r in refs
            ),
            timeout=20,
        )
        assert client.max_in_flight <= 2
        assert sorted(o.ref for o in fast_sim.accepted()) == sorted(refs)
        created = [sale_of(store, r).created_at for r in refs]
        accepted_order = [o.ref for o in fast_sim.accepted()]
        assert accepted_order[0] == refs[0], (accepted_order, created)
        await engine.stop()
        store.close()

    run(body)


def test_caps_refuse_new_sales_when_too_much_waits(
    fast_sim: Simulator, db_url: str, make_client: MakeClient
) -> None:
    async def body() -> None:
        store = open_store(db_url)
        engine = engine_for(
            store, make_client(fast_sim), cap_waiting_count=2, cap_waiting_dinars=100_000
        )
        await engine.start()
        fast_sim.go_offline()
        await engine.place(LineType.ADSL, "036362608", 500)
        await engine.place(LineType.ADSL, "036362607", 500)
        with pytest.raises(SaleRefusedError) as info:
            await engine.place(LineType.ADSL, "036362606", 500)
        assert info.value.reason == "cap_count"
        assert len(store.unresolved()) == 2
        await engine.stop()
        store.close()

    run(body)


def test_refusals_before_anything_is_written(
    fast_sim: Simulator, db_url: str, make_client: MakeClient
) -> None:
    async def body() -> None:
        store = open_store(db_url)
        engine = engine_for(store, make_client(fast_sim))
        await engine.start()
        with pytest.raises(SaleRefusedError) as bad:
            await engine.place(LineType.ADSL, "21347273160", 500)
        assert bad.value.reason == "number"
        assert await engine.refresh_products()
        with pytest.raises(SaleRefusedError) as missing:
            await engine.place(LineType.ADSL, "036362608", 750)
        assert missing.value.reason == "value"
        with pytest.raises(SaleRefusedError) as stock:
            await engine.place(LineType.ADSL, "036362608", 3000)
        assert stock.value.reason == "stock"
        catalogue = store.cached_products(LineType.ADSL)
        assert catalogue is not None
        store.save_balance(Decimal("100.00"), catalogue.fetched_at)
        with pytest.raises(SaleRefusedError) as low:
            await engine.place(LineType.ADSL, "036362608", 500)
        assert low.value.reason == "balance"
        assert list(store.iter_sales()) == []
        await engine.stop()
        store.close()

    run(body)


def test_a_restarted_engine_finishes_what_the_first_began(
    fast_sim: Simulator, db_url: str, make_client: MakeClient
) -> None:
    async def body() -> None:
        store = open_store(db_url)
        first = engine_for(store, make_client(fast_sim))
        await first.start()
        fast_sim.go_offline()
        view = await first.place(LineType.ADSL, "036362608", 2000)
        await wait_until(lambda: not first.online)
        await first.stop()
        fast_sim.go_online()
        second = engine_for(store, make_client(fast_sim))
        await second.start()
        await wait_until(
            lambda: (
                state_of(store, view.ref)
                in {SaleState.FULFILLED, SaleState.REFUNDED, SaleState.QUEUED}
            )
        )
        assert [o.ref for o in fast_sim.accepted()] == [view.ref]
        await second.stop()
        store.close()

    run(body)


def test_a_refused_key_keeps_the_sale_waiting(
    fast_sim: Simulator, db_url: str, make_client: MakeClient
) -> None:
    async def body() -> None:
        store = open_store(db_url)
        engine = engine_for(store, make_client(fast_sim, key="wrong"))
        await engine.start()
        view = await engine.place(LineType.ADSL, "036362608", 500)
        await wait_until(lambda: engine.auth_error is not None)
        await asyncio.sleep(0.2)
        assert state_of(store, view.ref) is SaleState.WAITING
        posts = [r for r in fast_sim.requests() if r.method == "POST"]
        assert len(posts) == 1  # no loop towards IP_BLOCKED
        await engine.stop()
        store.close()

    run(body)


def test_cancel_only_what_never_left(
    fast_sim: Simulator, db_url: str, make_client: MakeClient
) -> None:
    async def body() -> None:
        store = open_store(db_url)
        engine = engine_for(store, make_client(fast_sim))
        await engine.start()
        sent = await engine.place(LineType.ADSL, "036362608", 500)
        await wait_until(lambda: state_of(store, sent.ref) is not SaleState.WAITING)
        with pytest.raises(SaleRefusedError):
            await engine.cancel(sent.ref)
        fast_sim.go_offline()
        await wait_until(
            lambda: (
                state_of(store, sent.ref)
                in {SaleState.FULFILLED, SaleState.REFUNDED, SaleState.QUEUED}
                or not engine.online
            ),
            timeout=10,
        )
        kept = await engine.place(LineType.ADSL, "036362607", 500)
        await wait_until(lambda: not engine.online)
        cancelled = await engine.cancel(kept.ref)
        assert cancelled.state is SaleState.CANCELLED
        fast_sim.go_online()
        await asyncio.sleep(0.3)
        assert fast_sim.order_by_ref(kept.ref) is None
        await engine.stop()
        store.close()

    run(body)


def test_a_sale_caught_sending_is_asked_about_before_resending(
    fast_sim: Simulator, db_url: str, make_client: MakeClient
) -> None:
    """A sale found SENDING at start goes to check-ref: NOT_FOUND twice, then the same ref."""

    async def body() -> None:
        store = open_store(db_url)
        engine = engine_for(store, make_client(fast_sim))
        sale = store.add_sale(new_sale("orphan-1", value=500, cashier="", counter="T1"))
        store.transition(sale.ref, SaleState.WAITING, SaleState.SENDING, "send", send_attempts=1)
        await engine.start()
        await wait_until(lambda: fast_sim.order_by_ref("orphan-1") is not None)
        await wait_until(lambda: state_of(store, "orphan-1") is not SaleState.SENDING)
        causes = [j.cause for j in store.journal("orphan-1")]
        assert causes[:4] == ["created", "send", "recovered after a stop", "not found once"]
        assert "not found twice: resend" in causes
        await engine.stop()
        store.close()

    run(body)


class CountingExecutor(ThreadPoolExecutor):
    """Counts the calls handed to the pool."""

    def __init__(self) -> None:
        super().__init__(max_workers=4)
        self.submitted = 0

    def submit(self, *args: Any, **kwargs: Any) -> Any:
        self.submitted += 1
        return super().submit(*args, **kwargs)


def test_a_step_ending_after_stop_starts_nothing_new(db_url: str, make_client: MakeClient) -> None:
    """The window closes while a send waits for its answer: when the answer comes, the
    sale is recorded, but no follow-up (connection totals, product refresh) is started on a
    pool that is being shut down."""
    sim = Simulator(
        SimConfig(seed=5, time_scale=SCALE, faults=tuple(parse_faults("send:slow=600")))
    ).start()
    pool = CountingExecutor()

    async def body() -> None:
        errors: list[dict[str, Any]] = []
        asyncio.get_running_loop().set_exception_handler(lambda _l, c: errors.append(c))
        store = open_store(db_url)
        client = make_client(sim)
        engine = OrderEngine(
            store, client, settings=EngineSettings(time_scale=SCALE), counter_id="T1", executor=pool
        )
        await engine.start()
        view = await engine.place(LineType.ADSL, "036362609", 1000)
        await wait_until(lambda: client.in_flight == 1)
        await engine.stop(timeout=0.05)  # the send is still on the wire
        submitted = pool.submitted
        await wait_until(lambda: state_of(store, view.ref) is SaleState.ACCEPTED)
        await asyncio.sleep(0.2)
        assert pool.submitted == submitted and not engine._aux
        assert not errors, errors
        store.close()

    try:
        run(body)
    finally:
        pool.shutdown(wait=True)
        sim.stop()
