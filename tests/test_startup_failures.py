"""Issue 8 items 11 and 12 through the real command: every storage failure and every bad
setting at start ends ``order``, ``resume``, ``history``, ``config``, ``status`` and the window
with one clear line on stderr (no traceback) and a documented exit status (4: the database
cannot be used; 2: a setting), and nothing already recorded is changed. The window's log file
is readable by the shop's user only."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.cli import logfile
from pos_app.store import db as store_db
from pos_app.store import open_store
from tests.support.disk_faults import (
    break_page,
    fill,
    posix_only,
    read_only,
    recorded,
    set_state,
    tiny_disk,
    unchanged,
)
from tests.support.sales import numbered_sale as new_sale

pytestmark = pytest.mark.slow  # each test runs pos-app in a child process

ROOT = Path(__file__).resolve().parents[1]
EXIT_USAGE = 2
EXIT_STORE = 4
NOWHERE = "http://127.0.0.1:9/v3"  # nothing listens: nothing could be sent anyway

COMMANDS = {
    "order": [
        "order",
        "--type",
        "ADSL",
        "--number",
        "036362608",
        "--value",
        "500",
        "--timeout",
        "1",
    ],
    "resume": ["resume", "--timeout", "1"],
    "history": ["history", "--json"],
    "config": ["config"],
    "config-set": ["config", "language", "fr"],
    "status": ["status"],
    "window": ["--smoke"],
}


class Shop:
    """A data folder with three recorded sales, and ``pos-app`` run against it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = folder / "pos.sqlite3"

    def make(self) -> Shop:
        self.folder.mkdir(parents=True, exist_ok=True)
        with open_store(f"sqlite:///{self.db.as_posix()}") as store:
            for n in (1, 2, 3):
                store.add_sale(new_sale(n))
        return self

    def run(self, command: str, **env: str) -> subprocess.CompletedProcess[str]:
        base = {k: v for k, v in os.environ.items() if not k.startswith(("ONECLICK_", "POS_"))}
        base |= {
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8",
            "POS_DATA_DIR": str(self.folder),
            "ONECLICK_API_KEY": "some-key",
            "ONECLICK_API_URL": NOWHERE,
            "POS_SMOKE_TIMEOUT": "2",
            **env,
        }
        return subprocess.run(
            [sys.executable, "-m", "pos_app", *COMMANDS[command]],
            env=base,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )


def one_line(done: subprocess.CompletedProcess[str], status: int) -> str:
    """The run ended with ``status`` and exactly one line on stderr, no traceback."""
    assert done.returncode == status, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("pos-app: "), lines[0]
    assert done.stdout == "", done.stdout
    return lines[0]


@pytest.fixture
def shop(tmp_path: Path) -> Shop:
    return Shop(tmp_path / "data").make()


# -- item 11: storage failures at start: status 4 ---------------------------------------------


def damage(shop: Shop, kind: str) -> None:
    if kind == "damaged":
        break_page(shop.db)
    elif kind == "bad-state":
        set_state(shop.db, "half-sold")
    elif kind == "garbage":
        shop.db.write_bytes(b"this is not a database " * 400)
    elif kind == "truncated":
        shop.db.write_bytes(shop.db.read_bytes()[:5000])
    else:  # newer
        import sqlite3

        raw = sqlite3.connect(shop.db)
        raw.execute("INSERT INTO schema_version VALUES (99, 0)")
        raw.commit()
        raw.close()


CASES = [("damaged", command) for command in ("order", "resume", "history", "config", "window")]
CASES += [
    (kind, command)
    for kind in ("bad-state", "garbage", "truncated", "newer")
    for command in ("order", "history", "window")
]


@pytest.mark.parametrize(("kind", "command"), CASES)
def test_item11_a_damaged_or_newer_database_stops_every_front_end_untouched(
    shop: Shop, kind: str, command: str
) -> None:
    damage(shop, kind)
    before = recorded(shop.folder)
    line = one_line(shop.run(command), EXIT_STORE)
    assert str(shop.db) in line
    if kind != "newer":
        assert "is damaged" in line and "there is no backup" in line
    else:
        assert "version 99" in line
    unchanged(before, shop.folder)


def test_item11_a_read_only_database_stops_selling_and_can_still_be_read(shop: Shop) -> None:
    """Chosen: ``history`` and listing ``config`` only read, so they still work on a sound
    file that cannot be written; every writer stops with status 4."""
    before = recorded(shop.folder)
    with read_only(shop.db):
        for command in ("order", "config-set", "window"):
            line = one_line(shop.run(command), EXIT_STORE)
            assert "cannot be written" in line, (command, line)
        listed = shop.run("history")
        assert listed.returncode == 0, listed.stderr
        assert len(listed.stdout.splitlines()) == 3
        assert shop.run("config").returncode == 0
    unchanged(before, shop.folder)


