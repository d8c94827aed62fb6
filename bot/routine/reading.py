"""What a typed text says, in the languages Limber reads: the warning-sign screen and the intent
reader of each language with word files (`red_flags.<lang>.yaml`, `intents.<lang>.yaml`).

A text is always read in English (people mix, and type "ok" or "done" in any language) and in
the language the person speaks; and, when neither reads it and it is written in another language
Limber reads, in that one too (a Russian message from someone whose Telegram is in English). The
most urgent screening wins; "another language" is the answer only when no language Limber reads
recognises the text as its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.routine.content import (
    DEFAULT_CONTENT_DIR,
    INTENTS_FILE,
    RED_FLAGS_FILE,
    Content,
    IntentLexicon,
    RedFlagLexicon,
    load_intents,
    load_red_flags,
    load_sign_model,
)
from bot.routine.intents import Intent, IntentReader, Reading, Score
from bot.routine.language_guess import guess_language
from bot.routine.red_flags import Experiencer, RedFlagScreen, Screening, ScreenLevel
from bot.routine.sign_model import SignModel

ENGLISH = "en"

_URGENCY = {
    ScreenLevel.EMERGENCY: 3,
    ScreenLevel.SEE_DOCTOR: 2,
    ScreenLevel.POSSIBLE: 1,
    ScreenLevel.NONE: 0,
}


def _urgency(screening: Screening) -> int:
    """A clear sign of the person's own outranks the same level for someone else."""
    own = screening.clear and screening.experiencer is Experiencer.SELF
    return _URGENCY[screening.level] * 2 + own


@dataclass(frozen=True)
class WordReaders:
    """One language's compiled word files."""

    screen: RedFlagScreen
    intents: IntentReader


def word_readers(
    red_flags: RedFlagLexicon, intents: IntentLexicon, model: SignModel | None = None
) -> WordReaders:
    return WordReaders(RedFlagScreen(red_flags, model=model), IntentReader(intents))


@cache
def _compiled(content_dir: Path, code: str) -> WordReaders:
    """A language's word files and its warning-sign model, compiled once per process (up to a
    second each: every `Dependencies` of a test run shares them)."""
    return word_readers(
        load_red_flags(content_dir, code),
        load_intents(content_dir, code),
        load_sign_model(content_dir, code),
    )


class Readers:
    """Every language's readers, English always among them. Build once at start-up."""

    def __init__(
        self,
        by_language: Mapping[str, WordReaders],
        guess: Callable[[str], str | None] = guess_language,
    ) -> None:
        if ENGLISH not in by_language:
            raise ValueError("Readers: English is always read")
        self._by_language = dict(by_language)
        self._guess = guess
        # A lingua code ("pt") → the language with word files for it ("pt_BR").
        self._by_code = {code.split("_")[0]: code for code in self._by_language}

    @classmethod
    def load(
        cls, english: Content, languages: Iterable[str], content_dir: Path = DEFAULT_CONTENT_DIR
    ) -> Readers:
        """English's readers from *english*, and those of every other language in *languages*
        with a `red_flags.<lang>.yaml` in *content_dir* (its intents file, where it has one;
        English's typed words otherwise) — whether or not its catalogue exists yet."""
        readers = {ENGLISH: word_readers(english.red_flags, english.intents, english.sign_model)}
        for code in languages:
            if (
                code == ENGLISH
                or not (content_dir / RED_FLAGS_FILE.format(language=code)).is_file()
            ):
                continue
            if (content_dir / INTENTS_FILE.format(language=code)).is_file():
                readers[code] = _compiled(content_dir, code)
            else:
                readers[code] = word_readers(
                    load_red_flags(content_dir, code),
                    english.intents,
                    load_sign_model(content_dir, code),
                )
        return cls(readers)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._by_language)

    def reads(self, language: str) -> bool:
        """Whether *language* has word files of its own."""
        return language in self._by_language

    def screen_of(self, language: str) -> RedFlagScreen:
        """The warning-sign screen of a language with word files of its own."""
        return self._by_language[language].screen

    def screen(self, text: str, spoken: str = ENGLISH) -> Screening:
        """The most urgent screening of *text* in English, the person's language and, when
        neither recognises it, the language it is written in."""
        screenings = list(self._screenings(text, spoken))
        recognised = [s for s in screenings if s.level is not ScreenLevel.NOT_ENGLISH]
        if not recognised:
            return screenings[0]
        return max(recognised, key=_urgency)

    def _screenings(self, text: str, spoken: str) -> Iterator[Screening]:
        """English's screen, and the person's language's; English's is left out for a text the
        detector says is in the person's own language, or whose words are all the language's own
        (English's look-alikes — "tenía" read as "tena", "tb" as tuberculosis — must not alarm
        anyone about a Spanish or a Portuguese sentence)."""
        own = spoken != ENGLISH and spoken in self._by_language
        written = self._written_in(text) if own else None  # an English speaker's: only if foreign
        if own and written != spoken and self._by_language[spoken].screen.in_own_words(text):
            written = spoken  # "hérnia pode causar incontinência?": no English look-alikes
        read = [spoken] if own and written == spoken else [spoken, ENGLISH] if own else [ENGLISH]
        foreign = True
        for language in read:
            screening = self._by_language[language].screen.screen(text)
            foreign &= screening.level is ScreenLevel.NOT_ENGLISH
            yield screening
        if foreign and not own:
            written = self._written_in(text)
        if foreign and written is not None and written not in read:
            yield self._by_language[written].screen.screen(text)

    def _written_in(self, text: str) -> str | None:
        """The language with word files *text* is written in, when the detector is sure."""
        return self._by_code.get(self._guess(text) or "")

    def read(self, text: str, spoken: str = ENGLISH) -> Reading:
        """What the words ask for: in the person's language first, else in English."""
        reading = self._readers(spoken)[0].read(text)
        if spoken == ENGLISH or reading.top not in (Intent.UNCLEAR, Intent.NONSENSE):
            return reading
        english = self._by_language[ENGLISH].intents.read(text)
        return english if english.top not in (Intent.UNCLEAR, Intent.NONSENSE) else reading

    def score(self, text: str, spoken: str = ENGLISH) -> Score | None:
        """A 0–10 score typed in the person's language or in English (only in the person's own
        when the text is theirs: "dormí 8 horas" is no score, whatever English makes of it)."""
        readers = self._readers(spoken)
        if len(readers) > 1 and (
            self._written_in(text) == spoken or readers[0].counts_something_else(text)
        ):
            readers = readers[:1]
        for reader in readers:
            score = reader.score(text)
            if score is not None:
                return score
        return None

    def _readers(self, spoken: str) -> list[IntentReader]:
        english = self._by_language[ENGLISH].intents
        own = self._by_language.get(spoken)
        return [english] if own is None or spoken == ENGLISH else [own.intents, english]
