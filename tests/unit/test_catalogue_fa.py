"""The Persian (Farsi) catalogue: complete, and the texts and the floor routine still validate."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from babel.messages.catalog import Catalog

from bot.routine.catalogue import content_documents, load_catalogue, localise
from bot.routine.content import Routine, Texts, load_emergency_numbers

FLOOR = "routines/floor/routine"
# Arabic-script letters as Persian writes them (پ چ ژ گ are Persian-only).
PERSIAN = re.compile(r"[\u0600-\u06ff]")
LATIN_LETTER = re.compile(r"[A-Za-z]")


def tree_of(document: str) -> Any:
    return yaml.safe_load(content_documents()[document].read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def persian() -> Catalog:
    catalog = load_catalogue("fa")
    assert catalog is not None
    return catalog


def test_persian_texts_and_floor_routine_are_complete_and_valid(persian: Catalog) -> None:
    texts_result = localise(tree_of("texts"), persian, "texts")
    routine_result = localise(tree_of(FLOOR), persian, FLOOR)
    for result in (texts_result, routine_result):
        assert result.untranslated == ()
        assert result.fuzzy == ()
    texts = Texts.model_validate(
        texts_result.tree,
        context={"language": "fa", "emergency": load_emergency_numbers().say("fa")},
    )
    routine = Routine.model_validate(routine_result.tree, context={"language": "fa"})

    # A button, a plural (Persian: one noun form for every number), the stop line.
    assert texts.buttons.done == "✅ انجام شد"
    assert texts.buttons.too_painful == "😣 خیلی درد دارد"
    assert [texts.progress.days.of(n) for n in (0, 1, 2, 5)] == [
        "0 روز",
        "1 روز",
        "2 روز",
        "5 روز",
    ]
    assert texts.safety.hours.of(6) == "6 ساعت"
    stop_line = texts.session.stop_if.format(signs="، ".join(routine.stop_if))
    assert stop_line.startswith("اگر درد تیز یا تیرکشنده")
    assert "😣 خیلی درد دارد" in stop_line
    # The emergency line keeps its numbers and stays an instruction to call now.
    assert "همین حالا" in texts.safety.safety_net
    assert "(۱۱۵ یا ۱۱۲)" in texts.safety.safety_net  # Iran's number, and 112, not nested

    labels = texts.buttons.model_dump().values()
    assert all(PERSIAN.search(label) for label in labels), labels
    assert all(len(label) <= 40 for label in labels)
    titles = [exercise.title for exercise in routine.exercises]
    assert titles[:3] == ["تیلت لگن", "پل", "زانو به سینه"]
    gentler = [e.gentler.title for e in routine.exercises if e.gentler]
    assert all(PERSIAN.search(t) and not LATIN_LETTER.search(t) for t in titles + gentler)
