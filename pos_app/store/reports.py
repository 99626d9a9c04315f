"""What the X and Z reports read: totals of a period, the supplier balance readings, and the
closed periods (Z reports), which are stored once and never changed.

Figures are SQL aggregates, never a load of every sale. The supplier's debits and credits
come from the journal: a debit is a sale's move into a server-acknowledged state
(``domain.reports.SERVER_ACKNOWLEDGED``) from any other state, which happens once per sale; a
credit is a move into REFUNDED. The cash handed back is a move into a given-back state.

Two kinds of period: a span of clock time (a day's X report: sales by ``created_at``, journal
rows by ``at``), and the open period of the Z reports, bounded by row ids (the sales and
journal rows written after the last Z), so a clock set back or a sale written while a Z is
made can never fall between two Zs or count in both. A Z is built and stored in one write
transaction.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final, cast

import peewee as pw

from pos_app.domain.numbers import LineType
from pos_app.domain.reports import (
    GIVEN_BACK_STATES,
    SERVER_ACKNOWLEDGED,
    UNRESOLVED_STATES,
    BalanceReading,
    ChainSeal,
    GroupFigures,
    Movement,
    PeriodFigures,
    Report,
    UnresolvedSale,
    build_report,
    report_from_data,
    report_to_data,
)
from pos_app.domain.sale_states import SaleState
from pos_app.store import chain, models, vault
from pos_app.store.base import StoreBase, on_own_database
from pos_app.store.connection import is_sqlite
from pos_app.store.models import Journal, Sale, ZReport
from pos_app.store.timestamps import from_millis, to_millis

log = logging.getLogger(__name__)

SAME_READING_KEPT_EVERY: Final = timedelta(minutes=10)
"""A balance equal to the last reading is stored again only after this long."""

_SAME_READING_MS: Final = SAME_READING_KEPT_EVERY // timedelta(milliseconds=1)
_ACKNOWLEDGED: Final = sorted(s.value for s in SERVER_ACKNOWLEDGED)
_REFUNDED: Final = SaleState.REFUNDED.value
_GIVEN_BACK: Final = sorted(s.value for s in GIVEN_BACK_STATES)


@dataclass(frozen=True, slots=True)
class _Scope:
    """Which sales (made in the period) and journal rows (moves in the period) a report
    reads, and which unresolved sales it lists (every one made up to the period's end)."""

    sales: pw.Expression
    journal: pw.Expression
    unresolved: pw.Expression

    @classmethod
    def of_times(cls, start: int, end: int) -> _Scope:
        return cls(
            (Sale.created_at >= start) & (Sale.created_at < end),
            (Journal.at >= start) & (Journal.at < end),
            Sale.created_at < end,
        )

    @classmethod
    def of_ids(cls, after: tuple[int, int], upto: tuple[int, int]) -> _Scope:
        """Sales ``after[0] < id <= upto[0]``, journal rows ``after[1] < id <= upto[1]``."""
        return cls(
            (Sale.id > after[0]) & (Sale.id <= upto[0]),
            (Journal.id > after[1]) & (Journal.id <= upto[1]),
            Sale.id <= upto[0],
        )


@dataclass(frozen=True, slots=True)
class ZRecord:
    """A closed period as stored: its number, bounds, who closed it, the cash counted and the
    report made then (``body``, JSON: :func:`report_from_json`). Never changed."""

    number: int
    counter: str
    opened_at: datetime
    closed_at: datetime
    created_at: datetime
    cash_counted: int | None
    body: str
    last_sale_id: int = 0
    """The period holds the sales up to this id (after the previous Z's)."""
    last_journal_id: int = 0
    """...and the journal rows up to this id."""

    def report(self) -> Report:
        """The stored report."""
        return report_from_json(self.body)


def report_to_json(report: Report) -> str:
    """The report as JSON text with stable (sorted) keys: the body of a stored Z."""
    return json.dumps(report_to_data(report), ensure_ascii=False, sort_keys=True)


def report_from_json(text: str) -> Report:
    """The report of :func:`report_to_json` (ValueError if the text is not one)."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("a report is a JSON object")
    return report_from_data(data)


def _tuples(query: pw.ModelSelect[Any]) -> list[tuple[Any, ...]]:
    """Rows of an aggregate query as plain tuples (the stubs type them as models)."""
    return list(cast(Iterable[tuple[Any, ...]], query.tuples()))


def _count_if(condition: pw.Expression) -> pw.Function:
    return pw.fn.SUM(pw.Case(None, [(condition, 1)], 0))


def _sum_if(condition: pw.Expression, value: pw.Field) -> pw.Function:
    return pw.fn.SUM(pw.Case(None, [(condition, value)], 0))


def append_balance_reading(centimes: int, at_ms: int) -> bool:
    """Inside the caller's transaction and model binding: store a balance reading unless the
    latest one has the same amount and is less than ``SAME_READING_KEPT_EVERY`` older.
    True when a row was written."""
    if isinstance(centimes, bool) or not isinstance(centimes, int):
        raise TypeError("a balance reading is whole centimes (int)")
    last = (
        models.BalanceReading.select(models.BalanceReading.at, models.BalanceReading.centimes)
        .where(models.BalanceReading.at <= at_ms)
        .order_by(models.BalanceReading.at.desc(), models.BalanceReading.id.desc())
        .first()
    )
    if last is not None and last.centimes == centimes and at_ms - last.at < _SAME_READING_MS:
        return False
    models.BalanceReading.insert(at=at_ms, centimes=centimes).execute()
    return True


def _whole(value: object) -> int | None:
    """``value`` when it is a whole number (a Z's cell as stored), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _record(row: ZReport) -> ZRecord:
    """The Z as stored; a cell edited to something else than a whole number (a tampered
    file: ``verify_chain`` names it) reads as 0, or as the close for a time."""
    closed = _whole(row.closed_at) or 0
    return ZRecord(
        number=row.number,
        counter=str(row.counter),
        opened_at=from_millis(_whole(row.opened_at) or closed),
        closed_at=from_millis(closed),
        created_at=from_millis(_whole(row.created_at) or closed),
        cash_counted=_whole(row.cash_counted),
        body=str(row.body),
        last_sale_id=_whole(row.last_sale_id) or 0,
        last_journal_id=_whole(row.last_journal_id) or 0,
    )


def _bounds(row: ZReport) -> tuple[int, int] | None:
    """The sale and journal ids a Z closed on (None when a cell is not a whole number)."""
    last_sale, last_journal = _whole(row.last_sale_id), _whole(row.last_journal_id)
    if last_sale is None or last_journal is None:
        return None
    return last_sale, last_journal


class Reports(StoreBase):
    """Report figures, balance readings and Z reports (a part of the store)."""

    # -- balance readings --------------------------------------------------------------------

    @on_own_database
    def record_balance(self, centimes: int, at: datetime) -> bool:
        """Keep the supplier balance read at ``at`` (centimes) for the money bridge; a reading
        equal to the previous one is skipped unless 10 minutes have passed. True if kept."""
        self._open()
        with self._db.atomic():
            return append_balance_reading(centimes, to_millis(at))

    @on_own_database
    def balance_at(self, moment: datetime) -> BalanceReading | None:
        """The last reading at or before ``moment``; else the first after it (``after`` set);
        None when no balance was ever read."""
        self._open()
        at = to_millis(moment)
        reading = models.BalanceReading
        before = (
            reading.select()
            .where(reading.at <= at)
            .order_by(reading.at.desc(), reading.id.desc())
            .first()
        )
        if before is not None:
            return BalanceReading(from_millis(before.at), before.centimes)
        after = reading.select().where(reading.at > at).order_by(reading.at, reading.id).first()
        if after is None:
            return None
        return BalanceReading(from_millis(after.at), after.centimes, after=True)

    # -- figures -----------------------------------------------------------------------------

    @on_own_database
    def period_figures(
        self, since: datetime, until: datetime, counter: str | None = None
    ) -> PeriodFigures:
        """The figures of the half-open period [since, until), of one counter or all: sales
        made in it by state and type, the supplier's debits and credits in it (from the
        journal), and every sale still unresolved that was made before ``until``."""
        self._open()
        start, end = to_millis(since), to_millis(until)
        if end < start:
            raise ValueError("a period ends after it begins")
        return self._figures(_Scope.of_times(start, end), since, until, counter)

    @on_own_database
    def open_period_figures(self, counter: str | None = None) -> PeriodFigures:
        """The figures of the open period, the one the next Z closes: every sale and journal
        row written since the last Z (whatever the clock said), until now."""
        self._open()
        # One snapshot, so the bounds and the figures agree; on SQLite a read transaction
        # (BEGIN DEFERRED), which never holds the write lock the engine's sales need.
        read_only = ("DEFERRED",) if is_sqlite(self._db) else ()
        with self._db.atomic(*read_only):
            return self._open_period(counter)[0]

    def _open_period(
        self, counter: str | None
    ) -> tuple[PeriodFigures, tuple[int, int], datetime, datetime]:
        """Inside the caller's transaction: the open period's figures, the ids it ends at,
        and its opening and closing times (the closing never before the opening)."""
        after = self._last_bounds()
        upto = (
            int(Sale.select(pw.fn.MAX(Sale.id)).scalar() or 0),
            int(Journal.select(pw.fn.MAX(Journal.id)).scalar() or 0),
        )
        since = from_millis(self._next_opening_ms())
        until = max(since, self._now())
        figures = self._figures(_Scope.of_ids(after, upto), since, until, counter)
        return figures, upto, since, until

    def _last_bounds(self) -> tuple[int, int]:
        """Where the open period begins: the newest Z's bounds. A Z whose bounds were edited
        into something else than whole numbers is skipped for the one before (the period
        then holds more, never less; ``verify_chain`` names the damaged Z)."""
        for row in ZReport.select().order_by(ZReport.number.desc()):
            bounds = _bounds(row)
            if bounds is not None:
                return bounds
            log.error(
                "Z %s has damaged bounds: the open period starts after the one before", row.number
            )
        return 0, 0

    def _figures(
        self, scope: _Scope, since: datetime, until: datetime, counter: str | None
    ) -> PeriodFigures:
        debits, credits, given_back = self._movements(scope, counter)
        return PeriodFigures(
            since=since,
            until=until,
            counter=counter,
            groups=self._groups(scope, counter),
            debits=debits,
            credits=credits,
            unresolved=self._unresolved(scope, counter),
            given_back=given_back,
        )

    def _groups(self, scope: _Scope, counter: str | None) -> tuple[GroupFigures, ...]:
        where = scope.sales
        if counter is not None:
            where &= Sale.counter == counter
        no_cost = Sale.cost.is_null()
        query = (
            Sale.select(
                Sale.state,
                Sale.line_type,
                pw.fn.COUNT(Sale.id),
                pw.fn.SUM(Sale.face_value),
                pw.fn.SUM(Sale.price),
                pw.fn.SUM(Sale.cost),
                _count_if(no_cost),
                _sum_if(no_cost, Sale.price),
            )
            .where(where)
            .group_by(Sale.state, Sale.line_type)
            .order_by(Sale.state, Sale.line_type)
        )
        return tuple(
            GroupFigures(
                state=SaleState(state),
                line_type=LineType(line_type),
                count=int(count),
                face_value=int(face or 0),
                price=int(price or 0),
                cost=int(cost or 0),
                cost_unknown=int(unknown or 0),
                price_cost_unknown=int(unknown_price or 0),
            )
            for state, line_type, count, face, price, cost, unknown, unknown_price in _tuples(query)
        )

    def _movements(self, scope: _Scope, counter: str | None) -> tuple[Movement, Movement, Movement]:
        """The debits, the credits and the cash given back in the period, in one pass over its
        journal rows."""
        debit = Journal.to_state.in_(_ACKNOWLEDGED) & Journal.from_state.not_in(_ACKNOWLEDGED)
        credit = (Journal.to_state == _REFUNDED) & (Journal.from_state != _REFUNDED)
        back = Journal.to_state.in_(_GIVEN_BACK) & Journal.from_state.not_in(_GIVEN_BACK)
        where = scope.journal & (debit | credit | back)
        if counter is not None:
            where &= Sale.counter == counter
        no_cost = Sale.cost.is_null()
        query = (
            Journal.select(
                _count_if(debit),
                _sum_if(debit, Sale.cost),
                _count_if(debit & no_cost),
                _count_if(credit),
                _sum_if(credit, Sale.cost),
                _count_if(credit & no_cost),
                _count_if(back),
                _sum_if(back, Sale.price),
            )
            .join(Sale, on=(Journal.sale == Sale.id))
            .where(where)
        )
        ((*sums,),) = _tuples(query)
        values = [int(v or 0) for v in sums]
        return Movement(*values[:3]), Movement(*values[3:6]), Movement(*values[6:])

    def _unresolved(self, scope: _Scope, counter: str | None) -> tuple[UnresolvedSale, ...]:
        where = Sale.state.in_(sorted(s.value for s in UNRESOLVED_STATES)) & scope.unresolved
        if counter is not None:
            where &= Sale.counter == counter
        query = (
            Sale.select(Sale.ref, Sale.number, Sale.state, Sale.price, Sale.cost, Sale.created_at)
            .where(where)
            .order_by(Sale.created_at, Sale.id)
        )
        return tuple(
            UnresolvedSale(ref, number, SaleState(state), price, cost, from_millis(created))
            for ref, number, state, price, cost, created in _tuples(query)
        )

    # -- closed periods (Z) ------------------------------------------------------------------

    @on_own_database
    def last_z(self) -> ZRecord | None:
        """The latest Z report, or None before the first."""
        self._open()
        row = ZReport.select().order_by(ZReport.number.desc()).first()
        return None if row is None else _record(row)

    @on_own_database
    def next_z_opening(self) -> datetime:
        """Where the next Z period opens: the last Z's close, else the first sale's time,
        else now."""
        self._open()
        return from_millis(self._next_opening_ms())

    def _next_opening_ms(self) -> int:
        last = ZReport.select(ZReport.closed_at).order_by(ZReport.number.desc()).first()
        closed = None if last is None else _whole(last.closed_at)
        if closed is not None:
            return closed
        ((first,),) = _tuples(Sale.select(pw.fn.MIN(Sale.created_at)))
        return self._now_ms() if first is None else int(first)

    @on_own_database
    def close_period(
        self, *, counter: str, cash_counted: int | None, chain_intact: bool | None = None
    ) -> ZRecord:
        """Close the open period: build its Z report (numbered after the last) from every
        sale and journal row written since the last Z, with the balance readings at both ends,
        and store it, all in one write transaction (no sale can slip between the figures and
        the Z, and two counters closing at once make two Zs one after the other). ``counter``
        is who closed it. The Z records the journal's chain head and row count at its close
        (``chain_intact``: what the check made just before found). The Z is never changed
        afterwards."""
        self._open()
        if cash_counted is not None and (
            isinstance(cash_counted, bool) or not isinstance(cash_counted, int)
        ):
            raise TypeError("the cash counted is whole dinars (int)")
        with self._db.atomic():
            figures, upto, since, until = self._open_period(None)
            last = ZReport.select(pw.fn.MAX(ZReport.number)).scalar()
            number = int(last or 0) + 1
            mac = chain.mac_of(self._db, chain.JOURNAL, upto[1]) if upto[1] else chain.GENESIS
            seal = ChainSeal(upto[1], (mac or "-")[:16], chain_intact)
            report = build_report(
                "Z",
                figures,
                self.balance_at(since),
                self.balance_at(until),
                cash_counted,
                number,
                chain=seal,
            )
            values = {
                "counter": counter,
                "opened_at": to_millis(since),
                "closed_at": to_millis(until),
                "created_at": self._now_ms(),
                "cash_counted": cash_counted,
                "last_sale_id": upto[0],
                "last_journal_id": upto[1],
                "journal_head": mac,
                "body": report_to_json(report),
            }
            spec = chain.Z_REPORTS
            written = chain.append(self._db, spec, self._sealer(spec), values)
            if written != number:  # the chain's next key is the next Z number
                raise RuntimeError(f"Z {number} would be stored as {written}")
            row = ZReport.get_by_id(number)
        vault.keep_anchor(self._vault, number, str(row.mac))
        return _record(row)

    @on_own_database
    def z_reports(self) -> list[ZRecord]:
        """Every Z report, by number."""
        self._open()
        return [_record(row) for row in ZReport.select().order_by(ZReport.number)]

    @on_own_database
    def z_report(self, number: int) -> ZRecord | None:
        """The Z report with this number, or None."""
        self._open()
        row = ZReport.get_or_none(ZReport.number == number)
        return None if row is None else _record(row)
