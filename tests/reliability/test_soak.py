"""Fault soak: many sales through the async engine and a simulator that misbehaves on every
request kind, with outage windows; then the money invariants.

Size from ``POS_SOAK_SALES`` (CI default below; the large run uses 1,000 or more). Seeded:
the same seed replays the same sales and the same fault draws (thread timing aside).
"""

from __future__ import annotations

import asyncio
import os
import random
from decimal import Decimal
from pathlib import Path

import pytest

from pos_app.api import NO_RETRY, OneClickClient, Timeouts
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import FINAL_STATES, SaleState
from pos_app.orders import EngineSettings, OrderEngine, SaleRefusedError
from pos_app.simulator import DEFAULT_SIM_KEY, FaultRule, SimConfig, Simulator
from pos_app.store import open_store
from tests.reliability import invariants

pytestmark = pytest.mark.slow  # a fault soak through the engine

SALES = int(os.environ.get("POS_SOAK_SALES", "150"))
SEED = int(os.environ.get("POS_SOAK_SEED", "20261125"))
SCALE = 100.0

FAULTS = (
    FaultRule("send", "hold", value=20_000, count=2),  # the first two sends, for certain
    FaultRule("*", "503", probability=0.04),
    FaultRule("*", "429", probability=0.02),
    FaultRule("send", "drop", probability=0.06),
    FaultRule("send", "500", probability=0.04),
    FaultRule("send", "garbage", probability=0.04),
    FaultRule("send", "slow", value=500, probability=0.04),  # past the 0.25 s read timeout
    # Hostile cases (issue 8): a send held and processed after its answer was lost (and after
    # the resend, which may be refused meanwhile); a 500 whose body carries a refusal code
    # although the order was placed; FULFILLED answers without their card code.
    FaultRule("send", "hold", value=20_000, probability=0.04),
    FaultRule("send", "refuse500", probability=0.04),
    FaultRule("check-id", "nocode", probability=0.25),
    FaultRule("check-ref", "nocode", probability=0.25),
    FaultRule("list", "nocode", probability=0.25),
    FaultRule("check-ref", "drop", probability=0.05),
    FaultRule("check-ref", "slow", value=500, probability=0.03),
    FaultRule("check-id", "500", probability=0.05),
    FaultRule("check-id", "garbage", probability=0.03),
    FaultRule("list", "drop", probability=0.05),
    FaultRule("list", "garbage", probability=0.03),
    FaultRule("balance", "500", probability=0.1),
    FaultRule("products", "drop", probability=0.1),
)


def _number(rng: random.Random, kind: LineType) -> str:
    suffix = rng.choices(["0000", "0001", "0002", "0009", None], [2, 3, 3, 5, 87])[0]
    if kind is LineType.ADSL:
        body = f"0{rng.randrange(10**8):08d}"
    else:
        body = f"213{rng.randrange(10**9):09d}"
    return body[:-4] + suffix if suffix else body


async def _outages(sim: Simulator, rng: random.Random, stop: asyncio.Event) -> int:
    windows = 0
    while not stop.is_set():
        await asyncio.sleep(rng.uniform(0.5, 1.5))
        if stop.is_set():
            break
        sim.go_offline()
        windows += 1
        await asyncio.sleep(rng.uniform(0.1, 0.6))
        sim.go_online()
    return windows


async def _stock_flaps(sim: Simulator, rng: random.Random, stop: asyncio.Event) -> int:
    """2000 DA cards go out of stock for short windows, so a resend can be refused while an
    earlier, held attempt at the same ref is still to land."""
    flaps = 0
    while not stop.is_set():
        await asyncio.sleep(rng.uniform(0.2, 0.8))
        for kind in ("ADSL", "4G"):
            sim.set_stock(kind, 2000, available=False)
        flaps += 1
        await asyncio.sleep(rng.uniform(0.1, 0.4))
        for kind in ("ADSL", "4G"):
            sim.set_stock(kind, 2000, available=True)
    return flaps


