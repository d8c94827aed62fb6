"""The morning check-in: is the back better, the same or worse than before yesterday's session?"""

from __future__ import annotations

from dataclasses import replace

from bot.routine import adaptation
from bot.routine.actions import GeneralAction, GeneralVerb
from bot.routine.progress_screens import parse_check_in
from bot.routine.stop_signals import rises_held
from bot.routine.views import Reply, View
from bot.store.records import SessionConflictError
from bot.use_cases.dependencies import Dependencies
from bot.use_cases.gate import gate_screen
from bot.use_cases.guided_session import GuidedSession
from bot.use_cases.history import load_history, zone_or_utc


class CheckIns:
    def __init__(self, deps: Dependencies, session: GuidedSession) -> None:
        self.deps = deps
        self.session = session

    async def answer(self, user_id: int, action: GeneralAction) -> Reply:
        """Better / Same / Worse: stored once, the rules it drives applied; then the nudge, or
        (asked before a session) the session itself, in the same unit of work."""
        try:
            return await self._answer(user_id, action)
        except SessionConflictError:
            return await self._answer(user_id, action)

    async def _answer(self, user_id: int, action: GeneralAction) -> Reply:
        texts = self.deps.texts
        notices = texts.notices
        parsed = parse_check_in(action.value)
        if parsed is None:
            return Reply(None, notices.unknown_button)
        session_id, answer = parsed
        now = self.deps.clock()
        screens = self.deps.progress_screens
        async with self.deps.unit_of_work() as uow:
            user = await uow.users.get(user_id)
            # e.g. an old nudge tapped after /delete, or someone else's session: store nothing
            asked_about = None if user is None else await uow.sessions.get(session_id, user_id)
            if user is None or asked_about is None:
                return Reply(None, notices.expired)
            lines: list[str] = []
            added = await uow.progress.add_check_in(user_id, session_id, answer.value, now)
            if added:
                history = await load_history(uow, user_id, zone_or_utc(user.time_zone), now)
                doses = await uow.doses.of_user(user_id)
                routine = self.deps.content.tracks.get(asked_about.state.routine_id)
                held = rises_held(user.safety, now, routine.rules)
                changes = adaptation.plan_adaptation(routine, doses, history, safety_stop=held)
                if changes:
                    await uow.doses.save(user_id, {c.exercise_key: c.new for c in changes}, now)
                    lines.extend(screens.changes(changes))
            # Asked again (a second tap): nothing new is stored, so nothing new is promised.
            thanks = screens.check_in_thanks(answer, lines) if added else texts.check_in.thanks
            if action.verb is not GeneralVerb.CHECK_IN_FIRST:
                nudge = self.deps.screens.nudge(user_id, now.date())
                return Reply(View(thanks, nudge.rows))
            view = gate_screen(self.deps, user) or await self.session.open_in(uow, user_id, user)
        return Reply(replace(view, text=f"{thanks}\n\n{view.text}", fresh=False))
