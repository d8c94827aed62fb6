"""What a typed text asks for, read as a person would: "done", "this hurts", "an easier one",
"about a 5".

`IntentReader(lexicon)` is built once from `content/intents.<language>.yaml`; every word lives
there, this module only has the method:

- `read(text)` → the `Intent` a text names (`DONE`, `TOO_PAINFUL`, `GENTLER`, …), `CHIT_CHAT`
  for a greeting or thanks, `UNCLEAR` for English that asks for nothing on the list, `NONSENSE`
  for letters that are no words at all;
- `score(text)` → a 0–10 score typed in digits or words, with the approximations people use
  ("about a 5", "5 out of 10", "six-ish", "between 3 and 4" → 4, "no pain" → 0), or a `Score`
  that says the number was out of range, or None.

Which intents a screen accepts is the screen's business (`bot.routine.typed_intents`). Pure: no
I/O; time linear in the text's length (each token is looked up once, each phrase match is bounded
by the phrase's length).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.routine.content import IntentLexicon
from bot.routine.spelling import fold_marks, spelled

MAX_READ_CHARACTERS = 300
"""A longer text is not a typed answer to a button screen (it is still screened for signs)."""


class Intent(StrEnum):
    DONE = "done"
    NEXT = "next"
    TOO_PAINFUL = "too_painful"
    GENTLER = "gentler"
    SKIP = "skip"
    PAUSE = "pause"
    STOP_TODAY = "stop_today"
    MORE = "more"
    GUIDE = "guide"
    RESUME = "resume"
    YES = "yes"
    NO = "no"
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"
    CHIT_CHAT = "chit_chat"
    UNCLEAR = "unclear"
    NONSENSE = "nonsense"


class ChitChat(StrEnum):
    """Which kind of small talk, for a fitting opener."""

    GREETING = "greeting"
    THANKS = "thanks"
    OTHER = "other"


@dataclass(frozen=True)
class Reading:
    """Every intent a text names, in the lexicon's priority order (the first one wins)."""

    intents: tuple[Intent, ...]
    chit_chat: ChitChat | None = None

    @property
    def top(self) -> Intent:
        return self.intents[0]

    def first_of(self, accepted: Iterable[Intent]) -> Intent | None:
        """The highest-priority intent a screen accepts, if the text names one."""
        wanted = frozenset(accepted)
        return next((intent for intent in self.intents if intent in wanted), None)


@dataclass(frozen=True)
class Score:
    """A number typed on a 0–10 scale; `value` is None when it was out of range ("12")."""

    value: int | None


_TOKEN = re.compile(r"(?:[^\W_]|')+|[.,/-]")
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'"})
_DECIMAL = re.compile(r"(\d+)[.,](\d+)")
_NEGATIVE = re.compile(r"(^|\s)[-−]\s?\d")
_SCALE_MAX = 10
_FUZZY_MIN_LENGTH = 4


