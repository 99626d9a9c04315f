"""Composition root: paints the window first, then builds the store, the API client, the
engine and the screens, runs them on a qasync loop, and shuts everything down explicitly, once.

Modes: with an API key (``ONECLICK_API_KEY``, else the keyring's: ``api.keys.configured_key``,
read in ``open_sender``) the real API; without one, or with ``--demo``, an embedded
simulator on a free loopback port and a throwaway database (training). ``--smoke`` (in
:mod:`pos_app.ui.smoke`) starts the window, waits until it shows, reports timings and exits.

The start-up order, in :func:`run_window` and nowhere else:

1. **Paint** (:func:`paint_first`): Qt, the style, the language, the window over the cached
   card values and balance (a plain ``sqlite3`` read, :func:`read_first_screen`; "loading"
   where nothing is cached), the number field focused, and, when the shop has people, the
   lock cover over it. The list of sales in progress (empty until the engine runs) is its
   title alone until the load builds it. Only this module's top-level imports are loaded: no
   asyncio, requests, qasync, peewee store, engine, simulator, HTTP server, printing, history,
   reports, settings or access code (``tests/ui/test_paint_first.py`` checks the list); the
   Qt-free ones load before PySide6 (:data:`pos_app.ui.QT_FREE_AT_PAINT`). Nothing reads
   PySide6's ``Qt`` namespace, whose ~90 enums PySide6 builds at its first read
   (:mod:`pos_app.ui.qt_props`); the window's keys and the recent numbers' popup come at the load.
2. **Load** (:func:`load_services`): keys typed meanwhile wait in the field (Qt queues them);
   the list of sales in progress is built, the services are built, the engine attached to
   the window (:meth:`EngineSignals.attach`: until then no summary opens, so no sale can be
   confirmed) and the screens installed
   (printing, history, reports, settings, access: its lock screen replaces the cover), all
   in one turn of the event loop, so no key reaches the sale screen in between. Printing's
   libraries (qrcode, Pillow, python-escpos) and renderers are not among them: they load at
   the first print, preview, reprint or test page (:data:`LOADED_AT_FIRST_PRINT`).
   No source file is read meanwhile (:func:`pos_app.ui.skip_feature_scan`), requests'
   encoding guesser loads only if something asks it (:mod:`pos_app.api.charset`: nothing
   does), and a training run never loads ``keyring`` (:data:`NOT_LOADED_IN_TRAINING`): the
   start-up's peak memory. Python's garbage collector, paused since the process began
   (:mod:`pos_app.entry`), is turned back on with everything loaded set aside for good
   (:func:`pos_app.collector.settle`; before the set-up instead, on a first start).
3. **Run**: the engine starts (cached values, then fresh ones), the journal's chain is
   checked on a worker thread.
"""

from __future__ import annotations

import linecache
import logging
import os
import shutil
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QLabel

from pos_app.assets import style_sheet
from pos_app.collector import settle
from pos_app.domain import redaction
from pos_app.orders.views import BalanceView, ProductsView
from pos_app.store.readonly import FirstScreen, read_first_screen, read_settings
from pos_app.store.settings import Stored, database_url, get_preference, low_balance
from pos_app.ui.counter import EngineSignals
from pos_app.ui.i18n import (
    LanguageError,
    install_language,
    resolve_language,
    system_locale_name,
    translate,
)
from pos_app.ui.main_window import MainWindow
from pos_app.ui.qt_props import ALIGN_CENTER, STRONG_FOCUS, set_props

if TYPE_CHECKING:
    import asyncio

    import qasync

    from pos_app.api import OneClickClient
    from pos_app.orders import EngineSettings, OrderEngine
    from pos_app.orders.offload import Offloader
    from pos_app.simulator import Simulator
    from pos_app.store import SenderLock, Store
    from pos_app.ui.settings.setup import SetupOutcome

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_STORE = 4
EXECUTOR_THREADS = 4
POOL_WAIT = 2.0  # seconds for the pool's threads after the engine's own bounded wait


