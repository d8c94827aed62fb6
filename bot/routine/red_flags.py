"""The free-text red-flag screen (CLINICAL.md, "Red flags"): errs on the side of asking.

`RedFlagScreen(lexicon).screen(text)` reads a message and returns a `Screening`:

- `EMERGENCY` / `SEE_DOCTOR`: a clear pattern of `content/red_flags.<language>.yaml` matched →
  the advice at once (and the pause); `categories` names what matched (`saddle_numbness`,
  `bladder`, `fever`, …), the most urgent level's categories first;
- `POSSIBLE`: body-region or symptom words without a clear pattern (a numb foot, "my bum", a slip)
  → one short question with buttons; `concepts` names the words' concepts;
- `NOT_ENGLISH`: real text in another language (`bot.routine.language_guess`) → the
  warning-signs card and a note that Limber reads English only for now;
- `NONE`: nothing to ask about.

How it reads (every word and pattern is data, in the lexicon; this module only has the method):
normalise (case, accents, apostrophes, contractions, letters repeated 3+ times, misspellings
corrected to the nearest lexicon word within a small edit distance), cut into sentences, find the
concepts' phrases, apply NegEx-style negation (a cue negates what follows it up to the end of its
scope; "but", a new clause or sentence ends it; look-alikes such as "I didn't realise" are not
cues; "bladder's fine" negates what comes before), then the rules.

Pure: no I/O. Every text is screened whatever its length, in time linear in its length (each word
is looked up in dictionaries once, each phrase match is bounded by the phrase's length, and the
rules only combine the few mentions found in one sentence).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.routine.content import AGE_CONCEPT, FlagLevel, FlagRule, RedFlagLexicon
from bot.routine.language_guess import is_other_language
from bot.routine.sign_model import MAX_CHARACTERS, SignModel, most_urgent
from bot.routine.spelling import fold_marks, spelled


class Experiencer(StrEnum):
    """Whose body a sign is about (ConText's experiencer)."""

    SELF = "self"
    OTHER_ADULT = "other_adult"


class Qualifier(StrEnum):
    """Why a matched sign is not the person's own sign now: at most the confirm question."""

    HYPOTHETICAL = "hypothetical"
    REPORTED = "reported"
    DEFINITION = "definition"
    HISTORICAL = "historical"
    NON_ADULT = "non_adult"
    GENERIC = "generic"


class ScreenLevel(StrEnum):
    """What a message calls for. The values are stable."""

    EMERGENCY = "emergency"
    SEE_DOCTOR = "see_doctor"
    POSSIBLE = "possible"
    NOT_ENGLISH = "not_english"
    NONE = "none"


@dataclass(frozen=True)
class Screening:
    """The screen's answer: a level, the matched rule categories and the possible concepts."""

    level: ScreenLevel
    categories: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()
    experiencer: Experiencer = Experiencer.SELF
    """For a clear match: another adult's sign now gets the advice worded for that person."""
    qualifiers: tuple[Qualifier, ...] = ()
    """For POSSIBLE: why a sign that matched was not taken as the person's own sign now."""

    @property
    def clear(self) -> bool:
        """A clear match: the advice is shown at once and the routine paused."""
        return self.level in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


NOTHING = Screening(ScreenLevel.NONE)

_SENTENCE_BREAK = re.compile(r"([.!?;:\n\r\t\"|•·…]+|\s[-–—]+\s|[–—]+)")
# A bracket is an aside inside its sentence, not a sentence of its own: "my son (5) wets the bed"
# keeps the son as whose sign it is. Read as a clause break (a comma).
_BRACKETS = str.maketrans(dict.fromkeys("()[]{}", " , "))
_TOKEN = re.compile(r"(?:[^\W_]|')+|,")
# A Latin-letter text is this language's own when this share of its words are
# (`_own_words_in_latin`), one of them at least this long ("i", "no", "to" are in many languages).
_OWN_LATIN_SHARE = 0.6
_OWN_LATIN_LONG_WORD = 4
_LATIN_SAMPLE = 400
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")
_REDUPLICATED = re.compile(r"([^\W\d_]{2,})2([^\W\d_]*)")  # "kaki2", "dua2nya": the word twice
_NUMBER_UNIT = re.compile(r"\b(\d+)([^\W\d_]{1,5})\b")
_BRACKETED_NUMBER = re.compile(r"\(\s*(\d{1,3})\s*\)")  # "my daughter (6)": an aside, no break
_DOUBLES = re.compile(r"([^\W\d_])\1")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "＇": "'"})
_OLDEST = 120  # a larger number next to a person word is not their age
# A temperature: a whole number, then tenths after a point, a comma, the Arabic decimal sign or a
# slash (Persian writes ۳۸/۵), and/or a degree sign ("39°", "38.5 °C").
_TEMPERATURE = re.compile(r"(?<![\d.,/٫])(\d{2,3})(?:[.,٫/](\d)(?![\d.,/٫]))?\s*(°)?")
_HOTTEST_C = 43.0
_HOTTEST_F = 109.0
_FIRST_WORD = re.compile(r"\s*([^\W\d_]+)")  # the word after a number: "100.5 kg"
_AGE_DECADE = re.compile(r"^([1-9]0)s$")
_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they", "it", "who", "that"})
_ASKS = frozenset("?:-–—")
_MAX_AGE = 110
_TELLER_WORDS = 3
"""How far before a `tells` cue the adult telling of their own body may be named."""
_CACHE_SIZE = 20_000
_MIN_AGE = 5

# Phrase kinds besides the lexicon's concepts.
_IGNORE = "\x00ignore"
_PSEUDO = "\x00pseudo"
_BEFORE = "\x00before"
_AFTER = "\x00after"
_HYPOTHETICAL = "\x00hypothetical"
_HYPOTHETICAL_PSEUDO = "\x00hypothetical_pseudo"
_REPORTED = "\x00reported"
_REPORTED_AFTER = "\x00reported_after"
_DEFINITION = "\x00definition"
_DEFINITION_AFTER = "\x00definition_after"
_HISTORICAL = "\x00historical"
_RESOLVED = "\x00resolved"
_PRESENT = "\x00present"
_CONTEXT_END = "\x00context_end"
_SIMILE = "\x00simile"
_DEFINITION_TERM_WORDS = 4  # a term a definition cue after it asks about: "and the saddle area"
_SIMILE_WORDS = 8  # a comparison's reach when no `simile_ends` word ends it sooner
_PRESENT_QUESTION = "\x00present_question"
_FORWARD = {
    _HYPOTHETICAL: Qualifier.HYPOTHETICAL,
    _REPORTED: Qualifier.REPORTED,
    _DEFINITION: Qualifier.DEFINITION,
}
_CUES = frozenset(
    (
        *_FORWARD,
        _HYPOTHETICAL_PSEUDO,
        _REPORTED_AFTER,
        _DEFINITION_AFTER,
        _HISTORICAL,
        _RESOLVED,
        _PRESENT,
        _CONTEXT_END,
        _PRESENT_QUESTION,
    )
)

# Person markers (a token's role in whose body a sign is about).
_SELF = "self"
_THIRD = "third"
_THIRD_PLURAL = "third_plural"
_OTHER = "other_adult"
_NON_ADULT = "non_adult"
_GENERIC = "generic"


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]
    kind: str

    def matches(self, tokens: Sequence[str], start: int) -> bool:
        """Whether the phrase starts at `start` (its first word is known to match already)."""
        if len(self.words) == 1:
            return True
        if start + len(self.words) > len(tokens):
            return False
        for offset in range(1, len(self.words)):
            word = self.words[offset]
            token = tokens[start + offset]
            if word.endswith("*"):
                if not token.startswith(word[:-1]):
                    return False
            elif token != word:
                return False
        return True


