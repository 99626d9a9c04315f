"""A loopback HTTP server that answers whatever a test scripts, however hostile.

Each request gets the next scripted ``Answer``: any status, headers and body; headers or body
dripped one byte at a time; a huge body streamed from one reused buffer (never built in
memory), declared, chunked or read-until-close. Bounded: threads end when the client goes,
sockets time out after ``SOCKET_TIMEOUT`` s, drips stop as soon as the server is closed, and
``close`` joins every handler thread.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal

SOCKET_TIMEOUT = 10.0
FILLER = b"x" * (64 * 1024)


@dataclass
class Answer:
    """One scripted answer. ``filler`` streams that many bytes after ``body``;
    ``framing``: "length" (Content-Length), "chunked", or "close" (no length, read to EOF);
    ``declared`` overrides the Content-Length sent."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    framing: Literal["length", "chunked", "close"] = "length"
    filler: int = 0
    pad: bytes = b"x"
    declared: int | None = None
    drip_headers: float = 0.0
    drip_body: float = 0.0


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


def serve(httpd: ThreadingHTTPServer) -> threading.Thread:
    """Serve ``httpd`` on a daemon thread (shut down within 50 ms when asked); the thread."""
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    return thread


def v3_url(httpd: ThreadingHTTPServer) -> str:
    """The API's base URL on the loopback port ``httpd`` listens on."""
    return f"http://127.0.0.1:{httpd.server_address[1]}/v3"


class _GoneError(Exception):
    """The client went away, or the server is closing."""


class HostileServer:
    def __init__(self) -> None:
        self.queue: deque[Answer] = deque()
        self.seen: list[Seen] = []
        self.stopping = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            timeout = SOCKET_TIMEOUT
            protocol_version = "HTTP/1.1"

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                outer.seen.append(Seen(self.command, self.path, dict(self.headers), body))
                answer = outer.queue.popleft() if outer.queue else Answer(500, b"no script")
                self.close_connection = True
                with contextlib.suppress(_GoneError, OSError):
                    outer._write(self, answer)

            do_GET = _answer
            do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = False
            block_on_close = True

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that hangs up mid-answer is what these tests do

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.thread = serve(self.httpd)

    @property
    def base_url(self) -> str:
        return v3_url(self.httpd)

    def push(self, answer: Answer) -> None:
        self.queue.append(answer)

    def _pause(self, seconds: float) -> None:
        if self.stopping.wait(seconds):
            raise _GoneError

    def _write(self, handler: BaseHTTPRequestHandler, answer: Answer) -> None:
        out = handler.wfile
        head = [f"HTTP/1.1 {answer.status} Scripted", "Connection: close"]
        head += [f"{k}: {v}" for k, v in answer.headers.items()]
        if answer.framing == "length":
            size = (
                answer.declared if answer.declared is not None else len(answer.body) + answer.filler
            )
            head.append(f"Content-Length: {size}")
        elif answer.framing == "chunked":
            head.append("Transfer-Encoding: chunked")
        raw_head = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1")
        if answer.drip_headers:
            for i in range(len(raw_head)):
                out.write(raw_head[i : i + 1])
                self._pause(answer.drip_headers)
        else:
            out.write(raw_head)
        for piece in self._pieces(answer):
            if answer.framing == "chunked":
                out.write(b"%x\r\n%b\r\n" % (len(piece), piece))
            else:
                out.write(piece)
            if answer.drip_body:
                self._pause(answer.drip_body)
            elif self.stopping.is_set():
                raise _GoneError
        if answer.framing == "chunked":
            out.write(b"0\r\n\r\n")

    @staticmethod
    def _pieces(answer: Answer) -> Iterator[bytes]:
        if answer.drip_body:
            for i in range(len(answer.body)):
                yield answer.body[i : i + 1]
        elif answer.body:
            yield answer.body
        left = answer.filler
        block = FILLER if answer.pad == b"x" else answer.pad * len(FILLER)
        while left > 0:
            piece = block if left >= len(block) else block[:left]
            left -= len(piece)
            yield piece

    def close(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()  # joins the handler threads (block_on_close)
        self.thread.join(timeout=5)

    def __enter__(self) -> HostileServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
