"""Settings of one simulator run: credentials, money, timing, seed and faults."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Final

from pos_app.simulator.faults import FaultRule

# The key the simulator accepts unless told otherwise. Clearly not a real OneClickDZ key.
DEFAULT_SIM_KEY: Final = "sim-demo-key"
DEFAULT_USERNAME: Final = "+213555000000"
DEFAULT_BALANCE: Final = Decimal("50000.00")
KEY_TYPES: Final = ("SANDBOX", "PRODUCTION")


@dataclass(frozen=True)
class SimConfig:
    """How a simulator behaves. Durations are in simulated seconds, divided by ``time_scale``.

    ``seed`` drives the order schedule (HANDLING delay, outcome, card code) and, through a
    separate random source, the fault draws. ``start_time`` (timezone-aware) is the wall time
    at construction; default: UTC now.
    """

    key: str = DEFAULT_SIM_KEY
    key_type: str = "SANDBOX"
    username: str = DEFAULT_USERNAME
    seed: int = 0
    time_scale: float = 1.0
    latency_ms: float = 0.0
    balance: Decimal = DEFAULT_BALANCE
    handling_seconds: tuple[float, float] = (3.0, 45.0)
    queued_seconds: tuple[float, float] = (12 * 3600.0, 48 * 3600.0)
    fulfilled_weight: float = 0.92
    queued_weight: float = 0.04
    refunded_weight: float = 0.04
    queued_fulfilled_ratio: float = 0.80
    faults: tuple[FaultRule, ...] = ()
    start_time: datetime | None = None

    def __post_init__(self) -> None:
        if not self.key:
            raise ValueError("key must not be empty")
        if self.key_type not in KEY_TYPES:
            raise ValueError(f"key_type must be one of {KEY_TYPES}, got {self.key_type!r}")
        if self.time_scale <= 0:
            raise ValueError(f"time_scale must be > 0, got {self.time_scale}")
        if self.latency_ms < 0:
            raise ValueError(f"latency_ms must be >= 0, got {self.latency_ms}")
        if self.balance < 0:
            raise ValueError(f"balance must be >= 0, got {self.balance}")
        _check_range("handling_seconds", self.handling_seconds)
        _check_range("queued_seconds", self.queued_seconds)
        self._check_weights()
        if self.start_time is not None and self.start_time.tzinfo is None:
            raise ValueError("start_time must be timezone-aware")

    def _check_weights(self) -> None:
        weights = (self.fulfilled_weight, self.queued_weight, self.refunded_weight)
        if min(weights) < 0 or sum(weights) <= 0:
            raise ValueError(f"outcome weights must be >= 0 with a positive sum, got {weights}")
        if not 0.0 <= self.queued_fulfilled_ratio <= 1.0:
            raise ValueError(
                f"queued_fulfilled_ratio must be within 0..1, got {self.queued_fulfilled_ratio}"
            )


def _check_range(name: str, bounds: tuple[float, float]) -> None:
    """Refuse a (low, high) range that is negative or upside down."""
    low, high = bounds
    if low < 0 or high < low:
        raise ValueError(f"{name} must be 0 <= low <= high, got {bounds}")
