"""Routing, request validation and the documented JSON shapes of the simulated endpoints.

No sockets here: server.py reads an HTTP request, asks :class:`Api` for the reply and applies
faults around it. Validation messages imitate the API's schema errors
(``body/value must be number``, ``querystring/page must be >= 1``).
"""

from __future__ import annotations

import json
import math
import random
import re
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Final
from urllib.parse import unquote

from pos_app.api import contract
from pos_app.simulator.config import SimConfig
from pos_app.simulator.state import MAX_REF_LENGTH, ApiError, LedgerRow, SimOrder, SimState

API_PREFIX: Final = "/v3/"
LTE_TYPE_ANSWER: Final = "4GLTE"  # what check-number answers for a 4G line
OPERATORS: Final = ("mobilis", "ooredoo", "djezzy", "mobilisFixedPlans")
_REQUEST_ID_ALPHABET: Final = "abcdefghijklmnopqrstuvwxyz0123456789"
_CENT: Final = Decimal("0.01")
# Marks a Decimal during encoding; the random part keeps client text from ever matching it.
_DECIMAL_MARK: Final = f"decimal-{secrets.token_hex(8)}:"
_DECIMAL_STRING: Final = re.compile(f'"{re.escape(_DECIMAL_MARK)}([-+.0-9Ee]+)"')

_FIXED_ROUTES: Final = {
    ("GET", contract.PING): "ping",
    ("GET", contract.VALIDATE): "validate",
    ("GET", contract.BALANCE): "balance",
    ("GET", contract.TRANSACTIONS): "transactions",
    ("GET", contract.PRODUCTS): "products",
    ("GET", contract.CHECK_NUMBER): "check-number",
    ("POST", contract.SEND): "send",
    ("GET", contract.LIST): "list",
}
_PARAM_ROUTES: Final = {contract.CHECK_ID: "check-id", contract.CHECK_REF: "check-ref"}

Query = Mapping[str, str]
Json = dict[str, Any]


@dataclass(frozen=True)
class Route:
    """A matched endpoint (a fault endpoint name) and its URL-decoded path parameter."""

    endpoint: str
    param: str | None = None


@dataclass(frozen=True)
class Reply:
    """An HTTP answer before faults: status, JSON payload and extra headers."""

    status: int
    payload: Json
    headers: tuple[tuple[str, str], ...] = ()

    def body(self) -> bytes:
        """The payload as JSON bytes (Decimal amounts become JSON numbers, digits kept)."""
        return encode_json(self.payload)


@dataclass(frozen=True)
class Paging:
    """Validated list parameters: page, page size and an optional wall-time window."""

    page: int
    page_size: int
    since: datetime | None
    until: datetime | None


def _decimal_marker(value: object) -> object:
    """Stand a Decimal in as a marked string, turned back into a bare number by encode_json."""
    if isinstance(value, Decimal) and value.is_finite():
        return f"{_DECIMAL_MARK}{value}"
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def encode_json(payload: object) -> bytes:
    """JSON bytes where Decimal amounts are written as numbers with their exact digits."""
    text = json.dumps(payload, default=_decimal_marker)
    return _DECIMAL_STRING.sub(r"\1", text).encode()


def find_route(method: str, path: str) -> Route | None:
    """The endpoint a method and raw (still URL-encoded) path ask for, or None."""
    if not path.startswith(API_PREFIX):
        return None
    relative = path[len(API_PREFIX) :]
    endpoint = _FIXED_ROUTES.get((method, relative))
    if endpoint is not None:
        return Route(endpoint)
    head, slash, tail = relative.rpartition("/")
    if method == "GET" and slash and tail and head in _PARAM_ROUTES:
        return Route(_PARAM_ROUTES[head], unquote(tail))
    return None


def _invalid(message: str, field: str, value: object) -> ApiError:
    """An ERR_VALIDATION refusal naming the field at fault."""
    return ApiError(contract.ERR_VALIDATION, message, {"field": field, "value": value})


