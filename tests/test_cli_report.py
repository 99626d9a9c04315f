"""``pos-app report`` in this process over a real SQLite file of hand-made sales: the X report's
totals equal the hand-computed ones, a day's report, Z 1 then Z 2, the cash counted, the PDF,
and arguments that cannot be used (one line, status 2)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.cli import main
from pos_app.store import open_store
from tests.support import report_day as day


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = day.day_database(tmp_path)
    monkeypatch.setenv("POS_DB_URL", url)
    monkeypatch.setenv("POS_COUNTER_ID", "C9")
    monkeypatch.delenv("ONECLICK_API_KEY", raising=False)
    yield url


def report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    status = main(["report", *args])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


def test_the_x_report_of_the_open_period(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, err = report(capsys)
    assert (status, err) == (0, "")
    assert lines[0] == "X report (mid-day, nothing closed)"
    assert lines[1].startswith("Period: 2026-03-02T09:00:00+00:00 to ")  # since the first sale
    assert "Sales: 6" in lines
    assert f"Face value sold: {day.FACE_VALUE_SOLD:,} DA" in lines
    assert f"Customers paid: {day.CUSTOMERS_PAID:,} DA" in lines
    assert f"Given back (refunded, rejected or cancelled): {day.GIVEN_BACK:,} DA" in lines
    assert f"Cost to the shop: {day.COST:,} DA" in lines
    assert f"Margin: {day.MARGIN:,} DA" in lines
    assert f"Unresolved sales: {len(day.UNRESOLVED)}" in lines
    assert "  - accepted sales (4): 4,410.00 DA" in lines
    assert "  + refunds (1): 490.00 DA" in lines
    assert "  = Expected closing balance: 46,080.00 DA" in lines
    assert "  Actual closing balance: 44,120.00 DA" in lines
    assert "  Difference: -1,960.00 DA" in lines
    assert f"  Expected: {day.CASH_EXPECTED:,} DA" in lines
    assert "  Counted: not counted" in lines
    assert lines[-1].startswith("(opening balance read 2026-03-02T08:00:00+00:00, closing")
    assert "OneClickDZ was not asked" in lines[-1]
    with open_store(db_url, read_only=True) as store:
        assert store.z_reports() == []  # an X closes nothing


def test_a_days_report_and_the_cash_counted(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, lines, _ = report(capsys, "--date", "2026-03-02", "--cash", "5 900")
    assert status == 0
    assert "Sales: 6" in lines and "  Counted: 5,900 DA" in lines
    assert "  Difference: -100 DA" in lines
    status, lines, _ = report(capsys, "--date", "2026-03-03")
    assert status == 0 and "Sales: 0" in lines


def test_z_twice_makes_z_1_then_z_2(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, err = report(capsys, "--z", "--cash", "6000")
    assert (status, err) == (0, "")
    assert lines[0] == "Z report no. 1 (period closed)"
    assert "Sales: 6" in lines and "  Difference: 0 DA" in lines
    status, lines, _ = report(capsys, "--z")
    assert status == 0
    assert lines[0] == "Z report no. 2 (period closed)"
    assert "Sales: 0" in lines  # the sales belong to Z 1
    assert f"Unresolved sales: {len(day.UNRESOLVED)}" in lines  # still open: listed again
    with open_store(db_url, read_only=True) as store:
        first, second = store.z_reports()
        assert (first.number, second.number) == (1, 2)
        assert (first.counter, first.cash_counted) == ("C9", 6000)
        assert second.opened_at == first.closed_at
        assert first.report().customers_paid == day.CUSTOMERS_PAID


def test_pdf(db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "z.pdf"
    status, lines, _ = report(capsys, "--z", "--pdf", str(path), "--lang", "ar")
    assert status == 0 and lines[-1] == f"wrote {path}"
    assert path.read_bytes().startswith(b"%PDF")


def test_a_pdf_that_cannot_be_written_says_the_z_is_stored(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = report(capsys, "--z", "--pdf", str(tmp_path / "missing" / "z.pdf"))
    assert status == 1
    assert err.startswith("pos-app report: Z 1 is stored; the PDF was not written")
    with open_store(db_url, read_only=True) as store:
        assert [z.number for z in store.z_reports()] == [1]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--z", "--date", "2026-03-02"], "cannot be used with --date"),
        (["--date", "2026-02-30"], "--date: not a date (YYYY-MM-DD): '2026-02-30'"),
        (["--date", "yesterday"], "--date: not a date"),
        (["--cash", "12.50"], "whole dinars"),
        (["--cash", "-5"], "whole dinars"),
    ],
)
def test_arguments_that_cannot_be_used(
    db_url: str, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    status, lines, err = report(capsys, *args)
    assert status == 2 and lines == []
    assert len(err.splitlines()) == 1 and err.startswith("pos-app report: ") and says in err
    with open_store(db_url, read_only=True) as store:
        assert store.z_reports() == []
