"""``pos-app order|resume|history`` as real subprocesses against an in-process simulator.

Each test gets its own simulator (time scale 50, the engine runs at the same scale) and its own
data directory. Exit statuses: 0 fulfilled, 10 queued, 11 refunded, 12 rejected or refused,
13 waiting to be sent, 15 still in progress, 2 usage error, 3 sender lock held.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator
from pos_app.store import SenderLock, lock_path_for, open_store

pytestmark = pytest.mark.slow  # each test runs pos-app in a child process

ROOT = Path(__file__).resolve().parents[1]
SCALE = 50.0
CHILD_TIMEOUT = 60.0  # a hung child fails the test instead of hanging the run

ADSL_FAST = "023450009"  # FULFILLED after the minimum HANDLING delay
ADSL_REFUND = "023450001"  # HANDLING, then REFUNDED
ADSL_QUEUE = "023450002"  # HANDLING, then QUEUED for 12-48 h (hours even at scale 50)
ADSL_NO_LINE = "023450000"  # ERR_PHONE: the line does not exist
LTE_FAST = "213550000009"


@dataclass
class Run:
    returncode: int
    lines: list[dict[str, Any]]
    stderr: str

    @property
    def last(self) -> dict[str, Any]:
        assert self.lines, f"no JSON line printed; stderr:\n{self.stderr}"
        return self.lines[-1]

    def refs(self) -> set[str]:
        return {line["ref"] for line in self.lines if "ref" in line}

    def states(self) -> list[str]:
        return [line["state"] for line in self.lines if "state" in line]


class Pos:
    """Runs ``python -m pos_app`` against one simulator and one data directory."""

    def __init__(self, sim: Simulator, data_dir: Path) -> None:
        self.sim = sim
        self.data_dir = data_dir
        self.db_url = f"sqlite:///{(data_dir / 'pos.sqlite3').as_posix()}"

    def env(self, *, key: str | None = DEFAULT_SIM_KEY) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ONECLICK_", "POS_"))}
        env |= {
            "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
            "ONECLICK_API_URL": self.sim.base_url,
            "POS_DATA_DIR": str(self.data_dir),
            "POS_ENGINE_TIME_SCALE": str(SCALE),
            "POS_COUNTER_ID": "CLI",
        }
        if key is not None:
            env["ONECLICK_API_KEY"] = key
        return env

    def run(self, *args: str, key: str | None = DEFAULT_SIM_KEY) -> Run:
        proc = subprocess.run(
            [sys.executable, "-m", "pos_app", *args],
            env=self.env(key=key),
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT,
            check=False,
        )
        lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
        return Run(proc.returncode, lines, proc.stderr)

    def order(
        self, number: str, value: int = 1000, *extra: str, kind: str = "ADSL", timeout: float = 20.0
    ) -> Run:
        return self.run(
            "order",
            "--type",
            kind,
            "--number",
            number,
            "--value",
            str(value),
            "--timeout",
            str(timeout),
            *extra,
        )

    def history(self) -> list[dict[str, Any]]:
        # Whole card codes and costs: what these tests check.
        run = self.run("history", "--json", "--full-codes")
        assert run.returncode == 0, run.stderr
        return run.lines

    def sends(self) -> int:
        return sum(1 for r in self.sim.requests() if r.endpoint == "send")


@pytest.fixture
def pos(tmp_path: Path) -> Iterator[Pos]:
    sim = Simulator(SimConfig(seed=7, time_scale=SCALE)).start()
    data_dir = (tmp_path / "data").resolve()
    data_dir.mkdir()
    try:
        yield Pos(sim, data_dir)
    finally:
        sim.stop()


def test_order_fulfilled_prints_each_state_and_the_servers_card(pos: Pos) -> None:
    run = pos.order(ADSL_FAST, 1000)
    assert run.returncode == 0, run.stderr
    assert run.states()[0] == "waiting" and run.states()[-1] == "fulfilled", run.lines
    for line in run.lines:
        assert {"ref", "state", "server_status", "elapsed_ms"} <= line.keys()
        assert isinstance(line["elapsed_ms"], int) and line["elapsed_ms"] >= 0
    assert len({line["ref"] for line in run.lines}) == 1
    final = run.last
    [order] = pos.sim.accepted()
    assert order.ref == final["ref"] and order.status == "FULFILLED"
    assert final["card_code"] == order.card_code and final["card_code"]
    assert final["server_status"] == "FULFILLED"
    assert final["num_trans"] and final["date_traitement"]


def test_order_4g_fulfilled(pos: Pos) -> None:
    run = pos.order(LTE_FAST, 500, kind="4G")
    assert run.returncode == 0, run.stderr
    [order] = pos.sim.accepted()
    assert run.last["card_code"] == order.card_code


def test_order_refunded_exits_11(pos: Pos) -> None:
    run = pos.order(ADSL_REFUND, 500)
    assert run.returncode == 11, (run.lines, run.stderr)
    assert run.last["state"] == "refunded" and run.last["failure_code"] == "REFUNDED"
    [order] = pos.sim.accepted()
    assert order.ref == run.last["ref"] and order.status == "REFUNDED"


def test_order_queued_exits_10(pos: Pos) -> None:
    run = pos.order(ADSL_QUEUE, 2000)
    assert run.returncode == 10, (run.lines, run.stderr)
    assert run.last["state"] == "queued" and run.last["server_status"] == "QUEUED"
    [order] = pos.sim.accepted()
    assert order.status == "QUEUED"


def test_order_err_phone_is_rejected_and_recorded(pos: Pos) -> None:
    run = pos.order(ADSL_NO_LINE, 1000)
    assert run.returncode == 12, (run.lines, run.stderr)
    assert run.last["state"] == "rejected" and run.last["failure_code"] == "ERR_PHONE"
    assert pos.sim.accepted() == []
    [sale] = pos.history()
    assert sale["ref"] == run.last["ref"] and sale["state"] == "rejected"


def test_refused_before_recording_writes_nothing(pos: Pos) -> None:
    bad_number = pos.order("12345", 1000)
    assert bad_number.returncode == 12, bad_number.stderr
    assert bad_number.lines == [] and "sale refused (number)" in bad_number.stderr
    out_of_stock = pos.order(ADSL_FAST, 3000)
    assert out_of_stock.returncode == 12, out_of_stock.stderr
    assert out_of_stock.lines == [] and "sale refused (stock)" in out_of_stock.stderr
    assert pos.history() == []
    assert pos.sends() == 0 and pos.sim.accepted() == []


def test_offline_waits_then_resume_sends_it_once(pos: Pos) -> None:
    pos.sim.go_offline()
    run = pos.order(ADSL_FAST, 1000)
    assert run.returncode == 13, (run.lines, run.stderr)
    assert run.last["state"] == "waiting"
    ref = run.last["ref"]
    [sale] = pos.history()
    assert sale["ref"] == ref and sale["state"] == "waiting"

    still_offline = pos.run("resume", "--timeout", "10")
    assert still_offline.returncode == 13, (still_offline.lines, still_offline.stderr)
    assert still_offline.last == {"summary": {"waiting": 1}}

    pos.sim.go_online()
    resumed = pos.run("resume", "--timeout", "20")
    assert resumed.returncode == 0, (resumed.lines, resumed.stderr)
    assert resumed.last == {"summary": {"fulfilled": 1}}
    assert [line["state"] for line in resumed.lines if line.get("ref") == ref][-1] == "fulfilled"
    [order] = pos.sim.accepted()
    assert order.ref == ref and pos.sends() == 1
    [sale] = pos.history()
    assert sale["state"] == "fulfilled" and sale["card_code"] == order.card_code


def test_no_key_is_a_usage_error(pos: Pos) -> None:
    for args in (("order", "--type", "ADSL", "--number", ADSL_FAST, "--value", "500"), ("resume",)):
        run = pos.run(*args, key=None)
        assert run.returncode == 2, run.stderr
        assert "ONECLICK_API_KEY" in run.stderr and run.lines == []
    assert pos.sends() == 0


def test_a_second_sender_is_refused_while_the_lock_is_held(pos: Pos) -> None:
    first = pos.order(ADSL_FAST, 500)
    assert first.returncode == 0, first.stderr
    lock = SenderLock(lock_path_for(pos.db_url))
    lock.acquire()
    try:
        order = pos.order(ADSL_FAST, 500)
        assert order.returncode == 3, (order.lines, order.stderr)
        assert f"(pid {os.getpid()})" in order.stderr and order.lines == []
        resume = pos.run("resume", "--timeout", "5")
        assert resume.returncode == 3, resume.stderr
        # Reading needs no lock.
        assert [s["ref"] for s in pos.history()] == [first.last["ref"]]
    finally:
        lock.release()
    assert len(pos.sim.accepted()) == 1 and pos.sends() == 1


def test_existing_ref_is_resumed_not_sold_again(pos: Pos) -> None:
    ref = "CLI-RESUME-0001"
    first = pos.order(ADSL_FAST, 1000, "--ref", ref, "--no-wait")
    assert first.returncode == 15, (first.lines, first.stderr)
    assert first.states() == ["waiting", "accepted"], first.lines
    assert {line["ref"] for line in first.lines} == {ref}

    again = pos.order(ADSL_FAST, 1000, "--ref", ref)
    assert again.returncode == 0, (again.lines, again.stderr)
    assert again.last["ref"] == ref and again.last["state"] == "fulfilled"
    # A different number or value under the same ref is refused before any request (item 3:
    # following it would show this sale, and its card, as another customer's).
    requests_before = len(pos.sim.requests())
    third = pos.order(ADSL_REFUND, 500, "--ref", ref)
    assert third.returncode == 12 and third.lines == [], third.lines
    assert "already belongs to a sale with another number" in third.stderr
    assert len(pos.sim.requests()) == requests_before

    [order] = pos.sim.accepted()
    assert order.ref == ref and pos.sends() == 1
    assert again.last["card_code"] == order.card_code
    [sale] = pos.history()
    assert sale["ref"] == ref and sale["send_attempts"] == 1 and sale["face_value"] == 1000


def test_no_wait_returns_once_the_send_is_answered(pos: Pos) -> None:
    run = pos.order(ADSL_REFUND, 500, "--no-wait")
    assert run.returncode == 15, (run.lines, run.stderr)
    assert run.states() == ["waiting", "accepted"]
    assert run.last["server_status"] == "HANDLING"
    # The sale goes on without the process; resume follows it to the end.
    resumed = pos.run("resume", "--timeout", "20")
    assert resumed.returncode == 0, (resumed.lines, resumed.stderr)
    assert resumed.last == {"summary": {"refunded": 1}}
    assert pos.sends() == 1


def test_history_lists_every_sale_with_its_fields(pos: Pos) -> None:
    fulfilled = pos.order(ADSL_FAST, 2000)
    rejected = pos.order(ADSL_NO_LINE, 500)
    lte = pos.order(LTE_FAST, 1000, kind="4G")
    assert (fulfilled.returncode, rejected.returncode, lte.returncode) == (0, 12, 0)
    sales = pos.history()
    assert [s["ref"] for s in sales] == [r.last["ref"] for r in (fulfilled, rejected, lte)]
    fields = {
        "ref",
        "type",
        "number",
        "face_value",
        "cost",
        "price",
        "state",
        "server_status",
        "server_id",
        "card_code",
        "num_trans",
        "date_traitement",
        "failure_code",
        "failure_reason",
        "cashier",
        "counter",
        "created_at",
        "updated_at",
        "send_attempts",
    }
    orders = {o.ref: o for o in pos.sim.accepted()}
    for sale in sales:
        assert set(sale) == fields
        assert sale["counter"] == "CLI" and sale["send_attempts"] == 1
    first, second, third = sales
    assert (first["type"], first["number"], first["face_value"]) == ("ADSL", ADSL_FAST, 2000)
    assert first["state"] == "fulfilled" and first["cost"] == 1960 and first["price"] == 2000
    assert first["card_code"] == orders[first["ref"]].card_code
    assert first["server_id"] == orders[first["ref"]].id
    assert second["state"] == "rejected" and second["failure_code"] == "ERR_PHONE"
    assert second["card_code"] is None and second["ref"] not in orders
    assert (third["type"], third["number"], third["state"]) == ("4G", LTE_FAST, "fulfilled")
    assert third["card_code"] == orders[third["ref"]].card_code

    store = open_store(pos.db_url)
    try:
        assert store.integrity_check() == "ok"
    finally:
        store.close()


def test_order_prints_only_its_own_sale(pos: Pos) -> None:
    # A sale caught SENDING by a kill: the next process's engine.start() recovers it.
    env = pos.env() | {"POS_CRASH_AT": "after_commit_sending"}
    crashed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pos_app",
            "order",
            "--type",
            "ADSL",
            "--number",
            ADSL_FAST,
            "--value",
            "500",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        check=False,
    )
    assert crashed.returncode == -9, crashed.stderr
    [other] = [s["ref"] for s in pos.history()]

    run = pos.order(LTE_FAST, 1000, kind="4G")
    assert run.returncode == 0, run.stderr
    own = run.last["ref"]
    assert own != other
    assert run.refs() == {own}, run.lines


def test_item6_a_wrong_key_is_tried_once(pos: Pos) -> None:
    # Five wrong keys block the shop's address for 15 minutes: one order sends it once.
    run = pos.run(
        "order",
        "--type",
        "ADSL",
        "--number",
        ADSL_FAST,
        "--value",
        "1000",
        "--timeout",
        "5",
        key="wrong-key-0123",
    )
    assert run.returncode == 13, (run.lines, run.stderr)
    assert "key was refused" in run.stderr
    assert run.states()[-1] == "waiting"
    assert len(pos.sim.requests()) == 1, [r.endpoint for r in pos.sim.requests()]
    assert pos.sends() == 0 or pos.sends() == 1


def test_an_invalid_counter_id_is_refused_not_changed(pos: Pos) -> None:
    """``POS_COUNTER_ID=caisse-2``: refused as ``pos-app config counter_id`` refuses it (one
    line, status 2, nothing recorded), not sold as "caisse2"."""
    env = pos.env() | {"POS_COUNTER_ID": "caisse-2"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pos_app",
            "order",
            "--type",
            "ADSL",
            "--number",
            ADSL_FAST,
            "--value",
            "1000",
            "--timeout",
            "20",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.splitlines()
    assert "POS_COUNTER_ID" in line and "'caisse-2'" in line and "nothing was sold" in line
    assert pos.sim.requests() == []
    assert pos.history() == []


def test_resume_does_not_call_a_manager_case_settled(pos: Pos) -> None:
    # A sale fulfilled without a card code for too long is a manager's case: resume says so.
    from datetime import UTC, datetime, timedelta

    from pos_app.domain.numbers import LineType
    from pos_app.domain.sale_states import SaleState
    from pos_app.store import NewSale

    store = open_store(pos.db_url)
    try:
        store.add_sale(
            NewSale(
                ref="CLI-NOCODE-1",
                line_type=LineType.ADSL,
                number="036362608",
                face_value=1000,
                cost=980,
                price=1000,
                cashier="",
                counter="CLI",
            )
        )
        later = datetime.now(UTC) + timedelta(hours=1)
        for before, after in (
            (SaleState.WAITING, SaleState.SENDING),
            (SaleState.SENDING, SaleState.ACCEPTED),
            (SaleState.ACCEPTED, SaleState.CODE_PENDING),
            (SaleState.CODE_PENDING, SaleState.CODE_MISSING),
        ):
            store.transition("CLI-NOCODE-1", before, after, "test", next_check_at=later)
    finally:
        store.close()
    run = pos.run("resume", "--timeout", "5")
    assert run.returncode == 17, (run.lines, run.stderr)
    assert run.last == {"summary": {"code_missing": 1}}
