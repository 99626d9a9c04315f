"""Where the API key comes from: ``ONECLICK_API_KEY`` when set, else the OS keyring (no Qt).

The key is kept in the system keyring (Windows Credential Manager, macOS Keychain, Secret
Service on Linux) through ``keyring``, under one fixed entry (``SERVICE``/``ACCOUNT``). Where
the only backend would keep it in clear (keyring's fail or null backend, a plaintext file), it
is neither stored nor read there: ``InsecureKeyringError`` says so and points to
``ONECLICK_API_KEY``. :func:`configured_key` is the app's one reading of the key; nothing here
logs or shows a key, only its last four characters (:func:`key_tail`). ``keyring`` is imported
at the first use of the keyring, not with this module (``--demo`` never uses it).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pos_app import keychain
from pos_app.api.client import ENV_KEY, check_api_key
from pos_app.domain.redaction import register_key

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

SERVICE = "pos-app"
ACCOUNT = "oneclickdz-api-key"

FROM_ENV = ENV_KEY
FROM_KEYRING = "keyring"


class KeyStorageError(Exception):
    """The keyring cannot keep, give or forget the key; the message never shows the key."""


class InsecureKeyringError(KeyStorageError):
    """No secure keyring exists on this system: the key would be kept in clear, or not at all."""

    def __init__(self, backend: str) -> None:
        super().__init__(
            f"no secure system keyring is available (found: {backend}); the API key is not "
            f"kept in clear: set {ENV_KEY} in the environment of pos-app instead"
        )


def secure_backend() -> KeyringBackend:
    """The active keyring backend; raises ``InsecureKeyringError`` when it is keyring's fail
    or null backend, a plaintext one or another keyring calls not recommended
    (:func:`pos_app.keychain.secure_backend`)."""
    try:
        return keychain.secure_backend()
    except keychain.NoSecureKeyringError as exc:
        raise InsecureKeyringError(exc.backend) from None


def stored_key() -> str | None:
    """The key kept in the keyring, or None (none kept, or no secure keyring: then nothing
    can have been kept). Raises ``KeyStorageError`` when the keyring refuses to answer (a
    locked or unreachable keyring)."""
    try:
        backend = secure_backend()
    except InsecureKeyringError:
        return None
    import keyring.errors

    try:
        value = backend.get_password(SERVICE, ACCOUNT)
    except keyring.errors.KeyringError as exc:
        raise KeyStorageError(
            f"the system keyring could not be read ({type(exc).__name__})"
        ) from None
    return value or None


def store_key(raw: str) -> str:
    """Check the key (``check_api_key``: whitespace stripped, other characters refused with
    ``InvalidKeyFormatError``), keep it in the keyring and return it. Raises
    ``InsecureKeyringError`` when no secure keyring exists, ``KeyStorageError`` when the keyring
    refuses, ``ValueError`` for an empty key; nothing is kept then."""
    key = check_api_key(raw)
    if not key:
        raise ValueError("the API key is empty; nothing was kept")
    register_key(key)
    backend = secure_backend()
    import keyring.errors

    try:
        backend.set_password(SERVICE, ACCOUNT, key)
    except keyring.errors.KeyringError as exc:
        raise KeyStorageError(
            f"the system keyring refused to keep the key ({type(exc).__name__})"
        ) from None
    return key


def forget_key() -> bool:
    """Remove the key from the keyring; False when none was kept (or no secure keyring
    exists). Raises ``KeyStorageError`` when the keyring refuses."""
    try:
        backend = secure_backend()
    except InsecureKeyringError:
        return False
    import keyring.errors

    try:
        if backend.get_password(SERVICE, ACCOUNT) is None:
            return False
        backend.delete_password(SERVICE, ACCOUNT)
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as exc:
        raise KeyStorageError(
            f"the system keyring refused to remove the key ({type(exc).__name__})"
        ) from None
    return True


def key_tail(key: str) -> str:
    """What may be shown of a key: bullets and its last four characters (all bullets when the
    key is too short to hide anything)."""
    return "••••" + (key[-4:] if len(key) > 8 else "")


@dataclass(frozen=True, slots=True)
class KeyReading:
    """The key the app uses and where it comes from (``FROM_ENV``, ``FROM_KEYRING``, or None
    with no key); ``problem``: why the keyring could not be read. Its repr hides the key."""

    key: str | None = field(repr=False)
    source: str | None
    problem: str | None = None

    @property
    def shown(self) -> str:
        """The key as it may be shown: ``••••1234``, or ``(not set)``."""
        return key_tail(self.key) if self.key else "(not set)"


def configured_key(env: Mapping[str, str] = os.environ) -> KeyReading:
    """The app's one reading of the API key: ``ONECLICK_API_KEY`` when set (not blank, and
    not checked here: the client checks it), else the keyring's, else none (training mode).
    A keyring that cannot be read counts as none, with the reason in ``problem`` (logged
    without the key)."""
    from_env = env.get(ENV_KEY, "")
    if from_env.strip():
        register_key(from_env)  # hidden from every log from now on
        return KeyReading(from_env, FROM_ENV)
    try:
        key = stored_key()
    except KeyStorageError as exc:
        log.warning("API key: %s", exc)
        return KeyReading(None, None, str(exc))
    register_key(key)
    return KeyReading(key, FROM_KEYRING) if key else KeyReading(None, None)
