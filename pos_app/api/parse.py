"""Turn decoded JSON payloads into typed results, defensively.

Where the public docs disagree, both readings are accepted (see each function). Extra fields
are ignored. A payload missing what a result cannot do without raises
``MalformedResponseError``; one bad entry in a list is skipped and logged, not fatal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

from pos_app.api import contract
from pos_app.api.errors import MalformedResponseError
from pos_app.api.models import (
    Balance,
    KeyInfo,
    LineInfo,
    Page,
    Pagination,
    Ping,
    Product,
    ProductList,
    SendResult,
    Topup,
    Transaction,
)
from pos_app.domain.money import parse_balance, parse_dinars
from pos_app.domain.numbers import LineType
from pos_app.domain.redaction import register_code

log = logging.getLogger(__name__)
T = TypeVar("T")


def _obj(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise MalformedResponseError(f"{what}: expected an object, got {type(value).__name__}")
    return value


def _str(obj: Mapping[str, Any], key: str, what: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value:
        raise MalformedResponseError(f"{what}: field {key!r} missing or not a string")
    return value


def _opt_str(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else None


def _opt_int(value: object) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, (Decimal, str)):
        try:
            return parse_dinars(value)
        except ValueError:
            return None
    return None


def _money(value: object, what: str) -> Decimal:
    try:
        return parse_balance(value)
    except ValueError as exc:
        raise MalformedResponseError(f"{what}: {exc}") from None


def _opt_money(value: object) -> Decimal | None:
    try:
        return None if value is None else parse_balance(value)
    except ValueError:
        return None


def line_type(raw: object) -> LineType | None:
    """ADSL, or 4G under any of its spellings ("4G", "4GLTE"); None for anything else."""
    if not isinstance(raw, str):
        return None
    text = raw.strip().upper()
    if text == contract.TYPE_ADSL:
        return LineType.ADSL
    if text in contract.TYPE_4G_ALIASES:
        return LineType.LTE
    return None


def ping(data: object) -> Ping:
    obj = _obj(data, "ping")
    operators = obj.get("operators")
    ops = {str(k): str(v) for k, v in operators.items()} if isinstance(operators, Mapping) else {}
    return Ping(api_ok=obj.get("api") == "ok", operators=ops)


def key_info(data: object) -> KeyInfo:
    """/validate. The Quickstart's shorter apiKey (type, scope, isEnabled only) is accepted."""
    obj = _obj(data, "validate")
    key = _obj(obj.get("apiKey"), "validate.apiKey")
    ips = key.get("allowedips")
    return KeyInfo(
        username=_opt_str(obj, "username") or "",
        key_type=_str(key, "type", "validate.apiKey"),
        is_enabled=key.get("isEnabled") is True,
        scope=_opt_str(key, "scope"),
        allowed_ips=tuple(str(ip) for ip in ips) if isinstance(ips, list) else (),
    )


def balance(data: object) -> Balance:
    """account/balance; ``currency`` appears only in the changelog's example, so optional."""
    obj = _obj(data, "balance")
    if "balance" not in obj:
        raise MalformedResponseError("balance: field 'balance' missing")
    return Balance(
        amount=_money(obj["balance"], "balance"), currency=_opt_str(obj, "currency") or "DZD"
    )


def transaction(item: object) -> Transaction:
    obj = _obj(item, "transaction")
    return Transaction(
        id=_opt_str(obj, "_id") or _opt_str(obj, "id") or "",
        type=_str(obj, "type", "transaction"),
        amount=_money(obj.get("amount"), "transaction.amount"),
        old_balance=_opt_money(obj.get("oldBalance")),
        new_balance=_opt_money(obj.get("newBalance")),
        operation=_opt_str(obj, "operation"),
        objid=_opt_str(obj, "objid"),
        note=_opt_str(obj, "note"),
        time=_opt_str(obj, "time"),
    )


def products(data: object, requested: LineType) -> ProductList:
    """internet/products as ``data.products`` (reference) or a bare list (Arabic guide).

    Duplicate face values are possible (the Arabic guide shows two 500 entries): one entry
    per value is kept, the available one, else the cheaper.
    """
    if isinstance(data, list):
        entries: list[Any] = data
        kind = requested
    else:
        obj = _obj(data, "products")
        raw = obj.get("products")
        if not isinstance(raw, list):
            raise MalformedResponseError("products: field 'products' missing or not a list")
        entries = raw
        kind = line_type(obj.get("type")) or requested
    best: dict[int, Product] = {}
    for entry in entries:
        try:
            item = _obj(entry, "product")
            product = Product(
                value=parse_dinars(item.get("value")),
                cost=parse_dinars(item.get("cost")),
                available=item.get("available") is True,
            )
        except (MalformedResponseError, ValueError) as exc:
            log.warning("skipping a malformed product entry: %s", exc)
            continue
        kept = best.get(product.value)
        if kept is None or (product.available, -product.cost) > (kept.available, -kept.cost):
            best[product.value] = product
    return ProductList(line_type=kind, products=tuple(sorted(best.values(), key=lambda p: p.value)))


