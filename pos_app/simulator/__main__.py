"""Command line of the simulator: ``pos-app sim [options]`` or ``python -m pos_app.simulator``.

Prints the base URL (ending in /v3) as its first stdout line, then serves until SIGINT or
SIGTERM and exits 0. Everything else goes to the log (stderr).
"""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from decimal import Decimal, InvalidOperation
from types import FrameType
from typing import Final

from pos_app.domain import redaction
from pos_app.simulator.config import DEFAULT_BALANCE, DEFAULT_SIM_KEY, KEY_TYPES, SimConfig
from pos_app.simulator.faults import FaultRule, parse_faults
from pos_app.simulator.server import Simulator

logger = logging.getLogger("pos_app.simulator")

DEFAULT_PORT: Final = 8765
_STOP_SIGNALS: Final = (signal.SIGINT, signal.SIGTERM)


def _faults_arg(text: str) -> list[FaultRule]:
    try:
        return parse_faults(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _amount_arg(text: str) -> Decimal:
    try:
        amount = Decimal(text)
    except InvalidOperation as exc:
        raise argparse.ArgumentTypeError(f"not an amount: {text!r}") from exc
    if not amount.is_finite() or amount < 0:
        raise argparse.ArgumentTypeError(f"balance must be a finite amount >= 0: {text!r}")
    return amount.quantize(Decimal("0.01"))


def build_parser() -> argparse.ArgumentParser:
    """The simulator's command-line options."""
    parser = argparse.ArgumentParser(
        prog="pos-app sim",
        description="Serve a local OneClickDZ v3 internet top-up API simulator on 127.0.0.1.",
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="TCP port, 0 for any")
    parser.add_argument("--key", default=DEFAULT_SIM_KEY, help="the accepted X-Access-Token")
    parser.add_argument("--seed", type=int, default=0, help="seed of the order schedule")
    parser.add_argument(
        "--time-scale", type=float, default=1.0, help="speed-up factor of every delay"
    )
    parser.add_argument(
        "--latency-ms", type=float, default=0.0, help="latency added to every request"
    )
    parser.add_argument(
        "--faults",
        type=_faults_arg,
        default=[],
        help=(
            "ENDPOINT:KIND[=VALUE][@PROB][xCOUNT],... e.g. send:drop@0.1,balance:429=2; kinds: "
            "503 429=S latency=MS drop 500 garbage slow=MS, send:hold=MS (answer lost, sent "
            "MS later), send:refuse500 (placed, 500 with ERR_STOCK), "
            "check-id|check-ref|list:nocode (FULFILLED without card_code)"
        ),
    )
    parser.add_argument(
        "--balance", type=_amount_arg, default=DEFAULT_BALANCE, help="opening balance in DZD"
    )
    parser.add_argument("--key-type", choices=KEY_TYPES, default="SANDBOX")
    return parser


def _config(args: argparse.Namespace) -> SimConfig:
    """The SimConfig the parsed options describe."""
    return SimConfig(
        key=args.key,
        key_type=args.key_type,
        seed=args.seed,
        time_scale=args.time_scale,
        latency_ms=args.latency_ms,
        balance=args.balance,
        faults=tuple(args.faults),
    )


def _wait_for_stop_signal() -> None:
    """Block until SIGINT or SIGTERM (or forever, off the main thread, until interrupted)."""
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        logger.info("received signal %s, stopping", signal.Signals(signum).name)
        stop.set()

    on_main = threading.current_thread() is threading.main_thread()
    previous = {sig: signal.signal(sig, on_signal) for sig in _STOP_SIGNALS} if on_main else {}
    try:
        while not stop.wait(0.2):
            pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def main(argv: list[str] | None = None) -> int:
    """Run the simulator until SIGINT/SIGTERM; 0 on a clean stop, 1 if it cannot start."""
    redaction.install()
    args = build_parser().parse_args(argv)
    redaction.register_key(args.key)  # the key it accepts never reaches its log
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        simulator = Simulator(_config(args)).start(port=args.port)
    except (ValueError, OSError) as exc:
        logger.error("cannot start the simulator: %s", exc)
        return 1
    with simulator:
        print(simulator.base_url, flush=True)
        logger.info(
            "key type %s, seed %s, time scale %s, faults %s",
            args.key_type,
            args.seed,
            args.time_scale,
            ",".join(rule.spec() for rule in args.faults) or "none",
        )
        _wait_for_stop_signal()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
