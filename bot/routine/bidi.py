"""Right-to-left text that Telegram lays out as a Persian reader reads it.

Telegram (like every client) sets each paragraph's direction from its first strong character —
the Unicode bidi algorithm's rules P2/P3 (UAX #9): a Persian line that starts with "/session",
"Limber", an emoji and a Latin word, or a number and a Latin word, is laid out left to right,
right-aligned sentences and all. And inside a right-to-left line a Latin word takes the
punctuation at its edge to the wrong side: "/quit" shows as "quit/".

`right_to_left` fixes both, for a text in a right-to-left language:

- every run of Latin words (with the digits and signs between them, and a leading "/", but not
  the brackets, quotes or sentence punctuation around it) is put in a left-to-right isolate
  (LRI … PDI, UAX #9 §2.4, as Fluent wraps a placeable): it is read as one left-to-right
  island and does not pull the neighbouring digits or punctuation into its own direction (a
  sign at its edge, the "/" of "/quit", also gets a LEFT-TO-RIGHT MARK beside it inside the
  isolate, so that a client that ignores isolates keeps it with its word too);
- a paragraph whose first strong character is not right-to-left (R or AL) then starts with a
  RIGHT-TO-LEFT MARK (U+200F), which is strong R and invisible. Clients that ignore isolates
  still see the mark first.

A paragraph with Latin letters and no right-to-left letter at all (a sentence still in English, a
link on its own) is left as it is: it reads left to right. Nothing else changes: the text without
the marks and isolates is the text given, and applying it twice changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

RLM = "\u200f"
"""RIGHT-TO-LEFT MARK: a strong right-to-left character that draws nothing."""
LRM = "\u200e"
"""LEFT-TO-RIGHT MARK: a strong left-to-right character that draws nothing."""
LRI = "\u2066"
"""LEFT-TO-RIGHT ISOLATE: opens a left-to-right island inside a line."""
PDI = "\u2069"
"""POP DIRECTIONAL ISOLATE: closes the island."""

_RIGHT_TO_LEFT = frozenset({"R", "AL"})
_STRONG = frozenset({"L", "R", "AL"})
_OPENS_ISOLATE = frozenset({"LRI", "RLI", "FSI"})
_ISOLATE_MARKS = frozenset("\u2066\u2067\u2068\u2069")
_WORD = re.compile(r"\S+")
_PARAGRAPH = re.compile(r"([^\n\r\x1c-\x1e\x85\u2029]*)([\n\r\x1c-\x1e\x85\u2029]?)")
_LEADING_OUTSIDE = frozenset({"Ps", "Pi"})  # an opening bracket or quote stays outside
_LEADING_QUOTES = frozenset({'"', "'"})
_TRAILING_OUTSIDE = frozenset({"Pe", "Pf", "Po"})  # closing brackets, quotes, . , : ! ? ،


@lru_cache(maxsize=2048)
def right_to_left(text: str) -> str:
    """*text*, in a right-to-left language, with every paragraph starting right to left and its
    Latin runs isolated (see the module's docstring). Cached: a screen's texts come back on
    every tap."""
    return "".join(
        _paragraph(body) + separator
        for body, separator in _PARAGRAPH.findall(text)
        if body or separator
    )


def first_strong(paragraph: str) -> str | None:
    """The bidi class (L, R or AL) of the paragraph's first strong character, if it has one
    (UAX #9 P2, counting the characters inside isolates too, as a client without isolates
    does)."""
    return next(
        (kind for kind in map(unicodedata.bidirectional, paragraph) if kind in _STRONG), None
    )


def paragraphs(text: str) -> list[str]:
    """The paragraphs of *text*, split where UAX #9 splits them (a newline, U+2029, …)."""
    return [body for body, _ in _PARAGRAPH.findall(text)]


def _paragraph(paragraph: str) -> str:
    if not paragraph.strip():
        return paragraph
    classes = _classes(paragraph)
    kinds = set(classes)
    if "L" in kinds and not kinds & _RIGHT_TO_LEFT:
        return paragraph  # a Latin paragraph: it reads left to right
    isolated = _isolate_latin_runs(paragraph, classes) if "L" in kinds else paragraph
    if first_strong(isolated) in _RIGHT_TO_LEFT:
        return isolated
    return RLM + isolated


def _classes(paragraph: str) -> list[str]:
    """Each character's bidi class; "" for an isolate's marks and everything inside one."""
    classes = list(map(unicodedata.bidirectional, paragraph))
    if not _ISOLATE_MARKS.intersection(paragraph):
        return classes
    depth = 0
    for index, kind in enumerate(classes):
        if kind in _OPENS_ISOLATE:
            depth += 1
            classes[index] = ""
        elif kind == "PDI" and depth:
            depth -= 1
            classes[index] = ""
        elif depth:
            classes[index] = ""
    return classes


def _isolate_latin_runs(paragraph: str, classes: list[str]) -> str:
    """Each run of Latin words in LRI … PDI (words already in an isolate are left alone)."""
    spans = list(_latin_spans(paragraph, classes))
    if not spans:
        return paragraph
    pieces: list[str] = []
    done = 0
    for start, end in spans:
        # A sign at the run's edge ("/quit") is held by a mark too, for a client without isolates.
        lead = LRM if classes[start] != "L" else ""
        trail = LRM if classes[end - 1] not in ("L", "EN", "AN") else ""
        pieces += [paragraph[done:start], LRI, lead, paragraph[start:end], trail, PDI]
        done = end
    pieces.append(paragraph[done:])
    return "".join(pieces)


def _latin_spans(paragraph: str, classes: list[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run: from the first Latin word to the last one before a
    right-to-left word, a bracket, a quote or a punctuation mark between words, or the
    paragraph's end; with the words without letters between them (digits, signs, emoji), less
    the brackets, quotes and punctuation at its two edges."""
    run: list[tuple[int, int]] = []  # the words' cores (their edges' punctuation left out)
    latin: list[bool] = []
    for word in _WORD.finditer(paragraph):
        kinds = set(classes[word.start() : word.end()])
        if not run and "L" not in kinds:
            continue  # a Persian word, a number or a sign outside any run
        core = _core(paragraph, word.start(), word.end())
        if kinds & _RIGHT_TO_LEFT or core is None:
            yield from _closed(run, latin)
            run, latin = [], []
            continue
        if core[0] > word.start():  # an opening bracket or quote: a new run
            yield from _closed(run, latin)
            run, latin = [], []
        if "L" in kinds or run:
            run.append(core)
            latin.append("L" in kinds)
        if core[1] < word.end():  # a closing bracket, a quote, a full stop: the run ends
            yield from _closed(run, latin)
            run, latin = [], []
    yield from _closed(run, latin)


def _closed(run: list[tuple[int, int]], latin: list[bool]) -> Iterator[tuple[int, int]]:
    """The run's span, without the words after its last Latin word (they stay outside)."""
    while latin and not latin[-1]:
        latin.pop()
        run.pop()
    if run:
        yield run[0][0], run[-1][1]


def _core(paragraph: str, start: int, end: int) -> tuple[int, int] | None:
    """A word less the brackets, quotes and punctuation at its edges (None if nothing is left)."""
    while start < end and (
        unicodedata.category(paragraph[start]) in _LEADING_OUTSIDE
        or paragraph[start] in _LEADING_QUOTES
    ):
        start += 1
    while end > start and unicodedata.category(paragraph[end - 1]) in _TRAILING_OUTSIDE:
        end -= 1
    return (start, end) if start < end else None
