"""The X-Access-Token guard: missing, wrong (attemptsLeft), IP block and its end."""

from __future__ import annotations

from pos_app.api import contract
from tests.simulator.conftest import Client, ClientFor, MakeSim
from tests.support.clock import Clock


def test_missing_key_is_400(api: Client) -> None:
    error = api.error(api.get("account/balance", key=""), 400, "MISSING_ACCESS_TOKEN")
    assert error["message"] == "Access token is required"
    assert api.sim.requests()[-1].status == 400


def test_missing_key_does_not_count_as_a_wrong_key(api: Client) -> None:
    for _ in range(contract.MAX_WRONG_KEYS + 1):
        api.error(api.get("validate", key=""), 400, "MISSING_ACCESS_TOKEN")
    api.data(api.get("validate"))


def test_wrong_key_counts_attempts_down_then_blocks(api: Client) -> None:
    left = []
    for _ in range(contract.MAX_WRONG_KEYS):
        error = api.error(api.get("account/balance", key="nope"), 401, "INVALID_ACCESS_TOKEN")
        left.append(error["details"]["attemptsLeft"])
    assert left == [4, 3, 2, 1, 0]
    error = api.error(api.get("account/balance"), 403, "IP_BLOCKED")
    assert "15 minutes" in error["message"]
    api.error(api.get("account/balance", key="nope"), 403, "IP_BLOCKED")


def test_block_ends_after_the_block_time_and_the_count_restarts(api: Client, clock: Clock) -> None:
    for _ in range(contract.MAX_WRONG_KEYS):
        api.get("validate", key="nope")
    clock.advance(contract.IP_BLOCK_SECONDS - 1)
    api.error(api.get("validate"), 403, "IP_BLOCKED")
    clock.advance(1)
    api.data(api.get("validate"))
    error = api.error(api.get("validate", key="nope"), 401, "INVALID_ACCESS_TOKEN")
    assert error["details"]["attemptsLeft"] == 4


def test_block_lifts_by_itself_even_for_a_wrong_key(api: Client, clock: Clock) -> None:
    for _ in range(contract.MAX_WRONG_KEYS):
        api.get("validate", key="nope")
    clock.advance(contract.IP_BLOCK_SECONDS)
    error = api.error(api.get("validate", key="nope"), 401, "INVALID_ACCESS_TOKEN")
    assert error["details"]["attemptsLeft"] == 4


def test_block_time_is_divided_by_the_time_scale(
    make_sim: MakeSim, client_for: ClientFor, clock: Clock
) -> None:
    api = client_for(make_sim(time_scale=60.0))
    for _ in range(contract.MAX_WRONG_KEYS):
        api.get("validate", key="nope")
    clock.advance(contract.IP_BLOCK_SECONDS / 60 - 0.5)
    api.error(api.get("validate"), 403, "IP_BLOCKED")
    clock.advance(0.5)
    api.data(api.get("validate"))


def test_a_right_key_resets_the_count(api: Client) -> None:
    for _ in range(3):
        api.get("validate", key="nope")
    api.data(api.get("validate"))
    error = api.error(api.get("validate", key="nope"), 401, "INVALID_ACCESS_TOKEN")
    assert error["details"]["attemptsLeft"] == 4


def test_ping_needs_no_key_and_ignores_a_wrong_one(api: Client) -> None:
    for _ in range(contract.MAX_WRONG_KEYS + 2):
        api.data(api.get("ping", key="nope"))
    api.data(api.get("validate"))  # ping never counted a strike


def test_ping_answers_while_the_ip_is_blocked(api: Client) -> None:
    for _ in range(contract.MAX_WRONG_KEYS):
        api.get("validate", key="nope")
    api.data(api.get("ping"))
    api.error(api.get("validate"), 403, "IP_BLOCKED")


def test_every_keyed_endpoint_needs_the_key(api: Client) -> None:
    paths = [
        "validate",
        "account/balance",
        "account/transactions",
        "internet/products?type=ADSL",
        "internet/check-number?type=ADSL&number=036362608",
        "internet/check-id/6901616fe9e88196b4eb64b2",
        "internet/check-ref/x",
        "internet/list",
    ]
    for path in paths:
        api.error(api.get(path, key=""), 400, "MISSING_ACCESS_TOKEN")
    response = api.post("internet/send", {"type": "ADSL"}, key="")
    api.error(response, 400, "MISSING_ACCESS_TOKEN")


def test_a_custom_key_replaces_the_default(make_sim: MakeSim, client_for: ClientFor) -> None:
    sim = make_sim(key="shop-key-42")
    client_for(sim).error(client_for(sim).get("validate"), 401, "INVALID_ACCESS_TOKEN")
    good = client_for(sim, key="shop-key-42")
    good.data(good.get("validate"))
