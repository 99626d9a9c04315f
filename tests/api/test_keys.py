"""The API key in the OS keyring (``pos_app.api.keys``): kept only in a secure backend, read
after ``ONECLICK_API_KEY``, never shown. The keyring is the suite's in-memory one
(tests/conftest.py ``memory_keyring``), or another test backend set here."""

from __future__ import annotations

import logging

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from pos_app.api import InvalidKeyFormatError, OneClickClient
from pos_app.api.keys import (
    ACCOUNT,
    FROM_ENV,
    FROM_KEYRING,
    SERVICE,
    InsecureKeyringError,
    KeyReading,
    KeyStorageError,
    configured_key,
    forget_key,
    key_tail,
    secure_backend,
    store_key,
    stored_key,
)
from tests.api.scripted_server import ScriptedServer
from tests.support.memory_keyring import (
    LockedKeyring,
    MemoryKeyring,
    PlaintextMemoryKeyring,
    UnrecommendedKeyring,
)

KEY = "ock_live_8f3a2c91d7e4b605Q7zX"


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FROM_ENV, raising=False)


def test_store_read_forget(memory_keyring: MemoryKeyring) -> None:
    assert stored_key() is None
    assert store_key(f"  {KEY}\n") == KEY  # whitespace stripped, as the client does
    assert memory_keyring.entries == {(SERVICE, ACCOUNT): KEY}
    assert stored_key() == KEY
    assert store_key("ock_other_key_0000ABCD") == "ock_other_key_0000ABCD"  # replaced
    assert stored_key() == "ock_other_key_0000ABCD"
    assert forget_key() is True
    assert stored_key() is None and memory_keyring.entries == {}
    assert forget_key() is False  # nothing left to remove


@pytest.mark.parametrize("bad", ["ock live key", "ock_live_kéy", "ock\x00key"])
def test_a_key_the_client_would_refuse_is_not_kept(memory_keyring: MemoryKeyring, bad: str) -> None:
    with pytest.raises(InvalidKeyFormatError) as raised:
        store_key(bad)
    assert bad not in str(raised.value)
    assert memory_keyring.entries == {}


def test_an_empty_key_is_not_kept(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(ValueError, match="empty"):
        store_key("  \n")
    assert memory_keyring.entries == {}


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), PlaintextMemoryKeyring(), UnrecommendedKeyring()],
    ids=["fail", "null", "plaintext", "unrecommended"],
)
def test_no_secure_backend_refuses_to_keep_the_key(backend: KeyringBackend) -> None:
    keyring.set_keyring(backend)
    with pytest.raises(InsecureKeyringError, match="ONECLICK_API_KEY") as raised:
        store_key(KEY)
    assert type(backend).__name__ in str(raised.value) and KEY not in str(raised.value)
    with pytest.raises(InsecureKeyringError):
        secure_backend()
    assert stored_key() is None  # nothing is read from it either
    assert forget_key() is False
    if isinstance(backend, MemoryKeyring):
        assert backend.entries == {}


def test_a_chain_with_an_insecure_member_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [MemoryKeyring(), fail.Keyring()])
    keyring.set_keyring(chainer.ChainerBackend())
    with pytest.raises(InsecureKeyringError):
        secure_backend()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [MemoryKeyring(), MemoryKeyring()])
    assert isinstance(secure_backend(), chainer.ChainerBackend)


def test_a_secure_backend_is_accepted(memory_keyring: MemoryKeyring) -> None:
    assert secure_backend() is memory_keyring


def test_a_locked_keyring_says_so_without_the_key(caplog: pytest.LogCaptureFixture) -> None:
    keyring.set_keyring(LockedKeyring())
    with pytest.raises(KeyStorageError, match="refused to keep"):
        store_key(KEY)
    with pytest.raises(KeyStorageError, match="could not be read"):
        stored_key()
    with pytest.raises(KeyStorageError, match="refused to remove"):
        forget_key()
    caplog.set_level(logging.DEBUG)
    reading = configured_key({})
    assert reading.key is None and reading.source is None
    assert reading.problem is not None and "could not be read" in reading.problem
    assert "could not be read" in caplog.text and KEY not in caplog.text


def test_the_environment_overrides_the_keyring(memory_keyring: MemoryKeyring) -> None:
    assert configured_key({}) == KeyReading(None, None)
    store_key(KEY)
    assert configured_key({}) == KeyReading(KEY, FROM_KEYRING)
    assert configured_key({FROM_ENV: "env-key-0000WXYZ"}) == KeyReading(
        "env-key-0000WXYZ", FROM_ENV
    )
    assert configured_key({FROM_ENV: "  "}) == KeyReading(KEY, FROM_KEYRING)  # blank: unset


def test_the_environment_is_read_without_touching_the_keyring() -> None:
    keyring.set_keyring(LockedKeyring())  # any call to it would raise
    assert configured_key({FROM_ENV: "env-key-0000WXYZ"}).key == "env-key-0000WXYZ"


def test_what_is_shown_of_a_key() -> None:
    assert key_tail(KEY) == "••••Q7zX"
    assert key_tail("short123") == "••••"  # too short to show any of it
    reading = KeyReading(KEY, FROM_KEYRING)
    assert reading.shown == "••••Q7zX" and KEY not in repr(reading)
    assert KeyReading(None, None).shown == "(not set)"


def test_the_client_sends_the_keyring_key_unless_the_environment_has_one(
    monkeypatch: pytest.MonkeyPatch, scripted: ScriptedServer
) -> None:
    store_key(KEY)
    scripted.push_fixture("ping")
    OneClickClient(scripted.base_url).ping()
    assert scripted.seen[-1].headers["X-Access-Token"] == KEY
    monkeypatch.setenv(FROM_ENV, "env-key-0000WXYZ")
    scripted.push_fixture("ping")
    OneClickClient(scripted.base_url).ping()
    assert scripted.seen[-1].headers["X-Access-Token"] == "env-key-0000WXYZ"
    scripted.push_fixture("ping")
    OneClickClient(scripted.base_url, "").ping()  # "" is no key, whatever is configured
    assert "X-Access-Token" not in scripted.seen[-1].headers
