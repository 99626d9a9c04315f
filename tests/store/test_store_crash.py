"""kill -9 in the middle of a loop of transitions: the database stays sound and atomic.

A child process runs sales through their states as fast as it can and is killed with
SIGKILL either by itself at a chosen point of the SQL it sends (just before the k-th journal
insert, sale update, sale insert or COMMIT, just after a COMMIT, or before any statement)
or from outside at a moment the parent picks. After each kill the parent reopens the file
and checks the invariants; the next child carries on with the same file.
"""

from __future__ import annotations

import itertools
import random
import signal
from collections import Counter
from pathlib import Path

import pytest

from pos_app.domain.sale_states import SaleState
from pos_app.store import open_store
from tests.store.conftest import sqlite_url, start_child

# Each printed line follows exactly one committed journal row (the print comes after the
# commit returned), so the parent knows a lower bound of what must be in the database.
CHILD = r"""
import os, signal, sys
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.store import NewSale, open_store

url, first, point, nth = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
store = open_store(url)
db = store._db
seen = 0

def hit(kind):
    global seen
    if kind == point:
        seen += 1
        if seen == nth:
            os.kill(os.getpid(), signal.SIGKILL)

execute_sql, commit = db.execute_sql, db.commit

def watched_execute_sql(sql, params=None, *args, **kwargs):
    hit("any")
    if sql.startswith('INSERT INTO "journal"'):
        hit("journal")
    elif sql.startswith('UPDATE "sale"'):
        hit("sale-update")
    elif sql.startswith('INSERT INTO "sale"'):
        hit("sale-insert")
    return execute_sql(sql, params, *args, **kwargs)

def watched_commit():
    hit("before-commit")
    commit()
    hit("after-commit")

db.execute_sql, db.commit = watched_execute_sql, watched_commit

moves = [
    (SaleState.WAITING, SaleState.SENDING),
    (SaleState.SENDING, SaleState.UNKNOWN),
    None,
    (SaleState.UNKNOWN, SaleState.WAITING),
    (SaleState.WAITING, SaleState.SENDING),
    (SaleState.SENDING, SaleState.ACCEPTED),
    (SaleState.ACCEPTED, SaleState.FULFILLED),
]
n = first
while True:
    ref = f"K{n:06d}"
    store.add_sale(NewSale(ref, LineType.ADSL, "036362608", 500, None, 500, "c", "K"))
    print(ref, flush=True)
    for step, move in enumerate(moves):
        if move is None:
            store.record(ref, "check-ref not found", not_found_count=1,
                         detail={"status": "NOT_FOUND"})
        else:
            fields = {"card_code": "123456789012"} if move[1] is SaleState.FULFILLED else {}
            store.transition(ref, move[0], move[1], f"step {step}", detail={"step": step},
                             send_attempts=step, **fields)
        print(ref, flush=True)
    n += 1
"""

KILL_POINTS = [
    "journal",
    "sale-update",
    "sale-insert",
    "before-commit",
    "after-commit",
    "any",
    "outside",
]


def run_and_kill(url: str, first: int, point: str, nth: int, committed: Counter[str]) -> None:
    """Run the child until it is killed at ``point``; count the lines it printed."""
    child = start_child(CHILD, url, str(first), point, str(nth))
    try:
        assert child.stdout is not None
        if point == "outside":
            for _ in range(nth):
                line = child.stdout.readline()
                assert line, "the child ended before it was killed"
                committed[line.strip()] += 1
            child.send_signal(signal.SIGKILL)
            # readline() may have read further lines into the pipe's buffer, which
            # communicate() would skip (it reads the raw pipe): read them first.
            for line in child.stdout:
                committed[line.strip()] += 1
        rest, errors = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, errors
    for line in rest.splitlines():  # each line was printed after its commit returned
        committed[line.strip()] += 1


def check_invariants(url: str, committed: Counter[str]) -> None:
    with open_store(url) as store:
        assert store.integrity_check() == "ok"
        sales = list(store.iter_sales())
        assert {s.ref for s in sales} >= set(committed), "a committed sale was lost"
        for sale in sales:
            rows = store.journal(sale.ref)
            assert rows[0].from_state is None and rows[0].to_state is SaleState.WAITING
            for prev, row in itertools.pairwise(rows):
                assert row.from_state == prev.to_state, sale.ref
            assert rows[-1].to_state is sale.state, f"{sale.ref}: state without its journal row"
            # every change the child saw committed is there, plus at most the one in flight
            assert committed[sale.ref] <= len(rows) <= committed[sale.ref] + 1, sale.ref
            if sale.state is SaleState.FULFILLED:
                assert sale.card_code == "123456789012"
            assert all("123456789012" not in str(row.detail) for row in rows)


@pytest.mark.slow
def test_kill_9_mid_transitions_leaves_a_sound_atomic_database(db_path: Path) -> None:
    url = sqlite_url(db_path)
    rng = random.Random(20260301)
    committed: Counter[str] = Counter()
    for round_no, point in enumerate(KILL_POINTS):
        nth = rng.randint(5, 60) if point != "any" else rng.randint(20, 300)
        run_and_kill(url, round_no * 100_000, point, nth, committed)
        check_invariants(url, committed)
    assert sum(committed.values()) > 50, "the children did real work before dying"
