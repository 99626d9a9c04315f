"""One performance table: every benchmark beside its baseline, in one run, as markdown.

    .venv/bin/python -m tests.benchmarks.table [--quick | --full] [--startup]
        [--platform auto|xvfb|offscreen]

Each row is a figure of the app, the same figure of its baseline measured in the same run,
and their ratio (app / baseline: under 1 is better than the baseline). The rows reuse the
scripts beside this one (``bench_startup``, ``bench_confirm``, ``bench_status``,
``bench_stall``, ``bench_history``, ``bench_reports``, ``bench_chain``):

* start-up: the first visible window, the ready time (products and balance shown) and the
  peak memory (the child's ``ru_maxrss``) of ``pos-app --smoke --demo`` beside a bare
  PySide6 window, median of interleaved runs (app, bare, app, ...) after one warm-up each.
  Under Xvfb (when ``Xvfb`` and libX11 are installed; ``xdisplay``) the first window is seen
  from outside the process: the moment the server maps a window of the child, read from one
  X connection (no polling), the same way for both; the peak memory offscreen is shown
  beside the Xvfb one. Else offscreen, the first window from the processes' own clocks (the
  app's smoke report, the bare window's reading after its first event-loop turn), and the
  table says which. Ready comes from the smoke report in both cases.
* confirming a sale: HTTP calls and time to "accepted" against the docs' four-call flow;
* following sales: status-detection delay and status requests per sale against a fixed 5 s
  check-id poll;
* the GUI thread: the longest heartbeat gap with 20 sales in flight and while typing, against
  a bare window in the same process (``bench_stall --json``, a child process per run): the
  median over 5 runs (one run's longest gap is one sample of the machine's worst moment),
  with the longest of all runs in the table's header;
* the history screen's first page and a number search, a day's X report and the journal's
  chain check, against their naive baselines.

``--quick`` runs every row small (the test runs it); ``--full`` (the default) at the sizes
shown in the README: a million sales, a million journal rows, 15 start-up runs, 5 GUI-thread
runs.
``--startup`` runs only the start-up rows (first window, ready, peak memory).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tests.benchmarks import (
    bench_chain,
    bench_confirm,
    bench_history,
    bench_reports,
    bench_startup,
    bench_status,
    xdisplay,
)


@dataclass(frozen=True)
class Sizes:
    """How big each benchmark runs."""

    startup_runs: int
    confirm_sales: int
    status: tuple[tuple[str, int, tuple[float, float], float], ...]
    stall_sales: int
    stall_phase: float
    stall_runs: int
    sales: int  # in the history and report database
    journal_rows: int
    db_runs: int


QUICK = Sizes(3, 3, (("busy counter", 8, (0.0, 3.0), 10.0),), 5, 3.0, 1, 2000, 2001, 1)
FULL = Sizes(15, 10, bench_status.SCENARIOS, 20, 12.0, 5, 1_000_000, 1_000_000, 3)


@dataclass(frozen=True)
class Row:
    """One figure of the app beside the same figure of its baseline, both measured."""

    what: str
    app: float
    base: float
    unit: str
    baseline: str
    target: str = ""
    met: bool | None = None

    @property
    def ratio(self) -> float:
        return self.app / self.base if self.base else math.inf


def machine() -> str:
    """CPU model, cores, RAM and OS of this machine, in one line."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram = ""
    with contextlib.suppress(OSError, ValueError):
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        ram = f", {pages / 2**30:.0f} GiB RAM"
    return f"{cpu}, {os.cpu_count()} cores{ram}, {platform.platform(terse=True)}"


# --- start-up --------------------------------------------------------------------------------

