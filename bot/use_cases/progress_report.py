"""`/progress`: sessions, streak, adherence, soreness trend, per-exercise outcomes, and a chart."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta
from statistics import mean

from bot.charts import ChartLabels, SorenessPoint, render_progress_chart
from bot.routine import progress
from bot.routine.session import Status
from bot.routine.views import Attachment, View
from bot.use_cases.dependencies import Dependencies
from bot.use_cases.history import HISTORY_DAYS, load_history, zone_or_utc

CHART_WEEKS = 8


class ProgressReport:
    def __init__(self, deps: Dependencies) -> None:
        self.deps = deps

    async def show(self, user_id: int) -> View:
        """The figures as text, and a chart drawn off the event loop."""
        now = self.deps.clock()
        async with self.deps.unit_of_work() as uow:
            user = await uow.users.get_or_add(user_id, now, self.deps.language)
            zone = zone_or_utc(user.time_zone)
            today = now.astimezone(zone).date()
            # The whole history: "routines done" is a running total, never shrinking.
            history = await load_history(uow, user_id, zone, now, days=None)
            skipped = await uow.progress.skipped_days(user_id, today - timedelta(days=HISTORY_DAYS))
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
        text = self.deps.progress_screens.report(
            sessions=len([s for s in finished if s.status is Status.COMPLETED]),
            streak=progress.forgiving_streak(done, skipped, today),
            week=progress.adherence(done, today, 7, since=first_day),
            month=progress.adherence(done, today, 30, since=first_day),
            average_before=mean(befores) if befores and afters else None,
            average_after=mean(afters) if befores and afters else None,
            trend=progress.soreness_trend(history, today=today),
            outcomes=progress.exercise_outcomes(history),
            so_far=progress.so_far(done, today),
            by_track=Counter(s.routine_id for s in finished if not s.rest_day),
        )
        if not finished:
            return View(text)
        # The chart shows routines: a rest day (soreness before only, no routine) is not one.
        tracks = self.deps.content.tracks
        # A day on another track than the floor routine is shaded and named.
        names = {track.id: track.name for track in tracks if track is not tracks.default}
        points = [
            SorenessPoint(
                s.local_date, s.soreness_before, s.soreness_after, names.get(s.routine_id)
            )
            for s in finished
            if not s.rest_day
        ]
        weeks = progress.sessions_per_week(history, today, CHART_WEEKS)
        # matplotlib is CPU-bound: draw off the event loop so taps keep flowing meanwhile.
        png = await asyncio.to_thread(
            render_progress_chart, points, weeks, labels=self._chart_labels()
        )
        return View(text, attachments=(Attachment("limber-progress.png", png, picture=True),))

    def _chart_labels(self) -> ChartLabels:
        texts = self.deps.texts.progress
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
            # The language the texts were localised for (their plural rule's).
            locale=texts.days.language,
        )
