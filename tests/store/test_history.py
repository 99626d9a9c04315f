"""The history: search rules, filters, keyset paging newest first, counts, filter values and
the print log, on a real SQLite file."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.store import (
    HistoryCursor,
    HistoryFilter,
    HistoryRow,
    NewSale,
    SaleNotFoundError,
    Store,
    history,
    open_store,
)
from pos_app.store.history import PrintSlot, search_terms
from pos_app.store.timestamps import to_millis
from tests.store.conftest import START, Clock, sqlite_url

ADSL = "036362608"
LTE = "213665983439"
_refs = iter(range(1, 1_000_000))


def add(
    store: Store,
    *,
    number: str = ADSL,
    line_type: LineType | None = None,
    state: SaleState = SaleState.WAITING,
    code: str | None = None,
    cashier: str = "amina",
    counter: str = "T01",
    ref: str | None = None,
    face_value: int = 1000,
) -> str:
    """Add a sale at the store's clock and move it to ``state`` (with ``code`` if fulfilled);
    its ref."""
    if line_type is None:
        line_type = LineType.LTE if number.startswith("213") else LineType.ADSL
    ref = ref or f"{counter}-20260301T093000-{next(_refs):08d}"
    store.add_sale(
        NewSale(
            ref=ref,
            line_type=line_type,
            number=number,
            face_value=face_value,
            cost=face_value - 50,
            price=face_value,
            cashier=cashier,
            counter=counter,
        )
    )
    path = {
        SaleState.WAITING: [],
        SaleState.SENDING: [SaleState.SENDING],
        SaleState.UNKNOWN: [SaleState.SENDING, SaleState.UNKNOWN],
        SaleState.ACCEPTED: [SaleState.SENDING, SaleState.ACCEPTED],
        SaleState.QUEUED: [SaleState.SENDING, SaleState.ACCEPTED, SaleState.QUEUED],
        SaleState.FULFILLED: [SaleState.SENDING, SaleState.ACCEPTED, SaleState.FULFILLED],
        SaleState.REFUNDED: [SaleState.SENDING, SaleState.ACCEPTED, SaleState.REFUNDED],
        SaleState.REJECTED: [SaleState.SENDING, SaleState.REJECTED],
    }[state]
    current = SaleState.WAITING
    for target in path:
        if target is SaleState.FULFILLED:
            store.transition(ref, current, target, "test", card_code=code, num_trans="NT1")
        else:
            store.transition(ref, current, target, "test")
        current = target
    return ref


@pytest.fixture(autouse=True, params=["by index", "along the time index"])
def plan(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test twice: searches served by their own index (few matches), then checked
    along the time index (as broad searches are on a big history)."""
    if request.param != "by index":
        monkeypatch.setattr(history, "NARROW_MATCHES", 0)
    return str(request.param)


def refs(rows: list[HistoryRow]) -> list[str]:
    return [row.ref for row in rows]


def found(store: Store, text: str) -> set[str]:
    rows = store.history_page(HistoryFilter(text=text), limit=1000)
    assert store.history_count(HistoryFilter(text=text)) == len(rows)
    return set(refs(rows))


# -- search rules -----------------------------------------------------------------------------


def test_spaces_dots_and_dashes_are_ignored_in_a_number(store: Store) -> None:
    sale = add(store, number=ADSL)
    add(store, number="031112233")
    for typed in ("0 36 36 26 08", "036.36.26.08", "036-36-26-08", " 036362608 ", "٠٣٦٣٦٢٦٠٨"):
        assert found(store, typed) == {sale}, typed


def test_digits_match_a_number_exactly_or_as_its_start_only(store: Store) -> None:
    first = add(store, number="036362608")
    second = add(store, number="036369999")
    add(store, number="021362608")
    assert found(store, "036362608") == {first}
    assert found(store, "03636") == {first, second}
    assert found(store, "0363626") == {first}
    assert found(store, "362608") == set()  # the middle or end of a number is no match
    assert found(store, "0363626089") == set()  # longer than the number


