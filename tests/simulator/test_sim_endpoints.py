"""Shapes of every simulated endpoint, their envelopes and their validation errors."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import pytest
import requests

from pos_app.simulator import Simulator
from tests.simulator.conftest import Client, ClientFor, MakeSim
from tests.support.clock import Clock

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
REQUEST_ID = re.compile(r"^req_\d{13}_[a-z0-9]{6}$")
HEX24 = re.compile(r"^[0-9a-f]{24}$")


def test_success_envelope_and_headers(api: Client) -> None:
    response = api.get("account/balance")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    assert response.headers["Connection"] == "close"
    payload = response.json()
    assert set(payload) == {"success", "data", "meta", "requestId"}
    assert payload["success"] is True
    assert TIMESTAMP.match(payload["meta"]["timestamp"])
    assert payload["meta"]["timestamp"] == "2026-01-15T09:00:00.000Z"
    assert REQUEST_ID.match(payload["requestId"])


def test_error_envelope_and_headers(api: Client) -> None:
    response = api.get("internet/products")
    assert response.headers["Content-Type"] == "application/json"
    assert response.headers["Connection"] == "close"
    payload = response.json()
    assert set(payload) == {"success", "error", "requestId"}
    assert REQUEST_ID.match(payload["requestId"])
    assert set(payload["error"]) == {"code", "message", "details"}


def test_meta_timestamp_follows_the_fake_clock(api: Client, clock: Clock) -> None:
    clock.advance(90.5)
    payload = api.get("ping").json()
    assert payload["meta"]["timestamp"] == "2026-01-15T09:01:30.500Z"


def test_ping(api: Client) -> None:
    data = api.data(api.get("ping", key=""))
    assert data == {
        "api": "ok",
        "operators": {"mobilis": "up", "ooredoo": "up", "djezzy": "up", "mobilisFixedPlans": "up"},
    }


def test_validate(api: Client) -> None:
    data = api.data(api.get("validate"))
    assert data == {
        "username": "+213555000000",
        "apiKey": {
            "key": "sim-demo-key",
            "isEnabled": True,
            "type": "SANDBOX",
            "allowedips": [],
            "scope": "READ-WRITE",
        },
    }


def test_validate_reports_the_configured_key_and_type(
    make_sim: MakeSim, client_for: ClientFor
) -> None:
    sim = make_sim(key="prod-key", key_type="PRODUCTION")
    data = client_for(sim, key="prod-key").data(client_for(sim, key="prod-key").get("validate"))
    assert data["apiKey"]["key"] == "prod-key"
    assert data["apiKey"]["type"] == "PRODUCTION"


def test_balance_is_a_two_decimal_json_number(api: Client) -> None:
    response = api.get("account/balance")
    assert api.data(response) == {"balance": 50000.0}
    assert '"balance": 50000.00' in response.text
    exact = response.json(parse_float=Decimal)["data"]["balance"]
    assert exact == Decimal("50000.00")


def test_balance_is_configurable(make_sim: MakeSim, client_for: ClientFor) -> None:
    sim = make_sim(balance=Decimal("1326.13"))
    response = client_for(sim).get("account/balance")
    assert response.json(parse_float=Decimal)["data"]["balance"] == Decimal("1326.13")
    assert sim.balance == Decimal("1326.13")


@pytest.mark.parametrize(
    ("line_type", "expected"),
    [
        ("ADSL", [(500, 490, True), (1000, 980, True), (2000, 1960, True), (3000, 2940, False)]),
        (
            "4G",
            [
                (500, 490, True),
                (1000, 980, True),
                (1500, 1470, False),
                (2000, 1960, True),
                (3000, 2940, True),
            ],
        ),
    ],
)
def test_products(api: Client, line_type: str, expected: list[tuple[int, int, bool]]) -> None:
    data = api.data(api.get("internet/products", type=line_type))
    assert data["type"] == line_type
    assert [(p["value"], p["cost"], p["available"]) for p in data["products"]] == expected
    assert all(set(p) == {"value", "cost", "available"} for p in data["products"])


@pytest.mark.parametrize("params", [{}, {"type": ""}, {"type": "FIBRE"}, {"type": "adsl"}])
def test_products_rejects_missing_or_bad_type(api: Client, params: dict[str, Any]) -> None:
    error = api.error(api.get("internet/products", **params), 400, "ERR_VALIDATION")
    assert error["details"]["field"] == "type"


def test_set_stock_changes_availability(api: Client, sim: Simulator) -> None:
    sim.set_stock("ADSL", 3000, True)
    sim.set_stock("ADSL", 500, False)
    products = api.data(api.get("internet/products", type="ADSL"))["products"]
    by_value = {p["value"]: p["available"] for p in products}
    assert by_value == {500: False, 1000: True, 2000: True, 3000: True}


def test_check_number_adsl(api: Client) -> None:
    data = api.data(api.get("internet/check-number", type="ADSL", number="036362608"))
    assert set(data) == {"ncli", "offre", "type"}
    assert data["type"] == "ADSL"
    assert re.fullmatch(r"1\d{4}\*{5}", data["ncli"])
    assert isinstance(data["offre"], str)
    assert data["offre"]
    again = api.data(api.get("internet/check-number", type="ADSL", number="036362608"))
    assert again == data


def test_check_number_is_derived_from_the_number(api: Client) -> None:
    ncli = {
        api.data(api.get("internet/check-number", type="ADSL", number=number))["ncli"]
        for number in ("036362608", "021000001", "045678912", "031234567")
    }
    assert len(ncli) > 1


def test_check_number_4g_answers_4glte(api: Client) -> None:
    data = api.data(api.get("internet/check-number", type="4G", number="213472731602"))
    assert set(data) == {"ncli", "type"}
    assert data["type"] == "4GLTE"
    assert re.fullmatch(r"1\d{4}\*{5}", data["ncli"])


@pytest.mark.parametrize(
    ("line_type", "number", "reason"),
    [
        ("ADSL", "123456", "Number does not match required format"),
        ("ADSL", "36362608", "Number does not match required format"),
        ("ADSL", "0363626081", "Number does not match required format"),
        ("ADSL", "213472731602", "Number does not match the service type"),
        ("4G", "036362608", "Number does not match the service type"),
        ("4G", "0472731602", "Number does not match required format"),
        ("4G", "+213472731602", "Number does not match required format"),
        ("ADSL", "023450000", "Line does not exist"),
        ("4G", "213550000000", "Line does not exist"),
    ],
)
def test_check_number_err_phone(api: Client, line_type: str, number: str, reason: str) -> None:
    response = api.get("internet/check-number", type=line_type, number=number)
    error = api.error(response, 400, "ERR_PHONE")
    assert error["message"] == f"Invalid phone number for {line_type} service"
    assert error["details"] == {"number": number, "type": line_type, "reason": reason}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"number": "036362608"}, "type"),
        ({"type": "ADSL"}, "number"),
        ({"type": "VDSL", "number": "036362608"}, "type"),
    ],
)
def test_check_number_validation(api: Client, params: dict[str, Any], field: str) -> None:
    error = api.error(api.get("internet/check-number", **params), 400, "ERR_VALIDATION")
    assert error["details"]["field"] == field


def test_unknown_route_is_404(api: Client) -> None:
    api.error(api.get("internet/nothing"), 404, "NOT_FOUND")
    api.error(api.get("mobile/plans"), 404, "NOT_FOUND")
    response = requests.get(api.sim.base_url.removesuffix("/v3") + "/ping", timeout=5)
    api.error(response, 404, "NOT_FOUND")


def test_wrong_method_is_404(api: Client) -> None:
    api.error(api.get("internet/send"), 404, "NOT_FOUND")
    api.error(api.post("account/balance", {}), 404, "NOT_FOUND")


def test_check_id_and_check_ref_show_the_topup(api: Client, sim: Simulator) -> None:
    sent = api.data(api.send(ref="shop1-0001"))
    by_id = api.data(api.get(f"internet/check-id/{sent['topupId']}"))
    by_ref = api.data(api.get("internet/check-ref/shop1-0001"))
    assert by_id == by_ref
    assert by_id == {
        "_id": sent["topupId"],
        "ref": "shop1-0001",
        "status": "HANDLING",
        "type": "ADSL",
        "number": "036362608",
        "topup_amount": 1000,
        "created_at": "2026-01-15T09:00:00.000Z",
    }
    assert HEX24.match(by_id["_id"])


def test_check_ref_is_url_decoded(api: Client) -> None:
    ref = "caisse 2/vente#7?x=1&é"
    api.data(api.send(ref=ref))
    encoded = quote(ref, safe="")
    data = api.data(api.get(f"internet/check-ref/{encoded}"))
    assert data["ref"] == ref


def test_check_ref_unknown_is_404(api: Client) -> None:
    error = api.error(api.get("internet/check-ref/order-12345"), 404, "NOT_FOUND")
    assert error["message"] == "Top-up with reference 'order-12345' not found"


def test_check_id_unknown_is_404(api: Client) -> None:
    error = api.error(api.get("internet/check-id/6901616fe9e88196b4eb64b2"), 404, "NOT_FOUND")
    assert "6901616fe9e88196b4eb64b2" in error["message"]


def test_list_shape_newest_first(api: Client, clock: Clock) -> None:
    refs = []
    for index in range(3):
        refs.append(f"r-{index}")
        api.data(api.send(ref=refs[-1]))
        clock.advance(1)
    payload = api.get("internet/list").json()
    assert payload["success"] is True
    assert [t["ref"] for t in payload["data"]["topups"]] == list(reversed(refs))
    assert payload["meta"]["pagination"] == {
        "currentPage": 1,
        "totalPages": 1,
        "totalItems": 3,
        "hasNextPage": False,
    }
    assert TIMESTAMP.match(payload["meta"]["timestamp"])


def test_list_pages(api: Client) -> None:
    for index in range(5):
        api.data(api.send(ref=f"p-{index}"))
    first = api.get("internet/list", page=1, pageSize=2).json()
    last = api.get("internet/list", page=3, pageSize=2).json()
    assert [t["ref"] for t in first["data"]["topups"]] == ["p-4", "p-3"]
    assert first["meta"]["pagination"] == {
        "currentPage": 1,
        "totalPages": 3,
        "totalItems": 5,
        "hasNextPage": True,
    }
    assert [t["ref"] for t in last["data"]["topups"]] == ["p-0"]
    assert last["meta"]["pagination"]["hasNextPage"] is False


def test_list_filters_on_created_time(api: Client, clock: Clock) -> None:
    api.data(api.send(ref="early"))
    clock.advance(3600)
    api.data(api.send(ref="late"))
    window = {"from": "2026-01-15T09:30:00Z", "to": "2026-01-15T23:59:59Z"}
    topups = api.data(api.get("internet/list", **window))["topups"]
    assert [t["ref"] for t in topups] == ["late"]
    before = {"from": "2026-01-14T00:00:00Z", "to": "2026-01-15T09:00:00Z"}
    assert [t["ref"] for t in api.data(api.get("internet/list", **before))["topups"]] == ["early"]


@pytest.mark.parametrize("path", ["internet/list", "account/transactions"])
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page": 0}, "page"),
        ({"page": "x"}, "page"),
        ({"pageSize": 0}, "pageSize"),
        ({"pageSize": 101}, "pageSize"),
        ({"from": "2026-01-01T00:00:00Z"}, "to"),
        ({"to": "2026-01-01T00:00:00Z"}, "from"),
        ({"from": "yesterday", "to": "2026-01-01T00:00:00Z"}, "from"),
    ],
)
def test_list_parameters_are_validated(
    api: Client, path: str, params: dict[str, Any], field: str
) -> None:
    error = api.error(api.get(path, **params), 400, "ERR_VALIDATION")
    assert error["details"]["field"] == field


@pytest.mark.parametrize("path", ["internet/list", "account/transactions"])
def test_page_size_bounds_are_inclusive(api: Client, path: str) -> None:
    api.data(api.get(path, pageSize=1))
    api.data(api.get(path, pageSize=100))


def test_transactions_shape(api: Client, sim: Simulator) -> None:
    sent = api.data(api.send(ref="t-1", value=2000))
    data = api.data(api.get("account/transactions"))
    assert data["pagination"] == {"page": 1, "pageSize": 20, "totalPages": 1, "totalResults": 2}
    debit, deposit = data["items"]
    keys = {"_id", "type", "operation", "amount", "oldBalance", "newBalance", "objid", "note"}
    assert set(debit) == keys | {"time"}
    assert debit["type"] == "ADSL"
    assert debit["objid"] == sent["topupId"]
    assert (debit["amount"], debit["oldBalance"], debit["newBalance"]) == (1960, 50000, 48040)
    assert debit["operation"] == "DECREMENT"
    assert deposit["type"] == "DEPOSIT"
    assert deposit["operation"] == "INCREMENT"
    assert (deposit["amount"], deposit["newBalance"]) == (50000, 50000)
    assert HEX24.match(debit["_id"])
    assert TIMESTAMP.match(debit["time"])


def test_transactions_pages_and_window(api: Client, clock: Clock) -> None:
    for index in range(4):
        clock.advance(600)
        api.data(api.send("036360009", ref=f"w-{index}", value=500))  # FULFILLED, no refund
    page = api.data(api.get("account/transactions", page=2, pageSize=2))
    assert page["pagination"] == {"page": 2, "pageSize": 2, "totalPages": 3, "totalResults": 5}
    assert [row["type"] for row in page["items"]] == ["ADSL", "ADSL"]
    window = {"from": "2026-01-15T09:15:00Z", "to": "2026-01-15T09:35:00Z"}
    rows = api.data(api.get("account/transactions", **window))["items"]
    assert [row["time"] for row in rows] == ["2026-01-15T09:30:00.000Z", "2026-01-15T09:20:00.000Z"]


def test_request_log_records_each_request(api: Client, sim: Simulator) -> None:
    api.send(ref="logged")
    api.get("internet/products", type="4G")
    send, products = sim.requests()
    assert (send.method, send.path, send.status, send.fault) == (
        "POST",
        "/v3/internet/send",
        200,
        None,
    )
    assert send.body == {"type": "ADSL", "number": "036362608", "value": 1000, "ref": "logged"}
    assert send.endpoint == "send"
    assert products.query == {"type": "4G"}
    assert products.body is None
    assert json.dumps(products.query)
