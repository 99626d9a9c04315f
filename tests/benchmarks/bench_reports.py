"""A day's X report on a year of sales, beside a naive baseline.

Builds a database of ``--sales`` generated sales (default 1,000,000) with the generator of
``bench_history`` (queued and unknown sales older than two days settled as fulfilled, as
they would be by then) plus each sale's journal (created, sending, then what the server said:
about four rows a sale) and a balance reading every ten minutes of opening hours; or reuses
the one at ``--db PATH`` when it holds that many. Then times a day's X report as the app
makes it (``Store.period_figures`` + two ``balance_at`` + ``build_report``) beside the naive
baseline (the sale and journal tables loaded into Python and summed there), and their
ratio. Each figure is the median of ``--runs`` runs after one warm-up. It prints; it
asserts nothing. Target (issue 10): a day's report <= 100 ms.

The debits, credits and cash handed back come from the journal, read through its index on
``at`` (schema version 2).

    .venv/bin/python -m tests.benchmarks.bench_reports [--sales N] [--db PATH] [--runs N]
"""

from __future__ import annotations

import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pos_app.domain import reports
from pos_app.store import Store
from pos_app.store.reports import _Scope
from tests.benchmarks.bench_history import build as build_sales
from tests.benchmarks.bench_history import median_ms, run_on_database

DAY = datetime(2026, 11, 29, tzinfo=UTC)  # the last day of the generated year: "today"
REPORT_TARGET_MS = 100
ACKNOWLEDGED = sorted(s.value for s in reports.SERVER_ACKNOWLEDGED)
GIVEN_BACK = sorted(s.value for s in reports.GIVEN_BACK_STATES)
_IN_ACK = "(" + ", ".join(f"'{s}'" for s in ACKNOWLEDGED) + ")"
# The journal of each generated sale, by its final state: (from, to, ms after created_at),
# the last move at updated_at (written as None).
JOURNALS: dict[str, tuple[tuple[str | None, str, int | None], ...]] = {
    "fulfilled": (
        (None, "waiting", 0),
        ("waiting", "sending", 200),
        ("sending", "accepted", 900),
        ("accepted", "fulfilled", None),
    ),
    "refunded": (
        (None, "waiting", 0),
        ("waiting", "sending", 200),
        ("sending", "accepted", 900),
        ("accepted", "refunded", None),
    ),
    "queued": (
        (None, "waiting", 0),
        ("waiting", "sending", 200),
        ("sending", "accepted", 900),
        ("accepted", "queued", None),
    ),
    "unknown": ((None, "waiting", 0), ("waiting", "sending", 200), ("sending", "unknown", None)),
    "rejected": ((None, "waiting", 0), ("waiting", "sending", 200), ("sending", "rejected", None)),
    "cancelled": ((None, "waiting", 0), ("waiting", "cancelled", None)),
}
READING_EVERY_MS = 10 * 60 * 1000
SETTLED_AFTER_MS = 2 * 86_400_000  # QUEUED is settled within 48 h, UNKNOWN within minutes


def build(db_file: Path, sales: int) -> float:
    """The sales of ``bench_history``, their journals and balance readings; seconds taken."""
    started = time.perf_counter()
    build_sales(db_file, sales)
    raw = sqlite3.connect(db_file, isolation_level=None)
    try:
        raw.execute("PRAGMA synchronous = OFF")
        raw.execute("BEGIN")
        raw.execute(  # older unresolved sales were settled since (as in a real shop)
            "UPDATE sale SET state = 'fulfilled' WHERE state IN ('queued', 'unknown') "
            "AND created_at < (SELECT MAX(created_at) FROM sale) - ?",
            (SETTLED_AFTER_MS,),
        )
        for state, moves in JOURNALS.items():
            for before, after, delay in moves:
                moment = "updated_at" if delay is None else f"created_at + {delay}"
                raw.execute(
                    "INSERT INTO journal (sale_id, at, from_state, to_state, cause) "
                    f"SELECT id, {moment}, ?, ?, 'bench' FROM sale WHERE state = ?",
                    (before, after, state),
                )
        first, last = raw.execute("SELECT MIN(created_at), MAX(updated_at) FROM sale").fetchone()
        balance = 100_000_000_00
        readings = []
        for at in range(first, last + READING_EVERY_MS, READING_EVERY_MS):
            balance -= 9_700 if at % 7 else -50_000_00
            readings.append((at, balance))
        raw.executemany("INSERT INTO balance_reading (at, centimes) VALUES (?, ?)", readings)
        raw.execute("COMMIT")
    finally:
        raw.close()
    return time.perf_counter() - started


