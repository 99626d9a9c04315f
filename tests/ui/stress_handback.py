"""Stress the hand-back of worker results to a qasync loop; run as a script, in a subprocess.

``python stress_handback.py binding``: qasync's own path (``QThreadExecutor`` and
``run_in_executor``, whose worker threads call ``call_soon_threadsafe``), the path PySide6
6.12.0 aborts on. ``python stress_handback.py offloader``: the same load through our
``Offloader``. Jobs return every kind of value or raise; each batch is checked. Runs for
``POS_STRESS_SECONDS`` (default 15) and prints one JSON line with the counts.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from pos_app.orders.offload import Offloader

BATCH = 50
THREADS = 4
VALUES: tuple[object, ...] = (
    True,
    False,
    None,
    0,
    1,
    -1,
    255,
    256,
    2**40,
    2**80,
    "",
    "ok",
    "بطاقة",
    b"",
    b"\x00\xff",
    (),
    (True, None),
    (1, "a", b"b"),
    {},
    {"ok": True, "n": [1, 2]},
    Decimal("0"),
    Decimal("1000.00"),
    3.25,
    [False],
    frozenset({1, 2}),
)


class JobError(Exception):
    pass


def job(i: int) -> object:
    """A worker's job: a value of one kind, or every seventh time an exception."""
    if i % 7 == 6:
        raise JobError(i)
    return VALUES[i % len(VALUES)]


def expected(i: int) -> object:
    return ("error", i) if i % 7 == 6 else VALUES[i % len(VALUES)]


async def stress(submit: Callable[[int], Awaitable[object]], seconds: float) -> int:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    done = 0
    while loop.time() < deadline:
        base = done
        got = await asyncio.gather(
            *(submit(base + k) for k in range(BATCH)), return_exceptions=True
        )
        for k, outcome in enumerate(got):
            seen = ("error", outcome.args[0]) if isinstance(outcome, JobError) else outcome
            if seen != expected(base + k):
                raise AssertionError(f"job {base + k}: got {seen!r}")
        done += BATCH
    return done


def main(mode: str) -> int:
    seconds = float(os.environ.get("POS_STRESS_SECONDS", "15"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    start = time.monotonic()
    if mode == "binding":
        pool = qasync.QThreadExecutor(THREADS)

        def submit(i: int) -> Awaitable[Any]:
            running: asyncio.AbstractEventLoop = loop  # qasync has no type hints
            return running.run_in_executor(pool, job, i)

        def finish() -> None:
            pool.shutdown(wait=True)
    elif mode == "offloader":
        offloader = Offloader(THREADS, thread_name_prefix="stress")

        def submit(i: int) -> Awaitable[Any]:
            return offloader.run(job, i)

        def finish() -> None:
            offloader.shutdown(wait=True)
            offloader.close()
    else:
        sys.stderr.write(f"unknown mode {mode!r}: binding or offloader\n")
        return 2
    with loop:
        try:
            jobs = loop.run_until_complete(stress(submit, seconds))
        finally:
            finish()
    sys.stdout.write(
        json.dumps({"mode": mode, "jobs": jobs, "seconds": round(time.monotonic() - start, 1)})
        + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "offloader"))
