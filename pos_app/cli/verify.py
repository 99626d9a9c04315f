"""``pos-app verify``: check the journal's tamper-evident chain and print what was found.

Exit 0 when the chain holds, 1 when it is broken (the first break is named: table, row id,
what is wrong), 4 when the database or its data key cannot be used (``cannot_start``).
"""

from __future__ import annotations

from typing import Any, TextIO

EXIT_INTACT = 0
EXIT_BROKEN = 1

DESCRIPTION = (
    "Check the journal's chain: every journal row's HMAC against the row before it, each "
    "sale's fixed facts and state against its journal, and each Z report's recorded chain "
    "head. Prints the rows checked, the chain head and the first break, if any. Exit 0: "
    "intact; 1: broken; 4: the database or its data key cannot be used."
)


def add_parser(sub: Any) -> None:
    """The ``verify`` subcommand (no arguments)."""
    sub.add_parser(
        "verify", help="check the journal's tamper-evident chain", description=DESCRIPTION
    )


def run_verify(out: TextIO, err: TextIO) -> int:
    """``pos-app verify``: 0 intact, 1 broken (the database is only read)."""
    from pos_app.store import open_store
    from pos_app.store.settings import database_url

    store = open_store(database_url(), read_only=True)
    try:
        check = store.verify_chain()
    finally:
        store.close()
    out.write(f"{check.describe()}\n")
    out.write(f"rows checked: {check.rows}\n")
    out.write(f"chain head: {check.head or '-'}\n")
    if check.first_break is None:
        out.write("the journal is intact\n")
        return EXIT_INTACT
    out.write(f"first break: {check.first_break.describe()}\n")
    out.write(f"problems found: {check.problems}\n")
    err.write("pos-app verify: the journal was changed outside the app\n")
    return EXIT_BROKEN