def app_report(store: Store, since: datetime, until: datetime) -> reports.Report:
    """A day's X report as the app makes it."""
    figures = store.period_figures(since, until)
    return reports.build_report(
        "X", figures, store.balance_at(since), store.balance_at(until), None, None
    )


def naive_report(db_file: Path, since: datetime, until: datetime) -> tuple[int, int, int, int]:
    """The baseline: both tables loaded into Python, the same sums made there (what customers
    paid, what was handed back, the debits and the credits of the day, in dinars)."""
    start, end = int(since.timestamp() * 1000), int(until.timestamp() * 1000)
    raw = sqlite3.connect(db_file)
    try:
        sales = raw.execute("SELECT id, state, line_type, price, cost, created_at FROM sale")
        by_id = {row[0]: row for row in sales.fetchall()}
        journal = raw.execute("SELECT sale_id, at, from_state, to_state FROM journal").fetchall()
    finally:
        raw.close()
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for _, state, line_type, price, _, created in by_id.values():
        if start <= created < end:
            totals[state, line_type] += price
    paid = sum(totals.values())
    given_back = debits = credits = 0
    for sale_id, at, before, after in journal:
        if not start <= at < end:
            continue
        cost = by_id[sale_id][4] or 0
        if after in ACKNOWLEDGED and before not in ACKNOWLEDGED:
            debits += cost
        if after == "refunded" and before != "refunded":
            credits += cost
        if after in GIVEN_BACK and before not in GIVEN_BACK:
            given_back += by_id[sale_id][3]
    return paid, given_back, debits, credits


def measure(store: Store, db_file: Path, runs: int) -> list[tuple[str, float, float, float]]:
    """(what, app ms, baseline ms or 0, target ms or 0)."""
    since, until = DAY, DAY + timedelta(days=1)
    report = app_report(store, since, until)
    paid, given_back, debits, credits = naive_report(db_file, since, until)
    app = (
        report.customers_paid,
        report.given_back,
        report.bridge.debits.dinars,
        report.bridge.credits.dinars,
    )
    assert app == (paid, given_back, debits, credits), "the app and the baseline disagree"
    print(
        f"the day {since:%Y-%m-%d}: {report.sales.count:,} sales, paid {paid:,} DA, "
        f"given back {given_back:,} DA, "
        f"debits {debits:,} DA, credits {credits:,} DA, "
        f"{len(report.unresolved):,} unresolved"
    )
    base = median_ms(lambda: naive_report(db_file, since, until), max(1, min(runs, 3)))
    results = [
        ("X report of a day", median_ms(lambda: app_report(store, since, until), runs), base),
        ("  of which sales by state and type", _part(store, since, until, "groups", runs), 0.0),
        ("  of which journal debits + credits", _part(store, since, until, "journal", runs), 0.0),
        ("  of which unresolved sales", _part(store, since, until, "unresolved", runs), 0.0),
    ]
    return [(what, app, naive, REPORT_TARGET_MS if naive else 0) for what, app, naive in results]


def _part(store: Store, since: datetime, until: datetime, part: str, runs: int) -> float:
    """One part of ``period_figures`` alone (the store's private helpers, timed apart)."""
    start, end = int(since.timestamp() * 1000), int(until.timestamp() * 1000)
    scope = _Scope.of_times(start, end)
    actions: dict[str, Callable[[], Any]] = {
        "groups": lambda: store._groups(scope, None),
        "journal": lambda: store._movements(scope, None),
        "unresolved": lambda: store._unresolved(scope, None),
    }

    def bound() -> Any:
        with store._models():
            return actions[part]()

    return median_ms(bound, runs)


def main(argv: Sequence[str] | None = None) -> int:
    description = __doc__.splitlines()[0] if __doc__ else None
    return run_on_database(argv, description, "reports", build, measure, width=46)


if __name__ == "__main__":
    raise SystemExit(main())
