"""The benchmark scripts run on a small database, so they cannot rot (they assert no
timing: the figures are only printed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchmarks import bench_chain, bench_history, bench_reports


@pytest.mark.slow
def test_the_history_benchmark_script_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "bench.sqlite3"
    assert bench_history.main(["--sales", "2000", "--runs", "1", "--db", str(db)]) == 0
    first = capsys.readouterr().out
    assert f"built {db}: 2,000 sales" in first
    for figure in ("open: first 200 rows", "search full number", "search 5-digit prefix"):
        assert figure in first
    assert bench_history.main(["--sales", "2000", "--runs", "1", "--db", str(db)]) == 0
    assert "reusing" in capsys.readouterr().out
    assert bench_history.main(["--sales", "3000", "--runs", "1", "--db", str(db)]) == 2


@pytest.mark.slow
def test_the_report_benchmark_runs_on_2000_sales(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "bench.sqlite3"
    assert bench_reports.main(["--sales", "2000", "--db", str(db), "--runs", "1"]) == 0
    out = capsys.readouterr().out
    assert "X report of a day " in out and "of which journal debits + credits" in out
    # the script checks the app's figures against its naive baseline before timing them
    assert bench_reports.main(["--sales", "2000", "--db", str(db), "--runs", "1"]) == 0
    assert "reusing" in capsys.readouterr().out


def test_the_redaction_benchmark_runs_and_leaves_no_secret(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from pos_app.domain.redaction import SECRETS
    from tests.benchmarks import bench_redaction

    assert bench_redaction.main(["--codes", "500", "--runs", "20"]) == 0
    out = capsys.readouterr().out
    assert "500 codes, a key, a PIN: message" in out and "traceback" in out
    assert len(SECRETS) == 0


def test_the_chain_benchmark_runs_on_2000_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "bench.sqlite3"
    assert bench_chain.main(["--rows", "2001", "--db", str(db), "--runs", "1"]) == 0
    out = capsys.readouterr().out
    assert f"built {db}: 2,001 journal rows" in out
    assert "checked: journal: 2001 rows, head " in out and ", intact" in out
    assert "verify_chain" in out and "ratio verify/plain read: " in out
    assert bench_chain.main(["--rows", "2001", "--db", str(db), "--runs", "1"]) == 0
    assert "reusing" in capsys.readouterr().out
    assert bench_chain.main(["--rows", "3000", "--db", str(db), "--runs", "1"]) == 2
