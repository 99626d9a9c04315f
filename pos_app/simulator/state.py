"""The simulator's HTTP-free state machine: key guard, catalogue, orders, schedule and ledger.

All mutation happens under one lock, and time is read only from the injected clock: a test can
advance a fake clock and watch orders move without sleeping. Transitions are applied lazily, at
the start of every public method, for everything due at ``clock()``.

Orders are scheduled at accept time from one ``random.Random(seed)``, always five draws per
order in accept order (HANDLING delay, outcome, QUEUED delay, outcome after QUEUED, card
code), so the k-th order of a run gets the same plan whatever the earlier orders were.

A send held by the ``hold`` fault waits in the same schedule and is processed at its due time
by the normal send checks, as if it had sat in a queue (see :class:`HeldSend`).
"""

from __future__ import annotations

import hashlib
import heapq
import hmac
import random
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Final, NoReturn

from pos_app.api import contract
from pos_app.simulator import scenarios
from pos_app.simulator.config import SimConfig

Clock = Callable[[], float]

# Ledger (account/transactions) vocabulary. 4G debits use ADSL too (API notes §4.2).
LEDGER_DEPOSIT: Final = "DEPOSIT"
LEDGER_DEBIT: Final = "ADSL"
LEDGER_REFUND: Final = "REFUND-ADSL"
OPERATION_CREDIT: Final = "INCREMENT"
OPERATION_DEBIT: Final = "DECREMENT"

COST_RATE: Final = Decimal("0.98")
MAX_REF_LENGTH: Final = 64
FIRST_NUM_TRANS: Final = 12345
# The catalogue at start: (value, available) per line type.
DEFAULT_STOCK: Final = {
    contract.TYPE_ADSL: ((500, True), (1000, True), (2000, True), (3000, False)),
    contract.TYPE_4G: ((500, True), (1000, True), (1500, False), (2000, True), (3000, True)),
}
ADSL_OFFERS: Final = ("FTTc-b_10M'", "ADSL 4M", "ADSL 8M", "VDSL 20M", "FTTH 50M")
REASON_FORMAT: Final = "Number does not match required format"
REASON_TYPE: Final = "Number does not match the service type"
REASON_NO_LINE: Final = "Line does not exist"
# What became of a held send (HeldSend.outcome); a refusal reads "refused <CODE>".
HELD_PLACED: Final = "placed"
HELD_DUPLICATE: Final = "discarded duplicate"
HELD_REFUSED: Final = "refused"
# Kinds of scheduled work, in the order they run when due at the same time.
_ORDER_STEP: Final = 0
_HELD_SEND: Final = 1


