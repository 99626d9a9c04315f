"""A day at the counter: sales typed on the keyboard into the real window, then the money.

    .venv/bin/python -m tests.reliability.day_soak --sales 1000 [--tracemalloc]

One process, offscreen, a qasync loop as in the app: the window built by ``build_services``
over the embedded simulator (loopback HTTP, ``--scale`` times faster: HANDLING 3-45 s lasts
0.3-4.5 s at the default 10), the real engine and a SQLite file. Each sale is typed as a
cashier does (number, value key, Enter, Enter: ``tests.support.window.sell``): ADSL and 4G
numbers, some repeat customers, some with the training endings that refund (0001) or queue
(0002, 0003) or fulfil at once (0009). Sales come in rushes of up to 30 with short gaps, then
a pause, so that tens are in flight at times.

Measured:

* memory: current RSS (/proc/self/statm) after the warm-up sales (default 100), sampled after
  every later sale and once all sales settled; ``getrusage`` maxrss at both points. "Peak
  growth" is the highest RSS seen after the warm-up minus the RSS at the warm-up's end. The
  embedded simulator lives in this process: its ledger and request log grow with the day too;
  ``--tracemalloc`` shows where (top 10 growths between the two points);
* GUI-thread stalls: the 5 ms heartbeat of ``tests.support.heartbeat`` over the first
  and over the last ``--window`` sales (default 100), typing included;
* the money invariants (``tests.reliability.invariants``) once every sale settled: each sale
  whose placing the window confirmed is recorded, none lost, none charged twice.

Exit status 0 when every typed sale was recorded and the invariants hold, else 1. Every wait
is bounded, and the whole day by ``--deadline``. ``--json PATH`` writes the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pos_app.domain.sale_states import FINAL_STATES, SaleState
from pos_app.orders import EngineSettings
from pos_app.simulator import SimConfig, Simulator
from pos_app.store import open_store
from pos_app.ui.app import build_services, load_style
from pos_app.ui.main_window import MainWindow
from pos_app.ui.sale.panel import Stage
from tests.reliability import invariants
from tests.support.heartbeat import Heartbeat, figures
from tests.support.waiting import wait_until
from tests.support.window import sell

PAGE = os.sysconf("SC_PAGE_SIZE")
MB = 1024 * 1024
SETTLED = FINAL_STATES | {SaleState.QUEUED}
# Card value keys by line type (ADSL: 500, 1000, 2000; 4G: 500, 1000, 2000, 3000; the
# simulator has ADSL 3000 and 4G 1500 out of stock) and how often each is sold.
VALUE_KEYS = {"adsl": ([1, 2, 3], [45, 35, 20]), "4g": ([1, 2, 4, 5], [40, 35, 18, 7])}
TRACE_FRAMES = 30
SIMULATOR_FILES = ("/pos_app/simulator/", "/socketserver.py", "/http/server.py")
ENDINGS = (["0001", "0002", "0003", "0009", None], [3, 3, 2, 5, 87])


@dataclass
class Sale:
    number: str
    key: int
    gap: float  # seconds before the next sale


@dataclass
class Day:
    """The figures of one day (also written by ``--json``)."""

    sales: int
    typed: int = 0
    placed: int = 0
    not_placed: int = 0
    recorded: int = 0
    unconfirmed_recorded: int = 0  # recorded although the window did not say so
    max_in_flight: int = 0
    warmup: int = 0
    window: int = 0
    rss_warm_mb: float = 0.0
    rss_end_mb: float = 0.0
    rss_peak_after_warm_mb: float = 0.0
    maxrss_warm_mb: float = 0.0
    maxrss_end_mb: float = 0.0
    peak_growth_mb: float = 0.0
    current_growth_mb: float = 0.0
    stall_first_ms: float = 0.0
    stall_last_ms: float = 0.0
    stall_first_p99_ms: float = 0.0
    stall_last_p99_ms: float = 0.0
    typing_s: float = 0.0
    settle_s: float = 0.0
    wall_s: float = 0.0
    unsettled_after_wait: int = 0
    loop_errors: list[str] = field(default_factory=list)
    invariants_ok: bool = False
    # Each list of invariants.Report (lost, charged_twice, ...): the refs concerned.
    problems: dict[str, list[str]] = field(default_factory=dict)
    states: dict[str, int] = field(default_factory=dict)
    server_orders: int = 0
    tracemalloc_top: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.not_placed == 0
            and self.placed == self.typed == self.recorded
            and self.invariants_ok
            and not any(self.problems.values())
        )

    def summary(self) -> str:
        return (
            f"day soak: {self.recorded} sales, peak RSS growth after warm-up "
            f"{self.peak_growth_mb:.1f} MB, longest stall first/last {self.window}: "
            f"{self.stall_first_ms:.0f}/{self.stall_last_ms:.0f} ms, "
            f"{len(self.problems.get('lost', ()))} lost, "
            f"{len(self.problems.get('charged_twice', ()))} charged twice"
        )


def plan(sales: int, seed: int) -> list[Sale]:
    """The day's sales: numbers (60 % ADSL, 15 % repeat customers), value keys and gaps."""
    rng = random.Random(seed)
    seen: list[str] = []
    day: list[Sale] = []
    rush = 0
    for _ in range(sales):
        if seen and rng.random() < 0.15:
            number = rng.choice(seen)
        else:
            adsl = rng.random() < 0.6
            body = f"0{rng.randrange(10**8):08d}" if adsl else f"213{rng.randrange(10**9):09d}"
            ending = rng.choices(*ENDINGS)[0]
            number = body[:-4] + ending if ending else body
            if number.endswith("0000"):  # a line that does not exist: not a sale
                number = number[:-1] + "5"
            seen.append(number)
        keys, weights = VALUE_KEYS["adsl" if number.startswith("0") else "4g"]
        if rush <= 0:
            rush = rng.choice([1, 2, 3, 5, 8, 12, 20, 30])
        rush -= 1
        gap = rng.uniform(0.0, 0.05) if rush > 0 else rng.uniform(0.3, 2.0)
        day.append(Sale(number, rng.choices(keys, weights)[0], gap))
    return day


