"""X and Z reports: the figures of a period, what they add up to, and the money bridge.

Pure: the store gathers :class:`PeriodFigures` (SQL aggregates), :func:`build_report` turns
them into a :class:`Report`, :func:`report_lines` into plain English lines. Money in whole
dinars; the supplier balance and the bridge in centimes (shown with two decimals).

How money moves: the customer pays the price in cash when the sale is made; the supplier
debits the wholesale cost when it accepts the order and credits it back when it refunds. The
cashier hands the price back when a sale is refunded, rejected or cancelled, in whatever
period that happens (so a sale of yesterday refunded today comes out of today's drawer).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final, Literal

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.domain.translatable import QT_TRANSLATE_NOOP

ReportKind = Literal["X", "Z"]

SERVER_ACKNOWLEDGED: Final = frozenset(
    {
        SaleState.ACCEPTED,
        SaleState.QUEUED,
        SaleState.FULFILLED,
        SaleState.REFUNDED,
        SaleState.CODE_PENDING,
        SaleState.CODE_MISSING,
    }
)
"""States only reached once the server holds the order (so it debited the cost). The move
into one of them from any other state is the debit; a sale enters this set once."""

UNRESOLVED_STATES: Final = frozenset(
    {
        SaleState.WAITING,
        SaleState.SENDING,
        SaleState.UNKNOWN,
        SaleState.VERIFYING,
        SaleState.ACCEPTED,
        SaleState.QUEUED,
        SaleState.CODE_PENDING,
        SaleState.CODE_MISSING,
        SaleState.CONFLICT,
    }
)
"""Paid by the customer (claim slip), not settled yet."""

UNKNOWN_OUTCOME_STATES: Final = frozenset(
    {SaleState.SENDING, SaleState.UNKNOWN, SaleState.VERIFYING, SaleState.CONFLICT}
)
"""Unresolved sales that may or may not have been debited (not counted as debits)."""

GIVEN_BACK_STATES: Final = frozenset({SaleState.REFUNDED, SaleState.REJECTED, SaleState.CANCELLED})
"""The cashier hands the price back when a sale moves into one of these (the journal's move
is the cash going out of the drawer)."""

NOT_KEPT_STATES: Final = GIVEN_BACK_STATES
"""Sales whose price is not in the drawer any more."""

SOLD_STATES: Final = frozenset(
    {SaleState.FULFILLED, SaleState.CODE_PENDING, SaleState.CODE_MISSING}
)
"""Sales the supplier delivered (a card code given, or due): what the report calls sold, and
what its margin is made of. Unsettled sales are listed apart, never counted as sold."""

CONTEXT: Final = "reports"

# -- the texts (English; the window translates them under "reports") -------------------------

T_TITLE_X: Final = QT_TRANSLATE_NOOP("reports", "X report (mid-day, nothing closed)")
T_TITLE_Z: Final = QT_TRANSLATE_NOOP("reports", "Z report no. {number} (period closed)")
T_PERIOD: Final = QT_TRANSLATE_NOOP("reports", "Period: {since} to {until} (UTC)")
T_COUNTER: Final = QT_TRANSLATE_NOOP("reports", "Counter: {counter}")
T_ALL_COUNTERS: Final = QT_TRANSLATE_NOOP("reports", "Counter: all")
T_SALES: Final = QT_TRANSLATE_NOOP("reports", "Sales: {count}")
T_BY_STATE: Final = QT_TRANSLATE_NOOP("reports", "By state:")
T_BY_TYPE: Final = QT_TRANSLATE_NOOP("reports", "By type:")
T_GROUP_LINE: Final = QT_TRANSLATE_NOOP(
    "reports", "  {name}: {count} sales, face value {face_value}, price {price}, cost {cost}"
)
T_FACE_SOLD: Final = QT_TRANSLATE_NOOP("reports", "Face value sold: {amount}")
T_PAID: Final = QT_TRANSLATE_NOOP("reports", "Customers paid: {amount}")
T_GIVEN_BACK: Final = QT_TRANSLATE_NOOP(
    "reports", "Given back (refunded, rejected or cancelled): {amount}"
)
T_COST: Final = QT_TRANSLATE_NOOP("reports", "Cost to the shop: {amount}")
T_MARGIN: Final = QT_TRANSLATE_NOOP("reports", "Margin: {amount}")
T_COST_UNKNOWN: Final = QT_TRANSLATE_NOOP(
    "reports", "  {count} sales of unknown cost (price {amount}) are left out of the margin"
)
T_UNRESOLVED: Final = QT_TRANSLATE_NOOP("reports", "Unresolved sales: {count}")
T_UNRESOLVED_LINE: Final = QT_TRANSLATE_NOOP(
    "reports", "  {ref}  {number}  {state}  {price}  {created_at}"
)
T_BRIDGE: Final = QT_TRANSLATE_NOOP("reports", "OneClickDZ balance:")
T_OPENING: Final = QT_TRANSLATE_NOOP("reports", "  Opening balance: {amount}")
T_DEBITS: Final = QT_TRANSLATE_NOOP("reports", "  - accepted sales ({count}): {amount}")
T_CREDITS: Final = QT_TRANSLATE_NOOP("reports", "  + refunds ({count}): {amount}")
T_EXPECTED: Final = QT_TRANSLATE_NOOP("reports", "  = Expected closing balance: {amount}")
T_ACTUAL: Final = QT_TRANSLATE_NOOP("reports", "  Actual closing balance: {amount}")
T_DIFFERENCE: Final = QT_TRANSLATE_NOOP("reports", "  Difference: {amount}")
T_NOT_READ: Final = QT_TRANSLATE_NOOP("reports", "not read")
T_CASH: Final = QT_TRANSLATE_NOOP("reports", "Cash in the drawer:")
T_CASH_EXPECTED: Final = QT_TRANSLATE_NOOP("reports", "  Expected: {amount}")
T_CASH_COUNTED: Final = QT_TRANSLATE_NOOP("reports", "  Counted: {amount}")
T_CASH_DIFFERENCE: Final = QT_TRANSLATE_NOOP("reports", "  Difference: {amount}")
T_NOT_COUNTED: Final = QT_TRANSLATE_NOOP("reports", "not counted")
T_EARLIER: Final = QT_TRANSLATE_NOOP("reports", "(before this period)")
T_CHAIN: Final = QT_TRANSLATE_NOOP("reports", "Journal: {rows} rows, chain head {head}")
T_CHAIN_BROKEN: Final = QT_TRANSLATE_NOOP(
    "reports", "  The journal was changed outside the app (found before this report)."
)

# Explanations of the bridge (notes), with their arguments named in braces.
N_NO_OPENING: Final = QT_TRANSLATE_NOOP(
    "reports", "No balance was read at or after the period's opening: no bridge."
)
N_NO_CLOSING: Final = QT_TRANSLATE_NOOP(
    "reports", "No balance was read at the period's end: the difference is unknown."
)
N_OPENING_AFTER: Final = QT_TRANSLATE_NOOP(
    "reports",
    "The opening balance was first read at {at}, after the period began: sales accepted "
    "before then are counted twice.",
)
N_CLOSING_AFTER: Final = QT_TRANSLATE_NOOP(
    "reports", "The closing balance was read at {at}, after the period ended."
)
N_AGREES: Final = QT_TRANSLATE_NOOP("reports", "The balance agrees with the sales.")
N_UNKNOWN_OUTCOME: Final = QT_TRANSLATE_NOOP(
    "reports",
    "{count} unresolved sales of unknown outcome may account for up to {amount} of the difference.",
)
N_POSITIVE: Final = QT_TRANSLATE_NOOP(
    "reports",
    "The balance is {amount} higher than the sales say: this may be a top-up of the account.",
)
N_NEGATIVE: Final = QT_TRANSLATE_NOOP(
    "reports",
    "The balance is {amount} lower than the sales say: the first sign of a sale or charge "
    "the app does not know about. Compare the supplier's list of orders with the history.",
)
N_COST_UNKNOWN_DEBITS: Final = QT_TRANSLATE_NOOP(
    "reports", "{count} accepted sales have no known cost and are not in the bridge."
)
N_COST_UNKNOWN_CREDITS: Final = QT_TRANSLATE_NOOP(
    "reports", "{count} refunds have no known cost and are not in the bridge."
)
N_ONE_COUNTER: Final = QT_TRANSLATE_NOOP(
    "reports",
    "These figures are of counter {counter} only, the balance is the whole account's: other "
    "counters' sales show as a difference.",
)

# -- figures from the store ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BalanceReading:
    """The supplier balance read at ``at``, in centimes. ``after`` is True when it was read
    after the moment it was asked for (no reading at or before it)."""

    at: datetime
    centimes: int
    after: bool = False


@dataclass(frozen=True, slots=True)
class GroupFigures:
    """The sales of one state and line type made in the period (money in dinars; ``cost`` is
    the sum of the known costs, ``cost_unknown`` how many have none and
    ``price_cost_unknown`` what those were sold for)."""

    state: SaleState
    line_type: LineType
    count: int
    face_value: int
    price: int
    cost: int
    cost_unknown: int = 0
    price_cost_unknown: int = 0


@dataclass(frozen=True, slots=True)
class Movement:
    """Money the supplier moved in the period: how many sales, their known cost in dinars,
    and how many of them have no known cost."""

    count: int = 0
    dinars: int = 0
    cost_unknown: int = 0


@dataclass(frozen=True, slots=True)
class UnresolvedSale:
    """A sale paid by the customer and not settled yet, as listed on the report."""

    ref: str
    number: str
    state: SaleState
    price: int
    cost: int | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """What the store sums up for the half-open period [since, until): the period's sales by
    state and type, the supplier's debits (first acceptance in the period) and credits
    (refunds in the period), and every unresolved sale made before ``until``."""

    since: datetime
    until: datetime
    counter: str | None
    groups: tuple[GroupFigures, ...] = ()
    debits: Movement = Movement()
    credits: Movement = Movement()
    unresolved: tuple[UnresolvedSale, ...] = ()
    given_back: Movement = Movement()
    """Moves into a given-back state in the period (``dinars``: their prices), whenever the
    sale was made."""


# -- the report ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Totals:
    """Count and sums (dinars) of some sales; ``cost`` counts the known costs only."""

    count: int = 0
    face_value: int = 0
    price: int = 0
    cost: int = 0
    cost_unknown: int = 0
    price_cost_unknown: int = 0

    def plus(self, group: GroupFigures) -> Totals:
        return Totals(
            self.count + group.count,
            self.face_value + group.face_value,
            self.price + group.price,
            self.cost + group.cost,
            self.cost_unknown + group.cost_unknown,
            self.price_cost_unknown + group.price_cost_unknown,
        )


@dataclass(frozen=True, slots=True)
class Note:
    """One explanation line: an English text marked for translation and its arguments."""

    text: str
    args: tuple[tuple[str, str], ...] = ()

    def render(self) -> str:
        return self.text.format(**dict(self.args))


@dataclass(frozen=True, slots=True)
class Bridge:
    """Opening balance - debits + credits = expected closing, against the actual one (all in
    centimes; None where a balance was not read)."""

    opening: BalanceReading | None
    closing: BalanceReading | None
    debits: Movement
    credits: Movement
    expected_closing: int | None
    difference: int | None
    unknown_outcome_count: int
    unknown_outcome_centimes: int
    notes: tuple[Note, ...]


@dataclass(frozen=True, slots=True)
class ChainSeal:
    """The journal as a Z report closed on it: its rows, the first 16 hex digits of its chain
    head (the last row's MAC), and whether the check made just before found it intact (None:
    not checked)."""

    rows: int
    head: str
    intact: bool | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """An X (mid-day) or Z (closing, numbered) report; every amount in dinars except the
    bridge (centimes)."""

    kind: ReportKind
    number: int | None
    since: datetime
    until: datetime
    counter: str | None
    by_state: tuple[tuple[SaleState, Totals], ...]
    by_type: tuple[tuple[LineType, Totals], ...]
    sales: Totals
    face_value_sold: int
    customers_paid: int
    given_back: int
    cost: int
    margin: int
    margin_cost_unknown: int
    margin_price_left_out: int
    unresolved: tuple[UnresolvedSale, ...]
    bridge: Bridge
    cash_expected: int
    cash_counted: int | None
    cash_difference: int | None = field(default=None)
    chain: ChainSeal | None = field(default=None)
    """The journal's seal (Z reports made since the journal is chained)."""


