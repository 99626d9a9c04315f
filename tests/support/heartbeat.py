"""A GUI-thread heartbeat and its figures: the stall benchmark and the day soak measure with it."""

from __future__ import annotations

import itertools
import statistics
import time

from PySide6.QtCore import Qt, QTimer

TICK_MS = 5
TARGET_MS = 30.0  # the target: no GUI-thread stall longer than this


class Heartbeat:
    """Perf-counter stamps of a 5 ms precise timer's ticks on the GUI thread."""

    def __init__(self) -> None:
        self.stamps: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.stamps.append(time.perf_counter()))

        self.timer_active = False

    def start(self) -> None:
        self.stamps.clear()
        self.timer.start()
        self.timer_active = True

    def stop(self) -> None:
        self.timer_active = False
        self.timer.stop()

    def gaps_ms(self, since: float = 0.0, until: float = float("inf")) -> list[float]:
        s = [t for t in self.stamps if since <= t <= until]
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
    }