def quiet_offscreen(kind: QtMsgType, context: object, message: str) -> None:
    """Qt's messages on stderr, less the offscreen plugin's one per shown summary."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def growth(before: tracemalloc.Snapshot, after: tracemalloc.Snapshot) -> list[str]:
    """Traced growth split simulator / rest, then the rest's top 10 by allocation site."""
    ignore = (tracemalloc.__file__, "<frozen importlib._bootstrap")
    sim = rest = 0
    sites: dict[str, list[int]] = {}
    for d in after.compare_to(before, "traceback"):
        files = [f.filename for f in d.traceback]
        if any(f.startswith(ignore) for f in files):
            continue
        if any(mark in f for f in files for mark in SIMULATOR_FILES):
            sim += d.size_diff
            continue
        rest += d.size_diff
        inner = d.traceback[-1]  # tracebacks are oldest frame first (most_recent_first off)
        ours = next((f for f in reversed(d.traceback) if "/pos_app/" in f.filename), None)
        site = f"{Path(inner.filename).name}:{inner.lineno}"
        if ours is not None and ours is not inner:
            site += f" <- {Path(ours.filename).name}:{ours.lineno}"
        total = sites.setdefault(site, [0, 0])
        total[0] += d.size_diff
        total[1] += d.count_diff
    rows = [
        f"traced growth {(sim + rest) / 1024:.0f} KiB: simulator {sim / 1024:.0f} KiB, "
        f"the rest {rest / 1024:.0f} KiB; the rest's top 10:"
    ]
    for site, (size, count) in sorted(sites.items(), key=lambda kv: -kv[1][0])[:10]:
        rows.append(f"  {size / 1024:+8.1f} KiB {count:+7d} blocks  {site}")
    return rows


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE / MB


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def in_flight(window: MainWindow) -> int:
    model = window.orders.model
    views = (model.view_at(r) for r in range(model.rowCount()))
    return sum(1 for v in views if v is not None and v.state not in SETTLED)


async def type_sale(window: MainWindow, sale: Sale) -> bool:
    """One sale on the keyboard; True once the window says it was recorded."""
    edit = window.sale.field.edit
    sell(edit, sale.number, sale.key)
    with contextlib.suppress(AssertionError):  # stuck: reported below, then cleared
        await wait_until(lambda: window.sale.stage is Stage.ENTRY, 15, "back to entry")
    if window.sale.stage is Stage.ENTRY and edit.text() == "":
        return True
    print(
        f"  sale not placed ({sale.number[:3]}…, key {sale.key}): {window.sale.message.text()!r}",
        file=sys.stderr,
    )
    for _ in range(3):  # back to an empty field for the next customer
        QTest.keyClick(edit, Qt.Key.Key_Escape)
    return False


