"""Fault rules: the spec grammar, validation and the seeded, counted draw."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.simulator import FaultRule, parse_faults
from pos_app.simulator.faults import (
    AFTER_KINDS,
    BEFORE_KINDS,
    ENDPOINTS,
    INSTEAD_KINDS,
    ONLY_ON,
    FaultPlan,
)


def test_parse_the_documented_example() -> None:
    rules = parse_faults(
        "send:drop@0.1,check-ref:503@0.05,*:slow=3000@0.01,send:500x1,balance:429=2"
    )
    assert rules == [
        FaultRule("send", "drop", probability=0.1),
        FaultRule("check-ref", "503", probability=0.05),
        FaultRule("*", "slow", value=3000, probability=0.01),
        FaultRule("send", "500", count=1),
        FaultRule("balance", "429", value=2),
    ]


def test_parse_tolerates_spaces_and_reads_every_part() -> None:
    assert parse_faults(" list:latency=250@0.5x3 , ping:garbage ") == [
        FaultRule("list", "latency", value=250, probability=0.5, count=3),
        FaultRule("ping", "garbage"),
    ]


def test_parse_the_hostile_kinds() -> None:
    assert parse_faults(
        "send:hold=2500@0.1x3,send:refuse500,send:refuse500x2,check-id:nocode@0.5,"
        "check-ref:nocode,list:nocodex1,send:dropx500"
    ) == [
        FaultRule("send", "hold", value=2500, probability=0.1, count=3),
        FaultRule("send", "refuse500"),
        FaultRule("send", "refuse500", count=2),
        FaultRule("check-id", "nocode", probability=0.5),
        FaultRule("check-ref", "nocode"),
        FaultRule("list", "nocode", count=1),
        FaultRule("send", "drop", count=500),
    ]


@pytest.mark.parametrize(
    ("spec", "hint"),
    [
        ("check-ref:hold=100", "'hold' applies only to send, not 'check-ref'"),
        ("*:hold=100", "'hold' applies only to send, not '*'"),
        ("send:hold", "needs a value"),
        ("list:refuse500", "'refuse500' applies only to send"),
        ("send:refuse500=3", "takes no value"),
        ("send:nocode", "'nocode' applies only to check-id, check-ref, list, not 'send'"),
        ("*:nocode", "applies only to check-id, check-ref, list"),
        ("check-id:nocode=1", "takes no value"),
    ],
)
def test_hostile_kinds_are_refused_where_they_make_no_sense(spec: str, hint: str) -> None:
    with pytest.raises(ValueError, match="bad fault item") as refused:
        parse_faults(spec)
    assert hint in str(refused.value)


@pytest.mark.parametrize("spec", ["", "   "])
def test_an_empty_spec_means_no_faults(spec: str) -> None:
    assert parse_faults(spec) == []


@pytest.mark.parametrize(
    ("spec", "hint"),
    [
        ("send", "expected ENDPOINT:KIND"),
        ("send:boom", "unknown fault kind 'boom'"),
        ("mobile:503", "unknown fault endpoint 'mobile'"),
        ("send:latency", "needs a value"),
        ("send:slow@0.5", "needs a value"),
        ("send:drop=5", "takes no value"),
        ("send:503@1.5", "within 0..1"),
        ("send:503x0", "count must be >= 1"),
        ("send:503,", "bad fault item ''"),
        ("send:503@half", "bad fault item"),
    ],
)
def test_bad_specs_are_refused_clearly(spec: str, hint: str) -> None:
    with pytest.raises(ValueError, match="bad fault item") as refused:
        parse_faults(spec)
    assert hint in str(refused.value)


PROBABILITIES = st.integers(0, 1000).map(lambda n: n / 1000)
COUNTS = st.none() | st.integers(1, 999)
VALUES = st.integers(0, 100_000).map(lambda n: n / 10)
anywhere = st.builds(
    FaultRule,
    endpoint=st.sampled_from([*ENDPOINTS, "*"]),
    kind=st.sampled_from(["503", "drop", "500", "garbage"]),
    probability=PROBABILITIES,
    count=COUNTS,
)
anywhere_with_value = st.builds(
    FaultRule,
    endpoint=st.sampled_from([*ENDPOINTS, "*"]),
    kind=st.sampled_from(["latency", "slow", "429"]),
    value=VALUES,
    probability=PROBABILITIES,
    count=COUNTS,
)
holds = st.builds(
    FaultRule,
    endpoint=st.just("send"),
    kind=st.just("hold"),
    value=VALUES,
    probability=PROBABILITIES,
    count=COUNTS,
)
VALUELESS_PLACES = [
    (endpoint, kind)
    for kind, endpoints in ONLY_ON.items()
    if kind != "hold"
    for endpoint in endpoints
]
hostile = st.sampled_from(VALUELESS_PLACES).flatmap(
    lambda pair: st.builds(
        FaultRule,
        endpoint=st.just(pair[0]),
        kind=st.just(pair[1]),
        probability=PROBABILITIES,
        count=COUNTS,
    )
)
rules = anywhere | anywhere_with_value | holds | hostile


@given(st.lists(rules, min_size=1, max_size=5))
def test_spec_round_trips(generated: list[FaultRule]) -> None:
    spec = ",".join(rule.spec() for rule in generated)
    assert parse_faults(spec) == generated


def test_phases() -> None:
    assert {FaultRule("send", kind, value=1).phase for kind in ("latency",)} == {"before"}
    assert all(
        FaultRule("send", k, value=1 if k == "429" else None).phase == "before"
        for k in ("503", "429")
    )
    assert all(
        FaultRule("list" if k == "nocode" else "send", k, value=1 if k == "slow" else None).phase
        == "after"
        for k in AFTER_KINDS
    )
    assert FaultRule("send", "hold", value=1).phase == "instead"
    assert INSTEAD_KINDS == ("hold",)
    assert FaultRule("send", "refuse500").phase == "after"
    assert FaultRule("list", "nocode").phase == "after"
    assert set(BEFORE_KINDS) | set(INSTEAD_KINDS) | set(AFTER_KINDS) == {
        "503",
        "429",
        "latency",
        "hold",
        "drop",
        "500",
        "garbage",
        "slow",
        "refuse500",
        "nocode",
    }


def test_pick_matches_endpoint_phase_and_star() -> None:
    plan = FaultPlan(0, [FaultRule("send", "503"), FaultRule("*", "drop")])
    assert plan.pick("send", "before") == FaultRule("send", "503")
    assert plan.pick("balance", "before") is None
    assert plan.pick("balance", "after") == FaultRule("*", "drop")
    assert plan.pick("ping", "after") == FaultRule("*", "drop")


def test_hold_is_drawn_in_its_own_phase_one_draw_per_matching_rule() -> None:
    hold = FaultRule("send", "hold", value=100, probability=0.5)
    plan = FaultPlan(7, [FaultRule("send", "503", probability=0.5), hold])
    reference = FaultPlan(7, [FaultRule("send", "503", probability=0.5)])
    # the hold rule costs no draw in the before phase, so the 503 pattern is unchanged
    assert [plan.pick("send", "before") for _ in range(50)] == [
        reference.pick("send", "before") for _ in range(50)
    ]
    assert plan.pick("check-ref", "instead") is None
    fired = [plan.pick("send", "instead") for _ in range(100)]
    assert set(fired) == {hold, None}

    def pattern(seed: int) -> list[bool]:
        only = FaultPlan(seed, [hold])
        return [only.pick("send", "instead") is not None for _ in range(100)]

    assert pattern(7) == pattern(7)
    assert pattern(7) != pattern(8)


def test_count_retires_a_rule() -> None:
    plan = FaultPlan(0, [FaultRule("send", "500", count=2)])
    fired = [plan.pick("send", "after") for _ in range(4)]
    assert fired == [FaultRule("send", "500", count=2)] * 2 + [None, None]
    assert plan.active() == []


def test_first_firing_rule_wins() -> None:
    plan = FaultPlan(0, [FaultRule("send", "500", count=1), FaultRule("send", "garbage")])
    first, second = plan.pick("send", "after"), plan.pick("send", "after")
    assert first is not None and first.kind == "500"
    assert second is not None and second.kind == "garbage"


def test_probability_is_seeded() -> None:
    def pattern(seed: int) -> list[bool]:
        plan = FaultPlan(seed, [FaultRule("send", "drop", probability=0.3)])
        return [plan.pick("send", "after") is not None for _ in range(200)]

    assert pattern(1) == pattern(1)
    assert pattern(1) != pattern(2)
    assert 40 <= sum(pattern(1)) <= 80


def test_probability_zero_never_fires_and_one_always_does() -> None:
    plan = FaultPlan(0, [FaultRule("send", "drop", probability=0.0)])
    assert all(plan.pick("send", "after") is None for _ in range(100))
    plan = FaultPlan(0, [FaultRule("send", "drop", probability=1.0)])
    assert all(plan.pick("send", "after") is not None for _ in range(100))


def test_clear() -> None:
    plan = FaultPlan(0, [FaultRule("*", "503")])
    plan.add(FaultRule("send", "drop"))
    assert len(plan.active()) == 2
    plan.clear()
    assert plan.pick("send", "before") is None
    assert plan.pick("send", "after") is None
