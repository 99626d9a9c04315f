"""The offloader: outcomes of worker threads reach the loop through a queue and a socket
wake-up, never through ``call_soon_threadsafe`` from a worker (PySide6 6.12.0 aborts on
qasync's version of that call). Plain asyncio loops, a loop without readers, and qasync."""

from __future__ import annotations

import asyncio
import gc
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextvars import Context
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVarTuple, Unpack

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import EngineSettings, OrderEngine
from pos_app.orders.offload import Offloader
from pos_app.simulator import Simulator
from pos_app.store import open_store
from tests.orders.conftest import SCALE, MakeClient
from tests.support.sales import state_of
from tests.support.waiting import run, wait_until

if TYPE_CHECKING:
    from _typeshed import FileDescriptorLike

Ts = TypeVarTuple("Ts")
VALUES: list[object] = [
    True,
    False,
    None,
    0,
    1,
    -7,
    2**70,
    "",
    "نعم",
    b"\x00\xff",
    (1, "a"),
    {"k": [1, 2]},
    Decimal("19.60"),
    3.5,
    frozenset({1}),
]


class WatchedLoop(asyncio.SelectorEventLoop):
    """Records every ``call_soon_threadsafe`` made from a thread other than the loop's."""

    def __init__(self) -> None:
        super().__init__()
        self.owner = threading.get_ident()
        self.foreign: list[str] = []

    def call_soon_threadsafe(
        self,
        callback: Callable[[Unpack[Ts]], object],
        *args: *Ts,
        context: Context | None = None,
    ) -> asyncio.Handle:
        if threading.get_ident() != self.owner:
            self.foreign.append(threading.current_thread().name)
        return super().call_soon_threadsafe(callback, *args, context=context)


class NoReaderLoop(WatchedLoop):
    """A loop without ``add_reader``, as Windows' proactor loop."""

    def add_reader(
        self, fd: FileDescriptorLike, callback: Callable[[Unpack[Ts]], object], *args: *Ts
    ) -> None:
        raise NotImplementedError


@pytest.fixture
def loop() -> Iterator[WatchedLoop]:
    lp = WatchedLoop()
    yield lp
    lp.close()


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def echo(value: object) -> object:
    return value


def fail(message: str) -> None:
    raise ValueError(message)


def test_every_kind_of_value_and_error_comes_back_without_cross_thread_calls(
    loop: WatchedLoop,
) -> None:
    offloader = Offloader(4, thread_name_prefix="t-off")

    async def body() -> None:
        for _ in range(20):
            got = await asyncio.gather(*(offloader.run(echo, v) for v in VALUES))
            assert got == VALUES
        with pytest.raises(ValueError, match="refused"):
            await offloader.run(fail, "refused")
        names = await asyncio.gather(
            *(offloader.run(lambda: threading.current_thread().name) for _ in range(8))
        )
        assert all(n.startswith("t-off") for n in names)

    try:
        run(loop, body())
    finally:
        offloader.shutdown(wait=True)
        offloader.close()
    assert loop.foreign == []


def test_running_jobs_counts_started_jobs_until_they_end(loop: WatchedLoop) -> None:
    offloader = Offloader(2)
    gate = threading.Event()
    started = threading.Semaphore(0)

    def blocked() -> str:
        started.release()
        gate.wait(10)
        return "done"

    async def body() -> None:
        assert offloader.running_jobs == 0
        jobs = [offloader.submit(blocked) for _ in range(3)]  # two run, one queued
        for _ in range(2):
            await asyncio.to_thread(started.acquire, True, 10)
        assert offloader.running_jobs == 2
        gate.set()
        assert await asyncio.gather(*jobs) == ["done"] * 3
        assert offloader.running_jobs == 0

    try:
        run(loop, body())
    finally:
        gate.set()
        offloader.shutdown(wait=True)
        offloader.close()


def test_cancelling_a_job_not_started_cancels_it_on_the_pool(loop: WatchedLoop) -> None:
    offloader = Offloader(1)
    gate = threading.Event()
    ran: list[str] = []

    async def body() -> None:
        first = offloader.submit(gate.wait, 10)
        second = offloader.submit(ran.append, "second")
        second.cancel()
        await asyncio.sleep(0.05)  # the cancel reaches the pool before the worker is free
        gate.set()
        assert await first is True
        with pytest.raises(asyncio.CancelledError):
            await second
        third: object = await offloader.run(ran.append, "third")
        assert third is None

    try:
        run(loop, body())
    finally:
        gate.set()
        offloader.shutdown(wait=True)
        offloader.close()
    assert ran == ["third"]


