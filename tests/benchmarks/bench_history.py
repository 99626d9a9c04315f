"""The history screen on a year of sales: opening it, searching it, beside a naive baseline.

Builds a database of ``--sales`` generated sales (default 1,000,000: about a year of three
busy counters) or reuses the one at ``--db PATH`` when it holds that many, then times the
store's history queries the screen runs. Each figure is the median of ``--runs`` runs after
one warm-up run, printed beside the naive baseline (the whole sale table loaded into Python,
then filtered and sorted there, as a screen without the store's indexes would) and their
ratio. It prints; it asserts nothing.

Targets (issue 10): the screen open with its first 200 rows <= 150 ms; a search by number
<= 50 ms.

    .venv/bin/python -m tests.benchmarks.bench_history [--sales N] [--db PATH] [--runs N]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pos_app.domain.refs import SUFFIX_ALPHABET
from pos_app.domain.sale_states import SaleState
from pos_app.store import HistoryCursor, HistoryFilter, Store, open_store

COUNTERS = ("C01", "C02", "C03")
CASHIERS = ("amina", "yacine", "يوسف", "فاطمة", "karim")
ADSL_VALUES = (500, 1000, 2000, 3000)
LTE_VALUES = (500, 1000, 1500, 2000, 3000)
# (state, share): mostly fulfilled, some refunded, queued, unknown, rejected, cancelled
STATES = (
    ("fulfilled", 0.93),
    ("refunded", 0.03),
    ("rejected", 0.015),
    ("queued", 0.01),
    ("cancelled", 0.01),
    ("unknown", 0.005),
)
LTE_SHARE = 0.15
CUSTOMERS = 50_000  # regular lines: the same number comes back
PRINTED = 0.9  # fulfilled sales whose receipt was printed; 2 % of those printed twice
PAGE = 200
OPEN_TARGET_MS = 150
SEARCH_TARGET_MS = 50
COLUMNS = (
    "ref",
    "line_type",
    "number",
    "face_value",
    "cost",
    "price",
    "state",
    "card_code",
    "num_trans",
    "date_traitement",
    "cashier",
    "counter",
    "created_at",
    "updated_at",
    "sent_at",
    "send_attempts",
    "not_found_count",
    "code_tail",
)
SHOWN = "id, ref, created_at, line_type, number, face_value, price, state, code_tail, "
SHOWN += "num_trans, failure_code, cashier, counter"
BATCH = 50_000


def _suffix(i: int) -> str:
    """8 ref characters unique for every ``i`` < 32**8 (an odd multiplier is a bijection)."""
    value = (i * 2_654_435_761) % 32**8
    chars = []
    for _ in range(8):
        value, digit = divmod(value, 32)
        chars.append(SUFFIX_ALPHABET[digit])
    return "".join(chars)


def _customers(rng: random.Random) -> list[tuple[str, str]]:
    lines = []
    for _ in range(CUSTOMERS):
        if rng.random() < LTE_SHARE:
            lines.append(("4G", f"213{rng.choice('567')}{rng.randrange(10**8):08d}"))
        else:
            lines.append(("ADSL", f"0{rng.choice('234')}{rng.randrange(10**7):07d}"))
    return lines


def _times(rng: random.Random, sales: int, end: datetime) -> list[int]:
    """Sorted epoch ms over the year before ``end``, in opening hours (8:00-21:00)."""
    first_day = int((end - timedelta(days=365)).timestamp()) // 86_400 * 86_400
    times = [
        (first_day + rng.randrange(365) * 86_400 + rng.randrange(8 * 3600, 21 * 3600)) * 1000
        + rng.randrange(1000)
        for _ in range(sales)
    ]
    times.sort()
    return times


def _sale_rows(sales: int, seed: int) -> Iterator[tuple[Any, ...]]:
    rng = random.Random(seed)
    customers = _customers(rng)
    states = [s for s, _ in STATES]
    weights = [w for _, w in STATES]
    for i, created in enumerate(_times(rng, sales, datetime(2026, 11, 30, tzinfo=UTC))):
        line_type, number = rng.choice(customers)
        face = rng.choice(LTE_VALUES if line_type == "4G" else ADSL_VALUES)
        state = rng.choices(states, weights)[0]
        counter = COUNTERS[i % 3] if rng.random() < 0.8 else rng.choice(COUNTERS)
        stamp = datetime.fromtimestamp(created // 1000, UTC).strftime("%Y%m%dT%H%M%S")
        code = f"{rng.randrange(10**14):014d}" if state == "fulfilled" else None
        yield (
            f"{counter}-{stamp}-{_suffix(i)}",
            line_type,
            number,
            face,
            face * 97 // 100,
            face,
            state,
            code,
            f"{rng.randrange(10**9)}" if code else None,
            "2026-01-01 10:00:00" if code else None,
            rng.choice(CASHIERS),
            counter,
            created,
            created + rng.randrange(3000, 45_000),
            None if state == "cancelled" else created + 200,
            0 if state == "cancelled" else 1,
            0,
            code[-4:] if code else None,
        )


def build(db_file: Path, sales: int, seed: int = 1) -> float:
    """Create the store's schema at ``db_file``, then fill it with ``sales`` sales and their
    receipt prints in one transaction of plain ``executemany``; the seconds it took."""
    started = time.perf_counter()
    open_store(f"sqlite:///{db_file.as_posix()}").close()  # the schema, by the store itself
    raw = sqlite3.connect(db_file, isolation_level=None)
    try:
        raw.execute("PRAGMA synchronous = OFF")
        raw.execute("BEGIN")
        insert = f"INSERT INTO sale ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
        rows = _sale_rows(sales, seed)
        while chunk := [row for _, row in zip(range(BATCH), rows, strict=False)]:
            raw.executemany(insert, chunk)
        prints = raw.execute(
            "SELECT id, updated_at FROM sale WHERE state = 'fulfilled' AND id % 10 != 0"
        ).fetchall()
        raw.executemany(
            "INSERT INTO receipt_print (sale_id, at, kind, copy, target) "
            "VALUES (?, ?, 'receipt', 0, 'escpos network')",
            prints,
        )
        raw.executemany(
            "INSERT INTO receipt_print (sale_id, at, kind, copy, target) "
            "VALUES (?, ?, 'receipt', 1, 'escpos network')",
            [(sale_id, at + 60_000) for sale_id, at in prints if sale_id % 50 == 1],
        )
        raw.execute("COMMIT")
    finally:
        raw.close()
    return time.perf_counter() - started


def sale_count(db_file: Path) -> int:
    if not db_file.exists():
        return -1
    raw = sqlite3.connect(db_file)
    try:
        return int(raw.execute("SELECT COUNT(*) FROM sale").fetchone()[0])
    except sqlite3.Error:
        return -1
    finally:
        raw.close()


def median_ms(action: Callable[[], object], runs: int, *, warm_up: bool = True) -> float:
    if warm_up:  # the file cache, the statement cache
        action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def naive(db_file: Path, keep: Callable[[tuple[Any, ...]], bool]) -> list[tuple[Any, ...]]:
    """The baseline: every sale loaded into Python, filtered, sorted newest first, cut."""
    raw = sqlite3.connect(db_file)
    try:
        rows = raw.execute(f"SELECT {SHOWN} FROM sale").fetchall()
    finally:
        raw.close()
    kept = [row for row in rows if keep(row)]
    kept.sort(key=lambda row: (row[2], row[0]), reverse=True)
    return kept[:PAGE]


def sample(db_file: Path) -> tuple[str, str, str, str]:
    """A number that was sold to, a 5-digit prefix, a code tail and a ref prefix to search."""
    raw = sqlite3.connect(db_file)
    try:
        mid = raw.execute("SELECT MAX(id) / 2 FROM sale").fetchone()[0]
        number, tail, ref = raw.execute(
            "SELECT number, code_tail, ref FROM sale WHERE id >= ? AND code_tail IS NOT NULL "
            "AND line_type = 'ADSL' ORDER BY id LIMIT 1",
            (mid,),
        ).fetchone()
    finally:
        raw.close()
    return number, number[:5], tail, ref[:15]


def measure(store: Store, db_file: Path, runs: int) -> list[tuple[str, float, float, float]]:
    """(what, app ms, baseline ms, target ms or 0) for each operation of the screen."""
    number, prefix, tail, ref = sample(db_file)
    month_ago = datetime(2026, 10, 31, tzinfo=UTC)
    month_ms = int(month_ago.timestamp() * 1000)
    typed = f"{number[:3]} {number[3:5]} {number[5:7]} {number[7:]}"  # as a cashier types it
    base_runs = max(1, min(runs, 3))
    cases: list[tuple[str, HistoryFilter, Callable[[tuple[Any, ...]], bool], float]] = [
        ("open: first 200 rows, no filter", HistoryFilter(), lambda r: True, OPEN_TARGET_MS),
        (
            f"search full number '{typed}'",
            HistoryFilter(text=typed),
            lambda r: r[4] == number,
            SEARCH_TARGET_MS,
        ),
        (
            f"search 5-digit prefix '{prefix}'",
            HistoryFilter(text=prefix),
            lambda r: r[4].startswith(prefix),
            SEARCH_TARGET_MS,
        ),
        (
            "search first keystroke '0' (broad)",
            HistoryFilter(text="0"),
            lambda r: r[4].startswith("0"),
            SEARCH_TARGET_MS,
        ),
        (f"search code tail '{tail}'", HistoryFilter(text=tail), lambda r: r[8] == tail, 0),
        (f"search ref prefix '{ref}'", HistoryFilter(text=ref), lambda r: r[1].startswith(ref), 0),
        (
            "filter: fulfilled (broad)",
            HistoryFilter(states=frozenset({SaleState.FULFILLED})),
            lambda r: r[7] == "fulfilled",
            0,
        ),
        (
            "filter: refunded at C02, last 30 days",
            HistoryFilter(
                states=frozenset({SaleState.REFUNDED}),
                counters=frozenset({"C02"}),
                since=month_ago,
            ),
            lambda r: r[7] == "refunded" and r[12] == "C02" and r[2] >= month_ms,
            0,
        ),
    ]
    results: list[tuple[str, float, float, float]] = []
    for what, history, keep, target in cases:

        def first_page(h: HistoryFilter = history) -> object:
            return store.history_page(h, limit=PAGE)

        def baseline(k: Callable[[tuple[Any, ...]], bool] = keep) -> object:
            return naive(db_file, k)

        app = median_ms(first_page, runs)
        base = median_ms(baseline, base_runs, warm_up=not results)
        results.append((what, app, base, target))
    deep: HistoryCursor | None = None
    for _ in range(100):  # to the end of page 100, or of the history if shorter
        page = store.history_page(HistoryFilter(), before=deep, limit=PAGE)
        if not page:
            break
        deep = page[-1].cursor
    results.append(
        (
            "scroll: the page after 100 (keyset)",
            median_ms(lambda: store.history_page(HistoryFilter(), before=deep, limit=PAGE), runs),
            0.0,
            0,
        )
    )
    results.append(
        ("count: all sales", median_ms(lambda: store.history_count(HistoryFilter()), runs), 0, 0)
    )
    results.append(
        (
            "count: 5-digit prefix",
            median_ms(lambda: store.history_count(HistoryFilter(text=prefix)), runs),
            0.0,
            0,
        )
    )
    firsts = []
    for _ in range(max(1, min(runs, 3))):
        with open_store(store.url) as fresh:  # a store that has not looked yet
            started = time.perf_counter()
            fresh.history_values("cashier")
            firsts.append((time.perf_counter() - started) * 1000)
    results.append(("filter values: cashiers, first call", statistics.median(firsts), 0, 0))
    results.append(
        (
            "filter values: cashiers, later",
            median_ms(lambda: store.history_values("cashier"), runs),
            0,
            0,
        )
    )
    return results


Results = list[tuple[str, float, float, float]]
"""(what, app ms, baseline ms or 0, target ms or 0) per figure."""


def report(results: Sequence[tuple[str, float, float, float]], width: int = 44) -> None:
    print(f"{'operation':{width}} {'app ms':>9} {'naive ms':>10} {'ratio':>8} {'target':>8}")
    for what, app, base, target in results:
        ratio = "       -" if not (base and app) else f"{base / app:7.{int(base < 10 * app)}f}x"
        naive_ms = f"{base:10.1f}" if base else "         -"
        goal = f"<= {target:.0f}" if target else "-"
        verdict = "" if not target else ("  ok" if app <= target else "  OVER")
        print(f"{what:{width}} {app:9.2f} {naive_ms} {ratio} {goal:>8}{verdict}")
    print("ratio = naive / app (how many times faster the store's query is)")


def run_on_database(
    argv: Sequence[str] | None,
    description: str | None,
    name: str,
    build_db: Callable[[Path, int], float],
    measure_db: Callable[[Store, Path, int], Results],
    *,
    width: int = 44,
) -> int:
    """A benchmark's command line: build (or reuse, with ``--db``) a database of ``--sales``
    sales with ``build_db``, then print what ``measure_db`` times. 2 when ``--db`` holds
    another number of sales (it is never deleted)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sales", type=int, default=1_000_000, help="sales to generate")
    parser.add_argument("--db", type=Path, help="database file to build once and reuse")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per figure")
    args = parser.parse_args(argv)
    folder = None
    if args.db is None:
        folder = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
        db_file = folder / f"{name}.sqlite3"
    else:
        db_file = args.db
        db_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        held = sale_count(db_file)
        if held == args.sales:
            print(f"reusing {db_file} ({args.sales:,} sales)")
        elif db_file.exists():
            print(f"{db_file} holds {held:,} sales, not {args.sales:,}: remove it or pick another")
            return 2
        else:
            seconds = build_db(db_file, args.sales)
            size = db_file.stat().st_size / 2**20
            print(f"built {db_file}: {args.sales:,} sales in {seconds:.1f} s ({size:.0f} MiB)")
        store = open_store(f"sqlite:///{db_file.as_posix()}")
        try:
            report(measure_db(store, db_file, args.runs), width)
        finally:
            store.close()
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    description = __doc__.splitlines()[0] if __doc__ else None
    return run_on_database(argv, description, "history", build, measure)


if __name__ == "__main__":
    raise SystemExit(main())
