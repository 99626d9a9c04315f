"""A receipt as a plain value: what one printed slip says about one stored sale, and the lines
it reads as in a given wording. No Qt: the drawing (``render``) and the command line share it.

A receipt never carries the wholesale cost, and shows the card code only for a sale that was
delivered (FULFILLED with a code).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Final

from pos_app.api import contract
from pos_app.domain.cards import group_code
from pos_app.domain.money import format_dzd
from pos_app.domain.numbers import LineType, group_number
from pos_app.domain.sale_states import SaleState
from pos_app.orders import messages
from pos_app.receipts import texts
from pos_app.receipts.texts import ENGLISH, Wording
from pos_app.store.sale_records import SaleRecord

MASK: Final = "•"
"""What stands for a hidden digit of a masked number."""
SHOWN_DIGITS: Final = 4
"""Digits of a masked number left visible (the last ones)."""
CLAIM_NUMBER_DIGITS: Final = 6
TIME_FORMAT: Final = "%Y-%m-%d %H:%M"
LRI: Final = "\u2066"
"""LEFT-TO-RIGHT ISOLATE: opens data kept left to right inside right-to-left words."""
PDI: Final = "\u2069"
NO_BREAK_SPACE: Final = "\u00a0"  # between an amount's figure and its currency
"""POP DIRECTIONAL ISOLATE: closes it."""


class ReceiptKind(StrEnum):
    """Which slip a sale prints."""

    SALE = "sale"  # delivered: the card code
    CLAIM = "claim"  # not final, or a person must look: a numbered slip to collect later
    REFUND = "refund"  # the customer's money goes back


_REFUND_STATES: Final = frozenset({SaleState.REFUNDED, SaleState.REJECTED, SaleState.CANCELLED})

STATE_LABELS: Final = {
    SaleState.WAITING: texts.STATE_WAITING,
    SaleState.SENDING: texts.STATE_SENDING,
    SaleState.UNKNOWN: texts.STATE_UNKNOWN,
    SaleState.ACCEPTED: texts.STATE_ACCEPTED,
    SaleState.QUEUED: texts.STATE_QUEUED,
    SaleState.VERIFYING: texts.STATE_VERIFYING,
    SaleState.CODE_PENDING: texts.STATE_CODE_PENDING,
    SaleState.CODE_MISSING: texts.STATE_CODE_MISSING,
    SaleState.CONFLICT: texts.STATE_CONFLICT,
    SaleState.FULFILLED: texts.STATE_FULFILLED,
    SaleState.REFUNDED: texts.STATE_REFUNDED,
    SaleState.REJECTED: texts.STATE_REJECTED,
    SaleState.CANCELLED: texts.STATE_CANCELLED,
}
"""The English source label of every state (``texts``)."""

_CLAIM_NOTICES: Final = {
    SaleState.QUEUED: texts.CLAIM_QUEUED,
    SaleState.UNKNOWN: texts.CLAIM_CHECKING,
    SaleState.VERIFYING: texts.CLAIM_CHECKING,
    SaleState.CODE_MISSING: texts.CLAIM_MANAGER,
    SaleState.CONFLICT: texts.CLAIM_MANAGER,
}
_TITLES: Final = {
    ReceiptKind.SALE: texts.SALE_TITLE,
    ReceiptKind.CLAIM: texts.CLAIM_TITLE,
    ReceiptKind.REFUND: texts.REFUND_TITLE,
}
_REFUND_NOTICES: Final = {
    SaleState.REFUNDED: texts.REFUND_GIVE_BACK,
    SaleState.REJECTED: texts.REJECTED_GIVE_BACK,
    SaleState.CANCELLED: texts.CANCELLED_GIVE_BACK,
}


@dataclass(frozen=True, slots=True)
class ShopHeader:
    """The top of every receipt, from the shop's settings."""

    name: str
    address: str = ""
    phone: str = ""
    logo: Path | None = None


def receipt_kind(sale: SaleRecord) -> ReceiptKind:
    """SALE for a delivered card, REFUND when the money goes back, a CLAIM slip otherwise."""
    if sale.state is SaleState.FULFILLED and sale.card_code:
        return ReceiptKind.SALE
    if sale.state in _REFUND_STATES:
        return ReceiptKind.REFUND
    return ReceiptKind.CLAIM


