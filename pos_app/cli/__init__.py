"""The ``pos-app`` command: parse the arguments and hand over to one command family.

- ``pos-app [--demo] [--lang en|fr|ar] [--smoke [--screenshot PATH]]``: the cashier window,
  against the real API with the configured key (``ONECLICK_API_KEY``, else the keyring's),
  else (or with ``--demo``) in training mode.
- ``pos-app [--demo] status``: the account, balance and card values, in the terminal
  (``cli.status``).
- ``pos-app config [KEY [VALUE]]``: the shop's settings (language, low-balance warning,
  counter id; ``cli.config``); ``pos-app config api_key [--clear]``: the API key, read from
  standard input and kept in the system keyring (never from the command line).
- ``pos-app sim [...]``: run the OneClickDZ simulator standalone (see ``pos-app sim --help``).
- ``pos-app order|resume|history``: the order engine, headless (``cli.orders``).
- ``pos-app receipt REF [--png|--pdf|--escpos PATH | --print]``: a sale's receipt
  (``cli.receipt``; draws with Qt inside the command only).
- ``pos-app report [--date D] [--z] [--cash AMOUNT] [--pdf PATH]``: the X report, or the
  period closed with a Z (``cli.reports``; only ``--pdf`` loads Qt).
- ``pos-app user add|list|passwd|disable|enable``: the shop's cashiers and managers, PINs
  read from standard input (``cli.users``).
- ``pos-app verify``: check the journal's tamper-evident chain (``cli.verify``).

Only the window needs Qt, and it is imported when it starts: the commands run without it.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from pos_app import __version__
from pos_app.cli.logfile import LOG_FORMAT, log_to_file, redacted_stderr
from pos_app.collector import settle
from pos_app.domain import redaction
from pos_app.store.errors import StoreConfigError, StoreUnavailableError
from pos_app.store.settings import LANGUAGES

COMMANDS = frozenset(
    ("sim", "status", "config", "order", "resume", "history", "receipt", "report", "user", "verify")
)


def _window_parser() -> argparse.ArgumentParser:
    """The options of the window alone: parsed without importing any command's module, so
    the window starts without them (the full :func:`_parser` for everything else)."""
    parser = argparse.ArgumentParser(
        prog="pos-app",
        description="Counter app for Algérie Télécom ADSL and 4G top-ups (OneClickDZ v3).",
    )
    parser.add_argument("--version", action="version", version=f"pos-app {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="training mode: an embedded simulator, no API key, no real money",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log requests to stderr")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start the window, wait until it shows, print timings, exit",
    )
    parser.add_argument("--screenshot", metavar="PATH", help="with --smoke: save a PNG")
    parser.add_argument(
        "--lang", choices=LANGUAGES, help="window language (default: POS_LANG, else the system's)"
    )
    return parser


def _parser() -> argparse.ArgumentParser:
    from pos_app.cli import orders, receipt, reports, users, verify

    parser = _window_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("sim", help="run the OneClickDZ API simulator", add_help=False)
    sub.add_parser("status", help="show the account, balance and card values")
    config = sub.add_parser("config", help="show or change the shop's settings")
    config.add_argument("key", nargs="?", help="a setting (none: list them all)")
    config.add_argument("value", nargs="?", help="its new value (none: show it)")
    config.add_argument(
        "--clear", action="store_true", help="with api_key: remove the key from the keyring"
    )
    orders.add_parsers(sub)
    receipt.add_parser(sub)
    reports.add_parser(sub)
    users.add_parser(sub)
    verify.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    redaction.install()  # before anything can log: the key, PINs and card codes never reach a log
    with redacted_stderr():  # nor stderr, where error lines quote exception messages
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["sim"]:
        from pos_app.simulator.__main__ import main as sim_main

        settle()  # a command: the collector back on (the window turns it on once loaded)
        return sim_main(args_list[1:])
    window_only = not COMMANDS.intersection(args_list) and not {"-h", "--help"} & set(args_list)
    if window_only:  # the window: no command's module is imported (it paints first)
        args, extras = _window_parser().parse_known_args(args_list)
        args.command = None
        if extras:
            window_only = False
    if not window_only:
        from pos_app.cli import users
        from pos_app.cli.config import API_KEY

        parser = _parser()
        args, extras = parser.parse_known_args(args_list)
    if extras:
        if args.command == "config" and args.key == API_KEY:  # refused, and never echoed
            args.value = args.value or " ".join(extras)
        elif args.command == "user":  # maybe a PIN: refused, and never echoed
            sys.stderr.write(f"pos-app: {users.NO_PIN_ON_THE_COMMAND_LINE}\n")
            return users.EXIT_USAGE
        else:
            parser.error(f"unrecognized arguments: {' '.join(extras)}")
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format=LOG_FORMAT,
    )
    try:
        return _run(args)
    except (StoreUnavailableError, StoreConfigError) as exc:  # one line, never a traceback
        from pos_app.cli import orders

        return orders.cannot_start(exc, sys.stderr)


def _run(args: argparse.Namespace) -> int:
    if args.command is not None:
        settle()
        return _run_command(args)
    return _run_counter(args)


def _run_command(args: argparse.Namespace) -> int:
    from pos_app.cli import orders, receipt, reports, users, verify
    from pos_app.cli.config import run_config

    if args.command == "order":
        return orders.run_order(args, sys.stdout, sys.stderr)
    if args.command == "resume":
        return orders.run_resume(args, sys.stdout, sys.stderr)
    if args.command == "history":
        return orders.run_history(args, sys.stdout, sys.stderr)
    if args.command == "config":
        return run_config(args.key, args.value, sys.stdout, sys.stderr, clear=args.clear)
    if args.command == "receipt":
        return receipt.run_receipt(args, sys.stdout, sys.stderr)
    if args.command == "report":
        return reports.run_report(args, sys.stdout, sys.stderr)
    if args.command == "user":
        return users.run_user(args, sys.stdout, sys.stderr)
    if args.command == "verify":
        return verify.run_verify(sys.stdout, sys.stderr)
    return _run_counter(args)


def _run_counter(args: argparse.Namespace) -> int:
    """The window (no command) or ``status``: both read the key once, here."""
    no_key = False
    key = None  # read once here, handed to the window or the status (never read again)
    if not args.demo:  # --demo never asks the keyring
        from pos_app.api.keys import configured_key

        reading = configured_key()
        key = reading.key
        no_key = key is None
        if reading.problem is not None:
            sys.stderr.write(f"pos-app: {reading.problem}; starting in training mode\n")
    demo = args.demo or no_key
    if args.command is None:
        return _run_window(args, demo=demo, no_key=no_key, api_key=key)
    from pos_app.cli import orders
    from pos_app.cli.status import show_status

    try:
        return show_status(demo=demo, out=sys.stdout, api_key=key)
    except ValueError as exc:  # the client refused its URL (or key) when built
        return orders.cannot_start(exc, sys.stderr)


def _run_window(args: argparse.Namespace, *, demo: bool, no_key: bool, api_key: str | None) -> int:
    """The cashier window: the command line's one way into Qt, imported only here (an
    import-linter contract in pyproject.toml allows this edge and no other)."""
    from pos_app.ui.app import run_window

    log_to_file()

    return run_window(
        demo=demo,
        smoke=args.smoke,
        screenshot=args.screenshot,
        lang=args.lang,
        no_key=no_key and not args.demo,
        api_key=api_key,
    )
