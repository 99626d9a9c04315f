"""internet/send: acceptance, the order of its checks, refs and the balance."""

from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import quote

import pytest
import requests

from pos_app.api import contract
from pos_app.simulator import Simulator
from tests.simulator.conftest import Client, ClientFor, MakeSim


def test_accepted_send_debits_and_records_a_handling_order(api: Client, sim: Simulator) -> None:
    data = api.data(api.send(ref="sale-1", value=2000))
    assert set(data) == {"topupId", "topupRef"}
    assert re.fullmatch(r"[0-9a-f]{24}", data["topupId"])
    assert data["topupRef"] == "sale-1"
    assert sim.balance == Decimal("48040.00")
    (order,) = sim.accepted()
    assert (order.id, order.ref, order.status) == (data["topupId"], "sale-1", "HANDLING")
    assert (order.type, order.number, order.value, order.cost) == ("ADSL", "036362608", 2000, 1960)
    assert sim.order_by_ref("sale-1") == order
    assert sim.order_by_id(data["topupId"]) == order


def test_4g_send(api: Client, sim: Simulator) -> None:
    data = api.data(api.send("213472731602", value=3000, line_type="4G", ref="lte-1"))
    order = sim.order_by_id(data["topupId"])
    assert order is not None
    assert (order.type, order.value, order.cost) == ("4G", 3000, 2940)
    shown = api.data(api.get("internet/check-ref/lte-1"))
    assert shown["type"] == "4G"


def test_a_missing_ref_is_generated_and_unique(api: Client, sim: Simulator) -> None:
    first = api.data(api.send())["topupRef"]
    second = api.data(api.send())["topupRef"]  # same fake millisecond
    assert re.fullmatch(r"API-\+213555000000-\d{13}(-\d+)?", first)
    assert first.startswith("API-+213555000000-1768467600000")
    assert second != first
    assert [order.ref for order in sim.accepted()] == [first, second]
    api.data(api.get(f"internet/check-ref/{quote(first, safe='')}"))


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ([1, 2], "body", "body must be object"),
        ("text", "body", "body must be object"),
        ({"number": "036362608", "value": 1000}, "type", "body must have required property 'type'"),
        ({"type": "ADSL", "value": 1000}, "number", "body must have required property 'number'"),
        (
            {"type": "ADSL", "number": "036362608"},
            "value",
            "body must have required property 'value'",
        ),
        (
            {"type": "FTTH", "number": "036362608", "value": 1000},
            "type",
            "body/type must be equal to one of the allowed values",
        ),
        (
            {"type": "ADSL", "number": 36362608, "value": 1000},
            "number",
            "body/number must be string",
        ),
        (
            {"type": "ADSL", "number": "036362608", "value": "1000"},
            "value",
            "body/value must be number",
        ),
        (
            {"type": "ADSL", "number": "036362608", "value": True},
            "value",
            "body/value must be number",
        ),
        (
            {"type": "ADSL", "number": "036362608", "value": None},
            "value",
            "body/value must be number",
        ),
        (
            {"type": "ADSL", "number": "036362608", "value": 999.5},
            "value",
            "body/value must be integer",
        ),
        (
            {"type": "ADSL", "number": "036362608", "value": 1000, "ref": ""},
            "ref",
            "body/ref must NOT have fewer than 1 characters",
        ),
        (
            {"type": "ADSL", "number": "036362608", "value": 1000, "ref": "r" * 65},
            "ref",
            "body/ref must NOT have more than 64 characters",
        ),
        (
            {"type": "ADSL", "number": "036362608", "value": 1000, "ref": 12},
            "ref",
            "body/ref must be string",
        ),
    ],
)
def test_schema_errors(api: Client, sim: Simulator, body: object, field: str, message: str) -> None:
    error = api.error(api.post("internet/send", body), 400, "ERR_VALIDATION")
    assert error["message"] == message
    assert error["details"]["field"] == field
    assert sim.accepted() == []
    assert sim.balance == Decimal("50000.00")


def test_a_body_that_is_not_json_is_a_validation_error(api: Client, sim: Simulator) -> None:
    response = requests.post(
        f"{sim.base_url}/internet/send",
        data=b"{not json",
        headers={"X-Access-Token": "sim-demo-key", "Content-Type": "application/json"},
        timeout=5,
    )
    api.error(response, 400, "ERR_VALIDATION")
    assert sim.accepted() == []


def test_a_64_character_ref_and_an_integral_float_value_are_accepted(
    api: Client, sim: Simulator
) -> None:
    body = {"type": "ADSL", "number": "036362608", "value": 1000.0, "ref": "r" * 64}
    api.data(api.post("internet/send", body))
    assert sim.accepted()[0].value == 1000


