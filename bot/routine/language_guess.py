"""Which language a typed message is in — only when the text really says so.

A statistical detector (lingua, with its models shipped inside the PyPI wheel: no network, no files
of ours) guesses among the languages people write to Limber in. Short English chat ("ok", "thx",
"omg", "gentler", a typo) looks like anything to a detector, so Latin-letter text is English until
proven otherwise: another Latin-script language is named only for at least two words and eight
letters, with the detector at least half sure of it and English at most 0.1. Text in another script
(Cyrillic, Persian, Chinese, …) is another language by its letters; the detector only tells which.
Everything else is None: emoji, numbers, keyboard mash (few vowels, or a letter typed over and
over), one unknown word. The thresholds were chosen on tests/data/language_guess.yaml;
docs/language-detection.md has the figures and the comparison with other detectors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

# The languages Limber will speak, the common Latin-script ones a detector could confuse them with,
# and languages whose script alone marks a message as not English.
LIMBER_LANGUAGES = (
    Language.ENGLISH,
    Language.RUSSIAN,
    Language.UKRAINIAN,
    Language.SPANISH,
    Language.PORTUGUESE,
    Language.PERSIAN,
    Language.INDONESIAN,
)
NEIGHBOURS = (
    Language.GERMAN,
    Language.FRENCH,
    Language.ITALIAN,
    Language.DUTCH,
    Language.POLISH,
    Language.TURKISH,
    Language.ARABIC,
)
OTHER_SCRIPTS = (
    Language.CHINESE,
    Language.JAPANESE,
    Language.KOREAN,
    Language.GREEK,
    Language.HEBREW,
    Language.HINDI,
    Language.THAI,
    Language.ARMENIAN,
    Language.GEORGIAN,
    Language.BENGALI,
)
LANGUAGES = LIMBER_LANGUAGES + NEIGHBOURS + OTHER_SCRIPTS

SAMPLE_CHARACTERS = 400  # a longer message is judged by its start: constant time per call
_LATIN_CONFIDENCE = 0.5
_ENGLISH_AT_MOST = 0.1
_LATIN_MIN_WORDS = 2
_LATIN_MIN_LETTERS = 8
_FOREIGN_MIN_WORDS = 3
_FOREIGN_MIN_LETTERS = 12

_LETTER_RUN = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aeiouyáàâãäåéèêëíìîïıóòôõöúùûüýÿæœąę")
_REPEATS = re.compile(r"(.)\1{2,}")  # "helloooo", "aaaaaaa": at most two of a kind
_WARM_UP_PROBES = (
    "my back hurts today",
    "me duele la espalda",
    "minhas costas doem muito",
    "punggung saya sakit",
    "у меня болит спина",
    "у мене болить спина",
    "کمرم درد می‌کنه",
)


Scores = Callable[[str], Sequence[tuple[str, float]]]
"""A detector: (ISO 639-1 code, confidence) pairs for a text, the most likely first."""


@cache
def _detector() -> LanguageDetector:
    """Built once, on first use; lingua loads each language's model lazily when first needed."""
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).build()


def lingua_scores(text: str) -> list[tuple[str, float]]:
    """Lingua's high-accuracy confidences over LANGUAGES."""
    values = _detector().compute_language_confidence_values(text)
    return [(_code(value.language), value.value) for value in values]


def guess_language(text: str) -> str | None:
    """The ISO 639-1 code of the language *text* is written in, or None when unsure."""
    return guess_with(text, lingua_scores)


@dataclass(frozen=True)
class _Letters:
    """What a text's letters say before any detector is asked."""

    sample: str
    words: int
    letters: int
    other_script: bool
    mash: bool  # keyboard mash ("sdfsdf jfjfjf"): every written language has vowels


def _read(text: str) -> _Letters:
    sample = _REPEATS.sub(r"\1\1", _sample(text))
    words = _LETTER_RUN.findall(sample)
    letters = sum(len(word) for word in words)
    latin = sum(1 for word in words for char in word if _is_latin(char))
    vowels = sum(1 for word in words for char in word.lower() if char in _VOWELS)
    return _Letters(sample, len(words), letters, latin * 2 < letters, vowels * 5 < letters)


def guess_with(text: str, scores: Scores) -> str | None:
    """The rule of this module, around any detector (the benchmark compares detectors with it)."""
    read = _read(text)
    if read.letters < 2:
        return None
    if read.other_script:
        ranked = scores(read.sample)
        return ranked[0][0] if ranked and ranked[0][1] > 0 else None
    if read.words < _LATIN_MIN_WORDS or read.letters < _LATIN_MIN_LETTERS or read.mash:
        return None
    ranked = scores(read.sample)
    if not ranked:
        return None
    best, confidence = ranked[0]
    if confidence < _LATIN_CONFIDENCE:
        return None
    if best == "en":
        return best
    english = next((value for code, value in ranked if code == "en"), 0.0)
    return best if english <= _ENGLISH_AT_MOST else None


def is_other_language(text: str, expected: str = "en") -> bool:
    """Whether *text* is real text in a language other than *expected* — the warning-sign
    screen's question, looser than naming the language: another script, or three or more
    Latin-letter words the detector finds unlike *expected* (at most `_ENGLISH_AT_MOST` sure of
    it), whichever other language it is (Danish read as Dutch still is not English)."""
    return other_language_with(text, lingua_scores, expected)


def other_language_with(text: str, scores: Scores, expected: str = "en") -> bool:
    """`is_other_language` around any detector."""
    named = guess_with(text, scores)
    if named is not None:
        return named != expected  # a short text the detector is sure of ("Sırtım ağrıyor")
    read = _read(text)
    if read.letters < 2:
        return False
    if read.other_script:
        return True
    if read.words < _FOREIGN_MIN_WORDS or read.letters < _FOREIGN_MIN_LETTERS or read.mash:
        return False
    ranked = scores(read.sample)
    if not ranked or ranked[0][0] == expected:
        return False
    share = next((value for code, value in ranked if code == expected), 0.0)
    return share <= _ENGLISH_AT_MOST


def warm_up() -> None:
    """Load the models of Limber's languages now, so the first message is not the slow one."""
    for probe in _WARM_UP_PROBES:
        _detector().compute_language_confidence_values(probe)


def _sample(text: str) -> str:
    """The first SAMPLE_CHARACTERS of *text*, cut at a space when there is one."""
    if len(text) <= SAMPLE_CHARACTERS:
        return text
    cut = text.rfind(" ", 0, SAMPLE_CHARACTERS)
    return text[: cut if cut > 0 else SAMPLE_CHARACTERS]


def _is_latin(char: str) -> bool:
    code = ord(char)
    return code <= 0x024F or 0x1E00 <= code <= 0x1EFF


def _code(language: Language) -> str:
    iso: IsoCode639_1 = language.iso_code_639_1
    return iso.name.lower()
