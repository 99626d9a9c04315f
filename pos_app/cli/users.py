"""``pos-app user add|list|passwd|disable|enable``: the shop's cashiers and managers, for
the first set-up and for recovery (a forgotten PIN, a locked or departed person).

A PIN is read from standard input, never from the command line (it would stay in the shell
history): at a terminal it is typed twice without echo and compared, from a pipe it is the
first line. It is never written out. Each change is noted in the action log as done by
``cli:<os user>``. Exit status: 0 done, 2 bad input or a refused change (nothing changed),
4 the database cannot be used.
"""

from __future__ import annotations

import argparse
import getpass
import hmac
import sys
from datetime import tzinfo
from typing import Any, Final, TextIO

from pos_app.domain.users import (
    PIN_MAX_LENGTH,
    PIN_MESSAGES,
    PIN_MIN_LENGTH,
    InvalidNameError,
    Role,
    checked_name,
    pin_problem,
)

EXIT_OK: Final = 0
EXIT_USAGE: Final = 2

NO_PIN_ON_THE_COMMAND_LINE: Final = (
    "pos-app user takes no PIN on the command line: it would stay in the shell history; "
    "type it at the prompt or pipe it in (nothing was changed)"
)
_WHO_MAX: Final = 60


class PinNotReadError(ValueError):
    """No usable PIN was read (none, a bad one, or two that differ); the text says which and
    never holds the PIN."""


def add_parser(sub: Any) -> None:
    """The ``user`` subcommand and its own subcommands."""
    parser = sub.add_parser(
        "user",
        help="add, list, change or disable the shop's cashiers and managers",
        description=(
            "The shop's people: cashiers sell, managers also run the shop. A PIN (4 to 8 "
            "digits) is typed at the prompt (twice, not shown) or piped in; never given on "
            "the command line. One active manager always remains."
        ),
    )
    actions = parser.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a cashier (or a manager with --manager)")
    add.add_argument("name", help="the person's name (1-40 characters)")
    add.add_argument("--manager", action="store_true", help="a manager rather than a cashier")
    actions.add_parser("list", help="everyone, with role, state and lock")
    for name, text in (
        ("passwd", "give someone a new PIN (clears a lock)"),
        ("disable", "stop someone from logging in"),
        ("enable", "let a disabled person log in again"),
    ):
        actions.add_parser(name, help=text).add_argument("name", help="the person's name")


def command_line_user() -> str:
    """Who acts from the command line: ``cli:<os user>`` (``cli:unknown`` when the OS does
    not say)."""
    try:
        login = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in the environment or database
        login = ""
    login = "".join(ch for ch in login if ch.isprintable()).strip()[:_WHO_MAX]
    return f"cli:{login or 'unknown'}"


def read_pin(stdin: TextIO, name: str) -> str:
    """The PIN for ``name``: at a terminal typed twice without echo and compared, else the
    first line of the pipe (surrounding spaces dropped). Raises :class:`PinNotReadError`."""
    if stdin.isatty():
        first = getpass.getpass(
            f"PIN for {name} ({PIN_MIN_LENGTH} to {PIN_MAX_LENGTH} digits, not shown): "
        )
        _check(first)
        second = getpass.getpass("The same PIN again: ")
        if not hmac.compare_digest(first.encode(), second.encode()):
            raise PinNotReadError("the two PINs differ")
        return first
    line = stdin.readline()
    if not line:
        raise PinNotReadError("no PIN was read from standard input")
    pin = line.strip()
    _check(pin)
    return pin


def _check(pin: str) -> None:
    problem = pin_problem(pin)
    if problem is not None:
        raise PinNotReadError(PIN_MESSAGES[problem])


def run_user(
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    *,
    stdin: TextIO | None = None,
    tz: tzinfo | None = None,
) -> int:
    """``pos-app user ...``: 0 when done, 2 for bad input or a refused change (nothing
    changed). A database that cannot be used raises ``StoreUnavailableError`` (status 4 in
    ``cli.main``). ``tz``: the zone lock ends are shown in (this computer's when None)."""
    from pos_app.store import open_store
    from pos_app.store.errors import UserError
    from pos_app.store.settings import database_url

    command = args.user_command
    name = ""
    if command != "list":
        try:
            name = checked_name(args.name)
        except InvalidNameError as exc:
            err.write(f"pos-app user: {exc} (nothing was changed)\n")
            return EXIT_USAGE
    store = open_store(database_url(), read_only=command == "list")
    try:
        if command == "list":
            return _list(store, out, tz)
        return _change(store, command, name, args, out, stdin or sys.stdin)
    except (UserError, PinNotReadError) as exc:
        err.write(f"pos-app user: {exc} (nothing was changed)\n")
        return EXIT_USAGE
    finally:
        store.close()


def _change(  # noqa: PLR0917 (the command's parsed parts)
    store: Any, command: str, name: str, args: argparse.Namespace, out: TextIO, stdin: TextIO
) -> int:
    from pos_app.store.errors import DuplicateUserError, LastManagerError, UnknownUserError

    by = command_line_user()
    if command == "add":
        role = Role.MANAGER if args.manager else Role.CASHIER
        if store.user(name) is not None:  # said before the PIN is asked for
            raise DuplicateUserError(name)
        first = not store.has_manager()
        if first and role is not Role.MANAGER:
            raise LastManagerError(
                "the shop has no manager yet: the first person added must be a manager "
                f"(pos-app user add {name!r} --manager)"
            )
        added = store.add_user(name, read_pin(stdin, name), role, by=by)
        out.write(f"added {added.name} ({added.role.value})\n")
        if first:
            out.write(f"{added.name} is the shop's manager\n")
        return EXIT_OK
    person = store.user(name)
    if person is None:  # said before the PIN is asked for
        raise UnknownUserError(name)
    if command == "passwd":
        changed = store.set_pin(person.name, read_pin(stdin, person.name), by=by)
        out.write(f"new PIN kept for {changed.name}; any lock is cleared\n")
    elif command == "disable":
        was_active = person.active
        changed = store.disable_user(person.name, by=by)
        out.write(f"{changed.name} {'is disabled' if was_active else 'was disabled already'}\n")
    else:
        was_active = person.active
        changed = store.enable_user(person.name, by=by)
        out.write(f"{changed.name} {'was active already' if was_active else 'may log in again'}\n")
    return EXIT_OK


def _list(store: Any, out: TextIO, tz: tzinfo | None) -> int:
    people = store.users(include_disabled=True)
    if not people:
        out.write("no one yet: add the shop's manager with pos-app user add NAME --manager\n")
        return EXIT_OK
    rows = [("name", "role", "active", "locked until")]
    for person in people:
        until = person.locked_until
        shown = "" if until is None else until.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        rows.append((person.name, person.role.value, "yes" if person.active else "no", shown))
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out.write("  ".join([*cells, row[3]]).rstrip() + "\n")
    return EXIT_OK
