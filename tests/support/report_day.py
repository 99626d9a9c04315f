"""A hand-made day of sales for the report tests (drawing, command line, screen), and its
figures computed by hand.

On DAY (UTC): two fulfilled sales, a refund, a queued sale, a sale of unknown outcome and a
rejected one; the supplier balance read at 08:00 and at 13:00, the second 1,960.00 DA lower
than the sales say (the unknown sale did land on the supplier's side).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Final

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.store import NewSale, Store, open_store
from tests.support.clock import Clock

DAY: Final = datetime(2026, 3, 2, tzinfo=UTC)
OPENING_AT: Final = DAY + timedelta(hours=8)
CLOSING_AT: Final = DAY + timedelta(hours=13)
OPENING_CENTIMES: Final = 5_000_000  # 50,000.00 DA

PATHS: Final = {
    SaleState.FULFILLED: (SaleState.SENDING, SaleState.ACCEPTED, SaleState.FULFILLED),
    SaleState.REFUNDED: (SaleState.SENDING, SaleState.ACCEPTED, SaleState.REFUNDED),
    SaleState.QUEUED: (SaleState.SENDING, SaleState.ACCEPTED, SaleState.QUEUED),
    SaleState.UNKNOWN: (SaleState.SENDING, SaleState.UNKNOWN),
    SaleState.REJECTED: (SaleState.SENDING, SaleState.REJECTED),
}

# (ref, hour, state, line type, face value = price); cost 98 %
SALES: Final = (
    ("C1-DAY-0001", 9, SaleState.FULFILLED, LineType.ADSL, 1000),
    ("C1-DAY-0002", 9.5, SaleState.FULFILLED, LineType.LTE, 2000),
    ("C1-DAY-0003", 10, SaleState.REFUNDED, LineType.ADSL, 500),
    ("C1-DAY-0004", 11, SaleState.QUEUED, LineType.LTE, 1000),
    ("C1-DAY-0005", 12, SaleState.UNKNOWN, LineType.ADSL, 2000),
    ("C1-DAY-0006", 12.5, SaleState.REJECTED, LineType.ADSL, 1000),
)

# Hand-computed figures of the day.
SALES_COUNT: Final = 6
CUSTOMERS_PAID: Final = 1000 + 2000 + 500 + 1000 + 2000 + 1000  # every sale made: 7,500
GIVEN_BACK: Final = 500 + 1000  # the refund and the rejection, handed back the same day
CASH_EXPECTED: Final = CUSTOMERS_PAID - GIVEN_BACK  # 6,000
FACE_VALUE_SOLD: Final = 1000 + 2000  # the two fulfilled sales only
COST: Final = 980 + 1960  # of the sales sold
MARGIN: Final = FACE_VALUE_SOLD - COST  # 60
DEBITS: Final = 980 + 1960 + 490 + 980  # every sale the supplier acknowledged
CREDITS: Final = 490
EXPECTED_CLOSING: Final = OPENING_CENTIMES - DEBITS * 100 + CREDITS * 100  # 46,080.00 DA
LANDED_UNKNOWN: Final = 1960  # the unknown sale, debited on the supplier's side
CLOSING_CENTIMES: Final = EXPECTED_CLOSING - LANDED_UNKNOWN * 100  # 44,120.00 DA
DIFFERENCE: Final = -LANDED_UNKNOWN * 100
UNRESOLVED: Final = ("C1-DAY-0004", "C1-DAY-0005")


def card_code(ref: str) -> str:
    """The card code given to a fulfilled sale of the day (its last four: ``90`` + the
    ref's last two digits)."""
    return f"7700 1234 5678 90{ref[-2:]}"


def make_day(store: Store, clock: Clock) -> Store:
    """Record the day's sales and balance readings in ``store`` (whose clock is ``clock``);
    leaves the clock at 13:00."""
    clock.current = OPENING_AT
    store.record_balance(OPENING_CENTIMES, OPENING_AT)
    for ref, hour, state, line_type, face in SALES:
        clock.current = DAY + timedelta(hours=hour)
        store.add_sale(
            NewSale(
                ref=ref,
                line_type=line_type,
                number="036362608" if line_type is LineType.ADSL else "213472731602",
                face_value=face,
                cost=face * 98 // 100,
                price=face,
                cashier="amina",
                counter="C1",
            )
        )
        for target in PATHS[state]:
            sale = store.get(ref)
            assert sale is not None
            store.transition(ref, sale.state, target, f"test: {target.value}")
        if state is SaleState.FULFILLED:
            store.record(ref, "test: card code", card_code=card_code(ref))
    clock.current = CLOSING_AT
    store.record_balance(CLOSING_CENTIMES, CLOSING_AT)
    return store


def day_database(folder: Path) -> str:
    """A closed SQLite file in ``folder`` holding the day (as :func:`make_day`); its URL."""
    url = f"sqlite:///{(folder / 'pos.sqlite3').as_posix()}"
    clock = Clock(DAY)
    store = open_store(url, now=clock.now)
    try:
        make_day(store, clock)
    finally:
        store.close()
    return url
