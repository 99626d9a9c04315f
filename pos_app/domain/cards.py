"""Card codes: how they are read aloud, masked on a shared screen and found again by their
last characters. A card code is a bearer voucher: whoever sees it whole can use it."""

from __future__ import annotations

from typing import Final

CODE_TAIL_LENGTH: Final = 4
"""How many last characters of a card code the lists show and the history searches by."""


def group_code(code: str) -> str:
    """A card code made for reading aloud: digits in groups of four ("1053 8081 0795").
    Anything else (letters, dashes) is kept as the supplier sent it."""
    if code.isdigit() and code.isascii() and len(code) > 6:
        return " ".join(code[i : i + 4] for i in range(0, len(code), 4))
    return code


def mask_code(code: str) -> str:
    """A card code as a list shows it: its last four characters only (the next customer can
    see the screen)."""
    return code if len(code) <= CODE_TAIL_LENGTH else "•••• " + code[-CODE_TAIL_LENGTH:]


def code_tail(code: str | None) -> str | None:
    """The last four letters or digits of a card code, upper case, for searching (spaces and
    dashes ignored); None when there is no code."""
    if not code:
        return None
    kept = "".join(ch for ch in code if ch.isascii() and ch.isalnum()).upper()
    return kept[-CODE_TAIL_LENGTH:] or None