def mask_number(grouped: str, shown: int = SHOWN_DIGITS) -> str:
    """A grouped number with all but its last ``shown`` digits as ``•`` (spaces kept)."""
    digits = sum(ch.isdigit() for ch in grouped)
    hidden = max(0, digits - shown)
    out: list[str] = []
    for ch in grouped:
        if ch.isdigit() and hidden:
            out.append(MASK)
            hidden -= 1
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Receipt:
    """One printed slip. Texts that are data (number, amounts, code, ref, times) are final
    and read left to right; labels are English source texts (``texts``), worded by
    :func:`receipt_lines`. ``copy`` is 0 for the original, n for the n-th reprint."""

    kind: ReceiptKind
    language: str
    shop: ShopHeader
    printed_at: str
    sold_at: str
    counter: str
    cashier: str
    line_type: LineType
    number: str
    face_value: str
    price: str
    state: SaleState
    ref: str
    claim_number: str | None
    card_code: str | None
    qr_payload: str | None
    num_trans: str | None
    date_traitement: str | None
    failure_code: str | None
    copy: int
    training: bool = False
    """Made in training mode (the simulator): the slip says it is worth nothing."""

    def __repr__(self) -> str:  # the card code is a credential: never in a log
        return f"Receipt({self.kind.value}, ref={self.ref!r}, copy={self.copy})"

    @property
    def rtl(self) -> bool:
        """Whether the receipt reads right to left (Arabic)."""
        return texts.is_rtl(self.language)


def _local(moment: datetime, tz: tzinfo | None) -> str:
    return moment.astimezone(tz).strftime(TIME_FORMAT)


def build_receipt(
    sale: SaleRecord,
    *,
    shop: ShopHeader,
    language: str,
    copy: int = 0,
    mask_number: bool = False,
    tz: tzinfo | None = None,
    printed_at: datetime,
    training: bool = False,
) -> Receipt:
    """The receipt of ``sale`` in ``language`` (times in ``tz``, the system's when None);
    ``training``: a sale of training mode, printed as such."""
    if language not in texts.LANGUAGES:
        raise ValueError(f"unknown receipt language {language!r}; one of {texts.LANGUAGES}")
    if copy < 0:
        raise ValueError(f"copy must be 0 (original) or a reprint count, not {copy}")
    kind = receipt_kind(sale)
    locale = "ar" if language == "ar" else "fr"
    number = group_number(sale.number, sale.line_type)
    code = sale.card_code if kind is ReceiptKind.SALE else None
    return Receipt(
        kind=kind,
        language=language,
        shop=shop,
        printed_at=_local(printed_at, tz),
        sold_at=_local(sale.created_at, tz),
        counter=sale.counter,
        cashier=sale.cashier,
        line_type=sale.line_type,
        number=_masked(number) if mask_number else number,
        face_value=format_dzd(sale.face_value, locale=locale),
        price=format_dzd(sale.price, locale=locale),
        state=sale.state,
        ref=sale.ref,
        claim_number=(
            str(sale.id).zfill(CLAIM_NUMBER_DIGITS) if kind is ReceiptKind.CLAIM else None
        ),
        card_code=group_code(code) if code else None,
        qr_payload=code or None,
        num_trans=sale.num_trans or None,
        date_traitement=sale.date_traitement or None,
        failure_code=sale.failure_code,
        copy=copy,
        training=training,
    )


_masked = mask_number  # build_receipt's keyword shadows the function


class LineStyle(StrEnum):
    """How a receipt line is set."""

    SHOP = "shop"  # the shop's name
    HEADER = "header"  # address, phone
    TITLE = "title"  # what the slip is
    BANNER = "banner"  # DUPLICATE n, shown inverted
    FIELD = "field"  # a label and a left-to-right value
    STRONG = "strong"  # a field set bold (price to give back)
    CODE = "code"  # the card code, large
    QR = "qr"  # the card code as a QR code (value: its payload)
    NOTICE = "notice"  # a sentence for the customer
    RULE = "rule"  # a separating line
    FOOTER = "footer"


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    """One line of a receipt in its wording: ``text`` (words) and, for a field, its ``value``
    (data, or words such as the state); either may be empty."""

    style: LineStyle
    text: str = ""
    value: str = ""


def _reason(receipt: Receipt, wording: Wording) -> str:
    if receipt.state is SaleState.CANCELLED:
        return wording.label(texts.CANCELLED_REASON)
    code = receipt.failure_code
    if receipt.state is SaleState.REFUNDED and not code:
        code = contract.STATUS_REFUNDED
    return messages.for_code(code, wording.message)