@dataclass
class Services:
    """Everything the window runs on; ``close`` releases it all, once."""

    store: Store
    client: OneClickClient
    engine: OrderEngine
    executor: Offloader
    counter: EngineSignals
    training: bool
    simulator: Simulator | None = None
    lock: SenderLock | None = None
    temp_dir: str | None = None
    closed: bool = field(default=False)
    stranded: int = field(default=0)  # pool threads still in a network call after shutdown

    async def shutdown(self, timeout: float = 5.0, pool_wait: float = POOL_WAIT) -> None:
        """Stop refreshes and the engine (its running steps get ``timeout`` seconds), then
        the pool (``pool_wait`` more), then close db and network.

        Never blocks the GUI thread. A send can stay on the wire for its whole read timeout
        (30 s); such a call is left behind and counted in ``stranded``. Its sale stays
        "sending" in the database and is asked about at the next start, as after a crash,
        so leaving it costs no money and sells nothing twice."""
        if self.closed:
            return
        self.closed = True
        await self.counter.stop(timeout)
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.stranded = await _wait_for_pool(self.executor, pool_wait)
        self.executor.close()
        if self.stranded:
            log.warning(
                "closing with %d network call(s) still running; their sales are checked "
                "with OneClickDZ at the next start",
                self.stranded,
            )
        self.client.close()
        self.store.close()
        if self.lock is not None:
            self.lock.release()
        if self.simulator is not None:
            self.simulator.stop()
        if self.temp_dir is not None:
            shutil.rmtree(self.temp_dir, ignore_errors=True)


async def _check_chain_at_start(services: Services) -> None:
    """Verify the journal's chain once, on a worker thread; a break is logged as a warning
    by ``check_chain`` (and shown in the reports screen); it never stops the counter."""
    from pos_app.receipts.report_model import check_chain

    try:
        await services.executor.run(lambda: check_chain(services.store))
    except Exception as exc:  # noqa: BLE001 - a check that cannot run is logged, not fatal
        log.warning("the journal's chain was not checked at start: %s", type(exc).__name__)


async def _wait_for_pool(executor: Offloader, timeout: float) -> int:
    """Wait (on the loop, not blocking it) until the pool's jobs and threads end; how many
    jobs still run."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        running = executor.running_jobs
        if (running == 0 and executor.alive_threads == 0) or loop.time() >= deadline:
            return running
        await asyncio.sleep(0.02)


def wire_close(window: MainWindow, services: Services) -> asyncio.Event:
    """Closing the window shuts the services down first; the event is set once closed."""
    import asyncio

    closed = asyncio.Event()

    async def close_window() -> None:
        window.setEnabled(False)  # no new sale while closing
        window.status.say(translate("MainWindow", "Closing: finishing the work under way…"), 0)
        try:
            await services.shutdown()
        finally:  # whatever went wrong, the window must still close
            window.allow_close()
            window.close()
            closed.set()

    closing: list[asyncio.Future[None]] = []

    def on_close_requested() -> None:
        if not closing and not services.closed:  # a second close while shutting down: no-op
            closing.append(asyncio.ensure_future(close_window()))  # not counter.spawn: stop()
            # cancels the counter's tasks, and this one must outlive it

    window.close_requested.connect(on_close_requested)
    return closed


def build_services(
    *,
    demo: bool,
    api_key: str | None = None,
    db_url: str | None = None,
    settings: EngineSettings | None = None,
    simulator: Simulator | None = None,
    counter: EngineSignals | None = None,
) -> Services:
    """Open what the window needs (``open_sender``, as the command line does, plus the
    window's pool). ``api_key``: the key the command line already read (None: the configured
    one). Demo: a simulator (given or started here) and, unless ``db_url`` is given, a
    throwaway database. Raises LockHeldError when another process sends
    for the same database, StoreUnavailableError when the database cannot be used, ValueError
    (StoreConfigError among them) for a setting that cannot be used. ``counter``: the
    window's, painted already; the caller attaches the engine to it (else a new counter
    over the engine)."""
    import tempfile

    from pos_app.orders.offload import Offloader
    from pos_app.orders.sender import open_sender
    from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator

    temp_dir = None
    owned_sim = None
    base_url = None
    if demo:
        if simulator is None:
            simulator = owned_sim = Simulator(SimConfig()).start()
        base_url, api_key = simulator.base_url, DEFAULT_SIM_KEY
        if db_url is None:
            temp_dir = tempfile.mkdtemp(prefix="pos-app-training-")
            db_url = f"sqlite:///{Path(temp_dir, 'training.sqlite3').as_posix()}"
    # Not qasync's QThreadExecutor: its hand-back is a Qt signal carrying Python objects across
    # threads; the offloader's wake-up carries none, and it counts its running jobs openly.
    # (PySide6 6.12.0 breaks every call from Qt into Python: pyproject.toml excludes it.)
    executor = Offloader(EXECUTOR_THREADS, thread_name_prefix="pos-worker")
    try:
        sender = open_sender(
            db_url=db_url,
            base_url=base_url,
            api_key=api_key,
            lock=temp_dir is None,
            settings=settings,
            executor=executor,
            training=demo,
        )
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        executor.close()
        if owned_sim is not None:
            owned_sim.stop()
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)
        raise
    return Services(
        sender.store,
        sender.client,
        sender.engine,
        executor,
        EngineSignals(sender.engine) if counter is None else counter,
        training=demo,
        simulator=owned_sim,
        lock=sender.lock,
        temp_dir=temp_dir,
    )


def shop_settings(env: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The settings of the shop's database (``POS_DB_URL`` or the default file), read-only;
    empty when it does not exist yet."""
    return read_settings(database_url(env))