def test_a_4g_number_typed_the_local_way_finds_the_213_number(store: Store) -> None:
    lte = add(store, number=LTE)
    add(store, number="213665983400")
    assert found(store, "0665983439") == {lte}
    assert found(store, "0665 98 34 39") == {lte}
    assert found(store, "+213 665 98 34 39") == {lte}
    assert found(store, "213665983439") == {lte}
    assert found(store, "066598343") == set()  # 9 digits: an ADSL prefix, not a 4G number


def test_four_to_six_digits_match_the_card_code_tail(store: Store) -> None:
    coded = add(store, number="031111111", state=SaleState.FULFILLED, code="1053 8081 0795")
    lettered = add(store, number="032222222", state=SaleState.FULFILLED, code="ab-12-cd-5x7k")
    add(store, number="033333333", state=SaleState.FULFILLED, code="0000 0000 0001")
    assert found(store, "0795") == {coded}
    assert found(store, "10795") == {coded}  # 5 digits: their last four
    assert found(store, "810795") == {coded}  # 6 digits: their last four
    assert found(store, "0810795") == set()  # 7 digits: a number prefix only
    assert found(store, "795") == set()  # 3 digits: too short for a tail
    assert found(store, "99990795") == set()
    assert found(store, "5x7k") == set()  # letters are not searched as a tail
    assert store.history_page(HistoryFilter(text="0795"))[0].code_tail == "0795"
    assert lettered in found(store, "0322")


def test_a_ref_or_its_start_of_six_characters_matches(store: Store) -> None:
    one = add(store, ref="C01-20261125T162410-7F3K9QX2", counter="C01")
    two = add(store, ref="C01-20261125T170000-ABCDEFGH", counter="C01")
    add(store, ref="C02-20261125T162410-7F3K9QX2", counter="C02")
    assert found(store, "C01-20261125T162410-7F3K9QX2") == {one}
    assert found(store, " C01-20261125T16 ") == {one}
    assert found(store, "C01-20") == {one, two}
    assert found(store, "c01-20261125t17") == {two}  # typed in lower case
    assert found(store, "C01-2") == set()  # 5 characters: too short
    assert found(store, "7F3K9QX2") == set()  # the end of a ref is no match


def test_text_that_fits_no_rule_matches_nothing_and_empty_text_everything(store: Store) -> None:
    sale = add(store)
    assert found(store, "amina") == set()
    assert found(store, "ab") == set()
    assert found(store, "") == {sale}
    assert found(store, "   ") == {sale}


def test_search_terms_use_ranges_never_substrings() -> None:
    assert search_terms("") is None
    terms = search_terms("0 665 98 34 39")
    assert terms is not None
    assert terms.number_prefixes == ("0665983439", "213665983439")
    assert terms.code_tail is None
    assert terms.ref_prefixes == ()
    tail = search_terms("810795")
    assert tail is not None and tail.code_tail == "0795"
    assert tail.ref_prefixes == ("810795",)  # six characters could also start a ref


def test_only_a_narrow_search_or_state_filter_is_served_by_its_index(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history, "NARROW_MATCHES", 2)
    for _ in range(3):
        add(store, number=ADSL)
    add(store, number=LTE, state=SaleState.FULFILLED, code="12345678")
    done = frozenset({SaleState.FULFILLED})
    waiting = frozenset({SaleState.WAITING})
    assert store._narrow(HistoryFilter()) == (False, False)
    assert store._narrow(HistoryFilter(text="0")) == (False, False)  # 3 matches > 2
    assert store._narrow(HistoryFilter(text="0665983439")) == (True, False)
    assert store._narrow(HistoryFilter(states=done)) == (False, True)
    assert store._narrow(HistoryFilter(text="0", states=waiting)) == (False, False)
    assert store._narrow(HistoryFilter(text="5678", states=waiting)) == (True, False)
    assert refs(store.history_page(HistoryFilter(text="0", states=done))) == []
    assert store.history_count(HistoryFilter(text="0", states=waiting)) == 3


# -- filters ----------------------------------------------------------------------------------


