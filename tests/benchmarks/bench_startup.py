"""Start-up: wall time and peak memory of ``pos-app --smoke --demo`` beside a bare window.

Both run as fresh subprocesses with ``QT_QPA_PLATFORM=offscreen``, interleaved (app, bare,
app, bare, ...), after one discarded warm-up run of each (file cache). The baseline only opens
a bare PySide6 ``QMainWindow`` and turns the event loop once. The smoke run waits until the
products and the balance are shown (embedded simulator), then shuts down and exits.

Wall time is ``time.perf_counter`` around the whole subprocess (start to exit). Peak memory
is the child's own ``ru_maxrss``, read with ``os.wait4(pid)``: the kernel reports the
resource usage of that one child as it is reaped, so it is neither cumulative over earlier
children (as ``getrusage(RUSAGE_CHILDREN)`` is) nor inflated by a wrapper process.
A third command, the stack floor, opens the same bare window after importing the fixed
dependencies (requests, qasync, peewee, sqlite3) and the stdlib HTTP server: it shows how much
of the app's ratio the mandated stack alone costs, before any code of ours runs.
Every command runs with compiled bytecode cached (as an installed app has), in a cache folder
of the benchmark's own.
Target (from the issue): start-up <= 1.5x the wall time and <= 2x the peak memory of the
bare window.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

RUNS = 9
ROOT = Path(__file__).resolve().parents[2]
WALL_TARGET = 1.5
MEMORY_TARGET = 2.0

BARE_WINDOW = """\
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1024, 700)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

# The same bare window after importing what the app cannot run without: the fixed choices
# (requests, qasync and so asyncio, peewee with sqlite3) and the stdlib HTTP server the demo
# simulator is built on. Nothing of the app's own code: this is the floor the stack sets.
STACK_FLOOR = "import requests, qasync, peewee, sqlite3, http.server, json, decimal\n" + BARE_WINDOW

APP = [sys.executable, "-m", "pos_app", "--smoke", "--demo"]
BARE = [sys.executable, "-c", BARE_WINDOW]
FLOOR = [sys.executable, "-c", STACK_FLOOR]


def _maxrss_mib(ru_maxrss: int) -> float:
    # Linux reports KiB, macOS bytes.
    return ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru_maxrss / 1024


Watch = Callable[["subprocess.Popen[bytes]", float], Any]
"""Called with a started child and the perf_counter reading just before it started."""


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MiB, stdout) of one run; raises if the child failed."""
    wall, rss, stdout, _ = run_watched(cmd, env)
    return wall, rss, stdout


def run_watched(
    cmd: list[str], env: dict[str, str], watch: Watch | None = None, *, check: bool = True
) -> tuple[float, float, str, Any]:
    """``run_once``, calling ``watch`` while the child runs; also what it returned. With
    ``check`` false a child that exits non-zero (stopped by ``watch``) is no error."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL
        )
        try:
            seen = watch(proc, start) if watch is not None else None
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # never leave the child running (or unreaped) behind
            proc.kill()
            proc.wait()
            raise
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        if check and proc.returncode != 0:
            raise RuntimeError(
                f"{cmd[1:3]} exited {proc.returncode}:\n"
                f"{err.read().decode(errors='replace')[-2000:]}"
            )
    return wall, _maxrss_mib(usage.ru_maxrss), stdout, seen


def bench_env(data_dir: str, platform: str = "offscreen") -> dict[str, str]:
    """The children's environment: no key, a data folder of their own, and compiled bytecode
    for every module kept in a cache folder of the benchmark's own (the warm-up runs write
    it), even where PYTHONDONTWRITEBYTECODE is set: as an installed app runs."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("ONECLICK_API_KEY", "PYTHONDONTWRITEBYTECODE", "POS_LANG")
    }
    env.update(
        QT_QPA_PLATFORM=platform,
        POS_DATA_DIR=data_dir,
        POS_COUNTER_ID="BENCH",
        PYTHONPYCACHEPREFIX=os.path.join(data_dir, "pycache"),
    )
    return env


def main() -> None:
    data_dir = tempfile.mkdtemp(prefix="bench-startup-")
    env = bench_env(data_dir)
    for cmd in (APP, BARE, FLOOR):  # warm-up, discarded
        run_once(cmd, env)
    app_wall, app_mem, bare_wall, bare_mem, smoke = [], [], [], [], []
    floor_wall, floor_mem = [], []
    for _ in range(RUNS):
        wall, mem, out = run_once(APP, env)
        report = json.loads(out.strip().splitlines()[-1])
        if not report.get("ok"):
            raise RuntimeError(f"smoke run not ok: {report}")
        app_wall.append(wall)
        app_mem.append(mem)
        smoke.append(report)
        wall, mem, _ = run_once(BARE, env)
        bare_wall.append(wall)
        bare_mem.append(mem)
        wall, mem, _ = run_once(FLOOR, env)
        floor_wall.append(wall)
        floor_mem.append(mem)
    aw, am = statistics.median(app_wall), statistics.median(app_mem)
    bw, bm = statistics.median(bare_wall), statistics.median(bare_mem)
    fw, fm = statistics.median(floor_wall), statistics.median(floor_mem)

    def med(key: str) -> float:
        return statistics.median(float(r[key]) for r in smoke)

    print(
        f"start-up, offscreen, {RUNS} runs each (interleaved, after 1 warm-up each, "
        f"bytecode cached); "
        f"peak memory = child ru_maxrss via os.wait4"
    )
    print(
        f"  bare QMainWindow, one event-loop turn:  wall median {bw * 1000:.0f} ms "
        f"(min {min(bare_wall) * 1000:.0f}, max {max(bare_wall) * 1000:.0f}), "
        f"peak memory median {bm:.1f} MiB"
    )
    print(
        f"  same, after importing the fixed stack:  wall median {fw * 1000:.0f} ms "
        f"(min {min(floor_wall) * 1000:.0f}, max {max(floor_wall) * 1000:.0f}), "
        f"peak memory median {fm:.1f} MiB"
    )
    print(
        f"  pos-app --smoke --demo:                 wall median {aw * 1000:.0f} ms "
        f"(min {min(app_wall) * 1000:.0f}, max {max(app_wall) * 1000:.0f}), "
        f"peak memory median {am:.1f} MiB"
    )
    print(
        f"    its own JSON (medians): imports {med('imports_ms'):.0f} ms, first paint "
        f"{med('window_shown_since_start_ms'):.0f} ms after the package began to load; "
        f"from run_window:"
    )
    print(
        f"      window_shown {med('window_shown_ms'):.0f} ms, "
        f"products_shown {med('products_shown_ms'):.0f} ms, "
        f"balance_shown {med('balance_shown_ms'):.0f} ms, total {med('total_ms'):.0f} ms, "
        f"cpu {med('cpu_ms'):.0f} ms"
    )
    wr, mr = aw / bw, am / bm
    print(
        f"  ratio app/bare: wall {wr:.2f} (target <= {WALL_TARGET}: "
        f"{'met' if wr <= WALL_TARGET else 'NOT met'}), peak memory {mr:.2f} "
        f"(target <= {MEMORY_TARGET}: {'met' if mr <= MEMORY_TARGET else 'NOT met'})"
    )
    print(
        f"  ratio stack floor/bare: wall {fw / bw:.2f}, peak memory {fm / bm:.2f} "
        f"(what the fixed dependencies cost before any app code runs)"
    )
    print(f"  ratio app/stack floor:  wall {aw / fw:.2f}, peak memory {am / fm:.2f}")


if __name__ == "__main__":
    main()
