"""kill -9 of real ``pos-app`` processes, then ``pos-app resume``: nothing lost, nothing charged
twice, the database sound.

- Named points: ``POS_CRASH_AT=<point>`` makes ``pos-app order`` SIGKILL itself at each point of
  the send path (pos_app.orders.crash.POINTS), plus runs where a point is reached on a later
  path (in ``resume``, on the unknown-outcome path, while draining an offline backlog).
- Random moments: ``order`` or ``resume`` killed from outside after a seeded random delay, with
  faults injected on some runs, until ``POS_CRASH_KILLS`` kills really happened.

Every child is a separate ``python -m pos_app`` process against one in-process simulator; the
test opens the database itself only after the children ended. Seed: ``POS_CRASH_SEED``.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pos_app.orders.crash import POINTS
from pos_app.simulator import DEFAULT_SIM_KEY, FaultRule, SimConfig, Simulator
from pos_app.store import JournalRecord, SaleRecord, open_store
from tests.reliability import invariants

pytestmark = pytest.mark.slow  # kill -9 of child processes

ROOT = Path(__file__).resolve().parents[2]
SCALE = 50.0
KILLS = int(os.environ.get("POS_CRASH_KILLS", "25"))
SEED = int(os.environ.get("POS_CRASH_SEED", "20261125"))
CHILD_TIMEOUT = 90.0  # a hung child fails the test instead of hanging the run
MAX_KILL_DELAY = 0.6
KILLED = -signal.SIGKILL

ADSL_FAST = "023450009"  # FULFILLED after the minimum HANDLING delay
ADSL_REFUND = "023450001"  # HANDLING, then REFUNDED

# What the database must show right after a kill at each point of a plain ADSL_FAST order,
# and how many orders the server holds by then.
STATE_AT_POINT = {
    "after_commit_waiting": ("waiting", 0),
    "after_commit_sending": ("sending", 0),
    "after_send_response": ("sending", 1),
    "after_commit_accepted": ("accepted", 1),
    "after_check_response": ("accepted", 1),
    "after_commit_final": ("fulfilled", 1),
}
# Journal causes that prove which recovery path the resume took.
RECOVERY_CAUSES = {
    "after_commit_sending": ("recovered after a stop", "not found twice: resend"),
    "after_send_response": ("recovered after a stop", "found on server"),
}

ORDER_EXITS = {0, 10, 11, 12, 13, 14, 15}
RESUME_EXITS = {0, 13, 14, 15}


@dataclass
class Run:
    returncode: int
    lines: list[dict[str, Any]]
    stderr: str

    def refs(self) -> set[str]:
        return {line["ref"] for line in self.lines if "ref" in line}

    def describe(self) -> str:
        return f"exit {self.returncode}, lines {self.lines}, stderr:\n{self.stderr}"


def _parse(stdout: str) -> list[dict[str, Any]]:
    raw_lines = stdout.splitlines()
    lines = []
    for index, raw in enumerate(raw_lines):
        try:
            lines.append(json.loads(raw))
        except json.JSONDecodeError:
            # A kill can cut the last line short; every complete line must parse.
            assert index == len(raw_lines) - 1, f"bad output line {raw!r}"
    return lines


@dataclass
class Snapshot:
    sales: dict[str, SaleRecord]
    journals: dict[str, list[JournalRecord]]
    report: invariants.Report
    integrity: str

    def causes(self, ref: str) -> list[str]:
        return [row.cause for row in self.journals[ref]]


class Pos:
    """``python -m pos_app`` children against one simulator and one data directory."""

    def __init__(self, sim: Simulator, data_dir: Path) -> None:
        self.sim = sim
        self.data_dir = data_dir
        self.db_url = f"sqlite:///{(data_dir / 'pos.sqlite3').as_posix()}"

    def env(self, crash_at: str | None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ONECLICK_", "POS_"))}
        env |= {
            "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
            "ONECLICK_API_URL": self.sim.base_url,
            "ONECLICK_API_KEY": DEFAULT_SIM_KEY,
            "POS_DATA_DIR": str(self.data_dir),
            "POS_ENGINE_TIME_SCALE": str(SCALE),
            "POS_COUNTER_ID": "KILL",
        }
        if crash_at is not None:
            env["POS_CRASH_AT"] = crash_at
        return env

    def start(self, *args: str, crash_at: str | None = None) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "pos_app", *args],
            env=self.env(crash_at),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def run(self, *args: str, crash_at: str | None = None) -> Run:
        proc = self.start(*args, crash_at=crash_at)
        return finish(proc)

    def order(
        self, number: str, value: int = 1000, *extra: str, crash_at: str | None = None
    ) -> Run:
        return self.run(
            "order",
            "--type",
            "ADSL",
            "--number",
            number,
            "--value",
            str(value),
            "--timeout",
            "20",
            *extra,
            crash_at=crash_at,
        )

    def resume(self, crash_at: str | None = None) -> Run:
        return self.run("resume", "--timeout", "30", crash_at=crash_at)

    def snapshot(self, confirmed: Iterable[str] = (), *, settled: bool = True) -> Snapshot:
        """Open the database (no child may be running), check the invariants, close it."""
        store = open_store(self.db_url)
        try:
            sales = {s.ref: s for s in store.iter_sales()}
            journals = {ref: store.journal(ref) for ref in sales}
            report = invariants.check(
                store,
                self.sim.accepted(),
                confirmed=confirmed,
                allow_waiting=not settled,
                allow_running=not settled,
            )
            return Snapshot(sales, journals, report, store.integrity_check())
        finally:
            store.close()

    def server_orders(self, ref: str) -> int:
        return sum(1 for order in self.sim.accepted() if order.ref == ref)


def finish(proc: subprocess.Popen[str]) -> Run:
    try:
        out, err = proc.communicate(timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        pytest.fail(f"child {proc.args!r} hung; stderr:\n{err}")
    return Run(proc.returncode, _parse(out), err)


@pytest.fixture
def pos(tmp_path: Path) -> Iterator[Pos]:
    sim = Simulator(SimConfig(seed=SEED, time_scale=SCALE, balance=Decimal(10**7))).start()
    data_dir = (tmp_path / "data").resolve()
    data_dir.mkdir()
    try:
        yield Pos(sim, data_dir)
    finally:
        sim.stop()


def resume_until_settled(pos: Pos, attempts: int = 5) -> list[Run]:
    runs = []
    for _ in range(attempts):
        runs.append(pos.resume())
        if runs[-1].returncode == 0:
            return runs
    pytest.fail(f"resume never settled: {[r.describe() for r in runs]}")


def assert_sound(pos: Pos, snap: Snapshot) -> None:
    assert snap.integrity == "ok", snap.integrity
    assert snap.report.ok, snap.report.summary()
    for ref in snap.sales:
        assert pos.server_orders(ref) <= 1, f"{ref} charged twice"


# --- each named point ----------------------------------------------------------------------


@pytest.mark.parametrize("point", POINTS)
def test_kill_at_named_point_then_resume(pos: Pos, point: str) -> None:
    killed = pos.order(ADSL_FAST, 1000, crash_at=point)
    assert killed.returncode == KILLED, (
        f"crash point {point} was not reached on a plain ADSL order: {killed.describe()}"
    )
    # What a cashier saw printed was committed first.
    before = pos.snapshot(killed.refs(), settled=False)
    [ref] = before.sales
    assert killed.refs() <= {ref}
    state, on_server = STATE_AT_POINT[point]
    assert before.sales[ref].state.value == state, before.causes(ref)
    assert len(pos.sim.accepted()) == on_server
    assert_sound(pos, before)

    resumed = pos.resume()
    assert resumed.returncode == 0, resumed.describe()
    assert resumed.lines[-1] == {"summary": {"fulfilled": 1}}, resumed.lines

    after = pos.snapshot([ref])
    assert_sound(pos, after)
    assert pos.server_orders(ref) == 1 and len(pos.sim.accepted()) == 1
    assert after.sales[ref].state.value == "fulfilled"
    assert after.sales[ref].card_code == pos.sim.accepted()[0].card_code
    for cause in RECOVERY_CAUSES.get(point, ()):
        assert cause in after.causes(ref), after.causes(ref)


# --- points reached on later paths -----------------------------------------------------------


@pytest.mark.parametrize(("number", "final"), [(ADSL_FAST, "fulfilled"), (ADSL_REFUND, "refunded")])
def test_resume_killed_at_its_final_commit(pos: Pos, number: str, final: str) -> None:
    placed = pos.order(number, 500, "--no-wait")
    assert placed.returncode == 15, placed.describe()
    [ref] = placed.refs()
    killed = pos.resume(crash_at="after_commit_final")
    assert killed.returncode == KILLED, (
        f"after_commit_final was not reached by resume ({final} path): {killed.describe()}"
    )
    before = pos.snapshot([ref], settled=False)
    assert before.sales[ref].state.value == final
    assert_sound(pos, before)

    resumed = pos.resume()
    assert resumed.returncode == 0, resumed.describe()
    assert resumed.lines[-1] == {"summary": {final: 1}}
    after = pos.snapshot([ref])
    assert_sound(pos, after)
    assert pos.server_orders(ref) == 1
    # The final row was written once, by the killed run.
    assert [r.to_state.value for r in after.journals[ref]].count(final) == 1


def test_kill_after_check_ref_on_the_unknown_outcome_path(pos: Pos) -> None:
    pos.sim.inject(FaultRule("send", "drop", count=1))  # the order lands, the answer is lost
    killed = pos.order(ADSL_FAST, 2000, crash_at="after_check_response")
    assert killed.returncode == KILLED, (
        f"after_check_response was not reached after an unknown outcome: {killed.describe()}"
    )
    before = pos.snapshot(killed.refs(), settled=False)
    [ref] = before.sales
    assert before.sales[ref].state.value == "unknown"
    assert "outcome unknown" in before.causes(ref)
    assert pos.server_orders(ref) == 1

    resumed = pos.resume()
    assert resumed.returncode == 0, resumed.describe()
    after = pos.snapshot([ref])
    assert_sound(pos, after)
    assert pos.server_orders(ref) == 1
    assert after.sales[ref].state.value == "fulfilled" and after.sales[ref].send_attempts == 1
    assert "found on server" in after.causes(ref)


@pytest.mark.parametrize(
    "point", ["after_commit_sending", "after_send_response", "after_commit_accepted"]
)
def test_kill_while_resume_drains_an_offline_backlog(pos: Pos, point: str) -> None:
    pos.sim.go_offline()
    refs = []
    for value in (500, 1000, 2000):
        waiting = pos.order(ADSL_FAST, value)
        assert waiting.returncode == 13, waiting.describe()
        # Its own sale is the last line (earlier lines may be about the backlog).
        refs.append(waiting.lines[-1]["ref"])
    pos.sim.go_online()
    killed = pos.resume(crash_at=point)
    assert killed.returncode == KILLED, (
        f"{point} was not reached while resume sent the backlog: {killed.describe()}"
    )
    assert_sound(pos, pos.snapshot(refs, settled=False))

    resume_until_settled(pos)
    after = pos.snapshot(refs)
    assert_sound(pos, after)
    assert sorted(after.sales) == sorted(refs)
    for ref in refs:
        assert pos.server_orders(ref) == 1, ref
        assert after.sales[ref].state.value == "fulfilled"


# --- random moments --------------------------------------------------------------------------


SEND_FAULTS = (
    FaultRule("send", "drop", probability=0.2),
    FaultRule("send", "500", probability=0.2),
    FaultRule("send", "503", probability=0.2),
    FaultRule("check-ref", "503", probability=0.1),
)


# Journal causes counted after the random kills: how often the hard paths were taken.
RANDOM_PATHS = (
    "recovered after a stop",
    "outcome unknown",
    "not found twice: resend",
    "found on server",
    "duplicated ref: adopt",
)


def _random_number(rng: random.Random) -> tuple[str, str, int]:
    kind = rng.choice(["ADSL", "4G"])
    suffix = rng.choices(["0000", "0001", "0002", "0003", "0009", None], [1, 2, 2, 1, 3, 6])[0]
    body = f"0{rng.randrange(10**8):08d}" if kind == "ADSL" else f"213{rng.randrange(10**9):09d}"
    number = body[:-4] + suffix if suffix else body
    values = [500, 1000, 2000] if kind == "ADSL" else [500, 1000, 2000, 3000]
    return kind, number, rng.choice(values)


def test_kill_at_random_moments_then_resume(pos: Pos) -> None:
    rng = random.Random(SEED)
    started = time.monotonic()
    kills = runs = fault_runs = kills_after_output = 0
    exits: dict[str, int] = {}
    confirmed: set[str] = set()
    while kills < KILLS:
        runs += 1
        assert runs <= 4 * KILLS, f"only {kills} of {KILLS} kills in {runs - 1} runs: {exits}"
        with_faults = rng.random() < 0.4
        if with_faults:
            fault_runs += 1
            for rule in SEND_FAULTS:
                pos.sim.inject(rule)
        if rng.random() < 0.75:
            kind, number, value = _random_number(rng)
            args = [
                "order",
                "--type",
                kind,
                "--number",
                number,
                "--value",
                str(value),
                "--timeout",
                "20",
            ]
            allowed = ORDER_EXITS
        else:
            args = ["resume", "--timeout", "30"]
            allowed = RESUME_EXITS
        proc = pos.start(*args)
        # Python needs ~0.3 s to start: most kills should land once the child is at work.
        time.sleep(
            rng.uniform(0.0, 0.3) if rng.random() < 0.2 else rng.uniform(0.3, 0.3 + MAX_KILL_DELAY)
        )
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        run = finish(proc)
        pos.sim.clear_faults()
        confirmed |= run.refs()
        if run.returncode == KILLED:
            kills += 1
            kills_after_output += bool(run.lines)
        else:
            assert run.returncode in allowed, f"{args[0]}: {run.describe()}"
            key = f"{args[0]} exit {run.returncode}"
            exits[key] = exits.get(key, 0) + 1

    faults_fired = sum(1 for r in pos.sim.requests() if r.fault)
    midway = pos.snapshot(confirmed, settled=False)
    assert_sound(pos, midway)

    resumes = resume_until_settled(pos)
    snap = pos.snapshot(confirmed)
    report = snap.report
    seconds = time.monotonic() - started
    causes = Counter(row.cause for rows in snap.journals.values() for row in rows)
    paths = {name: causes[name] for name in RANDOM_PATHS}
    print(
        f"\n{kills} kills ({kills_after_output} after the child had printed a state change) "
        f"in {runs} runs "
        f"({fault_runs} with faults, {faults_fired} faults fired; exits without a kill "
        f"{exits}), {len(resumes)} final resume(s), {seconds:.1f} s: "
        f"{len(report.lost)} lost, {len(report.charged_twice)} duplicated, "
        f"{len(report.wrongly_refunded)} wrongly refunded, integrity {snap.integrity}; "
        f"{report.summary()}; recovery paths {paths}"
    )
    assert kills == KILLS
    assert kills_after_output > 0, "no kill landed after the child had printed a state change"
    assert_sound(pos, snap)
    assert not report.unsettled
    assert confirmed <= set(snap.sales)
    for ref in snap.sales:
        assert pos.server_orders(ref) <= 1, ref
