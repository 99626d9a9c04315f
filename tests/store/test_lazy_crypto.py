"""The data key's sub-keys come from the standard library's HMAC (RFC 5869), and
cryptography (with its own OpenSSL) loads only when a card code is sealed or opened."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from pos_app.store.codes import CodeCipher
from pos_app.store.vault import hkdf_sha256
from tests.support.child import child_report


def test_hkdf_matches_rfc_5869_test_case_1() -> None:
    key = bytes.fromhex("0b" * 22)
    salt = bytes.fromhex("000102030405060708090a0b0c")
    info = bytes.fromhex("f0f1f2f3f4f5f6f7f8f9")
    expected = (
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
    )
    assert hkdf_sha256(key, salt, info, 42).hex() == expected


def test_hkdf_gives_the_same_bytes_as_cryptography() -> None:
    for length in (1, 16, 32, 33, 64, 100):
        key, salt = secrets.token_bytes(32), secrets.token_hex(16).encode("ascii")
        info = secrets.token_hex(5).encode("utf-8")
        theirs = HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info)
        assert hkdf_sha256(key, salt, info, length) == theirs.derive(key)


def test_a_cipher_seals_and_opens_and_refuses_a_bad_key() -> None:
    cipher = CodeCipher(secrets.token_bytes(32))
    assert cipher.open("R-1", cipher.seal("R-1", "1234 5678")) == "1234 5678"
    try:
        CodeCipher(b"short")
    except ValueError:
        pass
    else:
        raise AssertionError("a 5-byte key was taken")


def test_cryptography_loads_at_the_first_code_not_when_a_store_opens(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    code = (
        "import json, sys\n"
        "from datetime import UTC, datetime\n"
        "from pos_app.domain.numbers import LineType\n"
        "from pos_app.store import open_store\n"
        f"with open_store({url!r}) as store:\n"
        "    store.save_products(LineType.ADSL, [(500, 480, True)], datetime.now(UTC))\n"
        "    opened = 'cryptography' in sys.modules\n"
        "    store._codes().seal('R-1', '1234')\n"
        "    print(json.dumps([opened, 'cryptography' in sys.modules]))\n"
    )
    env = {**os.environ, "POS_DATA_KEY_STORE": "file"}
    assert child_report("-c", code, env=env) == [False, True]
