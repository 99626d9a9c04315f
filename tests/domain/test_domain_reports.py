"""The X/Z report built from figures: totals, what was kept, margin, bridge, cash, text, data."""

from __future__ import annotations

import ast
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos_app.domain import reports
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import FINAL_STATES, SaleState

ADSL, LTE = LineType.ADSL, LineType.LTE
SINCE = datetime(2026, 3, 2, tzinfo=UTC)
UNTIL = SINCE + timedelta(days=1)


def group(  # noqa: PLR0917 (one row of hand-made figures)
    state: SaleState,
    line_type: LineType,
    count: int,
    face: int,
    price: int,
    cost: int,
    unknown: int = 0,
    unknown_price: int = 0,
) -> reports.GroupFigures:
    return reports.GroupFigures(state, line_type, count, face, price, cost, unknown, unknown_price)


def unresolved(ref: str, state: SaleState, price: int, cost: int | None) -> reports.UnresolvedSale:
    return reports.UnresolvedSale(ref, "036362608", state, price, cost, SINCE + timedelta(hours=1))


FIGURES = reports.PeriodFigures(
    since=SINCE,
    until=UNTIL,
    counter=None,
    groups=(
        group(SaleState.FULFILLED, ADSL, 2, 2000, 2000, 1960),
        group(SaleState.FULFILLED, LTE, 1, 2000, 2000, 0, unknown=1, unknown_price=2000),
        group(SaleState.REFUNDED, ADSL, 1, 2000, 2000, 1960),
        group(SaleState.QUEUED, LTE, 1, 500, 500, 490),
        group(SaleState.UNKNOWN, LTE, 1, 1000, 1000, 980),
        group(SaleState.CANCELLED, ADSL, 1, 1000, 1000, 980),
        group(SaleState.REJECTED, ADSL, 1, 500, 500, 0, unknown=1, unknown_price=500),
    ),
    debits=reports.Movement(count=6, dinars=4900, cost_unknown=1),
    credits=reports.Movement(count=2, dinars=2940),
    unresolved=(
        unresolved("q", SaleState.QUEUED, 500, 490),
        unresolved("u", SaleState.UNKNOWN, 1000, 980),
    ),
    # handed back in the period: the refunded, cancelled and rejected sales above, and a sale
    # of an earlier period refunded in this one (700)
    given_back=reports.Movement(count=4, dinars=2000 + 1000 + 500 + 700),
)


def reading(centimes: int, hours: float = 0, *, after: bool = False) -> reports.BalanceReading:
    return reports.BalanceReading(SINCE + timedelta(hours=hours), centimes, after)


def x_report(
    opening: reports.BalanceReading | None = None,
    closing: reports.BalanceReading | None = None,
    cash: int | None = None,
    figures: reports.PeriodFigures = FIGURES,
) -> reports.Report:
    return reports.build_report("X", figures, opening, closing, cash, None)


def test_totals_by_state_and_type_what_was_sold_and_the_cash() -> None:
    report = x_report()
    by_state = dict(report.by_state)
    assert by_state[SaleState.FULFILLED] == reports.Totals(3, 4000, 4000, 1960, 1, 2000)
    assert by_state[SaleState.CANCELLED].count == 1
    assert SaleState.WAITING not in by_state  # empty states are left out
    assert dict(report.by_type) == {
        ADSL: reports.Totals(5, 5500, 5500, 4900, 1, 500),
        LTE: reports.Totals(3, 3500, 3500, 1470, 1, 2000),
    }
    assert report.sales.count == 8 and report.sales.price == 9000
    # sold = delivered (fulfilled): the queued and the unknown sale are not sold yet
    assert report.face_value_sold == 4000
    assert report.cost == 1960
    assert report.margin == 4000 - 2000 - 1960  # the sale of unknown cost is left out
    assert (report.margin_cost_unknown, report.margin_price_left_out) == (1, 2000)
    # the cash: every sale made was paid; what was handed back in the period goes out
    assert report.customers_paid == 9000
    assert report.given_back == 4200
    assert report.cash_expected == 9000 - 4200
    assert [s.ref for s in report.unresolved] == ["q", "u"]


