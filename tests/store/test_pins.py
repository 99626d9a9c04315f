"""Tests for pos_app.store.pins: the PIN kept as a self-describing salted scrypt hash."""

from __future__ import annotations

import base64
import hashlib

import pytest

from pos_app.domain.users import InvalidPinError
from pos_app.store.pins import hash_pin, needs_rehash, new_pin_hash, pin_matches

SALT = bytes(range(16))


def test_each_new_hash_has_its_own_salt() -> None:
    first, second = new_pin_hash("1234"), new_pin_hash("1234")
    assert first != second and first.split("$")[4] != second.split("$")[4]
    assert pin_matches("1234", first) and pin_matches("1234", second)


def test_the_hash_describes_itself_and_matches_only_its_pin() -> None:
    stored = hash_pin("482915", SALT)
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert base64.b64decode(salt) == SALT
    assert len(base64.b64decode(digest)) == 32
    assert "482915" not in stored
    assert pin_matches("482915", stored)
    assert not pin_matches("482916", stored)
    assert not pin_matches("48291", stored)
    assert not needs_rehash(stored)


def test_the_salt_makes_two_hashes_of_one_pin_differ() -> None:
    assert hash_pin("1234", SALT) != hash_pin("1234", bytes(16))
    assert hash_pin("1234", SALT) == hash_pin("1234", SALT)


def test_a_bad_pin_or_salt_is_never_hashed() -> None:
    with pytest.raises(InvalidPinError):
        hash_pin("12", SALT)
    with pytest.raises(ValueError, match="16 bytes"):
        hash_pin("1234", b"short")


def test_a_hash_made_with_other_parameters_still_checks() -> None:
    digest = hashlib.scrypt(b"2468", salt=SALT, n=2**10, r=4, p=2, dklen=24)
    enc = base64.b64encode
    stored = f"scrypt${2**10}$4$2${enc(SALT).decode()}${enc(digest).decode()}"
    assert pin_matches("2468", stored) and not pin_matches("2469", stored)
    assert needs_rehash(stored)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "1234",
        "bcrypt$16384$8$1$AAAA$AAAA",
        "scrypt$16384$8$1$AAAA",
        "scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA",  # n not a power of two
        f"scrypt${2**30}$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA",  # far too much memory
        "scrypt$16384$8$1$not base64!$AAAA",
        "scrypt$16384$x$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA",
        "scrypt$16384$8$1$$",
    ],
)
def test_a_damaged_hash_matches_no_pin(stored: str) -> None:
    assert not pin_matches("1234", stored)
    assert needs_rehash(stored)
