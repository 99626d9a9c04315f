"""``pos-app history`` in this process over a real SQLite file: the table (newest first, card
codes by their last four), JSON lines, CSV (UTF-8 with BOM) to stdout and to a file, the
filters (dates as local days, states, the number search), and arguments that cannot be used
(one line, status 2)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.cli import main
from tests.support import report_day as day

REFS = [ref for ref, *_ in day.SALES]
NEWEST_FIRST = REFS[::-1]


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = day.day_database(tmp_path)
    monkeypatch.setenv("POS_DB_URL", url)
    yield url


def history(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["history", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def table_refs(out: str) -> list[str]:
    return [line.split()[-1] for line in out.splitlines()[1:]]


def test_the_table_is_newest_first_with_codes_masked(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = history(capsys)
    assert (status, err) == (0, "")
    header, *rows = out.splitlines()
    assert header.split() == [
        "time", "type", "number", "value", "price", "state", "code", "counter", "cashier", "ref"
    ]  # fmt: skip
    assert table_refs(out) == NEWEST_FIRST
    fulfilled = rows[-1].split()
    assert fulfilled[-1] == REFS[0] and "fulfilled" in fulfilled
    assert "••••9001" in fulfilled  # the card code's last four only
    assert "7700" not in out  # never the whole code


def test_json_lines_mask_codes_and_leave_the_cost_out_in_the_order_sold(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = history(capsys, "--json")
    sales = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and [s["ref"] for s in sales] == REFS
    assert sales[0]["card_code"] == "••••9001"  # as the table shows it
    assert sales[2]["card_code"] is None  # no code: null
    assert all("cost" not in sale for sale in sales)
    assert "7700" not in out and "980" not in out
    status, out, _ = history(capsys, "--json", "--state", "queued,UNKNOWN")
    assert [json.loads(line)["ref"] for line in out.splitlines()] == list(day.UNRESOLVED)


def test_full_codes_give_every_field_in_json_and_the_whole_codes_in_csv(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = history(capsys, "--json", "--full-codes")
    sales = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and [s["ref"] for s in sales] == REFS
    assert sales[0]["card_code"] == day.card_code(REFS[0]) and sales[0]["cost"] == 980
    path = tmp_path / "full.csv"
    assert history(capsys, "--csv", str(path), "--full-codes")[0] == 0
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[-1]["card_code"] == day.card_code(REFS[0]) and "cost" not in rows[0]
    status, out, _ = history(capsys, "--csv", "--full-codes", "--state", "fulfilled")
    assert status == 0 and day.card_code(REFS[0]) in out
    status, out, err = history(capsys, "--full-codes")  # the table always masks
    assert status == 2 and out == "" and "--full-codes: only with --json or --csv" in err


def test_filters(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = history(capsys, "--state", "fulfilled")
    assert table_refs(out) == [REFS[1], REFS[0]]
    _, out, _ = history(capsys, "--number", "2134 7273")  # a 4G number typed in groups
    assert table_refs(out) == [REFS[3], REFS[1]]
    _, out, _ = history(capsys, "--since", "2026-03-02", "--until", "2026-03-02")
    assert table_refs(out) == NEWEST_FIRST
    _, out, _ = history(capsys, "--since", "2026-03-03")
    assert table_refs(out) == []
    _, out, _ = history(capsys, "--until", "2026-03-01")
    assert table_refs(out) == []


def test_csv_to_stdout_and_to_a_file(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = history(capsys, "--csv", "--state", "refunded")
    assert status == 0 and out.startswith("\ufeffcreated_at,ref,")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert [(r["ref"], r["state"], r["price"]) for r in rows] == [(REFS[2], "refunded", "500")]
    path = tmp_path / "out.csv"
    status, out, _ = history(capsys, "--csv", str(path))
    assert status == 0 and out == f"wrote 6 sales to {path}\n"
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["ref"] for r in rows] == NEWEST_FIRST
    assert rows[-1]["card_code"] == "9001"  # the last four, as on screen
    assert "cost" not in rows[0]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--since", "2026-13-01"], "--since: not a date (YYYY-MM-DD): '2026-13-01'"),
        (["--until", "02/03/2026"], "--until: not a date"),
        (["--since", "2026-03-03", "--until", "2026-03-02"], "is after --until"),
        (["--state", "fulfilled,sold"], "--state: no state 'sold'; one of waiting,"),
        (["--number", "  "], "--number: empty"),
    ],
)
def test_arguments_that_cannot_be_used(
    db_url: str, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    status, out, err = history(capsys, *args)
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("pos-app history: ") and says in err