def receipt_lines(receipt: Receipt, wording: Wording = ENGLISH) -> tuple[ReceiptLine, ...]:
    """The receipt's lines, top to bottom, in ``wording`` (English by default). In a
    right-to-left receipt every piece of data (number, amount, code, ref, time, and the ones
    set inside words) is wrapped in Unicode isolates so it stays left to right; the QR line's
    value is the bare payload."""
    w = wording.label

    def data(text: str) -> str:
        return f"{LRI}{text}{PDI}" if receipt.rtl else text

    def amount(text: str) -> str:  # "1,000 د.ج": the figure isolated, the symbol read after it
        figure, _, symbol = text.rpartition(NO_BREAK_SPACE)
        return f"{data(figure)}{NO_BREAK_SPACE}{symbol}" if figure else data(text)

    def fill(label: str, **values: str) -> str:  # a translation that lost its {name}: English
        try:
            return w(label).format(**values)
        except (KeyError, IndexError, ValueError):
            return label.format(**values)

    def line(style: LineStyle, text: str = "", value: str = "") -> ReceiptLine:
        return ReceiptLine(style, text, value)

    lines = [line(LineStyle.SHOP, receipt.shop.name)]
    if receipt.shop.address:
        lines.append(line(LineStyle.HEADER, receipt.shop.address))
    if receipt.shop.phone:
        lines.append(line(LineStyle.HEADER, fill(texts.PHONE, phone=data(receipt.shop.phone))))
    lines += [line(LineStyle.RULE), line(LineStyle.TITLE, w(_TITLES[receipt.kind]))]
    if receipt.claim_number is not None:
        number = data(receipt.claim_number)
        lines.append(line(LineStyle.TITLE, fill(texts.CLAIM_NUMBER, number=number)))
    if receipt.training:
        lines.append(line(LineStyle.BANNER, w(texts.TRAINING)))
    if receipt.copy:
        lines.append(line(LineStyle.BANNER, fill(texts.DUPLICATE, copy=data(str(receipt.copy)))))
    line_type = texts.ADSL if receipt.line_type is LineType.ADSL else texts.LTE
    lines += [
        line(LineStyle.FIELD, w(texts.SOLD_AT), data(receipt.sold_at)),
        line(LineStyle.FIELD, w(texts.COUNTER), data(receipt.counter)),
        line(LineStyle.FIELD, w(texts.CASHIER), data(receipt.cashier)),
        line(LineStyle.RULE),
        line(LineStyle.FIELD, w(texts.LINE_TYPE), w(line_type)),
        line(LineStyle.FIELD, w(texts.NUMBER), data(receipt.number)),
        line(LineStyle.FIELD, w(texts.FACE_VALUE), amount(receipt.face_value)),
        line(LineStyle.FIELD, w(texts.PRICE), amount(receipt.price)),
        line(LineStyle.FIELD, w(texts.STATE), w(STATE_LABELS[receipt.state])),
        line(LineStyle.RULE),
    ]
    if receipt.kind is ReceiptKind.SALE and receipt.card_code:
        lines += [
            line(LineStyle.NOTICE, w(texts.CARD_CODE)),
            line(LineStyle.CODE, "", data(receipt.card_code)),
        ]
        if receipt.qr_payload:
            lines.append(line(LineStyle.QR, "", receipt.qr_payload))
    elif receipt.kind is ReceiptKind.CLAIM:
        lines.append(
            line(LineStyle.NOTICE, w(_CLAIM_NOTICES.get(receipt.state, texts.CLAIM_FOLLOWS)))
        )
    else:
        lines += [
            line(LineStyle.STRONG, w(texts.GIVE_BACK), amount(receipt.price)),
            line(LineStyle.NOTICE, w(_REFUND_NOTICES[receipt.state])),
            line(LineStyle.NOTICE, _reason(receipt, wording)),
        ]
    lines.append(line(LineStyle.RULE))
    if receipt.num_trans:
        lines.append(line(LineStyle.FIELD, w(texts.NUM_TRANS), data(receipt.num_trans)))
    if receipt.date_traitement:
        lines.append(line(LineStyle.FIELD, w(texts.DATE_TRAITEMENT), data(receipt.date_traitement)))
    lines += [
        line(LineStyle.FIELD, w(texts.REF), data(receipt.ref)),
        line(LineStyle.FIELD, w(texts.PRINTED_AT), data(receipt.printed_at)),
        line(LineStyle.FOOTER, w(texts.THANKS)),
    ]
    if receipt.training:  # at both ends: a torn-off half still says it
        lines.append(line(LineStyle.BANNER, w(texts.TRAINING)))
    return tuple(lines)


def receipt_texts(receipt: Receipt, wording: Wording = ENGLISH) -> list[str]:
    """Every text the receipt prints (words and data), for searching and plain-text output."""
    out: list[str] = []
    for line in receipt_lines(receipt, wording):
        out += [t for t in (line.text, line.value) if t]
    return out