def _by_state(groups: Iterable[GroupFigures]) -> tuple[tuple[SaleState, Totals], ...]:
    totals = dict.fromkeys(SaleState, Totals())
    for group in groups:
        totals[group.state] = totals[group.state].plus(group)
    return tuple((k, t) for k, t in totals.items() if t.count)


def _by_type(groups: Iterable[GroupFigures]) -> tuple[tuple[LineType, Totals], ...]:
    totals = dict.fromkeys(LineType, Totals())
    for group in groups:
        totals[group.line_type] = totals[group.line_type].plus(group)
    return tuple((k, t) for k, t in totals.items() if t.count)


def dinars_text(dinars: int) -> str:
    """Whole dinars for the text report: ``-1,234 DA``."""
    return f"{dinars:,} DA"


def centimes_text(centimes: int) -> str:
    """Centimes as dinars with two decimals: ``-1,234.05 DA``."""
    sign = "-" if centimes < 0 else ""
    whole, cents = divmod(abs(centimes), 100)
    return f"{sign}{whole:,}.{cents:02d} DA"


def _moment(at: datetime) -> str:
    return at.isoformat(timespec="seconds")


def _bridge(
    figures: PeriodFigures,
    opening: BalanceReading | None,
    closing: BalanceReading | None,
) -> Bridge:
    notes: list[Note] = []
    unknown = [s for s in figures.unresolved if s.state in UNKNOWN_OUTCOME_STATES]
    unknown_centimes = sum((s.cost if s.cost is not None else s.price) for s in unknown) * 100
    expected = difference = None
    if opening is None:
        notes.append(Note(N_NO_OPENING))
    else:
        expected = opening.centimes - figures.debits.dinars * 100 + figures.credits.dinars * 100
        if opening.after:
            notes.append(Note(N_OPENING_AFTER, (("at", _moment(opening.at)),)))
    if closing is None:
        notes.append(Note(N_NO_CLOSING))
    elif closing.at > figures.until:
        notes.append(Note(N_CLOSING_AFTER, (("at", _moment(closing.at)),)))
    if figures.debits.cost_unknown:
        notes.append(Note(N_COST_UNKNOWN_DEBITS, (("count", str(figures.debits.cost_unknown)),)))
    if figures.credits.cost_unknown:
        notes.append(Note(N_COST_UNKNOWN_CREDITS, (("count", str(figures.credits.cost_unknown)),)))
    if expected is not None and closing is not None:
        difference = closing.centimes - expected
        if difference == 0:
            notes.append(Note(N_AGREES))
        elif difference > 0:
            notes.append(Note(N_POSITIVE, (("amount", centimes_text(difference)),)))
        else:
            notes.append(Note(N_NEGATIVE, (("amount", centimes_text(-difference)),)))
        if difference != 0 and unknown:
            args = (("count", str(len(unknown))), ("amount", centimes_text(unknown_centimes)))
            notes.append(Note(N_UNKNOWN_OUTCOME, args))
    if figures.counter is not None:
        notes.append(Note(N_ONE_COUNTER, (("counter", figures.counter),)))
    return Bridge(
        opening=opening,
        closing=closing,
        debits=figures.debits,
        credits=figures.credits,
        expected_closing=expected,
        difference=difference,
        unknown_outcome_count=len(unknown),
        unknown_outcome_centimes=unknown_centimes,
        notes=tuple(notes),
    )


