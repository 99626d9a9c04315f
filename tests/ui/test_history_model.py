"""The history model over a real store (a SQLite file): Qt's model tester, paging on demand
with no gap and no repeat, filters, and what each column shows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.store import HistoryFilter, Store, open_store
from pos_app.ui.history.model import HistoryModel, RowRole, state_word
from tests.support.clock import Clock
from tests.support.history_sales import START, SaleSpec, add_sales, mixed_sales


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{(tmp_path / 'pos.sqlite3').as_posix()}", now=clock.now)
    yield opened
    opened.close()


def all_refs(model: HistoryModel) -> list[str]:
    refs = []
    for row in range(model.rowCount()):
        found = model.row_at(row)
        assert found is not None
        refs.append(found.ref)
    return refs


def test_model_passes_qt_model_tester(
    qtmodeltester: ModelTester, store: Store, clock: Clock
) -> None:
    add_sales(store, clock, mixed_sales(200))
    model = HistoryModel(store, page=50)
    model.setFilter(HistoryFilter())
    qtmodeltester.check(model)  # it also fetches more pages
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 200
    model.setFilter(HistoryFilter(states=frozenset({SaleState.REFUNDED})))
    assert 0 < model.rowCount() < 200


def test_pages_follow_each_other_without_gap_or_repeat(
    qapp: QApplication, store: Store, clock: Clock
) -> None:
    # Sales in bursts that share a timestamp: the pages are cut by time and id together.
    refs = add_sales(store, clock, mixed_sales(257), same_time_every=3)
    model = HistoryModel(store, page=40)
    model.setFilter(HistoryFilter())
    assert model.rowCount() == 40
    fetches = 0
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        fetches += 1
    assert fetches == 6  # 7 pages of 40 hold 257 rows; the last one is short
    assert model.complete
    assert all_refs(model) == list(reversed(refs))  # newest first, each sale once
    model.fetchMore(QModelIndex())  # nothing left: nothing changes
    assert model.rowCount() == 257


def test_new_sales_show_when_the_filter_is_set_again(
    qapp: QApplication, store: Store, clock: Clock
) -> None:
    add_sales(store, clock, mixed_sales(5))
    model = HistoryModel(store, page=10)
    model.setFilter(HistoryFilter())
    assert model.rowCount() == 5 and model.complete
    (newest,) = add_sales(store, clock, [SaleSpec(number="023450009", state=SaleState.FULFILLED)])
    assert model.rowCount() == 5
    model.setFilter(model.filter)
    assert model.rowCount() == 6
    first = model.row_at(0)
    assert first is not None and first.ref == newest


def test_a_filter_shows_only_its_sales(qapp: QApplication, store: Store, clock: Clock) -> None:
    add_sales(store, clock, mixed_sales(120))
    model = HistoryModel(store, page=500)
    model.setFilter(
        HistoryFilter(states=frozenset({SaleState.FULFILLED}), cashiers=frozenset({"يوسف"}))
    )
    rows = [model.row_at(r) for r in range(model.rowCount())]
    assert rows and all(r is not None and r.state is SaleState.FULFILLED for r in rows)
    assert all(r is not None and r.cashier == "يوسف" for r in rows)
    expected = store.history_count(model.filter)
    assert model.rowCount() == expected


def test_columns_show_grouped_numbers_amounts_and_only_the_code_tail(
    qapp: QApplication, store: Store, clock: Clock
) -> None:
    specs = [
        SaleSpec(number="036362608", state=SaleState.FULFILLED, code="105380810795", value=2000),
        SaleSpec(number="213472731602", state=SaleState.QUEUED, value=1000),
    ]
    add_sales(store, clock, specs)
    model = HistoryModel(store, tz=UTC)
    model.setFilter(HistoryFilter())
    assert model.columnCount() == 10

    def shown(row: int) -> list[str]:
        return [model.data(model.index(row, c)) for c in range(model.columnCount())]

    queued, fulfilled = shown(0), shown(1)
    assert fulfilled[:3] == ["2026-03-01 09:30", "ADSL", "036 36 26 08"]
    assert fulfilled[3] == fulfilled[4] == "2\u202f000\u00a0DA"
    assert fulfilled[5] == "Fulfilled"
    assert fulfilled[6] == "•••• 0795"
    assert all("105380810795" not in text for text in fulfilled)
    assert fulfilled[7:] == ["T01", "amina", "0"]
    assert queued[1:3] == ["4G", "213 472 73 16 02"]
    assert queued[5] == "QUEUED: 12-48 h" and queued[6] == ""
    assert model.data(model.index(1, HistoryModel.COL_STATE), Qt.ItemDataRole.ForegroundRole) == (
        QColor("#1b7f3b")
    )
    row = model.data(model.index(1, 0), RowRole)
    assert row.line_type is LineType.ADSL and row.code_tail == "0795"
    store.record_print(row.ref, kind="receipt", target="test")
    model.setFilter(HistoryFilter())
    assert model.data(model.index(1, HistoryModel.COL_PRINTS)) == "1"


def test_every_state_reads_whole_without_elapsed_time(qapp: QApplication) -> None:
    words = [state_word(state) for state in SaleState]
    assert len(set(words)) == len(words)
    assert all(word and "{" not in word and not word.endswith(" s") for word in words)
    assert state_word(SaleState.ACCEPTED) == "In progress"


def test_dates_show_in_the_zone_given(qapp: QApplication, store: Store, clock: Clock) -> None:
    add_sales(store, clock, mixed_sales(1))
    model = HistoryModel(store, tz=timezone(timedelta(hours=1)))
    model.setFilter(HistoryFilter())
    assert model.data(model.index(0, HistoryModel.COL_DATE)) == "2026-03-01 10:30"
