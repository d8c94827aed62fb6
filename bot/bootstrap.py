"""Wire everything once: settings → content → database → units of work → use cases → router.

Tests and benchmarks call `bootstrap()` too, swapping in what they need (a fake clock, a counting
unit of work, other content, an existing Database) instead of wiring by hand.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

from bot.coach import Coach, UseCases
from bot.config import Settings
from bot.media.voice import load_voice
from bot.media.worker import MediaRenderer, ProcessRender
from bot.nudges import NudgeSweeper, Send
from bot.routine.content import DEFAULT_CONTENT_DIR, Content, load_content
from bot.routine.languages import Languages, shipped_languages
from bot.routine.nudging import NudgePolicy
from bot.store.database import Database
from bot.store.unit_of_work import UnitOfWorkFactory, unit_of_work_factory
from bot.use_cases.admin_stats import AdminStats
from bot.use_cases.check_in import CheckIns
from bot.use_cases.data_rights import DataRights
from bot.use_cases.dependencies import Clock, Dependencies, utc_now
from bot.use_cases.guided_session import GuidedSession
from bot.use_cases.language_choice import LanguageChoice
from bot.use_cases.media_delivery import MediaDelivery, MediaFiles
from bot.use_cases.nudge_outbox import NudgeOutbox
from bot.use_cases.onboarding import Onboarding
from bot.use_cases.progress_report import ProgressReport
from bot.use_cases.red_flag_stops import RedFlagStops
from bot.use_cases.reminder_setup import ReminderSetup
from bot.use_cases.session_wrap_up import SessionWrapUp
from bot.use_cases.track_choice import TrackChoice
from bot.use_cases.typed_answers import TypedAnswers


@dataclass(frozen=True)
class Services:
    settings: Settings
    content: Content
    clock: Clock
    database: Database
    unit_of_work: UnitOfWorkFactory
    use_cases: UseCases
    coach: Coach
    outbox: NudgeOutbox
    media: MediaDelivery

    def nudge_sweeper(
        self,
        send: Send,
        *,
        rate: float | None = None,
        max_in_flight: int = 64,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        keep_going: Callable[[], bool] = lambda: True,
    ) -> NudgeSweeper:
        """The sweep that sends due nudges through *send* (at NUDGE_RATE unless *rate*)."""
        return NudgeSweeper(
            self.outbox,
            send,
            exclusive=self.database.exclusive,
            rate=self.settings.nudge_rate if rate is None else rate,
            max_in_flight=max_in_flight,
            sleep=sleep,
            keep_going=keep_going,
            speak_as=self.coach.speak_as,
        )


def nudge_policy(settings: Settings) -> NudgePolicy:
    return NudgePolicy(
        grace=timedelta(seconds=settings.nudge_grace_seconds),
        lease=timedelta(seconds=settings.nudge_lease_seconds),
        batch=settings.nudge_batch,
    )


def bootstrap(
    settings: Settings,
    *,
    clock: Clock = utc_now,
    content: Content | None = None,
    database: Database | None = None,
    unit_of_work: UnitOfWorkFactory | None = None,
    media_library: MediaFiles | None = None,
    languages: Languages | None = None,
) -> Services:
    """*languages* replaces the shipped ones (tests: the pseudo-locale). *media_library*
    replaces the real one (`MediaLibrary` on MEDIA_DIR, drawn by the render
    worker process), e.g. in tests: it is then drawn in a thread (tiny fake files only)."""
    content_dir = settings.content_dir or DEFAULT_CONTENT_DIR
    content = content or load_content(content_dir)
    database = database or Database(settings.database_url)
    unit_of_work = unit_of_work or unit_of_work_factory(database)
    deps = Dependencies(content, unit_of_work, clock, languages or shipped_languages(content))
    renderer = None
    if media_library is None and settings.media_dir is not None:
        from bot.media.library import MediaLibrary

        media_library = MediaLibrary(settings.media_dir, content, content_dir)
        # Drawn in a process of its own: a render never takes the CPU of a person's tap.
        renderer = MediaRenderer(ProcessRender(settings.media_dir, content_dir))
    voice = media_library.voice if media_library is not None else load_voice(content_dir)
    media = MediaDelivery(deps, voice, media_library, renderer)
    reminders = ReminderSetup(deps)
    session = GuidedSession(deps, SessionWrapUp(deps), reminders, media)
    red_flags = RedFlagStops(deps)
    check_ins = CheckIns(deps, session)
    use_cases = UseCases(
        session=session,
        onboarding=Onboarding(deps, session, red_flags),
        check_ins=check_ins,
        reminders=reminders,
        typed_answers=TypedAnswers(deps, session, reminders, red_flags, check_ins),
        progress=ProgressReport(deps),
        data_rights=DataRights(deps),
        admin=AdminStats(deps, settings.admin_ids),
        tracks=TrackChoice(deps),
        languages=LanguageChoice(deps, unit_of_work_factory(database)),
    )
    coach = Coach(use_cases, deps, clock)
    outbox = NudgeOutbox(deps, nudge_policy(settings))
    return Services(
        settings, content, clock, database, unit_of_work, use_cases, coach, outbox, media
    )
