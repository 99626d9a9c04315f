"""The receipt value (no Qt): which slip a sale prints, what it says and what it never says."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import messages
from pos_app.receipts.model import (
    LRI,
    PDI,
    LineStyle,
    Receipt,
    ReceiptKind,
    ShopHeader,
    build_receipt,
    mask_number,
    receipt_kind,
    receipt_lines,
    receipt_texts,
)
from pos_app.receipts.texts import Wording
from pos_app.store.records import SaleRecord

SOLD_AT = datetime(2026, 6, 1, 9, 30, tzinfo=UTC)
PRINTED_AT = datetime(2026, 6, 1, 9, 45, tzinfo=UTC)
ALGIERS = timezone(timedelta(hours=1))
SHOP = ShopHeader("Cyber El Nour", "12 rue Larbi Ben M'hidi, Oran", "0550 12 34 56")
CODE = "10538081079512345678"
COST = 937_431  # a figure found nowhere else on a receipt

CLAIM_STATES = (
    SaleState.WAITING,
    SaleState.SENDING,
    SaleState.UNKNOWN,
    SaleState.ACCEPTED,
    SaleState.QUEUED,
    SaleState.VERIFYING,
    SaleState.CODE_PENDING,
    SaleState.CODE_MISSING,
    SaleState.CONFLICT,
)
REFUND_STATES = (SaleState.REFUNDED, SaleState.REJECTED, SaleState.CANCELLED)
UNSETTLED = (
    SaleState.VERIFYING,
    SaleState.CODE_PENDING,
    SaleState.CODE_MISSING,
    SaleState.CONFLICT,
    SaleState.UNKNOWN,
)


def make_sale(state: SaleState, **changes: object) -> SaleRecord:
    """A stored sale in ``state``; a card code, num_trans and date only when FULFILLED."""
    fulfilled = state is SaleState.FULFILLED
    sale = SaleRecord(
        id=123,
        ref="C1-20260601-0001",
        line_type=LineType.ADSL,
        number="036362608",
        face_value=1000,
        cost=COST,
        price=1500,
        state=state,
        server_status=None,
        server_id=None,
        card_code=CODE if fulfilled else None,
        num_trans="TX7781234" if fulfilled else None,
        date_traitement="2026-06-01 09:31:05" if fulfilled else None,
        failure_code="ERR_PHONE" if state is SaleState.REJECTED else None,
        failure_reason=None,
        cashier="amina",
        counter="C1",
        created_at=SOLD_AT,
        updated_at=SOLD_AT,
        sent_at=None,
        send_attempts=1,
        not_found_count=0,
        next_check_at=None,
    )
    return replace(sale, **changes)  # type: ignore[arg-type]


def receipt(state: SaleState, language: str = "en", **options: object) -> Receipt:
    sale_changes = options.pop("sale", {})
    assert isinstance(sale_changes, dict)
    return build_receipt(
        make_sale(state, **sale_changes),
        shop=SHOP,
        language=language,
        tz=ALGIERS,
        printed_at=PRINTED_AT,
        **options,  # type: ignore[arg-type]
    )


def text_of(r: Receipt) -> str:
    return "\n".join(receipt_texts(r)).replace(LRI, "").replace(PDI, "")


@pytest.mark.parametrize("state", list(SaleState))
def test_every_state_prints_one_kind_of_slip(state: SaleState) -> None:
    expected = (
        ReceiptKind.SALE
        if state is SaleState.FULFILLED
        else ReceiptKind.REFUND
        if state in REFUND_STATES
        else ReceiptKind.CLAIM
    )
    assert state is SaleState.FULFILLED or state in CLAIM_STATES or state in REFUND_STATES
    assert receipt_kind(make_sale(state)) is expected
    assert receipt(state).kind is expected


def test_a_fulfilled_sale_without_a_card_code_is_a_claim() -> None:
    assert receipt_kind(make_sale(SaleState.FULFILLED, card_code=None)) is ReceiptKind.CLAIM


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
@pytest.mark.parametrize("state", list(SaleState))
def test_the_wholesale_cost_is_never_printed(state: SaleState, language: str) -> None:
    text = text_of(receipt(state, language, copy=2))
    assert str(COST) not in re.sub(r"[^0-9]", "", text)  # in no grouping at all
    for form in ("937", "431"):  # not even a part of it, as "937 431" or "937,431"
        assert form not in text


def test_a_sale_receipt_says_what_was_sold_with_the_code_grouped_for_reading() -> None:
    r = receipt(SaleState.FULFILLED)
    text = text_of(r)
    assert r.card_code == "1053 8081 0795 1234 5678"
    assert r.qr_payload == CODE
    assert "1053 8081 0795 1234 5678" in text
    assert "036 36 26 08" in text
    assert "1\u202f000\u00a0DA" in text  # face value
    assert "1\u202f500\u00a0DA" in text  # price paid
    assert "TX7781234" in text
    assert "2026-06-01 09:31:05" in text
    assert "C1-20260601-0001" in text
    assert "amina" in text
    assert "ADSL" in text
    assert "Sold" in text
    styles = [line.style for line in receipt_lines(r)]
    assert styles.count(LineStyle.CODE) == 1
    assert styles.count(LineStyle.QR) == 1


def test_times_are_local_to_the_given_zone() -> None:
    r = receipt(SaleState.FULFILLED)
    assert r.sold_at == "2026-06-01 10:30"
    assert r.printed_at == "2026-06-01 10:45"
    utc = build_receipt(
        make_sale(SaleState.FULFILLED), shop=SHOP, language="en", tz=UTC, printed_at=PRINTED_AT
    )
    assert utc.sold_at == "2026-06-01 09:30"


def test_a_4g_receipt_names_the_line_type() -> None:
    r = receipt(SaleState.FULFILLED, sale={"line_type": LineType.LTE, "number": "213472731602"})
    text = text_of(r)
    assert "4G LTE" in text
    assert "213 472 73 16 02" in text


@pytest.mark.parametrize("state", [s for s in SaleState if s is not SaleState.FULFILLED])
def test_no_card_code_and_no_qr_unless_delivered(state: SaleState) -> None:
    r = receipt(state, sale={"card_code": CODE})  # even a stray code in the record
    assert r.card_code is None
    assert r.qr_payload is None
    assert CODE[-8:] not in text_of(r)
    assert {line.style for line in receipt_lines(r)}.isdisjoint({LineStyle.CODE, LineStyle.QR})


@pytest.mark.parametrize("state", UNSETTLED)
def test_an_unsettled_sale_never_says_sold_paid_out_or_refunded(state: SaleState) -> None:
    text = text_of(receipt(state)).lower()
    for word in ("sold", "paid out", "refund", "delivered", "give back", "given back"):
        assert word not in text, (state, word)


@pytest.mark.parametrize("state", CLAIM_STATES)
def test_a_claim_slip_is_numbered_and_says_how_to_collect(state: SaleState) -> None:
    r = receipt(state)
    text = text_of(r)
    assert r.claim_number == "000123"
    assert "No. 000123" in text
    assert "C1-20260601-0001" in text
    assert "Claim slip" in text
    assert "Keep this slip" in text
    assert "sold" not in text.lower()
    assert "refund" not in text.lower()


def test_a_queued_claim_slip_says_it_can_take_hours() -> None:
    assert "12 to 48 hours" in text_of(receipt(SaleState.QUEUED))


@pytest.mark.parametrize("state", REFUND_STATES)
def test_a_refund_slip_says_the_money_goes_back_and_why(state: SaleState) -> None:
    r = receipt(state)
    text = text_of(r)
    assert r.claim_number is None
    assert "Refund slip" in text
    assert "To give back to the customer" in text
    assert "1\u202f500\u00a0DA" in text
    assert "money is to be given back" in text


def test_a_rejected_slip_says_nothing_was_charged_and_gives_the_reason() -> None:
    text = text_of(receipt(SaleState.REJECTED))
    assert "nothing was charged" in text
    assert messages.for_code("ERR_PHONE") in text


def test_a_refunded_slip_without_a_code_gives_the_refund_reason() -> None:
    text = text_of(receipt(SaleState.REFUNDED))
    assert messages.for_code("REFUNDED") in text


def test_a_reprint_says_duplicate_with_its_count_and_the_original_does_not() -> None:
    assert "DUPLICATE" not in text_of(receipt(SaleState.FULFILLED))
    assert "DUPLICATE 3" in text_of(receipt(SaleState.FULFILLED, copy=3))
    with pytest.raises(ValueError, match="copy"):
        receipt(SaleState.FULFILLED, copy=-1)


@pytest.mark.parametrize("state", [SaleState.FULFILLED, SaleState.QUEUED, SaleState.REFUNDED])
def test_a_training_slip_says_so_at_both_ends_and_a_real_one_never(state: SaleState) -> None:
    banner = "TRAINING: NOT A SALE, NO VALUE"
    lines = receipt_lines(receipt(state, training=True))
    banners = [i for i, line in enumerate(lines) if line.text == banner]
    assert banners and banners[0] <= 6 and banners[-1] == len(lines) - 1  # under the title
    assert all(lines[i].style is LineStyle.BANNER for i in banners)
    assert banner not in text_of(receipt(state))


def test_the_number_is_masked_on_request_but_its_last_four_digits() -> None:
    r = receipt(SaleState.FULFILLED, mask_number=True)
    assert r.number == "••• •• 26 08"
    assert "036" not in text_of(r)
    assert mask_number("213 472 73 16 02") == "••• ••• •• 16 02"
    assert mask_number("12") == "12"


def test_arabic_keeps_data_left_to_right_with_isolates() -> None:
    r = receipt(SaleState.QUEUED, "ar")
    assert r.rtl
    values = {line.text: line.value for line in receipt_lines(r)}
    assert values["Number"] == f"{LRI}036 36 26 08{PDI}"
    assert values["Price paid"] == f"{LRI}1,500{PDI}\u00a0د.ج"  # the symbol read after it
    assert f"No. {LRI}000123{PDI}" in values
    assert not receipt(SaleState.QUEUED, "fr").rtl
    assert LRI not in "".join(receipt_texts(receipt(SaleState.QUEUED, "fr")))


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        receipt(SaleState.FULFILLED, "de")


def test_the_card_code_stays_out_of_repr() -> None:
    assert CODE not in repr(receipt(SaleState.FULFILLED))
    assert "1053" not in repr(receipt(SaleState.FULFILLED))


def test_a_translation_that_lost_its_placeholder_falls_back_to_english() -> None:
    class Broken(Wording):
        def label(self, text: str) -> str:
            return "N° {numero}" if "{number}" in text else text

    lines = receipt_lines(receipt(SaleState.QUEUED), Broken())
    assert any(line.text == "No. 000123" for line in lines)


def test_the_model_and_its_texts_load_without_qt() -> None:
    code = (
        "import sys\n"
        "import pos_app.receipts.model, pos_app.receipts.texts\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'qasync'})\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
