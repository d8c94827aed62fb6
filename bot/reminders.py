"""Use cases for the daily reminder: choosing a time and zone, the nudge buttons, and the outbox.

Each public method is one database transaction. The sweep that sends nudges lives in
`bot.nudges`; it calls `claim_due_nudges` and then reports each send back here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.routine import reminders as clock_math
from bot.routine.actions import GeneralAction, GeneralVerb
from bot.routine.content import Content
from bot.routine.progress_screens import ProgressScreens
from bot.routine.screens import Screens
from bot.routine.views import View
from bot.store.database import Database
from bot.store.reminders import DAILY, SNOOZE, ClaimedNudge, ReminderRepository, ReminderSettings

log = logging.getLogger(__name__)

AWAITING_TIME = "reminder_time"
AWAITING_ZONE = "time_zone"
SNOOZE_FOR = timedelta(hours=1)


@dataclass(frozen=True)
class NudgePolicy:
    """How the outbox behaves (settings: NUDGE_*)."""

    grace: timedelta = timedelta(hours=2)
    lease: timedelta = timedelta(minutes=2)
    batch: int = 500


@dataclass(frozen=True)
class OutgoingNudge:
    nudge_id: int
    user_id: int
    view: View


@dataclass(frozen=True)
class ReminderReply:
    """The answer to a reminder or nudge button: a notice, and the screen to show (None: keep)."""

    notice: str | None
    view: View | None


class Reminders:
    def __init__(
        self,
        content: Content,
        database: Database,
        clock: Callable[[], datetime],
        policy: NudgePolicy | None = None,
    ) -> None:
        self.texts = content.texts
        self.screens = Screens(content)
        self.progress_screens = ProgressScreens(content)
        self.database = database
        self.clock = clock
        self.policy = policy or NudgePolicy()
        self._zones = {name.lower(): name for name in available_timezones()}

    # --- choosing the reminder ----------------------------------------------------------------

    async def ask(self, user_id: int, *, lead: str | None = None) -> View:
        """`/reminders`: what is set now (Change / Turn off), or the time question."""
        async with self.database.transaction() as db:
            repo = ReminderRepository(db)
            settings = await repo.settings(user_id)
            if settings is None:
                return self.screens.reminder_time_question(lead)
            await repo.update(user_id, reminders_asked_at=self.clock(), awaiting=None)
            if settings.enabled and settings.reminder_time and settings.time_zone:
                return self._confirmed(settings.reminder_time, settings.time_zone)
            return self.screens.reminder_time_question(lead)

    @staticmethod
    async def never_asked(connection: AsyncConnection, user_id: int) -> bool:
        """Whether to offer reminders after a session: only to someone never asked (in the
        caller's transaction)."""
        settings = await ReminderRepository(connection).settings(user_id)
        return settings is not None and settings.asked_at is None and not settings.enabled

    async def tap(self, user_id: int, action: GeneralAction) -> ReminderReply:
        async with self.database.transaction() as db:
            repo = ReminderRepository(db)
            settings = await repo.settings(user_id)
            if settings is None:
                return ReminderReply(self.texts.notices.expired, None)
            now = self.clock()
            match action.verb:
                case GeneralVerb.REMINDER_TIME:
                    chosen = _time_from_value(action.value)
                    if chosen is None:
                        return ReminderReply(self.texts.notices.unknown_button, None)
                    return ReminderReply(None, await self._time_chosen(repo, settings, chosen))
                case GeneralVerb.REMINDER_OTHER_TIME:
                    await repo.update(user_id, awaiting=AWAITING_TIME, reminders_asked_at=now)
                    return ReminderReply(None, self.screens.reminder_type_time())
                case GeneralVerb.REMINDER_CHANGE:
                    await repo.update(user_id, awaiting=None)
                    return ReminderReply(None, self.screens.reminder_time_question())
                case GeneralVerb.REMINDER_OFF:
                    await repo.update(
                        user_id,
                        reminders_enabled=False,
                        next_nudge_at=None,
                        next_nudge_kind=None,
                        awaiting=None,
                        reminders_asked_at=now,
                    )
                    return ReminderReply(None, self.screens.reminders_off())
                case GeneralVerb.NUDGE_SNOOZE:
                    return ReminderReply(None, await self._snooze(repo, settings, now))
                case GeneralVerb.NUDGE_SKIP_TODAY:
                    return ReminderReply(None, await self._skip_today(repo, settings, now))
        return ReminderReply(self.texts.notices.unknown_button, None)

    async def answer(self, user_id: int, text: str) -> View | None:
        """A typed answer to "what time?" or "which zone?"; None if no question is open."""
        async with self.database.transaction() as db:
            repo = ReminderRepository(db)
            settings = await repo.settings(user_id)
            if settings is None or settings.awaiting is None:
                return None
            if settings.awaiting == AWAITING_TIME:
                chosen = clock_math.parse_clock_time(text)
                if chosen is None:
                    return self.screens.reminder_type_time(retry=True)
                return await self._time_chosen(repo, settings, chosen)
            zone = self._zone_from_text(text)
            if zone is None or settings.reminder_time is None:
                return self.screens.reminder_zone_question(retry=True)
            return await self._finish(repo, user_id, settings.reminder_time, zone)

    async def location(self, user_id: int, latitude: float, longitude: float) -> View | None:
        """A shared location answers "which zone?" (the coordinates are not stored)."""
        async with self.database.transaction() as db:
            repo = ReminderRepository(db)
            settings = await repo.settings(user_id)
            if settings is None or settings.awaiting != AWAITING_ZONE:
                return None
            zone = clock_math.zone_for_location(latitude, longitude)
            if zone is None or settings.reminder_time is None:
                return self.screens.reminder_zone_question(retry=True)
            return await self._finish(repo, user_id, settings.reminder_time, zone)

    async def chat_blocked(self, user_id: int) -> None:
        """The user blocked the bot: reminders off until they come back."""
        async with self.database.transaction() as db:
            await ReminderRepository(db).stop_nudges(user_id, blocked_at=self.clock())

    async def chat_unblocked(self, user_id: int) -> None:
        """The user unblocked the bot: their reminder (if they had one) resumes."""
        async with self.database.transaction() as db:
            repo = ReminderRepository(db)
            settings = await repo.settings(user_id)
            if settings is None:
                return
            next_at = None
            if settings.enabled and settings.reminder_time and settings.time_zone:
                zone = _zone(settings.time_zone)
                if zone is not None:
                    next_at = clock_math.next_nudge_at(settings.reminder_time, zone, self.clock())
            await repo.update(
                user_id,
                blocked_at=None,
                next_nudge_at=next_at,
                next_nudge_kind=DAILY if next_at else None,
            )

    # --- the outbox ---------------------------------------------------------------------------

    async def claim_due_nudges(self) -> list[OutgoingNudge]:
        """Claim one batch of due nudges under a lease, and move each user's next nudge on.

        A nudge more than the grace window late is dropped, and so is one for a local day whose
        session is already done. Nudges whose lease expired (their sender died) are claimed again.
        """
        now = self.clock()
        policy = self.policy
        async with self.database.transaction() as db:
            repo = ReminderRepository(db)
            due = await repo.due_users(now, policy.batch)
            finished = await repo.last_finished([user.user_id for user in due])
            moves: list[tuple[int, datetime | None, str | None]] = []
            claims = []
            for user in due:
                zone = _zone(user.time_zone)
                if zone is None:
                    moves.append((user.user_id, None, None))
                    continue
                day = clock_math.local_date(user.next_nudge_at, zone)
                moves.append(
                    (user.user_id, clock_math.next_nudge_at(user.reminder_time, zone, now), DAILY)
                )
                done_at = finished.get(user.user_id)
                if now - user.next_nudge_at > policy.grace:
                    continue
                if done_at is not None and clock_math.local_date(done_at, zone) == day:
                    continue
                claims.append((user.user_id, day, user.kind or DAILY, user.next_nudge_at))
            await repo.advance(moves)
            claimed = await repo.claim(claims, now, now + policy.lease)
            zones = {user.user_id: user.time_zone for user in due}
            check_ins = await self._check_ins_due(repo, claimed, zones, now)
            retried = []
            for nudge in await repo.expired_leases(now, policy.batch):
                if now - nudge.due_at > policy.grace:
                    await repo.finish(nudge.id, "dropped", sent_at=None, message_id=None)
                else:
                    retried.append(nudge)
            await repo.renew_leases([nudge.id for nudge in retried], now + policy.lease)
            if retried:
                check_ins |= await self._check_ins_due(repo, retried, zones, now)
        return [self._outgoing(nudge, check_ins.get(nudge.id)) for nudge in (*claimed, *retried)]

    async def nudge_sent(self, nudge_id: int, message_id: int) -> None:
        async with self.database.transaction() as db:
            await ReminderRepository(db).finish(
                nudge_id, "sent", sent_at=self.clock(), message_id=message_id
            )

    async def nudge_blocked(self, nudge_id: int, user_id: int) -> None:
        """Telegram said Forbidden: the user blocked the bot. Reminders off."""
        now = self.clock()
        async with self.database.transaction() as db:
            repo = ReminderRepository(db)
            await repo.finish(nudge_id, "failed", sent_at=None, message_id=None)
            await repo.stop_nudges(user_id, blocked_at=now)

    async def release(self, nudge_ids: list[int]) -> None:
        """Hand unsent claims back (a graceful stop): the next sweep sends them at once."""
        if nudge_ids:
            async with self.database.transaction() as db:
                await ReminderRepository(db).renew_leases(nudge_ids, self.clock())

    # --- helpers ------------------------------------------------------------------------------

    def _outgoing(self, nudge: ClaimedNudge, check_in_session: int | None) -> OutgoingNudge:
        """The nudge, or — the morning after a session — the check-in question first."""
        if check_in_session is not None:
            view = self.progress_screens.check_in_question(check_in_session, before_session=False)
        else:
            view = self.screens.nudge(nudge.user_id, nudge.local_date)
        return OutgoingNudge(nudge.id, nudge.user_id, view)

    async def _check_ins_due(
        self,
        repo: ReminderRepository,
        nudges: list[ClaimedNudge],
        zones: dict[int, str],
        now: datetime,
    ) -> dict[int, int]:
        """For each daily nudge the morning after a session not yet checked in: that session.

        The question goes to people with reminders on (the check-in rides on their nudge).
        """
        daily = [nudge for nudge in nudges if nudge.kind == DAILY]
        unchecked = await repo.unchecked_sessions(
            [nudge.user_id for nudge in daily], now - timedelta(hours=48)
        )
        due: dict[int, int] = {}
        for nudge in daily:
            if (session := unchecked.get(nudge.user_id)) is None:
                continue
            session_id, started = session
            if nudge.user_id not in zones:  # a retried nudge: its user was not in this batch
                settings = await repo.settings(nudge.user_id)
                zones[nudge.user_id] = settings.time_zone if settings and settings.time_zone else ""
            zone = _zone(zones[nudge.user_id])
            day_before = nudge.local_date - timedelta(days=1)
            if zone is not None and clock_math.local_date(started, zone) == day_before:
                due[nudge.id] = session_id
        return due

    async def _time_chosen(
        self, repo: ReminderRepository, settings: ReminderSettings, chosen: time
    ) -> View:
        if settings.time_zone is not None and _zone(settings.time_zone) is not None:
            return await self._finish(repo, settings.user_id, chosen, settings.time_zone)
        await repo.update(
            settings.user_id,
            reminder_time=chosen,
            awaiting=AWAITING_ZONE,
            reminders_asked_at=self.clock(),
        )
        return self.screens.reminder_zone_question()

    async def _finish(
        self, repo: ReminderRepository, user_id: int, chosen: time, zone_name: str
    ) -> View:
        zone = ZoneInfo(zone_name)
        now = self.clock()
        next_at = clock_math.next_nudge_at(chosen, zone, now)
        await repo.update(
            user_id,
            reminder_time=chosen,
            time_zone=zone_name,
            reminders_enabled=True,
            next_nudge_at=next_at,
            next_nudge_kind=DAILY,
            awaiting=None,
            blocked_at=None,
            reminders_asked_at=now,
        )
        return self._confirmed(chosen, zone_name, next_at)

    def _confirmed(self, chosen: time, zone_name: str, next_at: datetime | None = None) -> View:
        zone = ZoneInfo(zone_name)
        now = self.clock()
        if next_at is None:
            next_at = clock_math.next_nudge_at(chosen, zone, now)
        today = now.astimezone(zone).date()
        view = self.screens.reminder_confirmed(chosen, zone_name, next_at.astimezone(zone), today)
        return View(view.text, view.rows, fresh=True)

    async def _snooze(
        self, repo: ReminderRepository, settings: ReminderSettings, now: datetime
    ) -> View:
        """One more nudge an hour from now (if reminders are still on)."""
        zone = _zone(settings.time_zone)
        if not settings.enabled or zone is None:
            return self.screens.reminders_off()
        at = now + SNOOZE_FOR
        await repo.update(settings.user_id, next_nudge_at=at, next_nudge_kind=SNOOZE)
        return self.screens.nudge_snoozed(at.astimezone(zone))

    async def _skip_today(
        self, repo: ReminderRepository, settings: ReminderSettings, now: datetime
    ) -> View:
        zone = _zone(settings.time_zone)
        if settings.enabled and zone is not None and settings.reminder_time is not None:
            today = now.astimezone(zone).date()
            following = clock_math.next_nudge_after_local_day(settings.reminder_time, zone, today)
            await repo.update(settings.user_id, next_nudge_at=following, next_nudge_kind=DAILY)
            await repo.record_answer(settings.user_id, today, "skipped")
        return self.screens.nudge_skipped()

    def _zone_from_text(self, text: str) -> str | None:
        cleaned = text.strip()
        if len(cleaned) > 64:
            return None
        named = self._zones.get(cleaned.lower().replace(" ", "_"))
        if named is not None:
            return named
        offset = clock_math.offset_from_local_clock(cleaned, self.clock())
        if offset is None:
            return None
        candidates = clock_math.zones_for_offset(offset, self.clock())
        return candidates[0] if candidates else None


def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _time_from_value(value: str | None) -> time | None:
    """Button values are HHMM."""
    if value is None or len(value) != 4 or not value.isdigit():
        return None
    hours, minutes = int(value[:2]), int(value[2:])
    if hours > 23 or minutes > 59:
        return None
    return time(hours, minutes)