def _required_query(query: Query, name: str) -> str:
    """A query parameter that must be present."""
    value = query.get(name)
    if value is None or value == "":
        raise _invalid(f"querystring must have required property '{name}'", name, value)
    return value


def _line_type_query(query: Query) -> str:
    """The required ``type`` query parameter: ADSL or 4G."""
    line_type = _required_query(query, "type")
    if line_type not in contract.LINE_TYPES:
        raise _invalid(
            "querystring/type must be equal to one of the allowed values", "type", line_type
        )
    return line_type


def _int_query(query: Query, name: str, default: int, low: int, high: int | None) -> int:
    """An optional integer query parameter within [low, high]."""
    raw = query.get(name)
    if raw is None:
        return default
    try:
        number = int(raw)
    except ValueError:
        raise _invalid(f"querystring/{name} must be integer", name, raw) from None
    if number < low:
        raise _invalid(f"querystring/{name} must be >= {low}", name, raw)
    if high is not None and number > high:
        raise _invalid(f"querystring/{name} must be <= {high}", name, raw)
    return number


def _date_query(query: Query, name: str) -> datetime:
    """An ISO 8601 date-time query parameter."""
    raw = query[name]
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        raise _invalid(f'querystring/{name} must match format "date-time"', name, raw) from None


def parse_paging(query: Query) -> Paging:
    """Validate page, pageSize and the from/to pair of a list endpoint."""
    page = _int_query(query, "page", 1, 1, None)
    size = _int_query(query, "pageSize", contract.DEFAULT_PAGE_SIZE, 1, contract.MAX_PAGE_SIZE)
    has_from, has_to = "from" in query, "to" in query
    if has_from != has_to:
        missing = "to" if has_from else "from"
        raise _invalid("querystring/from and querystring/to must be sent together", missing, None)
    if not has_from:
        return Paging(page, size, None, None)
    return Paging(page, size, _date_query(query, "from"), _date_query(query, "to"))


@dataclass(frozen=True)
class SendRequest:
    """A schema-valid internet/send body."""

    type: str
    number: str
    value: int
    ref: str | None


def parse_send(body: object) -> SendRequest:
    """Check a send body against the schema, field by field in the documented order."""
    if not isinstance(body, dict):
        raise _invalid("body must be object", "body", None)
    for name in ("type", "number", "value"):
        if name not in body:
            raise _invalid(f"body must have required property '{name}'", name, None)
    line_type, number, value = body["type"], body["number"], body["value"]
    if line_type not in contract.LINE_TYPES:
        raise _invalid("body/type must be equal to one of the allowed values", "type", line_type)
    if not isinstance(number, str):
        raise _invalid("body/number must be string", "number", number)
    return SendRequest(line_type, number, _card_value(value), _optional_ref(body))


