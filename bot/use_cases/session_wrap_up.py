"""The end of one session and the start of the next: adaptation, streak, encouragement.

Both run inside the session use case's unit of work. The rules are pure (`bot.routine.progress`,
`bot.routine.adaptation`); this reads the history they need, stores the new doses, and picks the
sentences to show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from bot.routine import adaptation, progress
from bot.routine.conversation import SafetyEventKind
from bot.routine.dosing import PersonalDose
from bot.routine.session import SessionState
from bot.routine.stop_signals import rises_held, start_gently
from bot.store.records import UserRecord
from bot.store.unit_of_work import UnitOfWork
from bot.use_cases.dependencies import Dependencies
from bot.use_cases.history import HISTORY_DAYS, load_history, zone_or_utc


@dataclass(frozen=True)
class SessionStart:
    """How the next session should begin: a check-in first (about that session), gently or not."""

    check_in_first: int | None = None
    gently: bool = False
    done_today: bool = False
    """A routine was finished today (a rest day is not one): no second one the same day."""


class SessionWrapUp:
    def __init__(self, deps: Dependencies) -> None:
        self.deps = deps
        self.routine = deps.content.routine

    async def summary_lines(
        self,
        uow: UnitOfWork,
        user: UserRecord,
        finished: SessionState,
        doses: Mapping[str, PersonalDose],
        *,
        shown_again: bool = False,
    ) -> list[str]:
        """Lines for the summary of a session that just finished.

        Applies the adaptation rules and stores the new doses; records a flare-up as a safety
        event; adds the streak, one concrete encouragement, and a review suggestion when due.
        *shown_again*: the summary of a routine finished earlier (its final tap resent after a
        crash): nothing is stored again, so the dose changes it made then are not listed.
        """
        now = self.deps.clock()
        user_id = user.id
        screens = self.deps.progress_screens
        zone = zone_or_utc(user.time_zone)
        history = await load_history(uow, user_id, zone, now)
        today = now.astimezone(zone).date()
        lines: list[str] = []

        held = rises_held(user.safety, now, self.routine.rules)
        track = self.deps.content.tracks.get(finished.routine_id)
        changes = adaptation.plan_adaptation(track, doses, history, safety_stop=held)
        if changes and not shown_again:
            await uow.doses.save(user_id, {c.exercise_key: c.new for c in changes}, now)
            lines.extend(screens.changes(changes))
        hold = adaptation.progression_hold(history, rules=self.routine.rules)
        if (hold_line := screens.hold_line(hold)) is not None:
            lines.append(hold_line)
        this = next((s for s in history if s.session_id == finished.session_id), None)
        if this is not None and adaptation.flare_up(this, self.routine.rules):
            if not shown_again:
                await uow.safety.add_event(user_id, SafetyEventKind.FLARE_UP, None, now)
            lines.append(self.deps.texts.safety.flare_up)

        skipped = await uow.progress.skipped_days(user_id, today - timedelta(days=HISTORY_DAYS))
        streak = progress.forgiving_streak(progress.done_days(history), skipped, today)
        if (streak_line := screens.streak_line(streak)) is not None:
            lines.append(streak_line)
        trend = screens.trend_line(progress.soreness_trend(history, today=today))
        if trend is not None:
            lines.append(trend)
        if progress.no_improvement(history, today):
            lines.append(self.deps.texts.progress.review)
        return lines

    async def how_to_start(self, uow: UnitOfWork, user: UserRecord) -> SessionStart:
        """What the last sessions mean for the next one (one read of the last two weeks).

        - The 24-hour rule, for everyone: a routine from an earlier day (within
          `check_in_within_hours`) not yet checked in is asked about first; after a flare-up the
          check-in is asked even on the same day.
        - The next session opens each exercise on its gentler option after a flare-up, on the day
          of a rest day (soreness too high to start), and first after a warning sign was cleared.
        """
        now = self.deps.clock()
        rules = self.routine.rules
        zone = zone_or_utc(user.time_zone)
        today = now.astimezone(zone).date()
        history = await load_history(uow, user.id, zone, now, days=14)
        routines = [s for s in history if s.finished and s.soreness_after is not None]
        last = routines[-1] if routines else None
        flare = last is not None and adaptation.flare_up(last, rules)
        check_in_first = None
        if last is not None and last.check_in is None:
            recent = last.started_at is None or now - last.started_at < timedelta(
                hours=rules.check_in_within_hours
            )
            if flare or (last.local_date < today and recent):
                check_in_first = last.session_id
        rest_today = any(s.rest_day and s.local_date == today for s in history)
        last_started = max((s.started_at for s in history if s.started_at), default=None)
        gently = flare or rest_today or start_gently(user.safety, last_started)
        done_today = any(s.finished and not s.rest_day and s.local_date == today for s in history)
        return SessionStart(check_in_first=check_in_first, gently=gently, done_today=done_today)
