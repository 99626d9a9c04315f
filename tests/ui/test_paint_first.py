"""Paint first, then load: the window shows (cached values, lock cover) before any service
exists, keeps what is typed meanwhile, and confirms no sale until the engine is attached."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QSplitter, QTableView

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import EngineSettings
from pos_app.orders.views import BalanceView, OrderView
from pos_app.simulator import SimConfig, Simulator
from pos_app.store import open_store
from pos_app.ui import qt_props
from pos_app.ui.app import (
    LOADED_AFTER_PAINT,
    Painted,
    build_services,
    load_style,
    paint_first,
)
from pos_app.ui.counter import EngineSignals
from pos_app.ui.main_window import MainWindow
from pos_app.ui.sale.panel import Stage
from tests.support.child import child_report, run_child
from tests.support.people import add_people
from tests.support.waiting import run, wait_until
from tests.support.window import KEY

ROOT = Path(__file__).resolve().parents[2]


NUMBER = "036362607"  # an ADSL line the simulator knows


def _close(painted: Painted) -> None:
    painted.window.allow_close()
    painted.window.close()
    painted.window.deleteLater()


def test_keys_typed_before_the_services_all_land_and_no_sale_is_confirmed_before_the_engine(
    qloop: qasync.QEventLoop, qapp: QApplication, tmp_path: Path
) -> None:
    load_style(qapp)
    painted = paint_first(qapp, demo=True, no_key=False, lang="en")
    window, edit = painted.window, painted.window.sale.field.edit
    assert painted.window.isVisible() and edit.hasFocus()
    assert not painted.counter.ready
    # Keys typed meanwhile wait in Qt's queue; the load's first step (before the services
    # are built) gives the field its keys, then they land. QTest delivers them at once.
    window.complete()
    QTest.keyClicks(edit, NUMBER)
    QTest.keyClick(edit, KEY[1])
    QTest.keyClick(edit, Qt.Key.Key_Return)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert window.sale.stage is Stage.ENTRY  # no summary, so nothing to confirm
    assert not window.sale.summary.isVisible()
    assert "".join(ch for ch in edit.text() if ch.isdigit()) == NUMBER
    sim = Simulator(SimConfig(seed=7, time_scale=200.0)).start()
    services = build_services(
        demo=True,
        db_url=f"sqlite:///{tmp_path / 'pos.sqlite3'}",
        simulator=sim,
        settings=EngineSettings(time_scale=200.0),
        counter=painted.counter,
    )

    async def body() -> None:
        services.counter.attach(services.engine)
        await services.counter.start()
        await wait_until(lambda: window.sale.grid.buttons, what="card values")
        assert "".join(ch for ch in edit.text() if ch.isdigit()) == NUMBER  # nothing lost
        QTest.keyClick(edit, KEY[1])
        QTest.keyClick(edit, Qt.Key.Key_Return)
        assert window.sale.stage is Stage.SUMMARY  # with the engine, the summary opens
        QTest.keyClick(edit, Qt.Key.Key_Return)
        await wait_until(lambda: window.orders.model.rowCount() == 1, what="the sale listed")
        await services.shutdown()

    try:
        run(qloop, body())
    finally:
        _close(painted)
        sim.stop()


def test_the_first_paint_shows_the_cached_values_and_covers_a_shop_with_people(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "shop.sqlite3"
    monkeypatch.setenv("POS_DB_URL", f"sqlite:///{db}")
    with open_store(f"sqlite:///{db}") as store:
        when = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
        store.save_products(LineType.ADSL, [(500, 480, True), (1000, 960, True)], when)
        store.save_balance(Decimal("12345.50"), when)
        add_people(store)
    load_style(qapp)
    painted = paint_first(qapp, demo=False, no_key=False, lang="en")
    try:
        window = painted.window
        assert [b.choice.value for b in window.sale.grid.buttons] == [500, 1000]
        assert window.balance.view is not None
        assert window.balance.view.amount == Decimal("12345.50")
        assert painted.cover is not None and painted.cover.isVisible()
        assert not window.sale.field.edit.isEnabled()  # nobody types a sale under the cover
        assert not painted.counter.ready
    finally:
        _close(painted)


def test_a_shop_without_people_or_cache_opens_uncovered_and_loading(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POS_DB_URL", f"sqlite:///{tmp_path / 'none.sqlite3'}")
    load_style(qapp)
    painted = paint_first(qapp, demo=False, no_key=False, lang="en")
    try:
        assert painted.cover is None
        assert painted.window.sale.field.edit.isEnabled()
        assert not painted.window.sale.grid.buttons
        assert painted.window.sale.grid.empty.isVisible()  # "Loading card values…"
        assert painted.window.balance.view is None
    finally:
        _close(painted)


@pytest.mark.slow  # starts the app in a child process
def test_nothing_heavy_is_imported_before_the_first_paint_nor_printing_before_a_print(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("ONECLICK_API_KEY", "POS_LANG")}
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "POS_DATA_DIR": str(tmp_path / "data"),
        "POS_COUNTER_ID": "TEST",
    }
    report = child_report("-m", "pos_app", "--smoke", "--demo", env=env)
    assert report["ok"]
    assert report["loaded_at_paint"] == []
    assert report["printing_loaded"] == []  # ready, nothing printed: no qrcode, PIL, renderer
    assert report["training_unused_loaded"] == []  # a training run never loads the keyring
    assert report["source_files_kept"] == 0  # no source file was read through the load
    # The garbage collector: paused from the process start to the load's end, then back on
    # with the start-up's objects set aside (pos_app.entry).
    assert report["paused_collections"] == 0
    assert report["collector_on"] is True
    assert report["frozen_at_start"] > 10_000


def test_the_lists_name_the_printing_libraries_and_what_a_print_imports() -> None:
    """The paint list covers printing and asyncio; drawing a receipt's QR code loads what the
    first-print list names (so an empty list in a smoke run means they were not loaded)."""
    for name in ("qrcode", "PIL", "escpos", "asyncio", "pos_app.receipts.render"):
        assert name in LOADED_AFTER_PAINT
    code = (
        "import sys\n"
        "from pos_app.ui.app import loaded_printing_modules\n"
        "before = loaded_printing_modules()\n"
        "from pos_app.receipts.render import qr_matrix\n"
        "assert qr_matrix('https://example.com/r/1')\n"
        "print(before, loaded_printing_modules())\n"
    )
    done = run_child("-c", code)
    before, after = done.stdout.strip().split("] [")
    assert before == "["
    assert {"qrcode", "pos_app.receipts.render"} <= set(
        after.rstrip("]").replace("'", "").split(", ")
    )


def _an_order(ref: str) -> OrderView:
    when = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    return OrderView(
        ref, LineType.ADSL, "036362607", 500, 480, SaleState.SENDING, None, None, None, None,
        None, None, when, when,
    )  # fmt: skip


def test_the_list_of_sales_in_progress_is_built_after_the_paint_where_its_title_stood(
    qapp: QApplication,
) -> None:
    load_style(qapp)
    counter = EngineSignals()
    window = MainWindow(counter, training=True, list_later=True)
    window.show()
    qapp.processEvents()
    try:
        splitter = window.sale.parentWidget()
        assert isinstance(splitter, QSplitter)
        stand_in = splitter.widget(1)
        assert stand_in is not None and stand_in.isVisible()
        assert not stand_in.findChildren(QTableView)  # no list yet, its title only
        titles = [label.text() for label in stand_in.findChildren(QLabel)]
        assert titles == ["Sales in progress"]
        width = stand_in.width()
        window.complete()
        panel = window.orders
        assert splitter.widget(1) is panel and panel.isVisible()
        assert splitter.indexOf(stand_in) == -1  # replaced, not added
        qapp.processEvents()
        assert panel.width() == width  # where the title stood: the split does not move
        assert panel.title.text() == "Sales in progress"
        counter.order_did_change.emit(_an_order("R1"))  # wired to the list when built
        assert panel.model.rowCount() == 1
        window.complete()  # once only
        assert window.orders is panel and splitter.count() == 2
    finally:
        window.allow_close()
        window.close()
        window.deleteLater()


def test_a_window_built_whole_has_its_list_at_once(qapp: QApplication) -> None:
    counter = EngineSignals()
    window = MainWindow(counter, training=True)
    try:
        splitter = window.sale.parentWidget()
        assert isinstance(splitter, QSplitter)
        assert splitter.widget(1) is window.orders
        counter.order_did_change.emit(_an_order("R2"))
        assert window.orders.model.rowCount() == 1
    finally:
        window.allow_close()
        window.close()
        window.deleteLater()


def test_the_qt_free_modules_of_the_paint_load_before_pyside6() -> None:
    """Importing ``pos_app.ui`` loads the Qt-free modules of the paint before PySide6 and no
    Qt module; after it, ``pos_app.ui.app`` imports no module of the app outside
    ``pos_app.ui`` (each would pay PySide6's import hook: QT_FREE_AT_PAINT)."""
    code = (
        "import sys\n"
        "import pos_app.cli, pos_app.ui\n"
        "order = list(sys.modules)\n"
        "assert not [m for m in order if m.startswith('PySide6.Qt')], 'a Qt module'\n"
        "qt = order.index('PySide6')\n"
        "late = [m for m in pos_app.ui.QT_FREE_AT_PAINT if order.index(m) > qt]\n"
        "assert not late, late\n"
        "before = set(sys.modules)\n"
        "import pos_app.ui.app\n"
        "late = sorted(m for m in set(sys.modules) - before\n"
        "    if m.startswith('pos_app.') and not m.startswith('pos_app.ui.'))\n"
        "print(late)\n"
    )
    done = run_child("-c", code)
    assert done.stdout.strip() == "[]"


# Paints in a fresh interpreter with PySide6's __feature__ hook watched, then imports what the
# load imports: which modules the hook reads the source of (inspect.getsource), and what it
# stores for some of them.
_PAINT_WATCHING_THE_FEATURE_HOOK = """
import json, sys
import pos_app.cli, pos_app.ui
hook = sys.modules["shibokensupport.feature"]
scanned = []
scan = hook._mod_uses_pyside
def watching(module):
    scanned.append(module.__name__)
    return scan(module)
hook._mod_uses_pyside = watching
from PySide6.QtWidgets import QApplication
from pos_app.ui.app import load_style, paint_first
app = QApplication(sys.argv[:1])
load_style(app, icon=False)
painted = paint_first(app, demo=True, no_key=False, lang="ar")
import asyncio, requests, peewee, qasync
import pos_app.orders.engine, pos_app.simulator
answers = hook.pyside_feature_dict
names = ("pos_app.ui.app", "pos_app.simulator", "PySide6.QtWidgets", "re", "requests", "qasync")
print(json.dumps({
    "scanned": scanned,
    "painted": painted.window.isVisible(),
    "answers": {name: answers.get(name) for name in names},
}))
"""


def test_the_feature_hook_reads_no_source_file_through_the_paint_and_the_load() -> None:
    """PySide6's ``__feature__`` hook would read each module's whole source file the first
    time an import names it after PySide6 (about 50 files before the paint, 175 in the load):
    ``pos_app.ui`` makes it answer from the name. If a PySide6 upgrade moves the hook, this
    fails and says so (the app still runs, only slower)."""
    report = child_report("-c", _PAINT_WATCHING_THE_FEATURE_HOOK)
    assert report["painted"]
    assert report["scanned"] == []
    # What the hook stores: the app's and Qt's modules select Qt's default feature set (0),
    # the others are ignored (-1), whether they loaded before PySide6 (re) or after it.
    assert report["answers"] == {
        "pos_app.ui.app": 0,
        "pos_app.simulator": 0,
        "PySide6.QtWidgets": 0,
        "re": -1,
        "requests": -1,
        "qasync": -1,
    }


def test_no_module_of_the_app_selects_a_qt_feature() -> None:
    """The hook's answers above are right only while no module selects a feature (snake_case,
    true_property): one that did would switch Qt's names for the modules answered 0."""
    selecting = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "pos_app").rglob("*.py")
        if re.search(r"^\s*(from|import)\s+__feature__", path.read_text("utf-8"), re.M)
    ]
    assert selecting == []


