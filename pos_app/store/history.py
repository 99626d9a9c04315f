"""The receipt history: sales found by number, ref or card code tail, filtered and paged
newest first; and the print log (each slip's copy number, taken before it is sent).

What the history hands out never carries the wholesale cost, and the card code only as its
last four characters (:attr:`HistoryRow.code_tail`); :meth:`History.read_card_codes` (and
:meth:`History.full_card_codes`) is the one explicit way to the whole codes (a manager's
choice), decrypting them only then.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Literal, cast

import peewee as pw

from pos_app.domain.cards import CODE_TAIL_LENGTH
from pos_app.domain.numbers import LineType, normalise
from pos_app.domain.redaction import register_code
from pos_app.domain.sale_states import SaleState
from pos_app.store.base import StoreBase, on_own_database
from pos_app.store.codes import CardCodes, CardCodeUnreadableError
from pos_app.store.errors import SaleNotFoundError
from pos_app.store.models import PRINT_KIND_LENGTH, PRINT_TARGET_LENGTH, ReceiptPrint, Sale
from pos_app.store.timestamps import from_millis, to_millis

HistoryField = Literal["counter", "cashier"]
"""The columns :meth:`History.history_values` lists for the filter boxes."""

DEFAULT_PAGE: Final = 200
"""Rows in one history page unless asked otherwise."""

MIN_REF_PREFIX: Final = 6
"""Shortest typed text that is searched as the start of a ref."""

NARROW_MATCHES: Final = 5000
"""A search text or a state filter matching at most this many sales is looked up by its
index (then sorted by time); a broader one is checked along the time index (see _Plan)."""

_PREFIX_END: Final = "\x7f"  # above every character of a number or a ref: [p, p + END) = "p*"
_LOCAL_LTE: Final = re.compile(r"0[0-9]{9}")  # a 4G number as dialled at home: 0 + 9 digits
_LTE_COUNTRY: Final = "213"
_REF_TEXT: Final = re.compile(rf"[A-Za-z0-9-]{{{MIN_REF_PREFIX},40}}")
_TAIL_DIGITS: Final = range(CODE_TAIL_LENGTH, 7)  # 4 to 6 typed digits may end a card code


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    """Which sales the history shows; the default shows them all.

    ``since``/``until`` are aware datetimes, half-open ``[since, until)``; every empty set
    means "any". ``text`` is what the cashier typed in the search box; a sale matches it when
    any of these holds:

    - spaces, dots and dashes are ignored, Arabic-Indic digits read as ASCII and ``+213``
      or ``00213`` as ``213`` (``domain.numbers.normalise``); if what is left is digits it is
      a sale number or the start of one ("0 36 36" finds 036362608);
    - 10 digits starting with 0 are also a 4G number typed the local way (0665983439 also
      finds 213665983439);
    - 4 to 6 digits are also the end of the card code: its last four letters or digits
      (:attr:`HistoryRow.code_tail`) equal the typed ones, or their last four for 5 or 6;
    - 6 to 40 letters, digits and dashes (spaces around ignored) are also a sale ref or the
      start of one, as typed or in upper case.

    Text that fits no rule (letters of fewer than 6 characters, say) matches no sale; text
    that is empty or only spaces filters nothing. Each rule uses an index of the sale table.
    """

    text: str = ""
    since: datetime | None = None
    until: datetime | None = None
    states: frozenset[SaleState] = frozenset()
    line_types: frozenset[LineType] = frozenset()
    counters: frozenset[str] = frozenset()
    cashiers: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class HistoryCursor:
    """Where a history page ended: the last row's time and id (the next page starts after)."""

    created_at: datetime
    id: int


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One sale as the history lists it. No wholesale cost, and only the card code's last
    four characters (``code_tail``); money in whole dinars, ``created_at`` aware UTC.
    ``print_count`` is how many receipts of the sale were printed (0: never)."""

    id: int
    ref: str
    created_at: datetime
    line_type: LineType
    number: str
    face_value: int
    price: int
    state: SaleState
    code_tail: str | None
    num_trans: str | None
    failure_code: str | None
    cashier: str
    counter: str
    print_count: int

    @property
    def cursor(self) -> HistoryCursor:
        """The cursor to pass as ``before`` for the page after this row."""
        return HistoryCursor(self.created_at, self.id)


@dataclass(frozen=True, slots=True)
class SearchTerms:
    """What a search text asks for (see :class:`HistoryFilter`); all empty: no sale."""

    number_prefixes: tuple[str, ...] = ()
    code_tail: str | None = None
    ref_prefixes: tuple[str, ...] = ()


def search_terms(text: str) -> SearchTerms | None:
    """The terms of a search box text, or None when the text filters nothing (empty)."""
    stripped = text.strip()
    if not stripped:
        return None
    digits = normalise(stripped)
    numbers: list[str] = []
    tail: str | None = None
    if digits.isascii() and digits.isdigit():
        numbers.append(digits)
        if _LOCAL_LTE.fullmatch(digits):
            numbers.append(_LTE_COUNTRY + digits[1:])
        if len(digits) in _TAIL_DIGITS:
            tail = digits[-CODE_TAIL_LENGTH:]
    refs: list[str] = []
    if _REF_TEXT.fullmatch(stripped):
        refs.append(stripped)
        if stripped.upper() != stripped:
            refs.append(stripped.upper())
    return SearchTerms(tuple(numbers), tail, tuple(refs))


def _column(column: Any, indexed: bool) -> Any:
    """``column`` itself, or ``column || ''``: the same text, which no index serves."""
    return column if indexed else column.concat("")


def _starts_with(column: Any, prefix: str) -> pw.Expression:
    """``column`` starts with ``prefix``, as a range an index can serve (never LIKE)."""
    return cast(pw.Expression, (column >= prefix) & (column < prefix + _PREFIX_END))


def _text_condition(terms: SearchTerms, *, indexed: bool = True) -> pw.Expression:
    number, tail, ref = (_column(c, indexed) for c in (Sale.number, Sale.code_tail, Sale.ref))
    parts: list[pw.Expression] = [_starts_with(number, p) for p in terms.number_prefixes]
    if terms.code_tail is not None:
        parts.append(tail == terms.code_tail)
    parts.extend(_starts_with(ref, p) for p in terms.ref_prefixes)
    if not parts:
        return Sale.id < 0  # nothing matches
    condition = parts[0]
    for part in parts[1:]:
        condition = condition | part
    return condition


def _state_condition(states: frozenset[SaleState], *, indexed: bool = True) -> pw.Expression:
    return cast(pw.Expression, _column(Sale.state, indexed).in_(sorted(s.value for s in states)))


@dataclass(frozen=True, slots=True)
class _Plan:
    """Which of a filter's indexed conditions a query lets SQLite serve by their index.

    The text and the states each have an index; used for a broad condition (the first digit
    of every number, "fulfilled"), the planner reads and sorts most of the table before it
    can return the newest 200. So a page uses such an index only when the condition matches
    at most :data:`NARROW_MATCHES` sales, and otherwise walks the time index newest first,
    checking each sale, which fills a page after about ``limit / share`` sales."""

    text_indexed: bool = True
    states_indexed: bool = True


def _conditions(filter: HistoryFilter, plan: _Plan = _Plan()) -> list[pw.Expression]:
    """The WHERE terms of ``filter`` (all must hold)."""
    terms = search_terms(filter.text)
    found: list[Any] = []
    if terms is not None:
        found.append(_text_condition(terms, indexed=plan.text_indexed))
    if filter.since is not None:
        found.append(Sale.created_at >= to_millis(filter.since))
    if filter.until is not None:
        found.append(Sale.created_at < to_millis(filter.until))
    if filter.states:
        found.append(_state_condition(filter.states, indexed=plan.states_indexed))
    if filter.line_types:
        found.append(Sale.line_type.in_(sorted(t.value for t in filter.line_types)))
    if filter.counters:
        found.append(Sale.counter.in_(sorted(filter.counters)))
    if filter.cashiers:
        found.append(Sale.cashier.in_(sorted(filter.cashiers)))
    return cast(list[pw.Expression], found)


def _where(query: Any, conditions: list[pw.Expression]) -> Any:
    return query.where(*conditions) if conditions else query


_ROW_COLUMNS: Final = (
    Sale.id,
    Sale.ref,
    Sale.created_at,
    Sale.line_type,
    Sale.number,
    Sale.face_value,
    Sale.price,
    Sale.state,
    Sale.code_tail,
    Sale.num_trans,
    Sale.failure_code,
    Sale.cashier,
    Sale.counter,
)


@dataclass(frozen=True, slots=True)
class PrintSlot:
    """A slip's place in the print log, taken before it is sent: the log row's ``id`` and
    the ``copy`` number the slip prints with (0: the original, n: DUPLICATE n)."""

    id: int
    copy: int


def _history_row(values: tuple[Any, ...]) -> HistoryRow:
    (id_, ref, created, line, number, face, price, state, tail, trans, failure, cashier,
     counter, prints) = values  # fmt: skip
    return HistoryRow(
        id=int(id_),
        ref=ref,
        created_at=from_millis(int(created)),
        line_type=LineType(line),
        number=number,
        face_value=int(face),
        price=int(price),
        state=SaleState(state),
        code_tail=tail,
        num_trans=trans,
        failure_code=failure,
        cashier=cashier,
        counter=counter,
        print_count=int(prints or 0),
    )


def _print_kind(kind: str) -> str:
    if not isinstance(kind, str) or not kind.strip() or len(kind) > PRINT_KIND_LENGTH:
        raise ValueError(f"kind must be 1-{PRINT_KIND_LENGTH} characters, got {kind!r}")
    return kind


def _print_target(target: str) -> str:
    if not isinstance(target, str) or not target.strip():
        raise ValueError("target must be a non-empty str")
    return target[:PRINT_TARGET_LENGTH]


def _at_most(condition: pw.Expression, matches: int) -> bool:
    """True when at most ``matches`` sales meet ``condition`` (reads no more than that + 1
    entries of the condition's index)."""
    probe = Sale.select(Sale.id).where(condition).limit(matches + 1)
    return int(probe.count()) <= matches


_VALUES_LOCK: Final = threading.Lock()  # guards each store's remembered filter values


class History(StoreBase):
    """History queries and the print log (part of :class:`~pos_app.store.store.Store`)."""

    @on_own_database
    def history_page(
        self,
        filter: HistoryFilter,
        *,
        before: HistoryCursor | None = None,
        limit: int = DEFAULT_PAGE,
    ) -> list[HistoryRow]:
        """Up to ``limit`` sales matching ``filter``, newest first by (created_at, id), each
        strictly after ``before`` in that order (keyset paging: pass the last row's
        :attr:`HistoryRow.cursor`; rows added meanwhile never shift a page). The rows and
        their print counts (one grouped subquery over the page's sales) are one statement,
        after at most two index probes that choose how it is looked up (:class:`_Plan`)."""
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValueError(f"limit must be a whole number >= 1, got {limit!r}")
        self._open()
        narrow_text, narrow_states = self._narrow(filter)
        conditions = _conditions(filter, _Plan(narrow_text, narrow_states))
        if before is not None:
            at = to_millis(before.created_at)
            conditions.append(
                (Sale.created_at <= at) & ((Sale.created_at < at) | (Sale.id < before.id))
            )
        page_query = _where(Sale.select(*_ROW_COLUMNS), conditions)
        page = page_query.order_by(Sale.created_at.desc(), Sale.id.desc()).limit(limit).cte("page")
        prints = (
            ReceiptPrint.select(
                ReceiptPrint.sale.alias("sale_id"), pw.fn.COUNT(ReceiptPrint.id).alias("copies")
            )
            .where(ReceiptPrint.sale.in_(pw.Select(from_list=[page], columns=[page.c.id])))
            .group_by(ReceiptPrint.sale)
            .alias("prints")
        )
        prints_count = cast(Any, prints).c.copies
        columns = [getattr(page.c, column.name) for column in _ROW_COLUMNS]
        query = (
            page.select_from(*columns, pw.fn.COALESCE(prints_count, 0))
            .join(
                prints,
                pw.JOIN.LEFT_OUTER,
                on=(cast(Any, prints).c.sale_id == page.c.id),
            )
            .order_by(page.c.created_at.desc(), page.c.id.desc())
        )
        return [_history_row(values) for values in query.tuples()]

    @on_own_database
    def history_count(self, filter: HistoryFilter) -> int:
        """How many sales match ``filter`` (all pages together)."""
        self._open()
        narrow_text, narrow_states = self._narrow(filter)
        any_narrow = narrow_text or narrow_states  # else every index helps a count a little
        plan = _Plan(narrow_text or not any_narrow, narrow_states or not any_narrow)
        query = _where(Sale.select(pw.fn.COUNT(Sale.id)), _conditions(filter, plan))
        return int(query.scalar() or 0)

    @on_own_database
    def _narrow(self, filter: HistoryFilter) -> tuple[bool, bool]:
        """Whether the search text, and the states, of ``filter`` each match at most
        :data:`NARROW_MATCHES` sales (False when absent): two cheap index probes."""
        terms = search_terms(filter.text)
        text = terms is not None and _at_most(_text_condition(terms), NARROW_MATCHES)
        states = bool(filter.states) and _at_most(_state_condition(filter.states), NARROW_MATCHES)
        return text, states

    @on_own_database
    def history_values(self, field: HistoryField) -> list[str]:
        """The distinct counters or cashiers that sold, sorted (for the filter boxes).

        A sale's counter and cashier never change and sales are never deleted, so the store
        remembers what it found and the largest sale id it looked at: the first call reads
        the whole table once, later calls only the sales added since."""
        column = {"counter": Sale.counter, "cashier": Sale.cashier}.get(field)
        if column is None:
            raise ValueError(f"no history values for {field!r}: use 'counter' or 'cashier'")
        self._open()
        with _VALUES_LOCK:
            seen = self.__dict__.setdefault("_history_values_seen", {})
            known, last_id = seen.get(field, (frozenset(), 0))
        newest = int(Sale.select(pw.fn.MAX(Sale.id)).scalar() or 0)
        if newest > last_id:
            query = Sale.select(column).distinct().where(Sale.id > last_id, Sale.id <= newest)
            added = {str(value) for (value,) in cast(Iterable[tuple[Any]], query.tuples())}
            with _VALUES_LOCK:  # another thread may have looked meanwhile: both views hold
                known_now, last_now = seen.get(field, (frozenset(), 0))
                known = known_now | added
                seen[field] = (known, max(last_now, newest))
        return sorted(known)

    def full_card_codes(self, sale_ids: Iterable[int]) -> dict[int, str]:
        """The whole card codes of these sales, by sale id (sales without a code, and codes
        that cannot be decrypted, left out: :meth:`read_card_codes` says why). Only for a
        manager's explicit choice (an export with full codes): lists show
        :attr:`HistoryRow.code_tail`."""
        return self.read_card_codes(sale_ids).codes

    @on_own_database
    def read_card_codes(self, sale_ids: Iterable[int]) -> CardCodes:
        """The whole card codes of these sales, decrypted now, and by sale id why any cannot
        be (:data:`~pos_app.store.codes.UNREADABLE`: another data key). Never raises for an
        unreadable code. Only for a manager's explicit choice."""
        ids = sorted({int(i) for i in sale_ids})
        self._open()
        cipher = self._codes()
        found: dict[int, str] = {}
        unreadable: dict[int, str] = {}
        for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
            query = Sale.select(Sale.id, Sale.ref, Sale.card_code).where(
                Sale.id.in_(ids[start : start + 500]), Sale.card_code.is_null(False)
            )
            for sale_id, ref, stored in cast(Iterable[tuple[int, str, str]], query.tuples()):
                try:
                    code = cipher.open(ref, stored)
                except CardCodeUnreadableError as exc:
                    unreadable[int(sale_id)] = str(exc)
                    continue
                register_code(code)  # shown or exported: never logged
                found[int(sale_id)] = code
        return CardCodes(found, unreadable)

    # -- the print log -----------------------------------------------------------------------

    @on_own_database
    def reserve_print(self, ref: str, *, kind: str, target: str) -> PrintSlot:
        """Log a slip of sale ``ref`` BEFORE it is sent, stamped with the store's clock, and
        return its slot: the copy number it prints with is taken here, in one write
        transaction, so two printers (the window and ``pos-app receipt --print``) never get
        the same one. The copy is 0 for the sale's first slip of that ``kind``, else one
        more than the highest logged (the DUPLICATE count; a receipt printed after a claim
        slip is an original). A send that fails gives the slot back with
        :meth:`forget_print`; a crash in between leaves it, so the next slip says DUPLICATE
        (one that may have printed is never called an original twice). ``kind`` says what is
        printed ("receipt", "claim", "refund", ...; at most 16 characters), ``target`` where
        it goes (a short label, cut to 64 characters). Raises :class:`SaleNotFoundError`
        (nothing written)."""
        kind = _print_kind(kind)
        target = _print_target(target)
        self._open()
        now = self._now_ms()
        with self._db.atomic():  # BEGIN IMMEDIATE: the count and the insert are one write
            sale_id = Sale.select(Sale.id).where(Sale.ref == ref).scalar()
            if sale_id is None:
                raise SaleNotFoundError(ref)
            highest = (
                ReceiptPrint.select(pw.fn.MAX(ReceiptPrint.copy))
                .where((ReceiptPrint.sale == sale_id) & (ReceiptPrint.kind == kind))
                .scalar()
            )
            copy = 0 if highest is None else int(highest) + 1
            slot_id = ReceiptPrint.insert(
                sale=sale_id, at=now, kind=kind, copy=copy, target=target
            ).execute()
        return PrintSlot(int(slot_id), copy)

    @on_own_database
    def forget_print(self, slot: PrintSlot) -> None:
        """Take back a slot whose slip was never sent (the printer failed): its copy number
        is free again. Forgetting a slot twice does nothing."""
        self._open()
        with self._db.atomic():
            ReceiptPrint.delete().where(ReceiptPrint.id == slot.id).execute()

    def record_print(self, ref: str, *, kind: str, target: str) -> int:
        """Log a slip that was printed (reserved and kept at once); its copy number (see
        :meth:`reserve_print`)."""
        return self.reserve_print(ref, kind=kind, target=target).copy

    @on_own_database
    def print_count(self, ref: str, kind: str | None = None) -> int:
        """How many slips of sale ``ref`` were printed, of ``kind`` only when given (0 when
        none, or no such sale)."""
        self._open()
        condition = Sale.ref == ref
        if kind is not None:
            condition &= ReceiptPrint.kind == _print_kind(kind)
        query = ReceiptPrint.select(pw.fn.COUNT(ReceiptPrint.id)).join(Sale).where(condition)
        return int(query.scalar() or 0)
