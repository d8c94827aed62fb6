"""The Russian catalogue is complete: every sentence of the texts, the floor routine and its voice
guide comes back in Russian, validates, and a few key sentences read as written
(docs/translations/ru.md: the glossary and the back-translation)."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from babel.messages.catalog import Catalog

from bot.routine.catalogue import content_documents, load_catalogue, localise, sentences
from bot.routine.content import Routine, Texts, load_emergency_numbers

FLOOR = "routines/floor/routine"
DOCUMENTS = ("texts", FLOOR, "routines/floor/voice", "voice", "poses")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
PHONE_WIDTH = 32  # a phone shows about 30 characters of a button


def tree_of(document: str) -> Any:
    return yaml.safe_load(content_documents()[document].read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def russian() -> Catalog:
    catalog = load_catalogue("ru")
    assert catalog is not None
    return catalog


@pytest.fixture(scope="module")
def texts(russian: Catalog) -> Texts:
    return Texts.model_validate(
        localise(tree_of("texts"), russian).tree,
        context={"language": "ru", "emergency": load_emergency_numbers().say("ru")},
    )


@pytest.fixture(scope="module")
def routine(russian: Catalog) -> Routine:
    return Routine.model_validate(localise(tree_of(FLOOR), russian, FLOOR).tree)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_sentence_is_translated_and_none_is_fuzzy(russian: Catalog, document: str) -> None:
    result = localise(tree_of(document), russian, document)
    assert result.untranslated == ()
    assert result.fuzzy == ()
    still_english = [
        s.context
        for s in sentences(result.tree, document)
        for form in ((s.english,) if isinstance(s.english, str) else s.english)
        if not CYRILLIC.search(form)
    ]
    assert still_english == []


def test_key_sentences_read_in_russian(texts: Texts, routine: Routine) -> None:
    assert texts.buttons.done == "✅ Готово"
    assert texts.buttons.too_painful == "😣 Слишком больно"
    assert [texts.progress.days.of(n) for n in (1, 3, 11, 22, 25)] == [
        "1 день",
        "3 дня",
        "11 дней",
        "22 дня",
        "25 дней",
    ]
    assert texts.safety.hours.of(6) == "6 часов"
    signs = ", ".join(routine.stop_if)
    assert texts.session.stop_if.format(signs=signs) == (
        "Если чувствуете резкую или простреливающую боль, отдающую в ногу боль, покалывание "
        "(«мурашки»), или боль сильнее 5 из 10, остановитесь и нажмите 😣 Слишком больно."
    )
    assert "не через боль" in routine.safety_lines[1]
    # The emergency line stays direct, with the numbers as the English gives them.
    assert texts.safety.safety_net.startswith("🚨 Если появится онемение в промежности")
    assert "сразу звоните" in texts.safety.safety_net
    assert "(103 или 112)" in texts.safety.safety_net  # the numbers called in Russia


def test_every_button_fits_a_phone(texts: Texts) -> None:
    labels = {
        **texts.buttons.model_dump(),
        "floor_not_today": texts.tracks.floor_not_today,
        "floor_no": texts.tracks.floor_no,
        "no_floor_today": texts.tracks.no_floor_today,
        "delete_yes": texts.privacy_texts.delete_yes,
        "open_private": texts.private_chat.open_private,
    }
    too_long = {key: label for key, label in labels.items() if len(label) > PHONE_WIDTH}
    assert too_long == {}
