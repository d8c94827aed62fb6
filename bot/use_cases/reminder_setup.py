"""Choosing the daily reminder: a time, a zone, and the nudge's own buttons (snooze, skip today).

The time math is pure (`bot.routine.local_time`); the question in words that is open (a typed time
or zone) is stored as `users.awaiting` and read by `bot.routine.conversation.typed_meaning`.
"""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from bot.routine import local_time
from bot.routine.actions import GeneralAction, GeneralVerb
from bot.routine.content import NoticeTexts
from bot.routine.conversation import OpenQuestion
from bot.routine.nudging import SNOOZE_FOR, NudgeAnswer, NudgeKind, zone_or_none
from bot.routine.screens import Screens
from bot.routine.views import Reply, View
from bot.store.records import ReminderSettings
from bot.store.unit_of_work import UnitOfWork
from bot.use_cases.dependencies import Dependencies
from bot.use_cases.gate import gate_screen

MAX_ZONE_TEXT = 64


class ReminderSetup:
    def __init__(self, deps: Dependencies) -> None:
        self.deps = deps

    @property
    def screens(self) -> Screens:
        return self.deps.screens

    @property
    def notices(self) -> NoticeTexts:
        return self.deps.texts.notices

    async def show(self, user_id: int) -> View:
        """`/reminders`: what is set now (Change / Turn off), or the time question."""
        async with self.deps.unit_of_work() as uow:
            user = await uow.users.get_or_add(user_id, self.deps.clock(), self.deps.language)
            if (onboarding := gate_screen(self.deps, user)) is not None:
                return onboarding
            settings = await uow.reminders.settings(user_id)
            if settings is None:
                return self.screens.reminder_time_question()
            await uow.reminders.mark_asked(user_id, self.deps.clock())
            if settings.enabled and settings.reminder_time and settings.time_zone:
                return self._confirmed(settings.reminder_time, settings.time_zone)
            return self.screens.reminder_time_question()

    async def tap(self, user_id: int, action: GeneralAction) -> Reply:
        """A reminder button (a time, "another time", Change, Turn off) or a nudge's button."""
        async with self.deps.unit_of_work() as uow:
            settings = await uow.reminders.settings(user_id)
            if settings is None:
                return Reply(None, self.notices.expired)
            now = self.deps.clock()
            match action.verb:
                case GeneralVerb.REMINDER_TIME:
                    chosen = _time_from_value(action.value)
                    if chosen is None:
                        return Reply(None, self.notices.unknown_button)
                    return Reply(await self._time_chosen(uow, settings, chosen))
                case GeneralVerb.REMINDER_OTHER_TIME:
                    await uow.reminders.ask_in_words(user_id, OpenQuestion.REMINDER_TIME, now)
                    return Reply(self.screens.reminder_type_time())
                case GeneralVerb.REMINDER_CHANGE:
                    await uow.reminders.close_question(user_id)
                    return Reply(self.screens.reminder_time_question())
                case GeneralVerb.REMINDER_OFF:
                    await uow.reminders.turn_off(user_id, now)
                    return Reply(self.screens.reminders_off())
                case GeneralVerb.NUDGE_SNOOZE:
                    return Reply(await self._snooze(uow, settings, now))
                case GeneralVerb.NUDGE_SKIP_TODAY:
                    return Reply(await self._skip_today(uow, settings, now))
        return Reply(None, self.notices.unknown_button)

    async def typed_time_in(self, uow: UnitOfWork, settings: ReminderSettings, text: str) -> View:
        """A typed answer to "what time?"."""
        chosen = local_time.parse_clock_time(text, self.deps.content.clock)
        if chosen is None:
            return self.screens.reminder_type_time(retry=True)
        return await self._time_chosen(uow, settings, chosen)

    async def typed_zone_in(self, uow: UnitOfWork, settings: ReminderSettings, text: str) -> View:
        """A typed answer to "which time zone?"."""
        zone = self._zone_from_text(text)
        if zone is None or settings.reminder_time is None:
            return self._zone_question(settings.time_zone, retry=True)
        return await self._turn_on(uow, settings.user_id, settings.reminder_time, zone)

    async def location(self, user_id: int, latitude: float, longitude: float) -> View | None:
        """A shared location answers "which zone?" (the coordinates are not stored)."""
        async with self.deps.unit_of_work() as uow:
            settings = await uow.reminders.settings(user_id)
            if settings is None or settings.awaiting is not OpenQuestion.TIME_ZONE:
                return None
            zone = local_time.zone_for_location(latitude, longitude)
            if zone is None or settings.reminder_time is None:
                return self._zone_question(settings.time_zone, retry=True)
            return await self._turn_on(uow, user_id, settings.reminder_time, zone)

    async def chat_blocked(self, user_id: int) -> None:
        """The user blocked the bot: reminders off until they come back."""
        async with self.deps.unit_of_work() as uow:
            await uow.reminders.chat_blocked(user_id, self.deps.clock())

    async def chat_unblocked(self, user_id: int) -> None:
        """The user unblocked the bot: their reminder (if they had one) resumes."""
        async with self.deps.unit_of_work() as uow:
            settings = await uow.reminders.settings(user_id)
            if settings is None:
                return
            next_at = None
            if settings.enabled and settings.reminder_time:
                zone = zone_or_none(settings.time_zone)
                if zone is not None:
                    next_at = local_time.next_nudge_at(
                        settings.reminder_time, zone, self.deps.clock()
                    )
            await uow.reminders.chat_unblocked(user_id, next_at)

    async def never_asked_in(self, uow: UnitOfWork, user_id: int) -> bool:
        """Whether to offer reminders after a session: only to someone never asked."""
        settings = await uow.reminders.settings(user_id)
        return settings is not None and settings.asked_at is None and not settings.enabled

    # --- helpers ------------------------------------------------------------------------------

    async def _time_chosen(self, uow: UnitOfWork, settings: ReminderSettings, chosen: time) -> View:
        """The zone is asked every time (someone changing their reminder may have moved too);
        the zone they had is the first choice, one tap to keep it."""
        await uow.reminders.keep_time_ask_zone(settings.user_id, chosen, self.deps.clock())
        return self._zone_question(settings.time_zone)

    def _zone_question(self, current: str | None, *, retry: bool = False) -> View:
        """ "Which time zone?", with the zone already set (if any) first among the choices."""
        known = current if current is not None and zone_or_none(current) is not None else None
        return self.screens.reminder_zone_question(known, retry=retry)

    async def _turn_on(self, uow: UnitOfWork, user_id: int, chosen: time, zone_name: str) -> View:
        now = self.deps.clock()
        next_at = local_time.next_nudge_at(chosen, ZoneInfo(zone_name), now)
        await uow.reminders.turn_on(user_id, chosen, zone_name, next_at, now)
        return self._confirmed(chosen, zone_name, next_at)

    def _confirmed(self, chosen: time, zone_name: str, next_at: datetime | None = None) -> View:
        zone = ZoneInfo(zone_name)
        now = self.deps.clock()
        if next_at is None:
            next_at = local_time.next_nudge_at(chosen, zone, now)
        today = now.astimezone(zone).date()
        view = self.screens.reminder_confirmed(chosen, zone_name, next_at.astimezone(zone), today)
        return View(view.text, view.rows, fresh=True)

    async def _snooze(self, uow: UnitOfWork, settings: ReminderSettings, now: datetime) -> View:
        """One more nudge an hour from now (if reminders are still on)."""
        zone = zone_or_none(settings.time_zone)
        if not settings.enabled or zone is None:
            return self.screens.reminders_off()
        at = now + SNOOZE_FOR
        await uow.reminders.schedule(settings.user_id, at, NudgeKind.SNOOZE)
        return self.screens.nudge_snoozed(at.astimezone(zone))

    async def _skip_today(self, uow: UnitOfWork, settings: ReminderSettings, now: datetime) -> View:
        zone = zone_or_none(settings.time_zone)
        if settings.enabled and zone is not None and settings.reminder_time is not None:
            today = now.astimezone(zone).date()
            following = local_time.next_nudge_after_local_day(settings.reminder_time, zone, today)
            await uow.reminders.schedule(settings.user_id, following, NudgeKind.DAILY)
            await uow.outbox.record_answer(settings.user_id, today, NudgeAnswer.SKIPPED)
        return self.screens.nudge_skipped()

    def understands(self, question: OpenQuestion, text: str) -> bool:
        """Whether *text* reads as an answer to *question* (a time, or a zone or city)."""
        if question is OpenQuestion.REMINDER_TIME:
            return local_time.parse_clock_time(text, self.deps.content.clock) is not None
        return self._zone_from_text(text) is not None

    def _zone_from_text(self, text: str) -> str | None:
        cleaned = text.strip()
        if len(cleaned) > MAX_ZONE_TEXT:
            return None
        named = local_time.zone_for_city(cleaned, self.deps.content.clock)
        if named is not None:
            return named
        now = self.deps.clock()
        offset = local_time.offset_from_local_clock(cleaned, now)
        if offset is None:
            return None
        candidates = local_time.zones_for_offset(offset, now)
        return candidates[0] if candidates else None


def _time_from_value(value: str | None) -> time | None:
    """Button values are HHMM."""
    if value is None or len(value) != 4 or not value.isdigit():
        return None
    hours, minutes = int(value[:2]), int(value[2:])
    if hours > 23 or minutes > 59:
        return None
    return time(hours, minutes)
