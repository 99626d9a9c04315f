"""A private X display for the start-up benchmark, and an outside view of its windows.

``XvfbDisplay`` starts ``Xvfb -displayfd``: the server picks a free display number itself
(no clash with another Xvfb or a stale ``/tmp/.X0-lock``) and writes it only once it
accepts connections. It runs with ``-noreset``: without it the server resets every time its
last client leaves, which takes tens of milliseconds and, while it lasts, can refuse a
connection ("Can't open display", "could not connect to display"). ``stop`` always ends it,
and the kernel ends it too if this process dies first (``PR_SET_PDEATHSIG``).

``MapWatcher`` is one X connection (libX11 through ctypes) that listens for ``MapNotify`` on
the root window: the moment a process's window becomes visible (mapped, as
``xdotool search --onlyvisible`` sees it) is read when the server reports it, without
polling and without starting a process per look.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from types import TracebackType

START_TIMEOUT_S = 10.0
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
MAP_NOTIFY = 19
XA_CARDINAL = 6


def xvfb_available() -> bool:
    """True when Xvfb and libX11 are installed (the start-up rows can run under Xvfb)."""
    return bool(shutil.which("Xvfb")) and bool(ctypes.util.find_library("X11"))


_PRCTL = ctypes.CDLL(None).prctl  # bound here: the forked child only calls it
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the forked child: SIGTERM when the process that started it dies."""
    _PRCTL(PR_SET_PDEATHSIG, int(signal.SIGTERM))