# The bare window, and the moment its first event-loop turn ended (window shown and painted)
# on the system-wide perf_counter clock.
BARE_TIMED = bench_startup.BARE_WINDOW + "import time\nprint(time.perf_counter())\n"
# Under Xvfb the same window, held open after its first turn until the table has seen it
# (Qt 6 closes every window on quit: the bare window would be mapped for a millisecond).
# SIGTERM is blocked from the start (a builtin module: nothing imported before the window
# that the offscreen run does not import), so an early SIGTERM waits until the first turn
# has ended: its peak memory is that of a shown and painted window, as offscreen.
BARE_XVFB = (
    "import _signal\n"
    "_signal.pthread_sigmask(_signal.SIG_BLOCK, {_signal.SIGTERM})\n"
    "def hold():\n"
    "    import time\n"
    "    print(time.perf_counter(), flush=True)\n"
    "    _signal.sigtimedwait({_signal.SIGTERM}, 60)\n"
    "    app.quit()\n"
) + bench_startup.BARE_WINDOW.replace("singleShot(0, app.quit)", "singleShot(0, hold)")
assert "hold)" in BARE_XVFB, "the bare window no longer quits by a timer"
WINDOW_TIMEOUT_S = 30.0


def _running(pid: int) -> bool:
    """True while the child runs; never reaps it (``run_watched`` reads its rusage)."""
    return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None


def _start_of(proc: subprocess.Popen[bytes], started: float) -> float:
    """A watch that only returns when the child started."""
    return started


def _smoke_times(stdout: str, started: float) -> tuple[float, float]:
    """(first window, ready) in seconds since the child started, from its smoke report."""
    report = json.loads(stdout.strip().splitlines()[-1])
    if not report.get("ok"):
        raise RuntimeError(f"smoke run not ok: {report}")
    imported = float(report["imported_at_s"]) - started
    shown = imported + report["window_shown_since_start_ms"] / 1000
    ready = (
        imported
        + (report["imports_ms"] + max(report["products_shown_ms"], report["balance_shown_ms"]))
        / 1000
    )
    return shown, ready


@dataclass
class Startup:
    """One series of start-up figures (seconds, MiB), one entry per measured run."""

    window: list[float] = field(default_factory=list)
    ready: list[float] = field(default_factory=list)
    memory: list[float] = field(default_factory=list)

    def add(self, window: float, ready: float | None, memory: float) -> None:
        self.window.append(window)
        if ready is not None:
            self.ready.append(ready)
        self.memory.append(memory)


class XvfbRuns:
    """Children on a private Xvfb display, the moment of their first mapped window seen from
    outside (``MapWatcher``), the same way for the app and the bare window."""

    def __init__(self, display: xdisplay.XvfbDisplay, watcher: xdisplay.MapWatcher) -> None:
        self.display = display
        self.watcher = watcher

    def run(
        self, cmd: list[str], env: dict[str, str], what: str, *, release: bool
    ) -> tuple[float, float, str, float]:
        """(first window in seconds since the start, peak RSS MiB, stdout, the start);
        ``release`` ends the child (SIGTERM) once its window was seen. A clear error when no
        window was mapped within WINDOW_TIMEOUT_S, or the child failed."""

        def watch(proc: subprocess.Popen[bytes], started: float) -> tuple[float | None, float]:
            seen = self.watcher.first_map(proc.pid, lambda: _running(proc.pid), WINDOW_TIMEOUT_S)
            if seen is None and _running(proc.pid):
                proc.kill()  # timed out: do not wait for it
            elif release:
                proc.terminate()
            return (None if seen is None else seen - started), started

        self.watcher.drain()  # the windows of earlier children
        _, memory, out, (seen, started) = bench_startup.run_watched(
            cmd, self.display.env(env), watch
        )
        if seen is None:
            state = (
                "the display is up"
                if self.display.running()
                else f"Xvfb exited: {self.display.log_tail()}"
            )
            raise RuntimeError(
                f"no window of {what} was mapped on {self.display.display} within "
                f"{WINDOW_TIMEOUT_S:.0f} s, or before it exited ({state})"
            )
        return seen, memory, out, started


