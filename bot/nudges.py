"""The nudge sweep: claim what is due, send it at a steady rate, report each result.

One repeating job (python-telegram-bot's JobQueue, APScheduler underneath) calls `sweep()` every
NUDGE_SWEEP_SECONDS; the database, not the scheduler, says who is due. Sending goes through a
limiter of its own (the global bulk rate, default 25 messages/s, under Telegram's ~30/s) so that
interactive replies never wait behind it. With several processes on PostgreSQL, one sweeper at a
time holds an advisory lock, so their combined rate stays within the limit.

The channel is behind `Send`: it delivers a View to a user and returns the message id, or raises
`RecipientBlockedError`, `RetryAfterError`, `TransientSendError` (the whole request never reached
Telegram — a connect, pool or write time-out — or it answered 5xx: tried again) or
`MaybeSentError` (the request went out and no answer came back, a read time-out: recorded as
"unknown" and never sent again, so no one gets a nudge twice).
`exclusive` is the store's lock (`Database.exclusive`): one sweeper at a time across processes.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field

from bot.routine.views import View
from bot.use_cases.nudge_outbox import NudgeOutbox, OutgoingNudge

log = logging.getLogger(__name__)

SWEEP_LOCK = "limber:nudge-sweep"
MAX_ATTEMPTS = 4
BACKOFF_SECONDS = (0.5, 2.0, 5.0)


class RecipientBlockedError(Exception):
    """The user blocked the bot (Telegram: 403 Forbidden)."""


class RetryAfterError(Exception):
    """Telegram asked to slow down (429) for this many seconds."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


class TransientSendError(Exception):
    """The whole request never reached Telegram (a connect, pool or write timeout), or it
    answered 5xx: try again."""


class MaybeSentError(Exception):
    """The request went out but no answer came back (a read timeout): Telegram may
    have delivered it. Never retried: a missed nudge is better than the same nudge twice."""


Send = Callable[[int, View], Awaitable[int]]
Exclusive = Callable[[str], AbstractAsyncContextManager[bool]]


class RateLimiter:
    """At most `rate` starts a second, evenly spaced; `pause` holds everyone back (a 429).

    Waiters take their turn one at a time, and the one at the front re-checks the pause after
    every sleep, so a 429 that arrives while many sends are queued stops all of them.
    """

    def __init__(
        self,
        rate: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.interval = 1.0 / rate
        self.clock = clock
        self.sleep = sleep
        self._next_slot = 0.0
        self._paused_until = 0.0
        self._turn = asyncio.Lock()

    async def acquire(self) -> None:
        async with self._turn:
            while (wait := max(self._next_slot, self._paused_until) - self.clock()) > 0:
                await self.sleep(wait)
            self._next_slot = self.clock() + self.interval

    def pause(self, seconds: float) -> None:
        self._paused_until = max(self._paused_until, self.clock() + seconds)


@dataclass
class SweepReport:
    claimed: int = 0
    sent: int = 0
    blocked: int = 0
    unsent: int = 0
    unknown: int = 0
    released: int = 0
    errors: list[str] = field(default_factory=list)


class NudgeSweeper:
    def __init__(
        self,
        outbox: NudgeOutbox,
        send: Send,
        *,
        exclusive: Exclusive,
        rate: float = 25.0,
        max_in_flight: int = 64,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        keep_going: Callable[[], bool] = lambda: True,
        speak_as: Callable[[str], None] = lambda _language: None,
    ) -> None:
        """*speak_as*: sets the language a nudge is sent in for the task that sends it (its own
        task: `asyncio.gather`), as an update's is set (`Coach.speak_as`)."""
        self.outbox = outbox
        self.speak_as = speak_as
        self.exclusive = exclusive
        self.send = send
        self.limiter = RateLimiter(rate)
        self.max_in_flight = max_in_flight
        self.sleep = sleep
        self.keep_going = keep_going
        self._stopped = False
        self._running = asyncio.Lock()

    def stop(self) -> None:
        """Finish what is in flight, send nothing new; unsent claims go back to the outbox."""
        self._stopped = True

    @property
    def _stopping(self) -> bool:
        return self._stopped or not self.keep_going()

    async def sweep(self) -> SweepReport:
        """Send every nudge due now, batch by batch, unless another sweeper holds the lock."""
        report = SweepReport()
        if self._running.locked():
            return report  # the previous sweep of this process is still sending
        async with self._running, self.exclusive(SWEEP_LOCK) as mine:
            if not mine:
                return report
            while not self._stopping:
                batch = await self.outbox.claim_due()
                if not batch:
                    break
                report.claimed += len(batch)
                await self._deliver_batch(batch, report)
        return report

    async def _deliver_batch(self, batch: list[OutgoingNudge], report: SweepReport) -> None:
        slots = asyncio.Semaphore(self.max_in_flight)
        unsent: list[int] = []

        async def deliver(nudge: OutgoingNudge) -> None:
            async with slots:
                if self._stopping:
                    unsent.append(nudge.nudge_id)
                    return
                await self._deliver(nudge, report)

        await asyncio.gather(*(deliver(nudge) for nudge in batch))
        if unsent:
            await self.outbox.release(unsent)
            report.released += len(unsent)

    async def _deliver(self, nudge: OutgoingNudge, report: SweepReport) -> None:
        self.speak_as(nudge.language)
        for attempt in range(MAX_ATTEMPTS):
            await self.limiter.acquire()
            try:
                message_id = await self.send(nudge.user_id, nudge.view)
            except RetryAfterError as error:
                log.warning("rate limited by Telegram: pausing nudges for %.1f s", error.seconds)
                self.limiter.pause(error.seconds)
                continue
            except RecipientBlockedError:
                await self.outbox.recipient_blocked(nudge.nudge_id, nudge.user_id)
                report.blocked += 1
                return
            except MaybeSentError as error:
                log.info("nudge %d: maybe sent (%s); not sent again", nudge.nudge_id, error)
                await self.outbox.maybe_sent(nudge.nudge_id)
                report.unknown += 1
                return
            except TransientSendError as error:
                log.info("nudge %d: transient failure (%s)", nudge.nudge_id, error)
                if attempt < len(BACKOFF_SECONDS):
                    await self.sleep(BACKOFF_SECONDS[attempt])
                continue
            await self.outbox.sent(nudge.nudge_id, message_id)
            report.sent += 1
            return
        # Still claimed: when its lease expires a later sweep tries again (within the grace window).
        report.unsent += 1
