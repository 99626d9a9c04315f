"""Card codes at rest: the store keeps each one only as AES-GCM ciphertext.

The key is the data key's :data:`~pos_app.store.vault.CARD_CODES` sub-key (kept outside the
database). Each write takes a fresh random 12-byte nonce; the sale's ref is the associated
data, so a code copied onto another sale does not decrypt. The column holds one text:
:data:`SEALED_PREFIX` then the base64 of nonce + ciphertext + tag. A code is decrypted only
where it is shown, printed or exported; lists use the sale's ``code_tail``.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from pos_app.store.errors import StoreError

if TYPE_CHECKING:  # cryptography (and its OpenSSL) loads at the first code sealed or opened
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SEALED_PREFIX: Final = "gcm1:"
"""How a stored card code begins (the format's version: a later one gets another prefix)."""
NONCE_BYTES: Final = 12
UNREADABLE: Final = "card code unreadable: the data key does not match"
"""Why a stored code cannot be shown: AES-GCM refused it (another data key, a code moved
from another sale, or an edited value: the three cannot be told apart)."""
NOT_SEALED: Final = "card code unreadable: it is not stored in a form this app writes"


class CardCodeUnreadableError(StoreError):
    """A stored card code that cannot be decrypted; the message says why, never the code."""


@dataclass(frozen=True, slots=True)
class CodeCipher:
    """Seals and opens card codes with one 32-byte key; its repr never shows the key."""

    key: bytes = field(repr=False)
    _made: list[AESGCM] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.key) not in (16, 24, 32):  # AES-GCM's sizes, checked before first use
            raise ValueError("a card-code key is 16, 24 or 32 bytes")

    @property
    def _aead(self) -> AESGCM:
        """The AES-GCM cipher, made (and cryptography imported) at its first use."""
        if not self._made:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            self._made.append(AESGCM(self.key))
        return self._made[0]

    def seal(self, ref: str, code: str) -> str:
        """The stored text of ``code`` for the sale ``ref`` (a new nonce each call)."""
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, code.encode("utf-8"), ref.encode("utf-8"))
        return SEALED_PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def open(self, ref: str, stored: str) -> str:
        """The code that :meth:`seal` stored for the sale ``ref``. Raises
        :class:`CardCodeUnreadableError` when it does not decrypt under this key and ref."""
        if not stored.startswith(SEALED_PREFIX):
            raise CardCodeUnreadableError(NOT_SEALED)
        try:
            blob = base64.b64decode(stored[len(SEALED_PREFIX) :].encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            raise CardCodeUnreadableError(NOT_SEALED) from None
        if len(blob) <= NONCE_BYTES:
            raise CardCodeUnreadableError(NOT_SEALED)
        from cryptography.exceptions import InvalidTag

        try:
            clear = self._aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], ref.encode("utf-8"))
        except InvalidTag:
            raise CardCodeUnreadableError(UNREADABLE) from None
        try:
            return clear.decode("utf-8")
        except UnicodeDecodeError:
            raise CardCodeUnreadableError(NOT_SEALED) from None


def is_sealed(stored: str | None) -> bool:
    """True when ``stored`` is in the sealed form (says nothing of which key sealed it)."""
    return stored is not None and stored.startswith(SEALED_PREFIX)


@dataclass(frozen=True, slots=True)
class CardCodes:
    """Whole card codes read for a manager's choice, by sale id: the readable ones, and
    why the others cannot be shown (:data:`UNREADABLE`). Sales without a code are in
    neither."""

    codes: dict[int, str] = field(repr=False)
    unreadable: dict[int, str]