def build_report(  # noqa: PLR0917 (the parts of a report, as the brief names them)
    kind: ReportKind,
    figures: PeriodFigures,
    opening: BalanceReading | None,
    closing: BalanceReading | None,
    cash_counted: int | None,
    number: int | None,
    *,
    chain: ChainSeal | None = None,
) -> Report:
    """The report of ``figures``: totals by state and type, what was sold (delivered) and its
    margin, the cash paid in and handed back, the unresolved sales, the money bridge from
    ``opening`` to ``closing`` and the cash expected in the drawer (paid in minus given back)."""
    if kind not in {"X", "Z"}:
        raise ValueError(f"a report is X or Z, got {kind!r}")
    if (kind == "Z") != (number is not None):
        raise ValueError("a Z report has a number, an X report none")
    if cash_counted is not None and (
        isinstance(cash_counted, bool) or not isinstance(cash_counted, int)
    ):
        raise TypeError("the cash counted is whole dinars (int)")
    groups = figures.groups
    sales = Totals()
    sold = Totals()
    for group in groups:
        sales = sales.plus(group)
        if group.state in SOLD_STATES:
            sold = sold.plus(group)
    given_back = figures.given_back.dinars
    cash_expected = sales.price - given_back
    margin = sold.price - sold.price_cost_unknown - sold.cost
    return Report(
        kind=kind,
        number=number,
        since=figures.since,
        until=figures.until,
        counter=figures.counter,
        by_state=_by_state(groups),
        by_type=_by_type(groups),
        sales=sales,
        face_value_sold=sold.face_value,
        customers_paid=sales.price,
        given_back=given_back,
        cost=sold.cost,
        margin=margin,
        margin_cost_unknown=sold.cost_unknown,
        margin_price_left_out=sold.price_cost_unknown,
        unresolved=figures.unresolved,
        bridge=_bridge(figures, opening, closing),
        cash_expected=cash_expected,
        cash_counted=cash_counted,
        cash_difference=None if cash_counted is None else cash_counted - cash_expected,
        chain=chain,
    )


