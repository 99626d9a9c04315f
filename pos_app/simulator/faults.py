"""Injected faults: what can go wrong on one request, and the seeded draw that decides it.

A rule names an endpoint (or ``*``), a kind and how often it fires. Kinds act at three moments:

* before acting (nothing is done on the server): ``503``, ``429`` and ``latency``;
* instead of acting (send only, once its key and body passed): ``hold``, the connection closes
  with no answer and the send is processed VALUE ms of simulated time later, as if queued;
* after acting (the state change has happened): ``drop``, ``500``, ``garbage``, ``slow``,
  ``refuse500`` (send only: a 500 whose body carries the refusal code ERR_STOCK) and
  ``nocode`` (check-id, check-ref, list: FULFILLED top-ups shown without their card code).

Spec strings (CLI ``--faults`` and tests) are comma-separated
``ENDPOINT:KIND[=VALUE][@PROB][xCOUNT]``, for example
``send:drop@0.1,check-ref:503@0.05,*:slow=3000@0.01,send:500x1,balance:429=2``.
VALUE is milliseconds for ``latency``, ``slow`` and ``hold`` (required) and seconds of
``Retry-After`` for ``429`` (optional); PROB is 0..1 (default 1); COUNT retires the rule after
it fired that many times.
"""

from __future__ import annotations

import random
import re
import threading
from dataclasses import dataclass
from typing import Final, Literal

ANY_ENDPOINT: Final = "*"
ENDPOINTS: Final = (
    "ping",
    "validate",
    "balance",
    "transactions",
    "products",
    "check-number",
    "send",
    "check-id",
    "check-ref",
    "list",
)

Phase = Literal["before", "instead", "after"]
BEFORE_KINDS: Final = ("503", "429", "latency")
INSTEAD_KINDS: Final = ("hold",)
AFTER_KINDS: Final = ("drop", "500", "garbage", "slow", "refuse500", "nocode")
KINDS: Final = BEFORE_KINDS + INSTEAD_KINDS + AFTER_KINDS
_VALUE_REQUIRED: Final = frozenset({"latency", "slow", "hold"})
_VALUE_ALLOWED: Final = frozenset({"latency", "slow", "hold", "429"})
# Kinds that make sense on a few endpoints only (never on ``*``).
ONLY_ON: Final = {
    "hold": ("send",),
    "refuse500": ("send",),
    "nocode": ("check-id", "check-ref", "list"),
}

_ITEM = re.compile(
    # refuse500 before [a-z]+, so that "refuse500x2" reads as kind refuse500, count 2
    r"(?P<endpoint>[a-z*-]+):(?P<kind>\d{3}|refuse500|[a-z]+)"
    r"(?:=(?P<value>\d+(?:\.\d+)?))?"
    r"(?:@(?P<probability>\d*\.?\d+))?"
    r"(?:x(?P<count>\d+))?"
)


@dataclass(frozen=True)
class FaultRule:
    """One fault to inject on requests to ``endpoint`` (or every endpoint with ``*``)."""

    endpoint: str
    kind: str
    value: float | None = None
    probability: float = 1.0
    count: int | None = None

    def __post_init__(self) -> None:
        if self.endpoint != ANY_ENDPOINT and self.endpoint not in ENDPOINTS:
            raise ValueError(
                f"unknown fault endpoint {self.endpoint!r}; use one of {', '.join(ENDPOINTS)} or *"
            )
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; use one of {', '.join(KINDS)}")
        allowed = ONLY_ON.get(self.kind)
        if allowed is not None and self.endpoint not in allowed:
            raise ValueError(
                f"fault kind {self.kind!r} applies only to {', '.join(allowed)}, "
                f"not {self.endpoint!r}"
            )
        if self.kind in _VALUE_REQUIRED and self.value is None:
            raise ValueError(f"fault kind {self.kind!r} needs a value in ms, e.g. {self.kind}=500")
        if self.value is not None and self.kind not in _VALUE_ALLOWED:
            raise ValueError(f"fault kind {self.kind!r} takes no value")
        if self.value is not None and self.value < 0:
            raise ValueError(f"fault value must be >= 0, got {self.value}")
        if not 0.0 <= self.probability <= 1.0:
            raise ValueError(f"fault probability must be within 0..1, got {self.probability}")
        if self.count is not None and self.count < 1:
            raise ValueError(f"fault count must be >= 1, got {self.count}")

    @property
    def phase(self) -> Phase:
        """When the fault acts: before the request is handled, instead of it, or after."""
        if self.kind in BEFORE_KINDS:
            return "before"
        return "instead" if self.kind in INSTEAD_KINDS else "after"

    def matches(self, endpoint: str) -> bool:
        """Whether this rule applies to a request for ``endpoint``."""
        return self.endpoint in (ANY_ENDPOINT, endpoint)

    def spec(self) -> str:
        """The rule written back as one spec item (parse_faults reads it back unchanged)."""
        text = f"{self.endpoint}:{self.kind}"
        if self.value is not None:
            text += f"={_number(self.value)}"
        if self.probability != 1.0:
            text += f"@{_number(self.probability)}"
        if self.count is not None:
            text += f"x{self.count}"
        return text