@dataclass(frozen=True)
class _Candidates:
    singles: tuple[_Phrase, ...]
    by_second: dict[str, tuple[_Phrase, ...]]
    others: tuple[_Phrase, ...]


class _Mention(NamedTuple):
    start: int
    end: int  # exclusive
    concept: str
    qualifier: Qualifier | str | None = None  # None: the person's own sign now; or _OTHER


@dataclass
class _Sentence:
    tokens: list[str]
    persons: list[str | None] = field(default_factory=list)
    mentions: dict[str, list[_Mention]] = field(default_factory=dict)
    historical: bool = False
    resolved: bool = False
    present: bool = False
    asks_about_self: bool = False
    asked: bool = False  # the sentence ends with a question mark
    affirmed: bool = False  # the next sentence says the question is the person's own ("mine do")
    disavowed: bool = False  # the next sentence says it is not ("just curious")
    times: list[tuple[int, bool]] = field(default_factory=list)  # (position, past?) of time cues
    pauses: list[int] = field(default_factory=list)  # where an ellipsis was: a scope ends
    turns: bool = False  # a clause opens on a present cue after a past one: "…, now i'm fine"
    denied: bool = False  # a sign the lexicon read here was negated ("no numbness")
    denied_concepts: set[str] = field(default_factory=set)  # the concepts of those signs
    looked_alike: bool = False  # an `ignore` look-alike was read here ("tanganku kebas")
    scopes: list[tuple[int, int, Qualifier]] = field(default_factory=list)


