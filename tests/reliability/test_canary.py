"""The canary (issue 11 items 5 and 6): real sales with a key, card codes and failures made
for this run, and people with PINs, then every log, captured output, crash output, the data
folder and the settings table searched for them. The API key and the PINs: 0 hits anywhere;
card codes: 0 hits in logs and stderr, nor in the database file, its -wal and -shm, the
backups made after it was created, and the CSV export without ``--full-codes`` (``order`` and
``history --full-codes`` print them on stdout by design). Each test prints what it searched
and what it found.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import os
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from pos_app.api import NO_RETRY, OneClickClient
from pos_app.api.errors import ApiError
from pos_app.cli.logfile import log_to_file
from pos_app.domain import redaction
from pos_app.domain.cards import group_code
from pos_app.orders import EngineSettings
from pos_app.simulator import SimConfig, Simulator
from pos_app.store import latest_version, open_store
from pos_app.store.migrations import backup_file, backups_of
from pos_app.ui.app import build_services
from pos_app.ui.errors import ErrorReporter
from pos_app.ui.main_window import MainWindow
from tests.support.canary import CanaryReport, search, unique_key, unique_pin
from tests.support.waiting import wait_until
from tests.support.window import row_view, sell

pytestmark = pytest.mark.slow  # child processes, a window

ROOT = Path(__file__).resolve().parents[2]
SCALE = 50.0
CHILD_TIMEOUT = 90.0
ADSL_FAST, LTE_FAST, ADSL_REFUND = "023450009", "213550000009", "023450001"

CRASH_SCRIPT = """
import os, sys, threading
import pos_app.cli.status as status
from pos_app.cli import main

def crash(**kwargs):
    def die():
        raise RuntimeError("worker saw key " + os.environ["ONECLICK_API_KEY"])
    worker = threading.Thread(target=die, name="canary-worker")
    worker.start()
    worker.join()
    kind = {"value": ValueError, "runtime": RuntimeError}[os.environ["CANARY_RAISE"]]
    raise kind("status failed with key " + os.environ["ONECLICK_API_KEY"])

status.show_status = crash
sys.exit(main(sys.argv[1:]))
"""


def _at_rest(db: Path) -> dict[str, Path]:
    """The database's files (those that exist) and every backup beside it, by name."""
    files = [db.with_name(db.name + suffix) for suffix in ("", "-wal", "-shm")]
    return {path.name: path for path in [*files, *backups_of(db)] if path.exists()}


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Outputs:
    """Every captured stdout and stderr, by name."""

    def __init__(self) -> None:
        self.blobs: dict[str, str] = {}

    def keep(self, name: str, proc: subprocess.CompletedProcess[str]) -> None:
        self.blobs[f"{name}.stdout"] = proc.stdout
        self.blobs[f"{name}.stderr"] = proc.stderr

    def stderrs(self) -> list[str]:
        return [name for name in self.blobs if name.endswith(".stderr")]


