"""Window tests: offscreen Qt, a qasync loop of our own (pytest-qt does not drive qasync),
a simulator per test and a database under a temporary POS_DATA_DIR.

Async bodies run with ``run(loop, body())``; inside them, input is sent with synchronous
``QTest`` calls and waiting is ``await wait_until(...)`` (never a nested Qt wait).
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from pos_app.orders import EngineSettings
from pos_app.simulator import SimConfig, Simulator
from pos_app.ui.app import Services, build_services, load_style
from pos_app.ui.main_window import MainWindow

SCALE = 200.0
SCREENSHOTS = os.environ.get("POS_UI_SCREENSHOTS")  # a folder: tests save their screenshots


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


def run(
    loop: asyncio.AbstractEventLoop, body: Coroutine[Any, Any, Any], timeout: float = 30.0
) -> Any:
    """Run an async test body on the qasync loop, bounded."""
    return loop.run_until_complete(asyncio.wait_for(body, timeout))


async def wait_until(
    predicate: Callable[[], object], timeout: float = 10.0, what: str = "condition"
) -> None:
    """Poll ``predicate`` on the running loop (asyncio.sleep lets Qt and tasks run)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def save_shot(window: MainWindow, name: str, tmp_path: Path) -> Path:
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    assert window.grab().save(str(path))
    return path


@dataclass
class Harness:
    sim: Simulator
    services: Services
    window: MainWindow


def executor_idle(services: Services) -> bool:
    """True when no job runs and every worker thread of the window's pool has finished."""
    return services.executor.running_jobs == 0 and services.executor.alive_threads == 0


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