def _number(value: float) -> str:
    """A plain decimal number as the spec grammar reads it (no exponent, no useless '.0')."""
    return f"{value:.12f}".rstrip("0").rstrip(".")


def parse_faults(spec: str) -> list[FaultRule]:
    """Read a comma-separated fault spec; raise ValueError naming the bad item."""
    if not spec.strip():
        return []
    rules: list[FaultRule] = []
    for raw in spec.split(","):
        item = raw.strip()
        match = _ITEM.fullmatch(item)
        if match is None:
            raise ValueError(
                f"bad fault item {item!r}: expected ENDPOINT:KIND[=VALUE][@PROB][xCOUNT], "
                "e.g. send:drop@0.1"
            )
        try:
            rules.append(_rule_from(match))
        except ValueError as exc:
            raise ValueError(f"bad fault item {item!r}: {exc}") from exc
    return rules


def _rule_from(match: re.Match[str]) -> FaultRule:
    """Build the rule of one matched spec item."""
    value, probability, count = match["value"], match["probability"], match["count"]
    return FaultRule(
        endpoint=match["endpoint"],
        kind=match["kind"],
        value=float(value) if value is not None else None,
        probability=float(probability) if probability is not None else 1.0,
        count=int(count) if count is not None else None,
    )


@dataclass
class _Armed:
    """A rule together with how many more times it may fire (None: forever)."""

    rule: FaultRule
    remaining: int | None


class FaultPlan:
    """The live rules and their own seeded random source, so fault draws never move orders."""

    def __init__(self, seed: int, rules: tuple[FaultRule, ...] | list[FaultRule] = ()) -> None:
        self._lock = threading.Lock()
        self._random = random.Random(f"{seed}:faults")
        self._armed = [_Armed(rule, rule.count) for rule in rules]

    def add(self, rule: FaultRule) -> None:
        """Arm one more rule (checked after the earlier ones)."""
        with self._lock:
            self._armed.append(_Armed(rule, rule.count))

    def clear(self) -> None:
        """Disarm every rule."""
        with self._lock:
            self._armed.clear()

    def active(self) -> list[FaultRule]:
        """The rules still armed, in the order they are checked."""
        with self._lock:
            return [armed.rule for armed in self._armed]

    def pick(self, endpoint: str, phase: Phase) -> FaultRule | None:
        """The first armed rule of ``phase`` for ``endpoint`` that fires now, if any.

        Each matching rule costs one draw (in rule order) until one fires; a fired rule with a
        count uses one up and is retired at zero.
        """
        with self._lock:
            for armed in self._armed:
                if armed.rule.phase != phase or not armed.rule.matches(endpoint):
                    continue
                if self._random.random() >= armed.rule.probability:
                    continue
                if armed.remaining is not None:
                    armed.remaining -= 1
                    if armed.remaining == 0:
                        self._armed.remove(armed)
                return armed.rule
            return None
