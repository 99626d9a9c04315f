"""Typed results of the OneClickDZ API: small frozen dataclasses, no raw dicts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Generic, TypeVar

from pos_app.api import contract
from pos_app.domain.numbers import LineType

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Ping:
    """Health of the API and of each operator ("up" or "down")."""

    api_ok: bool
    operators: Mapping[str, str] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """What /validate says about the configured key (never the key itself)."""

    username: str
    key_type: str
    is_enabled: bool
    scope: str | None
    allowed_ips: tuple[str, ...] = ()

    @property
    def is_sandbox(self) -> bool:
        return self.key_type.upper() == "SANDBOX"


@dataclass(frozen=True, slots=True)
class Balance:
    """The account balance in dinars, exact to the centime."""

    amount: Decimal
    currency: str = "DZD"


@dataclass(frozen=True, slots=True)
class Transaction:
    """One row of the account ledger (account/transactions)."""

    id: str
    type: str
    amount: Decimal
    old_balance: Decimal | None
    new_balance: Decimal | None
    operation: str | None
    objid: str | None
    note: str | None
    time: str | None


@dataclass(frozen=True, slots=True)
class Product:
    """One card value of one line type: face value and cost in whole dinars."""

    value: int
    cost: int
    available: bool


@dataclass(frozen=True, slots=True)
class ProductList:
    """The card values offered for one line type, one entry per face value."""

    line_type: LineType
    products: tuple[Product, ...]

    def get(self, value: int) -> Product | None:
        """The product of this face value, or None."""
        return next((p for p in self.products if p.value == value), None)


@dataclass(frozen=True, slots=True)
class LineInfo:
    """What check-number says about a line: masked customer number and offer."""

    line_type: LineType
    number: str
    ncli: str | None
    offre: str | None
    raw_type: str


@dataclass(frozen=True, slots=True)
class SendResult:
    """An accepted order: the server's id and the ref it was filed under."""

    topup_id: str
    topup_ref: str
    new_balance: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Topup:
    """An internet top-up as the server reports it (check-id, check-ref, list).

    ``status`` is kept as the server wrote it; a status this client does not know is
    treated as still running (never final).
    """

    id: str
    ref: str | None
    status: str
    line_type: LineType | None
    number: str | None
    topup_amount: int | None
    card_code: str | None = None
    num_trans: str | None = None
    date_traitement: str | None = None
    created_at: str | None = None

    @property
    def is_final(self) -> bool:
        return self.status in contract.FINAL_STATUSES

    @property
    def is_known_status(self) -> bool:
        return self.status in contract.KNOWN_STATUSES

    @property
    def is_fulfilled(self) -> bool:
        return self.status == contract.STATUS_FULFILLED

    @property
    def is_refunded(self) -> bool:
        return self.status == contract.STATUS_REFUNDED

    @property
    def is_queued(self) -> bool:
        return self.status == contract.STATUS_QUEUED

    def __repr__(self) -> str:
        # The card code is a credential: never in logs or reprs.
        code = "<hidden>" if self.card_code else None
        return (
            f"Topup(id={self.id!r}, ref={self.ref!r}, status={self.status!r}, "
            f"type={self.line_type}, number={self.number!r}, amount={self.topup_amount}, "
            f"card_code={code}, num_trans={self.num_trans!r})"
        )


@dataclass(frozen=True, slots=True)
class Pagination:
    """Where a page sits in a list, read from either documented shape."""

    page: int
    page_size: int | None
    total_pages: int | None
    total_items: int | None
    has_next: bool


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list endpoint."""

    items: tuple[T, ...]
    pagination: Pagination
