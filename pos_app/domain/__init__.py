"""Pure domain rules: line numbers, money, sale references and sale states.

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
from pos_app.domain.sale_states import (
    FINAL_STATES,
    IllegalTransitionError,
    SaleState,
    check_transition,
)

__all__ = [
    "COUNTER_ID_MAX_LENGTH",
    "EXPECTED_LENGTH",
    "FINAL_STATES",
    "MAX_AMOUNT",
    "REF_MAX_LENGTH",
    "SUFFIX_ALPHABET",
    "IllegalTransitionError",
    "LineType",
    "NumberCheck",
    "Problem",
    "SaleState",
    "can_afford",
    "check_number",
    "check_transition",
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
