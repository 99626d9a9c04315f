"""A scripted loopback HTTP server: answers each request with the next canned response.

Used to feed the client the docs' literal example bodies over real HTTP, including shapes
the simulator does not produce (the other reading of a doc conflict). For answers that are
hostile on the wire (drips, huge bodies, broken framing) see ``hostile_server``.
"""

from __future__ import annotations

import json
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.api.hostile_server import Seen, serve, v3_url

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "api"


def load_fixture(name: str) -> tuple[int, str]:
    """(HTTP status, body text) of a docs example."""
    raw = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return raw["http_status"], raw["body_text"]


@dataclass
class Canned:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False
    delay: float = 0.0


class ScriptedServer:
    """Answers each request with the next canned response (a 500 when none is left)."""

    def __init__(self) -> None:
        self.queue: deque[Canned] = deque()
        self.seen: list[Seen] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                outer.seen.append(Seen(self.command, self.path, dict(self.headers), body))
                canned = outer.queue.popleft() if outer.queue else Canned(500, b"no script")
                if canned.delay:
                    time.sleep(canned.delay)
                if canned.drop:
                    self.close_connection = True
                    self.connection.close()
                    return
                self.send_response(canned.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(canned.body)))
                self.send_header("Connection", "close")
                for k, v in canned.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(canned.body)

            do_GET = _answer
            do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = serve(self.httpd)

    @property
    def base_url(self) -> str:
        return v3_url(self.httpd)

    def push(self, status: int, body: str | bytes, **headers: str) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.queue.append(Canned(status, data, headers))

    def push_fixture(self, name: str, **headers: str) -> None:
        status, body = load_fixture(name)
        self.push(status, body, **headers)

    def push_drop(self) -> None:
        self.queue.append(Canned(0, b"", drop=True))

    def push_slow(self, seconds: float, status: int, body: str) -> None:
        self.queue.append(Canned(status, body.encode(), delay=seconds))

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