class XvfbDisplay:
    """An Xvfb server on a free display number, ready for clients; a context manager."""

    def __init__(self, timeout: float = START_TIMEOUT_S, extra: tuple[str, ...] = ()) -> None:
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by stop()
        read, write = os.pipe()
        try:
            self.proc = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24",
                 "-nolisten", "tcp", "-noreset", *extra],
                pass_fds=(write,),
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=self._log,
                # one foreign call, no lock taken: safe enough even with threads around
                preexec_fn=_die_with_parent,  # noqa: PLW1509
            )  # fmt: skip
        except BaseException:
            os.close(read)
            self._log.close()
            raise
        finally:
            os.close(write)
        try:
            number = _read_line(read, timeout)
        except BaseException:
            self.stop()
            raise
        finally:
            os.close(read)
        if not number.isdigit():
            self.stop()
            raise RuntimeError(
                f"Xvfb did not start within {timeout:.0f} s "
                f"(exit {self.proc.returncode}): {self.log_tail()}"
            )
        self.number = int(number)
        self.display = f":{number}"

    def running(self) -> bool:
        return self.proc.poll() is None

    def log_tail(self) -> str:
        """The end of the server's own output (for error messages)."""
        with contextlib.suppress(ValueError, OSError):
            self._log.seek(0)
            text = self._log.read().decode(errors="replace").strip()
            return text[-500:] or "(no output)"
        return "(no output)"

    def env(self, base: dict[str, str]) -> dict[str, str]:
        """``base`` pointed at this display: DISPLAY set, no XAUTHORITY or Wayland (this
        server has no access control, and Qt must not pick another display)."""
        env = {k: v for k, v in base.items() if k not in ("XAUTHORITY", "WAYLAND_DISPLAY")}
        env["DISPLAY"] = self.display
        return env

    def stop(self) -> None:
        """Ends the server (SIGTERM, then SIGKILL after 5 s) and reaps it; idempotent."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()

    def __enter__(self) -> XvfbDisplay:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()


def _read_line(fd: int, timeout: float) -> str:
    """One line from ``fd`` within ``timeout`` seconds ("" on end of file or timeout)."""
    deadline = time.monotonic() + timeout
    data = b""
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return ""
        chunk = os.read(fd, 64)
        if not chunk:
            break
        data += chunk
    return data.decode(errors="replace").strip()


# --- libX11 through ctypes -------------------------------------------------------------------


class _XMapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", _XMapEvent), ("pad", ctypes.c_long * 24)]


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
# Xlib's default handler exits the process on any error (a window gone before its property
# is read): this one ignores it, the call then reports failure. Kept referenced for ever.
_ignore_errors = _ERROR_HANDLER(lambda _display, _event: 0)


def _libx11() -> ctypes.CDLL:
    name = ctypes.util.find_library("X11")
    if not name:
        raise RuntimeError("libX11 is not installed: cannot watch an X display")
    lib = ctypes.CDLL(name)
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    lib.XFlush.argtypes = [ctypes.c_void_p]
    lib.XConnectionNumber.argtypes = [ctypes.c_void_p]
    lib.XPending.argtypes = [ctypes.c_void_p]
    lib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_XEvent)]
    lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.XInternAtom.restype = ctypes.c_ulong
    lib.XGetWindowProperty.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
        ctypes.c_int, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p),
    ]  # fmt: skip
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XSetErrorHandler.argtypes = [_ERROR_HANDLER]
    lib.XSetErrorHandler.restype = ctypes.c_void_p
    lib.XSetErrorHandler(_ignore_errors)
    return lib


class MapWatcher:
    """One connection to ``display`` that reports when a process's window is mapped."""

    def __init__(self, display: str) -> None:
        self._x = _libx11()
        self._dpy = self._x.XOpenDisplay(display.encode())
        if not self._dpy:
            raise RuntimeError(f"cannot connect to X display {display}")
        self._x.XSelectInput(
            self._dpy, self._x.XDefaultRootWindow(self._dpy), SUBSTRUCTURE_NOTIFY_MASK
        )
        self._pid_atom = self._x.XInternAtom(self._dpy, b"_NET_WM_PID", 0)
        self._x.XFlush(self._dpy)
        self._fd = self._x.XConnectionNumber(self._dpy)
        self._event = _XEvent()

    def window_pid(self, window: int) -> int | None:
        """The ``_NET_WM_PID`` of ``window`` (None when unset or the window is gone)."""
        kind, fmt = ctypes.c_ulong(), ctypes.c_int()
        count, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        status = self._x.XGetWindowProperty(
            self._dpy, window, self._pid_atom, 0, 1, 0, XA_CARDINAL, ctypes.byref(kind),
            ctypes.byref(fmt), ctypes.byref(count), ctypes.byref(after), ctypes.byref(data),
        )  # fmt: skip
        try:
            if status != 0 or not data.value or fmt.value != 32 or count.value < 1:
                return None
            return int(ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0])
        finally:
            if data.value:
                self._x.XFree(data)

    def _mapped(self) -> list[tuple[float, int | None]]:
        """(perf_counter when read, owner's pid) of every MapNotify waiting on the
        connection; the pid is read as each event is read, while the window still exists."""
        found = []
        while self._x.XPending(self._dpy):
            self._x.XNextEvent(self._dpy, ctypes.byref(self._event))
            if self._event.type == MAP_NOTIFY:
                seen = time.perf_counter()
                found.append((seen, self.window_pid(self._event.xmap.window)))
        return found

    def drain(self) -> None:
        """Forgets the events seen so far (another child's windows)."""
        self._mapped()

    def first_map(self, pid: int, alive: Callable[[], bool], timeout: float) -> float | None:
        """The perf_counter reading when a window of ``pid`` was mapped; None if ``alive``
        turns false (the child exited) or ``timeout`` seconds pass first."""
        deadline = time.perf_counter() + timeout
        while True:
            for seen, owner in self._mapped():
                if owner == pid:
                    return seen
            left = deadline - time.perf_counter()
            if left <= 0 or not alive():
                return None
            select.select([self._fd], [], [], min(left, 0.05))

    def close(self) -> None:
        if self._dpy:
            self._x.XCloseDisplay(self._dpy)
            self._dpy = None

    def __enter__(self) -> MapWatcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
