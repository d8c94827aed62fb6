"""Media that cannot break a session (issue 15): refused file_ids heal on the same tap, a refused
edit goes out as a new message, a voice not rendered yet arrives after "recording voice", and a
read-only media folder gives the friendly "not available right now"."""

from __future__ import annotations

import errno
from pathlib import Path

from bot.media.files import produce
from bot.routine.content import load_content
from tests.e2e.test_media_on_telegram import ANN, BEN, library, to_first_exercise
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.media import FakeMediaLibrary
from tests.support.updates import FakeUser

NO_VOICE = "The voice guide isn't available right now."
SESSION_BUTTONS = {"📖 More", "🔊 Guide me", "✅ Done", "⏸ Pause"}


async def test_a_refused_file_id_heals_on_the_same_tap(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    media = library(tmp_path)
    async with running_limber(api, sqlite_url, media_library=media) as limber:
        ann, ben = limber.user(ANN), limber.user(BEN)
        await to_first_exercise(ann)
        await ann.tap("Guide me")
        await ann.tap("Done")  # bridge: uploaded once, by editMessageMedia
        await to_first_exercise(ben)  # pelvic tilt by the file_id Ann's upload gave
        assert len(api.uploads("sendAnimation")) == 1
        refused = api.refuse_file_ids()  # another bot's ids, or deleted files
        assert refused

        carl = limber.user(FakeUser(6003, "Carl"))
        await to_first_exercise(carl)
        screen = api.last_message(carl.chat_id)
        assert screen.kind == "animation", "uploaded again on the same tap"
        assert set(screen.labels) >= SESSION_BUTTONS
        assert len(api.uploads("sendAnimation")) == 2

        await ben.tap("Done")  # bridge by its refused id: edited in with a new upload
        live = api.last_message(ben.chat_id)
        assert live.kind == "animation"
        assert (live.text or "").startswith("Exercise 2 of 7")
        assert set(live.labels) >= SESSION_BUTTONS

        await ben.tap("Guide me")
        assert api.last_message(ben.chat_id).kind == "voice"
        assert len(api.uploads("sendVoice")) == 2

        await to_first_exercise(limber.user(FakeUser(6004, "Dee")))
        assert len(api.uploads("sendAnimation")) == 2, "the new id is used from then on"
        assert not limber.errors, limber.errors

    async with running_limber(api, sqlite_url, media_library=media) as limber:
        await to_first_exercise(limber.user(FakeUser(6005, "Eve")))
        assert api.last_message(6005).kind == "animation"
        assert len(api.uploads("sendAnimation")) == 2, "the healed id was stored, the old dropped"
        assert not limber.errors, limber.errors


async def test_an_edit_telegram_refuses_goes_out_as_a_new_message(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    media = library(tmp_path)
    async with running_limber(api, sqlite_url, media_library=media) as limber:
        ann = limber.user(ANN)
        await to_first_exercise(ann)
        first = api.last_message(ann.chat_id).message_id
        api.fail_next("editMessageMedia", 400, description="Bad Request: can't parse InputMedia")
        await ann.tap("Done")
        live = api.last_message(ann.chat_id)
        assert live.message_id != first
        assert live.kind == "animation"
        assert (live.text or "").startswith("Exercise 2 of 7")
        assert set(live.labels) >= SESSION_BUTTONS
        assert not limber.errors, limber.errors


def voiceless(tmp_path: Path) -> FakeMediaLibrary:
    """Pictures rendered ahead, no voice guide yet."""
    fake = FakeMediaLibrary(tmp_path / "media", load_content())
    for key, variant, side in fake.pictures():
        fake.animation(key, variant, side)
        fake.still(key, variant, side)
    fake.rendered.clear()
    return fake


async def test_a_voice_not_rendered_yet_comes_after_recording_voice(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    media = voiceless(tmp_path)
    async with running_limber(
        api, sqlite_url, media_library=media, media_render_at_start=False, start=True
    ) as limber:
        ann = limber.user(ANN)
        await to_first_exercise(ann)
        await ann.tap("Guide me")
        await api.wait_for_call("sendVoice")
        actions = [call.params.get("action") for call in api.calls("sendChatAction")]
        assert "record_voice" in actions
        assert api.last_message(ann.chat_id).kind == "voice"
        assert [name for name in media.rendered if name.startswith("voice-")] != []
        assert not limber.errors, limber.errors


class ReadOnlyMedia(FakeMediaLibrary):
    """A media folder on a read-only file system: what is there can be read, nothing written."""

    def _write(self, path: Path) -> Path:
        def make(_temporary: Path) -> None:
            raise OSError(errno.EROFS, "Read-only file system")

        return produce(path, make, check=self.good)


async def test_a_read_only_media_folder_gives_the_friendly_answer(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    media = ReadOnlyMedia(tmp_path / "media", load_content())
    async with running_limber(api, sqlite_url, media_library=media, start=True) as limber:
        ann = limber.user(ANN)
        await to_first_exercise(ann)
        screen = api.last_message(ann.chat_id)
        assert screen.kind == "text", "no picture: the text screen"
        assert set(screen.labels) >= SESSION_BUTTONS
        await ann.tap("Guide me")
        await api.wait_for_text(ann.chat_id, NO_VOICE)
        await limber.services.media.rendering_done()
        assert not limber.errors, limber.errors
        assert "something went wrong" not in api.visible_text(ann.chat_id).lower()