def test_since_and_until_are_half_open(store: Store, clock: Clock) -> None:
    early = add(store)
    clock.advance(hours=1)
    middle = add(store)
    clock.advance(hours=1)
    late = add(store)
    one = START + timedelta(hours=1)
    two = START + timedelta(hours=2)
    assert refs(store.history_page(HistoryFilter(since=one))) == [late, middle]
    assert refs(store.history_page(HistoryFilter(until=one))) == [early]
    assert refs(store.history_page(HistoryFilter(since=one, until=two))) == [middle]
    assert store.history_count(HistoryFilter(since=two, until=two)) == 0
    with pytest.raises(ValueError, match="aware"):
        store.history_page(HistoryFilter(since=datetime(2026, 3, 1, 10)))


def test_filter_by_state_type_counter_and_cashier(store: Store) -> None:
    done = add(store, state=SaleState.FULFILLED, code="11112222")
    refunded = add(store, state=SaleState.REFUNDED, counter="T02")
    queued = add(store, number=LTE, state=SaleState.QUEUED, cashier="يوسف")
    unknown = add(store, number=LTE, state=SaleState.UNKNOWN, counter="T02", cashier="يوسف")

    def only(**kwargs: object) -> set[str]:
        rows = store.history_page(HistoryFilter(**kwargs))  # type: ignore[arg-type]
        assert store.history_count(HistoryFilter(**kwargs)) == len(rows)  # type: ignore[arg-type]
        return set(refs(rows))

    assert only() == {done, refunded, queued, unknown}
    assert only(states=frozenset({SaleState.FULFILLED})) == {done}
    assert only(states=frozenset({SaleState.QUEUED, SaleState.UNKNOWN})) == {queued, unknown}
    assert only(line_types=frozenset({LineType.LTE})) == {queued, unknown}
    assert only(line_types=frozenset({LineType.ADSL, LineType.LTE})) == only()
    assert only(counters=frozenset({"T02"})) == {refunded, unknown}
    assert only(cashiers=frozenset({"يوسف"})) == {queued, unknown}
    assert only(cashiers=frozenset({"nobody"})) == set()
    assert only(counters=frozenset({"T02"}), cashiers=frozenset({"يوسف"})) == {unknown}


def test_filters_combine_with_the_search_text(store: Store, clock: Clock) -> None:
    old = add(store, number=LTE, state=SaleState.FULFILLED, code="99990001")
    clock.advance(days=1)
    new = add(store, number=LTE, state=SaleState.REFUNDED, counter="T02")
    add(store, number=ADSL, state=SaleState.REFUNDED, counter="T02")
    assert found(store, "0665983439") == {old, new}
    since = HistoryFilter(text="0665983439", since=START + timedelta(hours=1))
    assert refs(store.history_page(since)) == [new]
    refunded_t02 = HistoryFilter(
        text="2136", states=frozenset({SaleState.REFUNDED}), counters=frozenset({"T02"})
    )
    assert refs(store.history_page(refunded_t02)) == [new]
    assert store.history_count(refunded_t02) == 1
    wrong_state = HistoryFilter(text="0001", states=frozenset({SaleState.REFUNDED}))
    assert store.history_page(wrong_state) == []


# -- order and paging -------------------------------------------------------------------------


def all_pages(store: Store, history: HistoryFilter, size: int) -> list[HistoryRow]:
    rows: list[HistoryRow] = []
    before: HistoryCursor | None = None
    while page := store.history_page(history, before=before, limit=size):
        assert len(page) <= size
        rows.extend(page)
        before = page[-1].cursor
    return rows


def test_pages_are_newest_first_without_gaps_or_repeats_across_equal_times(
    store: Store, clock: Clock
) -> None:
    added: list[str] = []
    for burst in range(4):  # bursts of sales stamped with the very same millisecond
        added.extend(add(store, number=f"0{burst}1234567") for _ in range(5))
        clock.advance(seconds=1)
    clock.advance(seconds=-10)  # a clock set back: older times, higher ids
    added.extend(add(store) for _ in range(3))
    whole = store.history_page(HistoryFilter(), limit=1000)
    keys = [(row.created_at, row.id) for row in whole]
    assert keys == sorted(keys, reverse=True)
    assert len(set(keys)) == len(added) == store.history_count(HistoryFilter())
    assert set(refs(whole)) == set(added)
    assert whole[0].ref == added[19]  # the last of the newest burst
    for size in (1, 2, 3, 4, 5, 7, 23, 24):
        assert all_pages(store, HistoryFilter(), size) == whole, size
    prefixed = HistoryFilter(text="011")
    assert all_pages(store, prefixed, 2) == [r for r in whole if r.number.startswith("011")]
    assert len(all_pages(store, prefixed, 2)) == store.history_count(prefixed) == 5


