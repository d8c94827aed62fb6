"""A whole journey on Telegram in every language, and in the pseudo-locale (Android's en-XA).

From /start through a routine (with the gentler option and 📖 More), /progress, /reminders with
a time and a city typed in the language, /routine, /language, /help, /privacy, /export, small talk,
an unknown command and a sticker, to /delete — every text and button Limber sends is checked:

- en-XA: every sentence is accented, bracketed and about 40 % longer, so a sentence left in
  English is hard-coded (it fails here), and a screen or button that no longer fits Telegram's
  limits fails in the fake Bot API;
- each language: no English sentence of the catalogue appears (an untranslated or hard-coded
  one), and in a language not written in Latin letters no English word either.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from babel.messages.pofile import read_po

from bot.routine.catalogue import DEFAULT_LOCALE_DIR, TEMPLATE_FILE
from bot.routine.content import load_content
from bot.routine.languages import load_languages
from bot.routine.local_time import zone_city
from bot.routine.locale_format import digits
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.updates import FakeUser

LANGUAGES = load_languages(load_content(), pseudo=True)
BRACKETED = re.compile(r"\[[^\[\]]*\]")
# Besides numbers, times, emoji and marks, what may stand in any language: commands, URLs, the
# brand; and the names that are never translated (places by CLDR, each language's own name).
KEPT = re.compile(r"/[a-z_]+|https?://\S+|\b(?:Limber|Telegram|JSON|CSV|HIV)\b")
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
# A reminder time as people write it in each language (content/clock.<lang>.yaml reads it).
TYPED_TIME = {
    "en_XA": "7:30",
    "ru": "в 7:30",
    "uk": "о 7:30",
    "es": "a las 7:30",
    "pt_BR": "às 7h30",
    "fa": "ساعت ۷:۳۰",
    "id": "jam 7.30",
}
NON_LATIN = {"ru", "uk", "fa"}
_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u2066\u2067\u2068\u2069"))


def _labels(markup: Any) -> list[str]:
    if not isinstance(markup, dict):
        return []
    rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
    return [
        button["text"] if isinstance(button, dict) else button for row in rows for button in row
    ]


def _english_sentences() -> list[str]:
    """The catalogue's English sentences long enough to be recognised inside a message."""
    with (DEFAULT_LOCALE_DIR / TEMPLATE_FILE).open("rb") as file:
        template = read_po(file)
    sentences = []
    for message in template:
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        for text in ids:
            plain = re.sub(r"\{[a-z_]+\}", "\x00", str(text))
            sentences.extend(part for part in plain.split("\x00") if len(part.strip()) >= 16)
    return sentences


ENGLISH = _english_sentences()


def _english_in(text: str, language: str, kept: set[str]) -> list[str]:
    """What of *text* is English: outside the pseudo-locale's brackets, any English word; in a
    language, an English sentence of the catalogue (and, in another script, any English word)."""
    text = text.translate(_MARKS)
    if language == "en_XA":
        outside = BRACKETED.sub(" ", text)
    else:
        found = [sentence for sentence in ENGLISH if sentence in text]
        if found or language not in NON_LATIN:
            return found
        outside = text
    for name in kept:
        outside = outside.replace(name, " ")
    return re.findall(r"[A-Za-z]{3,}", KEPT.sub(" ", outside))


@pytest.mark.parametrize("language", ["en_XA", "ru", "uk", "es", "pt_BR", "fa", "id"])
async def test_a_whole_journey_shows_no_english(
    api: FakeBotApi, sqlite_url: str, language: str
) -> None:
    content = LANGUAGES.content(language)
    texts, buttons = content.texts, content.texts.buttons
    floor = content.tracks["floor"]
    zones = texts.reminders.zone_choices
    kept = {zone_city(zone, "en") for zone in zones} | {zone_city(z, language) for z in zones}
    kept |= {line.name for line in LANGUAGES.table.languages}
    async with running_limber(api, sqlite_url, languages=LANGUAGES) as limber:
        person = limber.user(FakeUser(6401, "Pat", language_code=language.replace("_", "-")))
        await person.send("/start")
        await person.tap(buttons.consent)
        await person.tap(buttons.flags_none)
        await person.tap(buttons.flags_none)
        assert texts.tracks.floor_question in person.last_text.translate(_MARKS)
        await person.tap(digits("4", language))  # Persian: ۴
        for number, _exercise in enumerate(floor.exercises, start=1):
            if number == 2:
                await person.tap(buttons.too_painful)
                await person.tap(buttons.gentler)
            if number == 3:
                await person.tap(content.texts.media.more)
                await person.tap(content.texts.media.back)
            await person.tap(buttons.done)
        await person.tap(digits("2", language))
        assert texts.summary.completed in person.visible_text.translate(_MARKS)
        await person.send("/progress")
        await person.send("/reminders")
        await person.tap(texts.reminders.other_time)
        await person.send(TYPED_TIME[language])
        await person.send(zone_city(zones[0], language))  # a city, as the language names it
        assert digits("07:30", language) in person.last_text
        await person.send("/routine")
        await person.send("/language")
        await person.send("/help")
        await person.send("/privacy")
        await person.send("/export")
        await person.send("👍")
        await person.send("/nonsense")
        await person.send_sticker()
        await person.send("/delete")
        await person.tap(texts.privacy_texts.delete_yes)
        assert not limber.errors, limber.errors

    seen: list[str] = []
    for call in api.calls():
        fields = SHOWN.get(call.method, ())
        seen.extend(str(call.params[name]) for name in fields if call.params.get(name))
        seen.extend(_labels(call.params.get("reply_markup")))
    assert len(seen) > 60
    english = {text: left for text in seen if (left := _english_in(text, language, kept))}
    assert not english, english
