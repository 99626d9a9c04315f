"""The start-up benchmark's private X display: a free number, ready at once, always ended;
its watcher sees a child's window and only that child's (skipped without Xvfb, as on CI)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.benchmarks import bench_startup, table, xdisplay

pytestmark = pytest.mark.skipif(
    not xdisplay.xvfb_available(), reason="Xvfb or libX11 is not installed"
)


def _socket(display: xdisplay.XvfbDisplay) -> Path:
    """The server's socket (``-displayfd`` servers write no lock file)."""
    return Path(f"/tmp/.X11-unix/X{display.number}")


def _gone(pid: int, within: float) -> bool:
    """True once process ``pid`` has ended (a zombie counts), waiting at most ``within`` s."""
    deadline = time.monotonic() + within
    while True:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state == "Z":
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


def test_two_displays_get_their_own_free_number_accept_clients_at_once_and_stop_cleanly() -> None:
    with xdisplay.XvfbDisplay() as first, xdisplay.XvfbDisplay() as second:
        assert first.number != second.number
        assert _socket(first).exists() and _socket(second).exists()
        for display in (first, second):
            # no waiting: the number is written once the server accepts connections
            with xdisplay.MapWatcher(display.display):
                pass
        env = first.env({"DISPLAY": ":99", "XAUTHORITY": "/nowhere", "PATH": "/usr/bin"})
        assert env == {"DISPLAY": first.display, "PATH": "/usr/bin"}
    for display in (first, second):
        assert display.proc.returncode is not None
        assert not _socket(display).exists()
    first.stop()  # a second stop is harmless


def test_the_display_is_ended_when_the_block_fails_or_its_starter_dies() -> None:
    with pytest.raises(ValueError), xdisplay.XvfbDisplay() as display:
        raise ValueError("boom")
    assert display.proc.returncode is not None and not _socket(display).exists()
    starter = subprocess.Popen(
        [sys.executable, "-c",
         "import time\nfrom tests.benchmarks.xdisplay import XvfbDisplay\n"
         "d = XvfbDisplay()\nprint(d.proc.pid, flush=True)\ntime.sleep(60)\n"],
        cwd=bench_startup.ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert starter.stdout is not None
    server = int(starter.stdout.readline())
    try:
        os.kill(starter.pid, signal.SIGKILL)  # no clean-up code runs in the starter
        starter.wait()
        assert _gone(server, within=10)
    finally:
        if not _gone(server, within=0):
            os.kill(server, signal.SIGKILL)


def test_a_server_that_cannot_start_gives_a_clear_error() -> None:
    with pytest.raises(RuntimeError, match=r"Xvfb did not start within .*exit"):
        xdisplay.XvfbDisplay(extra=("-no-such-option",))


def _xcb_env(display: xdisplay.XvfbDisplay, tmp_path: Path) -> dict[str, str]:
    return bench_startup.bench_env(str(tmp_path), "xcb")


@pytest.mark.slow
def test_the_watcher_sees_the_window_of_its_child_only(tmp_path: Path) -> None:
    with xdisplay.XvfbDisplay() as display, xdisplay.MapWatcher(display.display) as watcher:
        runs = table.XvfbRuns(display, watcher)
        env = _xcb_env(display, tmp_path)
        seen, memory, out, started = runs.run(
            [sys.executable, "-c", table.BARE_XVFB], env, "the bare window", release=True
        )
        shown_at = float(out.strip().splitlines()[-1])  # the end of its first turn
        assert seen > 0 and started < shown_at and memory > 10
        # the map of another process's window reaches every watcher: one that waits for
        # this process ignores it
        other_watcher = xdisplay.MapWatcher(display.display)
        other = subprocess.Popen([sys.executable, "-c", table.BARE_XVFB], env=display.env(env))
        try:
            running = lambda: other.poll() is None  # noqa: E731
            assert other_watcher.first_map(other.pid, running, 30) is not None
            assert watcher.first_map(os.getpid(), running, 1.0) is None
        finally:
            other.kill()
            other.wait()
            other_watcher.close()


def test_a_child_without_a_window_is_a_clear_error_not_a_hang(tmp_path: Path) -> None:
    with xdisplay.XvfbDisplay() as display, xdisplay.MapWatcher(display.display) as watcher:
        runs = table.XvfbRuns(display, watcher)
        with pytest.raises(RuntimeError, match=r"no window of nothing was mapped on :\d+ "):
            runs.run([sys.executable, "-c", "pass"], _xcb_env(display, tmp_path), "nothing",
                     release=False)  # fmt: skip
