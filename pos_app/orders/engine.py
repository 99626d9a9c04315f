"""The order engine: asyncio orchestration of the blocking steps in ``steps``.

One scheduler task (named, cancellable) looks at the unresolved sales, starts the steps that
are due (``schedule.plan``, a pure function, decides which) on worker threads (an
``Offloader``: results come back through a queue and a socket wake-up, never
``call_soon_threadsafe``) and sleeps until the next due time or until something wakes it.
Sends drain oldest first with at most ``max_sends_in_flight`` in flight and a jittered gap;
while the API cannot be reached, a probe pings it with capped, jittered backoff and nothing
else is tried.

The engine is the one owner of the core state every front end shows: the sales, the
catalogue and the balance (cached, refreshed by one named task when ``start(refresh=True)``
asks for it), the number-check cache, reachability (online, the probe) and the key's state
(validated once at start; a refused key is never sent again). It mints sale refs.

It emits ``EngineEvent`` values (small frozen views: ``OrderView``, ``BalanceView``,
``ProductsView``, ``ConnectionView``, ``KeyView``) to its listeners, always on the event
loop's thread. The clock, the randomness, the HTTP client (and so its session) and the
executor are injected.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import random
import time
from collections.abc import Callable
from concurrent.futures import Executor
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from pos_app.api import errors
from pos_app.api.client import OneClickClient
from pos_app.domain.money import can_afford
from pos_app.domain.numbers import LineType, check_number
from pos_app.domain.refs import is_valid_ref, new_ref
from pos_app.domain.sale_states import SaleState
from pos_app.orders import schedule, steps
from pos_app.orders.crash import crashpoint
from pos_app.orders.offload import Offloader
from pos_app.orders.settings import EngineSettings
from pos_app.orders.views import (
    BalanceView,
    ConnectionView,
    EngineEvent,
    KeyView,
    LineCheckView,
    OrderView,
    ProductsView,
)
from pos_app.store import DuplicateSaleError, NewSale, SaleRecord, StaleStateError, Store

log = logging.getLogger(__name__)
T = TypeVar("T")
Listener = Callable[[EngineEvent], None]

NUMBER_CHECK_MAX_AGE = timedelta(days=1)  # a check-number answer (found or refused) is reused
# The steps that take one sale's ref (a poll takes several, and how many are in flight).
_SINGLE_SALE_STEPS: dict[schedule.StepKind, Callable[..., steps.StepResult]] = {
    schedule.StepKind.SEND: steps.send,
    schedule.StepKind.ORPHANED: steps.orphaned,
    schedule.StepKind.RESOLVE: steps.resolve,
}


def utc_now() -> datetime:
    return datetime.now(UTC)


def _steady_seconds() -> float:
    """Seconds of a clock that never goes back and, where the OS has one, keeps counting
    through a suspend (Linux CLOCK_BOOTTIME; Windows' monotonic clock already does)."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        return time.clock_gettime(boottime)
    return time.monotonic()


class SteadyClock:
    """UTC time that moves with a monotonic clock: anchored at the wall time when it is made,
    it does not jump when the PC's clock is set back or forward (rule 13), so a schedule
    made within a process is kept within it. Stored times are sanity-checked at start."""

    def __init__(
        self, wall: Callable[[], datetime] = utc_now, steady: Callable[[], float] = _steady_seconds
    ) -> None:
        self._steady = steady
        self._anchor_wall = wall()
        self._anchor_steady = steady()

    def __call__(self) -> datetime:
        return self._anchor_wall + timedelta(seconds=self._steady() - self._anchor_steady)


async def wait_event(event: asyncio.Event, timeout: float) -> bool:
    """Wait until ``event`` is set or ``timeout`` seconds pass; True when it was set.

    A timer sets the event instead of ``asyncio.wait_for``, which on Python 3.11 can leave a
    cancelled waiter hanging and so block a clean shutdown.
    """
    fired = False

    def expire() -> None:
        nonlocal fired
        fired = True
        event.set()

    timer = asyncio.get_running_loop().call_later(max(0.0, timeout), expire)
    try:
        await event.wait()
        return not fired
    finally:
        timer.cancel()


class SaleRefusedError(Exception):
    """A sale refused before it was recorded; ``reason`` is a stable code for the UI."""

    def __init__(
        self, reason: str, message: str, *, stale: bool = False, cost: int | None = None
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.stale = stale  # taken from a cache past its freshness limit: not a verdict yet
        self.cost = cost


class OrderEngine:
    """Places sales and follows them until final, surviving network loss and restarts."""

    def __init__(
        self,
        store: Store,
        client: OneClickClient,
        *,
        settings: EngineSettings = EngineSettings(),  # noqa: B008 - frozen
        now: Callable[[], datetime] | None = None,
        rng: random.Random | None = None,
        executor: Offloader | Executor | None = None,
        counter_id: str = "POS",
        cashier: str = "",
        training: bool = False,
    ) -> None:
        self.store = store
        self.client = client
        self.settings = settings.scaled()
        self._now = now or SteadyClock()
        self._rng = rng or random.Random()
        # An Offloader given is the caller's; a plain Executor is wrapped (its pool stays the
        # caller's); without either, the engine has its own pool.
        self._own_executor = not isinstance(executor, Offloader)
        self._executor = (
            executor
            if isinstance(executor, Offloader)
            else Offloader(4, thread_name_prefix="orders", executor=executor)
        )
        self.counter_id = counter_id
        self.cashier = cashier
        self.training = training  # demo mode: shown on the key's view
        self._key: KeyView | None = None
        self._refresher: asyncio.Task[None] | None = None
        self._listeners: list[Listener] = []
        self._busy: set[str] = set()
        self._sends_in_flight = 0
        self._polling = False
        self._online = True
        self._auth_error: errors.AuthError | None = None
        self._next_send_at = schedule.NEVER
        self._next_list_at = schedule.NEVER
        self._wake: asyncio.Event | None = None
        self._scheduler: asyncio.Task[None] | None = None
        self._probe: asyncio.Task[None] | None = None
        self._aux: set[asyncio.Task[Any]] = set()
        self._steps: set[asyncio.Future[Any]] = set()
        self._balance_dirty = False
        self._stopping = False  # set by stop(): steps ending later start nothing new
        # Rule 13: a step that raised backs off per ref (failures in a row, due again at);
        # each distinct error is logged once with its traceback.
        self._failures: dict[str, tuple[int, datetime]] = {}
        self._logged_errors: set[tuple[str, str]] = set()
        self._loop_failures = 0

    # --- public ---------------------------------------------------------------------------

    @property
    def online(self) -> bool:
        return self._online

    @property
    def auth_error(self) -> errors.AuthError | None:
        return self._auth_error

    @property
    def key(self) -> KeyView | None:
        """The key's state as last validated (None before the first answer)."""
        return self._key

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def new_ref(self) -> str:
        """A fresh ref for this counter (made when a summary opens: placing it twice is
        refused)."""
        return new_ref(self.counter_id, self._now(), self._rng)

    async def start(self, *, refresh: bool = False) -> None:
        """Recover sales caught mid-send, then start scheduling. ``refresh`` (a window):
        first show what the caches hold, then every unresolved sale and the connection; keep
        the catalogue and the balance fresh (one named task) and validate the key once."""
        self._wake = asyncio.Event()
        if refresh:
            await self._emit_cached()
        for sale in await self._call(steps.recover, self.store, self._now, self.settings):
            self._emit(OrderView.of(sale))
        self._scheduler = asyncio.create_task(self._schedule_loop(), name="order-scheduler")
        if not refresh:
            return
        for sale in await self._call(self.store.unresolved):
            self._emit(OrderView.of(sale))
        await self._publish_connection()
        self._refresher = asyncio.create_task(self._refresh_loop(), name="engine-refresh")
        self._refresher.add_done_callback(report_task_failure)  # it must never die silently
        self._spawn_aux(self._validate_key())

    async def stop(self, timeout: float = 5.0) -> None:
        """Stop scheduling and wait (bounded) for the steps already running; steps queued
        but not started are cancelled (a running one cannot be: its sale is recovered at the
        next start if it never ends)."""
        self._stopping = True
        tasks = (self._scheduler, self._refresher, self._probe, *self._aux)
        for task in tasks:
            if task is not None:
                task.cancel()
        for task in tasks:
            if task is not None:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        if self._steps:
            await asyncio.wait(set(self._steps), timeout=timeout)
        for future in list(self._steps):
            future.cancel()  # not started yet: it never will be; running: no effect
        if self._own_executor:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor.close()

    async def place(
        self,
        line_type: LineType,
        number: str,
        value: int,
        *,
        ref: str | None = None,
        price: int | None = None,
    ) -> OrderView:
        """Record a confirmed sale (WAITING) and let the scheduler send it.

        Raises SaleRefusedError, before anything is written, for a wrong number, a value not
        offered or out of stock, a cost above the known balance, or a full offline queue.
        """
        cashier = self.cashier  # read before any await: the counter may switch people
        kind = LineType(line_type)
        verdict = check_number(number, forced=kind)
        if not verdict.is_valid:
            raise SaleRefusedError("number", f"invalid {kind.value} number: {verdict.problem}")
        cost = await self._checked_cost(kind, value)
        await self._call(self._check_caps, value)
        now = self._now()
        if ref is None:
            ref = new_ref(self.counter_id, now, self._rng)
        elif not is_valid_ref(ref):
            raise SaleRefusedError("ref", "a ref is 1-40 characters of A-Z, a-z, 0-9 and '-'")
        new = NewSale(
            ref=ref,
            line_type=kind,
            number=verdict.digits,
            face_value=value,
            cost=cost,
            price=price if price is not None else value,
            cashier=cashier,
            counter=self.counter_id,
        )
        try:
            sale = await self._call(self.store.add_sale, new)
        except DuplicateSaleError:
            raise SaleRefusedError("ref", f"a sale with ref {ref} already exists") from None
        crashpoint("after_commit_waiting")
        view = OrderView.of(sale)
        self._emit(view)
        self._emit_connection()  # one more sale waiting to be sent
        self._poke()
        return view

    async def cancel(self, ref: str) -> OrderView:
        """Withdraw a sale that never left the machine (WAITING, never sent)."""
        sale = await self._call(self.store.get, ref)
        if sale is None or sale.state is not SaleState.WAITING or sale.send_attempts > 0:
            raise SaleRefusedError("cancel", "only a sale that was never sent can be cancelled")
        try:
            sale = await self._call(
                self.store.transition, ref, SaleState.WAITING, SaleState.CANCELLED, "cancelled"
            )
        except StaleStateError:
            raise SaleRefusedError(
                "cancel", "the sale is being sent; it cannot be cancelled"
            ) from None
        self._emit(OrderView.of(sale))
        self._emit_connection()
        return OrderView.of(sale)

    def wake(self) -> None:
        """Look at the sales again now (e.g. after a settings change). A key the server
        refused stays refused until it changes (rule 14): nothing is tried with it."""
        if self._key_refusal() is None:
            self._auth_error = None
        self._poke()

    def _key_refusal(self) -> errors.AuthError | None:
        return getattr(self.client, "key_refusal", None)

    async def recent_numbers(self, limit: int) -> tuple[str, ...]:
        """The numbers of the latest sales (newest first), offered as completions."""
        return tuple(await self._call(self.store.recent_numbers, limit))

    # --- look-ups -------------------------------------------------------------------------

    async def check_line(self, kind: LineType, digits: str) -> LineCheckView:
        """check-number for one line, from the cache while it is fresh. A found line and a
        refused line are cached; an unanswered check is not (asked again next time)."""
        cached = await self._call(self.store.cached_number_check, kind, digits)
        if cached is not None and self._is_fresh(
            cached.fetched_at, NUMBER_CHECK_MAX_AGE.total_seconds()
        ):
            return LineCheckView(
                kind,
                digits,
                cached.ncli,
                cached.offre,
                cached.error_code,
                refused=cached.error_code is not None,
            )
        try:
            info = await self._call(self.client.check_number, kind, digits)
        except errors.RefusedError as exc:
            code = exc.server_code or type(exc).__name__
            await self._call(
                self.store.save_number_check, kind, digits, None, None, code, self._now()
            )
            return LineCheckView(kind, digits, None, None, code, refused=True, error=exc)
        except errors.ApiError as exc:
            self._note_reachable(not isinstance(exc, errors.NetworkError))
            return LineCheckView(
                kind, digits, None, None, exc.server_code or type(exc).__name__, error=exc
            )
        self._note_reachable(True)
        await self._call(
            self.store.save_number_check, kind, digits, info.ncli, info.offre, None, self._now()
        )
        return LineCheckView(kind, digits, info.ncli, info.offre, None)

    # --- checks before recording a sale ---------------------------------------------------

    async def _checked_cost(self, kind: LineType, value: int) -> int | None:
        """The card's cost from the catalogue, or a refusal. A refusal read from a cache past
        its freshness limit never decides alone: the cache is refreshed first and, if the
        server cannot be asked, the sale is recorded and the server decides."""
        try:
            return await self._call(self._check_catalogue, kind, value)
        except SaleRefusedError as refusal:
            if not refusal.stale:
                raise
            if refusal.reason == "balance":
                await self._refresh_balance()
            else:
                await self._refresh_products()
        try:
            return await self._call(self._check_catalogue, kind, value)
        except SaleRefusedError as refusal:
            if not refusal.stale:
                raise
            log.info(
                "%s refusal from a stale cache and no fresh answer: the server decides",
                refusal.reason,
            )
            return refusal.cost

    def _is_fresh(self, fetched_at: datetime, limit: float) -> bool:
        age = (self._now() - fetched_at).total_seconds()
        return 0 <= age <= limit

    def _check_catalogue(self, kind: LineType, value: int) -> int | None:
        products = self.store.cached_products(kind)
        if products is None:
            return None  # no catalogue yet: the server decides
        stale = not self._is_fresh(products.fetched_at, self.settings.products_refresh)
        item = next((p for p in products.items if p.value == value), None)
        if item is None:
            raise SaleRefusedError(
                "value", f"{value} DA is not a {kind.value} card value", stale=stale
            )
        if not item.available:
            raise SaleRefusedError(
                "stock",
                f"{value} DA {kind.value} cards are out of stock",
                stale=stale,
                cost=item.cost,
            )
        balance = self.store.cached_balance()
        if balance is not None and not can_afford(balance.amount, item.cost):
            raise SaleRefusedError(
                "balance",
                "the account balance is too low for this card",
                cost=item.cost,
                stale=not self._is_fresh(balance.fetched_at, self.settings.balance_refresh),
            )
        return item.cost

    def _check_caps(self, value: int) -> None:
        """Sales not yet known to the server (waiting, or being sent right now) are capped."""
        pending = self.store.by_state(SaleState.WAITING, SaleState.SENDING)
        s = self.settings
        if len(pending) >= s.cap_waiting_count:
            raise SaleRefusedError(
                "cap_count", f"{len(pending)} sales are already waiting to be sent"
            )
        dinars = sum(p.face_value for p in pending)
        if dinars + value > s.cap_waiting_dinars:
            raise SaleRefusedError("cap_dinars", f"{dinars} DA are already waiting to be sent")
        # Ages of stored times are measured on the store's own clock (the one that wrote them).
        age = (self.store.now() - pending[0].created_at).total_seconds() if pending else 0.0
        if age > s.cap_waiting_age:
            raise SaleRefusedError("cap_age", "a sale has been waiting to be sent for too long")

    # --- scheduling -----------------------------------------------------------------------

    def _poke(self) -> None:
        if self._wake is not None:
            self._wake.set()

    async def _schedule_loop(self) -> None:
        assert self._wake is not None
        while True:
            self._wake.clear()
            try:
                sales = await self._call(self.store.unresolved)
                delay = self._dispatch(sales)
                self._loop_failures = 0
            except Exception as exc:  # noqa: BLE001 - logged once, with its traceback
                self._loop_failures += 1
                self._log_failure("order scheduler", exc)
                delay = self._step_backoff(self._loop_failures)
            try:
                await wait_event(self._wake, delay)
            except Exception:
                log.exception("order scheduler could not wait; retrying")
                await asyncio.sleep(1.0)

    def _dispatch(self, sales: list[SaleRecord]) -> float:
        """Start every step that is due (``schedule.plan`` decides); return seconds until the
        next one."""
        if self._online:
            self._check_key()
        low, high = self.settings.send_pacing
        plan = schedule.plan(
            sales,
            self._now(),
            self.settings,
            self._state(),
            pacing=lambda: self._rng.uniform(low, high),
        )
        self._next_send_at = plan.next_send_at
        self._next_list_at = plan.next_list_at
        if plan.probe:
            self._ensure_probe()
            return plan.sleep
        for step in plan.steps:
            self._start(step)
        if self._balance_dirty:
            self._balance_dirty = False
            self._spawn_aux(self._refresh_balance())
        return plan.sleep

    def _state(self) -> schedule.EngineState:
        """What the planner needs to know of the engine, as plain values."""
        return schedule.EngineState(
            busy=frozenset(self._busy),
            sends_in_flight=self._sends_in_flight,
            polling=self._polling,
            online=self._online,
            key_refused=self._auth_error is not None,
            next_send_at=self._next_send_at,
            next_list_at=self._next_list_at,
            held_until={ref: until for ref, (_, until) in self._failures.items()},
        )

    def _check_key(self) -> None:
        """Follow the client's view of the key: refused on another path (a refresh), or sent
        again (an IP block passed, or the key changed)."""
        refusal = self._key_refusal()
        if self._auth_error is None and refusal is not None:
            self._auth_error = refusal
            self._emit_connection()
        elif (
            self._auth_error is not None and refusal is None and hasattr(self.client, "key_refusal")
        ):
            self._auth_error = None
            self._emit_connection()

    def _start(self, planned: schedule.PlannedStep) -> None:
        """Run one planned step on a worker thread; its result is absorbed on the loop."""
        kind, refs = planned.kind, list(planned.refs)
        step: Callable[..., steps.StepResult]
        if kind is schedule.StepKind.POLL:
            step = functools.partial(steps.poll, in_flight=planned.in_flight)
        else:
            step = _SINGLE_SALE_STEPS[kind]
        if kind is schedule.StepKind.SEND:
            self._sends_in_flight += 1
        if kind is schedule.StepKind.POLL:
            self._polling = True
        self._busy.update(refs)
        args: tuple[Any, ...] = (refs,) if kind is schedule.StepKind.POLL else (refs[0],)
        call = functools.partial(step, self.store, self.client, *args, self._now, self.settings)
        future = self._executor.submit(call)
        self._steps.add(future)

        def done(fut: asyncio.Future[steps.StepResult]) -> None:
            self._steps.discard(fut)
            self._busy.difference_update(refs)
            if kind is schedule.StepKind.SEND:
                self._sends_in_flight -= 1
            if kind is schedule.StepKind.POLL:
                self._polling = False
            if fut.cancelled():
                return
            exc = fut.exception()
            if exc is not None:
                self._back_off(refs, exc)
            else:
                for ref in refs:
                    self._failures.pop(ref, None)
                self._absorb(fut.result())
            self._poke()

        future.add_done_callback(done)

    # --- a step that raised: back off, log once -------------------------------------------

    def _step_backoff(self, failures: int) -> float:
        low, high = self.settings.step_backoff_min, self.settings.step_backoff_max
        doublings = min(max(0, failures - 1), 30)  # no float overflow after a long outage
        return min(high, low * 2.0**doublings) * self._rng.uniform(0.8, 1.0)

    def _back_off(self, refs: list[str], exc: BaseException) -> None:
        self._log_failure(f"order step for {', '.join(refs)}", exc)
        now = self._now()
        for ref in refs:
            count = self._failures.get(ref, (0, now))[0] + 1
            self._failures[ref] = (count, now + timedelta(seconds=self._step_backoff(count)))

    def _log_failure(self, what: str, exc: BaseException) -> None:
        """The first time an error is seen: its traceback; after that, a debug line. Never
        the exception's repr (it could hold a header value)."""
        signature = (type(exc).__name__, str(exc)[:200])
        if signature in self._logged_errors:
            log.debug("%s failed again (%s); backing off", what, type(exc).__name__)
            return
        self._logged_errors.add(signature)
        log.error("%s failed (%s); backing off", what, type(exc).__name__, exc_info=exc)

    def _absorb(self, result: steps.StepResult) -> None:
        for sale in result.changed:
            self._emit(OrderView.of(sale))
        if result.auth_failed is not None and self._auth_error is None:
            self._auth_error = result.auth_failed
        if result.offline and self._online:
            self._online = False
            self._ensure_probe()
        elif result.online and not self._online:
            self._online = True
        if result.final:
            self._balance_dirty = True
        if result.stock_changed:
            self._spawn_aux(self._refresh_products())
        if result.changed or result.offline or result.auth_failed:
            self._emit_connection()

    # --- connectivity, balance, products --------------------------------------------------

    def _ensure_probe(self) -> None:
        if self._stopping:
            return
        if self._probe is None or self._probe.done():
            self._probe = asyncio.create_task(self._probe_loop(), name="api-probe")

    async def _probe_loop(self) -> None:
        delay = self.settings.offline_probe_min
        while not self._online:
            await asyncio.sleep(delay * self._rng.uniform(0.8, 1.2))
            if self._online:
                return  # another answer came meanwhile
            try:
                await self._call(self.client.ping)
            except errors.AuthError:
                pass  # reachable; the key's problem is shown on its own
            except errors.ApiError as exc:
                log.info("API still unreachable (%s)", type(exc).__name__)
                delay = min(self.settings.offline_probe_max, delay * 2)
                continue
            self._note_reachable(True)

    def _note_reachable(self, reachable: bool) -> None:
        """What a look-up (refresh, check-number, key) learnt about the network: offline
        starts the probe; online again wakes the scheduler. Shown when it changes."""
        if reachable == self._online:
            return
        self._online = reachable
        if reachable:
            self._poke()
        else:
            self._ensure_probe()
        self._emit_connection()

    async def refresh(self, *, products: bool = True) -> bool:
        """Products (unless told not to) and balance from the server; True when all came.
        A failure is checked with a ping: only a network failure makes the engine offline
        (a refused key, say, is not a lost connection)."""
        products_ok = await self._refresh_products() if products else True
        balance = await self._refresh_balance()
        ok = products_ok and balance is not None
        if ok:
            self._note_reachable(True)
            return ok
        try:
            await self._call(self.client.ping)
        except errors.NetworkError:
            self._note_reachable(False)
        except errors.ApiError:
            self._note_reachable(True)
        else:
            self._note_reachable(True)
        return ok

    async def _refresh_loop(self) -> None:
        """The balance every ``balance_refresh``, the products every ``products_refresh``;
        after a failure, again soon (backing off to ``offline_probe_max``)."""
        s = self.settings
        loop = asyncio.get_running_loop()
        products_due = 0.0
        retry = s.offline_probe_min
        while True:
            want_products = loop.time() >= products_due
            ok = await self.refresh(products=want_products)
            if ok:
                if want_products:
                    products_due = loop.time() + s.products_refresh
                retry = s.offline_probe_min
                await asyncio.sleep(s.balance_refresh)
            else:
                await asyncio.sleep(retry)
                retry = min(s.offline_probe_max, retry * 2)

    async def _validate_key(self) -> None:
        """Validate the key once; a refusal is remembered (nothing is sent with it again)."""
        try:
            info = await self._call(self.client.validate)
        except errors.ApiError as exc:
            if isinstance(exc, errors.NetworkError):
                self._note_reachable(False)
            if isinstance(exc, errors.AuthError) and self._auth_error is None:
                self._auth_error = exc
                self._emit_connection()
            self._key = KeyView(
                "", False, self.training, exc.server_code or type(exc).__name__, error=exc
            )
        else:
            self._key = KeyView(info.username, info.is_sandbox, self.training)
        self._emit(self._key)

    async def _emit_cached(self) -> None:
        """What the caches hold, at once (before any request)."""
        for kind in LineType:
            products = await self._call(self.store.cached_products, kind)
            if products is not None:
                self._emit(ProductsView(kind, products.items, products.fetched_at))
        cached = await self._call(self.store.cached_balance)
        if cached is not None:
            self._emit(BalanceView(cached.amount, cached.fetched_at))

    async def refresh_balance(self) -> BalanceView | None:
        return await self._refresh_balance()

    async def _refresh_balance(self) -> BalanceView | None:
        try:
            balance = await self._call(self.client.balance)
        except errors.ApiError as exc:
            log.info("balance refresh failed (%s)", type(exc).__name__)
            return None
        fetched = self._now()
        await self._call(self.store.save_balance, balance.amount, fetched)
        view = BalanceView(balance.amount, fetched)
        self._emit(view)
        return view

    async def refresh_products(self) -> bool:
        return await self._refresh_products()

    async def _refresh_products(self) -> bool:
        ok = True
        for kind in LineType:
            try:
                products = await self._call(self.client.products, kind)
            except errors.ApiError as exc:
                log.info("products refresh failed (%s)", type(exc).__name__)
                ok = False
                continue
            fetched = self._now()
            await self._call(
                self.store.save_products,
                kind,
                [(p.value, p.cost, p.available) for p in products.products],
                fetched,
            )
            saved = await self._call(self.store.cached_products, kind)
            if saved is not None:
                self._emit(ProductsView(kind, saved.items, saved.fetched_at))
        return ok

    def _spawn_aux(self, coro: Any) -> None:
        if self._stopping:  # a step that ended during stop(): the pool may be gone
            coro.close()
            return
        task = asyncio.ensure_future(coro)
        self._aux.add(task)
        task.add_done_callback(self._aux.discard)

    # --- plumbing -------------------------------------------------------------------------

    def _emit(self, view: EngineEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(view)
            except Exception:
                log.exception("order listener failed")

    def _emit_connection(self) -> None:
        self._spawn_aux(self._publish_connection())

    async def _publish_connection(self) -> None:
        totals = await self._call(self.store.waiting_totals)
        self._emit(
            ConnectionView(
                online=self._online,
                waiting=totals.count,
                oldest_waiting=totals.oldest_created_at,
                auth_problem=type(self._auth_error).__name__ if self._auth_error else None,
            )
        )

    async def _call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a blocking call (HTTP or database) on a worker thread, never on the loop."""
        return await self._executor.run(fn, *args)


def report_task_failure(task: asyncio.Future[Any], owner: str = "engine") -> None:
    """A background task that failed is reported now (the loop's exception handler: logged,
    and in the window shown as one line), not when the garbage collector finds it."""
    if task.cancelled():
        return
    error = task.exception()
    if error is not None:
        task.get_loop().call_exception_handler(
            {
                "message": f"a background task of the {owner} failed",
                "exception": error,
                "future": task,
            }
        )