def load_style(app: QApplication, *, icon: bool = True) -> None:
    """The style sheet and, unless ``icon`` is false, the application icon (every window's,
    the set-up's too). The start-up sets the icon at the load (:func:`set_app_icon`): under
    X11 the window's icon is decoded and sent at its first show, all seven sizes."""
    app.setStyleSheet(style_sheet())
    if icon:
        set_app_icon(app)


def set_app_icon(app: QApplication) -> None:
    """The application icon; windows shown already take it (Qt tells each of them)."""
    from pos_app.ui.about import application_icon

    app.setWindowIcon(application_icon())


def choose_language(app: QApplication, lang: str | None, stored: Stored) -> str:
    """Install the window's language: ``lang`` (--lang), else the one reading of the setting
    (POS_LANG, stored, none), else the system's; English when its file cannot be loaded."""
    language = resolve_language(lang, get_preference(stored, "language"), system_locale_name())
    try:
        install_language(app, language)
    except LanguageError as exc:
        sys.stderr.write(f"{exc}; showing English\n")
        language = "en"
        install_language(app, language)
    return language


async def first_run_setup(db_url: str | None = None) -> SetupOutcome | None:
    """The set-up shown at a first start without a key (its module imported only then),
    over the shop's database (``db_url``, else the default); its outcome, None when closed."""
    from pos_app.orders.offload import Offloader
    from pos_app.ui.settings.setup import run_setup
    from pos_app.ui.settings.shop import ShopSettings

    executor = Offloader(2, thread_name_prefix="pos-setup")
    try:
        return await run_setup(ShopSettings(db_url=db_url), executor)
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
        await _wait_for_pool(executor, POOL_WAIT)  # a test still on the wire is left behind
        executor.close()


# Modules that the first paint must not need (tests/ui/test_paint_first.py): each loads after.
LOADED_AFTER_PAINT = (
    "requests",
    "urllib3",
    "qasync",
    "peewee",
    "http.server",
    "qrcode",
    "escpos",
    "PIL",
    "pos_app.api.client",
    "pos_app.orders.engine",
    "pos_app.simulator",
    "pos_app.store.store",
    "pos_app.ui.printing",
    "pos_app.ui.history",
    "pos_app.ui.reports",
    "pos_app.ui.settings",
    "pos_app.ui.access",
    "asyncio",
    "pos_app.receipts.render",
    "pos_app.ui.reports.screen",
    "pos_app.ui.orders",
    "socket",
    "pos_app.store.sale_records",
    "pos_app.orders.event_views",
    "pos_app.ui.about",
)

# What a training run (``--demo``) never needs: its throwaway database keeps its key in a
# file and no API key is read, so nothing asks the keyring; requests' encoding guesser is
# never asked either (pos_app.api.charset). A smoke run reports them: none.
NOT_LOADED_IN_TRAINING = ("keyring", "secretstorage", "jeepney", "charset_normalizer.api")

