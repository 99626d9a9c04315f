"""The performance table runs in its quick form and every ratio comes from two figures
measured in that run (it asserts no timing)."""

from __future__ import annotations

import re

import pytest

from tests.benchmarks import table

FIGURE = re.compile(r"^([\d,]+(?:\.\d+)?) (\S+)")
ROWS = (
    "first window",
    "ready (products and balance shown)",
    "peak memory (RSS)",
    "confirm to accepted: HTTP calls per sale",
    "confirm to accepted: time",
    "busy counter: status-detection delay, median",
    "busy counter: status requests per sale",
    "GUI-thread longest stall, 5 sales in flight",
    "GUI-thread longest stall, typing",
    "GUI-thread CPU in one gap, longest, 5 sales in flight",
    "GUI-thread CPU in one gap, longest, typing",
    "history: open, first 200 rows",
    "history: search a full number",
    "a day's X report",
    "journal chain: verify every row",
)


def _number(cell: str) -> tuple[float, str]:
    found = FIGURE.match(cell.strip())
    assert found, f"not a figure: {cell!r}"
    return float(found.group(1).replace(",", "")), found.group(2)


@pytest.mark.slow
def test_the_quick_table_has_every_row_each_ratio_from_two_measured_figures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Offscreen whatever the machine has, as on CI (no Xvfb there); this checks the table's
    # making, test_xdisplay.py the Xvfb display and its window watcher.
    assert table.main(["--quick", "--platform", "offscreen"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Performance, ") and "--quick" in out.splitlines()[0]
    assert "Machine: " in out and " cores" in out and "GiB RAM" in out
    assert "Start-up: " in out and ("under Xvfb" in out or "offscreen" in out)
    assert "median of 1 runs' longest gap" in out and "the longest of all runs" in out
    body = [line for line in out.splitlines() if line.startswith("| ") and "---" not in line]
    assert body[0] == "| figure | pos-app | baseline | ratio | target |"
    rows = {cells[0]: cells[1:] for cells in (line[2:-2].split(" | ") for line in body[1:])}
    assert tuple(rows) == ROWS
    for what, (app_cell, base_cell, ratio_cell, _target) in rows.items():
        app, unit = _number(app_cell)
        base, base_unit = _number(base_cell)
        assert unit == base_unit, what
        assert app > 0 and base > 0, what
        ratio = float(ratio_cell.rstrip("x"))
        # the printed figures are rounded (3 significant digits at least): the ratio agrees
        # with them to that precision, so it is their quotient, not a number of its own
        assert ratio == pytest.approx(app / base, rel=0.03, abs=0.01), what


@pytest.mark.slow
def test_the_startup_flag_runs_only_the_startup_rows(capsys: pytest.CaptureFixture[str]) -> None:
    assert table.main(["--quick", "--startup", "--platform", "offscreen"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| ")]
    names = [line.split("|")[1].strip() for line in lines[1:]]  # after the heading row
    assert names == list(ROWS[:3])
    for line in lines[1:]:
        cells = [cell.strip() for cell in line.split("|")[1:-1]]
        assert _number(cells[1])[0] > 0 and _number(cells[2])[0] > 0
