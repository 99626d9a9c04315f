"""Sale references: ``<counter>-<UTC time>-<random>``, e.g. ``C01-20261125T162410-7F3K9QX2``.

A ref is minted ONCE per sale, stored by the order engine before any network call, and reused
for every retry and status check. Refs are ASCII ``[A-Za-z0-9-]``, at most 40 characters.
"""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime
from typing import Final

REF_MAX_LENGTH: Final = 40
"""Longest ref the API takes."""

SUFFIX_ALPHABET: Final = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
"""Random-suffix characters: upper case and digits without the look-alikes 0, O, 1, I."""

SUFFIX_LENGTH: Final = 8
_STAMP_LENGTH: Final = 15  # YYYYMMDDTHHMMSS
COUNTER_ID_MAX_LENGTH: Final = REF_MAX_LENGTH - _STAMP_LENGTH - SUFFIX_LENGTH - 2
"""Longest counter id kept in a ref (15): the rest of the 40 characters is fixed."""

DEFAULT_COUNTER_ID: Final = "POS"

_REF: Final = re.compile(rf"[A-Za-z0-9-]{{1,{REF_MAX_LENGTH}}}")
_COUNTER_ID: Final = re.compile(rf"[A-Za-z0-9]{{1,{COUNTER_ID_MAX_LENGTH}}}")


def sanitise_counter_id(counter_id: str) -> str:
    """``counter_id`` reduced to ASCII letters and digits, cut to 15; "POS" if nothing is left."""
    kept = "".join(ch for ch in counter_id if ch.isascii() and ch.isalnum())
    return kept[:COUNTER_ID_MAX_LENGTH] or DEFAULT_COUNTER_ID


def is_valid_counter_id(counter_id: str) -> bool:
    """True iff ``counter_id`` would be kept unchanged in a ref (1-15 ASCII letters/digits)."""
    return _COUNTER_ID.fullmatch(counter_id) is not None


def new_ref(counter_id: str, now: datetime, rng: random.Random) -> str:
    """A fresh sale ref from the counter id, ``now`` (timezone-aware, written in UTC to the
    second) and 8 characters drawn from ``rng`` (seeded in tests, ``SystemRandom`` in use).

    Always satisfies :func:`is_valid_ref`. Raises ValueError if ``now`` is naive or cannot be
    expressed in UTC.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"now must be timezone-aware, got naive {now!r}")
    try:
        utc = now.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError(f"now cannot be expressed in UTC: {now!r}") from exc
    stamp = (
        f"{utc.year:04d}{utc.month:02d}{utc.day:02d}T{utc.hour:02d}{utc.minute:02d}{utc.second:02d}"
    )
    suffix = "".join(rng.choice(SUFFIX_ALPHABET) for _ in range(SUFFIX_LENGTH))
    return f"{sanitise_counter_id(counter_id)}-{stamp}-{suffix}"


def is_valid_ref(ref: str) -> bool:
    """True iff ``ref`` is 1-40 ASCII letters, digits or dashes (what the API accepts)."""
    return _REF.fullmatch(ref) is not None
