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
from bot.store.unit_of_work import UnitOfWork
from bot.use_cases.dependencies import Dependencies
from bot.use_cases.history import HISTORY_DAYS, load_history, zone_or_utc


@dataclass(frozen=True)
class SessionStart:
    """How the next session should begin: a check-in first (about that session), gently or not."""

    check_in_first: int | None = None
    gently: bool = False


class SessionWrapUp:
    def __init__(self, deps: Dependencies) -> None:
        self.deps = deps
        self.routine = deps.content.routine

    async def summary_lines(
        self,
        uow: UnitOfWork,
        user_id: int,
        finished: SessionState,
        zone_name: str | None,
        doses: Mapping[str, PersonalDose],
    ) -> list[str]:
        """Lines for the summary of a session that just finished.

        Applies the adaptation rules and stores the new doses; records a flare-up as a safety
        event; adds the streak, one concrete encouragement, and a review suggestion when due.
        """
        now = self.deps.clock()
        screens = self.deps.progress_screens
        zone = zone_or_utc(zone_name)
        history = await load_history(uow, user_id, zone, now)
        today = now.astimezone(zone).date()
        lines: list[str] = []

        changes = adaptation.plan_adaptation(self.routine, doses, history, safety_stop=False)
        if changes:
            await uow.doses.save(user_id, {c.exercise_key: c.new for c in changes}, now)
            lines.extend(screens.changes(changes))
        hold = adaptation.progression_hold(history, rules=self.routine.rules)
        if (hold_line := screens.hold_line(hold)) is not None:
            lines.append(hold_line)
        this = next((s for s in history if s.session_id == finished.session_id), None)
        if this is not None and adaptation.flare_up(this, self.routine.rules):
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

    async def how_to_start(self, uow: UnitOfWork, user_id: int) -> SessionStart:
        """What the last session means for the next one (one read of the last two weeks).

        After a flare-up the morning check-in is mandatory (asked first if still missing), and
        the next session opens each exercise on its gentler option.
        """
        history = await load_history(uow, user_id, zone_or_utc(None), self.deps.clock(), days=14)
        finished = [s for s in history if s.finished and s.soreness_after is not None]
        if not finished or not adaptation.flare_up(finished[-1], self.routine.rules):
            return SessionStart()
        last = finished[-1]
        return SessionStart(check_in_first=None if last.check_in else last.session_id, gently=True)
