"""The life of a sale at the counter: its local states and the only legal moves between them.

Money rules behind the table (see the project's reliability notes):
- a sale is committed WAITING with its ref before any network call, and SENDING before the
  send leaves; after a crash, SENDING can only become UNKNOWN;
- UNKNOWN is resolved by asking the server (check-ref), never by resending blindly: it goes to
  what the server says, or back to WAITING once NOT_FOUND was confirmed twice;
- final states are an allow-list; CANCELLED is only for a sale that never left the machine.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final


class SaleState(StrEnum):
    """Where a sale stands, as the counter knows it."""

    WAITING = "waiting"  # committed, waiting to be sent (offline or queued behind others)
    SENDING = "sending"  # the send may be on the wire
    UNKNOWN = "unknown"  # the send left and no trustworthy answer came back
    ACCEPTED = "accepted"  # the server has it (HANDLING or another running status)
    QUEUED = "queued"  # the server scheduled it for later (12-48 h)
    FULFILLED = "fulfilled"  # card code delivered
    REFUNDED = "refunded"  # the server failed it and refunded the balance
    REJECTED = "rejected"  # definite refusal before any charge
    CANCELLED = "cancelled"  # withdrawn before it ever left the machine


S = SaleState

TRANSITIONS: Final[Mapping[SaleState, frozenset[SaleState]]] = MappingProxyType(
    {
        S.WAITING: frozenset({S.SENDING, S.CANCELLED}),
        S.SENDING: frozenset({S.ACCEPTED, S.REJECTED, S.UNKNOWN, S.WAITING}),
        S.UNKNOWN: frozenset({S.ACCEPTED, S.QUEUED, S.FULFILLED, S.REFUNDED, S.WAITING}),
        S.ACCEPTED: frozenset({S.QUEUED, S.FULFILLED, S.REFUNDED}),
        S.QUEUED: frozenset({S.ACCEPTED, S.FULFILLED, S.REFUNDED}),
        S.FULFILLED: frozenset(),
        S.REFUNDED: frozenset(),
        S.REJECTED: frozenset(),
        S.CANCELLED: frozenset(),
    }
)

FINAL_STATES: Final = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)
# States in which the server may hold the order (so the money may be spent).
MAY_EXIST_ON_SERVER: Final = frozenset({S.SENDING, S.UNKNOWN, S.ACCEPTED, S.QUEUED, S.FULFILLED,
                                        S.REFUNDED})


class IllegalTransitionError(ValueError):
    """A move the table does not allow; raised before anything is written."""


def check_transition(current: SaleState, target: SaleState) -> None:
    """Raise IllegalTransitionError unless ``current -> target`` is in the table."""
    if target not in TRANSITIONS[current]:
        raise IllegalTransitionError(f"a sale cannot go from {current.value} to {target.value}")


def is_final(state: SaleState) -> bool:
    return state in FINAL_STATES
