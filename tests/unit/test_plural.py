"""`Plural`: a count picks its form by the language's CLDR rule, given through the validation
context; English (one / other) when no language is given."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from bot.routine.content import DEFAULT_CONTENT_DIR, TEXTS_FILE, Plural, Texts

RUSSIAN_DAYS = {
    "one": "{count} день",
    "few": "{count} дня",
    "many": "{count} дней",
    "other": "{count} дня",
}
UKRAINIAN_DAYS = {
    "one": "{count} день",
    "few": "{count} дні",
    "many": "{count} днів",
    "other": "{count} дня",
}


def plural(forms: dict[str, str], language: str | None = None) -> Plural:
    context: dict[str, Any] | None = None if language is None else {"language": language}
    return Plural.model_validate(forms, context=context)


def test_english_is_the_default_one_and_other() -> None:
    days = plural({"one": "{count} day", "other": "{count} days"})
    assert days.language == "en"
    assert [days.of(n) for n in (0, 1, 2, 21)] == ["0 days", "1 day", "2 days", "21 days"]


@pytest.mark.parametrize(
    ("language", "forms", "expected"),
    [
        (
            "ru",
            RUSSIAN_DAYS,
            ["1 день", "2 дня", "5 дней", "11 дней", "21 день", "22 дня", "25 дней"],
        ),
        (
            "uk",
            UKRAINIAN_DAYS,
            ["1 день", "2 дні", "5 днів", "11 днів", "21 день", "22 дні", "25 днів"],
        ),
    ],
)
def test_russian_and_ukrainian_have_three_forms(
    language: str, forms: dict[str, str], expected: list[str]
) -> None:
    days = plural(forms, language)
    assert [days.of(n) for n in (1, 2, 5, 11, 21, 22, 25)] == expected


@pytest.mark.parametrize(("language", "word"), [("fa", "روز"), ("id", "hari")])
def test_persian_and_indonesian_need_one_form(language: str, word: str) -> None:
    days = plural({"other": "{count} " + word}, language)
    assert [days.of(n) for n in (0, 1, 2, 5, 21)] == [f"{n} {word}" for n in (0, 1, 2, 5, 21)]


def test_brazilian_portuguese_counts_zero_as_one() -> None:
    days = plural(
        {"one": "{count} dia", "many": "{count} de dias", "other": "{count} dias"}, "pt-BR"
    )
    assert [days.of(n) for n in (0, 1, 2, 1_000_000)] == [
        "0 dia",
        "1 dia",
        "2 dias",
        "1000000 de dias",
    ]


def test_spanish_counts_zero_as_other_and_millions_as_many() -> None:
    days = plural({"one": "{count} día", "many": "{count} de días", "other": "{count} días"}, "es")
    assert [days.of(n) for n in (0, 1, 2, 1_000_000)] == [
        "0 días",
        "1 día",
        "2 días",
        "1000000 de días",
    ]


def test_a_missing_category_falls_back_to_other() -> None:
    """An English text read with Russian rules (an untranslated entry) still says something."""
    days = plural({"one": "{count} day", "other": "{count} days"}, "ru")
    assert [days.of(n) for n in (1, 2, 5)] == ["1 day", "2 days", "5 days"]


def test_other_is_required_and_unknown_categories_are_refused() -> None:
    with pytest.raises(ValidationError, match="other"):
        plural({"one": "{count} day"})
    with pytest.raises(ValidationError, match="several"):
        plural({"several": "{count} days", "other": "{count} days"})


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValidationError, match="not a locale CLDR knows"):
        plural({"other": "{count}"}, "xx-QQ")


def test_the_language_reaches_plurals_nested_in_the_texts(texts_tree: dict[str, Any]) -> None:
    """`Texts.model_validate(tree, context=...)` hands the language down to every `Plural`."""
    texts_tree["progress"]["days"] = RUSSIAN_DAYS
    texts = Texts.model_validate(texts_tree, context={"language": "ru"})
    assert texts.progress.days.of(22) == "22 дня"
    assert texts.safety.hours.language == "ru"


@pytest.fixture
def texts_tree() -> dict[str, Any]:
    tree: dict[str, Any] = yaml.safe_load((DEFAULT_CONTENT_DIR / TEXTS_FILE).read_text("utf-8"))
    return tree
