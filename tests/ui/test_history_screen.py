"""The history screen over a real store: the search box filters as the cashier types (after
the pause), the filter boxes, the card code shown only on purpose and copied whole, the CSV
and PDF exports (on a worker pool: the loop turns meanwhile, Cancel leaves no file, a failure
is one line), the keys, and F3 from the cashier window."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import errno
import logging
import shutil
import sqlite3
import threading
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_app.domain.cards import group_code
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders.offload import Offloader
from pos_app.store import HistoryFilter, Store, open_store
from pos_app.store.export import partial_path
from pos_app.store.vault import key_file_for
from pos_app.ui.history import HistoryScreen, install_history
from pos_app.ui.history import screen as history_screen
from pos_app.ui.history.document import write_pdf_pages
from pos_app.ui.history.model import HistoryModel
from pos_app.ui.history.screen import ExportOutcome
from tests.support.clock import Clock
from tests.support.history_sales import START, SaleSpec, add_sales, mixed_sales
from tests.support.waiting import run, wait_until
from tests.support.window import Harness

Make = Callable[..., Harness]


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{(tmp_path / 'pos.sqlite3').as_posix()}", now=clock.now)
    yield opened
    opened.close()


@dataclass
class Pool:
    """The window's worker pool and spawn, as the app gives them to the screen."""

    executor: Offloader
    tasks: set[asyncio.Future[Any]] = field(default_factory=set)

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)


@pytest.fixture
def pool(qloop: qasync.QEventLoop) -> Iterator[Pool]:
    made = Pool(Offloader(2, thread_name_prefix="history-test"))
    yield made
    made.executor.shutdown(wait=True)
    made.executor.close()
    assert not made.tasks, "an export task outlived the test"


def make_screen(store: Store, pool: Pool, today: date = date(2026, 3, 1)) -> HistoryScreen:
    return HistoryScreen(store, pool.executor, pool.spawn, tz=UTC, today=lambda: today)


@pytest.fixture
def screen(qtbot: QtBot, store: Store, clock: Clock, pool: Pool) -> HistoryScreen:
    add_sales(store, clock, mixed_sales(60))
    made = make_screen(store, pool)
    qtbot.addWidget(made)
    made.open_screen()
    return made


def outcomes(screen: HistoryScreen) -> list[ExportOutcome]:
    """The outcomes ``screen`` reports from now on, in order."""
    found: list[ExportOutcome] = []
    screen.export_finished.connect(found.append)
    return found


async def finished(found: list[ExportOutcome], count: int = 1) -> ExportOutcome:
    await wait_until(lambda: len(found) >= count, what="the export's end")
    return found[count - 1]


def shown_rows(screen: HistoryScreen) -> list[str]:
    """The refs the table holds, top to bottom (all pages loaded)."""
    model = screen.model
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    refs = []
    for row in range(model.rowCount()):
        found = model.row_at(row)
        assert found is not None
        refs.append(found.ref)
    return refs


def select_first(screen: HistoryScreen, state: SaleState) -> int:
    """Select the first row in ``state``; its row number."""
    model = screen.model
    for row in range(model.rowCount()):
        found = model.row_at(row)
        if found is not None and found.state is state:
            screen.select_row(row)
            return row
    raise AssertionError(f"no {state} row shown")


def test_opens_with_the_newest_sale_first_and_the_search_focused(screen: HistoryScreen) -> None:
    assert screen.isVisible()
    assert screen.focusWidget() is screen.search
    assert screen.model.rowCount() == 60
    assert screen.model.filter == HistoryFilter()
    newest = screen.model.row_at(0)
    assert newest is not None and newest.created_at > START
    assert screen.count_label.text() == "60 sale(s)"