def _settings_text(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT * FROM setting").fetchall()
    return "\n".join(repr(row) for row in rows)


def _print_report(title: str, report: CanaryReport) -> None:
    print(f"\n{title}\n{report.table()}")


def test_cli_sales_failures_and_crashes_leave_no_key_and_no_card_code_in_logs(
    tmp_path: Path,
) -> None:
    key, wrong_key = unique_key("key"), unique_key("wrong")
    data = tmp_path / "data"
    data.mkdir()
    sim_log = (tmp_path / "sim.stderr").open("w+", encoding="utf-8")
    sim = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pos_app",
            "sim",
            "--port",
            "0",
            "--key",
            key,
            "--seed",
            "7",
            "--time-scale",
            str(SCALE),
        ],
        stdout=subprocess.PIPE,
        stderr=sim_log,
        text=True,
        env=_env(data, "", key=None),
    )
    outputs = Outputs()
    codes_seen: dict[str, int] = {}
    boss_pin, pin = unique_pin(), unique_pin()
    try:
        assert sim.stdout is not None
        url = sim.stdout.readline().strip()
        assert url.endswith("/v3"), url

        def run(name: str, *args: str, api_key: str = key, api_url: str = url) -> int:
            proc = subprocess.run(
                [sys.executable, "-m", "pos_app", *args],
                env=_env(data, api_url, key=api_key),
                capture_output=True,
                text=True,
                timeout=CHILD_TIMEOUT,
                check=False,
            )
            outputs.keep(name, proc)
            return proc.returncode

        order = ("-v", "order", "--timeout", "20", "--value", "1000", "--number")
        assert run("order-adsl", *order, ADSL_FAST, "--type", "ADSL") == 0
        assert run("order-4g", *order, LTE_FAST, "--type", "4G") == 0
        assert run("order-refunded", *order, ADSL_REFUND, "--type", "ADSL") == 11
        assert run("order-wrong-key", *order, "023450019", "--type", "ADSL", api_key=wrong_key) in {
            12,
            13,
        }
        offline = f"http://127.0.0.1:{_closed_port()}/v3"
        assert run("order-offline", *order, "023450029", "--type", "ADSL", api_url=offline) in {
            12,
            13,
        }
        assert run("resume", "-v", "resume", "--timeout", "20") == 0
        assert run("status", "-v", "status") == 0
        assert run("config", "config") == 0
        assert run("window-smoke", "-v", "--smoke") == 0
        assert run("history", "history", "--json", "--full-codes") == 0
        exported = tmp_path / "exports" / "sales.csv"
        exported.parent.mkdir()
        assert run("export", "history", "--csv", str(exported)) == 0
        for name, typed, role in (("Canary Boss", boss_pin, ("--manager",)), ("Canary", pin, ())):
            added = subprocess.run(
                [sys.executable, "-m", "pos_app", "user", "add", name, *role],
                input=typed + "\n",
                env=_env(data, url, key=key),
                capture_output=True,
                text=True,
                timeout=CHILD_TIMEOUT,
                check=False,
            )
            outputs.keep(f"user-add-{name}", added)
            assert added.returncode == 0, added.stderr
        for kind in ("value", "runtime"):  # a ValueError is reported, a RuntimeError crashes
            crash = subprocess.run(
                [sys.executable, "-c", CRASH_SCRIPT, "-v", "status"],
                env=_env(data, url, key=key) | {"CANARY_RAISE": kind},
                capture_output=True,
                text=True,
                timeout=CHILD_TIMEOUT,
                check=False,
            )
            outputs.keep(f"crash-{kind}", crash)
            codes_seen[kind] = crash.returncode
    finally:
        sim.terminate()
        sim.wait(timeout=CHILD_TIMEOUT)
        sim_log.seek(0)
        outputs.blobs["simulator.stderr"] = sim_log.read()
        sim_log.close()

    reported, crashed = outputs.blobs["crash-value.stderr"], outputs.blobs["crash-runtime.stderr"]
    assert codes_seen == {"value": 2, "runtime": 1}, (reported, crashed)
    assert "a setting cannot be used (status failed with key [redacted])" in reported, reported
    assert "RuntimeError: status failed with key [redacted]" in crashed, crashed
    assert "RuntimeError: worker saw key [redacted]" in crashed, crashed
    sold = [json.loads(line) for line in outputs.blobs["history.stdout"].splitlines()]
    codes = [sale["card_code"] for sale in sold if sale.get("card_code")]
    assert len(codes) >= 3, sold  # two fulfilled orders, and the sales resumed

    db = data / "pos.sqlite3"
    # A PIN checked by the store, a sale row written again (its page goes through the -wal),
    # and a backup of the live database as the next migration would make it; searched while
    # the store is open, so its -wal and -shm are there.
    with open_store(f"sqlite:///{db.as_posix()}") as store:
        assert store.check_pin("Canary", pin).accepted
        coded = next(sale for sale in sold if sale.get("card_code"))
        sale = store.get(coded["ref"])
        assert sale is not None and sale.card_code == coded["card_code"]
        store.record(sale.ref, "canary: written again", server_status=sale.server_status)
        backup_file(db, latest_version(), latest_version() + 1, store.now())
        at_rest = {f"at rest/{name}": path for name, path in _at_rest(db).items()}
        assert {f"at rest/{db.name}-wal", f"at rest/{db.name}-shm"} <= set(at_rest)
        at_rest["export without --full-codes"] = exported
        kept = search(at_rest, {"card code": codes, "pin": [boss_pin, pin]})
    _print_report("CLI canary: the database, its log, backups and export", kept)
    assert kept.count("card code") == 0, kept.where("card code")
    assert kept.count("pin") == 0, kept.where("pin")
    assert len(kept.sizes) >= 5  # the file, -wal, -shm, a backup, the export
    sources: dict[str, Path | str] = {"data folder": data, "settings table": _settings_text(db)}
    sources |= outputs.blobs
    secrets_made = {"api key": [key, wrong_key], "card code": codes, "pin": [boss_pin, pin]}
    report = search(sources, secrets_made)
    _print_report("CLI canary", report)
    assert report.count("api key") == 0, report.where("api key")
    assert report.count("pin") == 0, report.where("pin")
    logs = [name for name in report.sizes if "/logs/" in name or name.endswith(".log")]
    assert report.count("card code", logs + outputs.stderrs()) == 0, report.where("card code")
    assert report.count("card code", [f"data folder/{name}" for name in _at_rest(db)]) == 0
    # The search does find codes where they are shown on purpose (the control).
    assert report.count("card code", ["history.stdout"]) >= len(codes)


