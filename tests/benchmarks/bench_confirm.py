"""Confirming a sale: HTTP round trips and wall time before "accepted".

The engine, with the number checked and products and balance cached (as in the cashier
flow), beside the docs' example flow (check-number, products, balance, send: four
sequential calls). The simulator adds 100 ms to every request.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from pos_app.api import NO_RETRY, OneClickClient
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import EngineSettings, OrderEngine, OrderView
from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator
from pos_app.store import open_store

SALES = 10
LATENCY_MS = 100


def docs_flow(sim: Simulator, sales: int = SALES) -> tuple[list[float], list[int]]:
    times, calls = [], []
    with OneClickClient(sim.base_url, DEFAULT_SIM_KEY, retry=NO_RETRY) as client:
        for i in range(sales):
            before = len(sim.requests())
            start = time.perf_counter()
            client.check_number(LineType.ADSL, "036362608")
            client.products(LineType.ADSL)
            client.balance()
            client.send(LineType.ADSL, "036362608", 1000, f"docs-{i}")
            times.append(time.perf_counter() - start)
            calls.append(len(sim.requests()) - before)
    return times, calls


async def engine_flow(
    sim: Simulator, folder: Path, sales: int = SALES
) -> tuple[list[float], list[int]]:
    store = open_store(f"sqlite:///{folder / 'pos.sqlite3'}")
    client = OneClickClient(sim.base_url, DEFAULT_SIM_KEY, retry=NO_RETRY)
    engine = OrderEngine(store, client, settings=EngineSettings(), counter_id="BENCH")
    accepted: dict[str, float] = {}

    def listen(view: object) -> None:
        if isinstance(view, OrderView) and view.state is SaleState.ACCEPTED:
            accepted.setdefault(view.ref, time.perf_counter())

    engine.subscribe(listen)
    await engine.start()
    # The cashier flow: the catalogue and balance are cached at start-up, the number was
    # checked while it was typed.
    await engine.refresh_products()
    await engine.refresh_balance()
    await asyncio.to_thread(client.check_number, LineType.ADSL, "036362608")
    times, calls = [], []
    for _ in range(sales):
        before = len(sim.requests())
        start = time.perf_counter()
        view = await engine.place(LineType.ADSL, "036362608", 1000)
        while view.ref not in accepted:
            await asyncio.sleep(0.001)
        times.append(accepted[view.ref] - start)
        calls.append(len(sim.requests()) - before)
    await engine.stop()
    store.close()
    client.close()
    return times, calls


def main() -> None:
    with Simulator(SimConfig(latency_ms=LATENCY_MS, seed=1)) as sim:
        docs_times, docs_calls = docs_flow(sim)
        with tempfile.TemporaryDirectory() as folder:
            eng_times, eng_calls = asyncio.run(engine_flow(sim, Path(folder)))
    d, e = statistics.median(docs_times), statistics.median(eng_times)
    print(f"confirm a sale, simulator latency {LATENCY_MS} ms, {SALES} sales each")
    print(
        f"  docs flow (check-number, products, balance, send): median {d * 1000:.0f} ms, "
        f"HTTP calls per sale {statistics.mean(docs_calls):.1f}"
    )
    print(
        f"  engine (cached catalogue, balance and number):      median {e * 1000:.0f} ms, "
        f"HTTP calls per sale before accepted {statistics.mean(eng_calls):.1f}"
    )
    print(
        f"  ratio engine/docs: time {e / d:.2f}, calls "
        f"{statistics.mean(eng_calls) / statistics.mean(docs_calls):.2f}"
    )


if __name__ == "__main__":
    main()
