"""The coach and the store together, on SQLite and on a real PostgreSQL.

Every test runs on both databases (see the `database_url` fixture in tests/conftest.py). A test
drives the coach the way a channel adapter does — start, tap the buttons on the screen it got back,
type — and then reads the rows that were written.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from datetime import datetime

import pytest

from bot.media.voice import guide_script, load_voice
from bot.routine.actions import SessionVerb, session_action
from bot.routine.content import DEFAULT_CONTENT_DIR, Content, Dose
from bot.routine.session import Outcome
from bot.routine.set_script import CueKind
from bot.routine.stop_signals import SafetyRecord
from bot.routine.views import View
from bot.store.database import Database
from bot.store.unit_of_work import UnitOfWork
from bot.use_cases.media_delivery import set_length
from tests.integration.helpers import (
    SESSIONS,
    SORENESS_REPORTS,
    STEP_RESULTS,
    USERS,
    Chat,
    button,
    count,
    labels,
    one_session,
    rows,
    snapshot,
)
from tests.support.clock import FakeClock
from tests.support.driver import CoachDriver

ALICE = 1001
BOB = 1002
TOTAL = 7


# --- helpers --------------------------------------------------------------------------------


async def onboard(chat: Chat, content: Content) -> View:
    """/start → consent → "None of these": returns the first screen of the session it opens."""
    buttons = content.texts.buttons
    await chat.start()
    await chat.tap(buttons.consent)
    await chat.tap(buttons.flags_none)  # the emergency signs
    reply = await chat.tap(buttons.flags_none)  # the see-a-doctor signs
    assert reply.notice is None
    return chat.screen


async def onboarded_without_session(database: Database, user_id: int, now: datetime) -> None:
    """A user who has consented and passed the safety screen, with no session yet."""
    async with UnitOfWork(database) as uow:
        await uow.users.get_or_add(user_id, now)
        await uow.users.record_consent(user_id, "2026-11", now)
        await uow.users.save_safety(user_id, SafetyRecord().checklist_clear(now))


async def warm_up(*coaches: CoachDriver, connections: int = 10) -> None:
    """Open pool connections up front, so that the racing calls start at the same moment."""
    await asyncio.gather(*(coach.database.ping() for coach in coaches for _ in range(connections)))


def heading(number: int) -> str:
    return f"Exercise {number} of {TOTAL}"


def seed_dose(content: Content, step: int) -> Dose:
    return content.routine.exercises[step].dose


def gentler_dose(content: Content, step: int) -> Dose:
    gentler = content.routine.exercises[step].gentler
    assert gentler is not None
    return gentler.dose


# --- a whole session --------------------------------------------------------------------------


async def test_new_user_completes_a_whole_session(
    coach: CoachDriver, database: Database, content: Content, clock: FakeClock
) -> None:
    texts = content.texts
    buttons = texts.buttons
    chat = Chat(coach, ALICE)
    created_at = clock()

    welcome = await chat.start()
    assert labels(welcome) == [buttons.consent]
    assert await count(database, SESSIONS) == 0

    consented_at = clock.advance(seconds=30)
    reply = await chat.tap(buttons.consent)
    assert reply.notice is None
    assert labels(chat.screen) == [buttons.flags_none, buttons.flags_some]

    started_at = clock.advance(seconds=30)
    await chat.tap(buttons.flags_none)  # the emergency signs
    reply = await chat.tap(buttons.flags_none)  # the see-a-doctor signs
    assert reply.notice is None
    assert chat.screen.text.startswith(texts.onboarding.ready)
    assert texts.session.soreness_before in chat.screen.text
    # The first time, the floor question beside the scores; a score answers "the floor is fine".
    assert texts.tracks.floor_question in chat.screen.text
    assert labels(chat.screen) == [
        *(str(score) for score in range(11)),
        texts.tracks.floor_not_today,
        texts.tracks.floor_no,
    ]

    accepted = 0
    expected: list[tuple[str, Outcome, Dose, datetime]] = []

    async def step(label: str) -> None:
        nonlocal accepted
        clock.advance(minutes=1)
        reply = await chat.tap(label)
        assert reply.notice is None, f"{label!r} was not accepted: {reply.notice}"
        assert reply.view is not None
        accepted += 1

    def outcome(number: int, result: Outcome, dose: Dose) -> None:
        expected.append((content.routine.exercises[number - 1].key, result, dose, clock()))

    await step("6")  # soreness before
    assert heading(1) in chat.screen.text

    # 1: done.
    await step(buttons.done)
    outcome(1, Outcome.DONE, seed_dose(content, 0))
    assert heading(2) in chat.screen.text

    # 2: too painful → try the gentler option → done.
    await step(buttons.too_painful)
    assert texts.session.ease_off in chat.screen.text
    assert labels(chat.screen) == [buttons.gentler, buttons.skip_this, buttons.stop_today]
    await step(buttons.gentler)
    assert f"{heading(2)} · Bridge (gentler)" in chat.screen.text
    await step(buttons.done)
    outcome(2, Outcome.PAINFUL_GENTLER, gentler_dose(content, 1))  # it hurt: kept on record
    assert heading(3) in chat.screen.text

    # 3: skip.
    await step(buttons.skip)
    outcome(3, Outcome.SKIPPED, seed_dose(content, 2))

    # 4: too painful → skip this one.
    await step(buttons.too_painful)
    await step(buttons.skip_this)
    outcome(4, Outcome.TOO_PAINFUL, seed_dose(content, 3))
    assert heading(5) in chat.screen.text

    # 5: too painful → gentler → still too painful (no second gentler offer) → skip this one.
    await step(buttons.too_painful)
    await step(buttons.gentler)
    await step(buttons.too_painful)
    assert texts.session.ease_off_no_gentler in chat.screen.text
    assert labels(chat.screen) == [buttons.skip_this, buttons.stop_today]
    await step(buttons.skip_this)
    outcome(5, Outcome.TOO_PAINFUL, gentler_dose(content, 4))

    # 6: done.
    await step(buttons.done)
    outcome(6, Outcome.DONE, seed_dose(content, 5))

    # 7 (optional): too painful → gentler → skip: recorded as too painful.
    assert heading(7) in chat.screen.text
    await step(buttons.too_painful)
    await step(buttons.gentler)
    await step(buttons.skip)
    outcome(7, Outcome.TOO_PAINFUL, gentler_dose(content, 6))
    assert texts.session.soreness_after in chat.screen.text

    await step("3")  # soreness after
    finished_at = clock()
    summary = chat.screen
    assert not [a for a in summary.actions if a.data.startswith("s1:")]  # no session buttons
    assert texts.summary.completed in summary.text
    # Bridge hurt, then its gentler option was done: it counts as gentler and as too painful.
    assert "Exercises: 2 done, 1 gentler, 4 too painful, 1 skipped." in summary.text
    assert "Soreness: 6 → 3 out of 10." in summary.text
    assert texts.summary.better in summary.text

    # users
    [user] = await rows(database, USERS)
    assert user["id"] == ALICE
    assert user["created_at"] == created_at
    assert user["consent_version"] == texts.onboarding.consent_version
    assert user["consented_at"] == consented_at
    assert user["safety_screen"] == "clear"
    assert user["safety_screened_at"] == started_at

    # sessions
    session = await one_session(database, ALICE)
    assert session["status"] == "completed"
    assert session["phase"] == "finished"
    assert session["step"] == TOTAL
    assert session["stopped_early"] is False
    assert session["soreness_before"] == 6
    assert session["soreness_after"] == 3
    assert session["started_at"] == started_at
    assert session["finished_at"] == finished_at
    assert session["content_version"] == content.routine.version
    assert session["version"] == 1 + accepted

    # step_results: exactly one per exercise, in order
    results = await rows(database, STEP_RESULTS, STEP_RESULTS.c.step, session_id=session["id"])
    assert [result["step"] for result in results] == list(range(TOTAL))
    for result, (key, result_outcome, dose, at) in zip(results, expected, strict=True):
        assert result["exercise_key"] == key
        assert result["outcome"] == result_outcome.value
        assert (result["reps"], result["hold_seconds"]) == (dose.reps, dose.hold_seconds)
        assert result["side"] == ("both" if dose.per_side else None)
        assert result["at"] == at

    # soreness_reports: before and after
    reports = await rows(database, SORENESS_REPORTS, SORENESS_REPORTS.c.id)
    assert [(r["context"], r["score"], r["user_id"], r["session_id"]) for r in reports] == [
        ("before", 6, ALICE, session["id"]),
        ("after", 3, ALICE, session["id"]),
    ]

    # The session is over: its buttons are from an earlier session now, and /session starts anew.
    reply = await coach.tap(ALICE, session_action(SessionVerb.DONE, session["id"], TOTAL))
    assert reply.notice == texts.notices.expired
    assert reply.view is None
    view = await coach.start(ALICE)
    assert view.text == coach.screens.welcome_back().text
    assert labels(view) == [buttons.start_session]


async def test_stop_for_today_ends_the_session_for_pain(
    coach: CoachDriver, database: Database, content: Content
) -> None:
    texts = content.texts
    buttons = texts.buttons
    chat = Chat(coach, ALICE)
    await onboard(chat, content)
    await chat.tap("5")
    await chat.tap(buttons.done)
    await chat.tap(buttons.too_painful)
    reply = await chat.tap(buttons.stop_today)
    assert reply.notice is None
    assert texts.session.soreness_after in chat.screen.text

    await chat.tap("7")
    assert texts.summary.stopped in chat.screen.text
    assert "Exercises: 1 done, 0 gentler, 1 too painful, 0 skipped." in chat.screen.text
    assert texts.summary.worse in chat.screen.text

    session = await one_session(database, ALICE)
    assert session["status"] == "stopped_for_pain"
    assert session["stopped_early"] is True
    assert (session["soreness_before"], session["soreness_after"]) == (5, 7)
    assert session["finished_at"] is not None
    results = await rows(database, STEP_RESULTS, STEP_RESULTS.c.step)
    assert [(r["step"], r["outcome"]) for r in results] == [(0, "done"), (1, "too_painful")]
    reports = await rows(database, SORENESS_REPORTS, SORENESS_REPORTS.c.id)
    assert [(r["context"], r["score"]) for r in reports] == [("before", 5), ("after", 7)]


async def test_a_whole_session_emits_no_warnings(
    coach: CoachDriver, content: Content, recwarn: pytest.WarningsRecorder
) -> None:
    """Warnings are errors in this project (e.g. SQLAlchemy 2.1 deprecations): a whole session,
    with every warning recorded whatever the filters say, must not emit any."""
    chat = Chat(coach, ALICE)
    await onboard(chat, content)
    await chat.tap("5")
    for _ in range(TOTAL):
        await chat.tap(content.texts.buttons.done)
    await chat.tap("4")
    assert content.texts.summary.completed in chat.screen.text
    assert [f"{w.category.__name__}: {w.message}" for w in recwarn] == []


# --- the safety screen -----------------------------------------------------------------------


async def test_red_flag_gives_advice_and_opens_no_session(
    coach: CoachDriver, database: Database, content: Content, clock: FakeClock
) -> None:
    texts = content.texts
    buttons = texts.buttons
    chat = Chat(coach, ALICE)
    await chat.start()
    await chat.tap(buttons.consent)
    reply = await chat.tap(buttons.flags_some)

    assert reply.notice is None
    assert texts.onboarding.red_flags_advice in chat.screen.text
    # Issue 9: no one-tap clearance of an emergency-level answer: only "I answered by mistake".
    assert labels(chat.screen) == [buttons.flags_mistake]
    [user] = await rows(database, USERS)
    assert user["safety_screen"] == "flagged"
    assert await count(database, SESSIONS) == 0
    forged = await coach.tap(ALICE, "o1:assessed")
    assert forged.notice == texts.safety.not_yet
    [user] = await rows(database, USERS)
    assert user["safety_screen"] == "flagged"

    # Neither /session nor /start opens one while the answer stands.
    for view in (await coach.open_session(ALICE), await coach.start(ALICE)):
        assert texts.onboarding.red_flags_advice in view.text
    assert await count(database, SESSIONS) == 0

    # After the waiting period the advice offers "I've been checked", which opens the session.
    checked_at = clock.advance(days=2)
    chat.view = await coach.open_session(ALICE)
    assert labels(chat.screen) == [buttons.flags_assessed, buttons.flags_mistake]
    reply = await chat.tap(buttons.flags_assessed)
    assert reply.notice is None
    assert texts.session.soreness_before in chat.screen.text
    assert chat.screen.text.startswith(coach.screens.safety_cleared())
    session = await one_session(database, ALICE)
    assert session["status"] == "in_progress"
    assert session["started_at"] == checked_at
    [user] = await rows(database, USERS)
    assert (user["safety_screen"], user["safety_screened_at"]) == ("clear", checked_at)


async def test_session_buttons_before_onboarding_change_nothing(
    coach: CoachDriver, database: Database, content: Content
) -> None:
    buttons = content.texts.buttons
    welcome = await coach.start(ALICE)
    # "None of these" before consenting: the consent screen again, nothing recorded.
    reply = await coach.tap(ALICE, "o1:clear")
    assert reply.view is not None
    assert labels(reply.view) == labels(welcome) == [buttons.consent]
    [user] = await rows(database, USERS)
    assert user["consent_version"] is None
    assert user["safety_screen"] is None
    assert await count(database, SESSIONS) == 0


# --- stale, foreign and forged taps ----------------------------------------------------------


async def test_repeated_tap_is_stale_and_changes_nothing(
    coach: CoachDriver, database: Database, content: Content
) -> None:
    notices = content.texts.notices
    buttons = content.texts.buttons
    chat = Chat(coach, ALICE)
    soreness_screen = await onboard(chat, content)

    # A soreness score tapped twice: the second one lands on the exercise screen (same step).
    first = await coach.tap(ALICE, button(soreness_screen, "4"))
    assert first.notice is None
    assert first.view is not None
    before = await snapshot(database)
    again = await coach.tap(ALICE, button(soreness_screen, "4"))
    assert again.notice == notices.stale
    assert again.view == first.view  # the current screen, shown again
    assert await snapshot(database) == before

    # Done tapped twice: the second is for a step that is over.
    exercise_screen = first.view
    done = await coach.tap(ALICE, button(exercise_screen, buttons.done))
    assert done.notice is None
    before = await snapshot(database)
    again = await coach.tap(ALICE, button(exercise_screen, buttons.done))
    assert again.notice == notices.stale
    assert again.view == done.view
    assert again.view is not None
    assert heading(2) in again.view.text
    # Nor may another button of the old screen move the new step on.
    skip = await coach.tap(ALICE, button(exercise_screen, buttons.skip))
    assert skip.notice == notices.stale
    assert await snapshot(database) == before
    assert len(before["step_results"]) == 1


async def test_tap_on_another_users_session_is_expired_and_changes_nothing(
    coach: CoachDriver, database: Database, content: Content
) -> None:
    notices = content.texts.notices
    alice = Chat(coach, ALICE)
    await onboard(alice, content)
    await alice.tap("3")
    bob = Chat(coach, BOB)
    await onboard(bob, content)
    before = await snapshot(database)

    for data in (button(alice.screen, content.texts.buttons.done), alice.screen.actions[1].data):
        reply = await coach.tap(BOB, data)
        assert reply.notice == notices.expired
        assert reply.view is None
    # Someone unknown to the bot altogether.
    reply = await coach.tap(9999, button(alice.screen, content.texts.buttons.done))
    assert reply.notice == notices.expired
    assert await snapshot(database) == before


@pytest.mark.parametrize(
    "data",
    [
        "",
        "hello",
        "s1:done:abc:0",
        "s1:n11:1:0",
        "s1:done:1",
        "s2:done:1:0",
        "o1:nonsense",
        "s1:done:1:0" + "0" * 60,
        "o1:consent\n",
    ],
)
async def test_forged_button_gets_the_unknown_button_notice(
    coach: CoachDriver, database: Database, content: Content, data: str
) -> None:
    reply = await coach.tap(ALICE, data)
    assert reply.notice == content.texts.notices.unknown_button
    assert reply.view is None
    assert await count(database, USERS) == 0


async def test_timer_tap_changes_nothing_and_starts_the_timer(
    coach: CoachDriver, database: Database, content: Content
) -> None:
    chat = Chat(coach, ALICE)
    await onboard(chat, content)
    await chat.tap("2")
    for label in (content.texts.buttons.done, content.texts.buttons.done):
        await chat.tap(label)
    # Exercise 3 (knee to chest) holds 30 s: it has a timer button.
    session = await one_session(database, ALICE)
    before = await snapshot(database)
    timer_label = content.texts.buttons.timer.format(seconds=30)
    reply = await chat.tap(timer_label)
    assert reply.notice is None
    assert reply.start_timer is not None
    assert (reply.start_timer.session_id, reply.start_timer.step) == (session["id"], 2)
    # The ⏱ timer counts the whole set (3 on each side, 30 s holds), timed as the voice guide.
    knee = content.routine.exercise("knee_to_chest")
    voice = load_voice(DEFAULT_CONTENT_DIR)
    whole_set = set_length(voice, knee, False, knee.dose)
    assert whole_set > 6 * 30
    assert reply.start_timer.seconds == whole_set
    assert await snapshot(database) == before

    # 14 s into the first hold (its start measured from the spoken cues before it).
    script = guide_script(voice, "knee_to_chest", "regular", knee.dose)
    hold = next(cue for cue in script.cues if cue.kind is CueKind.HOLD)
    elapsed = math.ceil(hold.time) + 14
    countdown = await coach.timer_screen(ALICE, session["id"], 2, whole_set - elapsed)
    assert countdown is not None
    left = math.ceil(hold.hold_end - elapsed)
    assert f"Rep 1 of 3 · left knee — hold the knee: {left} s left" in countdown.text
    await chat.tap(content.texts.buttons.done)
    assert await coach.timer_screen(ALICE, session["id"], 2, 11) is None
    assert await coach.timer_screen(BOB, session["id"], 3, 11) is None


# --- restarts ----------------------------------------------------------------------------------


async def test_resume_after_a_restart_continues_at_the_same_step(
    coach: CoachDriver,
    database: Database,
    content: Content,
    make_coach: Callable[[], CoachDriver],
) -> None:
    buttons = content.texts.buttons
    chat = Chat(coach, ALICE)
    await onboard(chat, content)
    await chat.tap("4")
    await chat.tap(buttons.done)
    await chat.tap(buttons.skip)
    old_screen = chat.screen
    assert heading(3) in old_screen.text
    await coach.database.dispose()  # the process goes away

    restarted = make_coach()
    for view in (await restarted.start(ALICE), await restarted.open_session(ALICE)):
        assert view.fresh
        assert "Welcome back — you were on exercise 3 of 7" in view.text
        assert heading(3) in view.text
        assert [a.data for a in view.actions] == [a.data for a in old_screen.actions]

    # A button from before the restart still works: the state lives in the database.
    reply = await restarted.tap(ALICE, button(old_screen, buttons.done))
    assert reply.notice is None
    assert reply.view is not None
    assert heading(4) in reply.view.text
    assert await count(database, SESSIONS) == 1
    assert await count(database, STEP_RESULTS) == 3


async def test_paused_session_resumes_where_it_stopped(
    coach: CoachDriver, database: Database, content: Content, make_coach: Callable[[], CoachDriver]
) -> None:
    buttons = content.texts.buttons
    chat = Chat(coach, ALICE)
    await onboard(chat, content)
    await chat.tap("4")
    exercise_screen = chat.screen
    await chat.tap(buttons.pause)
    assert "Paused at exercise 1 of 7" in chat.screen.text
    # Done from the screen before the pause counts for nothing while paused.
    reply = await coach.tap(ALICE, button(exercise_screen, buttons.done))
    assert reply.view is not None
    assert "Paused at exercise 1 of 7" in reply.view.text, "the paused screen is shown again"
    assert await count(database, STEP_RESULTS) == 0
    typed = await coach.text(ALICE, "5")
    assert "paused at exercise 1 of 7" in typed.text, "a typed word is told where the person is"
    assert await count(database, STEP_RESULTS) == 0

    restarted = make_coach()
    view = await restarted.open_session(ALICE)
    assert "Paused at exercise 1 of 7" in view.text
    assert labels(view) == [buttons.resume]
    reply = await restarted.tap(ALICE, button(view, buttons.resume))
    assert reply.view is not None
    assert heading(1) in reply.view.text
    assert (await one_session(database, ALICE))["paused"] is False


# --- typed text --------------------------------------------------------------------------------


async def test_typed_soreness_works_where_a_score_is_asked_for(
    coach: CoachDriver, database: Database, content: Content
) -> None:
    hints = content.texts.hints
    buttons = content.texts.buttons
    chat = Chat(coach, ALICE)
    await onboard(chat, content)

    hello = await coach.text(ALICE, "hello")
    assert hello.text == f"{hints.greeting} {hints.on_soreness}"
    assert (await coach.text(ALICE, "11")).text == hints.soreness_number
    assert (await coach.text(ALICE, "-1")).text == hints.soreness_number
    assert await count(database, SORENESS_REPORTS) == 0

    view = await chat.type("6")
    assert view.fresh
    assert heading(1) in view.text
    session = await one_session(database, ALICE)
    assert (session["phase"], session["soreness_before"]) == ("exercise", 6)

    # During an exercise a number is just text.
    assert (await coach.text(ALICE, "5")).text.startswith(hints.not_understood)
    assert await count(database, SORENESS_REPORTS) == 1

    for _ in range(TOTAL):
        await chat.tap(buttons.done)
    view = await chat.type(" 2/10 ")
    assert view.fresh
    assert content.texts.summary.completed in view.text
    session = await one_session(database, ALICE)
    assert (session["status"], session["soreness_after"]) == ("completed", 2)
    reports = await rows(database, SORENESS_REPORTS, SORENESS_REPORTS.c.id)
    assert [(r["context"], r["score"]) for r in reports] == [("before", 6), ("after", 2)]

    # With no session open, any text gets the general hint.
    assert (await coach.text(ALICE, "3")).text == f"{hints.not_understood} {hints.text}"


async def test_other_text_gets_a_hint(
    coach: CoachDriver, database: Database, content: Content
) -> None:
    hints = content.texts.hints
    assert (await coach.text(ALICE, "hi there")).text == f"{hints.greeting} {hints.text}"
    chat = Chat(coach, ALICE)
    await onboard(chat, content)
    before = await snapshot(database)
    assert (await coach.text(ALICE, "x" * 4000)).text == hints.too_long
    assert (await coach.text(ALICE, "7" * 4000)).text == hints.too_long
    assert await snapshot(database) == before


# --- concurrency ---------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["soreness", "done"])
async def test_twenty_concurrent_taps_advance_once(
    coach: CoachDriver, database: Database, content: Content, which: str
) -> None:
    notices = content.texts.notices
    chat = Chat(coach, ALICE)
    await onboard(chat, content)
    if which == "done":
        await chat.tap("5")
        data = button(chat.screen, content.texts.buttons.done)
    else:
        data = button(chat.screen, "5")
    version = (await one_session(database, ALICE))["version"]
    await warm_up(coach, connections=20)

    replies = await asyncio.gather(*(coach.tap(ALICE, data) for _ in range(20)))

    accepted = [reply for reply in replies if reply.notice is None]
    assert len(accepted) == 1
    assert [reply.notice for reply in replies if reply.notice is not None] == [notices.stale] * 19
    assert all(reply.view is not None for reply in replies)
    session = await one_session(database, ALICE)
    assert session["version"] == version + 1
    if which == "done":
        assert session["step"] == 1
        assert await count(database, STEP_RESULTS) == 1
        assert await count(database, SORENESS_REPORTS) == 1
    else:
        assert (session["phase"], session["soreness_before"]) == ("exercise", 5)
        assert await count(database, SORENESS_REPORTS) == 1


async def test_two_processes_racing_the_same_tap_advance_once(
    coach: CoachDriver, database: Database, content: Content, make_coach: Callable[[], CoachDriver]
) -> None:
    buttons = content.texts.buttons
    chat = Chat(coach, ALICE)
    await onboard(chat, content)
    first, second = make_coach(), make_coach()
    await warm_up(first, second, connections=3)

    data = button(chat.screen, "5")
    pair = await asyncio.gather(first.tap(ALICE, data), second.tap(ALICE, data))
    assert sorted(reply.notice is None for reply in pair) == [False, True]

    for number in range(1, TOTAL + 1):
        view = await coach.open_session(ALICE)
        assert heading(number) in view.text
        data = button(view, buttons.done)
        replies = await asyncio.gather(*(c.tap(ALICE, data) for c in (first, second) * 3))
        accepted = [reply for reply in replies if reply.notice is None]
        assert len(accepted) == 1, [reply.notice for reply in replies]

    session = await one_session(database, ALICE)
    assert (session["phase"], session["step"]) == ("soreness_after", TOTAL)
    assert session["version"] == 1 + 1 + TOTAL
    results = await rows(database, STEP_RESULTS, STEP_RESULTS.c.step)
    assert [(r["step"], r["outcome"]) for r in results] == [(n, "done") for n in range(TOTAL)]


@pytest.mark.parametrize("processes", [1, 2])
async def test_concurrent_open_session_opens_one(
    coach: CoachDriver,
    database: Database,
    clock: FakeClock,
    make_coach: Callable[[], CoachDriver],
    processes: int,
) -> None:
    await onboarded_without_session(database, ALICE, clock())
    coaches = [coach] if processes == 1 else [make_coach() for _ in range(processes)]
    await warm_up(*coaches)

    views = await asyncio.gather(*(coaches[n % processes].open_session(ALICE) for n in range(10)))

    session = await one_session(database, ALICE)
    assert session["status"] == "in_progress"
    # Everyone is shown the same session: the same buttons.
    assert len({tuple(a.data for a in view.actions) for view in views}) == 1
    assert str(session["id"]) in views[0].actions[0].data


@pytest.mark.parametrize("processes", [1, 2])
async def test_concurrent_first_contact_creates_one_user(
    coach: CoachDriver,
    database: Database,
    content: Content,
    make_coach: Callable[[], CoachDriver],
    processes: int,
) -> None:
    """A brand-new user's /start arriving twice at once (a double tap; two webhook workers)."""
    coaches = [coach] if processes == 1 else [make_coach() for _ in range(processes)]
    await warm_up(*coaches)

    views = await asyncio.gather(*(coaches[n % processes].start(BOB) for n in range(10)))

    assert all(labels(view) == [content.texts.buttons.consent] for view in views)
    assert await count(database, USERS, id=BOB) == 1
