"""Facts of the OneClickDZ v3 wire contract, shared by the client and the simulator.

Copied from the API notes (paths, header, error codes, statuses, number patterns). Where the
public docs disagree, the reading taken here is stated beside the constant.
"""

from __future__ import annotations

import re
from typing import Final

from pos_app.domain.urls import ONECLICK_BASE_URL

DEFAULT_BASE_URL: Final = ONECLICK_BASE_URL  # the domain holds it: the store's api.url default too
TOKEN_HEADER: Final = "X-Access-Token"

# Paths, relative to the base URL (which ends in /v3).
PING: Final = "ping"
VALIDATE: Final = "validate"
BALANCE: Final = "account/balance"
TRANSACTIONS: Final = "account/transactions"
PRODUCTS: Final = "internet/products"
CHECK_NUMBER: Final = "internet/check-number"
SEND: Final = "internet/send"
CHECK_ID: Final = "internet/check-id"  # + "/{id}"
CHECK_REF: Final = "internet/check-ref"  # + "/{ref}"
LIST: Final = "internet/list"

# Line types as the API takes them in requests.
TYPE_ADSL: Final = "ADSL"
TYPE_4G: Final = "4G"
LINE_TYPES: Final = (TYPE_ADSL, TYPE_4G)
# check-number answers "4GLTE" for a 4G line (validate-number page); read it as "4G".
TYPE_4G_ALIASES: Final = frozenset({"4G", "4GLTE", "4G LTE", "LTE"})

ADSL_PATTERN: Final = re.compile(r"^0[0-9]{8}$")
LTE_PATTERN: Final = re.compile(r"^213[0-9]{9}$")

# Order statuses of internet top-ups. Only FULFILLED and REFUNDED are final (an allow-list);
# QUEUED is resting (re-checked later); anything else is still running.
STATUS_HANDLING: Final = "HANDLING"
STATUS_QUEUED: Final = "QUEUED"
STATUS_FULFILLED: Final = "FULFILLED"
STATUS_REFUNDED: Final = "REFUNDED"
FINAL_STATUSES: Final = frozenset({STATUS_FULFILLED, STATUS_REFUNDED})
KNOWN_STATUSES: Final = frozenset({STATUS_HANDLING, STATUS_QUEUED, *FINAL_STATUSES})

# Error codes (error-handling, validate-token, send-topup, validate-number, check-by-ref pages).
ERR_VALIDATION: Final = "ERR_VALIDATION"
ERR_PHONE: Final = "ERR_PHONE"
ERR_STOCK: Final = "ERR_STOCK"
INSUFFICIENT_BALANCE: Final = "INSUFFICIENT_BALANCE"
NO_BALANCE: Final = "NO_BALANCE"  # documented alias of INSUFFICIENT_BALANCE
DUPLICATED_REF: Final = "DUPLICATED_REF"
MISSING_ACCESS_TOKEN: Final = "MISSING_ACCESS_TOKEN"
INVALID_ACCESS_TOKEN: Final = "INVALID_ACCESS_TOKEN"
ERR_AUTH: Final = "ERR_AUTH"  # documented alias of INVALID_ACCESS_TOKEN
IP_BLOCKED: Final = "IP_BLOCKED"
NOT_FOUND: Final = "NOT_FOUND"
# The docs name no code for 429 or for an internal error; the simulator uses these two and
# the client classifies both by HTTP status, whatever the code.
RATE_LIMITED: Final = "RATE_LIMITED"
INTERNAL_ERROR: Final = "INTERNAL_ERROR"
SERVICE_UNAVAILABLE: Final = "SERVICE_UNAVAILABLE"

# HTTP statuses the simulator answers with. ERR_PHONE and ERR_STOCK have no documented
# status: 400 is taken for both. MISSING_ACCESS_TOKEN is 400 on the validate page (taken)
# and listed under 401 on the error-handling page (the client accepts either).
HTTP_STATUS: Final = {
    ERR_VALIDATION: 400,
    ERR_PHONE: 400,
    ERR_STOCK: 400,
    INSUFFICIENT_BALANCE: 403,
    NO_BALANCE: 403,
    DUPLICATED_REF: 403,
    MISSING_ACCESS_TOKEN: 400,
    INVALID_ACCESS_TOKEN: 401,
    ERR_AUTH: 401,
    IP_BLOCKED: 403,
    NOT_FOUND: 404,
    RATE_LIMITED: 429,
    INTERNAL_ERROR: 500,
    SERVICE_UNAVAILABLE: 503,
}

# Brute-force protection (validate-token page): 5 wrong keys block the IP for 15 minutes.
MAX_WRONG_KEYS: Final = 5
IP_BLOCK_SECONDS: Final = 15 * 60

# Ceilings on what a server can make the client wait for or read (reliability rule 13).
# Retry-After beyond this is read as this; an answer body beyond this is refused, unread.
MAX_RETRY_AFTER: Final = 300.0
MAX_BODY_BYTES: Final = 5 * 1024 * 1024

# List endpoints: page >= 1, 1 <= pageSize <= 100, default 20; from/to together or neither.
DEFAULT_PAGE_SIZE: Final = 20
MAX_PAGE_SIZE: Final = 100
