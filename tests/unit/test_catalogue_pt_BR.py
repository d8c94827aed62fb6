"""The Brazilian Portuguese catalogue: every sentence translated, and the texts and the floor
routine still valid once localised (docs/translations/pt_BR.md is its glossary)."""

from __future__ import annotations

from typing import Any

import yaml

from bot.routine.catalogue import content_documents, load_catalogue, localise
from bot.routine.content import Routine, Texts

FLOOR = "routines/floor/routine"


def tree_of(document: str) -> Any:
    return yaml.safe_load(content_documents()[document].read_text(encoding="utf-8"))


def test_texts_and_the_floor_routine_are_all_in_brazilian_portuguese() -> None:
    catalog = load_catalogue("pt_BR")
    assert catalog is not None
    texts_result = localise(tree_of("texts"), catalog)
    floor_result = localise(tree_of(FLOOR), catalog, FLOOR)
    for result in (texts_result, floor_result):
        assert result.untranslated == ()
        assert result.fuzzy == ()

    texts = Texts.model_validate(texts_result.tree, context={"language": "pt-BR"})
    routine = Routine.model_validate(floor_result.tree)
    assert texts.buttons.done == "✅ Feito"
    assert texts.buttons.too_painful == "😣 Dói demais"
    # CLDR pt: 0 and 1 take the singular; a million takes "de".
    assert [texts.progress.days.of(n) for n in (1, 2, 5)] == ["1 dia", "2 dias", "5 dias"]
    assert texts.safety.hours.of(6) == "6 horas"
    signs = ", ".join(routine.stop_if)
    assert texts.session.stop_if.format(signs=signs) == (
        "Pare e toque em 😣 Dói demais se sentir dor em fisgada ou em choque, "
        "dor que desce pela perna, formigamento, ou dor acima de 5 de 10."
    )
    assert [exercise.title for exercise in routine.exercises][:3] == [
        "Inclinação pélvica",
        "Ponte",
        "Joelho ao peito",
    ]