# Printing's libraries and modules, imported at the first print, preview, reprint or test
# page (the receipts' renderer when a receipt is drawn, the report screen at the first F4),
# never while the window starts (a smoke run reports them: none).
LOADED_AT_FIRST_PRINT = (
    "qrcode",
    "PIL",
    "escpos",
    "pos_app.receipts.render",
    "pos_app.receipts.report_render",
    "pos_app.ui.reports.screen",
)


def loaded_printing_modules() -> list[str]:
    """Which of :data:`LOADED_AT_FIRST_PRINT` are imported already (before a print: none)."""
    return [name for name in LOADED_AT_FIRST_PRINT if name in sys.modules]


def loaded_unused_in_training() -> list[str]:
    """Which of :data:`NOT_LOADED_IN_TRAINING` are imported already (in a training run: none)."""
    return [name for name in NOT_LOADED_IN_TRAINING if name in sys.modules]


def loaded_after_paint_modules() -> list[str]:
    """Which of :data:`LOADED_AFTER_PAINT` are imported already (at the first paint: none)."""
    return [name for name in LOADED_AFTER_PAINT if name in sys.modules]


@dataclass
class Painted:
    """The window as first painted, before any service exists."""

    window: MainWindow
    counter: EngineSignals
    language: str
    threshold: int
    stored: Mapping[str, str]
    first: FirstScreen
    cover: QLabel | None
    early_modules: list[str]  # of LOADED_AFTER_PAINT, imported at the first paint (none)
    shown: float  # perf_counter() when painted


def paint_first(
    app: QApplication,
    *,
    demo: bool,
    no_key: bool,
    lang: str | None,
    manager: bool = False,
    paint: bool = True,
) -> Painted:
    """Step 1 of the start-up: the window over what the shop's database has cached, shown
    and painted, with no service behind it yet (``manager``: the set-up just made one, the
    window opens signed in as them: no cover). ``paint`` false: shown only, painted when
    the event loop next turns (after the set-up, whose loop has callbacks of its own that
    must not run outside it)."""
    first = read_first_screen(database_url(), caches=not demo)  # training: a throwaway cache
    language = choose_language(app, lang, first.settings)
    threshold = low_balance(first.settings)
    counter = EngineSignals()
    window = MainWindow(
        counter, training=demo, no_key=no_key, low_balance=Decimal(threshold), list_later=True
    )
    for cached in first.products:
        counter.products_did_refresh.emit(
            ProductsView(cached.line_type, cached.items, cached.fetched_at)
        )
    if first.balance is not None:
        counter.balance_did_refresh.emit(
            BalanceView(first.balance.amount, first.balance.fetched_at)
        )
    cover = None
    if first.has_people and not demo and not manager:  # nobody sells before a PIN is typed
        cover = cover_window(window)
    window.show()
    if paint:  # map and paint now; keys stay queued for the number field
        app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    return Painted(
        window, counter, language, threshold, first.settings, first, cover,
        loaded_after_paint_modules(), time.perf_counter(),
    )  # fmt: skip


def cover_window(window: MainWindow) -> QLabel:
    """An opaque cover over the whole window until the lock screen takes its place: the
    counter and the status bar take no key, click or focus under it."""
    for part in (window.centralWidget(), window.status):
        if part is not None:
            part.setEnabled(False)
    cover = QLabel(translate("Access", "Reading who may sell…"), window)
    cover.setObjectName("startCover")
    cover.setAutoFillBackground(True)
    cover.setGeometry(window.rect())
    set_props(cover, alignment=ALIGN_CENTER, focusPolicy=STRONG_FOCUS)  # no Qt enums: qt_props
    cover.show()
    cover.raise_()
    cover.setFocus()
    return cover