# Builds the window as the paint does, in a fresh interpreter, over the shop's database
# (POS_DB_URL), recording every Python enum PySide6 makes; prints what the test checks.
_PAINT_RECORDING_ENUMS = """
import enum, json, sys
made = []
create = enum.EnumType._create_
def recording(cls, class_name, *args, **kwargs):
    made.append(create(cls, class_name, *args, **kwargs))
    return made[-1]
enum.EnumType._create_ = recording
from PySide6.QtWidgets import QApplication
from pos_app.ui.app import load_style, paint_first
app = QApplication(sys.argv[:1])
load_style(app)
painted = paint_first(app, demo=False, no_key=False, lang=sys.argv[1])
window = painted.window
print(json.dumps({
    "qt_enums": [e.__qualname__ for e in made if e.__qualname__.startswith("Qt.")],
    "buttons": len(window.sale.grid.buttons),
    "balance": window.balance.view is not None,
    "cover": painted.cover is not None and painted.cover.hasFocus(),
    "right_to_left": app.isRightToLeft(),
    "sale_records": "pos_app.store.sale_records" in sys.modules,
    "completer": window.sale.field._completer is not None,
    "event_type_made": "QEvent" in sys.modules["PySide6.QtCore"].__dict__,
    "event_enums": [e.__qualname__ for e in made if e.__qualname__.startswith("QEvent.")],
}))
"""


