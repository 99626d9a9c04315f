"""``pos-app verify``: check the tamper-evident chains (the journal's, the action log's and
the Z reports') and print what was found.

Exit 0 when both hold, 1 when one is broken (the first break is named: table, row id,
what is wrong), 4 when the database or its data key cannot be used (``cannot_start``).
"""

from __future__ import annotations

from typing import Any, TextIO

EXIT_INTACT = 0
EXIT_BROKEN = 1

DESCRIPTION = (
    "Check the journal's chain: every journal row's HMAC against the row before it, each "
    "sale's fixed facts (its cost too), state and card code against its journal; the action "
    "log's chain the same way, and each person's role, active flag and PIN hash against it; "
    "the Z reports' chain, the journal head each Z recorded, and the newest Z kept outside "
    "the database. Prints each table's rows checked and chain head, and the first break, if "
    "any. Exit 0: intact; 1: broken; 4: the database or its data key cannot be used."
)


def add_parser(sub: Any) -> None:
    """The ``verify`` subcommand (no arguments)."""
    sub.add_parser(
        "verify",
        help="check the tamper-evident chains of the journal, the action log and the Z reports",
        description=DESCRIPTION,
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
    parts = check.parts or (check,)
    for part in parts:
        out.write(f"{part.describe()}\n")
    for part in parts:
        out.write(f"{part.table} rows checked: {part.rows}\n")
        out.write(f"{part.table} chain head: {part.head or '-'}\n")
    if check.first_break is None:
        out.write("the journal, the action log and the Z reports are intact\n")
        return EXIT_INTACT
    out.write(f"first break: {check.first_break.describe()}\n")
    out.write(f"problems found: {check.problems}\n")
    err.write(
        "pos-app verify: the books (journal, action log, people or Z reports) were changed "
        "outside the app\n"
    )
    return EXIT_BROKEN
