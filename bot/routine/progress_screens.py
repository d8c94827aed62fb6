"""Screens for progress, check-ins and safety: numbers from `bot.routine.progress` and
`bot.routine.adaptation` filled into sentences from `content/texts.yaml`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import median

from bot.routine.actions import GeneralVerb, general_action
from bot.routine.adaptation import ChangeKind, DoseChange, Hold
from bot.routine.content import Content
from bot.routine.dosing import dose_of
from bot.routine.intents import Intent
from bot.routine.progress import CheckIn, Direction, SorenessTrend, Streak
from bot.routine.screens import dose_text
from bot.routine.session import Outcome
from bot.routine.views import Action, View


@dataclass(frozen=True)
class UsageTotals:
    """How Limber is used (operators' `/stats`): totals only, no one's health data."""

    users: int
    active_users: int
    sessions: int
    completed: int
    soreness_changes: Sequence[int]


CHECK_IN_CODES = {CheckIn.BETTER: "b", CheckIn.SAME: "s", CheckIn.WORSE: "w"}
CHECK_IN_FROM_CODE = {code: answer for answer, code in CHECK_IN_CODES.items()}


class ProgressScreens:
    def __init__(self, content: Content) -> None:
        self.routine = content.routine
        self.tracks = content.tracks
        self.texts = content.texts

    # --- the session summary ------------------------------------------------------------------

    def changes(self, changes: Sequence[DoseChange]) -> list[str]:
        """One line for each dose change: "you're ready for 12 bridges next time"."""
        progress = self.texts.progress
        lines = []
        for change in changes:
            exercise = self.tracks.exercise(change.exercise_key)
            title = exercise.title
            if change.kind is ChangeKind.RAISED:
                dose = dose_of(exercise, {exercise.key: change.new})
                lines.append(
                    progress.raised.format(title=title, dose=dose_text(self.texts.session, dose))
                )
            elif change.kind is ChangeKind.GENTLER_DEFAULT:
                gentler = exercise.gentler.title if exercise.gentler else title
                lines.append(progress.gentler_default.format(title=title, gentler=gentler))
            elif change.kind is ChangeKind.REGULAR_AGAIN:
                lines.append(progress.regular_again.format(title=title))
            else:
                dose = dose_of(exercise, {exercise.key: change.new})
                lines.append(
                    progress.lowered.format(title=title, dose=dose_text(self.texts.session, dose))
                )
        return lines

    def streak_line(self, streak: Streak) -> str | None:
        if streak.days < 2:
            return None
        progress = self.texts.progress
        return progress.streak_in_summary.format(days=progress.days.of(streak.days))

    def trend_line(self, trend: SorenessTrend | None) -> str | None:
        if trend is None:
            return None
        progress = self.texts.progress
        template = {
            Direction.DOWN: progress.trend_down,
            Direction.SAME: progress.trend_same,
            Direction.UP: progress.trend_up,
        }[trend.direction]
        return template.format(
            from_value=trend.from_value, to_value=trend.to_value, days=trend.days
        )

    def tracks_line(self, by_track: Mapping[str, int]) -> str | None:
        """Routines per track, once more than the floor routine has been done."""
        if set(by_track) <= {self.tracks.default.id}:
            return None
        progress = self.texts.progress
        counts = [
            progress.track_count.format(name=track.name, count=by_track[track.id])
            for track in self.tracks
            if by_track.get(track.id)
        ]
        return progress.by_track.format(tracks=" · ".join(counts))

    def hold_line(self, hold: Hold | None) -> str | None:
        """Why nothing steps up, in the person's own terms (a safety stop says so elsewhere)."""
        if hold is Hold.HIGH_SORENESS:
            return self.texts.progress.hold_high_soreness
        if hold is Hold.WORSE_CHECK_INS:
            return self.texts.progress.hold_worse_mornings
        return None

    # --- /progress ----------------------------------------------------------------------------

    def report(
        self,
        *,
        sessions: int,
        streak: Streak,
        week: float,
        month: float,
        average_before: float | None,
        average_after: float | None,
        trend: SorenessTrend | None,
        outcomes: Mapping[str, Counter[Outcome]],
        so_far: tuple[int, int] | None = None,
        by_track: Mapping[str, int] | None = None,
    ) -> str:
        """*so_far*: (days with a routine, days) for a newcomer (`progress.so_far`), said instead
        of the 7- and 30-day shares."""
        progress = self.texts.progress
        if sessions == 0:
            return progress.empty
        lines = [progress.heading, progress.sessions.format(count=sessions)]
        days = progress.days.of(streak.days)
        if streak.forgiven:
            forgiven = progress.missed_days.of(streak.forgiven)
            lines.append(progress.streak_forgiven.format(days=days, forgiven=forgiven))
        else:
            lines.append(progress.streak.format(days=days))
        if so_far is not None and so_far[1] == 1:
            lines.append(progress.adherence_first_day)
        elif so_far is not None:
            done_days, known = so_far
            so_far_line = progress.adherence_so_far.format(
                done=done_days, days=progress.days.of(known)
            )
            lines.append(so_far_line)
        else:
            lines.append(
                progress.adherence.format(week=round(week * 100), month=round(month * 100))
            )
        if average_before is not None and average_after is not None:
            lines.append(
                progress.soreness.format(
                    before=f"{average_before:.1f}", after=f"{average_after:.1f}"
                )
            )
        if (trend_line := self.trend_line(trend)) is not None:
            lines.append(trend_line)
        if (tracks_line := self.tracks_line(by_track or {})) is not None:
            lines.append(tracks_line)
        lines.append("")
        lines.append(progress.exercises_heading)
        for exercise in self.tracks.exercises():
            counts = outcomes.get(exercise.key, Counter())
            if exercise not in self.routine.exercises and not counts:
                continue  # another track's exercise, never reached
            lines.append(
                progress.exercise_line.format(
                    title=exercise.title,
                    done=counts[Outcome.DONE],
                    gentler=counts[Outcome.GENTLER_DONE] + counts[Outcome.PAINFUL_GENTLER],
                    painful=counts[Outcome.TOO_PAINFUL] + counts[Outcome.PAINFUL_GENTLER],
                    skipped=counts[Outcome.SKIPPED],
                )
            )
        return "\n".join(lines)

    # --- /stats (operators) -------------------------------------------------------------------

    def usage(self, usage: UsageTotals) -> View:
        texts = self.texts.stats
        completion = round(100 * usage.completed / usage.sessions) if usage.sessions else 0
        changes = usage.soreness_changes
        change = f"{median(changes):+g}" if changes else texts.none
        return View(
            texts.report.format(
                users=usage.users,
                active=usage.active_users,
                sessions=usage.sessions,
                completion=completion,
                median_change=change,
            )
        )

    # --- check-ins ----------------------------------------------------------------------------

    def check_in_question(
        self, session_id: int, *, before_session: bool, rest_day: bool = False
    ) -> View:
        """Better / Same / Worse about *session_id*; asked by the nudge, or before a session.

        After a rest day (no routine, soreness 7 or more) the nudge asks how the back is today."""
        check_in = self.texts.check_in
        verb = GeneralVerb.CHECK_IN_FIRST if before_session else GeneralVerb.CHECK_IN
        labels = {CheckIn.BETTER: check_in.better, CheckIn.SAME: check_in.same}
        labels[CheckIn.WORSE] = check_in.worse
        row = tuple(
            Action(general_action(verb, f"{session_id}-{CHECK_IN_CODES[answer]}"), label)
            for answer, label in labels.items()
        )
        if before_session:
            text = check_in.before_session
        else:
            text = check_in.question_after_rest_day if rest_day else check_in.question
        typed = tuple(
            (intent.value, action.data)
            for intent, action in zip((Intent.BETTER, Intent.SAME, Intent.WORSE), row, strict=True)
        )
        return View(text, (row,), typed=typed)

    def check_in_thanks(self, answer: CheckIn, lines: Sequence[str]) -> str:
        """Thanks; after "worse", exactly what changes next time (or that nothing can)."""
        check_in = self.texts.check_in
        if answer is not CheckIn.WORSE:
            return "\n\n".join((check_in.thanks, *lines))
        if not lines:
            return check_in.thanks_worse_unchanged
        return "\n".join((check_in.thanks_worse, *lines))

    # --- safety -------------------------------------------------------------------------------

    def done_today(self) -> View:
        """`/session` after today's routine: one a day, and rest is part of it."""
        return View(self.texts.progress.done_today)

    def rest_day(self) -> View:
        safety = self.texts.safety
        return View(f"{safety.rest_day}\n\n{safety.rest_day_seek_care}")


def parse_check_in(value: str | None) -> tuple[int, CheckIn] | None:
    """Button value "<session id>-<b|s|w>" back to (session id, answer)."""
    if value is None:
        return None
    session, _, code = value.partition("-")
    answer = CHECK_IN_FROM_CODE.get(code)
    if answer is None or not session.isdigit() or len(session) > 18:
        return None
    return int(session), answer
