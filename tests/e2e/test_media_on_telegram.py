"""The live session message on Telegram: an animation with a short caption, edited in place.

A fast stand-in library (tests/support/media.py) writes tiny files instead of rendering clips;
one test renders a real clip for one exercise.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

from bot.media.library import MediaLibrary, reachable_doses
from bot.media.voice import guide_script, load_voice
from bot.routine.content import DEFAULT_CONTENT_DIR, load_content
from bot.routine.set_script import CueKind
from bot.use_cases.dependencies import utc_now
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.media import FakeMediaLibrary
from tests.support.updates import ChatUser, FakeUser

ANN = FakeUser(6001, "Ann")
BEN = FakeUser(6002, "Ben")
CAPTION_LIMIT = 1024


def library(tmp_path: Path) -> FakeMediaLibrary:
    fake = FakeMediaLibrary(tmp_path / "media", load_content())
    for key, variant, side in fake.pictures():
        fake.animation(key, variant, side)
        fake.still(key, variant, side)
    for exercise in fake.content.routine.exercises:
        for variant, dose in reachable_doses(exercise):
            fake.voice_guide_sync(exercise.key, variant, None, dose)
    fake.rendered.clear()  # rendered ahead, as `limber media` does
    return fake


async def to_first_exercise(user: ChatUser) -> None:
    await user.send("/start")
    await user.tap("I understand")
    await user.tap("None of these")  # the emergency signs
    await user.tap("None of these")  # the see-a-doctor signs
    await user.tap("4")


def animation_uploads(api: FakeBotApi) -> list[str]:
    return [
        file.filename
        for method in ("sendAnimation", "editMessageMedia")
        for file in api.uploads(method)
    ]


async def test_the_session_is_one_animation_message_edited_in_place(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    media = library(tmp_path)
    async with running_limber(api, sqlite_url, media_library=media) as limber:
        ann = limber.user(ANN)
        await to_first_exercise(ann)
        question, live = api.messages(ann.chat_id, from_bot=True)[-2:]
        assert live.kind == "animation"
        assert question.kind == "text"
        assert question.buttons == [], "the soreness question loses its buttons"
        caption = live.text or ""
        assert caption.startswith("Exercise 1 of 7 · Pelvic tilt")
        assert "10 reps" in caption
        assert "Stop if you feel" in caption
        assert len(caption) <= CAPTION_LIMIT
        assert {"📖 More", "🔊 Guide me", "✅ Done", "⏸ Pause"} <= set(live.labels)
        assert animation_uploads(api) == [live.raw["animation"]["file_name"]]

        await ann.tap("More")
        more = api.message(ann.chat_id, live.message_id)
        routine = limber.services.content.routine
        for cue in routine.exercise("pelvic_tilt").cues:
            assert cue in (more.text or "")
        assert more.labels == ["↩️ Back"]
        await ann.tap("Back")
        assert api.message(ann.chat_id, live.message_id).text == caption
        assert len(api.calls("editMessageMedia")) == 0, "More and Back edit the caption only"

        await ann.tap("Done")
        bridge = api.message(ann.chat_id, live.message_id)
        assert (bridge.text or "").startswith("Exercise 2 of 7 · Bridge")
        assert len(api.calls("editMessageMedia")) == 1
        assert api.last_message(ann.chat_id).message_id == live.message_id

        await ann.tap("Too painful")
        ease_off = api.message(ann.chat_id, live.message_id)
        assert "Stop this one" in (ease_off.text or "")
        assert ease_off.kind == "animation", "the ease-off screen is the animation's caption"
        await ann.tap("gentler option")
        assert "(gentler)" in ann.last_text
        for _ in range(5):
            await ann.tap("Done")
        assert api.last_message(ann.chat_id).message_id == live.message_id
        await ann.tap("Done")  # the last exercise: the question after
        assert "How sore is your back now?" in ann.last_text
        await ann.tap("2")
        summary = api.last_message(ann.chat_id)
        assert summary.kind == "text"
        assert summary.message_id != live.message_id, "the summary is a message of its own"
        assert "Exercises:" in (summary.text or "")
        assert api.message(ann.chat_id, live.message_id).buttons == []
        uploads = animation_uploads(api)
        assert len(uploads) == len(set(uploads)), "each file is uploaded once"
        assert media.rendered == [], "nothing rendered on a tap's path"
        assert not limber.errors, limber.errors

    api.reset_calls()
    async with running_limber(api, sqlite_url, media_library=media) as limber:
        ben = limber.user(BEN)  # a new process: the file_ids come from the database
        await to_first_exercise(ben)
        await ben.tap("Done")
        await ben.tap("Too painful")
        await ben.tap("gentler option")
        await ben.tap("Done")
        assert api.last_message(ben.chat_id).kind == "animation"
        assert animation_uploads(api) == [], "a second session uploads nothing"
        assert len(api.calls("sendAnimation")) == 1
        assert len(api.calls("editMessageMedia")) == 3  # bridge, its gentler option, knee to chest
        assert not limber.errors, limber.errors


async def test_guide_me_sends_the_voice_guide_for_todays_dose_once(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    media = library(tmp_path)
    async with running_limber(api, sqlite_url, media_library=media) as limber:
        ann = limber.user(ANN)
        await to_first_exercise(ann)
        live = api.last_message(ann.chat_id).message_id
        await ann.tap("Guide me")
        voice = api.last_message(ann.chat_id)
        assert voice.kind == "voice"
        [upload] = api.uploads("sendVoice")
        assert upload.filename.startswith("voice-pelvic_tilt-regular-both-10x5")
        assert upload.filename.endswith(".ogg")
        assert api.message(ann.chat_id, live).kind == "animation", "the session stays as it was"
        await ann.tap("Guide me", message_id=live)
        assert len(api.calls("sendVoice")) == 2
        assert len(api.uploads("sendVoice")) == 1, "the second time by file_id"
        await ann.tap("Done", message_id=live)
        await ann.tap("Too painful", message_id=live)
        await ann.tap("gentler option", message_id=live)
        await ann.tap("Guide me", message_id=live)
        gentler = api.uploads("sendVoice")[-1].filename
        assert gentler.startswith("voice-bridge-gentler-both-5x2"), gentler
        assert not limber.errors, limber.errors


async def test_a_missing_file_gives_the_text_screen_and_is_rendered_in_the_background(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    media = FakeMediaLibrary(tmp_path / "media", load_content())  # nothing rendered ahead
    async with running_limber(
        api, sqlite_url, media_library=media, media_render_at_start=False
    ) as limber:
        ann = limber.user(ANN)
        await to_first_exercise(ann)
        first = api.last_message(ann.chat_id)
        assert first.kind == "text"
        assert "Exercise 1 of 7 · Pelvic tilt" in (first.text or "")
        await limber.services.media.rendering_done()
        assert any(name.startswith("animation-pelvic_tilt") for name in media.rendered)
        await ann.tap("More")  # the same exercise again: its animation is there now
        assert api.last_message(ann.chat_id).kind == "animation"
        assert not limber.errors, limber.errors


class ShiftedClock:
    """The real time, moved on by `offset` seconds (to reach a hold without waiting for it)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> datetime:
        return utc_now() + timedelta(seconds=self.offset)


