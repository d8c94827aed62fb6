"""The nudge outbox: claim what is due under a lease, and record how each send ended.

The sweep that sends (`bot.nudges.NudgeSweeper`) calls `claim_due` and reports each send back
here. Which due nudges go out is pure (`bot.routine.nudging.plan_claims`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property, partial

from bot.routine import local_time
from bot.routine.languages import ENGLISH
from bot.routine.nudging import NudgeKind, NudgePolicy, NudgeStatus, plan_claims, zone_or_none
from bot.routine.views import View
from bot.store.records import ClaimedNudge
from bot.store.unit_of_work import UnitOfWork
from bot.use_cases.dependencies import Dependencies, speaking

CHECK_IN_LOOKBACK = timedelta(hours=48)


@dataclass(frozen=True)
class OutgoingNudge:
    """A claimed nudge. Its screen is made when it is sent, not inside the claim's transaction
    (1 000 screens cost ~30 ms there, with the batch's rows locked)."""

    nudge_id: int
    user_id: int
    make_view: Callable[[], View] = field(repr=False, compare=False)
    language: str = ENGLISH
    """The person's language: the sender writes the view as it reads in it (Persian: right to
    left, its own digits)."""

    @cached_property
    def view(self) -> View:
        return self.make_view()


class NudgeOutbox:
    def __init__(self, deps: Dependencies, policy: NudgePolicy | None = None) -> None:
        self.deps = deps
        self.policy = policy or NudgePolicy()

    async def claim_due(self) -> list[OutgoingNudge]:
        """Claim one batch of due nudges under a lease, and move each user's next nudge on.

        A nudge more than the grace window late is dropped, and so is one for a local day whose
        session is already done. Nudges whose lease expired (their sender died) are claimed again.
        """
        now = self.deps.clock()
        policy = self.policy
        async with self.deps.unit_of_work() as uow:
            # On PostgreSQL each of these two calls is one statement (bench/nudges.py, section 2).
            due, finished = await uow.outbox.lock_due(now, policy.batch)
            moves, claims = plan_claims(due, finished, now, policy)
            claimed, unchecked = await uow.outbox.advance_and_claim(
                moves, claims, now, now + policy.lease, now - CHECK_IN_LOOKBACK
            )
            zones = {user.user_id: user.time_zone for user in due}
            check_ins = _check_ins_due(claimed, unchecked, zones)
            retried = []
            for nudge in await uow.outbox.expired_leases(now, policy.batch):
                if now - nudge.due_at > policy.grace:
                    await uow.outbox.finish(
                        nudge.id, NudgeStatus.DROPPED, sent_at=None, message_id=None
                    )
                else:
                    retried.append(nudge)
            await uow.outbox.renew_leases([nudge.id for nudge in retried], now + policy.lease)
            if retried:
                check_ins |= await self._retried_check_ins_due(uow, retried, zones, now)
            outgoing = (*claimed, *retried)
            languages = {user.user_id: user.language for user in due if user.language}
            unknown = sorted({nudge.user_id for nudge in retried} - languages.keys())
            if unknown:  # a retried claim (rare): its user may not be in this batch
                languages |= await uow.users.languages(unknown)
        return [
            self._outgoing(nudge, check_ins.get(nudge.id), languages.get(nudge.user_id, ENGLISH))
            for nudge in outgoing
        ]

    async def sent(self, nudge_id: int, message_id: int) -> None:
        async with self.deps.unit_of_work() as uow:
            await uow.outbox.finish(
                nudge_id, NudgeStatus.SENT, sent_at=self.deps.clock(), message_id=message_id
            )

    async def maybe_sent(self, nudge_id: int) -> None:
        """The send may have reached Telegram (no answer came back): never try it again."""
        async with self.deps.unit_of_work() as uow:
            await uow.outbox.finish(nudge_id, NudgeStatus.UNKNOWN, sent_at=None, message_id=None)

    async def recipient_blocked(self, nudge_id: int, user_id: int) -> None:
        """Telegram said Forbidden: the user blocked the bot. Reminders off."""
        now = self.deps.clock()
        async with self.deps.unit_of_work() as uow:
            await uow.outbox.finish(nudge_id, NudgeStatus.FAILED, sent_at=None, message_id=None)
            await uow.reminders.chat_blocked(user_id, now)

    async def release(self, nudge_ids: list[int]) -> None:
        """Hand unsent claims back (a graceful stop): the next sweep sends them at once."""
        if nudge_ids:
            async with self.deps.unit_of_work() as uow:
                await uow.outbox.renew_leases(nudge_ids, self.deps.clock())

    # --- helpers ------------------------------------------------------------------------------

    def _outgoing(
        self, nudge: ClaimedNudge, check_in: tuple[int, bool] | None, language: str
    ) -> OutgoingNudge:
        return OutgoingNudge(
            nudge.id, nudge.user_id, partial(self._view, nudge, check_in, language), language
        )

    def _view(self, nudge: ClaimedNudge, check_in: tuple[int, bool] | None, language: str) -> View:
        """The nudge, or — the morning after a session or a rest day — the check-in question
        first (after a rest day: how is the back today, never "ready for your routine"), in
        the person's language."""
        with speaking(language):
            return self._view_now(nudge, check_in)

    def _view_now(self, nudge: ClaimedNudge, check_in: tuple[int, bool] | None) -> View:
        if check_in is not None:
            session_id, rest_day = check_in
            view = self.deps.progress_screens.check_in_question(
                session_id, before_session=False, rest_day=rest_day
            )
        else:
            view = self.deps.screens.nudge(nudge.user_id, nudge.local_date)
        return view

    async def _retried_check_ins_due(
        self,
        uow: UnitOfWork,
        retried: list[ClaimedNudge],
        zones: dict[int, str],
        now: datetime,
    ) -> dict[int, tuple[int, bool]]:
        """`_check_ins_due` for nudges claimed again after their lease expired (rare): their
        sessions and, for users not in this batch, their zones are read here."""
        daily = [nudge.user_id for nudge in retried if nudge.kind is NudgeKind.DAILY]
        unchecked = await uow.outbox.unchecked_sessions(daily, now - CHECK_IN_LOOKBACK)
        for user_id in unchecked.keys() - zones.keys():
            settings = await uow.reminders.settings(user_id)
            zones[user_id] = settings.time_zone if settings and settings.time_zone else ""
        return _check_ins_due(retried, unchecked, zones)


def _check_ins_due(
    nudges: list[ClaimedNudge],
    unchecked: dict[int, tuple[int, datetime, bool]],
    zones: dict[int, str],
) -> dict[int, tuple[int, bool]]:
    """For each daily nudge the morning after a session (or a rest day) not yet checked in:
    that session and whether it was a rest day. *unchecked*: each user's latest finished session
    with no check-in yet (id, started, rest day).

    The question goes to people with reminders on (the check-in rides on their nudge).
    """
    due: dict[int, tuple[int, bool]] = {}
    for nudge in nudges:
        if nudge.kind is not NudgeKind.DAILY or (session := unchecked.get(nudge.user_id)) is None:
            continue
        session_id, started, rest_day = session
        zone = zone_or_none(zones.get(nudge.user_id))
        day_before = nudge.local_date - timedelta(days=1)
        if zone is not None and local_time.local_date(started, zone) == day_before:
            due[nudge.id] = (session_id, rest_day)
    return due