@pytest.mark.slow  # paints in two child processes
def test_the_paint_builds_none_of_the_qt_namespace_enums_with_a_cache_and_a_cover(
    tmp_path: Path,
) -> None:
    """PySide6 builds the ~100 enums of ``Qt`` at its first read: a tenth of the paint. The
    window of a shop with cached values and people (the lock cover) paints without it, and
    without ``QEvent``'s type (the number field's key filter comes at the load)."""
    db = tmp_path / "shop.sqlite3"
    with open_store(f"sqlite:///{db}") as store:
        when = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
        store.save_products(LineType.ADSL, [(500, 480, True), (1000, 960, False)], when)
        store.save_balance(Decimal("12345.50"), when)
        add_people(store)
    env = {k: v for k, v in os.environ.items() if k not in ("ONECLICK_API_KEY", "POS_LANG")}
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "POS_DB_URL": f"sqlite:///{db}",
    }
    for lang in ("en", "ar"):
        report = child_report("-c", _PAINT_RECORDING_ENUMS, lang, env=env)
        assert report["qt_enums"] == []
        assert report["buttons"] == 2 and report["balance"] and report["cover"]
        assert report["right_to_left"] is (lang == "ar")
        assert not report["sale_records"]  # the sales' records load after the paint
        assert not report["completer"]  # nor the recent numbers' popup (a list view)
        # No event reached Python: QEvent's type (its ~170 values) is made after the paint.
        assert not report["event_type_made"] and report["event_enums"] == []