def test_bridge_that_agrees() -> None:
    # opening 10,000.50 - 4,900 + 2,940 = 8,040.50
    report = x_report(reading(1_000_050), reading(804_050, 20))
    bridge = report.bridge
    assert bridge.expected_closing == 804_050 and bridge.difference == 0
    assert [n.text for n in bridge.notes] == [reports.N_COST_UNKNOWN_DEBITS, reports.N_AGREES]


def test_negative_difference_is_an_unknown_charge_and_unknown_outcomes_may_explain_it() -> None:
    report = x_report(reading(1_000_050), reading(804_050 - 196_000, 20))
    bridge = report.bridge
    assert bridge.difference == -196_000
    texts = [n.render() for n in bridge.notes]
    assert any("1,960.00 DA lower" in t and "does not know about" in t for t in texts), texts
    # only the UNKNOWN sale's cost: the QUEUED one was debited already
    assert "1 unresolved sales of unknown outcome may account for up to 980.00 DA" in " ".join(
        texts
    )
    assert bridge.unknown_outcome_centimes == 98_000


def test_positive_difference_may_be_a_top_up() -> None:
    report = x_report(reading(1_000_050), reading(804_050 + 500_000, 20))
    assert report.bridge.difference == 500_000
    assert any(n.text == reports.N_POSITIVE for n in report.bridge.notes)
    assert "5,000.00 DA higher" in " ".join(n.render() for n in report.bridge.notes)


def test_missing_or_late_balances_are_said() -> None:
    nothing = x_report().bridge
    assert nothing.expected_closing is None and nothing.difference is None
    assert {reports.N_NO_OPENING, reports.N_NO_CLOSING} <= {n.text for n in nothing.notes}
    late = x_report(reading(1_000_050, 2, after=True), reading(804_050, 30)).bridge
    assert late.difference == 0
    assert {reports.N_OPENING_AFTER, reports.N_CLOSING_AFTER} <= {n.text for n in late.notes}


def test_one_counter_is_flagged() -> None:
    figures = reports.PeriodFigures(SINCE, UNTIL, "C2")
    report = x_report(reading(100), reading(100), figures=figures)
    assert report.counter == "C2"
    assert any(n.text == reports.N_ONE_COUNTER for n in report.bridge.notes)


def test_cash_counted_against_the_sales() -> None:
    assert x_report(cash=4700).cash_difference == -100
    exact = x_report(cash=4800)
    assert (exact.cash_expected, exact.cash_difference) == (4800, 0)
    assert x_report().cash_difference is None
    with pytest.raises(TypeError):
        x_report(cash=5500.0)  # type: ignore[arg-type]


def test_z_has_a_number_and_x_none() -> None:
    assert reports.build_report("Z", FIGURES, None, None, None, 7).number == 7
    with pytest.raises(ValueError, match="number"):
        reports.build_report("Z", FIGURES, None, None, None, None)
    with pytest.raises(ValueError, match="number"):
        reports.build_report("X", FIGURES, None, None, None, 3)


def test_state_sets_follow_the_state_table() -> None:
    assert (set(SaleState) - FINAL_STATES) | {SaleState.CONFLICT} == reports.UNRESOLVED_STATES
    assert reports.SERVER_ACKNOWLEDGED.isdisjoint(reports.UNKNOWN_OUTCOME_STATES)
    assert {SaleState.REFUNDED, SaleState.REJECTED, SaleState.CANCELLED} == reports.NOT_KEPT_STATES
    assert reports.SOLD_STATES <= reports.SERVER_ACKNOWLEDGED
    assert reports.SOLD_STATES.isdisjoint(reports.NOT_KEPT_STATES)


