"""Times as the database keeps them: integer milliseconds since the Unix epoch, UTC.

Integers sort, compare and survive every backend unchanged; the store converts at its edge
so callers only ever see timezone-aware UTC datetimes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Final

EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_MS: Final = timedelta(milliseconds=1)


def to_millis(moment: datetime) -> int:
    """``moment`` (timezone-aware) as whole milliseconds since the epoch, rounded down.

    Exact integer arithmetic, no float. Raises ValueError for a naive datetime.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"a timezone-aware datetime is required, got naive {moment!r}")
    return (moment - EPOCH) // _MS


def from_millis(millis: int) -> datetime:
    """The aware UTC datetime ``millis`` milliseconds after the epoch."""
    return EPOCH + millis * _MS


def utc_now() -> datetime:
    """The current time, timezone-aware UTC (the default clock of the store)."""
    return datetime.now(UTC)