def startup_rows(runs: int, choice: str) -> tuple[list[Row], str]:
    """First window, ready and peak memory of the app beside a bare window; how measured.

    Each turn runs the app then the bare window; under Xvfb both again offscreen, for the
    offscreen peak memory beside the Xvfb one. One Xvfb server serves the whole series."""
    if choice == "xvfb" and not xdisplay.xvfb_available():
        raise RuntimeError("--platform xvfb needs Xvfb and libX11 (apt-get install xvfb)")
    use_xvfb = choice == "xvfb" or (choice == "auto" and xdisplay.xvfb_available())
    app, bare, app_off, bare_off = Startup(), Startup(), Startup(), Startup()
    data_dir = tempfile.mkdtemp(prefix="bench-table-")
    try:
        with contextlib.ExitStack() as stack:
            off_env = bench_startup.bench_env(data_dir, "offscreen")
            x_env = bench_startup.bench_env(data_dir, "xcb")
            xvfb = None
            if use_xvfb:
                display = stack.enter_context(xdisplay.XvfbDisplay())
                watcher = stack.enter_context(xdisplay.MapWatcher(display.display))
                xvfb = XvfbRuns(display, watcher)
            for turn in range(runs + 1):  # the first turn warms up (bytecode, file cache)
                keep = turn > 0
                if xvfb is not None:
                    seen, memory, out, started = xvfb.run(
                        bench_startup.APP, x_env, "pos-app", release=False
                    )
                    _, ready = _smoke_times(out, started)  # ready: the app's own report
                    if keep:
                        app.add(seen, ready, memory)
                    seen, memory, _, _ = xvfb.run(
                        [sys.executable, "-c", BARE_XVFB], x_env, "the bare window",
                        release=True,
                    )  # fmt: skip
                    if keep:
                        bare.add(seen, None, memory)
                _, memory, out, started = bench_startup.run_watched(
                    bench_startup.APP, off_env, _start_of
                )
                shown, ready = _smoke_times(out, started)
                if keep:
                    app_off.add(shown, ready, memory)
                _, memory, out, started = bench_startup.run_watched(
                    [sys.executable, "-c", BARE_TIMED], off_env, _start_of
                )
                if keep:
                    bare_off.add(float(out.strip().splitlines()[-1]) - started, None, memory)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    if not use_xvfb:
        app, bare = app_off, bare_off
    med = statistics.median
    bare_name = "bare PySide6 window"
    window = med(app.window) / med(bare.window)
    memory = med(app.memory) / med(bare.memory)
    rows = [
        Row("first window", med(app.window) * 1000, med(bare.window) * 1000, "ms",
            bare_name, "<= 1.5x", window <= 1.5),
        Row("ready (products and balance shown)", med(app.ready) * 1000,
            med(bare.window) * 1000, "ms", bare_name + " (first window)"),
        Row("peak memory (RSS)", med(app.memory), med(bare.memory), "MiB", bare_name,
            "<= 2x", memory <= 2.0),
    ]  # fmt: skip
    if use_xvfb:
        off_memory = med(app_off.memory) / med(bare_off.memory)
        rows.append(
            Row("peak memory (RSS), offscreen", med(app_off.memory), med(bare_off.memory),
                "MiB", bare_name + ", offscreen", "<= 2x", off_memory <= 2.0)
        )  # fmt: skip
    how = (
        "first window seen from outside the process under Xvfb (the moment the server maps "
        "its first window, read from the X connection without polling); peak memory = the "
        "child's ru_maxrss, under Xvfb and offscreen"
        if use_xvfb
        else "offscreen, first window from the processes' own clocks (no Xvfb here)"
    )
    return rows, f"{how}; medians of {runs} interleaved runs after one warm-up each"


# --- the engine ------------------------------------------------------------------------------


