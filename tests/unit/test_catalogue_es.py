"""The Spanish catalogue (locale/es): complete, current, and valid once localised.

docs/translations/es.md holds the glossary and the back-translation of every clinical sentence.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from babel.messages.catalog import Catalog

from bot.routine.catalogue import content_documents, load_catalogue, localise
from bot.routine.content import Routine, Texts
from bot.routine.set_script import VoiceContent

FLOOR = "routines/floor/routine"
FLOOR_VOICE = "routines/floor/voice"


def tree_of(document: str) -> Any:
    return yaml.safe_load(content_documents()[document].read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def spanish() -> Catalog:
    catalog = load_catalogue("es")
    assert catalog is not None
    return catalog


def test_spanish_texts_and_floor_routine_are_complete_and_valid(spanish: Catalog) -> None:
    texts_result = localise(tree_of("texts"), spanish, "texts")
    routine_result = localise(tree_of(FLOOR), spanish, FLOOR)
    for result in (texts_result, routine_result):
        assert result.untranslated == ()
        assert result.fuzzy == ()

    texts = Texts.model_validate(texts_result.tree, context={"language": "es"})
    routine = Routine.model_validate(routine_result.tree)

    assert texts.buttons.done == "✅ Listo"
    assert texts.buttons.too_painful == "😣 Duele demasiado"
    assert texts.buttons.timer.format(seconds=30) == "⏱ Temporizador de 30 s"
    # Spanish has one, many (a million: "de") and other; a whole number takes one or other.
    assert [texts.progress.days.of(n) for n in (0, 1, 2, 5, 21)] == [
        "0 días",
        "1 día",
        "2 días",
        "5 días",
        "21 días",
    ]
    assert texts.safety.hours.of(1) == "1 hora"
    assert texts.safety.hours.of(6) == "6 horas"
    assert texts.media.stop_line.format(signs=", ".join(routine.stop_if)) == (
        "Detente si notas dolor agudo o como una descarga, dolor que baja por una pierna, "
        "hormigueo, o dolor de más de 5 sobre 10: toca 😣 Duele demasiado."
    )
    assert routine.safety_lines[1] == "Muévete hasta donde te resulte cómodo, sin llegar al dolor."
    assert [exercise.title for exercise in routine.exercises][:3] == [
        "Inclinación pélvica",
        "Puente",
        "Rodilla al pecho",
    ]


def test_spanish_voice_guide_is_complete_and_speakable(spanish: Catalog) -> None:
    """The guide is spoken: accents and ñ are words, not symbols, so the script validates."""
    shared = localise(tree_of("voice"), spanish, "voice")
    floor = localise(tree_of(FLOOR_VOICE), spanish, FLOOR_VOICE)
    assert shared.untranslated == floor.untranslated == ()
    exercises = {**(shared.tree.get("exercises") or {}), **floor.tree["exercises"]}
    voice = VoiceContent.model_validate({**shared.tree, "exercises": exercises})
    assert voice.of("pelvic_tilt", "regular").name == "Inclinación pélvica"
    knee = voice.of("knee_to_chest", "regular")
    assert knee.side is not None
    assert knee.side.format(side=voice.words.left) == "rodilla izquierda"
