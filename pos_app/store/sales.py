"""Sales and their append-only journal: the money-critical part of the store.

Promises:
- every change of a sale is ONE transaction together with its journal row (or nothing);
- the journal is append-only: there is no method to change or delete a row;
- the card code never goes into a journal detail (it is a credential), and the sale row
  keeps it only encrypted (:mod:`~pos_app.store.codes`): it is sealed here on write and
  opened here on read; the journal row of the change that writes it seals the digest of
  the ciphertext (``chain.code_digest``);
- a sale's fixed facts (``chain.SALE_FACTS``, the cost among them) are never changed after
  it is created: its "created" journal row seals them;
- callers only ever see frozen dataclasses with aware UTC datetimes and integer money.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from decimal import Decimal
from enum import Enum
from types import MappingProxyType
from typing import Any, Final, TypedDict, Unpack, cast

import peewee as pw

from pos_app.domain.cards import code_tail
from pos_app.domain.numbers import LineType
from pos_app.domain.redaction import register_code
from pos_app.domain.refs import is_valid_ref
from pos_app.domain.sale_states import FINAL_STATES, SaleState, check_transition
from pos_app.store import chain
from pos_app.store.base import StoreBase, on_own_database
from pos_app.store.chain import JOURNAL
from pos_app.store.codes import CardCodeUnreadableError, CodeCipher
from pos_app.store.errors import (
    DuplicateSaleError,
    SaleNotFoundError,
    StaleStateError,
)
from pos_app.store.models import CAUSE_LENGTH, Journal, Sale
from pos_app.store.sale_records import JournalRecord, NewSale, SaleRecord, WaitingTotals
from pos_app.store.timestamps import from_millis, to_millis

CREATED_CAUSE: Final = "created"
"""Cause of the journal row written with a new sale."""

_MIN_GUARDED_CODE: Final = 4  # shorter "card codes" would match too much innocent text


class SaleFields(TypedDict, total=False):
    """The sale fields that ``transition`` and ``record`` may set (all others are fixed)."""

    server_status: str | None
    server_id: str | None
    card_code: str | None
    num_trans: str | None
    date_traitement: str | None
    failure_code: str | None
    failure_reason: str | None
    sent_at: datetime | None
    send_attempts: int
    not_found_count: int
    next_check_at: datetime | None


_TEXT_FIELDS: Final = frozenset(
    {
        "server_status",
        "server_id",
        "card_code",
        "num_trans",
        "date_traitement",
        "failure_code",
        "failure_reason",
    }
)
_TIME_FIELDS: Final = frozenset({"sent_at", "next_check_at"})
UPDATABLE_FIELDS: Final = frozenset(SaleFields.__annotations__)
"""Names accepted as keyword fields by ``transition`` and ``record``."""


def _field_values(fields: Mapping[str, object]) -> dict[str, object]:
    """Validated column values for ``fields`` (datetimes as epoch milliseconds)."""
    unknown = sorted(set(fields) - UPDATABLE_FIELDS)
    if unknown:
        raise ValueError(f"these sale fields cannot be set: {', '.join(unknown)}")
    values: dict[str, object] = {}
    for name, value in fields.items():
        if name in _TEXT_FIELDS:
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{name} must be a str or None, got {type(value).__name__}")
            values[name] = value
            if name == "card_code":
                register_code(value if isinstance(value, str) else None)  # kept out of logs
                values["code_tail"] = code_tail(value if isinstance(value, str) else None)
        elif name in _TIME_FIELDS:
            if value is not None and not isinstance(value, datetime):
                raise TypeError(f"{name} must be a datetime or None, got {type(value).__name__}")
            values[name] = None if value is None else to_millis(value)
        else:  # the counters (send_attempts, not_found_count)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} must be an int, got {type(value).__name__}")
            if value < 0:
                raise ValueError(f"{name} cannot be negative: {value}")
            values[name] = value
    return values


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (frozenset, set)):
        return list(value)
    raise TypeError(f"cannot store a {type(value).__name__} in a journal detail")


def _is_card_code_key(key: str) -> bool:
    return "cardcode" in "".join(ch for ch in key.lower() if ch.isalnum())


def _check_keys(value: object) -> None:
    """Refuse a detail that carries a card code under any key, however deep."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"journal detail keys must be str, got {type(key).__name__}")
            if _is_card_code_key(key):
                raise ValueError(f"a card code may not be written to the journal ({key!r})")
            _check_keys(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _check_keys(item)


def _detail_json(
    detail: Mapping[str, object] | None, card_codes: Iterable[str | None]
) -> str | None:
    """``detail`` as JSON text, after making sure no card code is in it (key or value)."""
    if detail is None:
        return None
    if not isinstance(detail, Mapping):
        raise TypeError(f"journal detail must be a mapping, got {type(detail).__name__}")
    _check_keys(detail)
    try:
        text = json.dumps(
            dict(detail), ensure_ascii=False, sort_keys=True, default=_json_default, allow_nan=False
        )
    except (TypeError, ValueError) as exc:
        raise ValueError(f"journal detail is not storable as JSON: {exc}") from exc
    for code in card_codes:
        if code and len(code) >= _MIN_GUARDED_CODE and code in text:
            raise ValueError("a card code may not be written to the journal")
    return text


def _check_cause(cause: str) -> None:
    if not isinstance(cause, str) or not cause.strip() or len(cause) > CAUSE_LENGTH:
        raise ValueError(f"cause must be 1-{CAUSE_LENGTH} characters, got {cause!r}")


def _check_new_sale(new: NewSale) -> None:
    if not is_valid_ref(new.ref):
        raise ValueError(f"not a valid sale ref: {new.ref!r}")
    if not isinstance(new.line_type, LineType):
        raise TypeError(f"line_type must be a LineType, got {new.line_type!r}")
    for name in ("face_value", "price", "cost"):
        value = getattr(new, name)
        if value is None and name == "cost":
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{name} must be a whole number of dinars >= 0, got {value!r}")
    for name in ("number", "cashier", "counter"):
        if not isinstance(getattr(new, name), str):
            raise TypeError(f"{name} must be a str")
    if not new.number:
        raise ValueError("number must not be empty")


def _tuples(query: pw.ModelSelect[Sale]) -> list[tuple[Any, ...]]:
    """Rows of an aggregate query as plain tuples (the stubs type them as models)."""
    return list(cast(Iterable[tuple[Any, ...]], query.tuples()))


def _optional_time(millis: int | None) -> datetime | None:
    return None if millis is None else from_millis(millis)


def sale_facts(row: Sale) -> tuple[object, ...]:
    """The sale's fixed facts (``chain.SALE_FACTS``) as SQLite gives them back."""
    return tuple(getattr(row, name) for name in chain.SALE_FACTS)


def clear_code(row: Sale, codes: CodeCipher) -> tuple[str | None, str | None]:
    """The sale's card code in clear and None, or None and why it cannot be read."""
    if row.card_code is None:
        return None, None
    try:
        code = codes.open(row.ref, row.card_code)
    except CardCodeUnreadableError as exc:
        return None, str(exc)
    register_code(code)  # a code read back is kept out of logs too
    return code, None


def _sale_record(row: Sale, codes: CodeCipher) -> SaleRecord:
    card_code, problem = clear_code(row, codes)
    return SaleRecord(
        id=row.id,
        ref=row.ref,
        line_type=LineType(row.line_type),
        number=row.number,
        face_value=row.face_value,
        cost=row.cost,
        price=row.price,
        state=SaleState(row.state),
        server_status=row.server_status,
        server_id=row.server_id,
        card_code=card_code,
        card_code_problem=problem,
        num_trans=row.num_trans,
        date_traitement=row.date_traitement,
        failure_code=row.failure_code,
        failure_reason=row.failure_reason,
        cashier=row.cashier,
        counter=row.counter,
        created_at=from_millis(row.created_at),
        updated_at=from_millis(row.updated_at),
        sent_at=_optional_time(row.sent_at),
        send_attempts=row.send_attempts,
        not_found_count=row.not_found_count,
        next_check_at=_optional_time(row.next_check_at),
    )


def _journal_record(row: Journal, sale_id: int, ref: str) -> JournalRecord:
    detail: Mapping[str, object] | None = None
    if row.detail is not None:
        parsed = json.loads(row.detail)
        detail = MappingProxyType(parsed) if isinstance(parsed, dict) else {"value": parsed}
    return JournalRecord(
        id=row.id,
        sale_id=sale_id,
        ref=ref,
        at=from_millis(row.at),
        from_state=None if row.from_state is None else SaleState(row.from_state),
        to_state=SaleState(row.to_state),
        cause=row.cause,
        detail=detail,
    )


class Sales(StoreBase):
    """The sales and their journal (part of :class:`~pos_app.store.store.Store`)."""

    # -- sales: writes -----------------------------------------------------------------------

    @on_own_database
    def add_sale(self, new: NewSale) -> SaleRecord:
        """Store ``new`` as WAITING with its "created" journal row, in one transaction.

        Raises :class:`DuplicateSaleError` if the ref exists (nothing written)."""
        self._open()
        _check_new_sale(new)
        now = self._now_ms()
        with self._db.atomic():
            if Sale.select(Sale.id).where(Sale.ref == new.ref).exists():
                raise DuplicateSaleError(new.ref)
            try:
                row = Sale.create(
                    ref=new.ref,
                    line_type=new.line_type.value,
                    number=new.number,
                    face_value=new.face_value,
                    cost=new.cost,
                    price=new.price,
                    state=SaleState.WAITING.value,
                    cashier=new.cashier,
                    counter=new.counter,
                    created_at=now,
                    updated_at=now,
                    send_attempts=0,
                    not_found_count=0,
                )
            except pw.IntegrityError as exc:  # a concurrent writer got there first
                raise DuplicateSaleError(new.ref) from exc
            self._append(
                row.id,
                from_state=None,
                to_state=SaleState.WAITING,
                cause=CREATED_CAUSE,
                detail_json=None,
                at=now,
                facts=sale_facts(row),
            )
        return _sale_record(row, self._codes())

    @on_own_database
    def transition(
        self,
        ref: str,
        expected: SaleState,
        target: SaleState,
        cause: str,
        *,
        detail: Mapping[str, object] | None = None,
        **fields: Unpack[SaleFields],
    ) -> SaleRecord:
        """Move sale ``ref`` from ``expected`` to ``target``, set ``fields`` and append the
        journal row, all in ONE transaction.

        Raises (writing nothing): :class:`SaleNotFoundError`; :class:`StaleStateError` when the
        sale is not in ``expected``; ``IllegalTransitionError`` when the move is not in the
        table; ValueError/TypeError for a field that may not be set or a bad value. The first
        move to SENDING stamps ``sent_at`` unless it is given.
        """
        self._open()
        expected, target = SaleState(expected), SaleState(target)
        _check_cause(cause)
        values = _field_values(fields)
        now = self._now_ms()
        with self._db.atomic():
            row = self._row(ref)
            actual = SaleState(row.state)
            if actual is not expected:
                raise StaleStateError(ref, expected, actual)
            check_transition(expected, target)
            if target is SaleState.SENDING and row.sent_at is None and "sent_at" not in values:
                values["sent_at"] = now
            detail_json = self._checked_detail(row, detail, fields.get("card_code"))
            values.update(state=target.value, updated_at=now)
            self._seal_code(row.ref, values)
            updated = self._write(row, expected, target, values, cause, detail_json, now)
        return _sale_record(updated, self._codes())

    @on_own_database
    def record(
        self,
        ref: str,
        cause: str,
        *,
        detail: Mapping[str, object] | None = None,
        **fields: Unpack[SaleFields],
    ) -> SaleRecord:
        """Set ``fields`` of sale ``ref`` without changing its state, with a journal row whose
        ``from_state == to_state``, in one transaction (e.g. a new server status, a counted
        NOT_FOUND). Same errors as :meth:`transition` for fields and unknown refs."""
        self._open()
        _check_cause(cause)
        values = _field_values(fields)
        now = self._now_ms()
        with self._db.atomic():
            row = self._row(ref)
            state = SaleState(row.state)
            detail_json = self._checked_detail(row, detail, fields.get("card_code"))
            values["updated_at"] = now
            self._seal_code(row.ref, values)
            updated = self._write(row, state, state, values, cause, detail_json, now)
        return _sale_record(updated, self._codes())

    def _checked_detail(
        self, row: Sale, detail: Mapping[str, object] | None, new_code: str | None
    ) -> str | None:
        """``detail`` as JSON, checked to hold neither the sale's code nor the new one."""
        if detail is None:
            return None
        return _detail_json(detail, (clear_code(row, self._codes())[0], new_code))

    def _seal_code(self, ref: str, values: dict[str, object]) -> None:
        """Encrypt the card code in ``values`` (column values for sale ``ref``), if any."""
        code = values.get("card_code")
        if isinstance(code, str):
            values["card_code"] = self._codes().seal(ref, code)

    def _write(  # noqa: PLR0917 - one journalled write, every part of it
        self,
        row: Sale,
        before: SaleState,
        after: SaleState,
        values: dict[str, object],
        cause: str,
        detail_json: str | None,
        now: int,
    ) -> Sale:
        """Inside the caller's transaction: update the row only if it is still in ``before``
        (``values`` already hold the new state and time), append its journal row, and
        return the row as written."""
        changed = (
            Sale.update(**values)
            .where((Sale.id == row.id) & (Sale.state == before.value))
            .execute()
        )
        if changed != 1:  # only possible without a write lock (another engine)
            raise StaleStateError(row.ref, before, SaleState(self._row(row.ref).state))
        stored_code = values.get("card_code")
        self._append(
            row.id,
            from_state=before,
            to_state=after,
            cause=cause,
            detail_json=detail_json,
            at=now,
            code_digest=chain.code_digest(stored_code) if "card_code" in values else None,
        )
        return self._row(row.ref)

    @on_own_database
    def schedule(self, ref: str, next_check_at: datetime | None) -> None:
        """Set when sale ``ref`` should next be checked (bookkeeping: no journal row)."""
        self._open()
        millis = None if next_check_at is None else to_millis(next_check_at)
        with self._db.atomic():
            changed = Sale.update(next_check_at=millis).where(Sale.ref == ref).execute()
            if changed != 1:
                raise SaleNotFoundError(ref)

    def _row(self, ref: str) -> Sale:
        row = Sale.get_or_none(Sale.ref == ref)
        if row is None:
            raise SaleNotFoundError(ref)
        return row

    def _append(
        self,
        sale_id: int,
        *,
        from_state: SaleState | None,
        to_state: SaleState,
        cause: str,
        detail_json: str | None,
        at: int,
        facts: tuple[object, ...] = (),
        code_digest: str | None = None,
    ) -> None:
        """Inside the caller's transaction: the journal row, chained to the last one
        (``facts``: the sale's fixed facts, sealed with its "created" row; ``code_digest``:
        the card code this change wrote, as stored)."""
        chain.append(
            self._db,
            JOURNAL,
            self._sealer(),
            {
                "sale_id": sale_id,
                "at": at,
                "from_state": None if from_state is None else from_state.value,
                "to_state": to_state.value,
                "cause": cause,
                "detail": detail_json,
                "code_digest": code_digest,
            },
            facts,
        )

    # -- sales: reads ------------------------------------------------------------------------

    @on_own_database
    def get(self, ref: str) -> SaleRecord | None:
        """The sale with this ref, or None."""
        self._open()
        row = Sale.get_or_none(Sale.ref == ref)
        return None if row is None else _sale_record(row, self._codes())

    @on_own_database
    def by_state(self, *states: SaleState) -> list[SaleRecord]:
        """Sales in any of ``states``, oldest first (by id); empty when no state is given."""
        self._open()
        if not states:
            return []
        query = Sale.select().where(Sale.state.in_([s.value for s in states])).order_by(Sale.id)
        codes = self._codes()
        return [_sale_record(row, codes) for row in query]

    def unresolved(self) -> list[SaleRecord]:
        """Every sale not in a final state, oldest first."""
        return self.by_state(*(s for s in SaleState if s not in FINAL_STATES))

    @on_own_database
    def recent_numbers(self, limit: int = 50, scan: int = 1000) -> list[str]:
        """Line numbers of the latest ``scan`` sales, newest first, each once, at most
        ``limit`` of them; numbers of rejected sales (a wrong line, say) are left out."""
        if limit < 1 or scan < 1:
            raise ValueError("limit and scan must be at least 1")
        self._open()
        query = (
            Sale.select(Sale.number)
            .where(Sale.state != SaleState.REJECTED.value)
            .order_by(Sale.id.desc())
            .limit(scan)
        )
        seen: dict[str, None] = {}
        for row in query:
            seen.setdefault(row.number)
            if len(seen) >= limit:
                break
        return list(seen)

    def iter_sales(self, batch: int = 500) -> Iterator[SaleRecord]:
        """Every sale by id, read ``batch`` at a time (no long-lived read transaction)."""
        if batch < 1:
            raise ValueError("batch must be at least 1")
        last_id = 0
        while True:
            self._open()
            with self._models():  # not across the yields: the caller may use another store
                rows = list(Sale.select().where(Sale.id > last_id).order_by(Sale.id).limit(batch))
            if not rows:
                return
            codes = self._codes()
            for row in rows:
                yield _sale_record(row, codes)
            last_id = rows[-1].id

    @on_own_database
    def journal(self, ref: str) -> list[JournalRecord]:
        """The journal of sale ``ref`` in the order it was written (empty if no such sale)."""
        self._open()
        sale = Sale.get_or_none(Sale.ref == ref)
        if sale is None:
            return []
        rows = Journal.select().where(Journal.sale == sale.id).order_by(Journal.id)
        return [_journal_record(row, sale.id, ref) for row in rows]

    @on_own_database
    def last_journal(self, ref: str) -> JournalRecord | None:
        """The latest journal row of sale ``ref``, or None."""
        self._open()
        sale = Sale.get_or_none(Sale.ref == ref)
        if sale is None:
            return None
        row = Journal.select().where(Journal.sale == sale.id).order_by(Journal.id.desc()).first()
        return None if row is None else _journal_record(row, sale.id, ref)

    @on_own_database
    def waiting_totals(self) -> WaitingTotals:
        """How many sales wait to be sent, their total face value and the oldest one's time."""
        self._open()
        query = Sale.select(
            pw.fn.COUNT(Sale.id), pw.fn.SUM(Sale.face_value), pw.fn.MIN(Sale.created_at)
        ).where(Sale.state == SaleState.WAITING.value)
        ((count, dinars, oldest),) = _tuples(query)
        return WaitingTotals(
            count=int(count or 0),
            dinars=int(dinars or 0),
            oldest_created_at=None if oldest is None else from_millis(int(oldest)),
        )

    @on_own_database
    def count_by_state(self) -> dict[SaleState, int]:
        """Number of sales in every state (0 for states nobody is in)."""
        self._open()
        counts = dict.fromkeys(SaleState, 0)
        query = Sale.select(Sale.state, pw.fn.COUNT(Sale.id)).group_by(Sale.state)
        for state, count in _tuples(query):
            counts[SaleState(state)] = int(count)
        return counts
