"""Keyring backends for the tests: kept in memory, never the OS keyring, never a file.

``MemoryKeyring`` stands for a secure system keyring (priority 1, as keyring recommends);
``PlaintextMemoryKeyring`` for a backend that would keep the key in clear (keyrings.alt's
plaintext file, priority 0.5); ``UnrecommendedKeyring`` for another one keyring does not
recommend (priority under 1); ``LockedKeyring`` for a keyring that refuses every call.
A child process gets one by import path in ``PYTHON_KEYRING_BACKEND``.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """A secure keyring in a dict: ``entries[(service, username)] = password``."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring: untyped
        self.entries: dict[tuple[str, str], str] = {}

    priority: float = 1  # recommended (keyring's classproperty: a plain value does)

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    @property
    def shop_entries(self) -> dict[tuple[str, str], str]:
        """The entries but the books' own (a database's data key, its fingerprint and its
        newest Z's anchor, kept by ``pos_app.store.vault`` whenever a database opens)."""
        books = ("data-key:", "data-key-fingerprint:", "z-anchor:")
        return {
            entry: value for entry, value in self.entries.items() if not entry[1].startswith(books)
        }

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


class PlaintextMemoryKeyring(MemoryKeyring):
    """Stands for a backend that keeps passwords in clear (keyring: not recommended)."""

    priority = 0.5  # not recommended, as keyrings.alt's plaintext file


class UnrecommendedKeyring(MemoryKeyring):
    """Any backend keyring rates under 1 (not recommended), whatever its name."""

    priority: float = 0.9


class LockedKeyring(MemoryKeyring):
    """A secure keyring that stays locked: every call raises ``KeyringLocked``."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("locked")