def test_the_paint_s_plain_values_are_qt_s_own() -> None:
    """Each value :mod:`pos_app.ui.qt_props` sets in place of a Qt enum is that enum's."""
    pairs = [
        (qt_props.ALIGN_CENTER, Qt.AlignmentFlag.AlignCenter),
        (qt_props.NO_FOCUS, Qt.FocusPolicy.NoFocus),
        (qt_props.STRONG_FOCUS, Qt.FocusPolicy.StrongFocus),
        (qt_props.LEFT_TO_RIGHT, Qt.LayoutDirection.LeftToRight),
        (qt_props.RIGHT_TO_LEFT, Qt.LayoutDirection.RightToLeft),
        (qt_props.PLAIN_TEXT, Qt.TextFormat.PlainText),
        (qt_props.NO_TEXT_INTERACTION, Qt.TextInteractionFlag.NoTextInteraction),
        (qt_props.MATCH_STARTS_WITH, Qt.MatchFlag.MatchStartsWith),
        (qt_props.USER_ROLE, Qt.ItemDataRole.UserRole),
    ]
    for plain, value in pairs:
        assert (plain, value.name) == (value.value, value.name)


def test_plain_values_reach_the_widgets_and_a_wrong_name_is_refused(qapp: QApplication) -> None:
    label = QLabel("x")
    try:
        qt_props.set_props(
            label, alignment=qt_props.ALIGN_CENTER, focusPolicy=qt_props.STRONG_FOCUS
        )
        assert label.alignment() == Qt.AlignmentFlag.AlignCenter
        assert label.focusPolicy() == Qt.FocusPolicy.StrongFocus
        with pytest.raises(ValueError, match="alignement"):
            qt_props.set_props(label, alignement=qt_props.ALIGN_CENTER)
    finally:
        label.deleteLater()


def test_a_low_cached_balance_is_painted_in_the_low_colour(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The paint sets the balance before the window shows (no re-styling then): its first
    polish reads the "low" state, as a re-styling after the paint does."""
    db = tmp_path / "shop.sqlite3"
    monkeypatch.setenv("POS_DB_URL", f"sqlite:///{db}")
    when = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    with open_store(f"sqlite:///{db}") as store:
        store.save_balance(Decimal("100.00"), when)
    load_style(qapp)
    painted = paint_first(qapp, demo=False, no_key=False, lang="en")
    try:
        balance = painted.window.balance
        assert balance.is_low and balance.warning.isVisible()
        low = balance.amount.palette().color(balance.amount.foregroundRole()).name()
        balance.show_balance(BalanceView(Decimal("900000.00"), when + timedelta(minutes=1)))
        high = balance.amount.palette().color(balance.amount.foregroundRole()).name()
        balance.show_balance(BalanceView(Decimal("100.00"), when + timedelta(minutes=2)))
        again = balance.amount.palette().color(balance.amount.foregroundRole()).name()
        assert low == again != high
    finally:
        _close(painted)


def _keys(window: MainWindow) -> list[str]:
    return sorted(s.key().toString() for s in window.findChildren(QShortcut))


def test_the_window_s_keys_are_made_after_the_paint_and_a_window_built_whole_has_them(
    qapp: QApplication,
) -> None:
    painted = MainWindow(EngineSignals(), training=True, list_later=True)
    whole = MainWindow(EngineSignals(), training=True)
    try:
        window_keys = ["F1", "F4", "F5"]
        assert not set(window_keys) & set(_keys(painted))  # pressed meanwhile, they wait
        painted.complete()
        painted.complete()  # once only
        for window in (painted, whole):
            assert [key for key in _keys(window) if key in window_keys] == window_keys
    finally:
        for window in (painted, whole):
            window.allow_close()
            window.close()
            window.deleteLater()
