"""The Qt binding against the way the window hands work to threads and back.

PySide6-Essentials 6.12.0 aborts a qasync app within seconds ("Fatal Python error:
bool_dealloc" / "none_dealloc"): each call from Qt into Python takes one reference too many
from True, False or None. The stress runs are subprocesses, so an abort fails the test, not
the run. ``POS_STRESS_SECONDS`` sets their length (default 15 s each).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, cast

import pytest
import qasync

from pos_app.domain.sale_states import SaleState
from pos_app.orders.offload import Offloader
from tests.support.waiting import run, wait_until
from tests.support.window import Harness, sell, started

HERE = Path(__file__).resolve().parent
SECONDS = float(os.environ.get("POS_STRESS_SECONDS", "15"))

REFCOUNT_PROBE = r"""
import json, os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

app = QApplication([])
N = 5000

class Probe(QObject):
    ping = Signal()
    flag = Signal(bool)

    def __init__(self):
        super().__init__()
        self.calls = 0

    def timerEvent(self, event):
        self.killTimer(event.timerId())
        self.calls += 1
        if self.calls < N:
            self.startTimer(0)
        else:
            app.quit()

def counts():
    return [sys.getrefcount(x) for x in (None, True, False)]

probe = Probe()
seen = []
probe.ping.connect(lambda: seen.append(1))
probe.flag.connect(lambda value: seen.append(value))
before = counts()
for i in range(N):
    probe.ping.emit()
    probe.flag.emit(i % 2 == 0)
ticks = []
def tick():
    ticks.append(1)
    if len(ticks) < N:
        QTimer.singleShot(0, tick)
    else:
        probe.startTimer(0)
QTimer.singleShot(0, tick)
app.exec()
del seen[:], ticks[:]
after = counts()
print(json.dumps({"before": before, "after": after, "calls": probe.calls}))
"""


def run_script(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POS_STRESS_SECONDS=str(SECONDS))
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=HERE.parent.parent,
        check=False,
    )


def assert_clean(done: subprocess.CompletedProcess[str], what: str) -> None:
    lines = done.stderr.strip().splitlines()
    fatal = [line for line in lines if line.startswith("Fatal Python error")]
    tail = "\n".join(lines[-20:])
    assert done.returncode == 0 and not fatal, (
        f"{what} died (return code {done.returncode}): {fatal}; stderr ends:\n{tail}"
    )


def test_qt_callbacks_take_no_reference_from_none_true_or_false() -> None:
    """The binding guard, in a second: 20,000 calls from Qt into Python (signals, timer
    events, single shots) leave the reference counts of None, True and False where they
    were (6.12.0 takes about one per call, and aborts when one reaches zero)."""
    done = run_script(["-c", REFCOUNT_PROBE], timeout=120)
    assert_clean(done, "the refcount probe")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    drift = [a - b for a, b in zip(result["after"], result["before"], strict=True)]
    assert all(abs(d) < 500 for d in drift), f"None/True/False refcounts drifted by {drift}"


@pytest.mark.slow
def test_qasync_thread_executor_survives_every_kind_of_result() -> None:
    """The binding's own hand-back path (QThreadExecutor + run_in_executor), under load."""
    done = run_script([str(HERE / "stress_handback.py"), "binding"], timeout=SECONDS + 120)
    assert_clean(done, "the QThreadExecutor stress run")
    assert '"jobs"' in done.stdout


@pytest.mark.slow
def test_offloader_under_qasync_survives_every_kind_of_result() -> None:
    """The window's hand-back path (our Offloader on the qasync loop), under load."""
    done = run_script([str(HERE / "stress_handback.py"), "offloader"], timeout=SECONDS + 120)
    assert_clean(done, "the Offloader stress run")
    assert '"jobs"' in done.stdout


def test_the_window_hands_nothing_back_through_call_soon_threadsafe(
    harness: Any, qloop: qasync.QEventLoop
) -> None:
    """Start-up, refreshes and a keyboard sale to fulfilment: no worker thread calls the
    loop's ``call_soon_threadsafe`` (qasync's is the Qt signal carrying Python objects)."""
    owner = threading.get_ident()
    foreign: list[str] = []
    real = qloop.call_soon_threadsafe

    def watched(callback: Any, *args: Any, context: Any = None) -> Any:
        if threading.get_ident() != owner:
            foreign.append(threading.current_thread().name)
        return real(callback, *args, context=context)

    cast(Any, qloop).call_soon_threadsafe = watched  # shadows the method on this loop only
    h: Harness = harness()
    assert isinstance(h.services.executor, Offloader)

    async def body() -> None:
        await started(h)
        sell(h.window.sale.field.edit, "036362607")
        await wait_until(
            lambda: [s.state for s in h.services.store.iter_sales()] == [SaleState.FULFILLED],
            15,
            what="the sale fulfilled",
        )
        await h.services.shutdown()

    run(qloop, body())
    assert foreign == []
