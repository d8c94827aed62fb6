"""How a language's text is folded before it is read, the same way for the text and the lexicon.

Both readers (`red_flags.RedFlagScreen`, `intents.IntentReader`) compare words, so what people
type and what the lexicon lists must be written alike first. Every language gets:

- digits of any script as ASCII (Persian ۵ and Arabic-Indic ٥ are 5) and the Arabic script's
  question mark, comma and semicolon as Latin ones (`fold_marks`, for every text);

and each language's word file may add (`Spelling`, its `spelling:` section):

- `letters`: characters written as others (Arabic ي and ك as Persian ی and ک; ё as е; the zero-width
  non-joiner dropped, so "می‌خوام" and "میخوام" are one word);
- `latin`: the script's letters in Latin, so that a language written in Latin letters, as people
  do on a phone without their keyboard ("u menya onemela promezhnost"), is read by the same
  lexicon: every phrase in the script is also listed transliterated;
- `latin_folds`: ordered replacements that make the many Latin spellings of one word alike
  ("kh" and "x" as "h", "ya", "ja" and "ia" as "ia"), applied to every Latin word of the text and
  of the lexicon, transliterated ones included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, model_validator

_DIGITS = {
    **{0x0660 + value: str(value) for value in range(10)},  # Arabic-Indic
    **{0x06F0 + value: str(value) for value in range(10)},  # Extended Arabic-Indic (Persian)
    **{0x0966 + value: str(value) for value in range(10)},  # Devanagari
}
_MARKS = str.maketrans({**_DIGITS, ord("؟"): "?", ord("،"): ",", ord("؛"): ";", ord("٫"): "."})
_LATIN_WORD = re.compile(r"[a-z']*[a-z][a-z']*\*?")


def fold_marks(text: str) -> str:
    """Digits of any script as ASCII, the Arabic script's punctuation as Latin (any language)."""
    return text.translate(_MARKS)


class Spelling(BaseModel):
    """A word file's `spelling:` section (see the module's docstring)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    letters: dict[str, str] = {}
    latin: dict[str, str] = {}
    latin_folds: tuple[tuple[str, str], ...] = ()

    @model_validator(mode="after")
    def _single_characters(self) -> Spelling:
        for name in ("letters", "latin"):
            for key in getattr(self, name):
                if len(key) != 1:
                    raise ValueError(f"spelling.{name}: {key!r} is not one character")
        for key, value in self.latin.items():
            if not re.fullmatch(r"[a-z']*", value):
                raise ValueError(f"spelling.latin: {key!r} → {value!r} is not Latin letters")
        for before, _after in self.latin_folds:
            if not before:
                raise ValueError("spelling.latin_folds: an empty pattern")
        return self

    @property
    def empty(self) -> bool:
        return not (self.letters or self.latin or self.latin_folds)

    @cached_property
    def _letters(self) -> dict[int, str]:
        return str.maketrans(dict(self.letters)) if self.letters else {}

    @cached_property
    def _latin(self) -> dict[int, str]:
        return str.maketrans(dict(self.latin)) if self.latin else {}

    def text(self, folded: str) -> str:
        """*folded* (lower case, accents stripped) with the language's letters written alike."""
        return folded.translate(self._letters) if self._letters else folded

    def word(self, word: str) -> str:
        """A Latin word's common spelling (`latin_folds`); any other word as it is."""
        if not self.latin_folds or not _LATIN_WORD.fullmatch(word):
            return word
        star = word.endswith("*")
        body = word[:-1] if star else word
        for before, after in self.latin_folds:
            body = body.replace(before, after)
        return body + ("*" if star else "")

    def phrase(self, phrase: str) -> str:
        """A lexicon phrase written as the text will be read."""
        return " ".join(self.word(word) for word in self.text(phrase).split())

    def in_latin(self, phrase: str) -> str | None:
        """The phrase transliterated (`latin`), or None when it has none of the script's letters."""
        if not self._latin:
            return None
        written = self.text(phrase)
        latin = written.translate(self._latin)
        return self.phrase(latin) if latin != written else None

    def variants(self, phrases: Iterable[str]) -> tuple[str, ...]:
        """Every phrase as the text will be read, and its transliteration: once each."""
        seen: dict[str, None] = {}
        for phrase in phrases:
            seen[self.phrase(phrase)] = None
            latin = self.in_latin(phrase)
            if latin is not None:
                seen[latin] = None
        return tuple(phrase for phrase in seen if phrase.strip())


ModelT = TypeVar("ModelT", bound=BaseModel)

# Sections that are not words: names, levels, numbers, categories, emoji.
_NOT_WORDS = frozenset(
    {
        "language", "spelling", "rules", "possible", "model", "fuzzy", "under", "over",
        "adult_age", "self_only", "self_only_theirs", "history_counts", "priority", "conflicts",
        "words", "scope_words", "after_words", "emoji",
    }
)  # fmt: skip


def spelled(lexicon: ModelT, spelling: Spelling) -> ModelT:
    """*lexicon* with every word written as the text will be read, and every phrase of the
    script also in Latin letters (lists of phrases and space-separated word lists only; the keys
    of a mapping are folded, a mapping's values only where they are words)."""
    if spelling.empty:
        return lexicon
    tree = lexicon.model_dump()
    return type(lexicon).model_validate(_walk(tree, spelling))


def _walk(node: Any, spelling: Spelling, key: str = "") -> Any:
    if key in _NOT_WORDS:
        return node
    if isinstance(node, dict):
        folded: dict[str, Any] = {}
        for name, value in node.items():
            if key == "concepts":  # concept names stay; their phrases are words
                folded[name] = _walk(value, spelling, "phrases")
            elif key in ("contractions", "person_forms", "numbers"):
                folded[spelling.phrase(name)] = (
                    value if not isinstance(value, str) else spelling.phrase(value)
                )
                latin = spelling.in_latin(name)
                if latin is not None and key == "numbers":
                    folded.setdefault(latin, value)
            elif key == "intents":
                folded[name] = _walk(value, spelling, "phrases")
            else:
                folded[name] = _walk(value, spelling, name)
        return folded
    if isinstance(node, list | tuple):
        if all(isinstance(item, str) for item in node):
            return list(spelling.variants(node))
        return [_walk(item, spelling, key) for item in node]
    if isinstance(node, str) and key in ("common_words", "known_words"):
        return " ".join(spelling.variants(node.split()))
    return node