class RedFlagScreen:
    """A compiled lexicon. Build once at start-up (`RedFlagScreen(content.red_flags)`)."""

    def __init__(
        self,
        lexicon: RedFlagLexicon,
        foreign: Callable[[str, str], bool] = is_other_language,
        model: SignModel | None = None,
    ) -> None:
        self.lexicon = lexicon
        self._spelling = lexicon.spelling
        lexicon = spelled(lexicon, lexicon.spelling)  # the words as the text will be read
        self._suffixes = lexicon.suffixes
        self._foreign = foreign
        self._model = model
        self._last_urgency: tuple[str, tuple[float, float]] | None = None
        self._thresholds = lexicon.model
        self._lifts = frozenset(lexicon.model.lifts)
        self._needs = frozenset(lexicon.model.needs)
        negation = lexicon.negation
        self._contractions = {key: value.split() for key, value in lexicon.contractions.items()}
        self._reduplicates = lexicon.reduplication_digit
        self._scope_words = negation.scope_words
        self._after_words = negation.after_words
        self._scope_ends = frozenset(negation.scope_ends)
        self._starters = frozenset(negation.clause_starters)
        self._answers = frozenset(negation.answers)
        self._possible = frozenset(lexicon.possible)
        # A denial of one of these silences the model's question below `model.denied`
        # (`model.needs`: body parts and functions of the emergency signs; the possible signs).
        self._signs_named = frozenset(lexicon.model.needs) | self._possible
        self._rules = lexicon.rules
        self._age = lexicon.age
        self._age_not_after = frozenset(lexicon.age.not_after)
        self._temperature = lexicon.temperature
        self._temperature_units = (
            frozenset(lexicon.temperature.units) if lexicon.temperature else frozenset()
        )

        exact: dict[str, list[_Phrase]] = defaultdict(list)
        prefix: dict[str, list[_Phrase]] = defaultdict(list)
        words: set[str] = set()
        stems: set[str] = set()

        def add(phrases: Iterable[str], kind: str) -> None:
            for phrase in phrases:
                parts = tuple(phrase.split())
                entry = _Phrase(parts, kind)
                first = parts[0]
                if first.endswith("*"):
                    prefix[first[:-1]].append(entry)
                else:
                    exact[first].append(entry)
                for part in parts:
                    (stems if part.endswith("*") else words).add(part.rstrip("*"))

        for name, phrases in lexicon.concepts.items():
            add(phrases, name)
        add(lexicon.ignore, _IGNORE)
        add(negation.pseudo, _PSEUDO)
        add(negation.before, _BEFORE)
        add(negation.after, _AFTER)
        context = lexicon.context
        add(context.hypothetical, _HYPOTHETICAL)
        add(context.hypothetical_pseudo, _HYPOTHETICAL_PSEUDO)
        add(context.reported, _REPORTED)
        add(context.reported_after, _REPORTED_AFTER)
        add(context.definition, _DEFINITION)
        add(context.definition_after, _DEFINITION_AFTER)
        add(context.historical, _HISTORICAL)
        add(context.resolved, _RESOLVED)
        add(context.present, _PRESENT)
        add(context.present_questions, _PRESENT_QUESTION)
        add(tuple(end for end in context.scope_ends if " " in end), _CONTEXT_END)
        add(context.similes, _SIMILE)
        self._simile_ends = frozenset(context.simile_ends)
        self._context_ends = frozenset(end for end in context.scope_ends if " " not in end)
        self._scope_goes_on = frozenset(context.scope_goes_on)
        self._contrasts = frozenset(context.contrasts)
        self._person_forms = dict(context.person_forms)
        self._self_words = frozenset(context.self_words)
        self._adult_age = context.adult_age
        self._tells = frozenset(context.tells)
        self._self_only = frozenset(context.self_only)
        self._self_only_theirs = frozenset(context.self_only_theirs)
        self._affirmations = frozenset(context.affirmations)
        self._disavowals = frozenset(context.disavowals)
        self._affirmation_openers = sorted(
            (tuple(opener.split()) for opener in context.affirmation_openers), key=len, reverse=True
        )
        self._negation_words = frozenset(cue for cue in negation.before if " " not in cue)
        self._young_kin = frozenset(context.young_kin)
        self._owner_follows = context.owner_follows
        self._owner_by_order = context.owner_by_order
        self._owner_links = frozenset(context.owner_links)
        self._person_after_links = frozenset(context.person_after_links)
        self._child_age_before = context.child_age_before
        self._object_words = frozenset(context.object_words)
        # Concepts that explain a sign away in some rule ("after leg day", "so cold"): with one in
        # the message the statistical reader may ask, never give the advice.
        self._ordinary_causes = frozenset(
            name for rule in lexicon.rules for name in rule.unless
        ) | frozenset(lexicon.model.not_with)
        persons: dict[str, str] = {}
        for person_words, marker in (
            (context.generic, _GENERIC),
            (context.non_adult, _NON_ADULT),
            (context.other_adult, _OTHER),
            (context.third_person, _THIRD),
            (context.third_plural, _THIRD_PLURAL),
            (context.self_words, _SELF),
        ):
            persons.update((word, marker) for word in person_words if " " not in word)
        self._persons = persons
        self._person_phrases = tuple(
            (tuple(phrase.split()), marker)
            for words, marker in ((context.non_adult, _NON_ADULT), (context.other_adult, _OTHER))
            for phrase in words
            if " " in phrase
        )  # "toilet training", "little one": the phrase's first word takes the marker
        phrases_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for phrase_words, marker in self._person_phrases:
            phrases_by_first[phrase_words[0]].append((phrase_words, marker))
        self._person_phrases_by_first = dict(phrases_by_first)
        history_counts = frozenset(context.history_counts)
        self._history_counts = frozenset(
            concept
            for rule in lexicon.rules
            if rule.category in history_counts
            for concept in rule.concepts()
        )
        # Longer phrases first, so the widest match of a kind is seen first.
        self._exact = {
            key: sorted(value, key=lambda p: -len(p.words)) for key, value in exact.items()
        }
        self._prefix = {
            key: sorted(value, key=lambda p: -len(p.words)) for key, value in prefix.items()
        }
        self._prefix_lengths = sorted({len(stem) for stem in self._prefix})
        self._lexicon_words = frozenset(words)
        self._stems = frozenset(stems)
        self._stem_lengths = sorted({len(stem) for stem in stems})
        self._english = (
            frozenset(lexicon.common_words.split())
            | frozenset(word for value in self._contractions.values() for word in value)
            | frozenset(persons)  # a person word is never read as another ("horse", "house")
            | frozenset(word for words, _ in self._person_phrases for word in words)
        )
        fuzzy = lexicon.fuzzy
        self._fuzzy = fuzzy
        targets: dict[str, list[str]] = defaultdict(list)
        for word in sorted(words | stems | set(lexicon.spellings)):
            if len(word) >= fuzzy.min_length - 1 and word.isalpha():
                targets[word[0]].append(word)
        self._fuzzy_targets = dict(targets)
        self._resolve = lru_cache(maxsize=8192)(self._resolve_uncached)
        self._words: dict[str, tuple[str, ...]] = {}
        self._rule_groups = tuple(
            (
                rule,
                tuple(frozenset((item,) if isinstance(item, str) else item) for item in rule.all),
                frozenset(rule.unless),
            )
            for rule in lexicon.rules
        )
        # Causes and nothing else ("wind" is also a sign's word: "thought it was wind, but …").
        self._only_causes = self._ordinary_causes - {
            name for _, groups, _ in self._rule_groups for group in groups for name in group
        }
        self._self_only_signs = frozenset(
            concept
            for rule, groups, _ in self._rule_groups
            if rule.category in self._self_only
            for group in groups
            for concept in group
        )  # the concepts of the rules that are a sign only for the writer (pregnancy)
        self._candidates = lru_cache(maxsize=8192)(self._candidates_uncached)

    # --- public -------------------------------------------------------------------------------

    @property
    def has_model(self) -> bool:
        """Whether a statistical reader backs the lexicon (`bot.routine.sign_model`)."""
        return self._model is not None

    def in_own_words(self, text: str) -> bool:
        """Whether *text* is written in this language's own words, in Latin letters (see
        `_own_words_in_latin`): English's look-alikes need not read it."""
        return self._own_words_in_latin(self._folded(text))

    def _folded(self, text: str) -> str:
        folded = fold_marks(text.casefold().translate(_APOSTROPHES))
        return self._spelling.text(_strip_accents(folded))

    def screen(self, text: str) -> Screening:
        """The screening of one message, whatever its length. Never raises on any text."""
        plain = self._folded(text)
        plain = _REPEATS.sub(r"\1\1", plain)
        plain = _NUMBER_UNIT.sub(r"\1 \2", plain)  # "6kg" → 6 kg, "63yo" → 63 yo
        plain = _BRACKETED_NUMBER.sub(r" \1 ", plain)
        if self._temperature is not None:
            plain = _TEMPERATURE.sub(self._temperature_as_words, plain)
        sentences = self._sentences(plain)
        referent: str | None = None
        for index, sentence in enumerate(sentences):
            referent = self._resolve_persons(sentence, referent)
            self._find_mentions(sentence, opening=index == 0)
        for previous, sentence in pairwise(sentences):
            if not previous.asked:
                continue
            whole = " ".join(t for t in sentence.tokens if t != ",")
            if whole in self._affirmations or self._affirms(sentence.tokens):
                previous.asks_about_self = previous.affirmed = True  # "… with back pain? mine do"
            elif whole in self._disavowals:
                previous.disavowed = True  # "… a sign of something? just curious"
        for index, sentence in enumerate(sentences):
            if sentence.resolved and (not sentence.present or sentence.turns):
                before = sentences[index - 1] if index > 0 else None
                if (
                    before is not None
                    and not before.present
                    # "i'm 55, my back started last week. my husband had numb legs years ago,
                    # fine now": his recovery is not the writer's.
                    and not (_about_someone_else(sentence) and _OTHER not in before.persons)
                ):
                    before.historical = True
                if not sentence.present:
                    sentence.historical = True
        for sentence in sentences:
            self._qualify(sentence)
        own = self._fired(sentences, frozenset({None}))
        if own:
            doctor = own[FlagLevel.SEE_DOCTOR]
            if (
                not own[FlagLevel.EMERGENCY]
                and self._lifts.issuperset(doctor)
                and self._sure_alone(text, sentences)
            ):
                return Screening(ScreenLevel.EMERGENCY, tuple(doctor))
            if not own[FlagLevel.EMERGENCY]:
                # "i had a fever last night, and my husband cant feel his legs": his emergency
                # outranks the writer's own see-a-doctor sign.
                theirs = self._someone_elses(sentences)
                if theirs and theirs[FlagLevel.EMERGENCY]:
                    return self._clear(theirs, Experiencer.OTHER_ADULT)
            return self._clear(own, Experiencer.SELF)
        someone_else = self._someone_elses(sentences)
        if someone_else:
            return self._clear(someone_else, Experiencer.OTHER_ADULT)
        if self._other_language(text, plain):
            return Screening(ScreenLevel.NOT_ENGLISH)
        learnt = self._learnt(text, sentences)
        mentions = [
            mention
            for sentence in sentences
            for mentioned in sentence.mentions.values()
            for mention in mentioned
        ]
        qualified = self._fired(sentences, None)
        if qualified:
            concepts = sorted({m.concept for m in mentions if m.concept in self._possible})
            why = sorted({m.qualifier for m in mentions if isinstance(m.qualifier, Qualifier)})
            categories = tuple(qualified[FlagLevel.EMERGENCY] + qualified[FlagLevel.SEE_DOCTOR])
            return Screening(
                ScreenLevel.POSSIBLE, categories, tuple(concepts), qualifiers=tuple(why)
            )
        possible = sorted(
            {m.concept for m in mentions if m.concept in self._possible and m.qualifier is None}
        )
        explained = any(
            m.concept in self._ordinary_causes and m.qualifier is None for m in mentions
        )
        sure = learnt is not None and learnt.level is not ScreenLevel.POSSIBLE
        if possible and learnt is not None and sure and not explained:
            return replace(learnt, concepts=tuple(possible))  # the model is sure: the advice
        if possible:
            return Screening(ScreenLevel.POSSIBLE, (), tuple(possible))
        if learnt is None or any(s.looked_alike for s in sentences):
            return NOTHING
        if self._signs_named.isdisjoint(
            concept for sentence in sentences for concept in sentence.denied_concepts
        ):
            if learnt.level is ScreenLevel.EMERGENCY:
                if self._sure_alone(text, sentences):
                    return learnt  # "legs made of concrete": words the lexicon never listed
                if self._sure_alone(text, sentences, theirs=True):
                    # «khanomam mige az dishab nemitoone jelo dastshoiesh ro begire»: another
                    # adult's sign now, in words the lexicon never listed; worded for them.
                    return replace(learnt, experiencer=Experiencer.OTHER_ADULT)
            # No sign the lexicon knows: one question, even beside a denial of something else
            # ("no fever, no blood, but it just won't come out").
            return Screening(ScreenLevel.POSSIBLE)
        denied = self._thresholds.denied
        if denied is not None and self._urgency(text, sentences)[0] >= denied:
            # A sign's body part or function read as denied, and the model sure of an
            # emergency: the negation may be the sign itself («موقع جیش کردن هیچی حس نمیکنم
            # طبیعیه؟», "is it normal that I feel nothing when I pee?"). One question, never
            # the advice.
            return Screening(ScreenLevel.POSSIBLE)
        return NOTHING

    def _someone_elses(self, sentences: list[_Sentence]) -> dict[FlagLevel, list[str]]:
        """The rules that fire for another adult's body (their `self_only` signs only when
        `_theirs_too`)."""
        fired = self._fired(sentences, frozenset({None, _OTHER}), self._self_only)
        if not fired and self._theirs_too(sentences):
            fired = self._fired(sentences, frozenset({_OTHER}))
        return fired

    def _theirs_too(self, sentences: list[_Sentence]) -> bool:
        """Whether another adult's `self_only` sign and their `self_only_theirs` concept are
        both named, with no word of the writer's own between ("my wife is pregnant and her back
        hurts"; not "istri lagi hamil, jadi gue yg angkat galon, pinggang gue pegel"): then the
        sign counts for them too."""
        if not self._self_only_theirs:
            return False
        signs = self._self_only_signs
        events: list[tuple[int, int, str]] = []
        for index, sentence in enumerate(sentences):
            for name, mentioned in sentence.mentions.items():
                kind = (
                    "sign" if name in signs else "theirs" if name in self._self_only_theirs else ""
                )
                events.extend(
                    (index, m.start, kind) for m in mentioned if kind and m.qualifier == _OTHER
                )
            events.extend((index, i, "self") for i, p in enumerate(sentence.persons) if p == _SELF)
        kinds = [kind for *_, kind in sorted(events)]
        return any({first, second} == {"sign", "theirs"} for first, second in pairwise(kinds))

    def _sure_alone(self, text: str, sentences: list[_Sentence], *, theirs: bool = False) -> bool:
        """Whether the statistical reader may give the emergency advice on its own word: it is
        at least `model.alone` sure, nothing in the message is qualified (a hypothetical,
        reported advice, history, someone else's body) or explained by an ordinary cause, and
        a body part or function of `model.needs` is named. *theirs*: another adult's body is
        the one qualifier allowed, and every body part or function named is theirs."""
        alone = self._thresholds.alone
        if self._model is None or alone is None or not self._plain(sentences, theirs=theirs):
            return False
        named = {
            (name, mention.qualifier)
            for sentence in sentences
            for name, mentioned in sentence.mentions.items()
            for mention in mentioned
            if name in self._needs
        }
        if self._needs and not named:
            return False  # no body part or function named: "i don't know"
        if theirs and any(owner != _OTHER for _, owner in named):
            return False  # "my wife says i cant feel my legs": the writer's own
        return self._urgency(text, sentences)[0] >= alone

    def _plain(self, sentences: list[_Sentence], *, theirs: bool = False) -> bool:
        """No ConText qualifier (but another adult's body, *theirs*), no denied sign and no
        ordinary cause anywhere in the message."""
        persons: tuple[str | None, ...] = (None, _SELF, _OTHER) if theirs else (None, _SELF)
        owners: tuple[Qualifier | str | None, ...] = (None, _OTHER) if theirs else (None,)
        for sentence in sentences:
            if (
                sentence.historical
                or sentence.resolved
                or sentence.disavowed
                or sentence.denied
                or sentence.looked_alike
            ):
                return False
            if sentence.scopes or any(p not in persons for p in sentence.persons):
                return False
            for mentioned in sentence.mentions.values():
                for mention in mentioned:
                    if mention.qualifier not in owners or mention.concept in self._ordinary_causes:
                        return False
        return True

    def _urgency(self, text: str, sentences: list[_Sentence]) -> tuple[float, float]:
        """The model's P(emergency) and P(see a doctor) of the message (a long one: of the
        sentences the lexicon found something in). The last answer is kept: the screen asks
        twice about one message at most."""
        assert self._model is not None
        last = self._last_urgency  # one read: a tuple is replaced whole, never changed
        if last is not None and last[0] == text:
            return last[1]
        if len(text) <= MAX_CHARACTERS:
            texts = [text]
        else:
            texts = [" ".join(s.tokens) for s in sentences if s.mentions]
        urgency = most_urgent(self._model, texts)
        self._last_urgency = (text, urgency)
        return urgency

    def _learnt(self, text: str, sentences: list[_Sentence]) -> Screening | None:
        """What the statistical reader is sure of, where the lexicon's rules did not fire: the
        advice's level, or POSSIBLE (the confirm question), or None (not sure)."""
        if self._model is None:
            return None
        emergency, doctor = self._urgency(text, sentences)
        sure = self._thresholds
        if emergency >= sure.emergency:
            return Screening(ScreenLevel.EMERGENCY)
        if max(emergency, doctor) >= sure.question:
            return Screening(ScreenLevel.POSSIBLE)
        return None

    def _fired(
        self,
        sentences: list[_Sentence],
        allowed: frozenset[Qualifier | str | None] | None,
        skip: frozenset[str] = frozenset(),
    ) -> dict[FlagLevel, list[str]]:
        """The categories of the rules that fire on the mentions whose qualifier is *allowed*
        (None: on every mention), but those in *skip*; empty when none fires."""
        found: list[dict[str, list[_Mention]]] = []
        message: dict[str, list[_Mention]] = defaultdict(list)
        for sentence in sentences:
            kept: dict[str, list[_Mention]] = {}
            for name, mentioned in sentence.mentions.items():
                chosen = (
                    mentioned
                    if allowed is None
                    else [m for m in mentioned if m.qualifier in allowed]
                )
                if chosen:
                    kept[name] = chosen
                    message[name].extend(chosen)
            if kept:
                found.append(kept)
        fired: dict[FlagLevel, list[str]] = {FlagLevel.EMERGENCY: [], FlagLevel.SEE_DOCTOR: []}
        if not found:
            return {}
        present = message.keys()
        for rule, groups, unless in self._rule_groups:
            if rule.category in fired[rule.level] or rule.category in skip:
                continue
            if any(present.isdisjoint(group) for group in groups):
                continue  # a concept the rule needs is nowhere in the message
            if rule.anywhere:
                hit = _rule_fires(rule, groups, unless, message, whole=True)
            else:
                hit = any(_rule_fires(rule, groups, unless, mentions) for mentions in found)
            if hit:
                fired[rule.level].append(rule.category)
        return fired if fired[FlagLevel.EMERGENCY] or fired[FlagLevel.SEE_DOCTOR] else {}

    @staticmethod
    def _clear(fired: dict[FlagLevel, list[str]], experiencer: Experiencer) -> Screening:
        emergency, doctor = fired[FlagLevel.EMERGENCY], fired[FlagLevel.SEE_DOCTOR]
        if emergency:
            return Screening(
                ScreenLevel.EMERGENCY, tuple(emergency + doctor), experiencer=experiencer
            )
        return Screening(ScreenLevel.SEE_DOCTOR, tuple(doctor), experiencer=experiencer)

    # --- normalising ----------------------------------------------------------------------------

    def _sentences(self, plain: str) -> list[_Sentence]:
        parts = _SENTENCE_BREAK.split(plain.translate(_BRACKETS))
        pieces, breaks, pauses = self._join_colons(
            [self._tokens(piece) for piece in parts[::2]], parts[1::2]
        )
        sentences: list[_Sentence] = []
        for index, tokens in enumerate(pieces):
            words = [token for token in tokens if token != ","]
            if not words:
                continue
            asked = index < len(breaks) and "?" in breaks[index]
            following = pieces[index + 1] if index + 1 < len(pieces) else None
            if (
                following is not None
                and " ".join(t for t in following if t != ",") in self._answers
                and not _ASKS.isdisjoint(breaks[index])
            ):
                continue  # "Fever? No."
            persons: list[str | None] = [self._persons.get(token) for token in tokens]
            if self._person_forms:
                tokens = [self._person_forms.get(token, token) for token in tokens]
            sentences.append(_Sentence(tokens, persons, asked=asked, pauses=pauses[index]))
        return sentences

    def _join_colons(
        self, pieces: list[list[str]], breaks: list[str]
    ) -> tuple[list[list[str]], list[str], list[list[int]]]:
        """A colon introduces what was said or listed, inside its sentence: "the doctor warned:
        numbness down there …" stays advice the writer was given; an ellipsis is a pause inside
        it ("legs... both... like someone else's"), which ends a context's scope as a `scope_ends`
        word does ("як би це сказати... там де сідаєш все наче чуже"). Unless an answer follows
        ("numbness: none"), which is read as a question and its answer. Returns the pieces, the
        breaks kept, and each piece's pauses (the positions of the commas put for an ellipsis)."""
        joined, kept = [pieces[0]], []
        pauses: list[list[int]] = [[]]
        for brk, piece in zip(breaks, pieces[1:], strict=True):
            pause = brk == "…" * len(brk) or (len(brk) > 1 and set(brk) == {"."})
            answer = " ".join(t for t in piece if t != ",") in self._answers
            if (set(brk) == {":"} or pause) and not answer:
                if pause:
                    pauses[-1].append(len(joined[-1]))
                joined[-1] = [*joined[-1], ",", *piece]
            else:
                kept.append(brk)
                joined.append(piece)
                pauses.append([])
        return joined, kept, pauses

    def _resolve_persons(self, sentence: _Sentence, referent: str | None) -> str | None:
        """He, she, they (and "it", for an animal or a child) take the last person named before
        them — a parent, a partner, a toddler, a dog; with none named, another adult. Returns the
        referent after this sentence."""
        persons = sentence.persons
        tokens = sentence.tokens
        for index, marker in enumerate(persons):
            if marker in (_OTHER, _NON_ADULT) and not self._object_words.isdisjoint(
                tokens[max(0, index - 3) : index]
            ):
                persons[index] = None  # "off a horse", "weak as a kitten": not whose body
        by_first = self._person_phrases_by_first
        for index, token in enumerate(tokens):
            for words, phrase_marker in by_first.get(token, ()):
                if tuple(tokens[index : index + len(words)]) == words:
                    persons[index] = phrase_marker
        if self._owner_follows:
            _clear_owners(tokens, persons, self._owner_links, by_order=self._owner_by_order)
        for index, token in enumerate(tokens):
            if (
                token.isdecimal()
                and int(token) < self._adult_age
                and (
                    _precedes(tokens, index + 1, self._age.after)
                    or (
                        _follows(tokens, index, self._child_age_before)
                        and not _precedes(tokens, index + 1, self._age_not_after)
                    )
                )
            ):
                persons[index] = _NON_ADULT  # "my 4 year old", "a 2yo", "he is only 3"
            elif (
                token.isdecimal()
                and int(token) < self._adult_age
                and index > 0
                and persons[index - 1] == _OTHER
                and not _precedes(tokens, index + 1, self._age_not_after)
            ):
                persons[index] = _NON_ADULT  # "my daughter (6)": a person word, then an age
        if self._young_kin and _NON_ADULT in persons:  # "potty training my son"
            for index, token in enumerate(tokens):
                if token in self._young_kin:
                    persons[index] = _NON_ADULT
        self._grown_up_by_age(tokens, persons)
        named_here = False  # "it" is a child or an animal only when named in the same sentence
        for index, marker in enumerate(persons):
            if marker in (_OTHER, _NON_ADULT):
                referent = marker
                named_here = True
            elif marker == _THIRD:
                persons[index] = referent or _OTHER
            elif marker == _THIRD_PLURAL:
                persons[index] = referent  # "they" with no one named: the legs, not a person
            elif (
                marker is None
                and named_here
                and referent == _NON_ADULT
                and sentence.tokens[index] == "it"
            ):
                persons[index] = _NON_ADULT
        return referent

    def _grown_up_by_age(self, tokens: list[str], persons: list[str | None]) -> None:
        """A child-word with an adult's age is another adult: "my kid (25)", "anak saya umur
        27" — a son or daughter is someone's child at any age."""
        for index, token in enumerate(tokens):
            if not token.isdecimal() or not self._adult_age <= int(token) <= _OLDEST:
                continue
            if _precedes(tokens, index + 1, self._age_not_after):
                continue  # "27 weeks"
            stated = (
                _precedes(tokens, index + 1, self._age.after)
                or _follows(tokens, index, self._age.before)
                or _follows(tokens, index, self._child_age_before)
                or (index > 0 and persons[index - 1] in (_OTHER, _NON_ADULT))
            )
            if not stated:
                continue
            for back in range(index - 1, max(-1, index - 6), -1):
                if persons[back] == _SELF:
                    break
                if persons[back] == _NON_ADULT:
                    persons[back] = _OTHER
                    break

    def _qualify(self, sentence: _Sentence) -> None:
        """Each mention's qualifier: history, a hypothetical, reported advice, a definition
        question, or whose body (another adult, a child or an animal, anyone in general)."""
        if not sentence.mentions:
            return
        qualified: dict[str, list[_Mention]] = {}
        for name, mentioned in sentence.mentions.items():
            qualified[name] = [
                mention._replace(qualifier=self._qualifier(sentence, mention))
                for mention in mentioned
            ]
        sentence.mentions = qualified

    def _qualifier(self, sentence: _Sentence, mention: _Mention) -> Qualifier | str | None:
        if mention.concept not in self._history_counts and _in_the_past(sentence, mention):
            return Qualifier.HISTORICAL
        if sentence.disavowed:
            return Qualifier.DEFINITION
        person = self._person_after(sentence, mention) or _person_of(
            sentence, mention, self._self_words
        )
        if person == _GENERIC and sentence.asks_about_self:
            person = _SELF  # "is it normal not to feel when you need a wee?"
        for start, end, qualifier in sentence.scopes:
            if start <= mention.start < end:
                if qualifier is Qualifier.DEFINITION and person == _SELF:
                    continue
                if sentence.affirmed and qualifier is not Qualifier.REPORTED:
                    continue  # "can back pain make you leak? because i am"
                return qualifier
        if person == _NON_ADULT:
            return Qualifier.NON_ADULT
        if person == _GENERIC:
            return Qualifier.GENERIC
        if person == _OTHER:
            return _OTHER
        return None

    def _person_after(self, sentence: _Sentence, mention: _Mention) -> str | None:
        """A person tied to the sign by a `person_after_links` word right after it ("не держит
        мочу у мужа", "as pernas do meu pai"), unless a self word comes right before the sign
        ("я не можу помочитися у мами": the writer's, at mum's)."""
        tokens, persons = sentence.tokens, sentence.persons
        link = mention.end  # after the longest phrase it is part of ("retencion [de orina]")
        spans = [(m.start, m.end) for found in sentence.mentions.values() for m in found]
        longer = True
        while longer:
            longer = False
            for start, end in spans:
                if start < link < end:
                    link, longer = end, True
        if link >= len(tokens) or tokens[link] not in self._person_after_links:
            return None
        if mention.start > 0 and persons[mention.start - 1] == _SELF:
            return None
        index = link + 1
        if index < len(tokens) and (
            persons[index] == _SELF
            or (persons[index] is None and tokens[index] in self._owner_links)
        ):
            index += 1  # one possessive: "у моей мамы", "do meu pai"
        if index < len(tokens) and persons[index] in (_OTHER, _NON_ADULT, _GENERIC):
            return persons[index]
        return None

    def _tokens(self, piece: str) -> list[str]:
        tokens: list[str] = []
        cache = self._words
        for raw in _TOKEN.findall(piece):
            words = cache.get(raw)
            if words is None:
                token = self._spelling.word(raw.strip("'"))
                words = tuple(self._resolve(word) for word in self._expand(token)) if token else ()
                if len(cache) >= _CACHE_SIZE:
                    cache.clear()
                cache[raw] = words
            tokens.extend(words)
        return tokens

    def _expand(self, token: str) -> list[str]:
        """Contractions: "didn't" → did not, "pee'd" → peed, "bladder's" → bladder; a word
        reduplicated with a 2 where the language writes so (`reduplication_digit`)."""
        if token in self._contractions:
            return self._contractions[token]  # "bertahun2": bertahun tahun, as the file says
        if self._reduplicates:
            twice = _REDUPLICATED.fullmatch(token)
            if twice:  # "dua2nya" → dua duanya, "kaki2" → kaki kaki
                return [twice.group(1), twice.group(1) + twice.group(2)]
        if "'" not in token:
            return [token]
        stem, _, tail = token.rpartition("'")
        if tail == "t" and stem.endswith("n"):
            return [stem[:-1], "not"]
        if tail == "s":
            return [stem.replace("'", "")]
        if tail in ("ve", "re", "ll"):
            return [stem.replace("'", ""), {"ve": "have", "re": "are", "ll": "will"}[tail]]
        if tail == "d":
            if stem in _PRONOUNS:
                return [stem, "had"]
            return [stem + ("d" if stem.endswith("e") else "ed")]
        return [token.replace("'", "")]

    def _known(self, token: str) -> bool:
        """A word of the lexicon or of `common_words`, or an inflection of one."""
        if self._known_as_is(token):
            return True
        for suffix in self._suffixes:
            if token.endswith(suffix) and len(token) - len(suffix) >= 3:
                base = token[: -len(suffix)]
                if self._known_as_is(base) or self._known_as_is(base + "e"):
                    return True
        return False

    def _known_as_is(self, token: str) -> bool:
        return (
            token in self._english
            or token in self._lexicon_words
            or any(token[:length] in self._stems for length in self._stem_lengths)
        )

    def _resolve_uncached(self, token: str) -> str:
        """The token, or the lexicon word it is a misspelling of."""
        if token == "," or self._known(token) or not token.isalpha():
            return token
        single = _DOUBLES.sub(r"\1", token)
        if single != token and self._known(single):
            return single
        fuzzy = self._fuzzy
        if len(token) < fuzzy.min_length:
            return token
        limit = fuzzy.long_distance if len(token) >= fuzzy.long_word else fuzzy.short_distance
        targets = self._fuzzy_targets.get(token[0])
        if not targets or limit == 0:
            return token
        best = process.extractOne(token, targets, scorer=OSA.distance, score_cutoff=limit)
        return str(best[0]) if best is not None else token

    def _other_language(self, text: str, plain: str) -> bool:
        """Real text in another language (`language_guess`: never a lone unknown word, a
        typo, "helloooo" or keyboard mash, which are no language at all). *plain*: the text as
        this screen reads it (folded, spelled)."""
        if self._own_words_in_latin(plain):
            return False
        if not self._foreign(text, self.lexicon.language.split("_")[0]):
            return False
        return all(self._foreign(text, neighbour) for neighbour in self.lexicon.neighbours)

    def _own_words_in_latin(self, plain: str) -> bool:
        """A text in Latin letters whose words are mostly this language's, transliterated
        ("spasibo vse sdelala", Finglish "mamnun hamaro anjam dadam"): the detector has no model
        of a script typed on a Latin keyboard and names it Polish, Turkish or Indonesian. In a
        language written in Latin letters, a text whose words are all its own."""
        words = [
            self._spelling.word(raw.strip("'"))
            for raw in _TOKEN.findall(plain[:_LATIN_SAMPLE])
            if raw != "," and not raw.isdigit()
        ]
        if not words or not all(word.isascii() for word in words):
            return False
        known = [word for word in words if self._known(word)]
        # A language written in Latin letters: every word its own ("whats cauda equina" is
        # English, whatever the detector makes of two Latin words).
        share = _OWN_LATIN_SHARE if self.lexicon.spelling.latin else 1.0
        return len(known) >= share * len(words) and any(
            len(word) >= _OWN_LATIN_LONG_WORD for word in known
        )

    # --- concepts and negation ------------------------------------------------------------------

    def _candidates_uncached(self, token: str) -> _Candidates:
        """The phrases whose first word matches the token, split for a quick second-word test."""
        found = list(self._exact.get(token, ()))
        for length in self._prefix_lengths:
            if length > len(token):
                break
            found.extend(self._prefix.get(token[:length], ()))
        found = [phrase for phrase in found if phrase.words[0] != ","]
        singles = tuple(phrase for phrase in found if len(phrase.words) == 1)
        by_second: dict[str, list[_Phrase]] = defaultdict(list)
        others: list[_Phrase] = []
        for phrase in found:
            if len(phrase.words) > 1:
                second = phrase.words[1]
                if second.endswith("*"):
                    others.append(phrase)
                else:
                    by_second[second].append(phrase)
        return _Candidates(singles, {k: tuple(v) for k, v in by_second.items()}, tuple(others))

    def _affirms(self, tokens: list[str]) -> bool:
        """ "because i just did", "asking because mine are numb": an opener, then the person."""
        words = [t for t in tokens if t != ","]
        if self._negation_words.intersection(words):
            return False
        for opener in self._affirmation_openers:
            size = len(opener)
            if tuple(words[:size]) == opener and len(words) > size:
                return words[size] in self._self_words
        return False

    def _find_mentions(self, sentence: _Sentence, opening: bool = False) -> None:
        tokens = sentence.tokens
        size = len(tokens)
        hidden: set[int] = set()
        consumed: set[int] = set()
        pseudo: set[int] = set()
        raw: list[_Mention] = []
        before: list[tuple[int, int]] = []
        after: list[tuple[int, int]] = []
        cues: list[_Mention] = []
        candidates_of = self._candidates
        for start, token in enumerate(tokens):
            candidates = candidates_of(token)
            for phrase in candidates.singles:
                raw.append(_Mention(start, start + 1, phrase.kind))
            if candidates.by_second and start + 1 < size:
                multi = candidates.by_second.get(tokens[start + 1], ())
            else:
                multi = ()
            for phrase in (*multi, *candidates.others) if candidates.others else multi:
                if phrase.matches(tokens, start):
                    raw.append(_Mention(start, start + len(phrase.words), phrase.kind))
        mentions: list[_Mention] = []
        similes: list[int] = []
        for mention in raw:
            kind = mention.concept
            if kind == _SIMILE:
                similes.append(mention.end)
            elif kind == _IGNORE:
                hidden.update(range(mention.start, mention.end))
            elif kind == _PSEUDO:
                consumed.update(range(mention.start, mention.end))
                pseudo.update(range(mention.start, mention.end))
            elif kind == _BEFORE:
                before.append((mention.start, mention.end))
            elif kind == _AFTER:
                after.append((mention.start, mention.end))
            elif kind in _CUES:
                cues.append(mention)
            else:
                mentions.append(mention)
        if hidden:
            sentence.looked_alike = True
            mentions = [m for m in mentions if hidden.isdisjoint(range(m.start, m.end))]
        if similes:
            compared = self._compared(tokens, similes)
            mentions = [
                m
                for m in mentions
                if m.concept not in self._ordinary_causes or m.start not in compared
            ]
        for mention in mentions:
            consumed.update(range(mention.start, mention.end))
        consumed |= hidden
        self._add_ages(tokens, mentions, opening)
        self._add_temperatures(tokens, mentions)
        negated_from = [False] * (size + 1)
        for start, end in before:
            if not consumed.isdisjoint(range(start, end)):
                continue
            position = end
            limit = min(size, end + self._scope_words)
            while position < limit and not (
                self._ends_scope(tokens, position) or position in sentence.pauses
            ):
                negated_from[position] = True
                position += 1
        negated_until = [False] * (size + 1)
        starts = {mention.start for mention in mentions}
        for start, end in after:
            if not consumed.isdisjoint(range(start, end)):
                continue
            if end in starts:
                continue  # it denies what follows, not what came before
            if any(
                start - self._after_words <= cue < start and "," not in tokens[cue:start]
                for cue, _ in before
            ):
                continue  # "culo dormido, no meo bien": not well is no "fine"
            position = start - 1
            limit = max(0, start - self._after_words)
            while position >= limit and tokens[position] != ",":
                if tokens[position] in self._scope_ends:
                    break
                negated_until[position] = True
                position -= 1
        denied_causes = self._denied_causes(mentions, before, pseudo)
        kept: dict[str, list[_Mention]] = defaultdict(list)
        for mention in mentions:
            if (
                negated_from[mention.start]
                or negated_until[mention.end - 1]
                or mention in denied_causes
            ):
                sentence.denied = True
                sentence.denied_concepts.add(mention.concept)
                continue
            kept[mention.concept].append(mention)
        sentence.mentions = dict(kept)
        self._set_causes_aside(sentence)
        if cues:  # a cue inside a concept's phrase is no cue; "all gone" is one over "gone"
            spans = [(m.start, m.end) for m in mentions] + [(i, i + 1) for i in hidden]
            self._read_cues(
                sentence,
                [c for c in cues if not any(s <= c.start and c.end <= e for s, e in spans)],
                [start for start, _ in before],
            )

    def _set_causes_aside(self, sentence: _Sentence) -> None:
        """Drop the ordinary causes a `contrasts` word sets aside before the first sign: "lo
        mismo me senté mucho, pero desde anoche tengo el culo dormido" is not explained."""
        contrasts = [i for i, token in enumerate(sentence.tokens) if token in self._contrasts]
        signs = [
            m.start
            for name, mentioned in sentence.mentions.items()
            if name not in self._ordinary_causes
            for m in mentioned
        ]
        if not contrasts or not signs:
            return
        first = min(signs)
        for name in self._only_causes.intersection(sentence.mentions):
            kept = [
                m
                for m in sentence.mentions[name]
                if not any(m.end <= contrast < first for contrast in contrasts)
            ]
            if kept:
                sentence.mentions[name] = kept
            else:
                del sentence.mentions[name]

    def _denied_causes(
        self, mentions: list[_Mention], before: list[tuple[int, int]], pseudo: set[int]
    ) -> set[_Mention]:
        """Ordinary causes (a rule's `unless`) denied inside another concept's phrase: "не
        минає" (a constant pain) holds "минає" (it eases), and says it does not. A negation cue
        inside a phrase is no cue for the signs around it, but a cause it denies explains
        nothing."""
        causes = [m for m in mentions if m.concept in self._ordinary_causes]
        if not causes or not before:
            return set()
        denied: set[_Mention] = set()
        for start, end in before:
            if not pseudo.isdisjoint(range(start, end)):
                continue  # "no wonder", "not only": no negation at all
            holders = [
                m
                for m in mentions
                if m.start <= start and end <= m.end and m.concept not in self._ordinary_causes
            ]
            for cause in causes:
                if any(end <= cause.start < holder.end for holder in holders):
                    denied.add(cause)
        return denied

    def _read_cues(self, sentence: _Sentence, cues: list[_Mention], negations: list[int]) -> None:
        """ConText's cues in one sentence: forward scopes (hypothetical, reported, definition)
        to the end of the sentence or a scope-ending word, backward scopes (reported after the
        sign: "… is an emergency", to a comma too; a definition after it: "… means what?") to
        its start or a scope-ending word, and the sentence-wide
        history, resolution and present-again markers."""
        tokens = sentence.tokens
        pseudo = [(c.start, c.end) for c in cues if c.concept == _HYPOTHETICAL_PSEUDO]
        resolved = [(c.start, c.end) for c in cues if c.concept == _RESOLVED]
        ends = sorted(
            (
                {i for i, token in enumerate(tokens) if token in self._context_ends}
                | {c.start for c in cues if c.concept == _CONTEXT_END}
            )
            - {i - 1 for i, token in enumerate(tokens) if token in self._scope_goes_on}
            | set(sentence.pauses)
        )
        for cue in cues:
            kind = cue.concept
            if kind == _HISTORICAL:
                sentence.historical = True
                sentence.times.append((cue.start, True))
            elif kind == _RESOLVED:
                sentence.resolved = True
                sentence.times.append((cue.start, True))
            elif kind == _PRESENT:
                if not any(s < cue.end and cue.start < e for s, e in resolved):
                    sentence.present = True  # not "came back" in "came back as soon as i stood"
                    sentence.times.append((cue.start, False))
            elif kind == _PRESENT_QUESTION:
                sentence.asks_about_self = True
            elif kind == _REPORTED_AFTER:  # back to a scope end or a comma
                stops = [i for i in ends if i < cue.start]
                stops += [i for i in range(cue.start) if tokens[i] == ","]
                begin = max((i + 1 for i in stops), default=0)
                sentence.scopes.append((begin, cue.start, Qualifier.REPORTED))
            elif kind == _DEFINITION_AFTER:  # back to a scope end: "X, que es eso?"
                begin = max((i + 1 for i in ends if i < cue.start), default=0)
                if self._only_named(sentence, begin, cue.start):
                    sentence.scopes.append((begin, cue.start, Qualifier.DEFINITION))
            elif kind in _FORWARD:
                if kind == _HYPOTHETICAL and any(
                    start <= cue.start and cue.end <= end for start, end in pseudo
                ):
                    continue  # a look-alike covers the cue ("not sure if"); "if i ever" stays
                if kind == _REPORTED and self._told_by_another(sentence, cue):
                    continue  # "муж сказал что у него там всё онемело": his sign, now
                stop = next((i for i in ends if i >= cue.end), len(tokens))
                if kind == _REPORTED:
                    stop = next(
                        (
                            i
                            for i in range(cue.end, stop)
                            if tokens[i] == ","
                            and i + 1 < len(tokens)
                            and sentence.persons[i + 1] == _SELF
                        ),
                        stop,
                    )
                sentence.scopes.append((cue.start, stop, _FORWARD[kind]))
        sentence.times.sort()
        first_past = next((p for p, past in sentence.times if past), None)
        sentence.turns = first_past is not None and any(
            not past
            and position > first_past
            and (tokens[position - 1] == "," or tokens[position - 1] in self._context_ends)
            and not any(first_past <= negation < position for negation in negations)
            for position, past in sentence.times
        )  # not "раньше спина никогда не болела, а тут…": a past denied is news
        if sentence.present:
            sentence.historical = False

    def _told_by_another(self, sentence: _Sentence, cue: _Mention) -> bool:
        """Whether a reported cue is a `tells` word right after another adult ("my husband told
        me", "mi novio me contó", "теща мне шепнула"). A self word between is the listener, not
        whose body: it is cleared, so a sign with no person word of its own is the teller's."""
        tokens, persons = sentence.tokens, sentence.persons
        if self._tells.isdisjoint(tokens[cue.start : cue.end]):
            return False
        listeners: list[int] = []
        for index in range(cue.start - 1, max(-1, cue.start - 1 - _TELLER_WORDS), -1):
            if persons[index] == _SELF:
                listeners.append(index)
            elif persons[index] is not None:
                if persons[index] != _OTHER:
                    return False
                for listener in listeners:
                    persons[listener] = None
                for inside in range(cue.start, cue.end):
                    if persons[inside] == _SELF:
                        persons[inside] = None  # "me" inside "me contó"
                return True
        return False

    def _only_named(self, sentence: _Sentence, begin: int, end: int) -> bool:
        """Whether the words before a definition cue are a term asked about: a sign named in
        a few words ("la incontinencia urinaria, que es eso?"), not a story of the writer's own
        ("no puedo orinar desde ayer, que es eso?")."""
        words = [i for i in range(begin, end) if sentence.tokens[i] != ","]
        return 0 < len(words) <= _DEFINITION_TERM_WORDS and any(
            mention.start in words
            for mentioned in sentence.mentions.values()
            for mention in mentioned
        )

    def _compared(self, tokens: list[str], similes: list[int]) -> set[int]:
        """The positions inside a comparison ("like i have run a marathon"): an ordinary cause
        there is no cause."""
        inside: set[int] = set()
        for start in similes:
            for position in range(start, min(len(tokens), start + _SIMILE_WORDS)):
                if tokens[position] in self._simile_ends or tokens[position] == ",":
                    break
                inside.add(position)
        return inside

    def _ends_scope(self, tokens: list[str], position: int) -> bool:
        token = tokens[position]
        if token in self._scope_ends:
            return True
        if token == ",":
            following = tokens[position + 1] if position + 1 < len(tokens) else ""
            return following in self._starters or following in self._scope_ends
        return False

    def _temperature_as_words(self, found: re.Match[str]) -> str:
        """ "38.5", "38,5", "۳۸٫۵", "39°" → "38 <unit>" when it is in a fever's range."""
        assert self._temperature is not None
        whole, tenths, degree = found.group(1), found.group(2), found.group(3)
        if not tenths and not degree:
            return found.group(0)
        value = float(f"{whole}.{tenths or 0}")
        following = _FIRST_WORD.match(found.string, found.end())
        if not self._feverish(value) or (
            following and not degree and following.group(1) in self._age_not_after
        ):
            return found.group(0)  # "100.5 kg", "38.5 hours"
        return f" {whole} {self._temperature.units[0]} "

    def _feverish(self, value: float) -> bool:
        rule = self._temperature
        assert rule is not None
        celsius = rule.celsius_from <= value <= _HOTTEST_C
        return celsius or rule.fahrenheit_from <= value <= _HOTTEST_F

    def _add_temperatures(self, tokens: list[str], mentions: list[_Mention]) -> None:
        """A whole number in a fever's range followed by a unit ("39 градусов") is a fever."""
        if self._temperature is None:
            return
        for index, token in enumerate(tokens[:-1]):
            if (
                token.isdecimal()
                and len(token) <= 3
                and tokens[index + 1] in self._temperature_units
                and self._feverish(int(token))
            ):
                mentions.append(_Mention(index, index + 2, self._temperature.concept))

    def _add_ages(self, tokens: list[str], mentions: list[_Mention], opening: bool) -> None:
        """A number read as the user's age, outside the lexicon's range, is an AGE mention
        (*opening*: the tokens open the message, where "64," is an age)."""
        age = self._age
        for index, token in enumerate(tokens):
            value: int | None = None
            decade = _AGE_DECADE.match(token)
            if decade and index >= 2 and tokens[index - 2 : index] == ["in", "my"]:
                value = int(decade.group(1)) + 5
            elif token.isdecimal() and len(token) <= 3:
                number = int(token)
                following = tokens[index + 1] if index + 1 < len(tokens) else ""
                stated = (
                    _follows(tokens, index, age.before)
                    and following not in self._age_not_after
                    and following not in self._temperature_units
                )
                opens = (
                    opening
                    and index == 0
                    and number >= age.opening_from
                    and _precedes(tokens, 1, age.opening_after)
                )
                if stated or opens or _precedes(tokens, index + 1, age.after):
                    value = number
            outside = value is not None and (value < age.under or value > age.over)
            if outside and value is not None and _MIN_AGE <= value <= _MAX_AGE:
                mentions.append(_Mention(index, index + 1, AGE_CONCEPT))


