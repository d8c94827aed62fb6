"""Progress, adaptation and safety through the CoachDriver and the store, on SQLite and PostgreSQL.

A table of session histories played through the CoachDriver (tap by tap) and the doses they leave;
replaying a wrap-up or a check-in changes nothing more; `/progress` on a seeded history; the
weekly red-flag re-ask to the second; rest days and red flags in free text on both databases.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Table, insert

from bot.routine.actions import GeneralVerb, general_action
from bot.routine.content import Content
from bot.routine.session import Outcome, Phase
from bot.routine.stop_signals import SafetyRecord
from bot.store.database import Database
from bot.store.models import CheckIn, ExerciseDose, Nudge, SafetyEvent
from bot.store.unit_of_work import UnitOfWork
from tests.integration.helpers import SESSIONS, STEP_RESULTS, USERS, Chat, count, labels, rows
from tests.support.clock import FakeClock
from tests.support.driver import CoachDriver
from tests.support.progress_helpers import KEYS, png_size

ALICE = 1001
DOSES: Table = ExerciseDose.__table__  # type: ignore[assignment]
CHECK_INS: Table = CheckIn.__table__  # type: ignore[assignment]
SAFETY_EVENTS: Table = SafetyEvent.__table__  # type: ignore[assignment]
NUDGES: Table = Nudge.__table__  # type: ignore[assignment]

# How the person answers Bridge (step 2); every other exercise is ✅ Done.
BRIDGE_DONE = "done"
BRIDGE_PAINFUL_SKIP = "painful, skip"
BRIDGE_PAINFUL_GENTLER = "painful, gentler"


# --- helpers --------------------------------------------------------------------------------


async def onboarded(database: Database, user_id: int, now: datetime) -> None:
    """A user who consented and passed the red-flag screen at *now*, never offered reminders."""
    async with UnitOfWork(database) as uow:
        await uow.users.get_or_add(user_id, now)
        await uow.users.record_consent(user_id, "2026-11", now)
        await uow.users.save_safety(user_id, SafetyRecord().checklist_clear(now))


@dataclass(frozen=True)
class Day:
    """One session: *later* after the previous one, soreness before/after, and Bridge's answer."""

    later: timedelta
    before: int
    after: int | None = None
    bridge: str = BRIDGE_DONE


async def open_session(chat: Chat, content: Content) -> None:
    """/session; a week after the last red-flag screen it is asked again: "None of these"; the
    morning after a routine not yet checked in, the check-in comes first: "Same"."""
    texts = content.texts
    await chat.open_session()
    if chat.screen.text.startswith(texts.safety.weekly_check):
        await chat.tap(texts.buttons.flags_none)  # the emergency signs
        await chat.tap(texts.buttons.flags_none)  # the see-a-doctor signs
    if texts.check_in.before_session in chat.screen.text:
        await chat.tap(texts.check_in.same)
    assert texts.session.soreness_before in chat.screen.text, chat.screen.text


async def play(chat: Chat, content: Content, day: Day) -> str:
    """/session and the whole routine as *day* says; the text of the last screen."""
    buttons = content.texts.buttons
    await open_session(chat, content)
    await chat.tap(str(day.before))
    if day.after is None:  # too sore to start: a rest day, no routine
        return chat.screen.text
    for step in range(len(content.routine.exercises)):
        if step == 1 and day.bridge != BRIDGE_DONE:
            await chat.tap(buttons.too_painful)
            if day.bridge == BRIDGE_PAINFUL_SKIP:
                await chat.tap(buttons.skip_this)
                continue
            await chat.tap(buttons.gentler)
        reply = await chat.tap(buttons.done)
        assert reply.notice is None, reply.notice
    assert content.texts.session.soreness_after in chat.screen.text, chat.screen.text
    await chat.tap(str(day.after))
    return chat.screen.text


async def play_days(
    coach: CoachDriver, clock: FakeClock, content: Content, days: Sequence[Day]
) -> list[str]:
    chat = Chat(coach, ALICE)
    summaries = []
    for day in days:
        clock.advance(seconds=day.later.total_seconds())
        summaries.append(await play(chat, content, day))
    return summaries


async def doses(database: Database) -> dict[str, dict[str, Any]]:
    return {row["exercise_key"]: row for row in await rows(database, DOSES, user_id=ALICE)}


