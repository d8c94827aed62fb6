"""`/routine`: the person's default track (the floor routine, or one without the floor).

The floor question at the first `/session` sets it the first time; "🪑 No floor today" changes
only one day (`bot.use_cases.guided_session`).
"""

from __future__ import annotations

from bot.routine.actions import GeneralAction
from bot.routine.views import Reply, View
from bot.use_cases.dependencies import Dependencies
from bot.use_cases.gate import gate_screen


class TrackChoice:
    def __init__(self, deps: Dependencies) -> None:
        self.deps = deps

    async def show(self, user_id: int) -> View:
        """One button per track, the current default marked."""
        async with self.deps.unit_of_work() as uow:
            user = await uow.users.get_or_add(user_id, self.deps.clock(), self.deps.language)
            if (onboarding := gate_screen(self.deps, user)) is not None:
                return onboarding
            return self.deps.screens.track_choice(self.deps.content.tracks.get(user.track).id)

    async def tap(self, user_id: int, action: GeneralAction) -> Reply:
        """A track chosen as the default; a forged or retired track id changes nothing."""
        tracks = self.deps.content.tracks
        if action.value is None or action.value not in tracks:
            return Reply(None, self.deps.texts.notices.expired)
        async with self.deps.unit_of_work() as uow:
            user = await uow.users.get(user_id)
            if user is None:
                return Reply(None, self.deps.texts.notices.expired)
            await uow.users.set_track(user_id, action.value)
            session_open = await uow.sessions.open_one(user_id) is not None
        return Reply(self.deps.screens.track_chosen(tracks[action.value], session_open))
