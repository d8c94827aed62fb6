"""The routine summary survives a crash between saving the last answer and sending the summary.

The last soreness answer and the summary's bookkeeping commit together; a crash before the summary
reaches Telegram leaves the person without it. Telegram resends the update (or the person taps the
score again): that tap shows the summary of the routine it finished, and stores nothing twice.
"""

from __future__ import annotations

from bot.routine.content import Content
from bot.routine.views import View
from tests.integration.helpers import Chat, button, snapshot
from tests.support.clock import FakeClock
from tests.support.driver import CoachDriver

USER = 1501


async def finish_a_routine(
    chat: Chat, content: Content, final_score: str = "4"
) -> tuple[str, View]:
    """Onboard, do the whole routine; returns the final tap's data and the summary it showed."""
    buttons = content.texts.buttons
    await chat.start()
    await chat.tap(buttons.consent)
    await chat.tap(buttons.flags_none)
    await chat.tap(buttons.flags_none)  # the see-a-doctor part
    await chat.tap("5")
    for _ in content.routine.exercises:
        await chat.tap(buttons.done)
    final = button(chat.screen, final_score)
    reply = await chat.tap(final_score)
    assert reply.view is not None
    assert content.texts.summary.completed in reply.view.text
    return final, reply.view


async def test_the_final_tap_resent_shows_the_summary_of_the_routine_it_finished(
    coach: CoachDriver, content: Content, clock: FakeClock
) -> None:
    chat = Chat(coach, USER)
    final, summary = await finish_a_routine(chat, content)
    clock.advance(seconds=20)  # the process restarts; Telegram redelivers the update
    before = await snapshot(coach.database)

    again = await coach.tap(USER, final)

    assert again.notice is None, again.notice
    assert again.view is not None
    assert again.view.text.split("\n\n")[:4] == summary.text.split("\n\n")[:4]
    assert content.texts.summary.next in again.view.text
    assert await snapshot(coach.database) == before


async def test_another_score_on_the_finished_question_shows_the_summary_too(
    coach: CoachDriver, content: Content
) -> None:
    chat = Chat(coach, USER)
    final, _ = await finish_a_routine(chat, content)

    again = await coach.tap(USER, final.replace(":n4:", ":n5:"))

    assert again.view is not None
    assert content.texts.summary.completed in again.view.text


async def test_an_older_tap_on_a_finished_routine_is_still_expired(
    coach: CoachDriver, content: Content
) -> None:
    """Only the tap that finished it shows the summary; a step tapped earlier stays stale."""
    chat = Chat(coach, USER)
    final, _ = await finish_a_routine(chat, content)
    session_id = final.split(":")[2]

    reply = await coach.tap(USER, f"s1:done:{session_id}:0")

    assert reply.notice == content.texts.notices.expired
    assert reply.view is None


async def test_session_after_the_lost_summary_opens_no_second_routine_that_day(
    coach: CoachDriver, content: Content, clock: FakeClock
) -> None:
    """The person who never saw the summary types /session: today's routine is done, not redone."""
    chat = Chat(coach, USER)
    await finish_a_routine(chat, content)
    clock.advance(seconds=20)  # the summary never arrived; the process restarted
    before = await snapshot(coach.database)

    view = await coach.open_session(USER)

    assert view.text == content.texts.progress.done_today
    assert await snapshot(coach.database) == before
