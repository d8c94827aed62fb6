"""Tracks: the floor question, "🪑 No floor today" for one day, /routine, and a third track that is
only a folder of content (tests/data/tracks/wall/), with no code change."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from bot.routine.content import DEFAULT_CONTENT_DIR, ROUTINES_DIR, Content, Routine, load_content
from bot.routine.inputs import CommandName
from bot.store.database import Database
from tests.integration.helpers import SESSIONS, USERS, Chat, labels, rows
from tests.support.clock import FakeClock
from tests.support.driver import CoachDriver

FAKE_TRACK = Path(__file__).parents[1] / "data" / "tracks" / "wall"
ANN = 3001


@pytest.fixture(scope="module")
def content_with_wall(tmp_path_factory: pytest.TempPathFactory) -> Content:
    """The real content plus the fake track: copied folders, nothing else."""
    directory = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, directory)
    shutil.copytree(FAKE_TRACK, directory / ROUTINES_DIR / FAKE_TRACK.name)
    return load_content(directory)


async def _onboard(chat: Chat, content: Content) -> None:
    buttons = content.texts.buttons
    await chat.start()
    await chat.tap(buttons.consent)
    await chat.tap(buttons.flags_none)
    await chat.tap(buttons.flags_none)


async def _finish(chat: Chat, track: Routine, content: Content) -> None:
    """From the soreness question: 3, every exercise of *track* done, then 2."""
    await chat.tap("3")
    for number, exercise in enumerate(track.exercises, start=1):
        heading = content.texts.session.exercise_heading.format(
            number=number, total=len(track.exercises), title=exercise.title
        )
        assert heading in chat.screen.text
        reply = await chat.tap(content.texts.buttons.done)
        assert reply.notice is None
    assert content.texts.session.soreness_after in chat.screen.text
    await chat.tap("2")
    assert chat.screen.finished


async def _next_day(chat: Chat, clock: FakeClock, content: Content) -> None:
    """A day later, /session: the morning-after question first ("about the same"), if asked."""
    clock.advance(days=1)
    await chat.open_session()
    if content.texts.check_in.same in labels(chat.screen):
        await chat.tap(content.texts.check_in.same)


def _floor_free(content: Content) -> Routine:
    track = content.tracks.floor_free()
    assert track is not None, "the content has a track without the floor"
    return track


async def test_no_to_the_floor_question_runs_the_track_without_the_floor_from_then_on(
    content_with_wall: Content, database: Database, clock: FakeClock
) -> None:
    content, texts = content_with_wall, content_with_wall.texts.tracks
    chat = Chat(CoachDriver.build(content, database, clock), ANN)
    await _onboard(chat, content)
    assert texts.floor_question in chat.screen.text
    assert labels(chat.screen)[-2:] == [texts.floor_not_today, texts.floor_no]

    await chat.tap(texts.floor_no)
    other = _floor_free(content)
    assert texts.today.format(name=other.name) in chat.screen.text
    assert texts.no_floor_today not in labels(chat.screen)  # already off the floor
    await _finish(chat, other, content)

    await _next_day(chat, clock, content)
    assert texts.floor_question not in chat.screen.text  # asked once
    assert texts.today.format(name=other.name) in chat.screen.text
    sessions = await rows(database, SESSIONS, SESSIONS.c.id)
    assert [session["routine_id"] for session in sessions] == [other.id, other.id]
    assert (await rows(database, USERS))[0]["track"] == other.id


async def test_no_floor_today_changes_one_day_and_the_floor_is_back_the_next(
    content_with_wall: Content, database: Database, clock: FakeClock
) -> None:
    content, texts = content_with_wall, content_with_wall.texts.tracks
    chat = Chat(CoachDriver.build(content, database, clock), ANN)
    await _onboard(chat, content)
    await _finish(chat, content.tracks.default, content)  # a score beside the question: floor
    assert (await rows(database, USERS))[0]["track"] == content.tracks.default.id

    await _next_day(chat, clock, content)
    assert texts.floor_question not in chat.screen.text
    await chat.tap(texts.no_floor_today)
    other = _floor_free(content)
    await _finish(chat, other, content)

    await _next_day(chat, clock, content)
    assert texts.no_floor_today in labels(chat.screen)  # the floor routine again
    sessions = await rows(database, SESSIONS, SESSIONS.c.id)
    tracks = [session["routine_id"] for session in sessions]
    assert tracks == [content.tracks.default.id, other.id, content.tracks.default.id]

    report = await chat.coach.progress_report(ANN)
    assert "2" in report.text  # both days count


async def test_a_third_track_is_a_folder_and_routine_makes_it_the_default(
    content_with_wall: Content, database: Database, clock: FakeClock
) -> None:
    content = content_with_wall
    wall = content.tracks["wall"]
    coach = CoachDriver.build(content, database, clock)
    chat = Chat(coach, ANN)
    await _onboard(chat, content)
    chat.view = await coach.command(ANN, CommandName.ROUTINE)
    assert labels(chat.screen) == [
        f"✓ {track.name}" if track is content.tracks.default else track.name
        for track in content.tracks
    ]
    await chat.tap(wall.name)
    assert content.texts.tracks.default_set.format(name=wall.name) in chat.screen.text
    assert content.texts.tracks.in_progress in chat.screen.text  # the open one goes on as it was

    await chat.open_session()
    await _finish(chat, content.tracks.default, content)  # a score here implies nothing now
    await _next_day(chat, clock, content)
    await _finish(chat, wall, content)
    sessions = await rows(database, SESSIONS, SESSIONS.c.id)
    assert [session["routine_id"] for session in sessions][-1] == "wall"


async def test_a_forged_track_button_changes_nothing(
    content_with_wall: Content, database: Database, clock: FakeClock
) -> None:
    content = content_with_wall
    coach = CoachDriver.build(content, database, clock)
    chat = Chat(coach, ANN)
    await _onboard(chat, content)
    reply = await coach.tap(ANN, "o1:track:nowhere")
    assert reply.notice == content.texts.notices.expired
    assert (await rows(database, USERS))[0]["track"] is None
    session = (await rows(database, SESSIONS))[0]
    reply = await coach.tap(ANN, f"s1:td{len(content.tracks)}:{session['id']}:0")
    assert reply.notice == content.texts.notices.stale
    assert (await rows(database, SESSIONS))[0]["routine_id"] == content.tracks.default.id


def test_the_content_lists_every_track_default_first(content_with_wall: Content) -> None:
    ids = [track.id for track in content_with_wall.tracks]
    assert ids[0] == "floor"
    assert "wall" in ids
    assert timedelta(minutes=content_with_wall.tracks["wall"].minutes) > timedelta(0)
