"""The real window with its lock screen, history, reports and F9 reprint wired as the app
wires them, and the steps the access tests share (signing in, the actions noted)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC

from PySide6.QtWidgets import QApplication

from pos_app.domain.sale_states import SaleState
from pos_app.store import Store
from pos_app.store.users import ActionRecord
from pos_app.ui.access import AccessControl, install_access
from pos_app.ui.history import HistoryLauncher, install_history
from pos_app.ui.printing.reprint import ReprintControl, install_printing
from pos_app.ui.printing.service import PrintService
from pos_app.ui.reports import ReportsOpener, install_reports
from tests.support.clock import Clock
from tests.support.history_sales import START, SaleSpec, add_sales
from tests.support.people import ThreadRecordingStore, add_people
from tests.support.waiting import wait_until
from tests.support.window import Harness, sign_in_by_pin

CODE = "105380810795"
"""The card code of the fulfilled sale ``make_counter(sales=True)`` adds."""


@dataclass
class Counter:
    h: Harness
    access: AccessControl
    store: ThreadRecordingStore
    history: HistoryLauncher
    reports: ReportsOpener
    reprint: ReprintControl
    printing: PrintService


def make_counter(h: Harness, *, people: bool = True, sales: bool = False) -> Counter:
    """``h``'s window with the shop's people (Mona, Karim, Amina) unless ``people`` is false,
    one fulfilled sale of :data:`CODE` (sold by nobody of them) with ``sales``, and the
    screens and F9 behind the access control's manager gate. The print service has no usable
    settings: each print it tries ends in ``failed`` with its ref (nothing is printed)."""
    if people:
        add_people(h.services.store)
    if sales:
        add_sales(h.services.store, Clock(START), [SaleSpec(state=SaleState.FULFILLED, code=CODE)])
    services = h.services
    spawn = services.counter.spawn
    printing = PrintService(
        services.store, services.executor, spawn, None, settings_problem="test", tz=UTC
    )
    reprint = install_printing(h.window, printing)
    history = install_history(h.window, services.store, services.executor, spawn)
    history.reprint_requested.connect(printing.reprint)
    reports = install_reports(
        h.window,
        services.store,
        services.executor,
        spawn,
        counter="TEST",
        settings=None,
        language="en",
    )
    store = ThreadRecordingStore(services.store)
    access = install_access(
        h.window,
        store,
        services.executor,
        training=False,
        screens=(history, reports, reprint),
        tz=UTC,
    )
    return Counter(h, access, store, history, reports, reprint, printing)


async def sign_in(c: Counter, name: str, pin: str) -> None:
    """Pick ``name`` by its first letters from the PIN field, type ``pin``, Enter."""
    await sign_in_by_pin(c.access.lock_screen, name, pin)


def noted(store: Store) -> list[ActionRecord]:
    """The actions noted, newest first, but the adding of the test's people."""
    return [action for action in store.actions() if not action.action.startswith("user.")]


async def active(c: Counter) -> None:
    c.h.window.activateWindow()
    await wait_until(lambda: QApplication.activeWindow() is c.h.window, what="window active")


async def signed_in(c: Counter, person: tuple[str, str]) -> None:
    """The window active, ``person`` (name, PIN) signed in at the lock screen."""
    await active(c)
    await sign_in(c, *person)
    await wait_until(lambda: not c.access.locked, what=f"{person[0]} signed in")