def load_services(
    painted: Painted,
    loop: qasync.QEventLoop,
    *,
    demo: bool,
    api_key: str | None,
    manager: object | None,
) -> Services:
    """Step 2 of the start-up: build the services, attach the engine to the painted window
    and install every screen over it, all in one turn of the event loop (no key is handled
    in between). Raises what :func:`build_services` raises."""
    from pos_app.ui.access import install_access
    from pos_app.ui.history import install_history
    from pos_app.ui.printing import install_printing, open_print_service
    from pos_app.ui.reports import install_reports
    from pos_app.ui.settings.launcher import install_settings

    window = painted.window
    window.complete()  # the list of sales in progress, left out of the first paint
    app = QApplication.instance()
    assert isinstance(app, QApplication)  # the paint's
    set_app_icon(app)  # left out of the first paint too
    services = build_services(demo=demo, api_key=api_key, counter=painted.counter)
    # From here a summary can open; this function handles no event, so the lock screen (when
    # the shop has people) covers the window before any key reaches the sale screen.
    services.counter.attach(services.engine)  # the access control names its cashier
    # Training keeps a throwaway database: the shop's settings come from its real one.
    stored: Stored = painted.stored if demo else services.store
    printing = open_print_service(
        services.store,
        services.executor,
        services.counter.spawn,
        stored,
        window_language=painted.language,
        training=demo,
    )
    reprint = install_printing(window, printing)  # auto-print, F9 and the Reprint button
    history = install_history(  # F3: the sales history, exported on the worker pool
        window, services.store, services.executor, services.counter.spawn
    )
    history.reprint_requested.connect(printing.reprint)  # its F9 prints through the service
    reports = install_reports(  # F4: the X report, the day's Z, past Zs
        window,
        services.store,
        services.executor,
        services.counter.spawn,
        counter=services.engine.counter_id,
        settings=printing.settings,
        language=painted.language,
        refresh_balance=lambda: services.counter.refresh(products=False),
        printer_queue=printing.queue,  # a report and a receipt take turns at the printer
    )
    install_settings(  # Ctrl+, and a button: the dialog is imported at its first opening
        window,
        services.executor,
        services.counter.spawn,
        store=None if demo else services.store,  # training: the shop's own database
    )
    # The lock screen and Ctrl+L when the shop has people; the manager's approval of the
    # settings, the history's full codes and exports, the Z, and cancelling a sale not yet sent.
    # It covers the window at once unless the first paint found nobody (then it locks only
    # if its own reading finds someone).
    access = install_access(
        window,
        services.store,
        services.executor,
        training=demo,
        screens=(history, reports, reprint),  # F9: another seller's card code is a manager's
        covered=painted.first.has_people or manager is not None,
    )
    if manager is not None:
        access.sign_in_as(manager)  # type: ignore[arg-type]
    if painted.cover is not None:  # the lock screen covers the window now
        painted.cover.deleteLater()
        painted.cover = None
    return services


def run_window(
    *,
    demo: bool,
    smoke: bool = False,
    screenshot: str | None = None,
    lang: str | None = None,
    no_key: bool = False,
    api_key: str | None = None,
) -> int:
    """Run the cashier window until it is closed (or, with ``smoke``, until it has shown:
    :func:`pos_app.ui.smoke.run_smoke`). ``lang``: en, fr or ar (else ``POS_LANG``, else the
    shop's setting, else the system locale). ``no_key``: demo because no API key is
    configured; the banner says how to sell for real. ``api_key``: the key already read by the
    command line (None: the configured one). The order of the start-up: the module's
    docstring."""
    from pos_app.ui.qt_messages import route_qt_messages

    restore_qt_messages = route_qt_messages()  # Qt's warnings to the log, not the console
    try:
        return _run_window(
            demo=demo,
            smoke=smoke,
            screenshot=screenshot,
            lang=lang,
            no_key=no_key,
            api_key=api_key,
        )
    finally:
        restore_qt_messages()