async def check_in_thanks(coach: CoachDriver, user_id: int, data: str) -> str:
    """Tap a check-in answer (from a nudge); the thank-you text it shows."""
    reply = await coach.tap(user_id, data)
    assert reply.view is not None, reply.notice
    return reply.view.text


DAY = timedelta(days=1)
GOOD = Day(DAY, before=3, after=3)


@dataclass(frozen=True)
class Case:
    days: list[Day]
    pelvic_reps: int
    """Pelvic tilt's reps afterwards (10 is the seed: no row needed)."""
    bridge_gentler: bool = False
    bridge_reps: int = 10
    last_summary_has: list[str] = field(default_factory=list)
    last_summary_lacks: list[str] = field(default_factory=list)


RAISED = "💪 You're ready for more: next time Pelvic tilt goes up to 12 reps · hold about 5 s."
BRIDGE_GENTLER = "🌱 Bridge starts with its gentler option (Half bridge)."
HOLD_HIGH = "Your back has been very sore (7 or more out of 10) in the last 7 days"

CASES = {
    "three good days: one step up": Case(
        [Day(timedelta(0), 3, 3), Day(DAY, 3, 4), Day(DAY, 3, 2)],
        pelvic_reps=12,
        bridge_reps=12,
        last_summary_has=[RAISED],
    ),
    "soreness up by 2 in the middle breaks the run": Case(
        [Day(timedelta(0), 3, 3), Day(DAY, 3, 5), Day(DAY, 3, 3)],
        pelvic_reps=10,
        last_summary_lacks=["You're ready for more"],
    ),
    "soreness 7 after holds progression": Case(
        [Day(timedelta(0), 3, 3), Day(DAY, 6, 7), Day(DAY, 3, 3), Day(DAY, 3, 3)],
        pelvic_reps=10,
        last_summary_has=[HOLD_HIGH],
    ),
    "a rest day (soreness 8) breaks the run and holds": Case(
        [Day(timedelta(0), 3, 3), Day(DAY, 3, 3), Day(DAY, 8), Day(DAY, 3, 3), Day(DAY, 3, 3)],
        pelvic_reps=10,
        last_summary_has=[HOLD_HIGH],
        last_summary_lacks=["You're ready for more"],
    ),
    "four good days: still one step": Case(
        [GOOD] * 4,
        pelvic_reps=12,
        bridge_reps=12,
        last_summary_lacks=["You're ready for more"],
    ),
    "six good days: two steps": Case(
        [GOOD] * 6,
        pelvic_reps=14,
        bridge_reps=14,
        last_summary_has=["next time Pelvic tilt goes up to 14 reps"],
    ),
    "Bridge too painful twice in a row: gentler by default": Case(
        [Day(DAY, 3, 3, BRIDGE_PAINFUL_SKIP), Day(DAY, 3, 3, BRIDGE_PAINFUL_GENTLER)],
        pelvic_reps=10,
        bridge_gentler=True,
        last_summary_has=[BRIDGE_GENTLER],
    ),
    "Bridge too painful twice within three sessions, not in a row: gentler by default": Case(
        [
            Day(DAY, 3, 3, BRIDGE_PAINFUL_SKIP),
            Day(DAY, 3, 3),
            Day(DAY, 3, 3, BRIDGE_PAINFUL_SKIP),
        ],
        pelvic_reps=12,
        bridge_gentler=True,
        last_summary_has=[BRIDGE_GENTLER],
    ),
    "Bridge too painful twice, four sessions apart: still the regular one": Case(
        [
            Day(DAY, 3, 3, BRIDGE_PAINFUL_SKIP),
            Day(DAY, 3, 3),
            Day(DAY, 3, 3),
            Day(DAY, 3, 3, BRIDGE_PAINFUL_SKIP),
        ],
        pelvic_reps=12,
        last_summary_lacks=["Bridge starts with its gentler option", "Bridge goes up"],
    ),
}


# --- adaptation through the coach --------------------------------------------------------------


