"""The OneClickDZ v3 client: typed results and errors (no Qt).

The names below load on first use (PEP 562): importing one small submodule does not
import the whole package (the window paints before the heavy parts load).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos_app.lazy_names import lazy_names

if TYPE_CHECKING:
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

_WHERE: dict[str, str] = {
    "NO_RETRY": "pos_app.api.client",
    "InvalidKeyFormatError": "pos_app.api.client",
    "OneClickClient": "pos_app.api.client",
    "RetryPolicy": "pos_app.api.client",
    "Timeouts": "pos_app.api.client",
    "check_api_key": "pos_app.api.client",
    "BadUrlError": "pos_app.domain.urls",
    "InsecureUrlError": "pos_app.domain.urls",
    "check_base_url": "pos_app.domain.urls",
}


__getattr__, __dir__ = lazy_names(__name__, _WHERE, __all__)
