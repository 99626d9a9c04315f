"""The life of a sale at the counter: its local states and the only legal moves between them.

Money rules behind the table (see the project's reliability notes):
- a sale is committed WAITING with its ref before any network call, and SENDING before the
  send leaves; after a crash, SENDING can only become UNKNOWN;
- UNKNOWN is resolved by asking the server (check-ref), never by resending blindly: it goes to
  what the server says, or back to WAITING once NOT_FOUND was confirmed twice;
- while any attempt at a ref has an unknown outcome, a refusal of a later attempt is not final:
  the sale is VERIFYING (no cash back) until check-ref has been asked long enough;
- a ref found on the server is adopted only when its line type, number and value match the
  sale; otherwise the sale is a CONFLICT for a person (never fulfilled, no card code shown);
- FULFILLED needs a card code: a FULFILLED answer without one is CODE_PENDING (asked again),
  then CODE_MISSING (a case for the manager) once it has lasted too long;
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
    VERIFYING = "verifying"  # refused on a retry while an earlier attempt is unknown
    CONFLICT = "conflict"  # the server holds this ref for another sale: a person decides
    CODE_PENDING = "code_pending"  # FULFILLED on the server, the card code not given yet
    CODE_MISSING = "code_missing"  # still no card code after the wait: a manager's case


def _moves(*targets: SaleState) -> frozenset[SaleState]:
    return frozenset(targets)


_SERVER_SAYS = (
    SaleState.ACCEPTED,
    SaleState.QUEUED,
    SaleState.FULFILLED,
    SaleState.REFUNDED,
    SaleState.CONFLICT,
    SaleState.CODE_PENDING,
)  # what an answer about a ref can say

TRANSITIONS: Final[Mapping[SaleState, frozenset[SaleState]]] = MappingProxyType(
    {
        SaleState.WAITING: _moves(SaleState.SENDING, SaleState.CANCELLED),
        SaleState.SENDING: _moves(
            SaleState.ACCEPTED,
            SaleState.REJECTED,
            SaleState.UNKNOWN,
            SaleState.WAITING,
            SaleState.VERIFYING,
        ),
        SaleState.UNKNOWN: _moves(*_SERVER_SAYS, SaleState.WAITING),
        SaleState.VERIFYING: _moves(*_SERVER_SAYS, SaleState.REJECTED),
        SaleState.ACCEPTED: _moves(*_SERVER_SAYS[1:]),
        SaleState.QUEUED: _moves(SaleState.ACCEPTED, *_SERVER_SAYS[2:]),
        SaleState.CODE_PENDING: _moves(
            SaleState.FULFILLED, SaleState.REFUNDED, SaleState.CODE_MISSING, SaleState.CONFLICT
        ),
        SaleState.CODE_MISSING: _moves(SaleState.FULFILLED, SaleState.REFUNDED, SaleState.CONFLICT),
        SaleState.FULFILLED: _moves(),
        SaleState.REFUNDED: _moves(),
        SaleState.REJECTED: _moves(),
        SaleState.CANCELLED: _moves(),
        SaleState.CONFLICT: _moves(),
    }
)

FINAL_STATES: Final = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)
# States in which the server may hold the order (so the money may be spent).
MAY_EXIST_ON_SERVER: Final = frozenset(
    {
        SaleState.SENDING,
        SaleState.UNKNOWN,
        SaleState.VERIFYING,
        SaleState.ACCEPTED,
        SaleState.QUEUED,
        SaleState.CODE_PENDING,
        SaleState.CODE_MISSING,
        SaleState.FULFILLED,
        SaleState.REFUNDED,
    }
)
# Final states in which the customer's cash goes back (nothing was charged, or refunded).
CASH_BACK_STATES: Final = frozenset({SaleState.REFUNDED, SaleState.REJECTED, SaleState.CANCELLED})


class IllegalTransitionError(ValueError):
    """A move the table does not allow; raised before anything is written."""


def check_transition(current: SaleState, target: SaleState) -> None:
    """Raise IllegalTransitionError unless ``current -> target`` is in the table."""
    if target not in TRANSITIONS[current]:
        raise IllegalTransitionError(f"a sale cannot go from {current.value} to {target.value}")


def is_final(state: SaleState) -> bool:
    return state in FINAL_STATES