def test_lines_show_every_part_in_plain_english() -> None:
    report = reports.build_report(
        "Z", FIGURES, reading(1_000_050), reading(804_050 - 196_000, 20), 5400, 12
    )
    text = "\n".join(reports.report_lines(report))
    for expected in (
        "Z report no. 12",
        "Period: 2026-03-02T00:00:00+00:00 to 2026-03-03T00:00:00+00:00",
        "Counter: all",
        "Sales: 8",
        "  fulfilled: 3 sales, face value 4,000 DA, price 4,000 DA, cost 1,960 DA",
        "  4G: 3 sales",
        "Face value sold: 4,000 DA",
        "Customers paid: 9,000 DA",
        "Given back (refunded, rejected or cancelled): 4,200 DA",
        "Margin: 40 DA",
        "  1 sales of unknown cost (price 2,000 DA) are left out of the margin",
        "Unresolved sales: 2",
        "  u  036362608  unknown  1,000 DA",
        "  Opening balance: 10,000.50 DA",
        "  - accepted sales (6): 4,900.00 DA",
        "  + refunds (2): 2,940.00 DA",
        "  = Expected closing balance: 8,040.50 DA",
        "  Actual closing balance: 6,080.50 DA",
        "  Difference: -1,960.00 DA",
        "  Expected: 4,800 DA",
        "  Counted: 5,400 DA",
        "  Difference: 600 DA",
    ):
        assert expected in text, expected
    assert "{" not in text  # every placeholder filled


def test_centimes_show_two_decimals_and_the_sign() -> None:
    assert reports.centimes_text(-5) == "-0.05 DA"
    assert reports.centimes_text(123_456_789) == "1,234,567.89 DA"
    assert reports.dinars_text(-1200) == "-1,200 DA"


def test_data_round_trip_through_json_with_stable_keys() -> None:
    report = reports.build_report(
        "Z", FIGURES, reading(1_000_050, after=True), reading(608_050, 20), 5400, 3
    )
    data = reports.report_to_data(report)
    text = json.dumps(data, sort_keys=True)
    again = reports.report_from_data(json.loads(text))
    assert again == report
    assert json.dumps(reports.report_to_data(again), sort_keys=True) == text
    assert sorted(data) == sorted(
        [
            "format", "kind", "number", "since", "until", "counter", "by_state", "by_type",
            "sales", "face_value_sold", "customers_paid", "given_back", "cost", "margin",
            "margin_cost_unknown", "margin_price_left_out", "unresolved", "bridge",
            "cash_expected", "cash_counted", "cash_difference", "chain",
        ]
    )  # fmt: skip
    sealed = replace(report, chain=reports.ChainSeal(14, "0123456789abcdef", False))
    sealed_data = json.loads(json.dumps(reports.report_to_data(sealed)))
    assert reports.report_from_data(sealed_data) == sealed
    older = {key: value for key, value in data.items() if key != "chain"}  # a Z made before v4
    assert reports.report_from_data(older) == report
    empty = x_report()
    assert reports.report_from_data(json.loads(json.dumps(reports.report_to_data(empty)))) == empty


def test_malformed_data_is_refused() -> None:
    data = reports.report_to_data(x_report())
    with pytest.raises(ValueError, match="format"):
        reports.report_from_data({**data, "format": 99})
    with pytest.raises(ValueError, match="misses"):
        reports.report_from_data({k: v for k, v in data.items() if k != "margin"})
    with pytest.raises(ValueError, match="integer"):
        reports.report_from_data({**data, "margin": "70"})


def test_texts_are_marked_for_translation_under_reports() -> None:
    tree = ast.parse(Path(reports.__file__).read_text(encoding="utf-8"))
    marked = [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "QT_TRANSLATE_NOOP"
        and isinstance(node.args[0], ast.Constant)
    ]
    assert len(marked) > 30 and set(marked) == {"reports"}