def test_schema_is_checked_before_the_duplicate_ref(api: Client) -> None:
    api.data(api.send(ref="dup"))
    response = api.post(
        "internet/send", {"type": "ADSL", "number": "036362608", "value": "x", "ref": "dup"}
    )
    api.error(response, 400, "ERR_VALIDATION")


def test_duplicate_ref_is_checked_before_the_number(api: Client) -> None:
    api.data(api.send(ref="dup"))
    api.error(api.send("12", ref="dup"), 403, "DUPLICATED_REF")


def test_number_is_checked_before_the_product(api: Client) -> None:
    api.error(api.send("12", value=777), 400, "ERR_PHONE")
    api.error(api.send("036362608", value=1000, line_type="4G"), 400, "ERR_PHONE")


def test_unknown_value_is_checked_before_the_balance(
    make_sim: MakeSim, client_for: ClientFor
) -> None:
    api = client_for(make_sim(balance=Decimal("100.00")))
    error = api.error(api.send(value=777), 400, "ERR_VALIDATION")
    assert error["details"] == {"field": "value", "value": 777}


def test_stock_is_checked_before_the_balance(make_sim: MakeSim, client_for: ClientFor) -> None:
    api = client_for(make_sim(balance=Decimal("100.00")))
    error = api.error(api.send(value=3000), 400, "ERR_STOCK")
    assert error["details"] == {"type": "ADSL", "value": 3000}
    api.error(api.send("213472731602", value=1500, line_type="4G"), 400, "ERR_STOCK")


def test_insufficient_balance(make_sim: MakeSim, client_for: ClientFor) -> None:
    sim = make_sim(balance=Decimal("979.50"))
    api = client_for(sim)
    error = api.error(api.send(value=1000), 403, "INSUFFICIENT_BALANCE")
    assert error["message"] == "Your balance is insufficient for this operation"
    assert error["details"] == {"required": 980, "available": 979.5}
    assert sim.accepted() == []
    assert sim.balance == Decimal("979.50")
    api.data(api.send(value=500))
    assert sim.balance == Decimal("489.50")


def test_exact_balance_is_enough(make_sim: MakeSim, client_for: ClientFor) -> None:
    sim = make_sim(balance=Decimal("980"))
    client_for(sim).data(client_for(sim).send(value=1000))
    assert sim.balance == 0


def test_duplicate_ref_leaves_the_first_order_untouched(api: Client, sim: Simulator) -> None:
    first = api.data(api.send(ref="sale-9", value=1000))
    before = sim.order_by_ref("sale-9")
    error = api.error(
        api.send("213472731602", value=2000, line_type="4G", ref="sale-9"), 403, "DUPLICATED_REF"
    )
    assert error["message"] == "This reference ID is already in use"
    assert sim.order_by_ref("sale-9") == before
    assert [order.id for order in sim.accepted()] == [first["topupId"]]
    assert sim.balance == Decimal("49020.00")
    shown = api.data(api.get("internet/check-ref/sale-9"))
    assert (shown["_id"], shown["number"], shown["topup_amount"]) == (
        first["topupId"],
        "036362608",
        1000,
    )


def test_refused_sends_change_nothing(make_sim: MakeSim, client_for: ClientFor) -> None:
    sim = make_sim(balance=Decimal("500"))
    api = client_for(sim)
    api.send("023450000", ref="no-line")
    api.send(value=3000, ref="no-stock")
    api.send(value=1000, ref="too-dear")
    assert sim.accepted() == []
    assert sim.balance == Decimal("500")
    rows = api.data(api.get("account/transactions"))["items"]
    assert [row["type"] for row in rows] == ["DEPOSIT"]
    api.data(api.send(value=500, ref="no-line"))  # refused refs stay free


def test_deposit_credits_the_account(api: Client, sim: Simulator) -> None:
    sim.deposit(Decimal("1000.50"), note="cash in")
    assert sim.balance == Decimal("51000.50")
    row = api.data(api.get("account/transactions"))["items"][0]
    assert (row["type"], row["amount"], row["note"]) == ("DEPOSIT", 1000.5, "cash in")


def test_concurrent_sends_are_all_accounted(api: Client, sim: Simulator) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(lambda i: api.send(ref=f"c-{i}", value=500), range(40)))
    assert all(response.status_code == 200 for response in responses)
    assert len(sim.accepted()) == 40
    assert sim.balance == Decimal("50000.00") - 40 * 490
    assert len({order.id for order in sim.accepted()}) == 40
    assert contract.STATUS_HANDLING in {order.status for order in sim.accepted()}
