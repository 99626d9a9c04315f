"""Following sales to their outcome: how late the counter learns it, and at what cost.

Sales on the docs' distribution (HANDLING 3-45 s, a few percent QUEUED and REFUNDED) go
through the engine's adaptive, batched polling and, beside it, through a fixed 5 s check-id
poll per sale. Figures are in simulated seconds (the simulator and both pollers run
``scale`` times faster than real time; a loopback round trip is not scaled, so the figures
slightly overstate real delays).
"""

from __future__ import annotations

import asyncio
import random
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

# (name, sales, simulated seconds between two customers, time scale)
SCENARIOS = (
    ("busy counter", 40, (0.0, 3.0), 10.0),
    ("quiet counter", 12, (40.0, 80.0), 20.0),
)
DONE = {SaleState.FULFILLED, SaleState.REFUNDED, SaleState.QUEUED}
STATUS_PATHS = ("/check-id/", "/check-ref/", "/internet/list")


def decided_at(sim: Simulator, ref: str) -> float:
    """Clock time when the server left HANDLING (final, or QUEUED)."""
    order = sim.order_by_ref(ref)
    assert order is not None
    return order.created + order.handling_delay


def status_requests(sim: Simulator) -> int:
    return sum(1 for r in sim.requests() if any(p in r.path for p in STATUS_PATHS))


async def engine_run(
    folder: Path,
    sales: int,
    gap: tuple[float, float],
    scale: float,
) -> tuple[list[float], float]:
    sim = Simulator(SimConfig(seed=3, time_scale=scale)).start()
    store = open_store(f"sqlite:///{folder / 'engine.sqlite3'}")
    client = OneClickClient(sim.base_url, DEFAULT_SIM_KEY, retry=NO_RETRY)
    engine = OrderEngine(
        store,
        client,
        settings=EngineSettings(time_scale=scale),
        counter_id="BENCH",
        rng=random.Random(1),
    )
    seen: dict[str, float] = {}

    def listen(view: object) -> None:
        if isinstance(view, OrderView) and view.state in DONE:
            seen.setdefault(view.ref, time.monotonic())

    engine.subscribe(listen)
    await engine.start()
    await engine.refresh_products()
    rng = random.Random(7)
    refs = []
    for _ in range(sales):
        refs.append((await engine.place(LineType.ADSL, "036362608", 1000)).ref)
        await asyncio.sleep(rng.uniform(*gap) / scale)
    while len(seen) < len(refs):
        await asyncio.sleep(0.01)
    lags = [(seen[r] - decided_at(sim, r)) * scale for r in refs]
    per_sale = status_requests(sim) / len(refs)
    await engine.stop()
    store.close()
    client.close()
    sim.stop()
    return lags, per_sale


async def fixed_poll_run(
    sales: int,
    gap: tuple[float, float],
    scale: float,
) -> tuple[list[float], float]:
    sim = Simulator(SimConfig(seed=3, time_scale=scale)).start()
    client = OneClickClient(sim.base_url, DEFAULT_SIM_KEY, retry=NO_RETRY)
    seen: dict[str, float] = {}

    async def follow(ref: str, topup_id: str) -> None:
        while True:
            await asyncio.sleep(5.0 / scale)
            topup = await asyncio.to_thread(client.check_id, topup_id)
            if topup.is_final or topup.is_queued:
                seen[ref] = time.monotonic()
                return

    rng = random.Random(7)
    tasks, refs = [], []
    for i in range(sales):
        sent = await asyncio.to_thread(client.send, LineType.ADSL, "036362608", 1000, f"fixed-{i}")
        refs.append(sent.topup_ref)
        tasks.append(asyncio.create_task(follow(sent.topup_ref, sent.topup_id)))
        await asyncio.sleep(rng.uniform(*gap) / scale)
    await asyncio.gather(*tasks)
    lags = [(seen[r] - decided_at(sim, r)) * scale for r in refs]
    per_sale = status_requests(sim) / len(refs)
    client.close()
    sim.stop()
    return lags, per_sale


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1]


def main() -> None:
    for name, sales, gap, scale in SCENARIOS:
        run_scenario(name, sales, gap, scale)


def run_scenario(name: str, sales: int, gap: tuple[float, float], scale: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        eng_lags, eng_requests = asyncio.run(engine_run(Path(folder), sales, gap, scale))
    fixed_lags, fixed_requests = asyncio.run(fixed_poll_run(sales, gap, scale))
    e, f = statistics.median(eng_lags), statistics.median(fixed_lags)
    print(
        f"{name}: {sales} sales, HANDLING 3-45 s, a customer every {gap[0]:.0f}-{gap[1]:.0f} s"
        f" (simulated seconds, time scale {scale:.0f})"
    )
    print(
        f"  fixed 5 s check-id poll: median delay {f:.2f} s, p90 {_p90(fixed_lags):.2f} s, "
        f"status requests per sale {fixed_requests:.1f}"
    )
    print(
        f"  engine (adaptive, batched): median delay {e:.2f} s, p90 {_p90(eng_lags):.2f} s, "
        f"status requests per sale {eng_requests:.1f}"
    )
    print(f"  ratio engine/fixed: delay {e / f:.2f}, requests {eng_requests / fixed_requests:.2f}")


if __name__ == "__main__":
    main()