async def _soak(tmp_path: Path) -> tuple[invariants.Report, dict[str, int]]:
    rng = random.Random(SEED)
    sim = Simulator(
        SimConfig(seed=SEED, time_scale=SCALE, balance=Decimal(SALES * 3000), faults=FAULTS)
    ).start()
    store = open_store(f"sqlite:///{tmp_path / 'pos.sqlite3'}")
    client = OneClickClient(
        sim.base_url,
        DEFAULT_SIM_KEY,
        retry=NO_RETRY,
        timeouts=Timeouts(connect=0.5, read=0.25, send_read=0.25),
    )
    settings = EngineSettings(
        time_scale=SCALE,
        cap_waiting_count=100_000,
        cap_waiting_dinars=10**9,
        cap_waiting_age=10**9,
        offline_probe_min=0.2 * SCALE,
        offline_probe_max=0.5 * SCALE,
    )
    engine = OrderEngine(
        store, client, settings=settings, rng=random.Random(SEED + 1), counter_id="SOAK"
    )
    await engine.start()
    stop = asyncio.Event()
    outages = asyncio.create_task(_outages(sim, random.Random(SEED + 2), stop))
    flaps = asyncio.create_task(_stock_flaps(sim, random.Random(SEED + 3), stop))
    confirmed: list[str] = []
    refused = 0
    for _ in range(SALES):
        kind = rng.choice(list(LineType))
        value = rng.choice([500, 1000, 2000])
        try:
            view = await engine.place(kind, _number(rng, kind), value)
            confirmed.append(view.ref)
        except SaleRefusedError:
            refused += 1
        await asyncio.sleep(rng.uniform(0.0, 0.01))
    await asyncio.sleep(1.0)
    stop.set()
    windows = await outages
    stock_flaps = await flaps
    sim.go_online()
    faults_fired = sum(1 for r in sim.requests() if r.fault)
    sim.clear_faults()
    settled = FINAL_STATES | {SaleState.QUEUED}
    deadline = asyncio.get_running_loop().time() + 180
    while any(s.state not in settled for s in store.iter_sales()):
        if asyncio.get_running_loop().time() > deadline:
            break
        await asyncio.sleep(0.1)
    await engine.stop()
    report = invariants.check(store, sim.accepted(), confirmed=confirmed, allow_waiting=False)
    integrity = store.integrity_check()
    causes = [j.cause for s in store.iter_sales() for j in store.journal(s.ref)]
    figures = {
        "sales": len(confirmed),
        "refused_before_recording": refused,
        "faults": faults_fired,
        "outage_windows": windows,
        "requests": len(sim.requests()),
        "integrity_ok": int(integrity == "ok"),
        "unknown_outcomes": causes.count("outcome unknown"),
        "resent_after_not_found_twice": causes.count("not found twice: resend"),
        "adopted_after_duplicated_ref": causes.count("duplicated ref: adopt"),
        "sent_again_after_not_sent": causes.count("not sent"),
        "stock_flaps": stock_flaps,
        "held_sends": len(sim.held()),
        "held_placed_late": sum(1 for h in sim.held() if h.outcome == "placed"),
        "refused_on_retry_verifying": causes.count("refused on retry: verifying"),
        "fulfilled_code_pending": sum(1 for c in causes if c.endswith("code pending")),
    }
    store.close()
    client.close()
    sim.stop()
    return report, figures


def test_fault_soak(tmp_path: Path) -> None:
    report, figures = asyncio.run(_soak(tmp_path))
    print(f"\nfault soak: {figures}; {report.summary()}")
    assert figures["integrity_ok"] == 1
    assert figures["faults"] > SALES // 10, figures
    assert figures["outage_windows"] >= 1, figures
    assert figures["unknown_outcomes"] > 0, figures  # the hard path was exercised
    assert figures["held_sends"] > 0 and figures["fulfilled_code_pending"] > 0, figures
    assert report.ok, report.summary()
    assert report.sales == figures["sales"] and report.sales > 0
    # Every sale is final or deliberately queued; nothing is stuck.
    assert not report.unsettled
