"""`/stats` for operators (ADMIN_IDS): counts only, never anyone's health data."""

from __future__ import annotations

from datetime import timedelta

from bot.routine.views import View
from bot.use_cases.dependencies import Dependencies

STATS_WINDOW = timedelta(days=7)


class AdminStats:
    def __init__(self, deps: Dependencies, admin_ids: frozenset[int]) -> None:
        self.deps = deps
        self.admin_ids = admin_ids

    def allowed(self, user_id: int) -> bool:
        return user_id in self.admin_ids

    async def show(self, user_id: int) -> View:
        """The totals for an admin; anyone else gets the unknown-command answer."""
        if not self.allowed(user_id):
            return View(self.deps.texts.hints.unknown_command)
        async with self.deps.unit_of_work() as uow:
            usage = await uow.usage.since(self.deps.clock() - STATS_WINDOW)
        return self.deps.progress_screens.usage(usage)
