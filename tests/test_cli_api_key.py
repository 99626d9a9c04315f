"""``pos-app config api_key [--clear]`` and the key kept in the keyring (issue 11, item 2):
read from standard input (a prompt without echo, or a pipe), never from the command line,
shown only by its last four characters; ``ONECLICK_API_KEY`` still overrides it; the key
never reaches stdout or stderr. The keyring is the suite's in-memory one (tests/conftest.py)."""

from __future__ import annotations

import argparse
import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from pos_app import cli
from pos_app.api.keys import ACCOUNT, SERVICE, store_key
from pos_app.cli.config import run_api_key
from pos_app.orders.sender import MissingKeyError, open_sender
from pos_app.simulator import SimConfig, Simulator
from tests.support.memory_keyring import LockedKeyring, MemoryKeyring

ROOT = Path(__file__).resolve().parents[1]
KEY = "ock_live_8f3a2c91d7e4b605Q7zX"
ENV_KEY = "ock_env_77aa0c1e5b2f9d34WXYZ"


class FakeTerminal(io.StringIO):
    """A standard input that says it is a terminal (what it holds is not the key: getpass
    reads the key from the terminal itself, without echo)."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("ONECLICK_API_KEY", "ONECLICK_API_URL", "POS_DB_URL", "POS_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    return tmp_path


def piped(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def assert_never_shown(captured: tuple[str, str], *keys: str) -> None:
    for key in keys:
        assert all(key not in stream for stream in captured)


def test_a_piped_key_is_kept_in_the_keyring_and_shown_by_its_tail(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    memory_keyring: MemoryKeyring,
) -> None:
    caplog.set_level(logging.DEBUG)
    piped(monkeypatch, f"{KEY}\nsecond line is not read\n")
    assert cli.main(["-v", "config", "api_key"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "api_key = ••••Q7zX  [keyring]\n" and captured.err == ""
    assert memory_keyring.shop_entries == {(SERVICE, ACCOUNT): KEY}
    assert cli.main(["-v", "config"]) == 0  # listed, and read again for the listing
    assert_never_shown(capsys.readouterr(), KEY)
    assert_never_shown(captured, KEY)
    assert KEY not in caplog.text


def test_a_terminal_key_is_typed_without_echo(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return KEY

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    monkeypatch.setattr(sys, "stdin", FakeTerminal(f"{ENV_KEY}\n"))
    assert cli.main(["config", "api_key"]) == 0
    assert prompts == ["API key (not shown): "]
    assert memory_keyring.shop_entries == {(SERVICE, ACCOUNT): KEY}
    captured = capsys.readouterr()
    assert captured.out == "api_key = ••••Q7zX  [keyring]\n"
    assert_never_shown(captured, KEY)


def test_a_key_on_the_command_line_is_refused(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    piped(monkeypatch, f"{ENV_KEY}\n")  # not read either
    assert cli.main(["config", "api_key", KEY]) == 2
    captured = capsys.readouterr()
    assert "shell history" in captured.err and captured.out == ""
    assert memory_keyring.shop_entries == {}
    assert_never_shown(captured, KEY, ENV_KEY)
    for argv in (["--clear", KEY], [KEY, "more"], [f"-{KEY}"], ["--bogus", KEY]):
        assert cli.main(["config", "api_key", *argv]) == 2  # argparse would echo it
        captured = capsys.readouterr()
        assert "shell history" in captured.err
        assert_never_shown(captured, KEY)
    assert memory_keyring.shop_entries == {}
    with pytest.raises(SystemExit):  # other commands: argparse's own refusal, as before
        cli.main(["config", "language", "fr", "extra"])
    assert "unrecognized arguments: extra" in capsys.readouterr().err


def test_a_bad_or_empty_key_is_refused_without_showing_it(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    bad = "ock_live 8f3a2c91"
    piped(monkeypatch, f"{bad}\n")
    assert cli.main(["config", "api_key"]) == 2
    captured = capsys.readouterr()
    assert "position 9" in captured.err and captured.out == ""
    assert_never_shown(captured, bad, "8f3a2c91")
    piped(monkeypatch, "")  # an empty pipe
    assert cli.main(["config", "api_key"]) == 2
    assert "empty" in capsys.readouterr().err
    assert memory_keyring.shop_entries == {}


def test_clear_removes_the_key(
    capsys: pytest.CaptureFixture[str], memory_keyring: MemoryKeyring
) -> None:
    store_key(KEY)
    assert cli.main(["config", "api_key", "--clear"]) == 0
    assert capsys.readouterr().out == "api_key removed from the keyring\n"
    assert memory_keyring.shop_entries == {}
    assert cli.main(["config", "api_key", "--clear"]) == 0
    assert capsys.readouterr().out == "no key was kept\n"
    assert cli.main(["config", "language", "--clear"]) == 2
    assert "--clear applies to api_key only" in capsys.readouterr().err


def test_no_secure_keyring_refuses_and_points_to_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    keyring.set_keyring(fail.Keyring())
    piped(monkeypatch, f"{KEY}\n")
    assert cli.main(["config", "api_key"]) == 1
    captured = capsys.readouterr()
    assert "no secure system keyring" in captured.err and "ONECLICK_API_KEY" in captured.err
    assert captured.out == ""
    assert_never_shown(captured, KEY)


def test_the_listing_says_where_the_key_comes_from(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["config"]) == 0
    assert capsys.readouterr().out.startswith("api_key = (not set)\n")
    store_key(KEY)
    assert cli.main(["config"]) == 0
    listed = capsys.readouterr()
    assert listed.out.startswith("api_key = ••••Q7zX  [keyring]\n")
    assert "low_balance = " in listed.out  # the other settings follow
    monkeypatch.setenv("ONECLICK_API_KEY", ENV_KEY)
    assert cli.main(["config"]) == 0
    listed = capsys.readouterr()
    assert listed.out.startswith("api_key = ••••WXYZ  [from ONECLICK_API_KEY]\n")
    assert_never_shown(listed, KEY, ENV_KEY)
    piped(monkeypatch, f"{KEY}\n")  # stored all the same, with a note that it is overridden
    assert cli.main(["config", "api_key"]) == 0
    assert "ONECLICK_API_KEY is set and overrides" in capsys.readouterr().err


def test_the_sender_takes_the_keyring_key_and_the_environment_first(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'pos.sqlite3'}"
    with pytest.raises(MissingKeyError, match="pos-app config api_key") as missing:
        open_sender(db_url=url, require_key=True, env={})
    assert "ONECLICK_API_KEY" in str(missing.value)
    store_key(KEY)
    with Simulator(SimConfig(key=KEY, key_type="PRODUCTION")) as sim:
        with open_sender(db_url=url, base_url=sim.base_url, require_key=True, env={}) as sender:
            assert sender.client.balance() is not None  # the keyring's key was accepted
        sent = [request for request in sim.requests() if request.path.endswith("/balance")]
        assert sent  # one balance call went out with it


def test_the_command_line_sells_with_the_keyring_key(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with Simulator(SimConfig(key=KEY, key_type="PRODUCTION")) as sim:
        monkeypatch.setenv("ONECLICK_API_URL", sim.base_url)
        assert cli.main(["status"]) == 0  # no key anywhere: training
        assert capsys.readouterr().out.startswith("TRAINING MODE")
        store_key(KEY)
        backend = keyring.get_keyring()
        reads: list[str] = []
        read = backend.get_password

        def counted(service: str, user: str) -> str | None:
            reads.append(user)
            return read(service, user)

        monkeypatch.setattr(backend, "get_password", counted)
        assert cli.main(["status"]) == 0
        assert len(reads) == 1, "the key is read once per command"
        shown = capsys.readouterr()
        assert "PRODUCTION key" in shown.out and "TRAINING" not in shown.out
        assert_never_shown(shown, KEY)
        monkeypatch.setenv("ONECLICK_API_KEY", "ock_wrong_0000000000")  # overrides: refused
        assert cli.main(["status"]) == 1
        assert "API key was refused" in capsys.readouterr().out


def test_the_window_starts_for_real_only_with_a_key(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[bool, bool]] = []
    handed: list[str | None] = []

    def fake_window(
        args: argparse.Namespace, *, demo: bool, no_key: bool, api_key: str | None
    ) -> int:
        started.append((demo, no_key))
        handed.append(api_key)
        return 0

    monkeypatch.setattr(cli, "_run_window", fake_window)
    assert cli.main([]) == 0
    store_key(KEY)
    assert cli.main([]) == 0
    assert cli.main(["--demo"]) == 0
    assert started == [(True, True), (False, False), (True, False)]
    assert handed == [None, KEY, None]  # the key read once, here, goes to the window


def test_a_locked_keyring_starts_training_and_says_why(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    started: list[tuple[bool, bool]] = []
    handed: list[str | None] = []

    def fake_window(
        args: argparse.Namespace, *, demo: bool, no_key: bool, api_key: str | None
    ) -> int:
        started.append((demo, no_key))
        handed.append(api_key)
        return 0

    monkeypatch.setattr(cli, "_run_window", fake_window)
    keyring.set_keyring(LockedKeyring())
    assert cli.main([]) == 0
    assert started == [(True, True)]
    assert capsys.readouterr().err == (
        "pos-app: the system keyring could not be read (KeyringLocked); starting in training mode\n"
    )
    monkeypatch.setenv("ONECLICK_API_KEY", ENV_KEY)  # the environment needs no keyring
    assert cli.main([]) == 0
    assert started[-1] == (False, False) and capsys.readouterr().err == ""


@pytest.mark.slow
def test_a_real_pipe_into_a_child_process(shop: Path) -> None:
    """``echo KEY | pos-app config api_key`` as a shop would type it: kept (the child's
    keyring is the test's in-memory one), shown by its tail; with no secure keyring (the
    null backend), refused and pointed to ONECLICK_API_KEY."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ONECLICK_", "POS_"))}
    env |= {
        "PYTHONPATH": str(ROOT),
        "PYTHONIOENCODING": "utf-8",
        "POS_DATA_DIR": str(shop),
    }

    def run(backend: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pos_app", "config", "api_key"],
            input=f"{KEY}\n",
            env=env | {"PYTHON_KEYRING_BACKEND": backend},
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=False,
        )

    kept = run("tests.support.memory_keyring.MemoryKeyring")
    assert (kept.returncode, kept.stdout, kept.stderr) == (0, "api_key = ••••Q7zX  [keyring]\n", "")
    refused = run("keyring.backends.null.Keyring")
    assert refused.returncode == 1 and refused.stdout == ""
    assert "no secure system keyring" in refused.stderr and "ONECLICK_API_KEY" in refused.stderr
    for done in (kept, refused):
        assert KEY not in done.stdout + done.stderr


def test_run_api_key_reads_the_given_input(memory_keyring: MemoryKeyring) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run_api_key(None, out, err, stdin=io.StringIO(f"  {KEY}  \r\n")) == 0
    assert memory_keyring.shop_entries == {(SERVICE, ACCOUNT): KEY}
    assert KEY not in out.getvalue() + err.getvalue()
