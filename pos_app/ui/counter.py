"""The window's one door to the core: the order engine, the store's caches and the API.

``Counter`` turns engine callbacks and background look-ups into Qt signals that carry small
frozen dataclasses. Background work has one shape: a coroutine on the qasync loop that awaits
``Offloader.run`` on the shared offloader; workers take and return plain values and
never touch widgets. Periodic refreshes are one named, cancellable task.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from pos_app.api import errors as e
from pos_app.api.client import OneClickClient
from pos_app.domain.numbers import LineType
from pos_app.domain.refs import new_ref
from pos_app.domain.sale_states import FINAL_STATES, SaleState
from pos_app.orders import BalanceView, ConnectionView, OrderEngine, OrderView
from pos_app.orders.offload import Offloader
from pos_app.store import CachedProduct, Store
from pos_app.ui import messages

log = logging.getLogger(__name__)
T = TypeVar("T")

NUMBER_CHECK_MAX_AGE = timedelta(days=1)
RECENT_NUMBERS = 50  # offered as completions in the number field


@dataclass(frozen=True, slots=True)
class ProductsView:
    """The card values of one line type, as last known (cache or fresh)."""

    line_type: LineType
    items: tuple[CachedProduct, ...]
    fetched_at: datetime


@dataclass(frozen=True, slots=True)
class LineCheckView:
    """What check-number said about one line (``problem`` set when it failed)."""

    line_type: LineType
    digits: str
    ncli: str | None
    offre: str | None
    problem: str | None
    refused: bool = False  # the server said the line is wrong (not just unreachable)


@dataclass(frozen=True, slots=True)
class KeyView:
    """The account behind the key: sandbox or not, training (demo) or not."""

    username: str
    sandbox: bool
    training: bool
    problem: str | None = None


class Counter(QObject):
    """Bridges the engine and the caches to the screens; owns the refresh task."""

    order_did_change = Signal(object)  # OrderView
    balance_did_refresh = Signal(object)  # BalanceView
    products_did_refresh = Signal(object)  # ProductsView
    connection_did_change = Signal(object)  # ConnectionView
    line_did_check = Signal(object)  # LineCheckView
    key_did_validate = Signal(object)  # KeyView
    recent_numbers_did_change = Signal(object)  # tuple[str, ...], newest first

    def __init__(
        self,
        store: Store,
        client: OneClickClient,
        engine: OrderEngine,
        executor: Offloader,
        *,
        training: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.client = client
        self.engine = engine
        self.training = training
        self._executor = executor
        self._tasks: set[asyncio.Task[Any]] = set()
        self._refresher: asyncio.Task[None] | None = None
        self._reachable = True
        self._engine_connection = ConnectionView(online=True, waiting=0, oldest_waiting=None)
        self._stopped = False
        self._rng = random.Random()
        engine.subscribe(self._on_engine)

    # --- life -----------------------------------------------------------------------------

    async def start(self) -> None:
        """Show what the caches hold at once, start the engine, then refresh in background."""
        await self._emit_cached()
        await self._emit_recent_numbers()
        await self.engine.start()
        for sale in await self._call(self.store.unresolved):
            self.order_did_change.emit(OrderView.of(sale))
        await self._publish_connection()
        self._refresher = asyncio.create_task(self._refresh_loop(), name="ui-refresh")
        self._refresher.add_done_callback(self._task_done)  # it must never die silently
        self.spawn(self._validate_key())

    async def stop(self, timeout: float = 5.0) -> None:
        """Cancel look-ups and refreshes, then stop the engine (its running steps get
        ``timeout`` seconds)."""
        if self._stopped:
            return
        self._stopped = True
        tasks = [t for t in (self._refresher, *self._tasks) if t is not None]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await self.engine.stop(timeout)

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        """Run ``coro`` on the loop, owned by the counter (cancelled at stop)."""
        if self._stopped:
            coro.close()
            return
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Future[Any]) -> None:
        """A failed background task is reported now (the loop's exception handler: logged
        and shown as one line), not when the garbage collector finds it."""
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            task.get_loop().call_exception_handler(
                {"message": "a background task of the window failed", "exception": error,
                 "future": task}
            )

    # --- sales ----------------------------------------------------------------------------

    def new_ref(self) -> str:
        """A fresh ref, made when the summary opens: placing it twice is refused."""
        return new_ref(self.engine.counter_id, datetime.now(UTC), self._rng)

    async def place(
        self, kind: LineType, digits: str, value: int, ref: str, price: int
    ) -> OrderView:
        """Record the sale; raises ``SaleRefusedError`` with a reason for the UI."""
        view = await self.engine.place(kind, digits, value, ref=ref, price=price)
        self.spawn(self._emit_recent_numbers())
        return view

    async def _emit_recent_numbers(self) -> None:
        numbers = await self._call(self.store.recent_numbers, RECENT_NUMBERS)
        self.recent_numbers_did_change.emit(tuple(numbers))

    # --- look-ups -------------------------------------------------------------------------

    def check_line(self, kind: LineType, digits: str) -> None:
        """Ask check-number in the background (cache first); answers via line_did_check."""
        self.spawn(self._check_line(kind, digits))

    async def _check_line(self, kind: LineType, digits: str) -> None:
        cached = await self._call(self.store.cached_number_check, kind, digits)
        if cached is not None and datetime.now(UTC) - cached.fetched_at < NUMBER_CHECK_MAX_AGE:
            problem = messages.for_code(cached.error_code) if cached.error_code else None
            self.line_did_check.emit(
                LineCheckView(
                    kind, digits, cached.ncli, cached.offre, problem, refused=problem is not None
                )
            )
            return
        try:
            info = await self._call(self.client.check_number, kind, digits)
        except e.RefusedError as exc:
            code = exc.server_code or type(exc).__name__
            await self._call(
                self.store.save_number_check, kind, digits, None, None, code, datetime.now(UTC)
            )
            self.line_did_check.emit(
                LineCheckView(kind, digits, None, None, messages.for_error(exc), refused=True)
            )
            return
        except e.ApiError as exc:
            self._set_reachable(not isinstance(exc, e.NetworkError))
            self.line_did_check.emit(
                LineCheckView(kind, digits, None, None, messages.line_not_checked(exc))
            )
            return
        await self._call(
            self.store.save_number_check,
            kind,
            digits,
            info.ncli,
            info.offre,
            None,
            datetime.now(UTC),
        )
        self.line_did_check.emit(LineCheckView(kind, digits, info.ncli, info.offre, None))

    def refresh_now(self) -> None:
        """F5: products and balance now."""
        self.spawn(self.refresh())

    async def refresh(self, *, products: bool = True) -> bool:
        """Products (unless told not to) and balance from the server; True when all came.

        A failure is checked with a ping: only a network failure shows the window offline
        (a refused key, say, is not a lost connection).
        """
        products_ok = True
        if products:
            products_ok = await self.engine.refresh_products()
            await self._emit_cached(balance=False)
        balance = await self.engine.refresh_balance()  # emits through _on_engine
        ok = products_ok and balance is not None
        if ok:
            self._set_reachable(True)
        else:
            try:
                await self._call(self.client.ping)
            except e.NetworkError:
                self._set_reachable(False)
            except e.ApiError:
                self._set_reachable(True)
            else:
                self._set_reachable(True)
        return ok

    async def _refresh_loop(self) -> None:
        """The balance every ``balance_refresh``, the products every ``products_refresh``;
        after a failure, again soon (backing off to ``offline_probe_max``)."""
        s = self.engine.settings
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
        try:
            key = await self._call(self.client.validate)
        except e.ApiError as exc:
            if isinstance(exc, e.NetworkError):
                self._set_reachable(False)
            self.key_did_validate.emit(KeyView("", False, self.training, messages.for_error(exc)))
            return
        self.key_did_validate.emit(KeyView(key.username, key.is_sandbox, self.training))

    async def _emit_cached(self, *, balance: bool = True) -> None:
        for kind in LineType:
            products = await self._call(self.store.cached_products, kind)
            if products is not None:
                self.products_did_refresh.emit(
                    ProductsView(kind, products.items, products.fetched_at)
                )
        if balance:
            cached = await self._call(self.store.cached_balance)
            if cached is not None:
                self.balance_did_refresh.emit(BalanceView(cached.amount, cached.fetched_at))

    # --- engine events (on the loop thread) -------------------------------------------------

    def _on_engine(self, view: object) -> None:
        if isinstance(view, OrderView):
            self.order_did_change.emit(view)
            if view.state in FINAL_STATES:
                self.spawn(self._emit_cached(balance=False))  # stock may have changed
            if view.state is SaleState.REJECTED:
                self.spawn(self._emit_recent_numbers())  # a wrong line is offered no more
        elif isinstance(view, BalanceView):
            self.balance_did_refresh.emit(view)
        elif isinstance(view, ConnectionView):
            self._engine_connection = view
            if view.online:
                self._reachable = True
            self.connection_did_change.emit(self.connection())

    def connection(self) -> ConnectionView:
        """The engine's view, offline as well when the window's own look-ups fail."""
        c = self._engine_connection
        return ConnectionView(
            online=c.online and self._reachable,
            waiting=c.waiting,
            oldest_waiting=c.oldest_waiting,
            auth_problem=c.auth_problem,
        )

    def _set_reachable(self, reachable: bool) -> None:
        if reachable != self._reachable:
            self._reachable = reachable
            self.spawn(self._publish_connection())

    async def _publish_connection(self) -> None:
        totals = await self._call(self.store.waiting_totals)
        c = self._engine_connection
        self._engine_connection = ConnectionView(
            online=self.engine.online,
            waiting=totals.count,
            oldest_waiting=totals.oldest_created_at,
            auth_problem=c.auth_problem,
        )
        self.connection_did_change.emit(self.connection())

    async def _call(self, fn: Callable[..., T], *args: Any) -> T:
        return await self._executor.run(fn, *args)