# -- the report as text ---------------------------------------------------------------------


def _group_line(name: str, totals: Totals) -> str:
    return T_GROUP_LINE.format(
        name=name,
        count=totals.count,
        face_value=dinars_text(totals.face_value),
        price=dinars_text(totals.price),
        cost=dinars_text(totals.cost),
    )


def _balance_text(reading: BalanceReading | None) -> str:
    return T_NOT_READ if reading is None else centimes_text(reading.centimes)


def report_lines(report: Report) -> list[str]:
    """The report as plain English lines, for the command line (no line ends in a newline)."""
    title = T_TITLE_Z.format(number=report.number) if report.kind == "Z" else T_TITLE_X
    lines = [title]
    lines.append(T_PERIOD.format(since=_moment(report.since), until=_moment(report.until)))
    lines.append(
        T_ALL_COUNTERS if report.counter is None else T_COUNTER.format(counter=report.counter)
    )
    lines.append(T_SALES.format(count=report.sales.count))
    lines.append(T_BY_STATE)
    lines.extend(_group_line(state.value, totals) for state, totals in report.by_state)
    lines.append(T_BY_TYPE)
    lines.extend(_group_line(line_type.value, totals) for line_type, totals in report.by_type)
    lines.append(T_FACE_SOLD.format(amount=dinars_text(report.face_value_sold)))
    lines.append(T_PAID.format(amount=dinars_text(report.customers_paid)))
    lines.append(T_GIVEN_BACK.format(amount=dinars_text(report.given_back)))
    lines.append(T_COST.format(amount=dinars_text(report.cost)))
    lines.append(T_MARGIN.format(amount=dinars_text(report.margin)))
    if report.margin_cost_unknown:
        lines.append(
            T_COST_UNKNOWN.format(
                count=report.margin_cost_unknown,
                amount=dinars_text(report.margin_price_left_out),
            )
        )
    lines.append(T_UNRESOLVED.format(count=len(report.unresolved)))
    for sale in report.unresolved:
        created = _moment(sale.created_at)
        if sale.created_at < report.since:
            created = f"{created} {T_EARLIER}"
        lines.append(
            T_UNRESOLVED_LINE.format(
                ref=sale.ref,
                number=sale.number,
                state=sale.state.value,
                price=dinars_text(sale.price),
                created_at=created,
            )
        )
    bridge = report.bridge
    lines.append(T_BRIDGE)
    lines.append(T_OPENING.format(amount=_balance_text(bridge.opening)))
    lines.append(
        T_DEBITS.format(count=bridge.debits.count, amount=centimes_text(bridge.debits.dinars * 100))
    )
    lines.append(
        T_CREDITS.format(
            count=bridge.credits.count, amount=centimes_text(bridge.credits.dinars * 100)
        )
    )
    expected = bridge.expected_closing
    lines.append(
        T_EXPECTED.format(amount=T_NOT_READ if expected is None else centimes_text(expected))
    )
    lines.append(T_ACTUAL.format(amount=_balance_text(bridge.closing)))
    if bridge.difference is not None:
        lines.append(T_DIFFERENCE.format(amount=centimes_text(bridge.difference)))
    lines.extend(f"  {note.render()}" for note in bridge.notes)
    lines.append(T_CASH)
    lines.append(T_CASH_EXPECTED.format(amount=dinars_text(report.cash_expected)))
    counted = T_NOT_COUNTED if report.cash_counted is None else dinars_text(report.cash_counted)
    lines.append(T_CASH_COUNTED.format(amount=counted))
    if report.cash_difference is not None:
        lines.append(T_CASH_DIFFERENCE.format(amount=dinars_text(report.cash_difference)))
    if report.chain is not None:
        lines.append(T_CHAIN.format(rows=report.chain.rows, head=report.chain.head))
        if report.chain.intact is False:
            lines.append(T_CHAIN_BROKEN)
    return lines


