"""The Ukrainian catalogue (locale/uk): every sentence translated, nothing fuzzy, and the texts
and the floor routine still valid once localised (docs/translations/uk.md: the glossary and the
back-translation)."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from babel.messages.catalog import Catalog

from bot.routine.catalogue import content_documents, load_catalogue, localise
from bot.routine.content import Routine, Texts, load_emergency_numbers

FLOOR = "routines/floor/routine"
# Letters Ukrainian never writes: a sentence with one of them is Russian (or a typo).
NOT_UKRAINIAN = re.compile(r"[ЁёЫыЭэЪъ]")
BUTTON_WIDTH = 32  # a phone shows about 30 characters of a button


def tree_of(document: str) -> Any:
    return yaml.safe_load(content_documents()[document].read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ukrainian() -> Catalog:
    catalog = load_catalogue("uk")
    assert catalog is not None
    return catalog


@pytest.fixture(scope="module")
def texts(ukrainian: Catalog) -> Texts:
    result = localise(tree_of("texts"), ukrainian, "texts")
    assert result.untranslated == ()
    assert result.fuzzy == ()
    return Texts.model_validate(
        result.tree, context={"language": "uk", "emergency": load_emergency_numbers().say("uk")}
    )


@pytest.mark.parametrize("document", sorted(content_documents()))
def test_every_sentence_of_every_document_is_translated(ukrainian: Catalog, document: str) -> None:
    result = localise(tree_of(document), ukrainian, document)
    assert result.untranslated == ()
    assert result.fuzzy == ()


def test_no_message_uses_a_letter_ukrainian_does_not_have(ukrainian: Catalog) -> None:
    for message in ukrainian:
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for form in forms:
            assert isinstance(form, str), message.context
            assert not NOT_UKRAINIAN.search(form), message.context


def test_the_floor_routine_localises_into_a_valid_routine(ukrainian: Catalog) -> None:
    result = localise(tree_of(FLOOR), ukrainian, FLOOR)
    assert result.untranslated == ()
    routine = Routine.model_validate(result.tree, context={"language": "uk"})
    assert [exercise.title for exercise in routine.exercises][:2] == ["Нахил таза", "Місток"]
    assert routine.stop_if[-1] == "або біль понад 5 з 10"


def test_buttons_are_ukrainian_and_fit_a_phone(texts: Texts) -> None:
    assert texts.buttons.done == "✅ Готово"
    assert texts.buttons.too_painful == "😣 Надто боляче"
    assert texts.buttons.timer.format(seconds=30) == "⏱ Таймер на 30 с"
    for key, label in texts.buttons.model_dump().items():
        assert len(label) <= BUTTON_WIDTH, (key, label)


def test_plurals_take_the_three_ukrainian_forms(texts: Texts) -> None:
    assert [texts.progress.days.of(n) for n in (1, 2, 5, 11, 21, 22)] == [
        "1 день",
        "2 дні",
        "5 днів",
        "11 днів",
        "21 день",
        "22 дні",
    ]
    assert texts.progress.missed_days.of(3) == "3 пропущені дні"
    # "приблизно через {hours}" needs the accusative: через 1 годину, 6 годин.
    assert texts.safety.hours.of(1) == "1 годину"
    assert texts.safety.hours.of(6) == "6 годин"


def test_the_stop_line_and_the_emergency_line_are_ukrainian_and_direct(
    ukrainian: Catalog, texts: Texts
) -> None:
    routine = Routine.model_validate(localise(tree_of(FLOOR), ukrainian, FLOOR).tree)
    line = texts.media.stop_line.format(signs=", ".join(routine.stop_if))
    assert line.startswith("Зупиніться, якщо відчуваєте різкий або прострільний біль")
    assert line.endswith("— натисніть 😣 Надто боляче.")
    assert "негайно зателефонуйте" in texts.safety.safety_net
    assert "(103 або 112)" in texts.safety.safety_net  # the numbers called in Ukraine
