"""Use cases for progress: the end-of-session wrap-up (adaptation, streak, encouragement),
the morning check-in, and `/progress` with its chart.

The rules themselves are pure (`bot.routine.progress`, `bot.routine.adaptation`); this module reads
the history they need, applies them, stores the new doses, and picks the sentences to show.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from statistics import mean
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.charts import ChartLabels, SorenessPoint, render_progress_chart
from bot.routine import adaptation, progress
from bot.routine.content import Content
from bot.routine.dosing import PersonalDose
from bot.routine.progress import CheckIn, SessionHistory
from bot.routine.progress_screens import ProgressScreens
from bot.routine.session import Outcome, SessionState, Status
from bot.routine.views import Attachment, View
from bot.store.database import Database
from bot.store.progress import ProgressRepository, StoredSession
from bot.store.repository import Repository

HISTORY_DAYS = 90
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
CHART_WEEKS = 8


@dataclass(frozen=True)
class SessionStart:
    """How the next session should begin: a check-in first (about that session), gently or not."""

    check_in_first: int | None = None
    gently: bool = False


class ProgressCoach:
    def __init__(self, content: Content, database: Database, clock: Callable[[], datetime]) -> None:
        self.content = content
        self.routine = content.routine
        self.texts = content.texts
        self.screens = ProgressScreens(content)
        self.database = database
        self.clock = clock

    # --- after a session ----------------------------------------------------------------------

    async def wrap_up(
        self,
        connection: AsyncConnection,
        user_id: int,
        finished: SessionState,
        zone_name: str | None,
        doses: Mapping[str, PersonalDose],
    ) -> list[str]:
        """Lines for the summary of a session that just finished, in the caller's transaction.

        Applies the adaptation rules and stores the new doses; records a flare-up as a safety
        event; adds the streak, one concrete encouragement, and a review suggestion when due.
        """
        now = self.clock()
        zone = _zone(zone_name)
        repo = Repository(connection)
        progress_repo = ProgressRepository(connection)
        history = await self._history(progress_repo, user_id, zone, now)
        today = now.astimezone(zone).date()
        lines: list[str] = []

        changes = adaptation.plan_adaptation(self.routine, doses, history, safety_stop=False)
        if changes:
            await repo.save_doses(user_id, {c.exercise_key: c.new for c in changes}, now)
            lines.extend(self.screens.changes(changes))
        if (
            hold := self.screens.hold_line(
                adaptation.progression_hold(history, rules=self.routine.rules)
            )
        ) is not None:
            lines.append(hold)
        this = next((s for s in history if s.session_id == finished.session_id), None)
        if this is not None and adaptation.flare_up(this, self.routine.rules):
            await repo.add_safety_event(user_id, "flare_up", None, now)
            lines.append(self.texts.safety.flare_up)

        skipped = await progress_repo.skipped_days(user_id, today - timedelta(days=HISTORY_DAYS))
        streak = progress.forgiving_streak(progress.done_days(history), skipped, today)
        if (streak_line := self.screens.streak_line(streak)) is not None:
            lines.append(streak_line)
        if (
            trend := self.screens.trend_line(progress.soreness_trend(history, today=today))
        ) is not None:
            lines.append(trend)
        if progress.no_improvement(history, today):
            lines.append(self.texts.progress.review)
        return lines

    async def before_session(self, connection: AsyncConnection, user_id: int) -> SessionStart:
        """What the last session means for the next one (one read of the last two weeks).

        After a flare-up the morning check-in is mandatory (asked first if still missing), and
        the next session opens each exercise on its gentler option.
        """
        history = await self._history(
            ProgressRepository(connection), user_id, _zone(None), self.clock(), days=14
        )
        finished = [s for s in history if s.finished and s.soreness_after is not None]
        if not finished or not adaptation.flare_up(finished[-1], self.routine.rules):
            return SessionStart()
        last = finished[-1]
        return SessionStart(check_in_first=None if last.check_in else last.session_id, gently=True)

    # --- the morning check-in -----------------------------------------------------------------

    async def record_check_in(
        self, user_id: int, session_id: int, answer: CheckIn, zone_name: str | None
    ) -> str | None:
        """Store the answer (once) and apply the rules it drives; the thank-you text.

        None if *session_id* is not one of this user's sessions.
        """
        now = self.clock()
        async with self.database.transaction() as connection:
            progress_repo = ProgressRepository(connection)
            repo = Repository(connection)
            if await repo.get_session(session_id, user_id) is None:
                return None
            added = await progress_repo.add_check_in(user_id, session_id, answer.value, now)
            lines: list[str] = []
            if added:
                history = await self._history(progress_repo, user_id, _zone(zone_name), now)
                doses = await repo.doses(user_id)
                changes = adaptation.plan_adaptation(
                    self.routine, doses, history, safety_stop=False
                )
                if changes:
                    await repo.save_doses(user_id, {c.exercise_key: c.new for c in changes}, now)
                    lines.extend(self.screens.changes(changes))
        return self.screens.check_in_thanks(answer, lines)

    # --- /progress ----------------------------------------------------------------------------

    async def report(self, user_id: int, zone_name: str | None) -> View:
        """Sessions, streak, adherence, soreness trend, per-exercise outcomes, and a chart."""
        now = self.clock()
        zone = _zone(zone_name)
        today = now.astimezone(zone).date()
        async with self.database.transaction() as connection:
            progress_repo = ProgressRepository(connection)
            # The whole history: "routines done" is a running total, never shrinking.
            history = await self._history(progress_repo, user_id, zone, now, days=None)
            skipped = await progress_repo.skipped_days(
                user_id, today - timedelta(days=HISTORY_DAYS)
            )
        done = progress.done_days(history)
        finished = [s for s in history if s.finished]
        # Before and after of the same routines (a rest day has a "before" and no "after").
        paired = [
            (s.soreness_before, s.soreness_after)
            for s in finished
            if s.soreness_before is not None and s.soreness_after is not None
        ]
        befores = [before for before, _ in paired]
        afters = [after for _, after in paired]
        first_day = min(done, default=None)
        text = self.screens.report(
            sessions=len([s for s in finished if s.status is Status.COMPLETED]),
            streak=progress.forgiving_streak(done, skipped, today),
            week=progress.adherence(done, today, 7, since=first_day),
            month=progress.adherence(done, today, 30, since=first_day),
            average_before=mean(befores) if befores and afters else None,
            average_after=mean(afters) if befores and afters else None,
            trend=progress.soreness_trend(history, today=today),
            outcomes=progress.exercise_outcomes(history),
        )
        if not finished:
            return View(text)
        points = [
            SorenessPoint(s.local_date, s.soreness_before, s.soreness_after) for s in finished
        ]
        weeks = progress.sessions_per_week(history, today, CHART_WEEKS)
        # matplotlib is CPU-bound: draw off the event loop so taps keep flowing meanwhile.
        png = await asyncio.to_thread(
            render_progress_chart, points, weeks, labels=self._chart_labels()
        )
        return View(text, attachments=(Attachment("limber-progress.png", png, picture=True),))

    # --- helpers ------------------------------------------------------------------------------

    async def _history(
        self,
        repo: ProgressRepository,
        user_id: int,
        zone: ZoneInfo,
        now: datetime,
        *,
        days: int | None = HISTORY_DAYS,
    ) -> list[SessionHistory]:
        """The user's sessions of the last *days* days (None: all of them), oldest first."""
        since = EPOCH if days is None else now - timedelta(days=days)
        stored = await repo.sessions(user_id, since)
        return [_history_entry(session, zone) for session in stored]

    def _chart_labels(self) -> ChartLabels:
        texts = self.texts.progress
        return ChartLabels(
            title=texts.chart_title,
            soreness_axis=texts.chart_soreness_axis,
            before=texts.chart_before,
            after=texts.chart_after,
            sessions_per_week=texts.chart_sessions_per_week,
            sessions_axis=texts.chart_sessions_axis,
            date_axis=texts.chart_date_axis,
            day_format=texts.chart_day_format,
            no_data=texts.chart_no_data,
        )


def _history_entry(session: StoredSession, zone: ZoneInfo) -> SessionHistory:
    return SessionHistory(
        session_id=session.id,
        local_date=session.started_at.astimezone(zone).date(),
        status=Status(session.status),
        soreness_before=session.soreness_before,
        soreness_after=session.soreness_after,
        outcomes={key: Outcome(outcome) for key, outcome in session.outcomes.items()},
        check_in=CheckIn(session.check_in) if session.check_in else None,
        gentle_start=session.gentle_start,
    )


def _zone(name: str | None) -> ZoneInfo:
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return ZoneInfo("UTC")
