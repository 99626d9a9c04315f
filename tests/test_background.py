"""Background threads (the worker pool, the simulator) lower their own priority, so the
window's thread gets a core first when the machine is busy; the GUI thread keeps its own."""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import pytest

from pos_app.background import BACKGROUND_NICE, lower_thread_priority
from pos_app.orders.offload import Offloader
from pos_app.simulator import SimConfig, Simulator

T = TypeVar("T")

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's"
)


def nice() -> int:
    """The calling thread's own nice value."""
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def in_a_thread(fn: Callable[[], T]) -> T:
    """``fn()`` on a new thread of its own (a plain pool's: no priority set by us)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(fn).result(10)


def test_a_thread_lowers_its_own_priority_only() -> None:
    before = nice()

    def lowered() -> tuple[bool, int]:
        done = lower_thread_priority()
        again = lower_thread_priority()  # already low: stays, never raised back
        return done and again, nice()

    assert in_a_thread(lowered) == (True, max(before, BACKGROUND_NICE))
    assert nice() == before  # the caller's thread (the window's, in the app) is untouched


def test_the_offloader_s_workers_run_at_the_background_priority() -> None:
    offloader = Offloader(2)
    loop = asyncio.new_event_loop()

    async def on_the_workers() -> list[int]:
        return list(await asyncio.gather(*(offloader.run(nice) for _ in range(4))))

    try:
        seen = loop.run_until_complete(on_the_workers())
    finally:
        offloader.shutdown(wait=True)
        offloader.close()
        loop.close()
    assert set(seen) == {max(nice(), BACKGROUND_NICE)}


def test_the_simulator_serves_at_the_background_priority() -> None:
    seen: list[int] = []
    sim = Simulator(SimConfig()).start()
    try:
        server = sim._server  # its request threads are the server's
        assert server is not None
        handle = server.process_request_thread

        def watched(request: object, client_address: object) -> None:
            seen.append(nice())
            handle(request, client_address)

        server.process_request_thread = watched  # type: ignore[method-assign]
        serving = next(t for t in threading.enumerate() if t.name.startswith("oneclickdz-sim"))
        assert serving.native_id is not None
        assert os.getpriority(os.PRIO_PROCESS, serving.native_id) >= BACKGROUND_NICE
        with pytest.raises(urllib.error.HTTPError):  # no key: refused, but served
            urllib.request.urlopen(f"{sim.base_url}/v3/account/balance", timeout=10)
    finally:
        sim.stop()
    assert seen and min(seen) >= BACKGROUND_NICE
