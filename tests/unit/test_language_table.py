"""content/languages.yaml: a language is a catalogue and one line of configuration."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.routine.catalogue import languages
from bot.routine.content import load_content
from bot.routine.languages import (
    LanguageTable,
    load_language_table,
    shipped_languages,
)


def test_every_catalogue_has_its_line() -> None:
    listed = {language.code for language in load_language_table().languages}
    assert set(languages()) <= listed


def test_spoken_languages_are_listed_english_first_by_their_own_names() -> None:
    shipped = shipped_languages(load_content())
    assert shipped is not None
    names = [language.name for language in shipped.spoken()]
    assert names[0] == "English"
    own_names = {"Русский", "Українська", "Español", "Português (Brasil)", "فارسی"}
    assert own_names | {"Bahasa Indonesia"} <= set(names)


def test_an_unlisted_code_falls_back_to_english() -> None:
    table = LanguageTable.model_validate(
        {"languages": [{"code": "en", "name": "English", "voice": "en-gb", "direction": "ltr"}]}
    )
    assert table.get("ru").code == "en"


@pytest.mark.parametrize(
    "languages_",
    [
        [{"code": "ru", "name": "Русский", "voice": "ru", "direction": "ltr"}],
        [
            {"code": "en", "name": "English", "voice": "en-gb", "direction": "ltr"},
            {"code": "en", "name": "English", "voice": "en-gb", "direction": "ltr"},
        ],
        [{"code": "en", "name": "English", "voice": "en-gb", "direction": "up"}],
    ],
)
def test_a_bad_table_is_refused(languages_: list[dict[str, str]]) -> None:
    with pytest.raises(ValidationError):
        LanguageTable.model_validate({"languages": languages_})
