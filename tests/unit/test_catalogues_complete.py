"""Every shipped catalogue covers every sentence of every content document — both tracks, their
voice guides, the texts — with nothing fuzzy, and each localised track still validates.

A new English sentence (or a new track) fails here until every language has it translated
(`python -m bot.routine.catalogue update`, then the translators); the per-language files test
each language's own words (tests/unit/test_catalogue_<lang>.py)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from bot.routine.catalogue import content_documents, load_catalogue, localise
from bot.routine.content import Routine

LANGUAGES = ("ru", "uk", "es", "pt_BR", "fa", "id")


def tree_of(document: str) -> Any:
    return yaml.safe_load(content_documents()[document].read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("document", sorted(content_documents()))
def test_every_sentence_is_translated(language: str, document: str) -> None:
    catalog = load_catalogue(language)
    assert catalog is not None, language
    result = localise(tree_of(document), catalog, document)
    assert result.untranslated == ()
    assert result.fuzzy == ()
    if document.startswith("routines/") and document.endswith("/routine"):
        track = Routine.model_validate(result.tree, context={"language": language})
        english = Routine.model_validate(tree_of(document))
        assert [e.key for e in track.exercises] == [e.key for e in english.exercises]
        assert track.name != english.name, "the track's own name is translated"
