"""The OneClickDZ v3 client: typed results and errors (no Qt)."""

from pos_app.api.client import (
    NO_RETRY,
    InvalidKeyFormatError,
    OneClickClient,
    RetryPolicy,
    Timeouts,
    check_api_key,
)
from pos_app.domain.urls import BadUrlError, InsecureUrlError, check_base_url

__all__ = [
    "NO_RETRY",
    "BadUrlError",
    "InsecureUrlError",
    "InvalidKeyFormatError",
    "OneClickClient",
    "RetryPolicy",
    "Timeouts",
    "check_api_key",
    "check_base_url",
]