def _run_window(
    *,
    demo: bool,
    smoke: bool = False,
    screenshot: str | None = None,
    lang: str | None = None,
    no_key: bool = False,
    api_key: str | None = None,
) -> int:
    """The body of :func:`run_window`."""
    started = time.perf_counter()
    redaction.install()  # already done by the command line; a window started alone needs it
    if smoke:
        from pos_app.receipts.headless import use_offscreen_without_display

        use_offscreen_without_display()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("pos-app")
    app.setQuitOnLastWindowClosed(False)  # the loop ends when shutdown is done, not before
    load_style(app, icon=False)  # the icon comes at the load (or with the set-up)
    loop = None
    manager = None  # the manager the set-up just made: the window opens signed in as them
    if no_key and not smoke:  # a first start: the set-up instead of the bare window
        settle()  # a person types for minutes: the collector back on first
        loop = _event_loop(app)
        set_app_icon(app)
        choose_language(app, lang, shop_settings())
        outcome = loop.run_until_complete(first_run_setup())
        if outcome is None:  # closed without a choice
            loop.close()
            return EXIT_OK
        if not outcome.training:
            demo, no_key, api_key = False, False, outcome.api_key
            manager = outcome.manager
    # 1. Paint.
    painted = paint_first(
        app, demo=demo, no_key=no_key, lang=lang, manager=manager is not None, paint=loop is None
    )
    window = painted.window
    # 2. Load (keys typed meanwhile wait in Qt's queue, then land in the number field).
    from pos_app.api.charset import load_on_first_use
    from pos_app.store import LockHeldError, StoreUnavailableError
    from pos_app.ui.errors import ErrorReporter

    load_on_first_use()  # before requests loads: its encoding guesser (unused) stays out

    if loop is None:
        loop = _event_loop(app)
    try:
        services = load_services(painted, loop, demo=demo, api_key=api_key, manager=manager)
    except LockHeldError as exc:
        sys.stderr.write(f"another pos-app process (pid {exc.pid}) is sending for this database\n")
        return _close_painted(window, EXIT_LOCKED)
    except StoreUnavailableError as exc:  # damaged, newer, read-only, no folder, disk full
        sys.stderr.write(f"pos-app: {exc}\n")
        return _close_painted(window, EXIT_STORE)
    except ValueError as exc:  # a bad ONECLICK_API_URL, POS_DB_URL, POS_COUNTER_ID, ...
        sys.stderr.write(f"pos-app: a setting cannot be used ({exc}); nothing was sold\n")
        return _close_painted(window, EXIT_USAGE)
    source_files_kept = len(linecache.cache)  # read during the start-up: none
    paused_collections = settle()  # the collector back on, everything loaded set aside
    closed = wire_close(window, services)
    reporter = ErrorReporter(window)
    reporter.notice.connect(window.status.say)  # queued to the GUI thread when need be
    uninstall_hooks = reporter.install(loop)

    # 3. Run.
    async def main() -> int:
        await services.counter.start()
        # The journal's chain, checked once at start on a worker thread: a break is logged
        # (and shown in the reports screen, F4); selling goes on.
        services.counter.spawn(_check_chain_at_start(services))
        if smoke:
            from pos_app.ui.smoke import Launch, run_smoke

            launch = Launch(
                started, painted.shown, demo, painted.language, painted.threshold,
                painted.early_modules, source_files_kept, paused_collections,
            )  # fmt: skip
            ok = await run_smoke(window, launch, services.shutdown, screenshot=screenshot)
            return EXIT_OK if ok else EXIT_FAILED
        await closed.wait()
        return EXIT_OK

    code: int = EXIT_FAILED
    try:
        with loop:
            code = loop.run_until_complete(main())
    except BaseException:
        log.exception("the window stopped on an error")
        raise
    finally:
        uninstall_hooks()
        if not services.closed:
            import asyncio

            # The qasync loop is gone: the engine's pending futures belong to it and will
            # never complete, so nothing is waited for; a thread still running is stranded.
            cleanup_loop = asyncio.new_event_loop()
            try:
                cleanup_loop.run_until_complete(services.shutdown(timeout=0, pool_wait=0))
            finally:
                cleanup_loop.close()
        if services.stranded:
            # An ordinary exit would wait for the threads left in a network call (up to
            # their read timeout): leave at once.
            # The database is closed; their sales are asked about at the next start.
            logging.shutdown()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    return code


def _event_loop(app: QApplication) -> qasync.QEventLoop:
    """The qasync loop over ``app`` (qasync and asyncio are imported here, after the paint)."""
    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    return loop


def _close_painted(window: MainWindow, code: int) -> int:
    """The painted window goes when the services cannot start; ``code`` is returned."""
    window.allow_close()
    window.close()
    return code
