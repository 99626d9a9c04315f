"""What redacting one log record costs, with no secret and with 10,000 card codes, a key
and a PIN registered (``python -m tests.benchmarks.bench_redaction``; figures only)."""

from __future__ import annotations

import argparse
import logging
import random
import time
from pathlib import Path

from pos_app.domain.redaction import SECRETS, SecretRegistry, redact_record

MESSAGE = "sale %s of %s (%d DA): server status %s, next check in %.1f s"
ARGS = ("CLI-20261123T101010Z-ab12cd34", "036362609", 1000, "HANDLING", 2.5)


def _cost(registry: SecretRegistry, text: str, runs: int) -> float:
    started = time.perf_counter()
    for _ in range(runs):
        registry.redact(text)
    return (time.perf_counter() - started) / runs * 1e6


def _record_cost(runs: int) -> float:
    started = time.perf_counter()
    for _ in range(runs):
        record = logging.LogRecord("x", logging.INFO, __file__, 1, MESSAGE, ARGS, None)
        redact_record(record)
    return (time.perf_counter() - started) / runs * 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--codes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=2_000)
    args = parser.parse_args(argv)
    rng = random.Random(3)
    traceback_text = Path(__file__).read_text(encoding="utf-8")[:5_000]
    line = MESSAGE % ARGS
    print(f"redact one record (mean of {args.runs} runs)")
    print(f"  no secrets: message {_cost(SECRETS, line, args.runs):.1f} us")
    started = time.perf_counter()
    for _ in range(args.codes):
        SECRETS.register_code(str(rng.randrange(10**11, 10**12)))
    registering = (time.perf_counter() - started) / max(args.codes, 1) * 1e6
    SECRETS.register_key("bench-key-" + "x" * 24)
    SECRETS.register_pin("482913")
    try:
        print(f"  registering a code: {registering:.1f} us")
        print(
            f"  {SECRETS.count('code'):,} codes, a key, a PIN: message "
            f"{_cost(SECRETS, line, args.runs):.1f} us, whole record (msg % args) "
            f"{_record_cost(args.runs):.1f} us, a 5,000-character traceback "
            f"{_cost(SECRETS, traceback_text, max(args.runs // 10, 1)):.1f} us"
        )
    finally:
        SECRETS.clear()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
