"""Verifying the journal's chain over a million rows, beside a plain read of the same rows.

Builds a database of ``--rows`` journal rows (default 1,000,000: a quarter as many sales,
each created, sent, accepted and fulfilled with an encrypted card code), sealed as the store
seals them (the same ``Sealer``, canonical bytes and code digests, written with plain
``executemany``, then the block seals the store keeps as blocks fill), or reuses the one at
``--db PATH`` when it holds that many rows. Then times ``Store.verify_chain`` beside the
baseline (a plain SELECT of every journal row and of the sales' facts into Python), and
again with every row checked in this process (no child process), and prints the ratios.
Each figure is the median of ``--runs`` runs, the three interleaved, after one warm-up. It
prints; it asserts only that the chain verifies. Target (issue 11): under 2 s.

    .venv/bin/python -m tests.benchmarks.bench_chain [--rows N] [--db PATH] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import peewee as pw

from pos_app.store import Store, chain, open_store
from pos_app.store.chain import GENESIS, JOURNAL, SALE_FACTS, Sealer, canonical, code_digest
from pos_app.store.codes import CodeCipher
from pos_app.store.vault import CARD_CODES
from tests.benchmarks.bench_history import median_ms

TARGET_MS = 2000
ALONE = 10**12
"""``parallel_from`` that keeps every row in this process (no child process)."""
ROWS_PER_SALE = 4
START_MS = 1_767_225_600_000  # 2026-01-01T00:00:00Z
MOVES = ((None, "waiting", "created"), ("waiting", "sending", "send"),
         ("sending", "accepted", "accepted"), ("accepted", "fulfilled", "fulfilled"))  # fmt: skip


Facts = tuple[int, str, str, str, int, int, int, str, str, int]


def _sales(count: int) -> Iterator[Facts]:
    """(id, ref, line_type, number, face_value, cost, price, cashier, counter, created_at):
    ``chain.SALE_FACTS`` after the id."""
    for sale_id in range(1, count + 1):
        created = START_MS + sale_id * 30_000
        yield (
            sale_id,
            f"B01-{sale_id:012d}",
            "ADSL" if sale_id % 3 else "4G",
            f"0{36_000_000 + sale_id % 999_999:08d}",
            1000,
            980,
            1000,
            "bench",
            "B01",
            created,
        )


def build(db_file: Path, rows: int) -> float:
    """The store's schema (and data key) by the store itself, then the sales and their
    sealed journal rows in one transaction; the seconds it took."""
    started = time.perf_counter()
    url = f"sqlite:///{db_file.as_posix()}"
    with open_store(url, key_in_file=True) as store:  # a bench file: no keyring entry
        sealer = Sealer(store.vault.subkey(JOURNAL.purpose))
        codes = CodeCipher(store.vault.subkey(CARD_CODES))
    raw = sqlite3.connect(db_file, isolation_level=None)
    try:
        raw.execute("PRAGMA synchronous = OFF")
        raw.execute("BEGIN")
        sales: list[tuple[object, ...]] = []
        journal: list[tuple[object, ...]] = []
        previous = GENESIS
        row_id = 0
        for sale in _sales(-(-rows // ROWS_PER_SALE)):
            code = codes.seal(sale[1], f"{sale[0]:016d}")
            sales.append((*sale, "fulfilled", sale[-1] + 9_000, code))
            for step, (before, after, cause) in enumerate(MOVES):
                if row_id == rows:
                    break
                row_id += 1
                digest = code_digest(code) if after == "fulfilled" else None
                row = (row_id, sale[0], sale[-1] + step * 3000, before, after, cause, None, digest)
                facts: tuple[object, ...] = sale[1:] if before is None else ()
                previous = sealer.mac(previous, canonical((*row, *facts)))
                journal.append((*row, previous))
            if row_id == rows and journal and journal[-1][4] != "fulfilled":
                sales[-1] = (*sales[-1][:-3], journal[-1][4], sales[-1][-2], None)
        raw.executemany(
            f"INSERT INTO sale (id, {', '.join(SALE_FACTS)}, state, updated_at, card_code, "
            "send_attempts, not_found_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)",
            sales,
        )
        raw.executemany(
            f"INSERT INTO journal ({', '.join(JOURNAL.columns)}, mac) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            journal,
        )
        raw.execute("COMMIT")
    finally:
        raw.close()
    database = pw.SqliteDatabase(str(db_file))
    try:
        with database.atomic():  # the block seals the store keeps as each block fills
            chain.seal_blocks(database, JOURNAL, sealer.key)
    finally:
        database.close()
    return time.perf_counter() - started


def journal_rows(db_file: Path) -> int:
    """The journal rows of ``db_file`` (0 when it has no database yet)."""
    if not db_file.exists():
        return 0
    raw = sqlite3.connect(db_file)
    try:
        return int(raw.execute("SELECT COUNT(*) FROM journal").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        raw.close()


def plain_read(db_file: Path) -> int:
    """The baseline: every journal row and every sale's facts read into Python."""
    raw = sqlite3.connect(db_file)
    try:
        count = 0
        for _ in raw.execute(f"SELECT {', '.join(JOURNAL.columns)}, mac FROM journal"):
            count += 1
        for _ in raw.execute(f"SELECT id, {', '.join(SALE_FACTS)}, state, card_code FROM sale"):
            pass
        return count
    finally:
        raw.close()


def measure(store: Store, db_file: Path, runs: int) -> tuple[float, float, float]:
    """(verify ms, verify in this process only ms, baseline ms), interleaved run by run;
    the chain must verify."""
    check = store.verify_chain()
    assert check.ok, check.describe()
    print(f"checked: {check.describe()}")
    plain_read(db_file)  # warm: the file cache
    base: list[float] = []
    verify: list[float] = []
    alone: list[float] = []
    for _ in range(runs):
        base.append(median_ms(lambda: plain_read(db_file), 1, warm_up=False))
        verify.append(median_ms(store.verify_chain, 1, warm_up=False))
        alone.append(median_ms(lambda: store.verify_chain(parallel_from=ALONE), 1, warm_up=False))
    return statistics.median(verify), statistics.median(alone), statistics.median(base)


def _load() -> str:
    """The 1-minute load average (other work on the machine slows every figure)."""
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "-"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=1_000_000, help="journal rows to build")
    parser.add_argument("--db", type=Path, help="database file to build once and reuse")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per figure")
    args = parser.parse_args(argv)
    load = _load()
    folder = None if args.db else Path(tempfile.mkdtemp(prefix="bench-chain-"))
    db_file = args.db or folder / "chain.sqlite3"  # type: ignore[operator]
    try:
        held = journal_rows(db_file)
        if held == args.rows:
            print(f"reusing {db_file}: {held:,} journal rows")
        elif held:
            print(f"{db_file} holds {held:,} journal rows, not {args.rows:,}: not touched")
            return 2
        else:
            seconds = build(db_file, args.rows)
            print(f"built {db_file}: {args.rows:,} journal rows in {seconds:.1f} s")
        with open_store(f"sqlite:///{db_file.as_posix()}", read_only=True) as store:
            verify, alone, base = measure(store, db_file, args.runs)
        print(f"{'plain SELECT of the same rows':<34} {base:9.0f} ms")
        print(f"{'verify_chain':<34} {verify:9.0f} ms   target < {TARGET_MS} ms")
        print(f"{'verify_chain, no child process':<34} {alone:9.0f} ms")
        print(
            f"ratio verify/plain read: {verify / base:.2f} (no child process: {alone / base:.2f})"
        )
        print(f"load average before/after: {load} / {_load()}")
        return 0
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
