"""Blocking calls on worker threads, their outcomes handed back to the asyncio loop safely.

``Offloader`` runs callables on a ``ThreadPoolExecutor`` (named threads). A worker never calls
into the event loop: it puts ``(future, outcome)`` on a thread-safe queue and writes one byte
to a socket pair whose read end the loop watches with ``add_reader``; the reader, on the
loop's thread, drains the socket and the queue and settles the futures. Under qasync the
wake-up is a ``QSocketNotifier``, so no Python object crosses threads through Qt (qasync's
``call_soon_threadsafe`` emits a signal carrying them from the worker thread).

Loops without ``add_reader`` (Windows' proactor loop) fall back to ``run_in_executor``.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import socket
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any, TypeVar

from pos_app.background import lower_thread_priority

T = TypeVar("T")

# An outcome: (True, result), (False, exception), or None when the pool job was cancelled.
_Outcome = tuple[bool, Any] | None
_Item = tuple["asyncio.Future[Any]", _Outcome]


class _Channel:
    """The hand-back path to one event loop: a queue, a socket pair, a reader on the loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.items: queue.SimpleQueue[_Item] = queue.SimpleQueue()
        self._rsock, self._wsock = socket.socketpair()
        self._rsock.setblocking(False)
        self._wsock.setblocking(False)
        self._lock = threading.Lock()  # a send never races the close of its socket
        self._armed = False  # a wake-up byte is on its way: later outcomes need none
        self.closed = False
        try:
            loop.add_reader(self._rsock.fileno(), self._drain)
        except BaseException:
            self._close_sockets()
            raise

    def deliver(self, item: _Item) -> None:
        """Any thread: queue the outcome and wake the loop (one byte, no Python object)."""
        self.items.put(item)
        with self._lock:
            if self.closed or self._armed:  # loop gone, or a wake-up already on its way
                return
            self._armed = True
            # A full buffer (BlockingIOError) means wake-ups are already pending.
            with contextlib.suppress(OSError):
                self._wsock.send(b"\0")

    def _drain(self) -> None:
        """Loop thread: empty the socket, re-arm the wake-up, then settle every queued future
        (in that order: an outcome queued after the re-arm sends a byte of its own)."""
        with contextlib.suppress(BlockingIOError, InterruptedError, OSError):
            while self._rsock.recv(4096):
                pass
        with self._lock:
            self._armed = False
        while True:
            try:
                future, outcome = self.items.get_nowait()
            except queue.Empty:
                return
            _settle(future, outcome)

    def close(self) -> None:
        """Stop watching the socket (if the loop is still open) and close both ends."""
        with self._lock:
            if self.closed:
                return
            self.closed = True
        if not self.loop.is_closed():
            with contextlib.suppress(Exception):
                self.loop.remove_reader(self._rsock.fileno())
        self._close_sockets()

    def _close_sockets(self) -> None:
        self._rsock.close()
        self._wsock.close()


def _settle(future: asyncio.Future[Any], outcome: _Outcome) -> None:
    if future.done():  # cancelled by its awaiter meanwhile
        return
    if outcome is None:
        future.cancel()
        return
    ok, value = outcome
    if ok:
        future.set_result(value)
    elif isinstance(value, StopIteration):  # a future cannot carry StopIteration
        future.set_exception(RuntimeError("the call raised StopIteration"))
    else:
        future.set_exception(value)


class Offloader:
    """Runs blocking callables on worker threads and awaits them from the asyncio loop.

    ``executor``: run on this pool instead of one of our own (it is not shut down here).
    """

    def __init__(
        self,
        max_workers: int = 4,
        *,
        thread_name_prefix: str = "offload",
        executor: Executor | None = None,
    ) -> None:
        self._threads: set[threading.Thread] = set()
        self._own_pool = executor is None
        self._pool: Executor = executor or ThreadPoolExecutor(
            max_workers=max_workers,
            thread_name_prefix=thread_name_prefix,
            initializer=self._thread_started,
        )
        self._lock = threading.Lock()
        self._running = 0
        self._channels: dict[asyncio.AbstractEventLoop, _Channel | None] = {}

    # --- state ----------------------------------------------------------------------------

    @property
    def running_jobs(self) -> int:
        """Jobs started on a worker thread and not finished yet."""
        with self._lock:
            return self._running

    @property
    def alive_threads(self) -> int:
        """Threads of our own pool still alive (0 for a pool given to us)."""
        with self._lock:
            return sum(1 for thread in self._threads if thread.is_alive())

    # --- work -----------------------------------------------------------------------------

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args)`` on a worker thread and return (or raise) what it did."""
        result: T = await self.submit(fn, *args)
        return result

    def submit(self, fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        """Start ``fn(*args)`` on a worker thread; call on the loop's thread.

        Cancelling the returned future before the job started cancels the job; a job already
        running goes on, and its outcome is dropped."""
        loop = asyncio.get_running_loop()
        channel = self._channel(loop)
        if channel is None:
            return loop.run_in_executor(self._pool, self._counted, fn, args)
        future: asyncio.Future[T] = loop.create_future()
        job = self._pool.submit(self._work, channel, future, fn, args)

        def on_job_done(done: Future[None]) -> None:  # any thread
            if done.cancelled():
                channel.deliver((future, None))

        def on_future_done(done: asyncio.Future[T]) -> None:  # loop thread
            if done.cancelled():
                job.cancel()

        job.add_done_callback(on_job_done)
        future.add_done_callback(on_future_done)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Shut our own pool down (jobs not started are cancelled with ``cancel_futures``;
        their futures end cancelled). A pool given to us is left alone."""
        if self._own_pool:
            self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)

    def close(self) -> None:
        """Stop watching the wake-up sockets and close them; call on the loop's thread, after
        ``shutdown``. Outcomes of jobs still running are dropped (their futures stay pending);
        a later ``submit`` opens new sockets."""
        channels = [c for c in self._channels.values() if c is not None]
        self._channels.clear()
        for channel in channels:
            channel.close()

    # --- plumbing -------------------------------------------------------------------------

    def _channel(self, loop: asyncio.AbstractEventLoop) -> _Channel | None:
        """The channel to ``loop`` (made on first use); None when the loop has no readers."""
        if loop in self._channels:
            return self._channels[loop]
        for old, channel in list(self._channels.items()):  # loops closed since: forget them
            if old.is_closed():
                del self._channels[old]
                if channel is not None:
                    channel.close()
        try:
            made: _Channel | None = _Channel(loop)
        except NotImplementedError:
            made = None
        self._channels[loop] = made
        return made

    def _thread_started(self) -> None:
        lower_thread_priority()  # HTTP and the database wait behind the window for a core
        with self._lock:
            self._threads = {t for t in self._threads if t.is_alive()}
            self._threads.add(threading.current_thread())

    def _counted(self, fn: Callable[..., T], args: tuple[Any, ...]) -> T:
        with self._lock:
            self._running += 1
        try:
            return fn(*args)
        finally:
            with self._lock:
                self._running -= 1

    def _work(
        self,
        channel: _Channel,
        future: asyncio.Future[Any],
        fn: Callable[..., Any],
        args: tuple[Any, ...],
    ) -> None:
        """Worker thread: run the call and queue its outcome; never touches the loop."""
        outcome: _Outcome
        try:
            outcome = (True, self._counted(fn, args))
        except BaseException as exc:  # noqa: BLE001 - handed to the awaiter as is
            outcome = (False, exc)
        channel.deliver((future, outcome))