def test_typing_filters_after_the_pause(qtbot: QtBot, screen: HistoryScreen) -> None:
    # ADSL numbers 0{2,3,4}345nnnn: typed with spaces, "03 345" is the start of a third.
    QTest.keyClicks(screen.search, "03 345")
    assert screen.model.rowCount() == 60  # not before the pause
    qtbot.waitUntil(lambda: screen.model.rowCount() < 60, timeout=3000)
    rows = [screen.model.row_at(r) for r in range(screen.model.rowCount())]
    assert rows and all(r is not None and r.number.startswith("03345") for r in rows)
    assert screen.model.filter.text == "03 345"
    screen.search.clear()
    QTest.keyClicks(screen.search, "zz")  # fits no search rule: no sale
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=3000)
    assert screen.count_label.text() == "No sale matches."


def test_enter_searches_at_once_and_down_goes_to_the_table(screen: HistoryScreen) -> None:
    QTest.keyClicks(screen.search, "2136659")  # the 4G numbers
    QTest.keyClick(screen.search, Qt.Key.Key_Return)
    rows = [screen.model.row_at(r) for r in range(screen.model.rowCount())]
    assert rows and all(r is not None and r.line_type is LineType.LTE for r in rows)
    assert screen.focusWidget() is screen.table
    assert screen.selected_row() == rows[0]
    screen.focus_search()
    screen.table.clearSelection()
    QTest.keyClick(screen.search, Qt.Key.Key_Down)
    assert screen.focusWidget() is screen.table
    assert screen.selected_row() == rows[0]


def test_filter_boxes_narrow_the_list(screen: HistoryScreen, store: Store) -> None:
    screen.state_box.setCurrentIndex(screen.state_box.findData(SaleState.REFUNDED.value))
    assert screen.model.filter.states == {SaleState.REFUNDED}
    refunded = shown_rows(screen)
    assert refunded and len(refunded) == store.history_count(screen.model.filter)
    screen.cashier_box.refresh()
    assert [screen.cashier_box.itemData(i) for i in range(1, screen.cashier_box.count())] == (
        store.history_values("cashier")
    )
    screen.cashier_box.setCurrentIndex(screen.cashier_box.findData("karim"))
    screen.type_box.setCurrentIndex(screen.type_box.findData(LineType.ADSL.value))
    wanted = HistoryFilter(
        states=frozenset({SaleState.REFUNDED}),
        line_types=frozenset({LineType.ADSL}),
        cashiers=frozenset({"karim"}),
    )
    assert screen.model.filter == wanted
    assert shown_rows(screen) == [row.ref for row in store.history_page(wanted, limit=500)]
    assert "karim" in screen.cashier_box.currentText()


def test_today_and_all_days(qtbot: QtBot, store: Store, clock: Clock, pool: Pool) -> None:
    add_sales(store, clock, mixed_sales(3))
    clock.advance(days=1)
    later = add_sales(store, clock, mixed_sales(2))
    screen = make_screen(store, pool, date(2026, 3, 2))
    qtbot.addWidget(screen)
    screen.open_screen()
    assert screen.model.rowCount() == 5
    screen.today_button.click()
    assert set(shown_rows(screen)) == set(later)
    assert screen.since.date().toPython() == date(2026, 3, 2)
    screen.all_days_button.click()
    assert screen.model.rowCount() == 5 and screen.since.text() == "Any day"


def test_show_code_reveals_the_whole_code_only_on_purpose(screen: HistoryScreen) -> None:
    row = select_first(screen, SaleState.FULFILLED)
    sale = screen.model.row_at(row)
    assert sale is not None and sale.code_tail is not None
    code = screen.store.full_card_codes([sale.id])[sale.id]
    table_texts = [
        screen.model.data(screen.model.index(r, c))
        for r in range(screen.model.rowCount())
        for c in range(screen.model.columnCount())
    ]
    assert not any(code in text for text in table_texts)
    assert screen.model.data(screen.model.index(row, HistoryModel.COL_CODE)) == (
        "•••• " + code[-4:]
    )
    assert not screen.code_box.isVisible()
    screen.table.setFocus()
    QTest.keyClick(screen.table, Qt.Key.Key_Return)  # Enter on the row
    assert screen.code_box.isVisible()
    assert screen.code_label.text() == group_code(code)
    assert screen.shown_code == sale.ref
    QTest.keyClick(screen.table, Qt.Key.Key_Down)  # another sale: the code goes
    assert not screen.code_box.isVisible()
    assert screen.code_label.text() == "" and screen.shown_code is None


