"""The client reads every literal example body of the docs, over real loopback HTTP."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pos_app.api import NO_RETRY, OneClickClient
from pos_app.api import errors as api_errors
from pos_app.domain.numbers import LineType
from tests.api.scripted_server import ScriptedServer


def client_for(server: ScriptedServer) -> OneClickClient:
    return OneClickClient(server.base_url, "doc-key", retry=NO_RETRY)


def test_ping(scripted: ScriptedServer) -> None:
    scripted.push_fixture("ping")
    ping = client_for(scripted).ping()
    assert ping.api_ok is True
    assert ping.operators["mobilisFixedPlans"] == "up"
    assert scripted.seen[0].path == "/v3/ping"


@pytest.mark.parametrize("name", ["validate", "validate_quickstart"])
def test_validate_both_shapes(scripted: ScriptedServer, name: str) -> None:
    scripted.push_fixture(name)
    info = client_for(scripted).validate()
    assert info.is_sandbox and info.is_enabled
    assert info.scope == "READ-WRITE"
    assert info.username == "+213665983439"
    assert "ea27b376" not in repr(info)


def test_balance_is_exact_decimal(scripted: ScriptedServer) -> None:
    scripted.push_fixture("balance")
    balance = client_for(scripted).balance()
    assert balance.amount == Decimal("1326.13")
    assert isinstance(balance.amount, Decimal)
    assert balance.currency == "DZD"


def test_balance_changelog_shape(scripted: ScriptedServer) -> None:
    scripted.push_fixture("balance_changelog")
    assert client_for(scripted).balance().amount == Decimal("50000.00")


def test_transactions(scripted: ScriptedServer) -> None:
    scripted.push_fixture("transactions")
    page = client_for(scripted).transactions()
    assert len(page.items) == 1
    row = page.items[0]
    assert (row.type, row.amount) == ("FLEXY", Decimal("500.00"))
    assert row.old_balance is not None and row.new_balance is not None
    assert row.old_balance - row.new_balance == Decimal("500.00")
    assert page.pagination.total_items == 195 and page.pagination.has_next
    assert "pageSize=20" in scripted.seen[0].path


def test_products_reference_shape(scripted: ScriptedServer) -> None:
    scripted.push_fixture("products")
    products = client_for(scripted).products(LineType.ADSL)
    assert products.line_type is LineType.ADSL
    assert [(p.value, p.cost, p.available) for p in products.products] == [
        (500, 490, True),
        (1000, 980, True),
        (2000, 1960, True),
    ]
    assert scripted.seen[0].path == "/v3/internet/products?type=ADSL"


def test_products_bare_list_with_duplicate_keeps_the_available_one(
    scripted: ScriptedServer,
) -> None:
    scripted.push_fixture("products_bare_list_ar")
    products = client_for(scripted).products(LineType.LTE)
    assert products.line_type is LineType.LTE
    five_hundred = products.get(500)
    assert five_hundred is not None
    assert (five_hundred.cost, five_hundred.available) == (490, True)
    assert len(products.products) == 3


def test_check_number_adsl(scripted: ScriptedServer) -> None:
    scripted.push_fixture("check_number_adsl")
    line = client_for(scripted).check_number(LineType.ADSL, "036362608")
    assert (line.ncli, line.offre, line.line_type) == ("11022*****", "FTTc-b_10M'", LineType.ADSL)
    assert scripted.seen[0].path == "/v3/internet/check-number?type=ADSL&number=036362608"


def test_check_number_4g_comes_back_as_4glte(scripted: ScriptedServer) -> None:
    scripted.push_fixture("check_number_4g")
    line = client_for(scripted).check_number(LineType.LTE, "213472731602")
    assert line.line_type is LineType.LTE
    assert line.raw_type == "4GLTE"
    assert line.offre is None


def test_check_number_err_phone(scripted: ScriptedServer) -> None:
    scripted.push_fixture("check_number_err_phone")
    with pytest.raises(api_errors.PhoneError) as info:
        client_for(scripted).check_number(LineType.ADSL, "123456")
    assert info.value.details["reason"] == "Number does not match required format"
    assert isinstance(info.value, api_errors.RefusedError)


def test_send(scripted: ScriptedServer) -> None:
    scripted.push_fixture("send")
    result = client_for(scripted).send(LineType.ADSL, "036362608", 1000, "internet-order-001")
    assert result.topup_id == "690161a3e9e88196b4eb6545"
    assert result.new_balance is None
    seen = scripted.seen[0]
    assert (seen.method, seen.path) == ("POST", "/v3/internet/send")
    assert seen.headers["X-Access-Token"] == "doc-key"
    assert b'"value": 1000' in seen.body and b'"ref": "internet-order-001"' in seen.body


def test_send_with_new_balance(scripted: ScriptedServer) -> None:
    scripted.push_fixture("send_response_format_newbalance")
    result = client_for(scripted).send(LineType.ADSL, "036362608", 1000, "r-1")
    assert result.new_balance == Decimal("826.13")


def test_check_id_fulfilled(scripted: ScriptedServer) -> None:
    scripted.push_fixture("check_id_fulfilled")
    topup = client_for(scripted).check_id("6901616fe9e88196b4eb64b2")
    assert topup.is_final and topup.is_fulfilled
    assert (topup.card_code, topup.num_trans) == ("123456789012", "AT-2025-12345")
    assert topup.date_traitement == "2025-10-29T01:05:30.000Z"
    assert topup.topup_amount == 1000
    assert "123456789012" not in repr(topup)


def test_check_id_handling(scripted: ScriptedServer) -> None:
    scripted.push_fixture("check_id_handling")
    topup = client_for(scripted).check_id("6901616fe9e88196b4eb64b2")
    assert not topup.is_final and topup.status == "HANDLING"
    assert topup.card_code is None


def test_check_ref_not_found(scripted: ScriptedServer) -> None:
    scripted.push_fixture("check_ref_not_found")
    with pytest.raises(api_errors.NotFoundError) as info:
        client_for(scripted).check_ref("order 12345/x")
    assert info.value.http_status == 404
    assert scripted.seen[0].path == "/v3/internet/check-ref/order%2012345%2Fx"


@pytest.mark.parametrize("name", ["list_internet", "list_standard"])
def test_list_both_shapes(scripted: ScriptedServer, name: str) -> None:
    scripted.push_fixture(name)
    page = client_for(scripted).list_topups()
    assert [t.ref for t in page.items] == ["internet-order-001"]
    assert page.items[0].is_fulfilled
    assert page.pagination.has_next is True
    assert page.pagination.total_items in {87, 195}


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("err_validation", api_errors.ValidationError),
        ("insufficient_balance", api_errors.InsufficientBalanceError),
        ("no_balance", api_errors.InsufficientBalanceError),
        ("duplicated_ref", api_errors.DuplicatedRefError),
        ("missing_access_token", api_errors.MissingAccessTokenError),
        ("invalid_access_token", api_errors.InvalidAccessTokenError),
        ("err_auth", api_errors.InvalidAccessTokenError),
        ("ip_blocked", api_errors.IpBlockedError),
        ("check_ref_not_found", api_errors.NotFoundError),
        ("error_envelope", api_errors.UnknownApiError),
    ],
)
def test_every_documented_error_code_has_its_type(
    scripted: ScriptedServer, name: str, kind: type[api_errors.ApiError]
) -> None:
    scripted.push_fixture(name)
    with pytest.raises(kind) as info:
        client_for(scripted).balance()
    assert type(info.value) is kind


def test_error_details_are_exposed(scripted: ScriptedServer) -> None:
    scripted.push_fixture("insufficient_balance")
    scripted.push_fixture("invalid_access_token")
    client = client_for(scripted)
    with pytest.raises(api_errors.InsufficientBalanceError) as low:
        client.send(LineType.ADSL, "036362608", 1000, "r-2")
    assert (low.value.required, low.value.available) == (1000, 500)
    with pytest.raises(api_errors.InvalidAccessTokenError) as wrong:
        client.validate()
    assert wrong.value.attempts_left == 3


def test_missing_token_on_401_is_still_missing_token(scripted: ScriptedServer) -> None:
    """The error-handling page lists MISSING_ACCESS_TOKEN under 401, validate under 400."""
    scripted.push(
        401,
        '{"success": false, "error": {"code": "MISSING_ACCESS_TOKEN", '
        '"message": "Access token is required"}}',
    )
    with pytest.raises(api_errors.MissingAccessTokenError):
        client_for(scripted).validate()
