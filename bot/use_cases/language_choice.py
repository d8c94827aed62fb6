"""The language Limber speaks to a person: stored, chosen for each update, changed with /language.

At first contact it is Telegram's `language_code` (when Limber speaks it; else English) and it is
stored with the new user; `/language` lists every language by its own name and stores the choice.
Each update reads it before it is routed, through a small cache (one read per person per
`CACHE_SECONDS`), so a tap costs no extra statement; another process sees a choice within that
time. The read is the adapter's language step, not a person's action: it goes through its own
factory (`lookups`), apart from the one unit of work of the use case that answers.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from bot.routine.actions import GeneralAction
from bot.routine.views import Reply, View
from bot.store.unit_of_work import UnitOfWorkFactory
from bot.use_cases.dependencies import Dependencies, set_spoken

log = logging.getLogger(__name__)

CACHE_SECONDS = 30.0
LOOKUP_SECONDS = 0.3
"""At most this long for the read before the update is routed (never the lock's whole wait)."""
CACHE_SIZE = 50_000


class LanguageChoice:
    def __init__(
        self,
        deps: Dependencies,
        lookups: UnitOfWorkFactory | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.deps = deps
        self._lookups = lookups or deps.unit_of_work
        self._monotonic = monotonic
        self._known: dict[int, tuple[str, float]] = {}

    async def spoken_for(self, user_id: int, language_code: str | None) -> str:
        """The language to speak to *user_id* in this update: theirs if stored, else the one
        Telegram says they use (stored for a user from before languages were stored)."""
        now = self._monotonic()
        known = self._known.get(user_id)
        if known is not None and known[1] > now:
            return known[0]
        telegram = self.deps.language_for(language_code)
        try:
            stored = await asyncio.wait_for(self._stored(user_id, telegram), LOOKUP_SECONDS)
        except TimeoutError:
            # The store is busy (another process holds SQLite's write lock): this update speaks
            # Telegram's language rather than wait for it; the next update asks again.
            log.info("the stored language was not read in time: Telegram's is spoken")
            return telegram
        # A new user is stored in Telegram's language by the use case that adds them.
        language = self.deps.language_for(stored) if stored is not None else telegram
        self._remember(user_id, language, now)
        return language

    async def _stored(self, user_id: int, telegram: str) -> str | None:
        """The stored language (None: none yet); a user from before takes *telegram*'s."""
        async with self._lookups() as uow:
            exists, stored = await uow.users.language(user_id)
            if exists and stored is None:
                await uow.users.set_language(user_id, telegram, if_unset=True)
        return stored

    def languages(self) -> list[tuple[str, str]]:
        """(code, own name) of every language Limber speaks, English first."""
        if self.deps.languages is None:
            return [("en", "English")]
        return [(line.code, line.name) for line in self.deps.languages.spoken()]

    async def show(self, user_id: int) -> View:
        """`/language`: every language by its own name, the current one marked."""
        return self.deps.screens.language_choice(self.languages(), self.deps.language)

    async def tap(self, user_id: int, action: GeneralAction) -> Reply:
        """A language chosen: stored, and this reply already in it. A forged code changes
        nothing."""
        codes = {code for code, _ in self.languages()}
        if action.value is None or action.value not in codes:
            return Reply(None, self.deps.texts.notices.unknown_button)
        async with self.deps.unit_of_work() as uow:
            await uow.users.get_or_add(user_id, self.deps.clock(), action.value)
            await uow.users.set_language(user_id, action.value)
        self._remember(user_id, action.value, self._monotonic())
        set_spoken(action.value)
        return Reply(self.deps.screens.language_chosen(), language_changed=action.value)

    def forget(self, user_id: int) -> None:
        """After /delete: the next update is a first contact again."""
        self._known.pop(user_id, None)

    def _remember(self, user_id: int, language: str, now: float) -> None:
        if len(self._known) >= CACHE_SIZE:
            self._known.clear()
        self._known[user_id] = (language, now + CACHE_SECONDS)
