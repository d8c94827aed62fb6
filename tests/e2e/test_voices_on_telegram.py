"""🔊 Guide me in the person's language, on Telegram: a Russian speaker gets the Russian guide (its
own file and file_id), an English speaker the English one for the same dose, and a person whose
Telegram changes language gets the guide in the new one with nothing else changed. The set timer
reads the same language's script."""

from __future__ import annotations

import math
from pathlib import Path

from bot.media.library import reachable_doses
from bot.media.voice import guide_script
from bot.media.voice_languages import load_voices
from bot.routine.content import load_content
from bot.routine.languages import shipped_languages
from bot.routine.set_script import CueKind, MomentKind, SetMoment, VoiceContent
from bot.use_cases.dependencies import Dependencies, speaking
from bot.use_cases.media_delivery import MediaDelivery, set_length, set_moment
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.media import FakeMediaLibrary
from tests.support.updates import ChatUser, FakeUser

LANGUAGES = shipped_languages(load_content())
assert LANGUAGES is not None
VOICES = load_voices()


def rendered_ahead(tmp_path: Path) -> FakeMediaLibrary:
    """The pictures and the English guides, as the warm-up leaves them; no other language's."""
    fake = FakeMediaLibrary(tmp_path / "media", load_content())
    for key, variant, side in fake.pictures():
        fake.animation(key, variant, side)
        fake.still(key, variant, side)
    for exercise in fake.content.tracks.exercises():
        for variant, dose in reachable_doses(exercise):
            fake.voice_guide_sync(exercise.key, variant, None, dose)
    fake.rendered.clear()
    return fake


async def to_first_exercise(user: ChatUser, language: str) -> None:
    buttons = LANGUAGES.content(language).texts.buttons  # type: ignore[union-attr]
    await user.send("/start")
    await user.tap(buttons.consent)
    await user.tap(buttons.flags_none)  # the emergency signs
    await user.tap(buttons.flags_none)  # the see-a-doctor signs
    await user.tap("4")


async def test_each_person_gets_the_guide_in_their_language(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    media = rendered_ahead(tmp_path)
    async with running_limber(api, sqlite_url, media_library=media) as limber:
        ivan = limber.user(FakeUser(6301, "Иван", language_code="ru"))
        ann = limber.user(FakeUser(6302, "Ann", language_code="en"))
        await to_first_exercise(ivan, "ru")
        await to_first_exercise(ann, "en")
        live = api.last_message(ivan.chat_id).message_id
        await ivan.tap("🔊")
        await limber.services.media.rendering_done()
        assert media.rendered == [api.uploads("sendVoice")[0].filename], "rendered when asked"
        await ann.tap("🔊")
        russian, english = (upload.filename for upload in api.uploads("sendVoice"))
        assert russian.startswith("voice-pelvic_tilt-regular-both-10x5-ru-"), russian
        assert english.startswith("voice-pelvic_tilt-regular-both-10x5-en-"), english
        assert api.last_message(ivan.chat_id).kind == "voice"

        # Telegram now says English for Ivan (as /language will): the same tap, the same
        # session step, the English guide (by its file_id: uploaded once, for Ann).
        ivan_in_english = limber.user(FakeUser(6301, "Иван", language_code="en"))
        await ivan_in_english.tap("🔊", message_id=live)
        assert len(api.calls("sendVoice")) == 3
        assert len(api.uploads("sendVoice")) == 2, "English by file_id"
        await ivan.tap("🔊", message_id=live)  # and back: the Russian file_id
        assert len(api.uploads("sendVoice")) == 2
        assert not limber.errors, limber.errors


async def test_the_warm_up_renders_the_english_guides_only(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    """Six more languages would be six times the voices' work at every start, most of it never
    heard: another language's guide is rendered when someone first asks for it."""
    media = FakeMediaLibrary(tmp_path / "media", load_content())
    async with running_limber(
        api, sqlite_url, media_library=media, media_render_at_start=True
    ) as limber:
        await limber.services.media.rendering_done()
    voices = [name for name in media.rendered if name.startswith("voice-")]
    doses = [dose for e in media.content.tracks.exercises() for dose in reachable_doses(e)]
    assert len(voices) == len(doses)
    assert all("-en-" in name for name in voices), voices


def test_the_set_timer_reads_the_script_of_the_language() -> None:
    """The ⏱ timer's line names the move and the hold in the update's language, and counts the
    set that language's guide speaks (its slots are its own phrases')."""
    content = load_content()
    deps = Dependencies(content, unit_of_work=None, languages=LANGUAGES)  # type: ignore[arg-type]
    media = MediaDelivery(deps, VOICES.english, None)
    exercise = content.tracks.exercise("knee_to_chest")

    def in_first_hold(voice: VoiceContent) -> SetMoment:
        script = guide_script(voice, exercise.key, "regular", exercise.dose)
        hold = next(cue.time for cue in script.cues if cue.kind is CueKind.HOLD)
        assert set_length(voice, exercise, False, exercise.dose) == math.ceil(script.length)
        return set_moment(voice, exercise, False, exercise.dose, hold + 1)

    with speaking("ru"):
        assert media.voice == VOICES.of("ru")
        russian = in_first_hold(media.voice)
    english = in_first_hold(media.voice)
    assert russian.kind is english.kind is MomentKind.HOLD
    assert russian.label == VOICES.of("ru").of("knee_to_chest", "regular").moves[0].hold_name
    assert russian.label != english.label
    with speaking("de"):
        assert media.voice == VOICES.english, "a language with no catalogue: English"
