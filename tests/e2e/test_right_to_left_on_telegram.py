"""Persian on Telegram reads right to left: every message, caption and button a Persian speaker
is sent through a whole routine, checked with the Unicode bidi rules; English is untouched.

Two checks per paragraph: its first strong character (UAX #9 P2, `unicodedata.bidirectional`) is
right to left, so Telegram lays it out right to left; and laid out by an independent
implementation of the bidi algorithm (python-bidi, the Rust unicode-bidi crate), every Latin word
in it — "/session", "Asia/Tehran", "Ctrl-C" — reads as written, not "session/".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from bidi import get_display

from bot.routine.bidi import LRI, LRM, PDI, RLM, first_strong, paragraphs
from bot.routine.content import load_content
from bot.routine.languages import shipped_languages
from bot.routine.locale_format import digits
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.updates import ChatUser, FakeUser

LANGUAGES = shipped_languages(load_content())
assert LANGUAGES is not None
CONTROLS = str.maketrans("", "", RLM + LRM + LRI + PDI)
LATIN_WORD = re.compile(r"/?[A-Za-z][A-Za-z0-9]*(?:[/\-_][A-Za-z0-9]+)*")
PERSIAN_THEN_LATIN_COMMA = re.compile(r"[\u0600-\u06ff\u200c], ")
SENT = ("sendMessage", "editMessageText", "sendAnimation", "editMessageCaption", "editMessageMedia")


def shown(api: FakeBotApi) -> Iterator[str]:
    """Every text, caption and inline button label the bot sent or edited in, in order."""
    for method in SENT:
        for call in api.calls(method):
            params: dict[str, Any] = call.params
            media = params.get("media")
            for text in (params.get("text"), params.get("caption")):
                if isinstance(text, str):
                    yield text
            if isinstance(media, dict) and isinstance(media.get("caption"), str):
                yield media["caption"]
            markup = params.get("reply_markup")
            if isinstance(markup, dict):
                for row in markup.get("inline_keyboard", []):
                    yield from (button["text"] for button in row)


async def a_whole_routine(user: ChatUser, code: str) -> None:
    """/start to the summary on the floor track, with the screens around it."""
    texts = LANGUAGES.content(code).texts
    buttons = texts.buttons
    await user.send("/start")
    await user.tap(buttons.consent)
    await user.tap(buttons.flags_none)
    await user.tap(buttons.flags_none)
    await user.tap(digits("4", code))  # ۴ in Persian
    floor = LANGUAGES.content(code).tracks["floor"]
    for number, _ in enumerate(floor.exercises, start=1):
        if number == 2:
            await user.tap(buttons.pause)
            await user.send("/session")
            await user.tap(buttons.resume)
        await user.tap(buttons.done)
    await user.tap(digits("2", code))
    for command in ("/progress", "/help", "/privacy", "/reminders", "/routine", "/session"):
        await user.send(command)
    await user.send("/nonsense")


async def test_every_persian_paragraph_starts_right_to_left_and_latin_words_read_as_written(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        await a_whole_routine(limber.user(FakeUser(6301, "Sara", language_code="fa")), "fa")
        assert not limber.errors, limber.errors
    sent = list(shown(api))
    checked = latin_words = 0
    for text in sent:
        for paragraph in paragraphs(text):
            kinds = {unicodedata.bidirectional(ch) for ch in paragraph}
            if not kinds & {"L", "R", "AL"} and not paragraph.strip(RLM):
                continue  # an empty line
            if not kinds & {"R", "AL"}:
                # No Persian letter: a score button ("4"), or Latin only (none are sent yet).
                assert "L" not in kinds, f"a paragraph in Latin letters only: {paragraph!r}"
                continue
            checked += 1
            assert first_strong(paragraph) in ("R", "AL"), paragraph
            visual = get_display(paragraph).translate(CONTROLS)
            for word in LATIN_WORD.findall(paragraph.translate(CONTROLS)):
                latin_words += 1
                assert word in visual, f"{word!r} is not read as written in {paragraph!r}"
    assert checked >= 150
    assert latin_words >= 10  # /session, /help, NHS, Limber, CSV, JSON, Asia/Tehran, ...
    assert any(text.startswith(RLM) for text in sent)  # e.g. "/session — ..." in /help
    # Persian's comma between Persian words, lists joined by Limber included (the stop signs).
    latin_commas = [text for text in sent if PERSIAN_THEN_LATIN_COMMA.search(text)]
    assert not latin_commas, latin_commas[:3]
    # Persian's own digits, in the numbers Limber fills in ("12 minutes") and its own ("0–10").
    latin_digits = [text for text in sent if re.search(r"[0-9]", text)]
    assert not latin_digits, latin_digits[:3]


async def test_english_messages_are_sent_as_their_views_say(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        await a_whole_routine(limber.user(FakeUser(6302, "Sam", language_code="en")), "en")
        assert not limber.errors, limber.errors
    sent = list(shown(api))

    assert len(sent) >= 100
    assert not [text for text in sent if text != text.translate(CONTROLS)]
