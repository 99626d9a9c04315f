"""The OneClickDZ v3 client: typed results and errors (no Qt)."""

from pos_app.api.client import (
    NO_RETRY,
    InsecureUrlError,
    OneClickClient,
    RetryPolicy,
    Timeouts,
)

__all__ = ["NO_RETRY", "InsecureUrlError", "OneClickClient", "RetryPolicy", "Timeouts"]
