"""Window tests: offscreen Qt, a qasync loop of our own (pytest-qt does not drive qasync),
a simulator per test and a database under a temporary POS_DATA_DIR.

Async bodies run with ``run(loop, body())``; inside them, input is sent with synchronous
``QTest`` calls and waiting is ``await wait_until(...)`` (never a nested Qt wait): both from
tests/support/waiting.py; the keyboard sale and the harness from tests/support/window.py.
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from pos_app.orders import EngineSettings
from pos_app.simulator import SimConfig, Simulator
from pos_app.ui.app import build_services, load_style
from pos_app.ui.main_window import MainWindow
from tests.support.waiting import run
from tests.support.window import Harness, executor_idle

SCALE = 200.0


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never the user's data: every test gets its own data directory and no API key."""
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ONECLICK_API_KEY", raising=False)
    monkeypatch.delenv("POS_DB_URL", raising=False)
    monkeypatch.setenv("POS_COUNTER_ID", "TEST")


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    qapp.setQuitOnLastWindowClosed(False)  # as in the app: closing stops nothing by itself
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(None)
    del loop
    # Collect the test's Qt objects (loop timers, counters, windows) here, on the GUI thread:
    # left to chance, the cyclic GC may run in a worker thread and destroy them there (crash).
    gc.collect()


@pytest.fixture
def harness(
    qloop: qasync.QEventLoop, qapp: QApplication, tmp_path: Path
) -> Iterator[Callable[..., Harness]]:
    """Builds the window over a fast simulator; shuts everything down after the test."""
    made: list[Harness] = []
    load_style(qapp)

    def make(
        *,
        scale: float = SCALE,
        seed: int = 7,
        sim_config: SimConfig | None = None,
        settings: EngineSettings | None = None,
    ) -> Harness:
        sim = Simulator(sim_config or SimConfig(seed=seed, time_scale=scale)).start()
        services = build_services(
            demo=True,
            db_url=f"sqlite:///{tmp_path / 'pos.sqlite3'}",
            simulator=sim,
            settings=settings or EngineSettings(time_scale=scale),
        )
        window = MainWindow(services.counter, training=True)
        window.show()
        h = Harness(sim, services, window)
        made.append(h)
        return h

    yield make
    for h in made:
        if not h.services.closed:
            run(qloop, h.services.shutdown())
        assert executor_idle(h.services), "a worker thread outlived the window"
        h.window.allow_close()
        h.window.close()
        h.window.deleteLater()
        h.sim.stop()
    made.clear()
    gc.collect()
