"""A 0–10 score typed in each language: the scale's own words ("out of 10", "from 1 to 10",
"minus") come from content (`scale.out_of`, `scale.to`, `scale.minus`, `scale.suffixes`), so no
language leans on English words hidden in code."""

from __future__ import annotations

import pytest

from bot.routine.intents import Score
from bot.routine.reading import Readers
from tests.support.reading import readers_of


def _readers() -> Readers:
    return readers_of("en")[0]


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("en", "a 6 out of ten i reckon", 6),
        ("en", "on a scale of 1 to 10 maybe 3", 3),
        ("en", "seven-ish", 7),
        ("ru", "где-то 6 из 10", 6),
        ("ru", "по шкале от 0 до 10 примерно 3", 3),
        ("uk", "десь 4 із 10", 4),
        ("uk", "від 1 до 10 це 2", 2),
        ("es", "yo diria un 6 sobre 10", 6),
        ("es", "del 1 al 10 un 4", 4),
        ("pt_BR", "uns 3 de 10", 3),
        ("pt_BR", "de 0 a 10 eu daria 6", 6),
        ("id", "kira kira 7 dari 10", 7),
        ("id", "skala 1 sampai 10 sekitar 2", 2),
        ("fa", "حدود ۶ از ۱۰", 6),
        ("fa", "از ۱ تا ۱۰ حدود ۳", 3),
    ],
)
def test_the_scales_own_numbers_are_no_score(language: str, text: str, value: int) -> None:
    score = _readers().score(text, language)
    assert score == Score(value)


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "minus 2"), ("ru", "минус 3"), ("uk", "мінус 1"), ("fa", "منفی ۲"), ("id", "minus 1")],
)
def test_a_number_below_the_scale_is_off_the_scale(language: str, text: str) -> None:
    score = _readers().score(text, language)
    assert score == Score(None)


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [("es", "mas o menos 5", 5), ("pt_BR", "mais ou menos 4", 4), ("en", "from 3 to 4", 4)],
)
def test_words_that_only_look_like_the_scales_stay_approximations(
    language: str, text: str, value: int
) -> None:
    score = _readers().score(text, language)
    assert score == Score(value)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("id", "tidur 8 jam"),
        ("ru", "спала 8 часов"),
        ("es", "dormi 8 horas"),
        ("en", "slept 8 hours"),
    ],
)
def test_a_number_of_hours_in_the_persons_language_is_no_score_in_english_either(
    language: str, text: str
) -> None:
    assert _readers().score(text, language) is None
