"""The ``pos-app`` command.

- ``pos-app [--demo] [--lang en|fr|ar] [--smoke [--screenshot PATH]]``: the cashier window,
  against the real API with ``ONECLICK_API_KEY``, else (or with ``--demo``) in training mode.
- ``pos-app [--demo] status``: the account, balance and card values, in the terminal.
- ``pos-app config [KEY [VALUE]]``: the shop's settings (language, low-balance warning,
  counter id).
- ``pos-app sim [...]``: run the OneClickDZ simulator standalone (see ``pos-app sim --help``).
- ``pos-app order|resume|history``: the order engine, headless (see ``cli_orders``).
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from pos_app import __version__, cli_orders
from pos_app.preferences import LANGUAGES
from pos_app.store import StoreConfigError, StoreError, StoreUnavailableError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 5


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pos-app",
        description="Counter app for Algérie Télécom ADSL and 4G top-ups (OneClickDZ v3).",
    )
    parser.add_argument("--version", action="version", version=f"pos-app {__version__}")
    parser.add_argument(
        "--demo", action="store_true",
        help="training mode: an embedded simulator, no API key, no real money",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log requests to stderr")
    parser.add_argument("--smoke", action="store_true",
                        help="start the window, wait until it shows, print timings, exit")
    parser.add_argument("--screenshot", metavar="PATH", help="with --smoke: save a PNG")
    parser.add_argument("--lang", choices=LANGUAGES,
                        help="window language (default: POS_LANG, else the system's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("sim", help="run the OneClickDZ API simulator", add_help=False)
    sub.add_parser("status", help="show the account, balance and card values")
    config = sub.add_parser("config", help="show or change the shop's settings")
    config.add_argument("key", nargs="?", help="a setting (none: list them all)")
    config.add_argument("value", nargs="?", help="its new value (none: show it)")
    cli_orders.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["sim"]:
        from pos_app.simulator.__main__ import main as sim_main

        return sim_main(args_list[1:])
    args = _parser().parse_args(args_list)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format=LOG_FORMAT,
    )
    try:
        return _run(args)
    except (StoreUnavailableError, StoreConfigError) as exc:  # one line, never a traceback
        return cli_orders.cannot_start(exc, sys.stderr)


def _run(args: argparse.Namespace) -> int:
    if args.command == "order":
        return cli_orders.run_order(args, sys.stdout, sys.stderr)
    if args.command == "resume":
        return cli_orders.run_resume(args, sys.stdout, sys.stderr)
    if args.command == "history":
        return cli_orders.run_history(sys.stdout, sys.stderr)
    if args.command == "config":
        return run_config(args.key, args.value, sys.stdout, sys.stderr)
    no_key = not os.environ.get("ONECLICK_API_KEY")
    demo = args.demo or no_key
    if args.command is None:
        from pos_app.ui.app import run_window

        _log_to_file()

        return run_window(
            demo=demo,
            smoke=args.smoke,
            screenshot=args.screenshot,
            lang=args.lang,
            no_key=no_key and not args.demo,
        )
    from pos_app.status import show_status

    try:
        return show_status(demo=demo, out=sys.stdout)
    except ValueError as exc:  # the client refused its URL (or key) when built
        return cli_orders.cannot_start(exc, sys.stderr)


class _FileLog(logging.Handler):
    """The window's log file: a rotating file in the data folder, opened at the first
    record it gets (most days there is none: no file, and about 1 MiB less memory)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self._file: logging.Handler | None = None
        self._failed = False

    def emit(self, record: logging.LogRecord) -> None:  # under self.lock (Handler.handle)
        if self._file is None and not self._failed:
            from pos_app.store.paths import log_path

            try:
                self._file = _private_rotating_file(log_path(), LOG_BYTES, LOG_BACKUPS)
            except (OSError, StoreError) as exc:  # a read-only folder must not stop the counter
                self._failed = True
                sys.stderr.write(f"pos-app: no log file: {exc}\n")
                return
            self._file.setFormatter(logging.Formatter(LOG_FORMAT))
        if self._file is not None:
            self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def _private_rotating_file(path: str | os.PathLike[str], max_bytes: int,
                           backups: int) -> logging.Handler:
    """A rotating log file readable by the shop's user only (0600 on POSIX), its rotations
    too. ``logging.handlers`` is imported here, at the first record, not at start."""
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFile(RotatingFileHandler):
        def _open(self) -> io.TextIOWrapper:
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                if os.name == "posix":
                    os.fchmod(fd, 0o600)  # a file left by an older version
                return open(fd, "a", encoding=self.encoding, errors=self.errors)
            except BaseException:
                os.close(fd)
                raise

    return PrivateRotatingFile(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")


def _log_to_file() -> None:
    """The window also logs to a file (what support reads: warnings, and every unexpected
    error with its traceback). Never the API key."""
    logging.getLogger().addHandler(_FileLog())


def run_config(key: str | None, value: str | None, out: TextIO, err: TextIO) -> int:
    """``pos-app config``: list the settings; ``config KEY``: show one; ``config KEY VALUE``:
    check and store it (the window reads it at its next start)."""
    from pos_app.preferences import (
        PREFERENCES,
        PreferenceError,
        from_env,
        get_preference,
        set_preference,
    )
    from pos_app.store import open_store
    from pos_app.store.paths import default_url

    if key is not None and key not in PREFERENCES:
        err.write(f"unknown setting {key!r}; one of {', '.join(PREFERENCES)}\n")
        return EXIT_USAGE
    # Listing reads only: a sound database that cannot be written is still shown.
    store = open_store(os.environ.get("POS_DB_URL") or default_url(), read_only=value is None)
    try:
        if key is not None and value is not None:
            try:
                stored = set_preference(store, key, value)
            except PreferenceError as exc:
                err.write(f"{exc}\n")
                return EXIT_USAGE
            out.write(f"{key} = {stored}\n")
            return EXIT_OK
        for pref in PREFERENCES.values():
            if key is not None and pref.key != key:
                continue
            shown = get_preference(store, pref.key)
            line = f"{pref.key} = {shown if shown is not None else '(not set)'}"
            if pref.env and from_env(pref.key) is not None:
                line += f"  [from {pref.env}]"
            elif pref.env and os.environ.get(pref.env):
                line += f"  [{pref.env} ignored: not a valid value]"
            out.write(f"{line}\n    {pref.meaning}\n")
        return EXIT_OK
    finally:
        store.close()


if __name__ == "__main__":
    raise SystemExit(main())
