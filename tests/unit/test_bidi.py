"""Right-to-left text (`bot.routine.bidi`): each paragraph starts right to left by the Unicode bidi
rules, Latin runs read as written, and nothing else changes.

"Reads as written" is checked with an independent implementation of the bidi algorithm
(python-bidi: the Rust unicode-bidi crate): laid out for display, the Latin word is still there,
in its own order — "/quit", not "quit/".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import pytest
from bidi import get_display
from hypothesis import given
from hypothesis import strategies as st

from bot.routine.bidi import LRI, LRM, PDI, RLM, first_strong, paragraphs, right_to_left
from bot.routine.content import load_content
from bot.routine.languages import shipped_languages

CONTROLS = str.maketrans("", "", RLM + LRM + LRI + PDI)
ISOLATES = str.maketrans("", "", LRI + PDI)
LATIN_WORD = re.compile(r"/?[A-Za-z][A-Za-z0-9]*(?:[/\-_][A-Za-z0-9]+)*")
LANGUAGES = shipped_languages(load_content())
assert LANGUAGES is not None


def displayed(paragraph: str) -> str:
    """The paragraph as a client lays it out, left to right on screen, marks removed."""
    return get_display(paragraph).translate(CONTROLS)


def displayed_without_isolates(paragraph: str) -> str:
    """The paragraph as a client that ignores isolates lays it out (it still has the marks)."""
    return displayed(paragraph.translate(ISOLATES))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A Latin command first: the line would be laid out left to right.
        ("/session — شروع برنامه", f"{RLM}{LRI}{LRM}/session{PDI} — شروع برنامه"),
        ("Limber در ترمینال", f"{RLM}{LRI}Limber{PDI} در ترمینال"),
        ("🎉 Limber تمام شد", f"{RLM}🎉 {LRI}Limber{PDI} تمام شد"),
        ("10 × 2", f"{RLM}10 × 2"),  # no letter at all: still right to left
        # Inside a Persian line: the slash stays with its word; brackets and quotes outside.
        ("برای خروج /quit را", f"برای خروج {LRI}{LRM}/quit{PDI} را"),
        ("(مثلاً Asia/Tehran).", f"(مثلاً {LRI}Asia/Tehran{PDI})."),
        ("بنویسید «easier»، «skip»", f"بنویسید «{LRI}easier{PDI}»، «{LRI}skip{PDI}»"),
        # A run of Latin words with digits between them; digits after it stay with the Persian.
        ("مثل NHS 111 تماس", f"مثل {LRI}NHS{PDI} 111 تماس"),
        ("ساعت 07:30، Europe/London — بعدی", f"ساعت 07:30، {LRI}Europe/London{PDI} — بعدی"),
        # Already right to left: unchanged.
        ("درد: 4 ← 2 از 10.", "درد: 4 ← 2 از 10."),
        ("✅ انجام شد", "✅ انجام شد"),
        # A paragraph in Latin letters only reads left to right: unchanged.
        ("Hello, this is English.", "Hello, this is English."),
        # Paragraph by paragraph.
        ("سلام\n/help — این پیام\n\nok", f"سلام\n{RLM}{LRI}{LRM}/help{PDI} — این پیام\n\nok"),
    ],
)
def test_examples(text: str, expected: str) -> None:
    assert right_to_left(text) == expected


def test_a_latin_command_in_a_persian_line_reads_as_written_only_once_isolated() -> None:
    line = "برای خروج /quit را بنویسید"

    assert "/quit" not in displayed(line)  # the bidi algorithm shows it as "quit/"
    assert "/quit" in displayed(right_to_left(line))
    assert "/quit" in displayed_without_isolates(right_to_left(line))


PERSIAN = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآ۰۱۲۳۴۵"
LATIN = "abcXYZ0123456789/-_"
SIGNS = " .,:;!?()«»—–×←→%'\"،؛؟🎉✅\u200c"
texts = st.text(alphabet=st.sampled_from(PERSIAN + LATIN + SIGNS + "\n"), max_size=60)


@given(texts)
def test_every_paragraph_with_a_persian_letter_starts_right_to_left(text: str) -> None:
    for paragraph in paragraphs(right_to_left(text)):
        kinds = {unicodedata.bidirectional(ch) for ch in paragraph}
        if kinds & {"R", "AL"} or (paragraph.strip() and "L" not in kinds):
            assert first_strong(paragraph) in ("R", "AL"), paragraph


@given(texts)
def test_nothing_but_marks_and_isolates_is_added_and_twice_is_once(text: str) -> None:
    written = right_to_left(text)

    assert written.translate(CONTROLS) == text
    assert right_to_left(written) == written
    for paragraph in paragraphs(written):
        assert paragraph.count(LRI) == paragraph.count(PDI)
        assert RLM not in paragraph[1:]


@given(texts)
def test_latin_only_paragraphs_are_left_alone(text: str) -> None:
    for before, after in zip(paragraphs(text), paragraphs(right_to_left(text)), strict=True):
        kinds = {unicodedata.bidirectional(ch) for ch in before}
        if "L" in kinds and not kinds & {"R", "AL"}:
            assert after == before


def persian_sentences() -> Iterator[tuple[str, str]]:
    """(where, sentence) for every sentence of the Persian texts and routines."""

    def walk(where: str, value: object) -> Iterator[tuple[str, str]]:
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(f"{where}.{key}", item)
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                yield from walk(f"{where}[{index}]", item)

    content = LANGUAGES.content("fa")
    yield from walk("texts", content.texts.model_dump())
    for track in content.tracks:
        yield from walk(f"routines/{track.id}", track.model_dump())


def test_every_persian_sentence_starts_right_to_left_and_its_latin_words_read_as_written() -> None:
    checked = commands = 0
    for where, sentence in persian_sentences():
        for paragraph in paragraphs(right_to_left(sentence)):
            kinds = {unicodedata.bidirectional(ch) for ch in paragraph}
            if not kinds & {"R", "AL"}:
                continue  # a key, a number, a placeholder alone
            checked += 1
            assert first_strong(paragraph) in ("R", "AL"), (where, paragraph)
            shown = displayed(paragraph)
            shown_without_isolates = displayed_without_isolates(paragraph)
            for word in LATIN_WORD.findall(paragraph.translate(CONTROLS)):
                commands += word.startswith("/")
                assert word in shown, (where, word, paragraph)
                assert word in shown_without_isolates, (where, word, paragraph)
    assert checked >= 400
    assert commands >= 20
