"""New sales to record, and what became of them (in the store and on the server), for tests
of any layer."""

from __future__ import annotations

from typing import Any, Protocol

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.simulator import SimOrder
from pos_app.store import NewSale, SaleRecord, Store


def new_sale(
    ref: str,
    number: str = "036362608",
    value: int = 1000,
    line_type: LineType = LineType.ADSL,
    *,
    cashier: str = "amina",
    counter: str = "C1",
    **extra: Any,
) -> NewSale:
    """A sale of ``value`` dinars under ``ref``, bought at 98 %."""
    return NewSale(
        ref=ref,
        line_type=line_type,
        number=number,
        face_value=value,
        cost=round(value * 0.98),
        price=value,
        cashier=cashier,
        counter=counter,
        **extra,
    )


def numbered_sale(
    n: int, *, face_value: int = 1000, line_type: LineType = LineType.ADSL
) -> NewSale:
    """The ``n``-th sale of counter T01 (its ref ends in ``n``), bought 50 DA below its face."""
    number = "036362608" if line_type is LineType.ADSL else "213472731602"
    return NewSale(
        ref=f"T01-20260301T093000-{n:08d}",
        line_type=line_type,
        number=number,
        face_value=face_value,
        cost=face_value - 50,
        price=face_value,
        cashier="amina",
        counter="T01",
    )


def sale_of(store: Store, ref: str) -> SaleRecord:
    """The sale recorded under ``ref``; fails the test when there is none."""
    sale = store.get(ref)
    assert sale is not None, f"no sale recorded under {ref}"
    return sale


def state_of(store: Store, ref: str) -> SaleState:
    """The state of the sale recorded under ``ref``; fails the test when there is none."""
    return sale_of(store, ref).state


class OrdersByRef(Protocol):
    """The simulator, or its state: what holds the server's orders."""

    def order_by_ref(self, ref: str) -> SimOrder | None: ...


def server_order(server: OrdersByRef, ref: str) -> SimOrder:
    """The simulator's order under ``ref``; fails the test when there is none."""
    order = server.order_by_ref(ref)
    assert order is not None, f"the server has no order under {ref}"
    return order
