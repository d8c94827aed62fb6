"""The Indonesian catalogue (locale/id): complete, current, and valid once localised.

docs/translations/id.md holds the glossary and the back-translation of every clinical sentence.
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
def indonesian() -> Catalog:
    catalog = load_catalogue("id")
    assert catalog is not None
    return catalog


def test_indonesian_texts_and_floor_routine_are_complete_and_valid(indonesian: Catalog) -> None:
    texts_result = localise(tree_of("texts"), indonesian, "texts")
    routine_result = localise(tree_of(FLOOR), indonesian, FLOOR)
    for result in (texts_result, routine_result):
        assert result.untranslated == ()
        assert result.fuzzy == ()

    texts = Texts.model_validate(texts_result.tree, context={"language": "id"})
    routine = Routine.model_validate(routine_result.tree, context={"language": "id"})

    assert texts.buttons.done == "✅ Selesai"
    assert texts.buttons.too_painful == "😣 Terlalu sakit"
    assert texts.buttons.timer.format(seconds=30) == "⏱ Mulai timer 30 detik"
    # Indonesian nouns do not change with the number: CLDR has only `other`, one gettext form.
    assert [texts.progress.days.of(n) for n in (0, 1, 2, 5, 21)] == [
        "0 hari",
        "1 hari",
        "2 hari",
        "5 hari",
        "21 hari",
    ]
    assert texts.safety.hours.of(1) == "1 jam"
    assert texts.media.stop_line.format(signs=", ".join(routine.stop_if)) == (
        "Berhenti jika terasa nyeri tajam atau seperti tersengat listrik, nyeri yang menjalar "
        "ke kaki, kesemutan, atau nyeri di atas 5 dari 10 — ketuk 😣 Terlalu sakit."
    )
    assert routine.safety_lines[1] == (
        "Bergeraklah sejauh yang masih nyaman — sebatas nyaman, jangan sampai sakit."
    )
    assert "IGD sekarang juga" in texts.safety.text_urgent
    assert [exercise.title for exercise in routine.exercises][:3] == [
        "Memiringkan panggul (pelvic tilt)",
        "Jembatan (bridge)",
        "Tarik lutut ke dada",
    ]


def test_indonesian_voice_guide_is_complete_and_speakable(indonesian: Catalog) -> None:
    """The guide is spoken by eSpeak's Indonesian voice: words only, so the script validates."""
    shared = localise(tree_of("voice"), indonesian, "voice")
    floor = localise(tree_of(FLOOR_VOICE), indonesian, FLOOR_VOICE)
    assert shared.untranslated == floor.untranslated == ()
    exercises = {**(shared.tree.get("exercises") or {}), **floor.tree["exercises"]}
    voice = VoiceContent.model_validate({**shared.tree, "exercises": exercises})
    assert voice.of("pelvic_tilt", "regular").name == "Memiringkan panggul"
    knee = voice.of("knee_to_chest", "regular")
    assert knee.side is not None
    assert knee.side.format(side=voice.words.left) == "lutut kiri"