def test_a_sale_without_code_shows_its_state_and_reason(screen: HistoryScreen) -> None:
    select_first(screen, SaleState.REFUNDED)
    assert screen.show_code() is None
    assert screen.code_box.isVisible() and not screen.code_label.isVisible()
    assert "Refunded" in screen.code_caption.text()
    assert "refunded the account" in screen.code_detail.text()


def test_the_code_hides_when_the_list_changes_or_the_screen_closes(
    qtbot: QtBot, screen: HistoryScreen
) -> None:
    select_first(screen, SaleState.FULFILLED)
    assert screen.show_code() is not None
    screen.state_box.setCurrentIndex(screen.state_box.findData(SaleState.FULFILLED.value))
    assert not screen.code_box.isVisible() and screen.code_label.text() == ""
    select_first(screen, SaleState.FULFILLED)
    screen.show_code()
    QTest.keyClick(screen.table, Qt.Key.Key_Escape)
    assert not screen.isVisible()
    screen.open_screen()
    assert not screen.code_box.isVisible() and screen.code_label.text() == ""


def test_copy_puts_the_whole_code_on_the_clipboard(qtbot: QtBot, screen: HistoryScreen) -> None:
    QGuiApplication.clipboard().clear()
    row = select_first(screen, SaleState.FULFILLED)
    sale = screen.model.row_at(row)
    assert sale is not None
    code = screen.store.full_card_codes([sale.id])[sale.id]
    with qtbot.waitSignal(screen.code_was_copied, timeout=1000) as copied:
        QTest.keyClick(
            screen.table,
            Qt.Key.Key_C,
            Qt.KeyboardModifier.ControlModifier | (Qt.KeyboardModifier.ShiftModifier),
        )
    assert copied.args == [sale.ref]
    assert QGuiApplication.clipboard().text() == code
    assert not screen.code_box.isVisible()  # copied, not shown
    select_first(screen, SaleState.QUEUED)
    assert screen.copy_code() is None
    assert screen.message.text() == "This sale has no card code."


def test_a_code_that_cannot_be_read_says_why(screen: HistoryScreen, store: Store) -> None:
    """A code kept under another data key (the key file swapped, a database copied without
    its key): the screen names the cause instead of "no card code"."""
    row = select_first(screen, SaleState.FULFILLED)
    sale = screen.model.row_at(row)
    assert sale is not None and sale.code_tail is not None
    db_file = store.db_file
    assert db_file is not None and screen.store is store
    with contextlib.closing(sqlite3.connect(db_file)) as connection, connection:
        other = connection.execute(
            "SELECT card_code FROM sale WHERE card_code IS NOT NULL AND id != ?", (sale.id,)
        ).fetchone()[0]
        connection.execute("UPDATE sale SET card_code = ? WHERE id = ?", (other, sale.id))
    assert screen.show_code() is None
    assert "cannot be read: the data key does not match" in screen.message.text()
    assert not screen.code_label.isVisible()
    assert screen.copy_code() is None
    assert "cannot be read" in screen.message.text()


def test_f9_asks_to_reprint_the_selected_sale(qtbot: QtBot, screen: HistoryScreen) -> None:
    QTest.keyClick(screen.search, Qt.Key.Key_F9)  # nothing selected: nothing asked
    assert screen.message.text() == "Select a sale first."
    row = select_first(screen, SaleState.FULFILLED)
    sale = screen.model.row_at(row)
    assert sale is not None
    with qtbot.waitSignal(screen.reprint_requested, timeout=1000) as asked:
        QTest.keyClick(screen.table, Qt.Key.Key_F9)
    assert asked.args == [sale.ref]