def test_item11_an_unwritable_data_folder_stops_selling(shop: Shop) -> None:
    before = recorded(shop.folder)
    with read_only(shop.folder):
        for command in ("order", "window"):
            line = one_line(shop.run(command), EXIT_STORE)
            assert "cannot be written" in line, (command, line)
    unchanged(before, shop.folder)


@pytest.mark.parametrize("command", ["order", "history", "config", "window"])
def test_item11_a_data_folder_that_cannot_be_created_is_one_line(
    tmp_path: Path, command: str
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    line = one_line(Shop(tmp_path / "a-file" / "data").run(command), EXIT_STORE)
    assert "data folder" in line and "cannot be created" in line


@pytest.mark.parametrize("command", ["order", "window"])
def test_item11_a_full_disk_stops_selling_untouched(
    tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with tiny_disk(tmp_path / "disk", size="1m") as disk:
        with monkeypatch.context() as patch:
            patch.setattr(store_db, "MIN_FREE_BYTES", 0)  # room enough for three sales
            shop = Shop(disk).make()
        fill(disk)
        before = recorded(disk)
        line = one_line(shop.run(command), EXIT_STORE)
        assert "is full" in line
        unchanged(before, disk)


# -- item 11: bad settings at start: status 2 -------------------------------------------------


@pytest.mark.parametrize("url", ["http://[::1", "http://127.0.0.1:99999/v3"])
@pytest.mark.parametrize("command", ["order", "resume", "status", "window"])
def test_item11_an_unusable_api_url_is_one_line_and_records_nothing(
    shop: Shop, url: str, command: str
) -> None:
    before = recorded(shop.folder)
    line = one_line(shop.run(command, ONECLICK_API_URL=url), EXIT_USAGE)
    assert "nothing was sold" in line
    unchanged(before, shop.folder)


@pytest.mark.parametrize("url", ["nonsense://x", "sqlite://"])
@pytest.mark.parametrize("command", ["order", "history", "config", "window"])
def test_item11_an_unusable_database_url_is_one_line(shop: Shop, url: str, command: str) -> None:
    before = recorded(shop.folder)
    line = one_line(shop.run(command, POS_DB_URL=url), EXIT_USAGE)
    assert "POS_DB_URL" in line
    unchanged(before, shop.folder)


@pytest.mark.parametrize("command", ["order", "resume", "window"])
def test_an_invalid_counter_id_stops_every_sender_in_one_line(shop: Shop, command: str) -> None:
    """One reading of the counter id (issue 9): the window and the command line refuse
    ``POS_COUNTER_ID=caisse-2`` alike, and record nothing."""
    before = recorded(shop.folder)
    line = one_line(shop.run(command, POS_COUNTER_ID="caisse-2"), EXIT_USAGE)
    assert "POS_COUNTER_ID" in line and "'caisse-2'" in line and "nothing was sold" in line
    unchanged(before, shop.folder)


def test_config_lists_an_invalid_counter_id_as_refused(shop: Shop) -> None:
    listed = shop.run("config", POS_COUNTER_ID="caisse-2")
    assert listed.returncode == EXIT_USAGE, listed.stderr
    assert "counter_id = caisse-2  [invalid: the app will refuse to start]" in listed.stdout
    assert listed.stderr.startswith("pos-app: POS_COUNTER_ID: "), listed.stderr
    assert "Traceback" not in listed.stderr


# -- item 12: the log file is the shop's user's only ------------------------------------------


@pytest.fixture
def file_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "data"))
    handler = logfile._FileLog()
    logger = logging.getLogger("pos_app.test_startup")
    logger.addHandler(handler)
    try:
        logger.warning("the counter started")
        yield tmp_path / "data" / "logs"
    finally:
        logger.removeHandler(handler)
        handler.close()


def test_item12_the_log_file_and_its_folder_are_private(file_log: Path) -> None:
    posix_only()
    assert stat.S_IMODE(file_log.stat().st_mode) == 0o700
    log_file = file_log / "pos-app.log"
    assert "the counter started" in log_file.read_text(encoding="utf-8")
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600


def test_item12_rotated_log_files_stay_private(tmp_path: Path) -> None:
    posix_only()
    path = tmp_path / "pos-app.log"
    path.write_text("left by an older version\n")
    path.chmod(0o644)
    handler = logfile._private_rotating_file(path, 200, 2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    try:
        for n in range(20):
            handler.emit(logging.makeLogRecord({"msg": f"line {n} " + "x" * 40}))
    finally:
        handler.close()
    files = sorted(tmp_path.glob("pos-app.log*"))
    assert len(files) == 3
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}
