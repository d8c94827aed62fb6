"""A clock the test moves by hand: `Coach(..., clock=FakeClock())`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

DEFAULT_START = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


class FakeClock:
    """Calling it tells the time; `advance` moves it on. Always an aware UTC datetime."""

    def __init__(self, start: datetime = DEFAULT_START) -> None:
        if start.tzinfo is None:
            raise ValueError("the fake clock needs an aware datetime")
        self.now = start.astimezone(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        """Move the clock on by `timedelta(**delta)`; returns the new time."""
        self.now += timedelta(**delta)
        return self.now
