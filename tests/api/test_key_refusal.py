"""Item 6 of issue 8: a refused key is never sent again by the same process (rule 14)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.api import NO_RETRY, OneClickClient, Timeouts
from pos_app.api import errors as api_errors
from pos_app.api.client import REFUSED_KEYS
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import EngineSettings, OrderEngine
from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator
from pos_app.store import SaleRecord, open_store


@pytest.fixture
def sim() -> Iterator[Simulator]:
    simulator = Simulator(SimConfig(seed=4, time_scale=50)).start()
    yield simulator
    simulator.stop()


def client(sim: Simulator, key: str) -> OneClickClient:
    return OneClickClient(
        sim.base_url, key, retry=NO_RETRY, timeouts=Timeouts(connect=1, read=1, send_read=1)
    )


def test_item6_a_refused_key_is_not_sent_again_by_any_client(sim: Simulator) -> None:
    first = client(sim, "wrong-key-1")
    with pytest.raises(api_errors.InvalidAccessTokenError):
        first.balance()
    assert len(sim.requests()) == 1
    # Every later call, on any endpoint and from any client of this process, stays home.
    second = client(sim, "wrong-key-1")
    for call in (
        first.ping,
        first.balance,
        second.validate,
        lambda: second.send(LineType.ADSL, "036362608", 1000, "r-1"),
        lambda: second.products(LineType.LTE),
    ):
        with pytest.raises(api_errors.InvalidAccessTokenError) as refused:
            call()
        assert "not sent" in str(refused.value)
    assert len(sim.requests()) == 1
    assert first.key_refusal is not None
    # Another key is sent (and a good one works).
    first.set_key(DEFAULT_SIM_KEY)
    assert first.balance().amount > 0
    assert len(sim.requests()) == 2
    # Five wrong tries would have blocked the address; one was made.
    assert not any(r.status == 403 for r in sim.requests())


def test_item6_an_ip_block_is_tried_again_only_after_it_passes(
    sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = [client(sim, f"wrong-key-{i}") for i in range(6)]
    for each in bad[:5]:
        with pytest.raises(api_errors.AuthError):
            each.balance()
    with pytest.raises(api_errors.IpBlockedError):
        bad[5].balance()
    sent = len(sim.requests())
    with pytest.raises(api_errors.IpBlockedError) as blocked:
        bad[5].balance()
    assert "not sent" in str(blocked.value)
    assert len(sim.requests()) == sent, "no request while the block lasts"
    # Once the block's time has passed, the key may be tried once more.
    later = REFUSED_KEYS.clock() + 16 * 60
    monkeypatch.setattr(REFUSED_KEYS, "clock", lambda: later)
    with pytest.raises(api_errors.AuthError):
        bad[5].balance()
    assert len(sim.requests()) == sent + 1


@pytest.mark.slow  # the engine runs for about 2 s
def test_item6_engine_with_a_refused_key_waits_and_sends_nothing_more(
    sim: Simulator, tmp_path: Path
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'pos.sqlite3'}")
    wrong = client(sim, "wrong-key-engine")
    engine = OrderEngine(store, wrong, settings=EngineSettings(time_scale=50))
    sent: list[int] = []
    store_sales: list[SaleRecord] = []

    async def body() -> None:
        await engine.start()
        try:
            first = await engine.place(LineType.ADSL, "036362608", 1000)
            second = await engine.place(LineType.ADSL, "036362609", 1000)

            def settled() -> bool:  # refused, and no send still on the wire
                states = [(store.get(ref) or first).state for ref in (first.ref, second.ref)]
                return wrong.key_refusal is not None and all(
                    state is SaleState.WAITING for state in states
                )

            for _ in range(500):
                if settled():
                    break
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.1)  # a request already sent is logged by the server
            # What left before the first refusal came back was in flight already (at most the
            # two sends); from now on nothing more leaves with this key.
            sent.append(len(sim.requests()))
            for _ in range(100):
                await asyncio.sleep(0.02)
                await engine.refresh_balance()
                await engine.refresh_products()
                engine.wake()  # e.g. a settings change: the same key is still not sent
            for ref in (first.ref, second.ref):
                sale = store.get(ref)
                assert sale is not None and sale.state is SaleState.WAITING
                store_sales.append(sale)
        finally:
            await engine.stop()

    try:
        asyncio.run(body())
    finally:
        store.close()
    assert sent and sent[0] <= 2 and len(sim.requests()) == sent[0], [
        r.endpoint for r in sim.requests()
    ]
    assert engine.auth_error is not None and wrong.key_refusal is not None
    assert all(sale.send_attempts <= 2 for sale in store_sales), "no local send loop"