def _env(data: Path, url: str, *, key: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ONECLICK_", "POS_"))}
    env |= {
        "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        "POS_DATA_DIR": str(data),
        "POS_ENGINE_TIME_SCALE": str(SCALE),
        "POS_COUNTER_ID": "CANARY",
        "QT_QPA_PLATFORM": "offscreen",
    }
    if url:
        env["ONECLICK_API_URL"] = url
    if key is not None:
        env["ONECLICK_API_KEY"] = key
    return env


# --- the window, in this process ----------------------------------------------------------------


@pytest.fixture
def redacted_process() -> Iterator[None]:
    """What ``pos-app`` does first (the log redaction), undone after the test."""
    uninstall = redaction.install()
    yield
    uninstall()


@pytest.mark.usefixtures("redacted_process")
def test_a_window_sale_and_its_unexpected_errors_leave_no_key_and_no_card_code_in_logs(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qapp: QApplication,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    key, wrong_key = unique_key("window"), unique_key("wrong")
    data = tmp_path / "data"
    monkeypatch.setenv("POS_DATA_DIR", str(data))
    monkeypatch.setenv("POS_COUNTER_ID", "CANARY")
    monkeypatch.delenv("ONECLICK_API_KEY", raising=False)
    caplog.set_level(logging.DEBUG)
    file_log = log_to_file()
    sim = Simulator(SimConfig(key=key, seed=7, time_scale=200.0)).start()
    monkeypatch.setenv("ONECLICK_API_URL", sim.base_url)
    qapp.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    services = build_services(
        demo=False,
        api_key=key,
        db_url=f"sqlite:///{(data / 'pos.sqlite3').as_posix()}",
        settings=EngineSettings(time_scale=200.0),
    )
    window = MainWindow(services.counter, training=False)
    reporter = ErrorReporter(window)
    uninstall_hooks = reporter.install(loop)
    code = ""
    try:
        window.show()

        async def body() -> str:
            await services.counter.start()
            await wait_until(lambda: window.sale.grid.buttons, what="products")
            sell(window.sale.field.edit, ADSL_FAST, 2)
            model = window.orders.model
            await wait_until(
                lambda: model.rowCount() == 1 and row_view(model, 0).card_code, 15, what="code"
            )
            sold = row_view(model, 0).card_code
            assert sold
            # The window's three unexpected-error paths, each holding the key and the code.
            QTimer.singleShot(0, lambda: _raise(f"slot saw {key} and {sold}"))
            worker = threading.Thread(target=_raise, args=(f"worker saw {key}",), name="w-1")
            worker.start()
            # No reference kept: the loop reports a task's unretrieved error when the task goes.
            asyncio.ensure_future(_fail(f"task saw {key} and {group_code(sold)}"))  # noqa: RUF006
            await wait_until(lambda: reporter.count >= 3, what="three errors reported")
            worker.join()
            return sold

        code = loop.run_until_complete(asyncio.wait_for(body(), 30))
        # Failures outside the window: a refused key, a network error.
        with pytest.raises(ApiError):
            OneClickClient(sim.base_url, wrong_key, retry=NO_RETRY).balance()
        with pytest.raises(ApiError):
            OneClickClient(f"http://127.0.0.1:{_closed_port()}/v3", key, retry=NO_RETRY).ping()
        logging.getLogger("tests.canary").exception(
            "an error that quotes %s", key, exc_info=RuntimeError(f"{key} {code}")
        )
        loop.run_until_complete(services.shutdown())
    finally:
        uninstall_hooks()
        if not services.closed:
            loop.run_until_complete(services.shutdown(timeout=0, pool_wait=0))
        window.allow_close()
        window.close()
        window.deleteLater()
        sim.stop()
        logging.getLogger().removeHandler(file_log)
        file_log.close()
        loop.close()
        asyncio.set_event_loop(None)
        gc.collect()

    captured = capsys.readouterr()
    assert reporter.count >= 3
    assert "[redacted]" in caplog.text  # the secrets were there, and hidden
    log_file = data / "logs" / "pos-app.log"
    assert log_file.is_file() and "unexpected error" in log_file.read_text(encoding="utf-8")
    sources: dict[str, Path | str] = {
        "data folder": data,
        "settings table": _settings_text(data / "pos.sqlite3"),
        "caplog": caplog.text,
        "stdout": captured.out,
        "stderr": captured.err,
        "status bar": window.status.currentMessage(),
    }
    report = search(sources, {"api key": [key, wrong_key], "card code": [code]})
    _print_report("window canary (in-process)", report)
    assert report.count("api key") == 0, report.where("api key")
    logs = ["caplog", "stderr", "data folder/logs/pos-app.log"]
    assert report.count("card code", logs) == 0, report.where("card code")
    database = [f"data folder/{name}" for name in _at_rest(data / "pos.sqlite3")]
    assert database and report.count("card code", database) == 0, report.where("card code")


def _raise(message: str) -> None:
    raise RuntimeError(message)


async def _fail(message: str) -> None:
    await asyncio.sleep(0)
    raise RuntimeError(message)