def _card_value(value: object) -> int:
    """The ``value`` field: an integral JSON number (a bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _invalid("body/value must be number", "value", value)
    if isinstance(value, float) and not value.is_integer():
        raise _invalid("body/value must be integer", "value", value)
    return int(value)


def _optional_ref(body: Mapping[str, object]) -> str | None:
    """The optional ``ref`` field: a string of 1 to MAX_REF_LENGTH characters."""
    if "ref" not in body:
        return None
    ref = body["ref"]
    if not isinstance(ref, str):
        raise _invalid("body/ref must be string", "ref", ref)
    if not ref:
        raise _invalid("body/ref must NOT have fewer than 1 characters", "ref", ref)
    if len(ref) > MAX_REF_LENGTH:
        raise _invalid(f"body/ref must NOT have more than {MAX_REF_LENGTH} characters", "ref", ref)
    return ref


def topup_json(order: SimOrder) -> Json:
    """A top-up as check-id, check-ref and list show it (card fields only when FULFILLED)."""
    shown: Json = {
        "_id": order.id,
        "ref": order.ref,
        "status": order.status,
        "type": order.type,
        "number": order.number,
        "topup_amount": order.value,
    }
    if order.status == contract.STATUS_FULFILLED:
        shown["card_code"] = order.card_code
        shown["num_trans"] = order.num_trans
        shown["date_traitement"] = order.processed_at
    shown["created_at"] = order.created_at
    return shown


def without_card_codes(payload: Json) -> Json:
    """A check-id, check-ref or list envelope whose FULFILLED top-ups lack ``card_code``."""
    data = payload.get("data")
    if not isinstance(data, dict):
        return payload  # an error envelope: nothing to hide
    topups = data.get("topups")
    if isinstance(topups, list):
        shown: Json = {**data, "topups": [_without_card_code(item) for item in topups]}
    else:
        shown = _without_card_code(data)
    return {**payload, "data": shown}


def _without_card_code(item: object) -> Any:
    """A top-up without its card code if it is FULFILLED; anything else unchanged."""
    if not isinstance(item, dict) or item.get("status") != contract.STATUS_FULFILLED:
        return item
    return {name: shown for name, shown in item.items() if name != "card_code"}


def ledger_json(row: LedgerRow) -> Json:
    """A ledger row as account/transactions shows it."""
    return {
        "_id": row.id,
        "type": row.type,
        "operation": row.operation,
        "amount": _money(row.amount),
        "oldBalance": _money(row.old_balance),
        "newBalance": _money(row.new_balance),
        "objid": row.objid,
        "note": row.note,
        "time": row.time_iso,
    }


def _money(amount: Decimal) -> Decimal:
    """An amount rounded to the cent."""
    return amount.quantize(_CENT)


def _page_count(total: int, page_size: int) -> int:
    return math.ceil(total / page_size)


Handler = Callable[[Route, Query, object], Reply]


class Api:
    """Answers one routed request from the state, in the documented envelopes."""

    def __init__(self, state: SimState, config: SimConfig) -> None:
        self._state = state
        self._config = config
        self._ids_lock = threading.Lock()
        self._ids = random.Random(f"{config.seed}:request-ids")
        self._handlers: dict[str, Handler] = {
            "ping": self._ping,
            "validate": self._validate,
            "balance": self._balance,
            "transactions": self._transactions,
            "products": self._products,
            "check-number": self._check_number,
            "send": self._send,
            "check-id": self._check_id,
            "check-ref": self._check_ref,
            "list": self._list,
        }

    # --- envelopes ------------------------------------------------------------------------

    def _request_id(self) -> str:
        """req_<ms>_<6 alnum>, from the simulated wall time and a seeded source."""
        with self._ids_lock:
            suffix = "".join(self._ids.choices(_REQUEST_ID_ALPHABET, k=6))
        return f"req_{self._state.wall_ms(self._state.now())}_{suffix}"

    def ok(self, data: object, **meta: object) -> Reply:
        """A success envelope (HTTP 200)."""
        envelope: Json = {
            "success": True,
            "data": data,
            "meta": {"timestamp": self._state.iso(self._state.now()), **meta},
            "requestId": self._request_id(),
        }
        return Reply(200, envelope)

    def error(
        self,
        code: str,
        message: str,
        details: dict[str, object] | None = None,
        headers: tuple[tuple[str, str], ...] = (),
        status: int | None = None,
    ) -> Reply:
        """An error envelope with the HTTP status the contract gives its code (or ``status``)."""
        error: Json = {"code": code, "message": message}
        if details is not None:
            error["details"] = details
        envelope: Json = {"success": False, "error": error, "requestId": self._request_id()}
        chosen = contract.HTTP_STATUS[code] if status is None else status
        return Reply(chosen, envelope, headers)

    def unknown_route(self, method: str, path: str) -> Reply:
        """The 404 of a path or method the API does not serve."""
        return self.error(contract.NOT_FOUND, f"Route {method}:{path} not found")

    def handle(self, route: Route, query: Query, body: object, token: str | None, ip: str) -> Reply:
        """Authenticate (except ping), then answer the request or its documented refusal."""
        refusal = self.admit(route, token, ip)
        return refusal if refusal is not None else self.serve(route, query, body)

    def admit(self, route: Route, token: str | None, ip: str) -> Reply | None:
        """The refusal of a request's key (ping needs none), or None when it may go on."""
        if route.endpoint == "ping":
            return None
        try:
            self._state.authenticate(ip, token)
        except ApiError as refusal:
            return self.error(refusal.code, refusal.message, refusal.details)
        return None

    def serve(self, route: Route, query: Query, body: object) -> Reply:
        """The answer of an admitted request, or its documented refusal."""
        try:
            return self._handlers[route.endpoint](route, query, body)
        except ApiError as refusal:
            return self.error(refusal.code, refusal.message, refusal.details)

    def send_request(self, body: object) -> SendRequest | Reply:
        """A send body checked against the schema, or its ERR_VALIDATION refusal."""
        try:
            return parse_send(body)
        except ApiError as refusal:
            return self.error(refusal.code, refusal.message, refusal.details)

    # --- endpoints ------------------------------------------------------------------------

    def _ping(self, route: Route, query: Query, body: object) -> Reply:
        return self.ok({"api": "ok", "operators": dict.fromkeys(OPERATORS, "up")})

    def _validate(self, route: Route, query: Query, body: object) -> Reply:
        key = {
            "key": self._config.key,
            "isEnabled": True,
            "type": self._config.key_type,
            "allowedips": [],
            "scope": "READ-WRITE",
        }
        return self.ok({"username": self._config.username, "apiKey": key})

    def _balance(self, route: Route, query: Query, body: object) -> Reply:
        return self.ok({"balance": _money(self._state.balance())})

    def _transactions(self, route: Route, query: Query, body: object) -> Reply:
        paging = parse_paging(query)
        rows, total = self._state.ledger_page(
            paging.page, paging.page_size, paging.since, paging.until
        )
        pagination = {
            "page": paging.page,
            "pageSize": paging.page_size,
            "totalPages": _page_count(total, paging.page_size),
            "totalResults": total,
        }
        return self.ok({"items": [ledger_json(row) for row in rows], "pagination": pagination})

    def _products(self, route: Route, query: Query, body: object) -> Reply:
        line_type = _line_type_query(query)
        products = [
            {"value": p.value, "cost": p.cost, "available": p.available}
            for p in self._state.products(line_type)
        ]
        return self.ok({"type": line_type, "products": products})

    def _check_number(self, route: Route, query: Query, body: object) -> Reply:
        line_type = _line_type_query(query)
        number = _required_query(query, "number")
        line = self._state.check_number(line_type, number)
        if line.offre is None:
            return self.ok({"ncli": line.ncli, "type": LTE_TYPE_ANSWER})
        return self.ok({"ncli": line.ncli, "offre": line.offre, "type": line_type})

    def _send(self, route: Route, query: Query, body: object) -> Reply:
        request = parse_send(body)
        order = self._state.send(request.type, request.number, request.value, request.ref)
        return self.ok({"topupId": order.id, "topupRef": order.ref})

    def _check_id(self, route: Route, query: Query, body: object) -> Reply:
        order = self._state.order_by_id(route.param or "")
        if order is None:
            raise ApiError(contract.NOT_FOUND, f"Top-up with id '{route.param}' not found")
        return self.ok(topup_json(order))

    def _check_ref(self, route: Route, query: Query, body: object) -> Reply:
        order = self._state.order_by_ref(route.param or "")
        if order is None:
            raise ApiError(contract.NOT_FOUND, f"Top-up with reference '{route.param}' not found")
        return self.ok(topup_json(order))

    def _list(self, route: Route, query: Query, body: object) -> Reply:
        paging = parse_paging(query)
        orders, total = self._state.orders_page(
            paging.page, paging.page_size, paging.since, paging.until
        )
        pages = _page_count(total, paging.page_size)
        pagination = {
            "currentPage": paging.page,
            "totalPages": pages,
            "totalItems": total,
            "hasNextPage": paging.page < pages,
        }
        return self.ok({"topups": [topup_json(order) for order in orders]}, pagination=pagination)
