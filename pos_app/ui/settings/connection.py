"""Test connection: ``/validate`` once with the typed key and URL, then the balance (Qt-free
part, run on a worker thread).

A refused key stops at the first answer, and the client's process-wide latch
(``api.client.REFUSED_KEYS``) keeps that key from being sent again by anything in this
process (this button pressed again, the window, the engine) until it changes: five wrong
keys block the shop's address for 15 minutes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from pos_app.api import NO_RETRY, OneClickClient


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    """What the server said about a key: its type (SANDBOX or PRODUCTION), scope, account,
    whether it is enabled, and the balance."""

    key_type: str
    scope: str | None
    username: str
    enabled: bool
    balance: Decimal

    @property
    def is_sandbox(self) -> bool:
        return self.key_type.upper() == "SANDBOX"


def check_connection(url: str, key: str) -> ConnectionCheck:
    """``/validate`` once (never retried), then ``/account/balance``. Raises the client's
    ``ApiError`` (``AuthError`` for a refused key: nothing more is sent) or ValueError for a
    URL or key that cannot be used (nothing is sent)."""
    with OneClickClient(url, key, retry=NO_RETRY) as client:
        info = client.validate()
        balance = client.balance()
    return ConnectionCheck(
        info.key_type, info.scope, info.username, info.is_enabled, balance.amount
    )


def key_stands_refused(url: str, key: str) -> bool:
    """Whether the server refused ``key`` at ``url`` earlier in this process and the refusal
    still stands (the client's latch: nothing is sent to find out). False for a URL or key
    that cannot be used (their checks say so elsewhere)."""
    try:
        with OneClickClient(url, key, retry=NO_RETRY) as client:
            return client.key_refusal is not None
    except ValueError:
        return False


def key_digest(url: str, key: str) -> str:
    """What identifies a (URL, key) pair that passed Test connection, without the key."""
    return hashlib.sha256(f"{url}\n{key}".encode()).hexdigest()