async def test_one_routine_a_day_session_after_it_opens_no_second(
    coach: CoachDriver, database: Database, content: Content, clock: FakeClock
) -> None:
    """Three good routines on one day would step a dose up without the days between; and a crash
    that lost a summary must not start the routine again. /session says it is done for today."""
    await onboarded(database, ALICE, clock())
    await play_days(coach, clock, content, [Day(timedelta(0), 3, 3)])
    clock.advance(hours=2)
    view = await coach.open_session(ALICE)
    assert view.text == content.texts.progress.done_today
    assert await count(database, SESSIONS) == 1

    clock.advance(days=1)
    chat = Chat(coach, ALICE)
    await open_session(chat, content)  # the next day: the routine, as usual
    assert await count(database, SESSIONS) == 2


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
async def test_adaptation_outcomes(
    coach: CoachDriver, database: Database, content: Content, clock: FakeClock, case: Case
) -> None:
    await onboarded(database, ALICE, clock())
    summaries = await play_days(coach, clock, content, case.days)

    stored = await doses(database)
    pelvic = stored.get("pelvic_tilt", {"reps": 10})
    bridge = stored.get("bridge", {"reps": 10, "gentler_default": False})
    assert pelvic["reps"] == case.pelvic_reps
    assert bridge["reps"] == case.bridge_reps
    assert bool(bridge["gentler_default"]) is case.bridge_gentler
    for line in case.last_summary_has:
        assert line in summaries[-1]
    for line in case.last_summary_lacks:
        assert line not in summaries[-1]

    # The next session gives what is stored.
    clock.advance(days=1)
    chat = Chat(coach, ALICE)
    await open_session(chat, content)
    await chat.tap("3")
    assert f"{case.pelvic_reps} reps" in chat.screen.text
    await chat.tap(content.texts.buttons.done)
    if case.bridge_gentler:
        assert "Exercise 2 of 7 · Bridge (gentler)" in chat.screen.text
    else:
        assert "Exercise 2 of 7 · Bridge\n" in chat.screen.text
        assert f"{case.bridge_reps} reps" in chat.screen.text


async def test_replaying_a_wrap_up_or_a_check_in_changes_nothing_more(
    coach: CoachDriver, database: Database, content: Content, clock: FakeClock
) -> None:
    await onboarded(database, ALICE, clock())
    summaries = await play_days(coach, clock, content, [Day(timedelta(0), 3, 3), GOOD, GOOD])
    assert RAISED in summaries[-1]
    raised = await doses(database)
    assert raised["pelvic_tilt"]["reps"] == 12
    [*_, third] = await rows(database, SESSIONS, SESSIONS.c.id, user_id=ALICE)

    for _ in range(2):
        wrap_up = coach.services.use_cases.session.wrap_up
        async with UnitOfWork(database) as uow:
            record = await uow.sessions.get(third["id"], ALICE)
            assert record is not None
            assert record.state.phase is Phase.FINISHED
            stored = await uow.doses.of_user(ALICE)
            user = await uow.users.get_or_add(ALICE, clock())
            lines = await wrap_up.summary_lines(uow, user, record.state, stored)
        assert not any("ready for more" in line for line in lines), lines
        assert await doses(database) == raised

    # The morning after: "worse" takes the raise back once; saying it again changes nothing.
    clock.advance(days=1)
    check_in = content.texts.check_in
    worse = general_action(GeneralVerb.CHECK_IN, f"{third['id']}-w")
    first = await check_in_thanks(coach, ALICE, worse)
    assert first.startswith(check_in.thanks_worse)
    assert "🌱 Pelvic tilt goes back to 10 reps · hold about 5 s." in first
    lowered = await doses(database)
    assert lowered["pelvic_tilt"]["reps"] == 10
    assert lowered["pelvic_tilt"]["raised_after"] is None
    again = await check_in_thanks(coach, ALICE, worse)
    assert again == check_in.thanks, "asked again: nothing new is stored or promised"
    assert await doses(database) == lowered
    assert await count(database, CHECK_INS, session_id=third["id"]) == 1


async def test_a_check_in_for_someone_elses_session_is_refused(
    coach: CoachDriver, database: Database, content: Content, clock: FakeClock
) -> None:
    await onboarded(database, ALICE, clock())
    await play_days(coach, clock, content, [Day(timedelta(0), 2, 6)])
    [session] = await rows(database, SESSIONS, user_id=ALICE)
    data = general_action(GeneralVerb.CHECK_IN, f"{session['id']}-w")
    reply = await coach.tap(2002, data)
    assert await count(database, CHECK_INS) == 0
    assert reply.notice == content.texts.notices.expired
    assert reply.view is None, "the message stays as it was"


