"""The money invariants every reliability test checks, local sales against the server's ledger.

- lost: a sale the cashier confirmed that the database does not have, or an order the server
  charged that no local sale explains;
- charged twice: more than one server order for one sale (or an order under a ref the counter
  never made);
- wrongly refunded: a sale shown refunded/rejected/cancelled that the server holds and did not
  refund;
- mismatched: a sale shown fulfilled whose server order is not fulfilled with the same card;
- wrong card: a sale holding a card code that is not its own server order's (or that holds
  one without being fulfilled); a conflict where the server's order under the ref is this
  very sale (the counter refused its own order);
- unsettled: a sale neither final, nor QUEUED, nor deliberately WAITING;
- broken journals: a sale whose journal is not one unbroken chain ending at its state.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from pos_app.domain.sale_states import FINAL_STATES, SaleState
from pos_app.simulator import SimOrder
from pos_app.store import SaleRecord, Store

SHOWN_FAILED = {SaleState.REFUNDED, SaleState.REJECTED, SaleState.CANCELLED}


@dataclass
class Report:
    sales: int = 0
    server_orders: int = 0
    lost: list[str] = field(default_factory=list)
    charged_twice: list[str] = field(default_factory=list)
    wrongly_refunded: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    wrong_card: list[str] = field(default_factory=list)
    unsettled: list[str] = field(default_factory=list)
    broken_journals: list[str] = field(default_factory=list)
    states: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (
            self.lost
            or self.charged_twice
            or self.wrongly_refunded
            or self.mismatched
            or self.wrong_card
            or self.unsettled
            or self.broken_journals
        )

    def summary(self) -> str:
        return (
            f"{self.sales} sales, {self.server_orders} server orders: "
            f"{len(self.lost)} lost, {len(self.charged_twice)} charged twice, "
            f"{len(self.wrongly_refunded)} wrongly refunded, {len(self.mismatched)} "
            f"mismatched, {len(self.wrong_card)} wrong card, {len(self.unsettled)} "
            f"unsettled, {len(self.broken_journals)} broken journals; "
            f"states {self.states}"
        )


def check(
    store: Store,
    server: Iterable[SimOrder],
    *,
    confirmed: Iterable[str] = (),
    allow_waiting: bool = True,
    allow_running: bool = False,
) -> Report:
    """Compare the store with the server's accepted orders (``Simulator.accepted()``)."""
    sales = {s.ref: s for s in store.iter_sales()}
    orders = list(server)
    per_ref = Counter(o.ref for o in orders)
    by_ref = {o.ref: o for o in orders}
    report = Report(sales=len(sales), server_orders=len(orders))
    report.states = dict(Counter(s.state.value for s in sales.values()))
    report.lost += [r for r in confirmed if r not in sales]
    report.lost += [o.ref for o in orders if o.ref not in sales]
    report.charged_twice += [r for r, n in per_ref.items() if n > 1]
    for ref, sale in sales.items():
        order = by_ref.get(ref)
        if sale.state in SHOWN_FAILED and order is not None and order.status != "REFUNDED":
            report.wrongly_refunded.append(ref)
        if sale.state is SaleState.FULFILLED and (
            order is None or order.status != "FULFILLED" or order.card_code != sale.card_code
        ):
            report.mismatched.append(ref)
        if sale.state is SaleState.REFUNDED and (order is None or order.status != "REFUNDED"):
            report.mismatched.append(ref)
        if sale.card_code is not None and (
            sale.state is not SaleState.FULFILLED
            or order is None
            or order.card_code != sale.card_code
        ):
            report.wrong_card.append(ref)
        if sale.state is SaleState.CONFLICT and order is not None and _same_sale(sale, order):
            report.wrong_card.append(ref)
        if not _settled(sale, allow_waiting=allow_waiting, allow_running=allow_running):
            report.unsettled.append(ref)
        if not _chain_ok(store, sale):
            report.broken_journals.append(ref)
    return report


def _same_sale(sale: SaleRecord, order: SimOrder) -> bool:
    return (order.type, order.number, order.value) == (
        sale.line_type.value,
        sale.number,
        sale.face_value,
    )


def _settled(sale: SaleRecord, *, allow_waiting: bool, allow_running: bool) -> bool:
    if sale.state in FINAL_STATES or sale.state in {SaleState.QUEUED, SaleState.CODE_MISSING}:
        return True
    if sale.state is SaleState.WAITING:
        return allow_waiting
    return allow_running and sale.state in {
        SaleState.ACCEPTED,
        SaleState.UNKNOWN,
        SaleState.SENDING,
        SaleState.VERIFYING,
        SaleState.CODE_PENDING,
    }


def _chain_ok(store: Store, sale: SaleRecord) -> bool:
    rows = store.journal(sale.ref)
    if not rows or rows[0].from_state is not None or rows[0].to_state is not SaleState.WAITING:
        return False
    for before, after in itertools.pairwise(rows):
        if after.from_state is not before.to_state:
            return False
    return rows[-1].to_state is sale.state
