"""The warning-sign screen's statistical reader (`bot.routine.sign_model`) and how the screen uses
it: only where the lexicon left the answer open, never against context."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bench import sign_model as bench_sign_model
from bench.common import shipped_readers
from bot.routine.content import DEFAULT_CONTENT_DIR, load_content, load_sign_model
from bot.routine.red_flags import Qualifier, RedFlagScreen, ScreenLevel
from bot.routine.sign_model import BENIGN, DIMENSIONS, EMERGENCY, SignModel, features, train


def test_features_are_stable_hashes_within_the_dimensions() -> None:
    first = features("My bum's gone numb, can't feel the seat")
    assert first == features("my bum’s gone numb, can’t feel the seat")
    assert all(0 <= index < DIMENSIONS for index in first)
    assert features("") == []


def test_a_model_saved_and_loaded_reads_the_same(tmp_path: Path) -> None:
    model = train(
        [("i wet myself and cannot feel my bum", EMERGENCY), ("my back is stiff", BENIGN)]
    )
    path = tmp_path / "model.npz"
    model.save(path)
    loaded = SignModel.load(path)
    text = "cannot feel my bum"
    assert loaded.probabilities(text) == pytest.approx(model.probabilities(text))
    assert sum(model.probabilities(text)) == pytest.approx(1.0)


def test_a_broken_model_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.npz"
    np.savez(path, ids=np.array([1], dtype=np.uint32), weights=np.zeros((1, 2)), bias=np.zeros(3))
    with pytest.raises(ValueError, match="shape"):
        SignModel.load(path)


@pytest.mark.parametrize("language", bench_sign_model.languages())
def test_each_languages_shipped_model_is_what_its_training_data_gives(language: str) -> None:
    """Deterministic: retraining on the same data rebuilds the committed weights."""
    shipped = load_sign_model(DEFAULT_CONTENT_DIR, language)
    assert shipped is not None
    fresh = train(bench_sign_model.training_examples(language))
    for text in (
        "my legs have gone like jelly and i cant feel my bits",
        "stiff after gardening",
        "не чувствую промежность и ноги подкашиваются",
        "نمیتونم ادرار کنم و پاهام بی حس شده",
        "não sinto a bunda e fiz xixi na roupa",
    ):
        assert fresh.probabilities(text) == pytest.approx(shipped.probabilities(text), abs=1e-4)


def test_words_in_every_script_are_features() -> None:
    """Cyrillic, Persian and accented words are read, not dropped: a Russian message and its
    English gloss share no feature, and each has some."""
    for text in ("ноги отнимаются", "پاهام بی حس شده", "não sinto"):
        assert len(features(text)) > 10, text
    assert set(features("ноги")).isdisjoint(features("legs"))


def test_every_language_screen_has_its_model() -> None:
    readers, _spoken, _content = shipped_readers("ru")
    for language in bench_sign_model.languages():
        assert readers.screen_of(language).has_model, language


@pytest.fixture(scope="module")
def screens() -> tuple[RedFlagScreen, RedFlagScreen]:
    content = load_content()
    return (
        RedFlagScreen(content.red_flags, model=None),
        RedFlagScreen(content.red_flags, model=content.sign_model),
    )


@pytest.mark.parametrize(
    "text",
    [
        "what if i ever cant feel my bum, is that bad",
        "my toddler keeps wetting himself",
        "years ago my legs gave way, fine since",
    ],
)
def test_the_model_never_lifts_a_sign_that_context_qualified(
    screens: tuple[RedFlagScreen, RedFlagScreen], text: str
) -> None:
    _lexicon, both = screens
    screening = both.screen(text)
    assert screening.level not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR), screening


def test_the_model_never_lowers_what_the_lexicon_found(
    screens: tuple[RedFlagScreen, RedFlagScreen],
) -> None:
    lexicon, both = screens
    text = "I can't feel my bum and I wet myself"
    assert lexicon.screen(text).level is ScreenLevel.EMERGENCY
    assert both.screen(text).level is ScreenLevel.EMERGENCY


def test_the_qualifiers_still_show_on_a_lifted_question(
    screens: tuple[RedFlagScreen, RedFlagScreen],
) -> None:
    _lexicon, both = screens
    screening = both.screen("should I go to A&E if I can't pee?")
    assert screening.level is ScreenLevel.POSSIBLE
    assert Qualifier.HYPOTHETICAL in screening.qualifiers


def test_a_look_alike_the_lexicon_read_gets_no_question_from_the_model() -> None:
    """ "tanganku kebas pas bangun" (a hand numb on waking) is an `ignore` look-alike: the model,
    sure of a sign on "kebas" alone, may not ask about it."""
    readers, spoken, _content = shipped_readers("id")
    assert readers.screen("tanganku kebas pas bangun", spoken).level is ScreenLevel.NONE


def test_a_denial_of_something_else_leaves_the_models_question(
    screens: tuple[RedFlagScreen, RedFlagScreen],
) -> None:
    """ "no fever, no blood, but …": the denial covers its own words, not a sign the lexicon
    has no words for; the model may still ask about it (before, any denial silenced it)."""
    lexicon, both = screens
    text = "no fever, no blood, but since monday it just wont come out however long i sit there"
    assert lexicon.screen(text).level is ScreenLevel.NONE
    assert both.screen(text).level is ScreenLevel.POSSIBLE
