"""Shared fixtures of the order tests: a simulator and a store on the suite's fake clock
(tests/conftest.py), a fast simulator on real time, and clients that count their sends."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from pos_app.api import NO_RETRY, OneClickClient, Timeouts
from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator
from pos_app.store import Store, open_store
from tests.support.clock import START, Clock

SCALE = 200.0  # the fast simulator's and the engine's time scale
NOWHERE = "http://127.0.0.1:9/v3"  # nothing listens there


class CountingClient(OneClickClient):
    """Counts sends in flight at once (the engine promises at most two)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0

    def send(self, *args: Any, **kwargs: Any) -> Any:
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return super().send(*args, **kwargs)
        finally:
            with self.lock:
                self.in_flight -= 1


MakeClient = Callable[..., CountingClient]


@pytest.fixture
def sim(clock: Clock) -> Iterator[Simulator]:
    """A simulator on the fake clock (it moves only when the test says)."""
    simulator = Simulator(SimConfig(seed=11, start_time=START), clock=clock).start()
    yield simulator
    simulator.stop()


@pytest.fixture
def fast_sim() -> Iterator[Simulator]:
    """A simulator on real time made ``SCALE`` times faster, for the async engine."""
    simulator = Simulator(SimConfig(seed=5, time_scale=SCALE)).start()
    yield simulator
    simulator.stop()


@pytest.fixture
def client(sim: Simulator) -> Iterator[OneClickClient]:
    with OneClickClient(
        sim.base_url,
        DEFAULT_SIM_KEY,
        retry=NO_RETRY,
        timeouts=Timeouts(connect=2, read=2, send_read=0.5),
    ) as c:
        yield c


@pytest.fixture
def make_client() -> Iterator[MakeClient]:
    """``make_client(sim=None, key=...)``: a counting client of ``sim`` (of an address where
    nothing listens without one), with one-second timeouts and no retry; closed after."""
    made: list[CountingClient] = []

    def make(sim: Simulator | None = None, key: str = DEFAULT_SIM_KEY) -> CountingClient:
        url = sim.base_url if sim is not None else NOWHERE
        made.append(
            CountingClient(
                url, key, retry=NO_RETRY, timeouts=Timeouts(connect=1, read=1, send_read=1)
            )
        )
        return made[-1]

    yield make
    for c in made:
        c.close()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'pos.sqlite3'}", now=clock.now)
    yield s
    s.close()