class IntentReader:
    """A compiled intent lexicon. Build once at start-up."""

    def __init__(self, lexicon: IntentLexicon) -> None:
        self.lexicon = lexicon
        self._spelling = lexicon.spelling
        lexicon = spelled(lexicon, lexicon.spelling)  # the words as the text will be read
        self._contractions = {
            key: tuple(value.split()) for key, value in lexicon.contractions.items()
        }
        self._emoji = dict(lexicon.emoji)
        self._priority = tuple(Intent(name) for name in lexicon.priority)
        self._negation_cues = frozenset(lexicon.negation.cues)
        self._negation_words = lexicon.negation.words
        self._pseudo = _PhraseIndex({"pseudo": lexicon.negation.pseudo})
        self._phrases = _PhraseIndex(lexicon.intents)
        self._greetings = frozenset(lexicon.greetings)
        self._thanks = frozenset(lexicon.thanks)
        self._known = (
            frozenset(lexicon.known_words.split())
            | self._phrases.words
            | frozenset(lexicon.scale.numbers)
            | frozenset(lexicon.scale.approximate)
        )
        scale = lexicon.scale
        self._numbers = dict(scale.numbers)
        self._approximate = frozenset(scale.approximate)
        self._units = frozenset(scale.units)
        self._zero = _PhraseIndex({"zero": scale.zero})
        self._ten = _PhraseIndex({"ten": scale.ten})
        self._out_of = _PhraseIndex({"out_of": (*scale.out_of, "/")})
        self._to = frozenset(scale.to)
        self._minus = frozenset(scale.minus)
        self._suffixes = tuple(scale.suffixes)
        self._conflicts = tuple(
            frozenset(Intent(name) for name in group) for group in lexicon.conflicts
        )
        targets: dict[str, list[str]] = defaultdict(list)
        for word in sorted(self._phrases.words | frozenset(scale.numbers)):
            if len(word) >= _FUZZY_MIN_LENGTH - 1 and word.isalpha():
                targets[word[0]].append(word)
        self._fuzzy_targets = dict(targets)

    # --- intents ------------------------------------------------------------------------------

    def read(self, text: str) -> Reading:
        """Every intent *text* names, by priority; `UNCLEAR` or `NONSENSE` when it names none."""
        tokens = self.tokens(text[:MAX_READ_CHARACTERS])
        words = [token for token in tokens if token.isalnum()]
        clauses = _clause_ids(tokens)  # a comma or a full stop ends a negation's reach
        if not words:
            return Reading((Intent.NONSENSE,))
        words = [self._corrected(word) for word in words]
        hidden = self._pseudo_positions(words)
        matches = _longest(self._phrases.find(words))
        named: set[Intent] = set()
        for name, start, _end in matches:
            if not self._negated(words, clauses, start, hidden):
                named.add(Intent(name))
        for group in self._conflicts:
            if group <= named:
                named -= group  # "better in some ways, worse in others": neither
        ordered = tuple(intent for intent in self._priority if intent in named)
        if ordered:
            kind = self._chit_chat_kind(words) if Intent.CHIT_CHAT in named else None
            return Reading(ordered, kind)
        if any(word in self._known or word.isdigit() for word in words):
            return Reading((Intent.UNCLEAR,))
        return Reading((Intent.NONSENSE,))

    def tokens(self, text: str) -> list[str]:
        """Lower-case words (contractions expanded, emoji as words) and the marks . , / -."""
        folded = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
        folded = fold_marks(folded)
        for symbol, word in self._emoji.items():
            if symbol in folded:
                folded = folded.replace(symbol, f" {word} ")
        folded = self._spelling.text(_strip_accents(folded))
        folded = _REPEATS.sub(r"\1\1", folded)
        tokens: list[str] = []
        for raw in _TOKEN.findall(folded):
            token = self._spelling.word(raw.strip("'"))
            if not token:
                continue
            expanded = self._contractions.get(token)
            if expanded is not None:
                tokens.extend(expanded)
                continue
            if token not in self._known:
                token = next((v for v in _squeezes(token) if v in self._known), token)
            tokens.append(token.replace("'", ""))
        return tokens

    def _negated(
        self, words: Sequence[str], clauses: Sequence[int], start: int, hidden: set[int]
    ) -> bool:
        first = max(0, start - self._negation_words)
        return any(
            words[index] in self._negation_cues
            and index not in hidden
            and clauses[index] == clauses[start]
            for index in range(first, start)
        )

    def _corrected(self, word: str) -> str:
        """An unknown word of 4+ letters one typo away from an intent's word ("gentlr",
        "beter", "smae", "sevn") is read as that word."""
        if word in self._known or len(word) < _FUZZY_MIN_LENGTH or not word.isalpha():
            return word
        targets = self._fuzzy_targets.get(word[0])
        if not targets:
            return word
        best = process.extractOne(word, targets, scorer=OSA.distance, score_cutoff=1)
        return str(best[0]) if best is not None else word

    def _pseudo_positions(self, words: Sequence[str]) -> set[int]:
        return {index for _n, start, end in self._pseudo.find(words) for index in range(start, end)}

    def _chit_chat_kind(self, words: Sequence[str]) -> ChitChat:
        """A greeting ("hi there"), a thanks ("cheers!") or other small talk ("ok", "lol")."""
        joined = f" {' '.join(words)} "
        if any(f" {phrase} " in joined for phrase in self._thanks):
            return ChitChat.THANKS
        if any(f" {phrase} " in joined for phrase in self._greetings):
            return ChitChat.GREETING
        return ChitChat.OTHER

    # --- scores -------------------------------------------------------------------------------

    def score(self, text: str) -> Score | None:
        """A 0–10 score in *text*, read generously; None if the text holds no score."""
        if _NEGATIVE.search(text[:MAX_READ_CHARACTERS]):
            return Score(None)  # "-1"
        rounded = _DECIMAL.sub(_round_half_up, fold_marks(text[:MAX_READ_CHARACTERS]))
        tokens = self.tokens(rounded)
        words = [token for token in tokens if token not in (".", ",", "-")]
        if not words:
            return None
        values = [self._number(word) for word in words]
        scale_words = self._scale_words(words, values)
        numbers: list[int] = []
        others = 0
        for index, (word, value) in enumerate(zip(words, values, strict=True)):
            if index in scale_words:
                continue
            if value is None:
                others += word not in self._approximate and word != "/"
                continue
            if index > 0 and words[index - 1] in self._minus:
                return Score(None)  # "minus 2"
            if index + 1 < len(words) and words[index + 1] in self._units:
                return None  # "8 hours", "7am": a number, not a score
            numbers.append(value)
        if (
            numbers
            and not any(t.isdigit() for t in words)
            and self.read(text).top is Intent.CHIT_CHAT
        ):
            return None  # "nice one": small talk, not a score
        if not numbers:
            if self._zero.find_any(words):
                return Score(0)
            if self._ten.find_any(words):
                return Score(_SCALE_MAX)
            return None
        if len(numbers) > 2 or others > max(2, len(words) // 2):
            return None
        value = max(numbers)
        return Score(value if 0 <= value <= _SCALE_MAX else None)

    def counts_something_else(self, text: str) -> bool:
        """Whether *text* holds a number of something that is no score ("8 hours", "8 jam",
        "спала 8 часов"): no other language's reader should take that number for one."""
        words = [t for t in self.tokens(text[:MAX_READ_CHARACTERS]) if t not in (".", ",", "-")]
        return any(
            self._number(word) is not None and following in self._units
            for word, following in pairwise(words)
        )

    def _scale_words(self, words: Sequence[str], values: Sequence[int | None]) -> set[int]:
        """Positions of the words that name the scale, not a score: the 10 of "5 out of 10" /
        "5/10", and both ends of "on a scale of 1 to 10"."""
        named: set[int] = set()
        for _name, start, end in self._out_of.find(words):
            before, top = values[start - 1] if start else None, values[end : end + 1]
            if before is not None and top == [_SCALE_MAX]:
                named.update(range(start, end + 1))
        for index, word in enumerate(words):
            if word in self._to and 0 < index < len(words) - 1:
                low, high = values[index - 1], values[index + 1]
                if low in (0, 1) and high == _SCALE_MAX:
                    named.update((index - 1, index, index + 1))
        return named

    def _number(self, token: str) -> int | None:
        if token.isdecimal():
            return int(token) if len(token) <= 3 else _SCALE_MAX + 1
        if token in self._numbers:
            return self._numbers[token]
        for suffix in self._suffixes:
            stem = token.removesuffix(suffix)
            if stem != token and (stem.isdecimal() or stem in self._numbers):
                return int(stem) if stem.isdecimal() else self._numbers[stem]
        return None


def _round_half_up(match: re.Match[str]) -> str:
    """ "6.5" → 7, "4,5" → 5: a score between two whole numbers counts as the higher one."""
    whole, fraction = int(match.group(1)), match.group(2)
    return str(whole + (1 if int(fraction) > 0 else 0))


def _clause_ids(tokens: Sequence[str]) -> list[int]:
    """For each word of *tokens* (the alphanumeric ones), the number of its clause."""
    ids: list[int] = []
    clause = 0
    for token in tokens:
        if token.isalnum():
            ids.append(clause)
        elif token in ",.":
            clause += 1
    return ids


def _longest(matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Phrases inside a longer phrase of another intent do not count ("good morning" is a
    greeting, not "good" = better)."""
    kept = []
    for name, start, end in matches:
        inside = any(
            other != name and s <= start and end <= e and (e - s) > (end - start)
            for other, s, e in matches
        )
        if not inside:
            kept.append((name, start, end))
    return kept


class _PhraseIndex:
    """Phrases by their first word (exact, or a stem ending in *), for a linear scan."""

    def __init__(self, groups: dict[str, tuple[str, ...]]) -> None:
        self._exact: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        self._stems: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        words: set[str] = set()
        for name, phrases in groups.items():
            for phrase in phrases:
                parts = tuple(phrase.split())
                first = parts[0]
                if first.endswith("*"):
                    self._stems[first[:-1]].append((name, parts))
                else:
                    self._exact[first].append((name, parts))
                words.update(part.rstrip("*") for part in parts)
        self._stem_lengths = sorted({len(stem) for stem in self._stems})
        self.words = frozenset(words)

    def find(self, words: Sequence[str]) -> list[tuple[str, int, int]]:
        """Every (group, start, end) of a phrase in *words*."""
        found: list[tuple[str, int, int]] = []
        for start, word in enumerate(words):
            candidates = list(self._exact.get(word, ()))
            for length in self._stem_lengths:
                if length > len(word):
                    break
                candidates.extend(self._stems.get(word[:length], ()))
            for name, parts in candidates:
                if _matches(parts, words, start):
                    found.append((name, start, start + len(parts)))
        return found

    def find_any(self, words: Sequence[str]) -> bool:
        return bool(self.find(words))


def _matches(parts: tuple[str, ...], words: Sequence[str], start: int) -> bool:
    if start + len(parts) > len(words):
        return False
    for offset, part in enumerate(parts):
        word = words[start + offset]
        if part.endswith("*"):
            if not word.startswith(part[:-1]):
                return False
        elif word != part:
            return False
    return True


_RUN = re.compile(r"([^\W\d_])\1+")
_MAX_RUNS = 4


def _squeezes(token: str) -> list[str]:
    """ "helloo" → hello, helo; "pleasee" → please: each doubled letter kept once or twice."""
    runs = list(_RUN.finditer(token))
    if not runs or len(runs) > _MAX_RUNS:
        return []
    variants: list[str] = []
    for mask in range(2 ** len(runs)):
        parts: list[str] = []
        last = 0
        for bit, run in enumerate(runs):
            parts.append(token[last : run.start()])
            parts.append(run.group(1) * (2 if mask >> bit & 1 else 1))
            last = run.end()
        parts.append(token[last:])
        variant = "".join(parts)
        if variant != token:
            variants.append(variant)
    return variants


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