def test_sales_added_while_paging_do_not_shift_later_pages(store: Store, clock: Clock) -> None:
    older = [add(store) for _ in range(6)]
    first = store.history_page(HistoryFilter(), limit=3)
    add(store)
    clock.advance(seconds=1)
    add(store)
    second = store.history_page(HistoryFilter(), before=first[-1].cursor, limit=3)
    assert refs(first) + refs(second) == older[::-1]


def test_page_limit_must_be_positive(store: Store) -> None:
    for bad in (0, -1, True):
        with pytest.raises(ValueError, match="limit"):
            store.history_page(HistoryFilter(), limit=bad)


def test_a_row_has_the_code_tail_never_the_code_nor_the_cost(store: Store) -> None:
    ref = add(store, state=SaleState.FULFILLED, code="1053-8081-0795", face_value=2000)
    [row] = store.history_page(HistoryFilter())
    assert "cost" not in {f.name for f in dataclasses.fields(HistoryRow)}
    assert (row.ref, row.code_tail, row.num_trans, row.state) == (
        ref,
        "0795",
        "NT1",
        SaleState.FULFILLED,
    )
    assert (row.face_value, row.price, row.created_at) == (2000, 2000, START)
    assert row.created_at.tzinfo is UTC
    assert "10538081" not in repr(row).replace("-", "")
    assert store.full_card_codes([row.id, 999]) == {row.id: "1053-8081-0795"}


def test_history_values_lists_each_counter_and_cashier_once(store: Store) -> None:
    assert store.history_values("cashier") == []
    add(store, cashier="yacine", counter="T02")
    add(store, cashier="amina", counter="T01")
    add(store, cashier="يوسف", counter="T02")
    add(store, cashier="amina", counter="T01")
    assert store.history_values("counter") == ["T01", "T02"]
    assert store.history_values("cashier") == ["amina", "yacine", "يوسف"]
    add(store, cashier="karim", counter="T03")  # a sale after the store looked
    assert store.history_values("cashier") == ["amina", "karim", "yacine", "يوسف"]
    assert store.history_values("counter") == ["T01", "T02", "T03"]
    assert store.history_values("counter") == ["T01", "T02", "T03"]  # nothing new to read
    with pytest.raises(ValueError, match="counter"):
        store.history_values("cost")  # type: ignore[arg-type]


# -- the print log ----------------------------------------------------------------------------


def print_rows(db_path: Path) -> list[tuple[str, int, str, int, str]]:
    with sqlite3.connect(db_path) as raw:
        query = (
            "SELECT s.ref, p.at, p.kind, p.copy, p.target FROM receipt_print p "
            "JOIN sale s ON s.id = p.sale_id ORDER BY p.id"
        )
        rows = raw.execute(query).fetchall()
    raw.close()
    return rows


def test_record_print_returns_copy_numbers_per_sale(
    store: Store, clock: Clock, db_path: Path
) -> None:
    first = add(store, state=SaleState.FULFILLED, code="12345678")
    second = add(store)
    assert store.print_count(first) == 0
    assert store.record_print(first, kind="receipt", target="escpos network") == 0
    clock.advance(minutes=5)
    assert store.record_print(first, kind="receipt", target="pdf") == 1
    assert store.record_print(second, kind="claim", target="escpos network") == 0
    assert store.record_print(first, kind="receipt", target="x" * 100) == 2
    assert (store.print_count(first), store.print_count(second)) == (3, 1)
    assert store.print_count("NO-SUCH-REF") == 0
    counts = {row.ref: row.print_count for row in store.history_page(HistoryFilter())}
    assert counts == {first: 3, second: 1}
    start, later = to_millis(START), to_millis(START + timedelta(minutes=5))
    assert print_rows(db_path) == [
        (first, start, "receipt", 0, "escpos network"),
        (first, later, "receipt", 1, "pdf"),
        (second, later, "claim", 0, "escpos network"),
        (first, later, "receipt", 2, "x" * 64),
    ]


