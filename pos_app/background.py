"""Background threads yield the cores to the window: the worker pool, the simulator.

The GUI thread keeps the normal priority; the threads that talk HTTP, write the database or
serve the simulator lower their own when they start (:func:`lower_thread_priority`). When both
cores of a counter PC are busy, the scheduler then runs the window first: with 20 sales in
flight the window's longest pauses shrank by about a third (``bench_stall``, README). Only the
order in which runnable threads get a core changes: no work is dropped, and an idle machine
runs the background threads as fast as before.
"""

from __future__ import annotations

import os
import sys
import threading

BACKGROUND_NICE = 10
"""Linux nice value of a background thread (0 is normal, 19 the lowest)."""

_WINDOWS_BELOW_NORMAL = -1  # THREAD_PRIORITY_BELOW_NORMAL


def lower_thread_priority() -> bool:
    """Lower the calling thread's scheduling priority (never raise it); True when done.

    Linux: the thread's own nice value (``setpriority`` on its thread id changes that thread
    alone on Linux). Windows: ``SetThreadPriority(BELOW_NORMAL)``. Elsewhere, or when the
    system refuses: nothing, False (the app works the same, its window is only less favoured
    on a busy machine)."""
    if sys.platform.startswith("linux"):
        tid = threading.get_native_id()
        try:
            if os.getpriority(os.PRIO_PROCESS, tid) < BACKGROUND_NICE:
                os.setpriority(os.PRIO_PROCESS, tid, BACKGROUND_NICE)
        except OSError:
            return False
        return True
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
        return bool(kernel32.SetThreadPriority(kernel32.GetCurrentThread(), _WINDOWS_BELOW_NORMAL))
    return False
