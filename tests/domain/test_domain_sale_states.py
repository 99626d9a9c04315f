"""The sale state table: every legal move, and every illegal one refused."""

from __future__ import annotations

import itertools

import pytest

from pos_app.domain.sale_states import (
    FINAL_STATES,
    MAY_EXIST_ON_SERVER,
    TRANSITIONS,
    IllegalTransitionError,
    SaleState,
    check_transition,
    is_final,
)

LEGAL = {(a, b) for a, targets in TRANSITIONS.items() for b in targets}


def test_final_states_are_exactly_the_allow_list() -> None:
    assert {
        SaleState.FULFILLED,
        SaleState.REFUNDED,
        SaleState.REJECTED,
        SaleState.CANCELLED,
        SaleState.CONFLICT,
    } == FINAL_STATES
    assert all(is_final(s) for s in FINAL_STATES)
    assert not is_final(SaleState.QUEUED) and not is_final(SaleState.UNKNOWN)


@pytest.mark.parametrize(("a", "b"), sorted(itertools.product(SaleState, SaleState)))
def test_every_pair_is_legal_or_raises(a: SaleState, b: SaleState) -> None:
    if (a, b) in LEGAL:
        check_transition(a, b)
    else:
        with pytest.raises(IllegalTransitionError):
            check_transition(a, b)


def test_money_rules_in_the_table() -> None:
    # A sale caught sending can only be resolved by asking: never straight to rejected later.
    assert TRANSITIONS[SaleState.UNKNOWN] >= {
        SaleState.ACCEPTED,
        SaleState.QUEUED,
        SaleState.FULFILLED,
        SaleState.REFUNDED,
        SaleState.WAITING,
    }
    assert SaleState.REJECTED not in TRANSITIONS[SaleState.UNKNOWN]
    # Cancelling is only possible before anything left the machine.
    assert {a for a, b in LEGAL if b is SaleState.CANCELLED} == {SaleState.WAITING}
    # Nothing comes back from a final state; a fulfilled sale is never refunded locally.
    assert all(not TRANSITIONS[f] for f in FINAL_STATES)
    assert (
        SaleState.WAITING not in MAY_EXIST_ON_SERVER
        and SaleState.REJECTED not in MAY_EXIST_ON_SERVER
    )


def test_a_refusal_after_an_unknown_attempt_is_not_final() -> None:
    # Rule 11: a refused retry waits in VERIFYING; only from there may it become REJECTED.
    assert SaleState.VERIFYING in TRANSITIONS[SaleState.SENDING]
    assert SaleState.REJECTED in TRANSITIONS[SaleState.VERIFYING]
    assert not is_final(SaleState.VERIFYING)
    assert {a for a, b in LEGAL if b is SaleState.REJECTED} == {
        SaleState.SENDING,
        SaleState.VERIFYING,
    }


def test_a_conflict_and_a_missing_code_are_never_a_success() -> None:
    # Rule 12: a conflict is final and never fulfilled; a FULFILLED answer without a code
    # goes through CODE_PENDING, and FULFILLED is reached only from where a code can come.
    assert is_final(SaleState.CONFLICT) and not TRANSITIONS[SaleState.CONFLICT]
    assert not is_final(SaleState.CODE_PENDING) and not is_final(SaleState.CODE_MISSING)
    assert SaleState.CODE_MISSING in TRANSITIONS[SaleState.CODE_PENDING]
    assert SaleState.FULFILLED in TRANSITIONS[SaleState.CODE_MISSING]
    assert SaleState.CONFLICT not in MAY_EXIST_ON_SERVER
