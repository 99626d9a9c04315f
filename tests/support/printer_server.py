"""A network receipt printer on 127.0.0.1 for tests: a TCP listener on a free port, served
by one thread, that plays a printer which works, is off, breaks off or stalls.

    with LoopbackPrinter("ok") as printer:
        send(PrinterConfig(kind="network", host=printer.host, port=printer.port), data)
        job = printer.wait_for_job()          # the bytes of one connection
        parse_stream(job).raster              # the picture as it would print

Modes:
- ``ok``: reads every byte of each connection until the sender closes it (one job each).
- ``refuse``: the port is bound but not listening, so a connection is refused.
- ``close_mid_stream``: reads ``close_after`` bytes, then resets the connection.
- ``slow``: reads ``trickle`` bytes every quarter second, so a sender's timeout runs out.

In the last two the receive buffer is small, so a receipt cannot vanish into the kernel's
buffers. Leaving the ``with`` block stops the thread and closes every socket.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import struct
import threading
from types import TracebackType
from typing import Final, Literal

from pos_app.receipts.escpos import ParsedStream, parse_stream

PrinterMode = Literal["ok", "refuse", "close_mid_stream", "slow"]

SMALL_BUFFER: Final = 4096
"""Receive buffer of a printer that stops reading (the kernel doubles it)."""
_POLL: Final = 0.05
_TRICKLE_PERIOD: Final = 0.25


class LoopbackPrinter:
    """A stand-in network printer (see the module's docstring); a context manager."""

    def __init__(
        self, mode: PrinterMode = "ok", *, close_after: int = 1024, trickle: int = 4
    ) -> None:
        self.mode: Final = mode
        self.close_after: Final = close_after
        self.trickle: Final = trickle
        self.host: Final = "127.0.0.1"
        self.port = 0
        self.connections = 0
        """Connections accepted so far."""
        self._jobs: queue.Queue[bytes] = queue.Queue()
        self._stop = threading.Event()
        self._listener: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> LoopbackPrinter:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            if self.mode in ("close_mid_stream", "slow"):
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, SMALL_BUFFER)
            listener.bind((self.host, 0))
            self.port = listener.getsockname()[1]
            if self.mode != "refuse":  # bound, never listening: connecting is refused
                listener.listen(4)
                listener.settimeout(_POLL)
                self._thread = threading.Thread(
                    target=self._serve, name=f"loopback-printer-{self.port}", daemon=True
                )
        except BaseException:
            listener.close()
            raise
        self._listener = listener
        if self._thread is not None:
            self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop serving, wait for the thread and close the listener (again: no effect)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            if self._thread.is_alive():
                raise RuntimeError("the loopback printer's thread did not stop")
            self._thread = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    @property
    def alive(self) -> bool:
        """Whether its serving thread still runs."""
        return self._thread is not None and self._thread.is_alive()

    def wait_for_job(self, timeout: float = 5.0) -> bytes:
        """The bytes of the next connection the printer has finished reading."""
        try:
            return self._jobs.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no print job within {timeout} s") from None

    def wait_for_parsed_job(self, timeout: float = 5.0) -> ParsedStream:
        """The next job, decoded as the printer would print it."""
        return parse_stream(self.wait_for_job(timeout))

    def jobs_waiting(self) -> int:
        """Jobs finished and not yet taken."""
        return self._jobs.qsize()

    # -- the thread --------------------------------------------------------------------------

    def _serve(self) -> None:
        assert self._listener is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            with conn:
                conn.settimeout(_POLL)
                if self.mode == "ok":
                    self._read_all(conn)
                elif self.mode == "close_mid_stream":
                    self._read_then_reset(conn)
                else:
                    self._trickle(conn)

    def _read_all(self, conn: socket.socket) -> None:
        job = bytearray()
        while not self._stop.is_set():
            try:
                chunk = conn.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                break
            if not chunk:
                break
            job += chunk
        self._jobs.put(bytes(job))

    def _read_then_reset(self, conn: socket.socket) -> None:
        taken = 0
        while taken < self.close_after and not self._stop.is_set():
            try:
                chunk = conn.recv(min(4096, self.close_after - taken))
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            taken += len(chunk)
        # Zero linger: closing resets the connection, as a printer switched off would.
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    def _trickle(self, conn: socket.socket) -> None:
        while not self._stop.wait(_TRICKLE_PERIOD):
            with contextlib.suppress(TimeoutError):
                try:
                    if not conn.recv(self.trickle):
                        return
                except OSError:
                    return