# -- the report as plain data (the stored Z body is its JSON) -------------------------------

FORMAT_VERSION: Final = 1
"""Version of the layout of :func:`report_to_data`."""


def _totals_data(totals: Totals) -> dict[str, object]:
    return {
        "count": totals.count,
        "face_value": totals.face_value,
        "price": totals.price,
        "cost": totals.cost,
        "cost_unknown": totals.cost_unknown,
        "price_cost_unknown": totals.price_cost_unknown,
    }


def _movement_data(movement: Movement) -> dict[str, object]:
    return {
        "count": movement.count,
        "dinars": movement.dinars,
        "cost_unknown": movement.cost_unknown,
    }


def _reading_data(reading: BalanceReading | None) -> dict[str, object] | None:
    if reading is None:
        return None
    return {"at": reading.at.isoformat(), "centimes": reading.centimes, "after": reading.after}


def report_to_data(report: Report) -> dict[str, object]:
    """The report as JSON-ready data (str keys; str, int, bool, None, lists and dicts)."""
    bridge = report.bridge
    return {
        "format": FORMAT_VERSION,
        "kind": report.kind,
        "number": report.number,
        "since": report.since.isoformat(),
        "until": report.until.isoformat(),
        "counter": report.counter,
        "by_state": [{"state": s.value, **_totals_data(t)} for s, t in report.by_state],
        "by_type": [{"line_type": lt.value, **_totals_data(t)} for lt, t in report.by_type],
        "sales": _totals_data(report.sales),
        "face_value_sold": report.face_value_sold,
        "customers_paid": report.customers_paid,
        "given_back": report.given_back,
        "cost": report.cost,
        "margin": report.margin,
        "margin_cost_unknown": report.margin_cost_unknown,
        "margin_price_left_out": report.margin_price_left_out,
        "unresolved": [
            {
                "ref": s.ref,
                "number": s.number,
                "state": s.state.value,
                "price": s.price,
                "cost": s.cost,
                "created_at": s.created_at.isoformat(),
            }
            for s in report.unresolved
        ],
        "bridge": {
            "opening": _reading_data(bridge.opening),
            "closing": _reading_data(bridge.closing),
            "debits": _movement_data(bridge.debits),
            "credits": _movement_data(bridge.credits),
            "expected_closing": bridge.expected_closing,
            "difference": bridge.difference,
            "unknown_outcome_count": bridge.unknown_outcome_count,
            "unknown_outcome_centimes": bridge.unknown_outcome_centimes,
            "notes": [{"text": n.text, "args": [[k, v] for k, v in n.args]} for n in bridge.notes],
        },
        "cash_expected": report.cash_expected,
        "cash_counted": report.cash_counted,
        "cash_difference": report.cash_difference,
        "chain": None if report.chain is None else _chain_data(report.chain),
    }


