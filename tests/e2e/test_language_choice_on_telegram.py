"""The language Limber speaks, on Telegram: stored at first contact, changed with /language (the
chat's command menu follows), kept whatever Telegram's own setting; the profile per language."""

from __future__ import annotations

from bot.routine.content import load_content
from bot.routine.languages import shipped_languages
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.progress_helpers import sqlite_rows
from tests.support.updates import FakeUser

LANGUAGES = shipped_languages(load_content())
assert LANGUAGES is not None


async def test_language_switches_the_screens_and_the_chats_menu_and_is_kept(
    api: FakeBotApi, sqlite_url: str
) -> None:
    english = load_content().texts
    russian = LANGUAGES.content("ru").texts
    async with running_limber(api, sqlite_url) as limber:
        sam = limber.user(FakeUser(6301, "Sam", language_code="en"))
        await sam.send("/start")
        assert sqlite_rows(sqlite_url, "SELECT language FROM users WHERE id = 6301") == [("en",)]
        await sam.send("/language")
        assert sam.last_text == english.languages.choose
        assert "✓ English" in sam.labels
        for name in (
            "Русский",
            "Українська",
            "Español",
            "Português (Brasil)",
            "فارسی",
            "Bahasa Indonesia",
        ):
            assert name in sam.labels
        await sam.tap("Русский")
        assert russian.languages.chosen in api.visible_text(sam.chat_id)
        menu = api.commands(scope={"type": "chat", "chat_id": sam.chat_id})
        assert {c["command"]: c["description"] for c in menu}["session"] == (
            russian.commands.session
        )
        await sam.send("/help")
        assert sam.last_text == russian.help  # Telegram still says "en": the choice wins
        assert sqlite_rows(sqlite_url, "SELECT language FROM users WHERE id = 6301") == [("ru",)]
        await sam.send("/language")
        assert "✓ Русский" in sam.labels
        await sam.tap("English")
        await sam.send("/help")
        assert sam.last_text == english.help
        assert not limber.errors, limber.errors


async def test_first_contact_stores_telegrams_language_and_a_forged_choice_changes_nothing(
    api: FakeBotApi, sqlite_url: str
) -> None:
    ukrainian = LANGUAGES.content("uk").texts
    async with running_limber(api, sqlite_url) as limber:
        olena = limber.user(FakeUser(6302, "Олена", language_code="uk"))
        await olena.send("/start")
        assert sqlite_rows(sqlite_url, "SELECT language FROM users WHERE id = 6302") == [("uk",)]
        await olena.send("/language")
        await olena.tap_data("o1:lang:xx")  # a language Limber does not speak
        answer = api.last_call("answerCallbackQuery").params.get("text")
        assert answer == ukrainian.notices.unknown_button
        await olena.send("/help")
        assert olena.last_text == ukrainian.help
        assert sqlite_rows(sqlite_url, "SELECT language FROM users WHERE id = 6302") == [("uk",)]
        assert not limber.errors, limber.errors


async def test_each_session_remembers_the_language_it_started_in(
    api: FakeBotApi, sqlite_url: str
) -> None:
    portuguese = LANGUAGES.content("pt_BR").texts
    spanish = LANGUAGES.content("es").texts
    async with running_limber(api, sqlite_url) as limber:
        ana = limber.user(FakeUser(6303, "Ana", language_code="pt-br"))
        await ana.send("/start")
        await ana.tap(portuguese.buttons.consent)
        await ana.tap(portuguese.buttons.flags_none)
        await ana.tap(portuguese.buttons.flags_none)
        await ana.tap("3")
        await ana.send("/language")
        await ana.tap("Español")
        await ana.send("/session")  # the open session goes on, now in Spanish
        assert spanish.buttons.done in ana.labels
        assert sqlite_rows(sqlite_url, "SELECT language FROM sessions WHERE user_id = 6303") == [
            ("pt_BR",)
        ]
        assert not limber.errors, limber.errors


async def test_the_profile_in_every_language(api: FakeBotApi, sqlite_url: str) -> None:
    async with running_limber(api, sqlite_url):
        assert api.profile("description") == load_content().texts.about.description
        for code, language in (("ru", "ru"), ("pt", "pt_BR"), ("fa", "fa")):
            about = LANGUAGES.content(language).texts.about
            assert api.profile("description", code) == about.description
            assert api.profile("short_description", code) == about.short_description