def test_a_receipt_after_a_claim_slip_is_an_original_not_a_duplicate(store: Store) -> None:
    ref = add(store)
    assert store.record_print(ref, kind="claim", target="escpos network") == 0
    assert store.record_print(ref, kind="claim", target="escpos network") == 1
    assert store.print_count(ref, "receipt") == 0
    assert store.record_print(ref, kind="receipt", target="escpos network") == 0
    assert (store.print_count(ref, "claim"), store.print_count(ref, "receipt")) == (2, 1)
    assert store.print_count(ref) == 3


def test_record_print_refuses_an_unknown_sale_or_a_bad_kind(store: Store, db_path: Path) -> None:
    ref = add(store)
    with pytest.raises(SaleNotFoundError):
        store.record_print("NO-SUCH-REF", kind="receipt", target="pdf")
    for kind in ("", "  ", "k" * 17):
        with pytest.raises(ValueError, match="kind"):
            store.record_print(ref, kind=kind, target="pdf")
    with pytest.raises(ValueError, match="target"):
        store.record_print(ref, kind="receipt", target="")
    assert print_rows(db_path) == []


def test_a_copy_number_is_reserved_before_the_send_and_given_back_on_failure(
    store: Store, clock: Clock, db_path: Path
) -> None:
    ref = add(store, state=SaleState.FULFILLED, code="12345678")
    slot = store.reserve_print(ref, kind="receipt", target="127.0.0.1:9100")
    assert isinstance(slot, PrintSlot) and slot.copy == 0
    # Logged before anything was sent: a crash now leaves it, so the next slip is a duplicate.
    assert store.print_count(ref) == 1
    assert print_rows(db_path) == [(ref, to_millis(START), "receipt", 0, "127.0.0.1:9100")]
    second = store.reserve_print(ref, kind="receipt", target="pdf")
    assert second.copy == 1 and second.id != slot.id
    store.forget_print(second)  # the printer failed: the copy number is free again
    store.forget_print(second)  # twice: nothing more happens
    assert store.print_count(ref) == 1
    assert store.reserve_print(ref, kind="receipt", target="pdf").copy == 1
    assert store.reserve_print(ref, kind="claim", target="pdf").copy == 0


def test_a_forgotten_slot_between_two_kept_ones_never_reuses_a_copy_number(store: Store) -> None:
    ref = add(store)
    first = store.reserve_print(ref, kind="claim", target="a")
    second = store.reserve_print(ref, kind="claim", target="b")
    store.forget_print(first)  # the window's print failed while another printer's went out
    assert store.reserve_print(ref, kind="claim", target="c").copy == second.copy + 1


def test_reserve_print_refuses_an_unknown_sale_and_writes_nothing(
    store: Store, db_path: Path
) -> None:
    with pytest.raises(SaleNotFoundError):
        store.reserve_print("NO-SUCH-REF", kind="receipt", target="pdf")
    assert print_rows(db_path) == []


def test_two_printers_on_one_database_get_distinct_copy_numbers(
    store: Store, clock: Clock, db_path: Path
) -> None:
    """The window and ``pos-app receipt --print`` are two stores on one file: every slot
    they reserve at the same time has its own copy number."""
    ref = add(store, state=SaleState.FULFILLED, code="12345678")
    other = open_store(sqlite_url(db_path), now=clock.now)
    rounds = 25
    start = threading.Barrier(2)
    copies: dict[str, list[int]] = {"window": [], "command": []}

    def reserve(name: str, printer: Store) -> None:
        start.wait()
        for _ in range(rounds):
            copies[name].append(printer.reserve_print(ref, kind="receipt", target=name).copy)

    try:
        threads = [
            threading.Thread(target=reserve, args=("window", store)),
            threading.Thread(target=reserve, args=("command", other)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert not any(thread.is_alive() for thread in threads)
    finally:
        other.close()
    every = copies["window"] + copies["command"]
    assert sorted(every) == list(range(2 * rounds))
    assert [row[3] for row in print_rows(db_path)] == sorted(every)
