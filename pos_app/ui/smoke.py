"""Smoke mode (``pos-app --smoke [--screenshot PATH]``): start the window, wait until the
products and the balance are shown, optionally save a screenshot, shut down, and print the
start-up timings as one JSON line on stdout.

The start-up tests and ``tests/benchmarks/bench_startup.py`` read that line; its keys are
``ok``, ``demo``, ``language``, ``low_balance``, ``imports_ms``, ``window_shown_ms``,
``window_shown_since_start_ms``, ``products_shown_ms``, ``balance_shown_ms``, ``total_ms``,
``cpu_ms``, ``screenshot``, ``imported_at_s``, ``loaded_at_paint`` (which of the modules
meant to load after the first paint were imported already:
:data:`pos_app.ui.app.LOADED_AFTER_PAINT`) and ``printing_loaded`` (which of printing's
libraries were imported by the time the window was ready, with nothing printed:
:data:`pos_app.ui.app.LOADED_AT_FIRST_PRINT`), ``training_unused_loaded`` (which of the
modules a ``--demo`` run never needs were imported: :data:`pos_app.ui.app.NOT_LOADED_IN_TRAINING`)
and ``source_files_kept`` (how many source files ``linecache`` held at the end of the load:
none, as PySide6's import hook reads none, :func:`pos_app.ui.skip_feature_scan`),
``paused_collections`` (the garbage collections run from the pause at the process start,
:mod:`pos_app.collector`, to the end of the load: 0; null when nothing paused the collector),
``collector_on`` (whether it runs again) and ``frozen_at_start`` (how many objects the load's
end set aside for good). Every
``*_ms`` counts from the start of ``run_window`` except ``window_shown_since_start_ms`` and
``imports_ms``, which count from the first import of ``pos_app`` (after the interpreter's own
start). ``imported_at_s`` is that first import's ``time.perf_counter()`` reading: a
system-wide clock on Linux, so a parent process can place the other timings on its own clock
(the performance table does).
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from pos_app import IMPORTED_AT
from pos_app.ui.main_window import MainWindow

SMOKE_TIMEOUT = 20.0  # seconds to wait for the products and the balance
SMOKE_TIMEOUT_ENV = "POS_SMOKE_TIMEOUT"
SETTLE_DELAY = 0.05  # seconds for the layouts (a rebuilt grid) to settle before the picture


@dataclass(frozen=True, slots=True)
class Launch:
    """How the window was started, for the report: ``started`` and ``shown`` are
    ``time.perf_counter()`` readings (``run_window`` began; the window was shown)."""

    started: float
    shown: float
    demo: bool
    language: str
    low_balance: int
    loaded_at_paint: list[str] = field(default_factory=list)
    source_files_kept: int = 0  # source files linecache held at the end of the load
    paused_collections: int | None = None  # collections while pos_app.collector paused them


async def wait_until_shown(window: MainWindow, timeout: float) -> dict[str, float | None]:
    """Milliseconds (from now) until the product grid and the balance show something; None
    for what did not show within ``timeout`` seconds."""
    start = time.perf_counter()
    seen: dict[str, float | None] = {"products_ms": None, "balance_ms": None}
    while time.perf_counter() - start < timeout:
        now = round((time.perf_counter() - start) * 1000, 1)
        if seen["products_ms"] is None and window.sale.grid.buttons:
            seen["products_ms"] = now
        if seen["balance_ms"] is None and window.balance.view is not None:
            seen["balance_ms"] = now
        if all(v is not None for v in seen.values()):
            break
        await asyncio.sleep(0.02)
    return seen


async def run_smoke(
    window: MainWindow,
    launch: Launch,
    shutdown: Callable[[], Awaitable[None]],
    *,
    screenshot: str | None = None,
    out: TextIO | None = None,
) -> bool:
    """Wait until the window shows products and balance (``POS_SMOKE_TIMEOUT`` seconds, else
    :data:`SMOKE_TIMEOUT`), save ``screenshot`` if asked, then ``shutdown`` the services, close
    the window and write the report to ``out`` (stdout). True when everything showed (and the
    screenshot was saved)."""
    limit = float(os.environ.get(SMOKE_TIMEOUT_ENV, SMOKE_TIMEOUT))
    since_shown = time.perf_counter()
    seen = await wait_until_shown(window, limit)
    ok = all(v is not None for v in seen.values())
    # imported already: run_window's module
    from pos_app.ui.app import loaded_printing_modules, loaded_unused_in_training

    printing_loaded = loaded_printing_modules()
    unused_loaded = loaded_unused_in_training()
    icon_sizes = sorted(size.width() for size in window.windowIcon().availableSizes())
    if screenshot:
        await asyncio.sleep(SETTLE_DELAY)
        Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(screenshot) and ok
    total_ms = _ms(time.perf_counter() - launch.started)
    await shutdown()
    window.allow_close()
    window.close()
    waited_from = _ms(since_shown - launch.started)  # the waits count from here
    report = {
        "ok": ok,
        "demo": launch.demo,
        "language": launch.language,
        "low_balance": launch.low_balance,
        "imports_ms": _ms(launch.started - IMPORTED_AT),
        "window_shown_ms": _ms(launch.shown - launch.started),
        "window_shown_since_start_ms": _ms(launch.shown - IMPORTED_AT),
        "products_shown_ms": _after(seen["products_ms"], waited_from),
        "balance_shown_ms": _after(seen["balance_ms"], waited_from),
        "total_ms": total_ms,
        "cpu_ms": round(time.process_time() * 1000, 1),
        "screenshot": screenshot,
        "imported_at_s": IMPORTED_AT,
        "loaded_at_paint": launch.loaded_at_paint,
        "printing_loaded": printing_loaded,
        "training_unused_loaded": unused_loaded,
        "source_files_kept": launch.source_files_kept,
        "paused_collections": launch.paused_collections,
        "collector_on": gc.isenabled(),
        "frozen_at_start": gc.get_freeze_count(),
        "window_icon_sizes": icon_sizes,  # set at the load, after the first paint
    }
    (out or sys.stdout).write(json.dumps(report) + "\n")
    return ok


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _after(ms: float | None, offset: float) -> float | None:
    return None if ms is None else round(ms + offset, 1)