def _person_of(sentence: _Sentence, mention: _Mention, pronouns: frozenset[str]) -> str | None:
    """Whose body: a pronoun inside the mention ("wet herself" reads as "wet myself"), else the
    nearest person word before it in the sentence ("my mum ... her legs", "the dog's legs")."""
    persons = sentence.persons
    for index in range(mention.start, mention.end):
        if persons[index] is not None and sentence.tokens[index] in pronouns:
            return persons[index]
    for index in range(mention.start - 1, -1, -1):
        if persons[index] is not None:
            return persons[index]
    later = persons[mention.end :]
    if _NON_ADULT in later and _SELF not in later:
        return _NON_ADULT  # "had a poo accident at nursery": no one before, a child after
    return None


def _clear_owners(
    tokens: list[str], persons: list[str | None], links: frozenset[str], *, by_order: bool
) -> None:
    """Where the owner follows what is theirs, the owner is not whose body a sign is about:
    "el gato de mi hermana" is the cat's, "el hijo de mi vecina (6)" the child's, «پدر من»
    ("my father") the father's."""
    for index, marker in enumerate(persons):
        if marker not in (_OTHER, _NON_ADULT):
            continue
        after = index + 1
        while (
            after < len(tokens)
            and after - index <= 3
            and persons[after] in (None, _SELF)  # "minha": my neighbour's, not my body
            and tokens[after] in links
        ):
            after += 1
        owner = after < len(tokens) and persons[after] in (_OTHER, _NON_ADULT)
        if owner and (after > index + 1 or marker == _NON_ADULT):
            persons[index + 1 : after + 1] = [None] * (after - index)
        elif by_order and index + 1 < len(tokens) and persons[index + 1] == _SELF:
            persons[index + 1] = None  # «پدر من», "ibu saya": the writer owns the person named


