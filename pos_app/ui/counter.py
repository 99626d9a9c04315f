"""The window's one door to the core: a thin adapter over the order engine.

The engine (Qt-free) owns every piece of state the screens show: sales, catalogue, balance,
number checks, reachability and the key. ``EngineSignals`` turns its events into Qt signals
and forwards the screens' requests (place, check a line, refresh now, cancel) to it. It can
exist before the engine (the window paints first, :mod:`pos_app.ui.app`): until
:meth:`EngineSignals.attach` it is not ``ready``, a line check or a refresh does nothing, and
no sale can be placed (the sale screen does not open its summary). It keeps no
cache, runs no refresh loop and mints no ref. Background work is a coroutine on the qasync
loop, owned by the counter (cancelled at stop).
"""

from __future__ import annotations

import contextlib
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.lazy_names import lazy_names
from pos_app.orders.views import BalanceView, ProductsView
from pos_app.ui import messages

if TYPE_CHECKING:  # the engine (requests, peewee) and asyncio load after the first paint
    import asyncio

    from pos_app.orders import OrderEngine
    from pos_app.orders.event_views import (  # and these views (pos_app.orders.views)
        ConnectionView,
        EngineEvent,
        KeyView,
        LineCheckView,
        OrderView,
    )

# Re-exported: the screens import the views they show from here.
__all__ = [
    "BalanceView",
    "ConnectionView",
    "EngineSignals",
    "KeyView",
    "LineCheckView",
    "OrderView",
    "ProductsView",
    "problem_text",
]

RECENT_NUMBERS = 50  # offered as completions in the number field


def problem_text(view: LineCheckView | KeyView) -> str | None:
    """The translated sentence for a view's problem (None when there is none)."""
    from pos_app.orders.event_views import LineCheckView

    if view.problem is None:
        return None
    if isinstance(view, LineCheckView) and not view.refused:
        if view.error is not None:
            return messages.line_not_checked(view.error)
        return messages.for_code(view.problem)
    return messages.for_error(view.error) if view.error else messages.for_code(view.problem)


class EngineSignals(QObject):
    """Engine events -> Qt signals, and the screens' requests -> the engine."""

    order_did_change = Signal(object)
    """An ``OrderView``: one sale changed (or is shown at start)."""
    balance_did_refresh = Signal(object)
    """A ``BalanceView``: the account balance, cached or fresh."""
    products_did_refresh = Signal(object)
    """A ``ProductsView``: the card values of one line type, cached or fresh."""
    connection_did_change = Signal(object)
    """A ``ConnectionView``: online or not, the key refused or not, sales waiting."""
    line_did_check = Signal(object)
    """A ``LineCheckView``: what check-number said about the line being typed."""
    key_did_validate = Signal(object)
    """A ``KeyView``: the account behind the key (sandbox, training) or its problem."""
    recent_numbers_did_change = Signal(object)
    """A ``tuple[str, ...]``: the latest sales' numbers, newest first."""
    engine_did_attach = Signal()
    """The engine is there: requests are served from now on (``ready``)."""

    def __init__(self, engine: OrderEngine | None = None, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine: OrderEngine | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._stopped = False
        if engine is not None:
            self.attach(engine)

    def attach(self, engine: OrderEngine) -> None:
        """Serve the screens with ``engine`` from now on (once)."""
        if self._engine is not None:
            raise RuntimeError("the counter already has its engine")
        self._engine = engine
        engine.subscribe(self._on_engine)
        self.engine_did_attach.emit()

    @property
    def ready(self) -> bool:
        """True once the engine is attached: before, no sale can be placed."""
        return self._engine is not None

    @property
    def engine(self) -> OrderEngine:
        if self._engine is None:
            raise RuntimeError("the engine is not started yet")
        return self._engine

    @property
    def training(self) -> bool:
        return self.engine.training

    # --- life -----------------------------------------------------------------------------

    async def start(self) -> None:
        """Show the recent numbers, then start the engine with its refreshes."""
        await self._emit_recent_numbers()
        await self.engine.start(refresh=True)

    async def stop(self, timeout: float = 5.0) -> None:
        """Cancel the counter's tasks, then stop the engine (its running steps get
        ``timeout`` seconds)."""
        if self._stopped:
            return
        self._stopped = True
        import asyncio

        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._engine is not None:
            await self._engine.stop(timeout)

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        """Run ``coro`` on the loop, owned by the counter (cancelled at stop)."""
        if self._stopped:
            coro.close()
            return
        import asyncio

        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Future[Any]) -> None:
        from pos_app.orders.engine import report_task_failure

        self._tasks.discard(task)
        report_task_failure(task, "window")

    # --- forwarded requests ---------------------------------------------------------------

    def new_ref(self) -> str:
        """The engine's fresh ref for the summary being opened."""
        return self.engine.new_ref()

    async def place(
        self, kind: LineType, digits: str, value: int, ref: str, price: int
    ) -> OrderView:
        """Record the sale; raises ``SaleRefusedError`` with a reason for the UI."""
        view = await self.engine.place(kind, digits, value, ref=ref, price=price)
        self.spawn(self._emit_recent_numbers())
        return view

    async def cancel(self, ref: str) -> OrderView:
        """Withdraw a sale that never left the machine."""
        return await self.engine.cancel(ref)

    def check_line(self, kind: LineType, digits: str) -> None:
        """Ask the engine about the line in the background; answers via line_did_check.
        Nothing before the engine is attached (the screen asks again then)."""
        if self.ready:
            self.spawn(self._check_line(kind, digits))

    async def _check_line(self, kind: LineType, digits: str) -> None:
        self.line_did_check.emit(await self.engine.check_line(kind, digits))

    def refresh_now(self) -> None:
        """F5: products and balance now (nothing before the engine runs: it refreshes at
        its start)."""
        if self.ready:
            self.spawn(self.refresh())

    async def refresh(self, *, products: bool = True) -> bool:
        """Products (unless told not to) and balance now; True when all came."""
        return await self.engine.refresh(products=products)

    async def _emit_recent_numbers(self) -> None:
        numbers = await self.engine.recent_numbers(RECENT_NUMBERS)
        self.recent_numbers_did_change.emit(numbers)

    # --- engine events (on the loop thread) -------------------------------------------------

    def _on_engine(self, event: EngineEvent) -> None:
        from pos_app.orders.event_views import ConnectionView, KeyView, OrderView

        match event:
            case OrderView():
                self.order_did_change.emit(event)
                if event.state is SaleState.REJECTED:
                    self.spawn(self._emit_recent_numbers())  # a wrong line is offered no more
            case BalanceView():
                self.balance_did_refresh.emit(event)
            case ProductsView():
                self.products_did_refresh.emit(event)
            case ConnectionView():
                self.connection_did_change.emit(event)
            case KeyView():
                self.key_did_validate.emit(event)


__getattr__, __dir__ = lazy_names(  # the re-exported views made after the first paint
    __name__,
    dict.fromkeys(
        ("ConnectionView", "KeyView", "LineCheckView", "OrderView"), "pos_app.orders.event_views"
    ),
    __all__,
)