def confirm_rows(sales: int) -> list[Row]:
    from pos_app.simulator import SimConfig, Simulator

    with Simulator(SimConfig(latency_ms=bench_confirm.LATENCY_MS, seed=1)) as sim:
        docs_times, docs_calls = bench_confirm.docs_flow(sim, sales)
        with tempfile.TemporaryDirectory() as folder:
            eng_times, eng_calls = asyncio.run(bench_confirm.engine_flow(sim, Path(folder), sales))
    docs = f"docs' flow (4 calls), {bench_confirm.LATENCY_MS} ms latency"
    return [
        Row("confirm to accepted: HTTP calls per sale", statistics.mean(eng_calls),
            statistics.mean(docs_calls), "calls", docs),
        Row("confirm to accepted: time", statistics.median(eng_times) * 1000,
            statistics.median(docs_times) * 1000, "ms", docs),
    ]  # fmt: skip


def status_rows(scenarios: Sequence[tuple[str, int, tuple[float, float], float]]) -> list[Row]:
    rows = []
    for name, sales, gap, scale in scenarios:
        with tempfile.TemporaryDirectory() as folder:
            lags, requests = asyncio.run(bench_status.engine_run(Path(folder), sales, gap, scale))
        fixed_lags, fixed_requests = asyncio.run(bench_status.fixed_poll_run(sales, gap, scale))
        base = f"fixed 5 s check-id poll ({sales} sales)"
        rows += [
            Row(f"{name}: status-detection delay, median", statistics.median(lags),
                statistics.median(fixed_lags), "s", base),
            Row(f"{name}: status requests per sale", requests, fixed_requests, "req", base),
        ]  # fmt: skip
    return rows


# --- the GUI thread --------------------------------------------------------------------------


STALL = [sys.executable, "-m", "tests.benchmarks.bench_stall", "--json"]


