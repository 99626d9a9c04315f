"""Two stores on two files, open at once in one process: each keeps to its own database,
whichever thread calls it and however the calls interleave."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.store import Store, StoreClosedError, open_store
from pos_app.store.base import open_stores
from tests.store.conftest import Clock, new_sale, sqlite_url
from tests.support.sales import sale_of


@pytest.fixture
def two(tmp_path: Path, clock: Clock) -> Iterator[tuple[Store, Store]]:
    first = open_store(sqlite_url(tmp_path / "a.sqlite3"), now=clock.now)
    try:
        second = open_store(sqlite_url(tmp_path / "b.sqlite3"), now=clock.now)
    except BaseException:
        first.close()
        raise
    yield first, second
    first.close()
    second.close()


def refs_in_file(path: Path) -> set[str]:
    """The sale refs in a SQLite file, read without the store."""
    raw = sqlite3.connect(path)
    try:
        return {row[0] for row in raw.execute("SELECT ref FROM sale")}
    finally:
        raw.close()


def test_interleaved_writes_land_in_their_own_store(
    two: tuple[Store, Store], tmp_path: Path
) -> None:
    a, b = two
    for n in range(1, 7):
        store = a if n % 2 else b
        sale = store.add_sale(new_sale(n))
        store.transition(
            sale.ref,
            SaleState.WAITING,
            SaleState.SENDING,
            "send",
            detail={"store": "a" if store is a else "b"},
        )
    a.record(new_sale(1).ref, "noted", server_status="PENDING")
    a.set_setting("language", "ar")
    b.set_setting("language", "fr")
    a.save_balance(Decimal("100.50"), a.now())
    b.save_products(LineType.ADSL, [(500, 480, True)], b.now())

    mine = {a: {new_sale(n).ref for n in (1, 3, 5)}, b: {new_sale(n).ref for n in (2, 4, 6)}}
    for store, refs in mine.items():
        assert {s.ref for s in store.iter_sales()} == refs
        assert {s.ref for s in store.by_state(SaleState.SENDING)} == refs
        assert store.count_by_state()[SaleState.SENDING] == 3
        for ref in mine[a] | mine[b]:
            assert (store.get(ref) is not None) == (ref in refs)
            assert bool(store.journal(ref)) == (ref in refs)
    assert sale_of(a, new_sale(1).ref).server_status == "PENDING"
    assert {row.detail["store"] for ref in mine[b] for row in b.journal(ref) if row.detail} == {"b"}
    assert (a.get_setting("language"), b.get_setting("language")) == ("ar", "fr")
    assert a.cached_balance() is not None and b.cached_balance() is None
    assert a.cached_products(LineType.ADSL) is None and b.cached_products(LineType.ADSL)
    assert refs_in_file(tmp_path / "a.sqlite3") == mine[a]
    assert refs_in_file(tmp_path / "b.sqlite3") == mine[b]


def test_reading_one_store_page_by_page_while_writing_the_other(
    two: tuple[Store, Store],
) -> None:
    a, b = two
    for n in range(1, 4):
        a.add_sale(new_sale(n))
    pages = a.iter_sales(batch=1)
    read = []
    for n in range(10, 13):
        read.append(next(pages).ref)
        b.add_sale(new_sale(n))  # between two pages of a
    assert list(pages) == []
    assert read == [new_sale(n).ref for n in range(1, 4)]
    assert [s.ref for s in b.iter_sales()] == [new_sale(n).ref for n in range(10, 13)]


def in_lockstep(
    stores: tuple[Store, ...], steps: list[Callable[[], Any]], others: list[Callable[[], Any]]
) -> None:
    """Run two lists of calls on two threads, step i of one beside step i of the other (a
    barrier between steps), each thread closing its connections to ``stores`` at the end."""
    barrier = threading.Barrier(2, timeout=30)
    errors: list[BaseException] = []

    def run(calls: list[Callable[[], Any]]) -> None:
        try:
            for call in calls:
                barrier.wait()
                call()
        except BaseException as exc:  # noqa: BLE001 - re-raised on the test thread
            errors.append(exc)
            barrier.abort()
        finally:
            for store in stores:
                store.release_connection()

    threads = [threading.Thread(target=run, args=(calls,)) for calls in (steps, others)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    if errors:
        raise errors[0]


def test_two_threads_writing_two_stores_at_once(two: tuple[Store, Store]) -> None:
    a, b = two

    def sell(store: Store, n: int) -> Callable[[], Any]:
        def step() -> None:
            sale = store.add_sale(new_sale(n))
            store.transition(sale.ref, SaleState.WAITING, SaleState.SENDING, "send")
            assert store.get(sale.ref) is not None

        return step

    # each thread writes to both stores, crossing over at every step
    in_lockstep(
        two,
        [sell(a if n % 2 else b, n) for n in range(1, 21)],
        [sell(b if n % 2 else a, n) for n in range(101, 121)],
    )
    odd_a = {new_sale(n).ref for n in range(1, 21, 2)} | {
        new_sale(n).ref for n in range(102, 121, 2)
    }
    rest_b = {new_sale(n).ref for n in range(2, 21, 2)} | {
        new_sale(n).ref for n in range(101, 121, 2)
    }
    assert {s.ref for s in a.iter_sales()} == odd_a
    assert {s.ref for s in b.iter_sales()} == rest_b
    for store in (a, b):
        assert store.integrity_check() == "ok"
        assert all(len(store.journal(s.ref)) == 2 for s in store.iter_sales())


def test_closing_one_store_leaves_the_other_open(two: tuple[Store, Store]) -> None:
    a, b = two
    assert {id(s) for s in open_stores()} >= {id(a), id(b)}
    a.close()
    assert a.closed and not b.closed
    assert id(a) not in {id(s) for s in open_stores()} and id(b) in {id(s) for s in open_stores()}
    with pytest.raises(StoreClosedError):
        a.get(new_sale(1).ref)
    assert b.add_sale(new_sale(1)).ref == new_sale(1).ref
    assert b.get(new_sale(1).ref) is not None