def test_shutdown_with_cancel_futures_ends_queued_awaits_cancelled(loop: WatchedLoop) -> None:
    offloader = Offloader(1)
    gate = threading.Event()

    async def body() -> None:
        running = offloader.submit(gate.wait, 10)
        queued = offloader.submit(echo, 1)
        await asyncio.sleep(0.05)
        offloader.shutdown(wait=False, cancel_futures=True)
        gate.set()
        assert await running is True
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(queued, 5)  # cancelled, not left hanging
        with pytest.raises(RuntimeError):
            offloader.submit(echo, 2)

    try:
        run(loop, body())
    finally:
        gate.set()
        offloader.close()
    assert _threads_end(offloader)


def _threads_end(offloader: Offloader) -> bool:
    for _ in range(500):
        if offloader.alive_threads == 0:
            return True
        threading.Event().wait(0.01)
    return False


def test_close_releases_the_wakeup_sockets_and_a_later_submit_opens_new_ones(
    loop: WatchedLoop,
) -> None:
    offloader = Offloader(2)
    before = open_fds()

    async def body() -> None:
        assert await offloader.run(echo, 1) == 1
        assert open_fds() == before + 2  # the socket pair
        offloader.close()
        assert open_fds() == before
        assert await offloader.run(echo, 2) == 2

    try:
        run(loop, body())
    finally:
        offloader.shutdown(wait=True)
        offloader.close()
    assert open_fds() == before


def test_a_loop_without_readers_falls_back_to_run_in_executor() -> None:
    lp = NoReaderLoop()
    offloader = Offloader(2)

    async def body() -> None:
        assert await asyncio.gather(*(offloader.run(echo, v) for v in VALUES)) == VALUES
        with pytest.raises(ValueError, match="no"):
            await offloader.run(fail, "no")

    try:
        run(lp, body())
    finally:
        offloader.shutdown(wait=True)
        offloader.close()
        lp.close()
    assert lp.foreign  # the fallback is the loop's own thread-safe call


def test_one_offloader_serves_a_second_loop_after_the_first_closed() -> None:
    offloader = Offloader(2)
    try:
        for _ in range(2):
            lp = WatchedLoop()
            try:
                assert run(lp, offloader.run(echo, "x")) == "x"
            finally:
                lp.close()
            assert lp.foreign == []
    finally:
        offloader.shutdown(wait=True)
        offloader.close()


def test_under_qasync_results_come_back_through_a_socket_notifier(qapp: Any) -> None:
    import qasync

    qloop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(qloop)
    owner = threading.get_ident()
    foreign: list[str] = []
    real = qloop.call_soon_threadsafe

    def watched(callback: Callable[..., object], *args: Any, context: Any = None) -> Any:
        if threading.get_ident() != owner:
            foreign.append(threading.current_thread().name)
        return real(callback, *args, context=context)

    qloop.call_soon_threadsafe = watched
    offloader = Offloader(4)

    async def body() -> int:
        done = 0
        for _ in range(30):
            got = await asyncio.gather(*(offloader.run(echo, v) for v in VALUES * 4))
            assert got == VALUES * 4
            done += len(got)
        with pytest.raises(ValueError, match="boom"):
            await offloader.run(fail, "boom")
        return done

    try:
        assert run(qloop, body()) == 30 * 4 * len(VALUES)
    finally:
        offloader.shutdown(wait=True)
        offloader.close()
        qloop.close()
        asyncio.set_event_loop(None)
        del qloop
        gc.collect()
    assert foreign == []


@pytest.mark.parametrize("given", ["none", "pool", "offloader"])
def test_the_engine_hands_no_outcome_back_through_call_soon_threadsafe(
    given: str,
    loop: WatchedLoop,
    fast_sim: Simulator,
    tmp_path: Path,
    make_client: MakeClient,
) -> None:
    """Old engine: every step and every ``_call`` used ``run_in_executor`` (a worker thread
    then calls ``call_soon_threadsafe``). Now none do, whatever executor the caller gives."""
    pool = ThreadPoolExecutor(2) if given == "pool" else None
    offloader = Offloader(2) if given == "offloader" else None
    executor = pool or offloader

    async def body() -> None:
        store = open_store(f"sqlite:///{tmp_path / 'pos.sqlite3'}")
        engine = OrderEngine(
            store,
            make_client(fast_sim),
            settings=EngineSettings(time_scale=SCALE),
            counter_id="T1",
            executor=executor,
        )
        await engine.start()
        view = await engine.place(LineType.ADSL, "036362609", 1000)
        await wait_until(lambda: state_of(store, view.ref) is SaleState.FULFILLED)
        await engine.stop()
        store.close()

    try:
        run(loop, body())
    finally:
        if pool is not None:
            pool.shutdown(wait=True)
        if offloader is not None:
            offloader.shutdown(wait=True)
            offloader.close()
    assert loop.foreign == []
