"""A PIN as the store keeps it: ``scrypt$n$r$p$salt$hash`` (salt and hash in base64), with a
random 16-byte salt per person. Salted and slow to guess; self-describing, so the cost can
change later and old hashes still check; compared in constant time. The PIN itself is kept
nowhere, and no exception raised here holds it."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Final

from pos_app.domain.users import checked_pin, pin_problem

SCRYPT_N: Final = 2**14
SCRYPT_R: Final = 8
SCRYPT_P: Final = 1
HASH_LENGTH: Final = 32
SALT_LENGTH: Final = 16
_SCHEME: Final = "scrypt"
_MAX_MEMORY: Final = 128 * 1024 * 1024  # a stored hash asking for more is not computed


def _scrypt(pin: str, salt: bytes, *, n: int, r: int, p: int, length: int) -> bytes:
    memory = 128 * r * (n + p + 2) + 1024 * 1024  # OpenSSL's own count, plus headroom
    return hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=memory
    )


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def hash_pin(pin: str, salt: bytes) -> str:
    """``pin`` as ``scrypt$n$r$p$salt$hash`` with the given ``salt`` (16 random bytes, one
    per person: the caller draws them). Raises :class:`InvalidPinError` for a PIN that
    breaks the PIN rule, ValueError for a salt of another length."""
    checked_pin(pin)
    if len(salt) != SALT_LENGTH:
        raise ValueError(f"a PIN's salt is {SALT_LENGTH} bytes, got {len(salt)}")
    digest = _scrypt(pin, salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, length=HASH_LENGTH)
    return f"{_SCHEME}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


@dataclass(frozen=True, slots=True)
class _StoredHash:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes


def _parse_hash(stored: str) -> _StoredHash | None:
    """The parts of a stored hash, or None when it is not one this code can check."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _SCHEME:
        return None
    try:
        n, r, p = (int(part) for part in parts[1:4] if part.isdigit())
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return None
    power_of_two = n > 1 and n & (n - 1) == 0
    if not power_of_two or r < 1 or p < 1 or not salt or not digest:
        return None
    if 128 * r * (n + p + 2) > _MAX_MEMORY or p > 16 or len(digest) > 64:
        return None
    return _StoredHash(n, r, p, salt, digest)


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the PIN behind the stored hash ``stored`` (constant-time compare).
    False, never an exception, for a PIN that breaks the PIN rule or a stored text that is
    not a hash this code can check (it matches no PIN)."""
    if pin_problem(pin) is not None:
        return False
    parts = _parse_hash(stored)
    if parts is None:
        return False
    digest = _scrypt(pin, parts.salt, n=parts.n, r=parts.r, p=parts.p, length=len(parts.digest))
    return hmac.compare_digest(digest, parts.digest)


def needs_rehash(stored: str) -> bool:
    """Whether a stored hash was made with other parameters than today's."""
    parts = _parse_hash(stored)
    return parts is None or (parts.n, parts.r, parts.p, len(parts.digest)) != (
        SCRYPT_N,
        SCRYPT_R,
        SCRYPT_P,
        HASH_LENGTH,
    )


def new_pin_hash(pin: str) -> str:
    """``pin`` hashed with a fresh random salt (:func:`hash_pin`)."""
    return hash_pin(pin, secrets.token_bytes(SALT_LENGTH))