def test_csv_export_of_the_filtered_view(
    screen: HistoryScreen, tmp_path: Path, qloop: qasync.QEventLoop
) -> None:
    screen.state_box.setCurrentIndex(screen.state_box.findData(SaleState.FULFILLED.value))
    wanted = shown_rows(screen)
    asked: list[tuple[str, str, str]] = []

    def ask(caption: str, suggested: str, kinds: str) -> str:
        asked.append((caption, suggested, kinds))
        return str(tmp_path / "sales")  # no suffix typed: .csv is added

    screen.ask_save_path = ask
    found = outcomes(screen)

    async def body() -> ExportOutcome:
        QTest.keyClick(screen.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert screen.exporting  # started, not done in the key's handler
        assert not screen.csv_button.isEnabled() and not screen.pdf_button.isEnabled()
        assert screen.export_status.isVisible() and screen.cancel_export_button.isVisible()
        assert "Exporting to sales.csv" in screen.export_status.text()
        return await finished(found)

    outcome = run(qloop, body())
    assert asked and asked[0][1] == "sales-2026-03-01.csv"
    written = tmp_path / "sales.csv"
    assert outcome == ExportOutcome("csv", written, "written", len(wanted), outcome.text)
    assert written.read_bytes().startswith(b"\xef\xbb\xbf")
    with written.open(encoding="utf-8-sig", newline="") as opened:
        rows = list(csv.reader(opened))
    assert rows[0][:3] == ["Date", "Ref", "Type"]
    assert [r[1] for r in rows[1:]] == wanted
    assert {r[6] for r in rows[1:]} == {"fulfilled"}
    assert all(len(r[7]) == 4 for r in rows[1:])  # the code's last four only
    assert screen.message.text() == f"{len(wanted)} sale(s) written to sales.csv."
    assert not screen.exporting and screen.csv_button.isEnabled() and screen.pdf_button.isEnabled()
    assert not screen.export_status.isVisible() and not screen.cancel_export_button.isVisible()


def test_a_cancelled_export_writes_nothing(screen: HistoryScreen, tmp_path: Path) -> None:
    screen.ask_save_path = lambda caption, suggested, kinds: ""
    assert screen.export_csv() is False and screen.export_pdf() is False
    assert not screen.exporting
    assert list(tmp_path.glob("*.csv")) == [] and list(tmp_path.glob("*.pdf")) == []


def test_pdf_export_is_a_pdf_of_the_view(
    screen: HistoryScreen,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qloop: qasync.QEventLoop,
) -> None:
    path = tmp_path / "sales.pdf"
    capped = tmp_path / "capped.pdf"
    found = outcomes(screen)

    async def body() -> None:
        assert screen.export_pdf(path)
        assert screen.exporting and not screen.pdf_button.isEnabled()
        assert (await finished(found)).rows == 60
        monkeypatch.setattr(history_screen, "PDF_ROW_LIMIT", 7)
        assert screen.export_pdf(capped)
        assert await finished(found, 2) == ExportOutcome(
            "pdf", capped, "written", 7, "7 sale(s) written to capped.pdf."
        )

    run(qloop, body())
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert capped.read_bytes().startswith(b"%PDF")
    assert len(capped.read_bytes()) < len(data)
    assert found[0].status == "written" and screen.pdf_button.isEnabled()


def test_the_pdf_is_drawn_a_page_at_a_time_and_whole_or_not_at_all(
    qapp: QApplication, tmp_path: Path
) -> None:
    rows = [[f"{n:04d}", "ADSL", "036 36 26 08", "1 000 DA"] for n in range(120)]
    heads = ["Date", "Type", "Number", "Value"]
    path = tmp_path / "t.pdf"
    pages = write_pdf_pages(path, "Sales history", ["All sales"], heads, rows)
    next(pages)  # the first page drawn: only the partial file so far
    assert partial_path(path).is_file() and not path.exists()
    pages.close()  # given up: nothing left
    assert list(tmp_path.iterdir()) == []
    steps = sum(1 for _ in write_pdf_pages(path, "Sales history", ["All sales"], heads, rows))
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert steps >= 3 and data.count(b"/Type /Page\n") == steps  # a step per page
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_a_failed_export_says_why_in_one_line(
    screen: HistoryScreen,
    tmp_path: Path,
    qloop: qasync.QEventLoop,
    caplog: pytest.LogCaptureFixture,
    kind: str,
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    target = tmp_path / "a-file" / f"x.{kind}"
    found = outcomes(screen)
    start = screen.export_csv if kind == "csv" else screen.export_pdf

    async def body() -> ExportOutcome:
        assert start(target)
        return await finished(found)

    with caplog.at_level(logging.DEBUG):
        outcome = run(qloop, body())
    line = "The file could not be written: choose another place."
    assert outcome == ExportOutcome(kind, target, "failed", 0, line)  # type: ignore[arg-type]
    assert screen.message.text() == line
    assert not any(record.exc_info for record in caplog.records)  # no traceback anywhere
    assert [p for p in tmp_path.rglob("*") if p.suffix in (".csv", ".pdf", ".partial")] == []
    assert not screen.exporting and screen.csv_button.isEnabled()


def test_a_full_disk_is_said_so(
    screen: HistoryScreen, tmp_path: Path, qloop: qasync.QEventLoop
) -> None:
    def full(rows: int) -> None:  # what writing to a full disk raises, on the worker
        raise OSError(errno.ENOSPC, "No space left on device")

    screen.on_export_batch = full
    found = outcomes(screen)

    async def body() -> ExportOutcome:
        assert screen.export_csv(tmp_path / "x.csv")
        return await finished(found)

    outcome = run(qloop, body())
    assert outcome.status == "failed"
    assert screen.message.text() == "The disk is full: the file was not written."
    assert not (tmp_path / "x.csv").exists() and not partial_path(tmp_path / "x.csv").exists()


# -- a few thousand sales: the export runs beside the event loop --------------------------------

BIG = 1500


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of BIG sales (more than one export batch), made once for the module."""
    path = tmp_path_factory.mktemp("history-big") / "pos.sqlite3"
    made = open_store(f"sqlite:///{path.as_posix()}", now=Clock(START).now)
    try:
        add_sales(made, Clock(START), [SaleSpec()] * BIG, same_time_every=50)
    finally:
        made.close()
    return path


@dataclass
class Held:
    """Holds an export on its worker thread after its first batch until released."""

    reached: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)

    def __call__(self, rows: int) -> None:
        if not self.reached.is_set():
            self.reached.set()
            assert self.release.wait(10), "the test never released the export"


@pytest.fixture
def big_screen(qtbot: QtBot, big_db: Path, tmp_path: Path, pool: Pool) -> Iterator[HistoryScreen]:
    copy = tmp_path / "big.sqlite3"
    shutil.copyfile(big_db, copy)
    shutil.copyfile(key_file_for(big_db), key_file_for(copy))  # its data key goes with it
    opened = open_store(f"sqlite:///{copy.as_posix()}")
    made = make_screen(opened, pool)
    qtbot.addWidget(made)
    made.open_screen()
    yield made
    opened.close()


def test_the_event_loop_turns_while_an_export_runs(
    big_screen: HistoryScreen, tmp_path: Path, qloop: qasync.QEventLoop
) -> None:
    screen = big_screen
    held = Held()
    screen.on_export_batch = held
    target = tmp_path / "all.csv"
    found = outcomes(screen)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(1))

    async def body() -> ExportOutcome:
        timer.start()
        try:
            assert screen.export_csv(target)
            await wait_until(held.reached.is_set, what="the first batch read")
            seen = len(ticks)
            await wait_until(lambda: len(ticks) >= seen + 5, what="the timer ticking")
            await wait_until(
                lambda: "1 000 sale(s) read" in screen.export_status.text(), what="progress"
            )
            assert screen.exporting and partial_path(target).exists() and not target.exists()
            assert not screen.export_csv(tmp_path / "other.csv")  # one export at a time
            held.release.set()
            return await finished(found)
        finally:
            held.release.set()
            timer.stop()

    outcome = run(qloop, body())
    assert outcome.status == "written" and outcome.rows == BIG
    with target.open(encoding="utf-8-sig", newline="") as opened:
        assert len(list(csv.reader(opened))) == BIG + 1
    assert not partial_path(target).exists() and not (tmp_path / "other.csv").exists()


@pytest.mark.parametrize("how", ["button", "closing"])
def test_cancel_stops_the_export_and_removes_the_partial_file(
    big_screen: HistoryScreen, tmp_path: Path, qloop: qasync.QEventLoop, how: str
) -> None:
    screen = big_screen
    held = Held()
    screen.on_export_batch = held
    target = tmp_path / "all.csv"
    found = outcomes(screen)

    async def body() -> ExportOutcome:
        try:
            assert screen.export_csv(target)
            await wait_until(held.reached.is_set, what="the first batch read")
            assert partial_path(target).exists()
            if how == "button":
                QTest.mouseClick(screen.cancel_export_button, Qt.MouseButton.LeftButton)
                assert not screen.cancel_export_button.isEnabled()
            else:
                QTest.keyClick(screen.table, Qt.Key.Key_Escape)
                assert not screen.isVisible()
            held.release.set()
            return await finished(found)
        finally:
            held.release.set()

    outcome = run(qloop, body())
    assert outcome == ExportOutcome(
        "csv", target, "cancelled", 0, "Export cancelled: no file was written."
    )
    assert not target.exists() and not partial_path(target).exists()
    assert screen.message.text() == "Export cancelled: no file was written."
    assert not screen.exporting and screen.csv_button.isEnabled()
    assert not screen.cancel_export_button.isVisibleTo(screen)


def test_cancelling_a_pdf_draws_nothing(
    big_screen: HistoryScreen, tmp_path: Path, qloop: qasync.QEventLoop
) -> None:
    screen = big_screen
    held = Held()
    screen.on_export_batch = held
    target = tmp_path / "all.pdf"
    found = outcomes(screen)

    async def body() -> ExportOutcome:
        try:
            assert screen.export_pdf(target)
            await wait_until(held.reached.is_set, what="the first page read")
            screen.cancel_export()
            held.release.set()
            return await finished(found)
        finally:
            held.release.set()

    assert run(qloop, body()).status == "cancelled"
    assert not target.exists()


def test_f3_opens_the_history_from_the_counter_and_esc_closes_it(
    harness: Make, qloop: qasync.QEventLoop
) -> None:
    h = harness()
    clock = Clock(START)
    add_sales(h.services.store, clock, [SaleSpec(state=SaleState.FULFILLED, code="105380810795")])
    launcher = install_history(
        h.window, h.services.store, h.services.executor, h.services.counter.spawn
    )
    asked: list[str] = []
    launcher.reprint_requested.connect(asked.append)

    async def body() -> None:
        h.window.activateWindow()
        await wait_until(lambda: QApplication.activeWindow() is h.window, what="window active")
        QTest.keyClick(h.window.sale.field.edit, Qt.Key.Key_F3)
        screen = launcher.screen
        assert screen is not None and screen.isVisible()
        assert screen.model.rowCount() == 1
        assert screen.focusWidget() is screen.search
        await wait_until(lambda: QApplication.activeWindow() is screen, what="screen active")
        QTest.keyClick(screen.search, Qt.Key.Key_Down)
        QTest.keyClick(screen.table, Qt.Key.Key_F9)
        first = screen.model.row_at(0)
        assert first is not None and asked == [first.ref]
        QTest.keyClick(screen.table, Qt.Key.Key_Escape)
        assert not screen.isVisible()
        h.window.activateWindow()
        await wait_until(lambda: QApplication.activeWindow() is h.window, what="window active")
        QTest.keyClick(h.window.sale.field.edit, Qt.Key.Key_F3)  # again: the same screen
        assert launcher.screen is screen and screen.isVisible()
        screen.close()

    run(qloop, body())


def test_right_to_left_the_keys_still_select_and_show(
    qapp: QApplication, screen: HistoryScreen
) -> None:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        screen.close()
        screen.open_screen()
        QTest.keyClick(screen.search, Qt.Key.Key_Down)
        first = screen.model.row_at(0)
        assert first is not None and screen.selected_row() == first
        row = select_first(screen, SaleState.FULFILLED)
        assert screen.table.currentIndex().row() == row
        QTest.keyClick(screen.table, Qt.Key.Key_Return)
        assert screen.code_box.isVisible() and screen.shown_code is not None
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
