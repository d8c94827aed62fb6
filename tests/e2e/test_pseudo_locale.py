"""The pseudo-locale (Android's en-XA) through the whole product on Telegram: every sentence a
person sees comes from the catalogue. Each one is accented, bracketed and about 40 % longer, so a
sentence left in English is hard-coded (it fails here), and a screen or button that no longer fits
Telegram's limits fails in the fake Bot API."""

from __future__ import annotations

import re
from typing import Any

from bot.routine.content import load_content
from bot.routine.languages import load_languages
from bot.routine.local_time import zone_city
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.updates import FakeUser

PSEUDO = load_languages(load_content(), pseudo=True)
XA = PSEUDO.content("en_XA")
BRACKETED = re.compile(r"\[[^\[\]]*\]")
# What may stand outside the catalogue's brackets besides numbers, times, emoji and marks:
# commands, URLs, the brand.
KEPT = re.compile(r"/[a-z_]+|https?://\S+|\bLimber\b")
SHOWN = {
    "sendMessage": ("text",),
    "editMessageText": ("text",),
    "sendAnimation": ("caption",),
    "editMessageCaption": ("caption",),
    "sendPhoto": ("caption",),
    "sendDocument": ("caption",),
    "sendVoice": ("caption",),
    "answerCallbackQuery": ("text",),
}


def _labels(markup: Any) -> list[str]:
    if not isinstance(markup, dict):
        return []
    rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
    return [
        button["text"] if isinstance(button, dict) else button for row in rows for button in row
    ]


def _left_in_english(text: str, places: set[str]) -> list[str]:
    """The English words of *text* outside the catalogue's brackets (brand, commands, URLs and
    place names aside)."""
    outside = BRACKETED.sub(" ", text)
    for place in places:
        outside = outside.replace(place, " ")
    outside = KEPT.sub(" ", outside)
    return re.findall(r"[A-Za-z]{3,}", outside)


async def test_every_sentence_of_a_whole_journey_comes_from_the_catalogue(
    api: FakeBotApi, sqlite_url: str
) -> None:
    texts, buttons = XA.texts, XA.texts.buttons
    floor = XA.tracks["floor"]
    # Names that are never translated: places (CLDR's) and each language's own name (/language).
    places = {zone_city(zone, "en") for zone in XA.texts.reminders.zone_choices}
    places |= {line.name for line in PSEUDO.table.languages}
    async with running_limber(api, sqlite_url, languages=PSEUDO) as limber:
        xa = limber.user(FakeUser(6401, "Pseudo", language_code="en-XA"))
        await xa.send("/start")
        await xa.tap(buttons.consent)
        await xa.tap(buttons.flags_none)
        await xa.tap(buttons.flags_none)
        assert texts.tracks.floor_question in xa.last_text
        await xa.tap("4")
        for number, _exercise in enumerate(floor.exercises, start=1):
            if number == 2:
                await xa.tap(buttons.too_painful)
                await xa.tap(buttons.gentler)
            if number == 3:
                await xa.tap(XA.texts.media.more)
                await xa.tap(XA.texts.media.back)
            if number == 4:
                await xa.send("done")  # typed: read in English too
                continue
            await xa.tap(buttons.done)
        await xa.tap("2")
        assert texts.summary.completed in xa.visible_text
        await xa.send("/progress")
        await xa.send("/reminders")
        await xa.tap(texts.reminders.other_time)
        await xa.send("07:30")
        await xa.send("Berlin")
        await xa.send("/routine")
        await xa.send("/language")
        await xa.send("/help")
        await xa.send("/privacy")
        await xa.send("/export")
        await xa.send("hello")
        await xa.send("/nonsense")
        await xa.send_sticker()
        await xa.send("/delete")
        await xa.tap(XA.texts.privacy_texts.delete_yes)
        assert not limber.errors, limber.errors

    seen: list[str] = []
    for call in api.calls():
        fields = SHOWN.get(call.method, ())
        seen.extend(str(call.params[name]) for name in fields if call.params.get(name))
        seen.extend(_labels(call.params.get("reply_markup")))
    assert len(seen) > 60
    hard_coded = {text: left for text in seen if (left := _left_in_english(text, places))}
    assert not hard_coded, hard_coded
