"""``pos-app user add|list|passwd|disable|enable`` (issue 11, item 3), in this process over a
real SQLite file: PINs read from standard input (twice without echo at a terminal, one line
from a pipe), never from the command line and never shown; the first person must be a
manager and the last manager stays; every change noted as ``cli:<os user>``; a database that
cannot be used ends with status 4."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app import cli
from pos_app.domain.users import PinOutcome, Role
from pos_app.store import Store, open_store
from pos_app.store.settings import database_url
from tests.support.command_line import FakeTerminal, own_shop, piped

ROOT = Path(__file__).resolve().parents[1]
BOSS_PIN = "73915208"
CASHIER_PIN = "48260413"


@pytest.fixture(autouse=True)
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    own_shop(monkeypatch, tmp_path)
    monkeypatch.setattr("getpass.getuser", lambda: "owner")
    return tmp_path


@pytest.fixture
def store() -> Iterator[Store]:
    opened = open_store(database_url())
    yield opened
    opened.close()


def run(
    capsys: pytest.CaptureFixture[str], *argv: str, pins: tuple[str, ...] = ()
) -> tuple[int, str, str]:
    status = cli.main(["user", *argv])
    captured = capsys.readouterr()
    for pin in (BOSS_PIN, CASHIER_PIN, *pins):
        assert pin not in captured.out and pin not in captured.err, "a PIN was shown"
    assert "scrypt" not in captured.out + captured.err
    return status, captured.out, captured.err


def add_manager(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    piped(monkeypatch, f"{BOSS_PIN}\n")
    assert run(capsys, "add", "Samir", "--manager")[0] == 0


def add_cashier(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    piped(monkeypatch, f"  {CASHIER_PIN}\r\n")
    assert run(capsys, "add", "Amina")[0] == 0


def test_the_first_person_must_be_a_manager_and_is_told_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    piped(monkeypatch, f"{CASHIER_PIN}\n")
    status, out, err = run(capsys, "add", "Amina")
    assert (status, out) == (2, "")
    assert "first person added must be a manager" in err and "--manager" in err
    assert sys.stdin.read() == f"{CASHIER_PIN}\n", "refused before the PIN was read"
    piped(monkeypatch, f"{BOSS_PIN}\n")
    status, out, err = run(capsys, "add", "Samir", "--manager")
    assert (status, err) == (0, "")
    assert out == "added Samir (manager)\nSamir is the shop's manager\n"
    add_cashier(monkeypatch, capsys)
    with open_store(database_url()) as store:
        assert store.check_pin("samir", BOSS_PIN).accepted
        assert store.check_pin("Amina", CASHIER_PIN).accepted, "the pipe's line, trimmed"
        amina = store.user("Amina")
        assert amina is not None and amina.role is Role.CASHIER
        actions = [(a.who, a.action, dict(a.detail or {})) for a in reversed(store.actions())]
    assert actions == [
        ("cli:owner", "user.add", {"name": "Samir", "role": "manager"}),
        ("cli:owner", "user.add", {"name": "Amina", "role": "cashier"}),
    ]


def test_at_a_terminal_the_pin_is_typed_twice_without_echo(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    typed: list[str] = []
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return typed.pop(0)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    monkeypatch.setattr(sys, "stdin", FakeTerminal("9999\n"))  # never read: getpass is
    typed[:] = [BOSS_PIN, "73915209"]
    status, out, err = run(capsys, "add", "Samir", "--manager", pins=("73915209",))
    assert (status, out) == (2, "") and "the two PINs differ" in err
    assert store.users(include_disabled=True) == []
    typed[:] = ["12ab"]
    prompts.clear()
    status, _, err = run(capsys, "add", "Samir", "--manager", pins=("12ab",))
    assert status == 2 and "digits 0 to 9 only" in err
    assert len(prompts) == 1, "a bad PIN is said at once, not after the second prompt"
    typed[:] = [BOSS_PIN, BOSS_PIN]
    prompts.clear()
    assert run(capsys, "add", "Samir", "--manager")[0] == 0
    assert prompts == ["PIN for Samir (4 to 8 digits, not shown): ", "The same PIN again: "]
    assert store.check_pin("Samir", BOSS_PIN).accepted


@pytest.mark.parametrize(
    "argv",
    [
        ["add", "Amina", CASHIER_PIN],
        ["add", "Amina", f"--pin={CASHIER_PIN}"],
        ["add", "--pin", CASHIER_PIN, "Amina"],
        ["passwd", "Samir", CASHIER_PIN],
    ],
)
def test_a_pin_on_the_command_line_is_refused_without_echo(
    argv: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    store: Store,
) -> None:
    add_manager(monkeypatch, capsys)
    piped(monkeypatch, "2222\n")
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "") and "shell history" in err
    assert [person.name for person in store.users()] == ["Samir"]
    assert store.check_pin("Samir", BOSS_PIN).accepted


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no PIN was read"),
        ("\n", "Type a PIN of 4 to 8 digits."),
        ("123\n", "at least 4 digits"),
        ("123456789\n", "at most 8 digits"),
        ("١٢٣٤\n", "digits 0 to 9 only"),
    ],
)
def test_a_bad_pin_is_refused_and_nothing_changes(
    text: str,
    reason: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    store: Store,
) -> None:
    piped(monkeypatch, text)
    typed = text.strip()
    status, out, err = run(capsys, "add", "Samir", "--manager", pins=(typed,) if typed else ())
    assert (status, out) == (2, "")
    assert reason in err and "nothing was changed" in err
    assert store.users(include_disabled=True) == [] and store.actions() == []


@pytest.mark.parametrize(
    ("name", "reason"),
    [("   ", "Type a name."), ("x" * 41, "at most 40"), ("Sa\tmir", "tabs, line breaks")],
)
def test_a_bad_name_is_refused_before_the_pin(
    name: str, reason: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    piped(monkeypatch, f"{BOSS_PIN}\n")
    status, _, err = run(capsys, "add", name, "--manager")
    assert status == 2 and reason in err
    assert sys.stdin.read() == f"{BOSS_PIN}\n"


def test_a_taken_name_is_refused_before_the_pin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add_manager(monkeypatch, capsys)
    piped(monkeypatch, f"{CASHIER_PIN}\n")
    status, _, err = run(capsys, "add", "SAMIR")
    assert status == 2 and "already called 'SAMIR'" in err
    assert sys.stdin.read() == f"{CASHIER_PIN}\n"


def test_the_list_shows_role_state_and_lock_never_a_hash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    status, out, _ = run(capsys, "list")
    assert status == 0 and "no one yet" in out
    add_manager(monkeypatch, capsys)
    add_cashier(monkeypatch, capsys)
    for _ in range(5):
        assert store.check_pin("Amina", "0000").outcome in (PinOutcome.WRONG, PinOutcome.LOCKED)
    locked = store.user("Amina")
    assert locked is not None and locked.locked_until is not None
    status, out, err = run(capsys, "list")
    assert (status, err) == (0, "")
    until = locked.locked_until.astimezone().strftime("%Y-%m-%d %H:%M")  # this computer's time
    assert out.splitlines() == [
        "name   role     active  locked until",
        f"Amina  cashier  yes     {until}",
        "Samir  manager  yes",
    ]


def test_passwd_gives_a_new_pin_and_clears_the_lock(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    add_manager(monkeypatch, capsys)
    add_cashier(monkeypatch, capsys)
    for _ in range(5):
        store.check_pin("Amina", "0000")
    assert store.check_pin("Amina", CASHIER_PIN).outcome is PinOutcome.LOCKED
    piped(monkeypatch, "5566\n")
    status, out, err = run(capsys, "passwd", "amina", pins=("5566",))
    assert (status, err) == (0, "") and out == "new PIN kept for Amina; any lock is cleared\n"
    assert store.check_pin("Amina", "5566").accepted
    assert store.actions()[0].action == "user.passwd" and store.actions()[0].who == "cli:owner"
    piped(monkeypatch, "5566\n")
    status, _, err = run(capsys, "passwd", "Nadia", pins=("5566",))
    assert status == 2 and "no one is called 'Nadia'" in err
    assert sys.stdin.read() == "5566\n", "an unknown name is said before the PIN is read"


def test_the_last_manager_stays_and_others_come_and_go(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    add_manager(monkeypatch, capsys)
    add_cashier(monkeypatch, capsys)
    status, out, err = run(capsys, "disable", "Samir")
    assert (status, out) == (2, "") and "Samir is the last active manager" in err
    assert run(capsys, "disable", "Amina")[1] == "Amina is disabled\n"
    assert run(capsys, "disable", "Amina")[1] == "Amina was disabled already\n"
    assert store.check_pin("Amina", CASHIER_PIN).outcome is PinOutcome.DISABLED
    assert "Amina  cashier  no" in run(capsys, "list")[1]
    assert run(capsys, "enable", "AMINA")[1] == "Amina may log in again\n"
    assert run(capsys, "enable", "Amina")[1] == "Amina was active already\n"
    assert store.check_pin("Amina", CASHIER_PIN).accepted
    assert [a.action for a in reversed(store.actions())] == [
        "user.add",
        "user.add",
        "user.disable",
        "user.enable",
    ]
    status, _, err = run(capsys, "enable", "Nadia")
    assert status == 2 and "no one is called" in err


def test_a_database_that_cannot_be_used_ends_with_status_4(
    shop: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (shop / "pos.sqlite3").write_bytes(b"this is not a database, just some bytes" * 200)
    monkeypatch.setenv("POS_DB_URL", f"sqlite:///{(shop / 'pos.sqlite3').as_posix()}")
    piped(monkeypatch, f"{BOSS_PIN}\n")
    status, out, err = run(capsys, "add", "Samir", "--manager")
    assert (status, out) == (4, "") and err.startswith("pos-app: ") and len(err.splitlines()) == 1
    assert run(capsys, "list")[0] == 4


def test_usage_errors_are_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in ([], ["add"], ["rename", "Samir"]):
        with pytest.raises(SystemExit) as exited:
            cli.main(["user", *argv])
        assert exited.value.code == 2
    capsys.readouterr()


@pytest.mark.slow
def test_a_real_process_reads_the_pin_from_its_pipe(tmp_path: Path) -> None:
    env = {**os.environ, "POS_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    env.pop("POS_DB_URL", None)

    def pos_app(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pos_app", "user", *argv],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=60,
            check=False,
        )

    added = pos_app("add", "Samir", "--manager", stdin=f"{BOSS_PIN}\n")
    assert added.returncode == 0, added.stderr
    listed = pos_app("list")
    assert listed.returncode == 0 and "Samir  manager  yes" in listed.stdout
    refused = pos_app("add", "Amina", CASHIER_PIN)
    assert refused.returncode == 2 and "shell history" in refused.stderr
    for result in (added, listed, refused):
        assert BOSS_PIN not in result.stdout + result.stderr
        assert CASHIER_PIN not in result.stdout + result.stderr
    data = b"".join(path.read_bytes() for path in tmp_path.rglob("pos*") if path.is_file())
    assert b"scrypt$" in data and BOSS_PIN.encode() not in data