def stall_rows(sales: int, phase: float, runs: int, notes: list[str]) -> list[Row]:
    """``bench_stall --json``, ``runs`` times, each in a child process (its own QApplication),
    offscreen. A run's figure is its longest gap, one sample of a 2-core machine's worst
    moment: each row is the median over the runs, and ``notes`` gets the worst of them."""
    from tests.support.heartbeat import FRAME_MS

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ONECLICK_API_KEY", None)
    figs = []
    for _ in range(runs):
        done = subprocess.run(
            [*STALL, "--sales", str(sales), "--phase", str(phase)],
            cwd=bench_startup.ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        figs.append(json.loads(done.stdout.strip().splitlines()[-1]))

    def longest(key: str) -> list[float]:
        return [f[key]["max"] for f in figs]

    med = statistics.median
    bare = med(longest("bare"))
    base = "bare QMainWindow, same process (longest gap)"
    target = f"<= {FRAME_MS:.1f} ms"
    rows = []
    for key, what in (("in_flight", f"{sales} sales in flight"), ("typing", "typing")):
        stall = med(longest(key))
        rows.append(
            Row(f"GUI-thread longest stall, {what}", stall, bare, "ms", base, target,
                stall <= FRAME_MS)
        )  # fmt: skip
    for key, what in (("in_flight", f"{sales} sales in flight"), ("typing", "typing")):
        rows.append(
            Row(f"GUI-thread CPU in one gap, longest, {what}", med(longest(key + "_cpu")),
                med(longest("idle_cpu")), "ms", "idle app window (longest)")
        )  # fmt: skip
    notes.append(
        f"GUI thread: each stall row is the median of {runs} runs' longest gap (phases of "
        f"{phase:g} s); the longest of all runs: {max(longest('in_flight')):.1f} ms in flight, "
        f"{max(longest('typing')):.1f} ms typing, {max(longest('bare')):.1f} ms for the bare "
        "window."
    )
    return rows


# --- the database ----------------------------------------------------------------------------


def database_rows(sales: int, journal_rows: int, runs: int) -> list[Row]:
    from pos_app.store import open_store

    rows = []
    folder = Path(tempfile.mkdtemp(prefix="bench-table-db-"))
    try:
        db = folder / "reports.sqlite3"
        bench_reports.build(db, sales)
        with (
            open_store(f"sqlite:///{db.as_posix()}") as store,
            contextlib.redirect_stdout(io.StringIO()),
        ):
            history = bench_history.measure(store, db, runs)
            report = bench_reports.measure(store, db, runs)
        naive = f"naive: all rows into Python ({sales:,} sales)"
        for what, app, base, _ in history:
            if what.startswith(("open: first 200", "search full number")):
                label = "history: " + ("open, first 200 rows" if what.startswith("open") else
                                       "search a full number")  # fmt: skip
                rows.append(Row(label, app, base, "ms", naive))
        x_report = next(r for r in report if r[0] == "X report of a day")
        rows.append(
            Row("a day's X report", x_report[1], x_report[2], "ms", naive,
                f"<= {bench_reports.REPORT_TARGET_MS} ms",
                x_report[1] <= bench_reports.REPORT_TARGET_MS)
        )  # fmt: skip
        chain_db = folder / "chain.sqlite3"
        bench_chain.build(chain_db, journal_rows)
        with (
            open_store(f"sqlite:///{chain_db.as_posix()}", read_only=True) as store,
            contextlib.redirect_stdout(io.StringIO()),
        ):
            verify, _alone, plain = bench_chain.measure(store, chain_db, runs)
        rows.append(
            Row("journal chain: verify every row", verify, plain, "ms",
                f"plain SELECT of the same {journal_rows:,} rows",
                f"< {bench_chain.TARGET_MS} ms", verify < bench_chain.TARGET_MS)
        )  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return rows


# --- the table -------------------------------------------------------------------------------


def _figure(value: float, unit: str) -> str:
    digits = 0 if value >= 100 else 1 if value >= 10 else 2 if value >= 1 else 3
    return f"{value:,.{digits}f} {unit}"


def _ratio(ratio: float) -> str:
    return f"{ratio:.2f}x" if ratio >= 0.1 else f"{ratio:.2g}x"


def render(rows: Sequence[Row], header: Sequence[str]) -> str:
    lines = [*header, ""]
    lines.append("| figure | pos-app | baseline | ratio | target |")
    lines.append("|---|---:|---|---:|---|")
    for row in rows:
        verdict = "" if row.met is None else (" met" if row.met else " NOT met")
        lines.append(
            f"| {row.what} | {_figure(row.app, row.unit)} | {_figure(row.base, row.unit)} "
            f"({row.baseline}) | {_ratio(row.ratio)} | {row.target}{verdict} |"
        )
    return "\n".join(lines)


Section = Callable[[], list[Row]]


def collect(
    sizes: Sizes, choice: str = "auto", *, startup_only: bool = False
) -> tuple[list[Row], list[str]]:
    """Every row (``startup_only``: the start-up rows), and the header lines (date, machine,
    how the start-up was measured)."""
    started = time.perf_counter()
    startup, how = startup_rows(sizes.startup_runs, choice)
    rows = list(startup)
    notes: list[str] = []
    sections: list[Section] = (
        []
        if startup_only
        else [
            lambda: confirm_rows(sizes.confirm_sales),
            lambda: status_rows(sizes.status),
            lambda: stall_rows(sizes.stall_sales, sizes.stall_phase, sizes.stall_runs, notes),
            lambda: database_rows(sizes.sales, sizes.journal_rows, sizes.db_runs),
        ]
    )
    for section in sections:
        rows += section()
    header = [
        f"Performance, {datetime.now(UTC):%Y-%m-%d} (UTC), `python -m tests.benchmarks.table"
        f"{' --quick' if sizes is QUICK else ''}{' --startup' if startup_only else ''}"
        f"{'' if choice == 'auto' else ' --platform ' + choice}` in "
        f"{time.perf_counter() - started:.0f} s",
        f"Machine: {machine()}",
        f"Start-up: {how}. Ratio = pos-app / baseline (under 1: better than the baseline).",
        *notes,
    ]
    return rows, header


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="small sizes (the test's)")
    size.add_argument("--full", action="store_true", help="the README's sizes (default)")
    parser.add_argument("--platform", choices=("auto", "xvfb", "offscreen"), default="auto")
    parser.add_argument("--startup", action="store_true", help="only the start-up rows")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    rows, header = collect(sizes, args.platform, startup_only=args.startup)
    print(render(rows, header))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
