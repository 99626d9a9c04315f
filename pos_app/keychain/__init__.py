"""Is the system keyring safe to keep a secret in? One answer for the API key (``api.keys``)
and the database's data key (``store.vault``); no Qt, no store, no API.

A secure keyring is the OS one (Windows Credential Manager, macOS Keychain, Secret Service
on Linux) or any backend keyring rates 1 or more. Keyring's fail and null backends, a
plaintext file and anything keyring does not recommend are refused. ``keyring`` is imported at
the first question, not with this module: a training run (``--demo``) never asks one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

__all__ = ["MIN_PRIORITY", "NoSecureKeyringError", "backend_name", "secure_backend"]

MIN_PRIORITY = 1
"""keyring's own advice: a backend under priority 1 is not recommended (keyrings.alt's files)."""


class NoSecureKeyringError(Exception):
    """No secure keyring exists on this system; ``backend`` names the one that was found."""

    def __init__(self, backend: str) -> None:
        super().__init__(f"no secure system keyring is available (found: {backend})")
        self.backend = backend


def backend_name(backend: KeyringBackend) -> str:
    """The backend's module and class, for messages."""
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _insecure(backend: KeyringBackend) -> bool:
    from keyring.backends import chainer, fail, null

    if isinstance(backend, chainer.ChainerBackend):
        members = list(backend.backends)
        return not members or any(_insecure(member) for member in members)
    if isinstance(backend, fail.Keyring | null.Keyring):
        return True
    if "plaintext" in type(backend).__name__.lower():
        return True
    try:
        priority = float(backend.priority)
    except Exception:  # noqa: BLE001 - a backend that cannot say is not trusted
        return True
    return priority < MIN_PRIORITY


def secure_backend() -> KeyringBackend:
    """The active keyring backend; raises :class:`NoSecureKeyringError` when it is keyring's
    fail or null backend, a plaintext one or another keyring calls not recommended."""
    import keyring

    backend = keyring.get_keyring()
    if _insecure(backend):
        raise NoSecureKeyringError(backend_name(backend))
    return backend