async def body(day: Day, folder: Path, args: argparse.Namespace) -> None:
    t_start = time.perf_counter()
    sales = plan(day.sales, args.seed)
    scale = args.scale
    sim = Simulator(
        SimConfig(seed=args.seed, time_scale=scale, balance=Decimal(day.sales * 3000))
    ).start()
    # Caps raised: rushes of typing may briefly hold more than 20 sales waiting to be sent.
    settings = EngineSettings(time_scale=scale, cap_waiting_count=100_000, cap_waiting_dinars=10**9)
    db = folder / "pos.sqlite3"
    services = build_services(demo=True, db_url=f"sqlite:///{db}", simulator=sim, settings=settings)
    window = MainWindow(services.counter, training=True)
    window.show()
    confirmed: list[str] = []
    window.sale.sale_was_placed.connect(lambda view: confirmed.append(view.ref))
    beat = Heartbeat()
    snap: tracemalloc.Snapshot | None = None
    try:
        await services.counter.start()
        await wait_until(
            lambda: window.sale.grid.buttons and window.balance.view is not None,
            30,
            "products and balance",
        )
        await asyncio.sleep(0.5)
        last_from = day.sales - day.window
        t_typing = time.perf_counter()
        for i, sale in enumerate(sales):
            if i in (0, last_from):
                beat.start()
            day.typed += 1
            if await type_sale(window, sale):
                day.placed += 1
            else:
                day.not_placed += 1
            day.max_in_flight = max(day.max_in_flight, in_flight(window))
            if i + 1 == day.window:
                f = figures(beat.gaps_ms())
                day.stall_first_ms, day.stall_first_p99_ms = f["max"], f["p99"]
                beat.stop()
            if i + 1 == day.warmup:
                gc.collect()
                day.rss_warm_mb, day.maxrss_warm_mb = rss_mb(), maxrss_mb()
                if tracemalloc.is_tracing():
                    snap = tracemalloc.take_snapshot()
            elif i + 1 > day.warmup:
                day.rss_peak_after_warm_mb = max(day.rss_peak_after_warm_mb, rss_mb())
            await asyncio.sleep(sale.gap)
        f = figures(beat.gaps_ms())
        day.stall_last_ms, day.stall_last_p99_ms = f["max"], f["p99"]
        beat.stop()
        day.typing_s = time.perf_counter() - t_typing

        t_settle = time.perf_counter()
        deadline = time.monotonic() + args.settle
        moving = -1
        while time.monotonic() < deadline:
            moving = sum(1 for s in services.store.iter_sales() if s.state not in SETTLED)
            if moving == 0:
                break
            day.rss_peak_after_warm_mb = max(day.rss_peak_after_warm_mb, rss_mb())
            await asyncio.sleep(0.25)
        day.unsettled_after_wait = moving
        day.settle_s = time.perf_counter() - t_settle
        gc.collect()
        day.rss_end_mb, day.maxrss_end_mb = rss_mb(), maxrss_mb()
        day.rss_peak_after_warm_mb = max(day.rss_peak_after_warm_mb, day.rss_end_mb)
        if day.maxrss_end_mb > day.maxrss_warm_mb:  # a new peak after the warm-up
            day.rss_peak_after_warm_mb = max(day.rss_peak_after_warm_mb, day.maxrss_end_mb)
        day.peak_growth_mb = day.rss_peak_after_warm_mb - day.rss_warm_mb
        day.current_growth_mb = day.rss_end_mb - day.rss_warm_mb
        if snap is not None:
            day.tracemalloc_top = growth(snap, tracemalloc.take_snapshot())
    finally:
        beat.stop()
        await services.shutdown()
        window.allow_close()
        window.close()
        window.deleteLater()
        beat.timer.deleteLater()
        await asyncio.sleep(0.05)

    with open_store(f"sqlite:///{db}") as store:
        report = invariants.check(store, sim.accepted(), confirmed=confirmed)
        refs = {s.ref for s in store.iter_sales()}
    sim.stop()
    day.recorded = report.sales
    day.unconfirmed_recorded = len(refs - set(confirmed))
    day.server_orders = report.server_orders
    day.states = report.states
    day.invariants_ok = report.ok
    day.problems = {
        f.name: list(getattr(report, f.name))
        for f in fields(report)
        if isinstance(getattr(report, f.name), list)
    }
    day.wall_s = time.perf_counter() - t_start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=100, help="sales before the baseline")
    parser.add_argument("--window", type=int, default=100, help="sales per stall window")
    parser.add_argument("--scale", type=float, default=10.0, help="time scale")
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument(
        "--settle",
        type=float,
        default=120.0,
        help="seconds allowed for the sales in flight to settle",
    )
    parser.add_argument(
        "--deadline",
        type=float,
        default=None,
        help="seconds for the whole day (default 120 + 2 per sale)",
    )
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="show the top 10 memory growths after the warm-up",
    )
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = parser.parse_args(argv)
    if args.sales < 2:
        parser.error("--sales must be at least 2")
    day = Day(
        sales=args.sales,
        warmup=min(args.warmup, args.sales // 3) or 1,
        window=min(args.window, args.sales // 2),
    )
    deadline = args.deadline or 120.0 + 2.0 * args.sales
    if args.tracemalloc:
        tracemalloc.start(TRACE_FRAMES)
    os.environ.pop("ONECLICK_API_KEY", None)
    os.environ.pop("POS_DB_URL", None)
    os.environ.setdefault("POS_COUNTER_ID", "DAY")
    loop_errors: list[str] = []
    code = 1
    with tempfile.TemporaryDirectory(prefix="pos-day-soak-") as folder:
        os.environ["POS_DATA_DIR"] = str(Path(folder) / "data")
        qInstallMessageHandler(quiet_offscreen)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        app.setQuitOnLastWindowClosed(False)
        load_style(app)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)

        def on_error(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
            exc = context.get("exception")
            loop_errors.append(type(exc).__name__ if exc else str(context.get("message")))

        loop.set_exception_handler(on_error)
        with loop:
            loop.run_until_complete(asyncio.wait_for(body(day, Path(folder), args), deadline))
        asyncio.set_event_loop(None)
        del loop
        gc.collect()  # Qt objects collected here, on the GUI thread
        day.loop_errors = loop_errors
        code = 0 if day.ok else 1
        print(
            f"  {day.typed} typed, {day.placed} placed, {day.not_placed} not placed, "
            f"{day.recorded} recorded ({day.unconfirmed_recorded} not confirmed), "
            f"{day.server_orders} server orders; most in flight {day.max_in_flight}; "
            f"states {dict(sorted(day.states.items()))}"
        )
        print(
            f"  RSS after {day.warmup} sales {day.rss_warm_mb:.1f} MB, highest after "
            f"{day.rss_peak_after_warm_mb:.1f} MB, at the end {day.rss_end_mb:.1f} MB "
            f"(+{day.current_growth_mb:.1f}); maxrss {day.maxrss_warm_mb:.1f} -> "
            f"{day.maxrss_end_mb:.1f} MB"
        )
        print(
            f"  stalls p99 first/last {day.window}: {day.stall_first_p99_ms:.1f}/"
            f"{day.stall_last_p99_ms:.1f} ms; typing {day.typing_s:.0f} s, settling "
            f"{day.settle_s:.1f} s, wall {day.wall_s:.0f} s; loop errors {len(loop_errors)}"
        )
        if day.tracemalloc_top:
            print(
                "  tracemalloc, growth after the warm-up (simulator: any frame in the HTTP "
                "server or pos_app/simulator):"
            )
            for row in day.tracemalloc_top:
                print(f"    {row}")
        if not day.ok:
            shown = {name: refs[:5] for name, refs in day.problems.items() if refs}
            print(
                f"  FAILED: {day.not_placed} not placed, {day.recorded} of {day.typed} "
                f"recorded, invariants {'ok' if day.invariants_ok else 'broken'}: {shown}"
            )
        print(day.summary())
        if args.json is not None:
            args.json.write_text(json.dumps(asdict(day) | {"ok": day.ok}), encoding="utf-8")
    sys.stdout.flush()
    sys.stderr.flush()
    return code


if __name__ == "__main__":
    # Leave without finalizing the interpreter: PySide6 6.12 aborts in the GC at exit (see
    # bench_stall); the figures are printed and written by now.
    os._exit(main())
