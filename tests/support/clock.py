"""The fake clock of the whole suite (the ``clock`` fixture of tests/conftest.py is one)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

# The engine and simulator tests start here; other folders pass their own start.
START = datetime(2026, 6, 1, 9, 0, 0, tzinfo=UTC)


class Clock:
    """A fake time that moves only when told, read two ways: ``clock()`` is seconds (the
    simulator's clock), ``clock.now()`` the UTC datetime ``start`` plus the seconds elapsed
    since the clock was made (the store's and the engine's clock)."""

    __slots__ = ("origin", "seconds", "start")  # so that ``clock.now = 5`` cannot hide now()

    def __init__(self, start: datetime = START, *, seconds: float = 0.0) -> None:
        if start.tzinfo is None:
            raise ValueError("the fake clock needs an aware start time")
        self.start = start
        self.origin = seconds
        self.seconds = seconds

    def __call__(self) -> float:
        return self.seconds

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds - self.origin)

    def advance(self, seconds: float = 0.0, **delta: float) -> datetime:
        """Move on by ``seconds`` plus any ``timedelta`` keywords (``minutes=1``; negative
        goes back); the new ``now()``."""
        self.seconds += seconds + timedelta(**delta).total_seconds()
        return self.now()

    @property
    def current(self) -> datetime:
        """``now()``; setting it moves the clock to that moment."""
        return self.now()

    @current.setter
    def current(self, moment: datetime) -> None:
        self.seconds = self.origin + (moment - self.start).total_seconds()
