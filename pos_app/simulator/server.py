"""The simulator as a real HTTP server on 127.0.0.1: requests, faults, outages and a request log.

One request per connection (every answer says ``Connection: close``), so a dropped answer or an
outage looks to a client exactly as it would on a real network. Fault delays (``latency``,
``slow``, ``SimConfig.latency_ms``) are real milliseconds, not scaled by ``time_scale``; the
delay of a ``hold`` is simulated time on the injected clock, scaled like the order schedule.
"""

from __future__ import annotations

import json
import logging
import selectors
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Final, cast
from urllib.parse import parse_qsl, urlsplit

from pos_app.api import contract
from pos_app.background import lower_thread_priority
from pos_app.simulator.config import SimConfig
from pos_app.simulator.faults import FaultPlan, FaultRule
from pos_app.simulator.routes import Api, Reply, Route, find_route, without_card_codes
from pos_app.simulator.state import Clock, HeldSend, SimOrder, SimState

logger = logging.getLogger(__name__)

LOOPBACK: Final = "127.0.0.1"
_LOOPBACK_NAMES: Final = frozenset({LOOPBACK, "localhost"})


@dataclass(frozen=True)
class RequestRecord:
    """One request as the simulator saw it, for tests.

    ``status`` is None when the answer was dropped; ``fault`` names the fault kinds that fired
    (comma-separated); ``body`` is the request body parsed as JSON (None if absent or invalid).
    """

    time: float
    method: str
    path: str
    query: dict[str, str]
    status: int | None
    fault: str | None
    body: Any
    endpoint: str | None = None


@dataclass(frozen=True)
class _Incoming:
    """What the handler read off the socket."""

    method: str
    target: str
    token: str | None
    body: bytes
    ip: str


@dataclass(frozen=True)
class _Outgoing:
    """What the handler must write back: status None means close without a byte."""

    status: int | None
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0


@dataclass
class _Answer:
    """A reply under construction, with the fault kinds that fired on it.

    ``reply`` None: the request was held, the connection closes with no answer.
    """

    reply: Reply | None
    fired: list[str] = field(default_factory=list)
    acted: bool = True


