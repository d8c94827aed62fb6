"""content/emergency_numbers.yaml: each language's advice names the number its people call."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.routine.content import EmergencyNumbers, load_content, load_emergency_numbers
from bot.routine.languages import shipped_languages

EXPECTED = {
    "ru": "103", "uk": "103", "es": "911", "pt_BR": "192", "fa": "۱۱۵", "id": "119", "en": "999",
}  # fmt: skip


@pytest.mark.parametrize(("language", "number"), sorted(EXPECTED.items()))
def test_every_urgent_advice_names_the_languages_number_and_112(language: str, number: str) -> None:
    languages = shipped_languages(load_content())
    assert languages is not None
    safety = languages.content(language).texts.safety
    for advice in (safety.text_urgent, safety.text_urgent_other, safety.safety_net):
        assert number in advice, advice
        assert "112" in advice or "۱۱۲" in advice, advice
        assert "{emergency}" not in advice


def test_a_language_without_a_line_gets_112() -> None:
    assert load_emergency_numbers().say("de") == "112"


@pytest.mark.parametrize(
    "line",
    [
        {"say": "103", "countries": [{"country": "RU", "numbers": ["103"], "source": "https://a"}]},
        {
            "say": "103 или 112",
            "countries": [{"country": "RU", "numbers": ["112"], "source": "https://a"}],
        },
        {"say": "112", "countries": [{"country": "RU", "numbers": ["112"], "source": "http://a"}]},
    ],
)
def test_a_line_without_112_or_with_an_unsourced_number_is_refused(line: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        EmergencyNumbers.model_validate({"fallback": "112", "languages": {"ru": line}})
