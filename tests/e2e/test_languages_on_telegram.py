"""Limber in the person's language on Telegram: the screens of a whole routine, the command
menu, and English where Limber has no catalogue for someone's language."""

from __future__ import annotations

from bot.routine.content import load_content
from bot.routine.languages import shipped_languages
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.updates import FakeUser

LANGUAGES = shipped_languages(load_content())
assert LANGUAGES is not None


async def test_a_russian_speaker_gets_a_whole_chair_routine_in_russian(
    api: FakeBotApi, sqlite_url: str
) -> None:
    content = LANGUAGES.content("ru")
    texts, buttons = content.texts, content.texts.buttons
    chair = content.tracks["chair"]
    async with running_limber(api, sqlite_url) as limber:
        ivan = limber.user(FakeUser(6201, "Иван", language_code="ru"))
        await ivan.send("/start")
        assert texts.onboarding.scope in ivan.last_text
        await ivan.tap(buttons.consent)
        await ivan.tap(buttons.flags_none)  # the emergency signs
        await ivan.tap(buttons.flags_none)  # the see-a-doctor signs
        assert texts.tracks.floor_question in ivan.last_text
        await ivan.tap(texts.tracks.floor_no)
        assert texts.tracks.today.format(name=chair.name) in ivan.last_text
        await ivan.tap("4")
        for number, exercise in enumerate(chair.exercises, start=1):
            heading = texts.session.exercise_heading.format(
                number=number, total=len(chair.exercises), title=exercise.title
            )
            assert heading in ivan.last_text
            await ivan.tap(buttons.done)
        assert texts.session.soreness_after in ivan.last_text
        await ivan.tap("2")
        assert texts.summary.completed in ivan.last_text
        await ivan.send("/progress")
        assert texts.progress.heading in api.visible_text(ivan.chat_id)
        assert not limber.errors, limber.errors
    for line in (texts.onboarding.scope, texts.session.soreness_after, texts.summary.completed):
        assert line not in load_content().texts.model_dump_json(), "the Russian is not English"


async def test_the_command_menu_in_every_language_and_english_for_the_rest(
    api: FakeBotApi, sqlite_url: str
) -> None:
    english = load_content().texts
    async with running_limber(api, sqlite_url) as limber:
        for code, language in (("uk", "uk"), ("pt", "pt_BR"), ("fa", "fa"), ("es", "es")):
            menu = {c["command"]: c["description"] for c in api.commands(language_code=code)}
            assert menu["session"] == LANGUAGES.content(language).texts.commands.session
        default = {c["command"]: c["description"] for c in api.commands()}
        assert default["session"] == english.commands.session

        hans = limber.user(FakeUser(6202, "Hans", language_code="de"))  # no German catalogue
        await hans.send("/start")
        assert english.onboarding.scope in hans.last_text
        ana = limber.user(FakeUser(6203, "Ana", language_code="pt-br"))
        await ana.send("/help")
        assert ana.last_text == LANGUAGES.content("pt_BR").texts.help
        assert not limber.errors, limber.errors


async def test_a_warning_sign_typed_in_russian_gets_the_advice_in_russian(
    api: FakeBotApi, sqlite_url: str
) -> None:
    """Russian is read with its own word files: a warning sign typed in Russian gets the
    emergency advice in Russian; a message in a language Limber does not read gets every warning
    sign, in the person's own language, and "don't wait"."""
    texts = LANGUAGES.content("ru").texts
    async with running_limber(api, sqlite_url) as limber:
        olga = limber.user(FakeUser(6204, "Ольга", language_code="ru"))
        await olga.send("/start")
        await olga.tap(texts.buttons.consent)
        await olga.tap(texts.buttons.flags_none)
        await olga.tap(texts.buttons.flags_none)
        await olga.send("у меня онемела промежность и не могу пописать")
        assert " ".join(texts.safety.text_urgent.split()) in " ".join(olga.last_text.split())
        vera = limber.user(FakeUser(6205, "Вера", language_code="ru"))
        await vera.send("/start")
        await vera.tap(texts.buttons.consent)
        await vera.tap(texts.buttons.flags_none)
        await vera.tap(texts.buttons.flags_none)
        await vera.send("Mein Hintern ist ganz taub und ich kann seit gestern nicht pinkeln")
        assert vera.last_text.startswith(texts.safety.not_english)
        for item in texts.onboarding.checklist:
            assert item.text in vera.last_text
        assert not limber.errors, limber.errors