class ApiError(Exception):
    """A documented API refusal: an error code, its message and optional details."""

    def __init__(self, code: str, message: str, details: dict[str, object] | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.details = details


@dataclass(frozen=True)
class Product:
    """One internet card denomination: face value, what it costs the reseller, stock."""

    value: int
    cost: int
    available: bool


@dataclass(frozen=True)
class LineInfo:
    """What check-number tells about a line: masked customer number and ADSL offer."""

    ncli: str
    offre: str | None


@dataclass(frozen=True)
class Plan:
    """The fate of an order, fixed when it is accepted. Delays are clock seconds (scaled)."""

    outcome: str  # the final status: FULFILLED or REFUNDED
    via_queue: bool
    handling_delay: float
    queued_delay: float | None
    card_code: str
    scenario: str | None


@dataclass(frozen=True)
class SimOrder:
    """A snapshot of one accepted order, for tests and soak invariants.

    ``created``/``final_at`` are clock seconds; ``created_at``/``processed_at`` are the ISO wall
    times the API shows (``processed_at`` once the order reached its final status).
    """

    id: str
    ref: str
    type: str
    number: str
    value: int
    cost: int
    status: str
    created: float
    created_at: str
    outcome: str
    via_queue: bool
    handling_delay: float
    queued_delay: float | None
    final_at: float
    processed_at: str | None
    card_code: str
    num_trans: str
    scenario: str | None


@dataclass(frozen=True)
class HeldSend:
    """A send the ``hold`` fault kept back, for tests and soak invariants.

    ``arrived``/``due``/``processed`` are clock seconds. ``outcome`` is None until processed,
    then ``placed`` (``order_id`` set), ``discarded duplicate`` (its ref existed by then) or
    ``refused <CODE>`` (nothing charged). ``ref`` is the ref sent (None if none was).
    """

    ref: str | None
    type: str
    number: str
    value: int
    arrived: float
    due: float
    outcome: str | None = None
    order_id: str | None = None
    processed: float | None = None


@dataclass(frozen=True)
class LedgerRow:
    """One balance movement of account/transactions."""

    id: str
    type: str
    operation: str
    amount: Decimal
    old_balance: Decimal
    new_balance: Decimal
    objid: str
    note: str
    time: float
    time_iso: str


@dataclass
class _Order:
    """An accepted order as the state machine moves it."""

    seq: int
    id: str
    ref: str
    type: str
    number: str
    value: int
    cost: int
    created: float
    num_trans: str
    plan: Plan
    steps: list[tuple[float, str]]
    status: str = contract.STATUS_HANDLING
    next_step: int = 0
    processed: float | None = None


@dataclass
class _Strikes:
    """Wrong-key count of one client IP, and when its block ends."""

    failures: int = 0
    blocked_until: float | None = None


@dataclass
class _Account:
    """Money and the ledger that explains it."""

    balance: Decimal
    ledger: list[LedgerRow] = field(default_factory=list)


def card_cost(value: int) -> int:
    """The reseller cost of a card: 98 % of its face value, rounded to whole dinars."""
    return int((Decimal(value) * COST_RATE).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def line_problem(line_type: str, number: str) -> str | None:
    """Why ``number`` is not a usable line of ``line_type``, or None when it is."""
    own, other = (
        (contract.ADSL_PATTERN, contract.LTE_PATTERN)
        if line_type == contract.TYPE_ADSL
        else (contract.LTE_PATTERN, contract.ADSL_PATTERN)
    )
    if own.fullmatch(number) is None:
        return REASON_TYPE if other.fullmatch(number) else REASON_FORMAT
    scenario = scenarios.scenario_for(number)
    if scenario is not None and not scenario.line_exists:
        return REASON_NO_LINE
    return None


def describe_line(line_type: str, number: str) -> LineInfo:
    """The masked customer number (and ADSL offer) of a line, derived from the number."""
    digest = hashlib.sha256(number.encode()).digest()
    ncli = f"1{int.from_bytes(digest[:4], 'big') % 10000:04d}*****"
    if line_type != contract.TYPE_ADSL:
        return LineInfo(ncli=ncli, offre=None)
    return LineInfo(ncli=ncli, offre=ADSL_OFFERS[digest[4] % len(ADSL_OFFERS)])


def draw_plan(rng: random.Random, config: SimConfig, number: str) -> Plan:
    """Draw an order's fate (five draws, always), then let a scenario number override it."""
    low, high = config.handling_seconds
    handling = rng.uniform(low, high)
    first = rng.random()
    queued = rng.uniform(*config.queued_seconds)
    second = rng.random()
    card_code = f"{rng.randrange(10**12):012d}"
    outcome, via_queue = _drawn_outcome(config, first, second)
    scenario = scenarios.scenario_for(number)
    if scenario is not None and scenario.outcome is not None:
        outcome, via_queue = scenario.outcome, scenario.via_queue
        handling = low if scenario.fastest else handling
    scale = config.time_scale
    return Plan(
        outcome=outcome,
        via_queue=via_queue,
        handling_delay=handling / scale,
        queued_delay=queued / scale if via_queue else None,
        card_code=card_code,
        scenario=scenario.suffix if scenario is not None else None,
    )


def _drawn_outcome(config: SimConfig, first: float, second: float) -> tuple[str, bool]:
    """Map the two outcome draws to (final status, passes through QUEUED)."""
    total = config.fulfilled_weight + config.queued_weight + config.refunded_weight
    point = first * total
    if point < config.fulfilled_weight:
        return contract.STATUS_FULFILLED, False
    if point < config.fulfilled_weight + config.queued_weight:
        queued_outcome = (
            contract.STATUS_FULFILLED
            if second < config.queued_fulfilled_ratio
            else contract.STATUS_REFUNDED
        )
        return queued_outcome, True
    return contract.STATUS_REFUNDED, False


def _steps(created: float, plan: Plan) -> list[tuple[float, str]]:
    """The (due clock time, new status) transitions of a plan."""
    leave_handling = created + plan.handling_delay
    if not plan.via_queue or plan.queued_delay is None:
        return [(leave_handling, plan.outcome)]
    return [
        (leave_handling, contract.STATUS_QUEUED),
        (leave_handling + plan.queued_delay, plan.outcome),
    ]


class SimState:
    """Account, catalogue, orders and ledger of one simulator, driven by an injected clock."""

    def __init__(self, config: SimConfig, clock: Clock) -> None:
        self._config = config
        self._clock = clock
        self._lock = threading.Lock()
        self._origin = clock()
        self._start = config.start_time or datetime.now(UTC)
        self._rng = random.Random(config.seed)
        self._node = zlib.crc32(f"sim-{config.seed}".encode())
        self._object_count = 0
        self._stock = {
            line_type: {value: Product(value, card_cost(value), ok) for value, ok in items}
            for line_type, items in DEFAULT_STOCK.items()
        }
        self._orders: list[_Order] = []
        self._by_id: dict[str, _Order] = {}
        self._by_ref: dict[str, _Order] = {}
        # heap of (due time, _ORDER_STEP, order seq) and (due time, _HELD_SEND, held index)
        self._due: list[tuple[float, int, int]] = []
        self._held: list[HeldSend] = []
        self._strikes: dict[str, _Strikes] = {}
        self._account = _Account(balance=Decimal(0))
        self._credit(config.balance, LEDGER_DEPOSIT, "", "Opening balance", self._origin)

    # --- time -----------------------------------------------------------------------------

    def now(self) -> float:
        """The current clock reading."""
        return self._clock()

    def iso(self, when: float) -> str:
        """The ISO 8601 UTC wall time (ms, Z) of a clock reading."""
        moment = self._start + timedelta(seconds=when - self._origin)
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + (
            f"{moment.microsecond // 1000:03d}Z"
        )

    def clock_of(self, moment: datetime) -> float:
        """The clock reading of a wall time (naive times are taken as UTC)."""
        aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
        return self._origin + (aware - self._start).total_seconds()

    def wall_ms(self, when: float) -> int:
        """Milliseconds since the epoch at a clock reading."""
        return int((self._start.timestamp() + when - self._origin) * 1000)

    def _object_id(self, when: float) -> str:
        """A fresh 24-hex id shaped like a MongoDB ObjectId (time, node, counter)."""
        self._object_count += 1
        seconds = self.wall_ms(when) // 1000
        return f"{seconds & 0xFFFFFFFF:08x}{self._node:010x}{self._object_count & 0xFFFFFF:06x}"

    # --- access key -----------------------------------------------------------------------

    def authenticate(self, ip: str, token: str | None) -> None:
        """Check the access key of a request from ``ip``; raise the documented refusal."""
        with self._lock:
            now = self._clock()
            strikes = self._strikes.setdefault(ip, _Strikes())
            if strikes.blocked_until is not None:
                if now < strikes.blocked_until:
                    minutes = contract.IP_BLOCK_SECONDS // 60
                    raise ApiError(
                        contract.IP_BLOCKED,
                        f"Too many failed attempts. IP blocked for {minutes} minutes",
                    )
                strikes.failures, strikes.blocked_until = 0, None
            if not token:
                raise ApiError(contract.MISSING_ACCESS_TOKEN, "Access token is required")
            if not hmac.compare_digest(token.encode(), self._config.key.encode()):
                self._strike(strikes, now)
            strikes.failures = 0

    def _strike(self, strikes: _Strikes, now: float) -> NoReturn:
        """Count one wrong key, block the IP at the limit, and refuse the request."""
        strikes.failures += 1
        if strikes.failures >= contract.MAX_WRONG_KEYS:
            strikes.blocked_until = now + contract.IP_BLOCK_SECONDS / self._config.time_scale
        raise ApiError(
            contract.INVALID_ACCESS_TOKEN,
            "Invalid or expired access token",
            {"attemptsLeft": max(0, contract.MAX_WRONG_KEYS - strikes.failures)},
        )

    # --- catalogue ------------------------------------------------------------------------

    def products(self, line_type: str) -> list[Product]:
        """The card denominations of a line type, by value."""
        with self._lock:
            self._advance()
            return sorted(self._stock[line_type].values(), key=lambda product: product.value)

    def set_stock(self, line_type: str, value: int, available: bool) -> None:
        """Mark a denomination in or out of stock (adding it if it is new)."""
        if line_type not in self._stock:
            raise ValueError(f"unknown line type {line_type!r}")
        with self._lock:
            self._advance()
            current = self._stock[line_type].get(value)
            self._stock[line_type][value] = (
                replace(current, available=available)
                if current is not None
                else Product(value, card_cost(value), available)
            )

    def check_number(self, line_type: str, number: str) -> LineInfo:
        """Validate a line as check-number does; raise ERR_PHONE when it is not usable."""
        _raise_line_problem(line_type, number)
        return describe_line(line_type, number)

    # --- money ----------------------------------------------------------------------------

    def balance(self) -> Decimal:
        """The current balance, after every transition due."""
        with self._lock:
            self._advance()
            return self._account.balance

    def deposit(self, amount: Decimal, note: str = "Deposit") -> None:
        """Credit the account (a DEPOSIT ledger row)."""
        if amount <= 0:
            raise ValueError(f"deposit must be > 0, got {amount}")
        with self._lock:
            self._advance()
            self._credit(amount, LEDGER_DEPOSIT, "", note, self._clock())

    def _credit(self, amount: Decimal, kind: str, objid: str, note: str, when: float) -> None:
        self._move(amount, kind=kind, operation=OPERATION_CREDIT, objid=objid, note=note, when=when)

    def _move(
        self, amount: Decimal, *, kind: str, operation: str, objid: str, note: str, when: float
    ) -> None:
        """Change the balance by ``amount`` (positive) and write its ledger row."""
        old = self._account.balance
        new = old + amount if operation == OPERATION_CREDIT else old - amount
        self._account.balance = new
        row = LedgerRow(
            id=self._object_id(when),
            type=kind,
            operation=operation,
            amount=amount,
            old_balance=old,
            new_balance=new,
            objid=objid,
            note=note,
            time=when,
            time_iso=self.iso(when),
        )
        self._account.ledger.append(row)

    def ledger_page(
        self, page: int, page_size: int, since: datetime | None, until: datetime | None
    ) -> tuple[list[LedgerRow], int]:
        """One page of ledger rows, newest first, and how many rows match in all."""
        with self._lock:
            self._advance()
            rows = [
                row
                for row in reversed(self._account.ledger)
                if self._within(row.time, since, until)
            ]
        start = (page - 1) * page_size
        return rows[start : start + page_size], len(rows)

    def _within(self, when: float, since: datetime | None, until: datetime | None) -> bool:
        """Whether a clock reading falls inside an optional [since, until] wall-time window."""
        if since is not None and when < self.clock_of(since):
            return False
        return not (until is not None and when > self.clock_of(until))

    # --- orders ---------------------------------------------------------------------------

    def send(self, line_type: str, number: str, value: int, ref: str | None) -> SimOrder:
        """Accept a top-up, or raise the refusal, checking in the documented order."""
        with self._lock:
            self._advance()
            order = self._place(line_type, number, value, ref, self._clock())
            return self._snapshot(order)

    def hold(
        self, line_type: str, number: str, value: int, ref: str | None, delay: float
    ) -> HeldSend:
        """Keep a send back and process it ``delay`` simulated seconds (/ time scale) later."""
        with self._lock:
            self._advance()
            now = self._clock()
            held = HeldSend(
                ref=ref,
                type=line_type,
                number=number,
                value=value,
                arrived=now,
                due=now + delay / self._config.time_scale,
            )
            self._held.append(held)
            heapq.heappush(self._due, (held.due, _HELD_SEND, len(self._held) - 1))
            return held

    def held(self) -> list[HeldSend]:
        """Every held send, in arrival order, with its outcome once processed."""
        with self._lock:
            self._advance()
            return list(self._held)

    def _place(
        self, line_type: str, number: str, value: int, ref: str | None, when: float
    ) -> _Order:
        """The send checks in the documented order, then the accept. Caller holds the lock."""
        if ref is not None and ref in self._by_ref:
            raise ApiError(contract.DUPLICATED_REF, "This reference ID is already in use")
        _raise_line_problem(line_type, number)
        product = self._product(line_type, value)
        cost = Decimal(product.cost)
        if cost > self._account.balance:
            raise ApiError(
                contract.INSUFFICIENT_BALANCE,
                "Your balance is insufficient for this operation",
                {"required": product.cost, "available": self._account.balance},
            )
        return self._accept(line_type, number, product, ref, when)

    def _process_held(self, index: int, when: float) -> None:
        """Run a held send through the send checks at its due time. Caller holds the lock."""
        held = self._held[index]
        try:
            order = self._place(held.type, held.number, held.value, held.ref, when)
        except ApiError as refusal:
            outcome = (
                HELD_DUPLICATE
                if refusal.code == contract.DUPLICATED_REF
                else f"{HELD_REFUSED} {refusal.code}"
            )
            self._held[index] = replace(held, outcome=outcome, processed=when)
            return
        self._held[index] = replace(held, outcome=HELD_PLACED, order_id=order.id, processed=when)

    def _product(self, line_type: str, value: int) -> Product:
        """The product sold for ``value``; ERR_VALIDATION if none, ERR_STOCK if out of stock."""
        product = self._stock[line_type].get(value)
        if product is None:
            values = ", ".join(str(v) for v in sorted(self._stock[line_type]))
            raise ApiError(
                contract.ERR_VALIDATION,
                f"body/value must be one of the {line_type} card values: {values}",
                {"field": "value", "value": value},
            )
        if not product.available:
            raise ApiError(
                contract.ERR_STOCK,
                f"Card value {value} DZD is out of stock for {line_type}",
                {"type": line_type, "value": value},
            )
        return product

    def _accept(
        self, line_type: str, number: str, product: Product, ref: str | None, now: float
    ) -> _Order:
        """Debit the cost, draw the plan and record the order as HANDLING at clock ``now``."""
        seq = len(self._orders) + 1
        plan = draw_plan(self._rng, self._config, number)
        order = _Order(
            seq=seq,
            id=self._object_id(now),
            ref=ref if ref is not None else self._generated_ref(now),
            type=line_type,
            number=number,
            value=product.value,
            cost=product.cost,
            created=now,
            num_trans=f"AT-{self.iso(now)[:4]}-{FIRST_NUM_TRANS + seq - 1:08d}",
            plan=plan,
            steps=_steps(now, plan),
        )
        self._orders.append(order)
        self._by_id[order.id] = order
        self._by_ref[order.ref] = order
        note = f"{line_type} {product.value} DZD to {number}"
        self._move(
            Decimal(product.cost),
            kind=LEDGER_DEBIT,
            operation=OPERATION_DEBIT,
            objid=order.id,
            note=note,
            when=now,
        )
        heapq.heappush(self._due, (order.steps[0][0], _ORDER_STEP, seq))
        return order

    def _generated_ref(self, now: float) -> str:
        """The server-made ref of an order sent without one: API-<username>-<ms>, made unique."""
        base = f"API-{self._config.username}-{self.wall_ms(now)}"
        ref, extra = base, 1
        while ref in self._by_ref:
            extra += 1
            ref = f"{base}-{extra}"
        return ref

    def order_by_id(self, order_id: str) -> SimOrder | None:
        """The order with this topupId, if any."""
        with self._lock:
            self._advance()
            order = self._by_id.get(order_id)
            return self._snapshot(order) if order is not None else None

    def order_by_ref(self, ref: str) -> SimOrder | None:
        """The order with this ref, if any."""
        with self._lock:
            self._advance()
            order = self._by_ref.get(ref)
            return self._snapshot(order) if order is not None else None

    def orders(self) -> list[SimOrder]:
        """Every accepted order, in accept order."""
        with self._lock:
            self._advance()
            return [self._snapshot(order) for order in self._orders]

    def orders_page(
        self, page: int, page_size: int, since: datetime | None, until: datetime | None
    ) -> tuple[list[SimOrder], int]:
        """One page of orders, newest first, and how many orders match in all."""
        with self._lock:
            self._advance()
            matching = [
                order
                for order in reversed(self._orders)
                if self._within(order.created, since, until)
            ]
            start = (page - 1) * page_size
            chosen = [self._snapshot(order) for order in matching[start : start + page_size]]
        return chosen, len(matching)

    def advance(self) -> None:
        """Apply every transition due at the current clock reading."""
        with self._lock:
            self._advance()

    def _advance(self) -> None:
        """Apply due transitions and held sends in due order. Caller holds the lock.

        Ties: order transitions first (in accept order), then held sends (in arrival order).
        """
        now = self._clock()
        while self._due and self._due[0][0] <= now:
            due, kind, index = heapq.heappop(self._due)
            if kind == _HELD_SEND:
                self._process_held(index, due)
                continue
            order = self._orders[index - 1]
            self._apply(order, order.steps[order.next_step][1], due)
            order.next_step += 1
            if order.next_step < len(order.steps):
                heapq.heappush(self._due, (order.steps[order.next_step][0], _ORDER_STEP, index))

    def _apply(self, order: _Order, status: str, when: float) -> None:
        """Move an order to ``status`` at clock time ``when``; a refund credits the cost."""
        order.status = status
        if status in contract.FINAL_STATUSES:
            order.processed = when
        if status == contract.STATUS_REFUNDED:
            note = f"Refund {order.type} {order.value} DZD to {order.number}"
            self._credit(Decimal(order.cost), LEDGER_REFUND, order.id, note, when)

    def _snapshot(self, order: _Order) -> SimOrder:
        """The frozen public view of an order."""
        plan = order.plan
        return SimOrder(
            id=order.id,
            ref=order.ref,
            type=order.type,
            number=order.number,
            value=order.value,
            cost=order.cost,
            status=order.status,
            created=order.created,
            created_at=self.iso(order.created),
            outcome=plan.outcome,
            via_queue=plan.via_queue,
            handling_delay=plan.handling_delay,
            queued_delay=plan.queued_delay,
            final_at=order.steps[-1][0],
            processed_at=self.iso(order.processed) if order.processed is not None else None,
            card_code=plan.card_code,
            num_trans=order.num_trans,
            scenario=plan.scenario,
        )


def _raise_line_problem(line_type: str, number: str) -> None:
    """Raise ERR_PHONE with the documented details when the line is not usable."""
    reason = line_problem(line_type, number)
    if reason is not None:
        raise ApiError(
            contract.ERR_PHONE,
            f"Invalid phone number for {line_type} service",
            {"number": number, "type": line_type, "reason": reason},
        )
