"""The store's records of sales: a new sale, a stored one, its journal rows, the sales waiting
to be sent, and the last number checks (frozen dataclasses, never peewee rows). Apart from
:mod:`pos_app.store.records` (also importable from there): the first paint needs none of them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState


@dataclass(frozen=True, slots=True)
class NewSale:
    """A sale as the counter makes it, before it is stored (money in whole dinars)."""

    ref: str
    line_type: LineType
    number: str
    face_value: int
    cost: int | None
    price: int
    cashier: str
    counter: str


@dataclass(frozen=True, slots=True)
class SaleRecord:
    """One stored sale. Money in whole dinars; datetimes timezone-aware UTC.

    ``card_code`` is a credential: it is left out of ``repr`` so it never reaches a log.
    ``card_code_problem`` says why a stored code cannot be shown (``card_code`` is then None,
    e.g. "card code unreadable: the data key does not match"); None otherwise.
    """

    id: int
    ref: str
    line_type: LineType
    number: str
    face_value: int
    cost: int | None
    price: int
    state: SaleState
    server_status: str | None
    server_id: str | None
    card_code: str | None = field(repr=False)
    num_trans: str | None
    date_traitement: str | None
    failure_code: str | None
    failure_reason: str | None
    cashier: str
    counter: str
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None
    send_attempts: int
    not_found_count: int
    next_check_at: datetime | None
    card_code_problem: str | None = None


@dataclass(frozen=True, slots=True)
class JournalRecord:
    """One append-only journal row: a sale moved (or stayed, ``from_state == to_state``).

    ``from_state`` is None only on the row that created the sale.
    """

    id: int
    sale_id: int
    ref: str
    at: datetime
    from_state: SaleState | None
    to_state: SaleState
    cause: str
    detail: Mapping[str, object] | None = field(hash=False)


@dataclass(frozen=True, slots=True)
class CachedNumberCheck:
    """The last check-number answer for a line (``error_code`` set when it was refused)."""

    line_type: LineType
    number: str
    ncli: str | None
    offre: str | None
    error_code: str | None
    fetched_at: datetime


@dataclass(frozen=True, slots=True)
class WaitingTotals:
    """Sales waiting to be sent: how many, their total face value and the oldest one's age."""

    count: int
    dinars: int
    oldest_created_at: datetime | None
