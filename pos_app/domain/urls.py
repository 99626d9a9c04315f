"""The OneClickDZ base URL and its check, shared by the API client and the ``api.url``
setting (pure: parsing only, no network)."""

from __future__ import annotations

import ipaddress
from typing import Final
from urllib.parse import urlsplit

ONECLICK_BASE_URL: Final = "https://api.oneclickdz.com/v3"
"""The real API's base URL (``api.contract.DEFAULT_BASE_URL``)."""


class InsecureUrlError(ValueError):
    """The base URL would send the key in clear text (plain http to a non-loopback host)."""


class BadUrlError(ValueError):
    """The base URL cannot be used at all (a port out of range, a malformed host)."""


def is_loopback_host(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> str:
    """The base URL without a trailing slash; refuses what would leak the key
    (``InsecureUrlError``) and what cannot be parsed (``BadUrlError``)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        raise BadUrlError(f"the API URL cannot be parsed: {url!r}") from None
    if parts.scheme not in {"http", "https"} or not host:
        raise InsecureUrlError(f"not an http(s) URL: {url!r}")
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        raise BadUrlError(f"the API URL contains a space or a control character: {url!r}")
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0:
        raise BadUrlError(f"the API URL's port must be a number from 1 to 65535: {url!r}")
    if parts.scheme == "http" and not is_loopback_host(host):
        raise InsecureUrlError(
            f"plain http is refused for {host}: the API key would travel in clear text; "
            "use https (plain http is allowed only for the local simulator on 127.0.0.1)"
        )
    if parts.username or parts.password:
        raise InsecureUrlError("credentials in the base URL are refused")
    return url.rstrip("/")
