"""``pos-app verify``: 0 and the chain head for an intact journal, 1 and the first break for
a tampered one, 4 with one line when the data key is missing; and a database made in this
process opens in a child process (its key is in the file beside it)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.cli import main
from pos_app.domain.sale_states import SaleState
from pos_app.store import open_store
from pos_app.store.vault import key_file_for
from tests.support.clock import Clock
from tests.support.sales import numbered_sale


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "shop" / "pos.sqlite3"
    clock = Clock()
    with open_store(sqlite_url(path), now=clock.now) as store:
        for index in (1, 2, 3):
            sale = store.add_sale(numbered_sale(index))
            store.transition(sale.ref, SaleState.WAITING, SaleState.SENDING, "send")
    monkeypatch.setenv("POS_DB_URL", sqlite_url(path))
    return path


def verify(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    status = main(["verify"])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


def test_an_intact_journal(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, err = verify(capsys)
    with open_store(sqlite_url(db_path), read_only=True) as store:
        rows, head = store.chain_head()
    assert (status, err) == (0, "")
    assert lines[0] == f"journal: {rows} rows, head {head[:16]}, intact"
    assert lines[1] == "action: 0 rows, head -, intact"
    assert f"journal chain head: {head}" in lines and "journal rows checked: 6" in lines
    assert "action rows checked: 0" in lines
    assert lines[2] == "z_report: 0 rows, head -, intact" and "z_report rows checked: 0" in lines
    assert lines[-1] == "the journal, the action log and the Z reports are intact"


def test_a_tampered_journal_names_the_first_break(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE sale SET price = 10 WHERE id = 2")
    connection.close()
    status, lines, err = verify(capsys)
    print("\n".join(lines))
    assert status == 1
    assert "first break: journal row 3: its MAC does not match" in "\n".join(lines)
    assert err == (
        "pos-app verify: the books (journal, action log, people or Z reports) were changed "
        "outside the app\n"
    )


def test_a_missing_key_stops_with_status_4(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key_file_for(db_path).unlink()
    status, lines, err = verify(capsys)
    assert (status, lines) == (4, [])
    assert err.startswith("pos-app: the data key for this database is missing from ")
    assert str(key_file_for(db_path)) in err and err.count("\n") == 1


@pytest.mark.slow
def test_a_child_process_opens_a_database_made_here(db_path: Path) -> None:
    """The suite's keyring is in this process only: a database it made keeps its key in the
    file beside it, which a child (keyring's null backend) finds."""
    env = {**os.environ, "POS_DB_URL": sqlite_url(db_path)}
    done = subprocess.run(
        [sys.executable, "-m", "pos_app", "verify"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert (
        done.stdout.splitlines()[-1] == "the journal, the action log and the Z reports are intact"
    )