def first_hold(exercise_key: str) -> float:
    """When the first hold starts in the exercise's guide (after its measured spoken cues)."""
    exercise = load_content().routine.exercise(exercise_key)
    script = guide_script(load_voice(DEFAULT_CONTENT_DIR), exercise_key, "regular", exercise.dose)
    return next(cue.time for cue in script.cues if cue.kind is CueKind.HOLD)


async def test_the_set_timer_edits_the_caption_about_once_a_second(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    media = library(tmp_path)
    clock = ShiftedClock()
    async with running_limber(
        api, sqlite_url, media_library=media, start=True, clock=clock
    ) as limber:
        ann = limber.user(ANN)
        await to_first_exercise(ann)
        await ann.tap("Done")
        await ann.tap("Done")  # knee to chest: 30 s holds, the ⏱ button
        live = api.last_message(ann.chat_id).message_id
        api.reset_calls()
        await ann.tap("timer")
        await api.wait_for_call("editMessageCaption")
        clock.offset = first_hold("knee_to_chest") + 0.5  # a new line every second
        await asyncio.sleep(4)
        edits = [call for call in api.calls() if call.method.startswith("edit")]
        holds = [call for call in edits if "s left." in str(call.params.get("caption"))]
        span = holds[-1].at - holds[0].at
        assert len(holds) >= 3, len(holds)
        assert (len(holds) - 1) / span <= 1.1, "at most about one edit a second"
        assert all(call.ok for call in edits[1:]), "no tick edit that changes nothing"
        assert all(call.method == "editMessageCaption" for call in edits)
        text = api.message(ann.chat_id, live).text or ""
        assert "⏱ Rep 1 of 3 · left knee — hold the knee:" in text
        await ann.tap("Pause", message_id=live)  # works at any moment: the timer stops
        assert "Paused" in (api.message(ann.chat_id, live).text or "")
        count = len(api.calls())
        await asyncio.sleep(1.5)
        assert len(api.calls()) == count, "no tick after Pause"
        assert not limber.errors, limber.errors


async def test_a_real_clip_is_rendered_and_sent_as_an_mp4(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    content = load_content()
    real = MediaLibrary(tmp_path / "media", content)
    real.animation("pelvic_tilt", "regular", None)  # one real clip, rendered ahead
    real.still("pelvic_tilt", "regular", None)
    async with running_limber(
        api, sqlite_url, media_library=real, media_render_at_start=False
    ) as limber:
        ann = limber.user(ANN)
        await to_first_exercise(ann)
        [upload] = api.uploads("sendAnimation")
        assert upload.content[4:8] == b"ftyp", "an MP4"
        assert upload.filename == real.animation_path("pelvic_tilt", "regular", None).name
        assert not limber.errors, limber.errors