class _Server(ThreadingHTTPServer):
    """A threading HTTP server bound to loopback that hands each request to ``respond``."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # the default 5 drops SYNs under parallel clients (1 s retries)

    def __init__(self, port: int, respond: Callable[[_Incoming], _Outgoing]) -> None:
        self.respond = respond
        self._wake_read, self._wake_write = socket.socketpair()
        super().__init__((LOOPBACK, port), _Handler)

    def serve_until_woken(self) -> None:
        """Accept connections until wake(); unlike serve_forever, stops without polling."""
        lower_thread_priority()  # it stands for a remote server: the window goes first
        with selectors.DefaultSelector() as selector:
            selector.register(self.socket, selectors.EVENT_READ)
            selector.register(self._wake_read, selectors.EVENT_READ)
            while True:
                ready = {key.fileobj for key, _ in selector.select()}
                if self._wake_read in ready:
                    return
                self.handle_request()

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        """One request's thread (Linux threads inherit the serving thread's priority; on
        Windows each lowers its own)."""
        lower_thread_priority()
        super().process_request_thread(request, client_address)

    def wake(self) -> None:
        """Make serve_until_woken() return."""
        self._wake_write.send(b"\0")

    def server_close(self) -> None:
        super().server_close()
        self._wake_read.close()
        self._wake_write.close()

    def handle_error(self, request: object, client_address: Any) -> None:
        """Log a handler failure; a client that hung up (e.g. after a timeout) is routine."""
        if isinstance(sys.exception(), ConnectionError):
            logger.debug("client %s went away before the answer", client_address)
        else:
            logger.exception("error while answering %s", client_address)


class _Handler(BaseHTTPRequestHandler):
    """Reads one request, asks the simulator for the answer, writes it (or drops it)."""

    protocol_version = "HTTP/1.1"
    server_version = "OneClickDZ-Simulator/1"
    disable_nagle_algorithm = True  # headers and body go out as separate small writes

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _serve(self) -> None:
        self.close_connection = True
        incoming = _Incoming(
            method=self.command,
            target=self.path,
            token=self.headers.get(contract.TOKEN_HEADER),
            body=self._read_body(),
            ip=self.client_address[0],
        )
        outgoing = cast(_Server, self.server).respond(incoming)
        if outgoing.delay > 0:
            time.sleep(outgoing.delay)
        if outgoing.status is None:
            return  # drop: the socket closes with no response bytes at all
        self.send_response(outgoing.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(outgoing.body)))
        self.send_header("Connection", "close")
        for name, value in outgoing.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(outgoing.body)

    def _read_body(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = 0
        return self.rfile.read(length) if length > 0 else b""

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s %s", self.address_string(), format % args)


def _parse_json(raw: bytes) -> Any:
    """A request body as JSON, or None when empty or not JSON."""
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _pause(milliseconds: float | None) -> None:
    """Sleep for a real number of milliseconds (fault delays)."""
    if milliseconds:
        time.sleep(milliseconds / 1000)


def _seconds_text(value: float) -> str:
    """A Retry-After value: whole seconds when integral."""
    return str(int(value)) if float(value).is_integer() else str(value)


class Simulator:
    """A OneClickDZ v3 internet top-up API served on 127.0.0.1, with faults and outages.

    ``clock`` (seconds, default ``time.monotonic``) drives every schedule, so tests can pass a
    fake clock and advance it instead of sleeping.
    """

    def __init__(self, config: SimConfig | None = None, clock: Clock | None = None) -> None:
        self.config = config if config is not None else SimConfig()
        self._clock: Clock = clock if clock is not None else time.monotonic
        self._state = SimState(self.config, self._clock)
        self._api = Api(self._state, self.config)
        self._faults = FaultPlan(self.config.seed, self.config.faults)
        self._log_lock = threading.Lock()
        self._log: list[RequestRecord] = []
        self._server_lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._port: int | None = None

    # --- lifecycle ------------------------------------------------------------------------

    def start(self, host: str = LOOPBACK, port: int = 0) -> Simulator:
        """Listen on 127.0.0.1:``port`` (0: any free port) and serve on a daemon thread."""
        if host not in _LOOPBACK_NAMES:
            raise ValueError(f"the simulator only binds to {LOOPBACK}, not {host!r}")
        with self._server_lock:
            if self._port is not None:
                raise RuntimeError("simulator already started")
            self._listen(port)
        logger.info("simulator listening on %s", self.base_url)
        return self

    def stop(self) -> None:
        """Stop listening and serving; safe to call more than once."""
        self.go_offline()

    def go_offline(self) -> None:
        """Close the listening socket: new connections are refused until go_online()."""
        with self._server_lock:
            server, thread = self._server, self._thread
            self._server, self._thread = None, None
        if server is None or thread is None:
            return
        server.wake()
        thread.join()
        server.server_close()

    def go_online(self) -> None:
        """Listen again on the same port after go_offline()."""
        with self._server_lock:
            if self._port is None:
                raise RuntimeError("simulator was never started")
            if self._server is None:
                self._listen(self._port)

    def _listen(self, port: int) -> None:
        """Bind and serve. Caller holds the server lock."""
        server = _Server(port, self._respond)
        thread = threading.Thread(
            target=server.serve_until_woken,
            name=f"oneclickdz-sim-{server.server_address[1]}",
            daemon=True,
        )
        thread.start()
        self._server, self._thread = server, thread
        self._port = int(server.server_address[1])

    @property
    def online(self) -> bool:
        """Whether the simulator is listening right now."""
        with self._server_lock:
            return self._server is not None

    @property
    def port(self) -> int:
        """The TCP port (fixed at the first start)."""
        if self._port is None:
            raise RuntimeError("simulator not started")
        return self._port

    @property
    def base_url(self) -> str:
        """The API base URL, e.g. http://127.0.0.1:8765/v3."""
        return f"http://{LOOPBACK}:{self.port}/v3"

    def __enter__(self) -> Simulator:
        if self._port is None:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # --- faults and stock -----------------------------------------------------------------

    def inject(self, rule: FaultRule) -> None:
        """Arm a fault rule (after the rules already armed)."""
        self._faults.add(rule)

    def clear_faults(self) -> None:
        """Disarm every fault rule."""
        self._faults.clear()

    def faults(self) -> list[FaultRule]:
        """The fault rules still armed."""
        return self._faults.active()

    def set_stock(self, line_type: str, value: int, available: bool) -> None:
        """Put a card value of ADSL or 4G in or out of stock (adding the value if new)."""
        self._state.set_stock(line_type, value, available)

    def deposit(self, amount: Decimal, note: str = "Deposit") -> None:
        """Credit the account, as a DEPOSIT ledger row."""
        self._state.deposit(amount, note)

    # --- inspection -----------------------------------------------------------------------

    def requests(self) -> list[RequestRecord]:
        """Every request received so far, in arrival order."""
        with self._log_lock:
            return list(self._log)

    def held(self) -> list[HeldSend]:
        """Every send held by a ``hold`` fault, in arrival order, with its outcome as of now."""
        return self._state.held()

    def accepted(self) -> list[SimOrder]:
        """Every accepted order, in accept order, as of now."""
        return self._state.orders()

    def order_by_ref(self, ref: str) -> SimOrder | None:
        """The order with this ref, as of now."""
        return self._state.order_by_ref(ref)

    def order_by_id(self, order_id: str) -> SimOrder | None:
        """The order with this topupId, as of now."""
        return self._state.order_by_id(order_id)

    @property
    def balance(self) -> Decimal:
        """The account balance, as of now."""
        return self._state.balance()

    def advance(self) -> None:
        """Apply every order transition due at the clock's current reading."""
        self._state.advance()

    # --- one request ----------------------------------------------------------------------

    def _respond(self, incoming: _Incoming) -> _Outgoing:
        """Route, authenticate, fault and answer one request, and log it."""
        received = self._clock()
        _pause(self.config.latency_ms)
        self._state.advance()
        target = urlsplit(incoming.target)
        query = dict(parse_qsl(target.query, keep_blank_values=True))
        body = _parse_json(incoming.body)
        route = find_route(incoming.method, target.path)
        if route is None:
            answer = _Answer(self._api.unknown_route(incoming.method, target.path))
        else:
            answer = self._answer(route, query, body, incoming)
        outgoing = self._after_faults(route, answer)
        record = RequestRecord(
            time=received,
            method=incoming.method,
            path=target.path,
            query=query,
            status=outgoing.status,
            fault=",".join(answer.fired) or None,
            body=body,
            endpoint=route.endpoint if route is not None else None,
        )
        with self._log_lock:
            self._log.append(record)
        return outgoing

    def _answer(
        self, route: Route, query: dict[str, str], body: Any, incoming: _Incoming
    ) -> _Answer:
        """Apply a before-fault, then let the API act (unless the fault refused)."""
        rule = self._faults.pick(route.endpoint, "before")
        if rule is not None and rule.kind == "503":
            reply = self._api.error(contract.SERVICE_UNAVAILABLE, "Service temporarily unavailable")
            return _Answer(reply, [rule.kind], acted=False)
        if rule is not None and rule.kind == "429":
            headers = () if rule.value is None else (("Retry-After", _seconds_text(rule.value)),)
            reply = self._api.error(contract.RATE_LIMITED, "Too many requests", headers=headers)
            return _Answer(reply, [rule.kind], acted=False)
        fired = [rule.kind] if rule is not None else []
        if rule is not None:  # latency
            _pause(rule.value)
        refusal = self._api.admit(route, incoming.token, incoming.ip)
        if refusal is not None:
            return _Answer(refusal, fired)
        if route.endpoint == "send":
            held = self._hold(body, fired)
            if held is not None:
                return held
        return _Answer(self._api.serve(route, query, body), fired)

    def _hold(self, body: Any, fired: list[str]) -> _Answer | None:
        """A schema-valid send kept back by a ``hold`` fault, or None to serve it now."""
        request = self._api.send_request(body)
        if isinstance(request, Reply):
            return _Answer(request, fired)  # the schema refusal, answered now
        rule = self._faults.pick("send", "instead")
        if rule is None:
            return None
        delay = (rule.value or 0) / 1000
        self._state.hold(request.type, request.number, request.value, request.ref, delay)
        return _Answer(None, [*fired, rule.kind], acted=False)

    def _after_faults(self, route: Route | None, answer: _Answer) -> _Outgoing:
        """Turn the reply into bytes, spoiled by an after-fault if one fires."""
        reply = answer.reply
        if reply is None:
            return _Outgoing(None)  # held: close with no answer
        rule = (
            self._faults.pick(route.endpoint, "after")
            if route is not None and answer.acted
            else None
        )
        if rule is None:
            return _Outgoing(reply.status, reply.body(), reply.headers)
        answer.fired.append(rule.kind)
        if rule.kind == "drop":
            return _Outgoing(None)
        if rule.kind == "500":
            failed = self._api.error(contract.INTERNAL_ERROR, "Internal server error")
            return _Outgoing(failed.status, failed.body(), failed.headers)
        if rule.kind == "refuse500":  # a refusal code on a 5xx: the order was placed all the same
            hostile = self._api.error(
                contract.ERR_STOCK,
                "Card value is out of stock",
                status=contract.HTTP_STATUS[contract.INTERNAL_ERROR],
            )
            return _Outgoing(hostile.status, hostile.body(), hostile.headers)
        if rule.kind == "garbage":
            whole = reply.body()
            return _Outgoing(200, whole[: len(whole) // 2])
        if rule.kind == "nocode":
            hidden = Reply(reply.status, without_card_codes(reply.payload), reply.headers)
            return _Outgoing(hidden.status, hidden.body(), hidden.headers)
        return _Outgoing(reply.status, reply.body(), reply.headers, (rule.value or 0) / 1000)