def _chain_data(seal: ChainSeal) -> dict[str, object]:
    return {"rows": seal.rows, "head": seal.head, "intact": seal.intact}


def _chain(data: object) -> ChainSeal | None:
    if data is None:
        return None
    d = _map(data)
    intact = d.get("intact")
    if intact is not None and not isinstance(intact, bool):
        raise ValueError("a chain's intact flag is true, false or null")
    return ChainSeal(_int(d["rows"]), _str(d["head"]), intact)


def _map(value: object) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise ValueError(f"expected an object, got {type(value).__name__}")
    return value


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list, got {type(value).__name__}")
    return value


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected an integer, got {type(value).__name__}")
    return value


def _opt_int(value: object) -> int | None:
    return None if value is None else _int(value)


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {type(value).__name__}")
    return value


def _time(value: object) -> datetime:
    moment = datetime.fromisoformat(_str(value))
    if moment.tzinfo is None:
        raise ValueError("a report's times are timezone-aware")
    return moment


def _totals(data: object) -> Totals:
    d = _map(data)
    return Totals(
        count=_int(d["count"]),
        face_value=_int(d["face_value"]),
        price=_int(d["price"]),
        cost=_int(d["cost"]),
        cost_unknown=_int(d["cost_unknown"]),
        price_cost_unknown=_int(d["price_cost_unknown"]),
    )