def line_info(data: object, requested: LineType, number: str) -> LineInfo:
    """internet/check-number; 4G lines come back typed "4GLTE"."""
    obj = _obj(data, "check-number")
    raw_type = _opt_str(obj, "type") or requested.value
    return LineInfo(
        line_type=line_type(raw_type) or requested,
        number=number,
        ncli=_opt_str(obj, "ncli"),
        offre=_opt_str(obj, "offre"),
        raw_type=raw_type,
    )


def send_result(data: object) -> SendResult:
    """internet/send; ``newBalance`` appears only on the Response Format page: optional."""
    obj = _obj(data, "send")
    return SendResult(
        topup_id=_str(obj, "topupId", "send"),
        topup_ref=_str(obj, "topupRef", "send"),
        new_balance=_opt_money(obj.get("newBalance")),
    )


def topup(data: object) -> Topup:
    """check-id / check-ref / list item. Unknown statuses are kept as written."""
    obj = _obj(data, "topup")
    status = _str(obj, "status", "topup").strip().upper()
    card_code = _opt_str(obj, "card_code")
    register_code(card_code)  # from the moment it arrives, whoever's sale it is
    return Topup(
        id=_str(obj, "_id", "topup"),
        ref=_opt_str(obj, "ref"),
        status=status,
        line_type=line_type(obj.get("type")),
        number=_opt_str(obj, "number"),
        topup_amount=_opt_int(obj.get("topup_amount")),
        card_code=card_code,
        num_trans=_opt_str(obj, "num_trans"),
        date_traitement=_opt_str(obj, "date_traitement"),
        created_at=_opt_str(obj, "created_at"),
    )


def _pagination(raw: object, count: int, page: int) -> Pagination:
    """Either ``{page, pageSize, totalPages, totalResults}`` or
    ``{currentPage, totalPages, totalItems, hasNextPage}``; absent means one page."""
    if not isinstance(raw, Mapping):
        return Pagination(
            page=page, page_size=None, total_pages=None, total_items=count, has_next=False
        )
    current = _opt_int(raw.get("page")) or _opt_int(raw.get("currentPage")) or page
    total_pages = _opt_int(raw.get("totalPages"))
    has_next_raw = raw.get("hasNextPage")
    has_next = (
        has_next_raw
        if isinstance(has_next_raw, bool)
        else total_pages is not None and current < total_pages
    )
    total_items = _opt_int(raw.get("totalResults"))
    if total_items is None:
        total_items = _opt_int(raw.get("totalItems"))
    return Pagination(
        page=current,
        page_size=_opt_int(raw.get("pageSize")),
        total_pages=total_pages,
        total_items=total_items,
        has_next=has_next,
    )


def page(
    data: object,
    meta: object,
    item: Callable[[object], T],
    *,
    list_keys: tuple[str, ...] = ("items", "topups"),
    requested_page: int = 1,
) -> Page[T]:
    """A list endpoint as ``data.items`` + ``data.pagination`` (standard) or ``data.topups``
    + ``meta.pagination`` (internet/list page), or a bare list."""
    raw_items: object
    pagination_raw: object = None
    if isinstance(data, list):
        raw_items = data
    else:
        obj = _obj(data, "list")
        raw_items = next((obj[k] for k in list_keys if isinstance(obj.get(k), list)), None)
        if raw_items is None:
            raise MalformedResponseError(f"list: none of {list_keys} is a list")
        pagination_raw = obj.get("pagination")
    if pagination_raw is None and isinstance(meta, Mapping):
        pagination_raw = meta.get("pagination")
    assert isinstance(raw_items, list)
    parsed: list[T] = []
    for entry in raw_items:
        try:
            parsed.append(item(entry))
        except (MalformedResponseError, ValueError) as exc:
            log.warning("skipping a malformed list entry: %s", exc)
    return Page(
        items=tuple(parsed),
        pagination=_pagination(pagination_raw, len(parsed), requested_page),
    )
