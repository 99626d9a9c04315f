"""A GUI-thread heartbeat and its figures: the stall benchmark and the day soak measure with it."""

from __future__ import annotations

import itertools
import statistics
import time

from PySide6.QtCore import Qt, QTimer

TICK_MS = 5
TARGET_MS = 30.0  # issue 9's target: no GUI-thread stall longer than this
FRAME_MS = 1000 / 60  # issue 12's target: the longest stall under one 60 Hz frame


class Heartbeat:
    """Perf-counter stamps of a 5 ms precise timer's ticks on the GUI thread, and beside each
    the GUI thread's own CPU time (``time.thread_time``): a gap's CPU time is the work the
    thread did in it, whatever else the machine was running."""

    def __init__(self) -> None:
        self.stamps: list[float] = []
        self.cpu: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

        self.timer_active = False

    def _tick(self) -> None:
        self.stamps.append(time.perf_counter())
        self.cpu.append(time.thread_time())

    def start(self) -> None:
        self.stamps.clear()
        self.cpu.clear()
        self.timer.start()
        self.timer_active = True

    def stop(self) -> None:
        self.timer_active = False
        self.timer.stop()

    def gaps_ms(self, since: float = 0.0, until: float = float("inf")) -> list[float]:
        s = [t for t in self.stamps if since <= t <= until]
        return [(b - a) * 1000 for a, b in itertools.pairwise(s)]

    def cpu_gaps_ms(self, since: float = 0.0, until: float = float("inf")) -> list[float]:
        """The GUI thread's CPU time between consecutive ticks (same selection as
        ``gaps_ms``): a wall gap much longer than its CPU time was the machine, not us."""
        s = [c for t, c in zip(self.stamps, self.cpu, strict=True) if since <= t <= until]
        return [(b - a) * 1000 for a, b in itertools.pairwise(s)]


def figures(gaps: list[float]) -> dict[str, float]:
    """Longest, 99th percentile and median gap, the tick count and the gaps over the target."""
    ordered = sorted(gaps)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return {
        "max": ordered[-1],
        "p99": p99,
        "median": statistics.median(ordered),
        "n": len(ordered),
        "over30": sum(1 for g in ordered if g > TARGET_MS),
        "over_frame": sum(1 for g in ordered if g > FRAME_MS),
    }