# --- /progress on a seeded history -------------------------------------------------------------


async def seed_session(
    database: Database,
    content: Content,
    day: date,
    before: int,
    after: int | None,
    outcomes: dict[str, Outcome] | None = None,
) -> int:
    """A finished session on *day* (08:00 UTC) as the coach would have stored it."""
    started = datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC)
    rest_day = after is None
    async with database.transaction() as db:
        result = await db.execute(
            insert(SESSIONS).returning(SESSIONS.c.id),
            {
                "user_id": ALICE,
                "started_at": started,
                "finished_at": started + timedelta(minutes=12),
                "status": "stopped_for_pain" if rest_day else "completed",
                "phase": "finished",
                "step": 0 if rest_day else len(KEYS),
                "gentler": False,
                "paused": False,
                "stopped_early": rest_day,
                "rest_day": rest_day,
                "gentle_start": False,
                "soreness_before": before,
                "soreness_after": after,
                "content_version": content.routine.version,
                "version": 1,
            },
        )
        session_id = int(result.scalar_one())
        if not rest_day:
            chosen = outcomes or {}
            await db.execute(
                insert(STEP_RESULTS),
                [
                    {
                        "session_id": session_id,
                        "step": step,
                        "exercise_key": key,
                        "side": None,
                        "outcome": chosen.get(key, Outcome.DONE).value,
                        "reps": 10,
                        "hold_seconds": 5,
                        "at": started,
                    }
                    for step, key in enumerate(KEYS)
                ],
            )
    return session_id


async def seed_skipped_day(database: Database, day: date) -> None:
    """The user tapped "Skip today" on that day's nudge."""
    at = datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC)
    async with database.transaction() as db:
        await db.execute(
            insert(NUDGES),
            {
                "user_id": ALICE,
                "local_date": day,
                "kind": "daily",
                "due_at": at,
                "claimed_at": at,
                "sent_at": at,
                "status": "sent",
                "attempts": 1,
                "answer": "skipped",
            },
        )


async def test_progress_report_on_a_seeded_week(
    coach: CoachDriver, database: Database, content: Content, clock: FakeClock
) -> None:
    await onboarded(database, ALICE, clock())
    today = clock().date()

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    await seed_session(database, content, ago(6), 4, 5)
    await seed_session(database, content, ago(5), 4, 4, {"bridge": Outcome.TOO_PAINFUL})
    await seed_skipped_day(database, ago(4))
    await seed_session(database, content, ago(3), 3, 3, {"plank_dog_flow": Outcome.SKIPPED})
    # ago(2): missed, forgiven (one a week)
    await seed_session(database, content, ago(1), 3, 2, {"bridge": Outcome.GENTLER_DONE})
    await seed_session(database, content, ago(0), 2, 1)

    report = await coach.progress_report(ALICE)
    lines = report.text.splitlines()
    assert lines[:7] == [
        "📈 Your progress",
        "Routines done: 5.",
        "Streak: 5 days in a row (1 missed day forgiven — one a week doesn't break it, "
        'and neither does "skip today").',
        "Last 7 days: 71% of days · last 30 days: 71%.",
        "Soreness before → after, on average: 3.2 → 3.0 out of 10.",
        "Soreness after your routines is down from 5 to 2 over 6 days.",
        "",
    ]
    assert lines[7] == "Per exercise (done · gentler · too painful · skipped):"
    assert lines[8:] == [
        "Pelvic tilt: 5 · 0 · 0 · 0",
        "Bridge: 3 · 1 · 1 · 0",
        "Knee to chest: 5 · 0 · 0 · 0",
        "Double knee to chest: 5 · 0 · 0 · 0",
        "Trunk rotation: 5 · 0 · 0 · 0",
        "Prayer stretch: 5 · 0 · 0 · 0",
        "Plank → upward dog → downward dog: 4 · 0 · 0 · 1",
    ]
    [chart] = report.attachments
    assert chart.picture
    assert chart.name.endswith(".png")
    assert png_size(chart.data) == (800, 600)


