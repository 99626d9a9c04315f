"""The engine's values about sales, the connection, the key and line checks (frozen, never
store rows or dicts), and ``EngineEvent``, what a listener receives. Apart from
:mod:`pos_app.orders.views` (also importable from there): the first paint needs none of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, TypeAlias

from pos_app.api import errors
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders.views import BalanceView, ProductsView

if TYPE_CHECKING:  # annotations only: the sale records load after the first paint
    from pos_app.store import SaleRecord


@dataclass(frozen=True, slots=True)
class OrderView:
    """One sale as the counter shows it."""

    ref: str
    line_type: LineType
    number: str
    face_value: int
    price: int
    state: SaleState
    server_status: str | None
    card_code: str | None
    num_trans: str | None
    date_traitement: str | None
    failure_code: str | None
    failure_reason: str | None
    created_at: datetime
    updated_at: datetime
    cashier: str = ""
    """Who sold it (the name signed in when it was placed; "" when unknown)."""

    @classmethod
    def of(cls, sale: SaleRecord) -> OrderView:
        return cls(
            ref=sale.ref,
            line_type=sale.line_type,
            number=sale.number,
            face_value=sale.face_value,
            price=sale.price,
            state=sale.state,
            server_status=sale.server_status,
            card_code=sale.card_code,
            num_trans=sale.num_trans,
            date_traitement=sale.date_traitement,
            failure_code=sale.failure_code,
            failure_reason=sale.failure_reason,
            created_at=sale.created_at,
            updated_at=sale.updated_at,
            cashier=sale.cashier,
        )

    def __repr__(self) -> str:
        code = "<hidden>" if self.card_code else None
        return (
            f"OrderView(ref={self.ref!r}, state={self.state.value}, "
            f"server_status={self.server_status!r}, card_code={code})"
        )


@dataclass(frozen=True, slots=True)
class ConnectionView:
    """Online or not, and how much waits to be sent."""

    online: bool
    waiting: int
    oldest_waiting: datetime | None
    auth_problem: str | None = None


@dataclass(frozen=True, slots=True)
class KeyView:
    """The account behind the key: sandbox or not, training (demo) or not. ``problem`` is a
    code (the server's error code, else the client error's type name) when validation
    failed; ``error`` is that error when it was just raised (its message is key-free)."""

    username: str
    sandbox: bool
    training: bool
    problem: str | None = None
    error: errors.ApiError | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class LineCheckView:
    """What check-number said about one line. ``problem`` is a code (the server's error
    code, else the client error's type name) when the line was refused or not checked;
    ``error`` is the client's error when it was just raised (None when read from the cache)."""

    line_type: LineType
    digits: str
    ncli: str | None
    offre: str | None
    problem: str | None
    refused: bool = False  # the server said the line is wrong (not just unreachable)
    error: errors.ApiError | None = field(default=None, repr=False, compare=False)


EngineEvent: TypeAlias = OrderView | BalanceView | ProductsView | ConnectionView | KeyView
