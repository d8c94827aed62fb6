"""The track without the floor, on Telegram: a picture and a voice guide on every exercise, the
floor question answered "no", "🪑 No floor today" for one day, and /progress counting both."""

from __future__ import annotations

from pathlib import Path

from bot.media.library import reachable_doses
from bot.routine.content import Content, load_content
from tests.support.clock import FakeClock
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.media import FakeMediaLibrary
from tests.support.updates import ChatUser, FakeUser

ANN = FakeUser(6101, "Ann")
BEN = FakeUser(6102, "Ben")


def library(tmp_path: Path) -> FakeMediaLibrary:
    """Every track's pictures and voice guides, made ahead (as `limber media` does)."""
    fake = FakeMediaLibrary(tmp_path / "media", load_content())
    for key, variant, side in fake.pictures():
        fake.animation(key, variant, side)
        fake.still(key, variant, side)
    for exercise in fake.content.tracks.exercises():
        for variant, dose in reachable_doses(exercise):
            fake.voice_guide_sync(exercise.key, variant, None, dose)
    fake.rendered.clear()
    return fake


async def onboard(user: ChatUser) -> None:
    await user.send("/start")
    await user.tap("I understand")
    await user.tap("None of these")  # the emergency signs
    await user.tap("None of these")  # the see-a-doctor signs


async def whole_chair_routine(user: ChatUser, api: FakeBotApi, content: Content) -> None:
    """From the soreness question: every exercise seen as an animation and heard as a voice
    guide, then done; the soreness after; the summary."""
    chair = content.tracks["chair"]
    await user.tap("4")
    live_id = api.last_message(user.chat_id).message_id  # one live message, edited in place
    for number, exercise in enumerate(chair.exercises, start=1):
        live = api.message(user.chat_id, live_id)
        assert live.kind == "animation", exercise.key
        assert (live.text or "").startswith(
            f"Exercise {number} of {len(chair.exercises)} · {exercise.title}"
        )
        assert exercise.key in live.raw["animation"]["file_name"]
        voices = len(api.calls("sendVoice"))
        await user.tap("Guide me", message_id=live.message_id)
        assert len(api.calls("sendVoice")) == voices + 1, exercise.key
        assert api.last_message(user.chat_id).kind == "voice"
        await user.tap("Done", message_id=live.message_id)
    question = api.message(user.chat_id, live_id)  # the question takes the live message's place
    assert "How sore is your back now?" in (question.text or "")
    await user.tap("2", message_id=live_id)
    assert "Exercises:" in user.last_text


async def test_no_to_the_floor_question_a_whole_chair_routine_with_pictures_and_voice(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    content = load_content()
    media = library(tmp_path)
    async with running_limber(api, sqlite_url, media_library=media) as limber:
        ann = limber.user(ANN)
        await onboard(ann)
        assert "can you get down to the floor" in ann.last_text
        await ann.tap("No, not for me")
        assert "Today: Chair, standing & bed." in ann.last_text
        await whole_chair_routine(ann, api, content)
        assert media.rendered == [], "nothing rendered on a tap's path"
        assert not limber.errors, limber.errors


async def test_no_floor_today_for_one_day_and_progress_counts_both(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    content = load_content()
    clock = FakeClock()
    async with running_limber(
        api, sqlite_url, media_library=library(tmp_path), clock=clock
    ) as limber:
        ben = limber.user(BEN)
        await onboard(ben)
        await ben.tap("4")  # a score beside the floor question: the floor is fine
        while "How sore is your back now?" not in ben.last_text:
            await ben.tap("Done")
        await ben.tap("3")
        await ben.tap("No reminders")

        clock.advance(days=1)
        await ben.send("/session")
        await ben.tap("Same")  # yesterday's routine: the morning-after question first
        await ben.tap("No floor today")
        assert "Today: Chair, standing & bed." in ben.last_text
        await whole_chair_routine(ben, api, content)

        clock.advance(days=1)
        await ben.send("/session")
        await ben.tap("Same")
        assert "No floor today" in " ".join(ben.labels)  # the floor routine again
        assert "Today:" not in ben.last_text

        await ben.send("/progress")
        report = api.visible_text(ben.chat_id)
        assert "By routine: Floor routine 1 · Chair, standing & bed 1." in report
        assert api.last_message(ben.chat_id).kind == "photo"  # the chart, the days shaded
        assert not limber.errors, limber.errors