async def test_progress_averages_pair_before_and_after_of_the_same_routines(
    coach: CoachDriver, database: Database, content: Content, clock: FakeClock
) -> None:
    """A rest day (soreness 8, no routine, no "after") is not a routine's "before": counting it
    would show the routine taking soreness from 4.7 down to 2.0 when it went 3 → 2."""
    await onboarded(database, ALICE, clock())
    today = clock().date()
    await seed_session(database, content, today - timedelta(days=2), 3, 2)
    await seed_session(database, content, today - timedelta(days=1), 8, None)
    await seed_session(database, content, today, 3, 2)

    report = await coach.progress_report(ALICE)
    assert "Routines done: 2." in report.text
    assert "Soreness before → after, on average: 3.0 → 2.0 out of 10." in report.text


async def test_routines_done_counts_every_routine_not_only_the_last_90_days(
    coach: CoachDriver, database: Database, content: Content, clock: FakeClock
) -> None:
    """ "Routines done" is a running total: it must never go down as time passes."""
    await onboarded(database, ALICE, clock())
    today = clock().date()
    await seed_session(database, content, today - timedelta(days=120), 3, 3)
    await seed_session(database, content, today, 3, 3)

    report = await coach.progress_report(ALICE)
    assert "Routines done: 2." in report.text


# --- the weekly red-flag re-ask ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("since_screen", "asked"),
    [
        (timedelta(days=6), False),
        (timedelta(days=7) - timedelta(seconds=1), False),
        (timedelta(days=7), True),
        (timedelta(days=8), True),
    ],
    ids=["6 days", "7 days less a second", "7 days", "8 days"],
)
async def test_the_weekly_red_flag_re_ask(
    coach: CoachDriver,
    database: Database,
    content: Content,
    clock: FakeClock,
    since_screen: timedelta,
    asked: bool,
) -> None:
    texts = content.texts
    await onboarded(database, ALICE, clock())
    clock.advance(seconds=since_screen.total_seconds())
    chat = Chat(coach, ALICE)
    view = await chat.open_session()
    assert view.text.startswith(texts.safety.weekly_check) is asked
    if not asked:
        assert texts.session.soreness_before in view.text
        assert await count(database, SESSIONS) == 1
        return
    assert texts.onboarding.red_flags_question in view.text
    assert labels(view) == [texts.buttons.flags_none, texts.buttons.flags_some]
    assert await count(database, SESSIONS) == 0
    await chat.tap(texts.buttons.flags_none)  # the emergency signs
    await chat.tap(texts.buttons.flags_none)  # the see-a-doctor signs
    assert texts.session.soreness_before in chat.screen.text
    [user] = await rows(database, USERS)
    assert user["safety_screened_at"] == clock()


# --- safety on both databases ---------------------------------------------------------------


async def test_a_rest_day_and_a_red_flag_text_are_stored_without_words(
    coach: CoachDriver, database: Database, content: Content, clock: FakeClock
) -> None:
    texts = content.texts
    await onboarded(database, ALICE, clock())
    summary = (await play_days(coach, clock, content, [Day(timedelta(0), 9)]))[-1]
    assert texts.safety.rest_day in summary
    [rest] = await rows(database, SESSIONS, user_id=ALICE)
    assert (rest["status"], rest["rest_day"], rest["soreness_before"]) == (
        "stopped_for_pain",
        True,
        9,
    )
    assert await count(database, STEP_RESULTS) == 0

    clock.advance(days=1)
    chat = Chat(coach, ALICE)
    await chat.open_session()
    await chat.tap("4")
    assert "Exercise 1 of 7 · Pelvic tilt" in chat.screen.text
    reply = await chat.type("my bum has gone numb and I wet myself")
    assert reply.text.startswith(texts.safety.text_urgent)
    assert labels(reply) == [texts.buttons.flags_mistake]
    open_session = (await rows(database, SESSIONS, SESSIONS.c.id, user_id=ALICE))[-1]
    assert open_session["paused"] is True
    assert texts.onboarding.red_flags_advice in (await coach.open_session(ALICE)).text

    events = await rows(database, SAFETY_EVENTS, SAFETY_EVENTS.c.id, user_id=ALICE)
    assert [(e["kind"], e["level"]) for e in events] == [
        ("too_sore", None),
        ("text_flag", "emergency"),
    ]
    assert set(events[0]) == {"id", "user_id", "at", "kind", "level"}