def _movement(data: object) -> Movement:
    d = _map(data)
    return Movement(_int(d["count"]), _int(d["dinars"]), _int(d["cost_unknown"]))


def _reading(data: object) -> BalanceReading | None:
    if data is None:
        return None
    d = _map(data)
    return BalanceReading(_time(d["at"]), _int(d["centimes"]), d["after"] is True)


def _note(data: object) -> Note:
    d = _map(data)
    args = tuple((_str(_list(pair)[0]), _str(_list(pair)[1])) for pair in _list(d["args"]))
    return Note(_str(d["text"]), args)


def report_from_data(data: Mapping[str, object]) -> Report:
    """The report that :func:`report_to_data` gave ``data`` for (ValueError if malformed)."""
    try:
        if data["format"] != FORMAT_VERSION:
            raise ValueError(f"unknown report format {data['format']!r}")
        kind = data["kind"]
        if kind not in {"X", "Z"}:
            raise ValueError(f"a report is X or Z, got {kind!r}")
        bridge = _map(data["bridge"])
        counter = data["counter"]
        return Report(
            kind="X" if kind == "X" else "Z",
            number=_opt_int(data["number"]),
            since=_time(data["since"]),
            until=_time(data["until"]),
            counter=None if counter is None else _str(counter),
            by_state=tuple(
                (SaleState(_str(_map(row)["state"])), _totals(row))
                for row in _list(data["by_state"])
            ),
            by_type=tuple(
                (LineType(_str(_map(row)["line_type"])), _totals(row))
                for row in _list(data["by_type"])
            ),
            sales=_totals(data["sales"]),
            face_value_sold=_int(data["face_value_sold"]),
            customers_paid=_int(data["customers_paid"]),
            given_back=_int(data["given_back"]),
            cost=_int(data["cost"]),
            margin=_int(data["margin"]),
            margin_cost_unknown=_int(data["margin_cost_unknown"]),
            margin_price_left_out=_int(data["margin_price_left_out"]),
            unresolved=tuple(_unresolved(row) for row in _list(data["unresolved"])),
            bridge=Bridge(
                opening=_reading(bridge["opening"]),
                closing=_reading(bridge["closing"]),
                debits=_movement(bridge["debits"]),
                credits=_movement(bridge["credits"]),
                expected_closing=_opt_int(bridge["expected_closing"]),
                difference=_opt_int(bridge["difference"]),
                unknown_outcome_count=_int(bridge["unknown_outcome_count"]),
                unknown_outcome_centimes=_int(bridge["unknown_outcome_centimes"]),
                notes=tuple(_note(n) for n in _list(bridge["notes"])),
            ),
            cash_expected=_int(data["cash_expected"]),
            cash_counted=_opt_int(data["cash_counted"]),
            cash_difference=_opt_int(data["cash_difference"]),
            chain=_chain(data.get("chain")),  # absent from Z reports made before v4
        )
    except KeyError as exc:
        raise ValueError(f"a report misses {exc}") from exc


def _unresolved(data: object) -> UnresolvedSale:
    d = _map(data)
    return UnresolvedSale(
        ref=_str(d["ref"]),
        number=_str(d["number"]),
        state=SaleState(_str(d["state"])),
        price=_int(d["price"]),
        cost=_opt_int(d["cost"]),
        created_at=_time(d["created_at"]),
    )