def _about_someone_else(sentence: _Sentence) -> bool:
    """Another person is named, and the writer only as their owner ("my husband")."""
    persons = sentence.persons
    return _OTHER in persons and all(
        person != _SELF or (index + 1 < len(persons) and persons[index + 1] == _OTHER)
        for index, person in enumerate(persons)
    )


def _in_the_past(sentence: _Sentence, mention: _Mention) -> bool:
    """Whether a sign is history: its sentence is (a history cue, or resolved by the next
    sentence), or, where a clause turns from the past to now ("bladder trouble years back, all
    sorted, now i'm fine"; "years ago i wet myself once but now i can't feel when i pee"), the
    nearest time cue before the sign says past (else the nearest after it). A present cue that
    opens no clause ("numb since the drive, 3 hours now") makes the whole sentence now."""
    if sentence.historical:
        return True
    if not sentence.turns or mention.concept == AGE_CONCEPT:
        return False  # "мне 58, раньше спина не болела, а тут…": an age stated is now
    before = [past for position, past in sentence.times if position < mention.start]
    if before:
        return before[-1]
    return next(past for position, past in sentence.times if position >= mention.start)


def _follows(tokens: list[str], index: int, phrases: Iterable[str]) -> bool:
    for phrase in phrases:
        words = phrase.split()
        if index >= len(words) and tokens[index - len(words) : index] == words:
            return True
    return False


def _precedes(tokens: list[str], index: int, phrases: Iterable[str]) -> bool:
    for phrase in phrases:
        words = phrase.split()
        if tokens[index : index + len(words)] == words:
            return True
    return False


def _rule_fires(
    rule: FlagRule,
    groups: tuple[frozenset[str], ...],
    unless: frozenset[str],
    mentions: dict[str, list[_Mention]],
    whole: bool = False,
) -> bool:
    names = mentions.keys()
    if any(names.isdisjoint(group) for group in groups) or not names.isdisjoint(unless):
        return False
    if whole or len(groups) == 1:
        return True
    found = [[m for name in group if name in mentions for m in mentions[name]] for group in groups]
    return _close(found, rule.within, [])


def _close(groups: list[list[_Mention]], within: int, chosen: list[_Mention]) -> bool:
    """Whether one mention of each group can be chosen, each within `within` words of the others."""
    if len(chosen) == len(groups):
        return True
    for mention in groups[len(chosen)]:
        if all(_gap(mention, other) <= within for other in chosen) and _close(
            groups, within, [*chosen, mention]
        ):
            return True
    return False


def _gap(first: _Mention, second: _Mention) -> int:
    return max(0, max(first.start, second.start) - min(first.end, second.end))


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
