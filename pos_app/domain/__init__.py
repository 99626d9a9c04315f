"""Pure domain rules: line numbers, money and sale references.

No I/O, no Qt, no network, no imports from other ``pos_app`` packages: the Qt fields, the API
client and the order engine all call these same functions.
"""

from pos_app.domain.money import MAX_AMOUNT, can_afford, format_dzd, parse_balance, parse_dinars
from pos_app.domain.numbers import (
    EXPECTED_LENGTH,
    LineType,
    NumberCheck,
    Problem,
    check_number,
    group_number,
    is_valid_number,
    normalise,
)
from pos_app.domain.refs import (
    COUNTER_ID_MAX_LENGTH,
    REF_MAX_LENGTH,
    SUFFIX_ALPHABET,
    is_valid_counter_id,
    is_valid_ref,
    new_ref,
    sanitise_counter_id,
)

__all__ = [
    "COUNTER_ID_MAX_LENGTH",
    "EXPECTED_LENGTH",
    "MAX_AMOUNT",
    "REF_MAX_LENGTH",
    "SUFFIX_ALPHABET",
    "LineType",
    "NumberCheck",
    "Problem",
    "can_afford",
    "check_number",
    "format_dzd",
    "group_number",
    "is_valid_counter_id",
    "is_valid_number",
    "is_valid_ref",
    "new_ref",
    "normalise",
    "parse_balance",
    "parse_dinars",
    "sanitise_counter_id",
]
