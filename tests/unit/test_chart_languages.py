"""The progress chart in every shipped language: every glyph found, Persian shaped and right to
left, the locale's digits and month names.

Each text on the drawn figure is laid out again by Matplotlib's own shaper (libraqm, HarfBuzz) with
the text's font and language, glyph by glyph, so the checks see what the chart draws: glyph 0 is a
missing glyph (a box); a Persian letter that joins a neighbour must not be drawn with its isolated
(nominal) glyph; an all-Persian line read from its right edge gives back the label.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache

import pytest
from matplotlib.figure import Figure
from matplotlib.font_manager import findfont, get_font
from matplotlib.ft2font import FT2Font, LoadFlags
from matplotlib.text import Text

from bot.charts import ChartLabels, SorenessPoint, inspect_progress_chart
from bot.routine.content import Content, load_content
from bot.routine.languages import ENGLISH, shipped_languages

ENGLISH_CONTENT = load_content()
LANGUAGES = shipped_languages(ENGLISH_CONTENT)
assert LANGUAGES is not None
SHIPPED = [ENGLISH, *sorted(LANGUAGES.others)]
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
START = date(2026, 3, 2)  # a Monday


def labels_of(content: Content, locale: str) -> ChartLabels:
    """The labels `ProgressReport` builds from a language's texts."""
    texts = content.texts.progress
    return ChartLabels(
        title=texts.chart_title,
        soreness_axis=texts.chart_soreness_axis,
        before=texts.chart_before,
        after=texts.chart_after,
        sessions_per_week=texts.chart_sessions_per_week,
        sessions_axis=texts.chart_sessions_axis,
        date_axis=texts.chart_date_axis,
        day_format=texts.chart_day_format,
        no_data=texts.chart_no_data,
        locale=locale,
    )


def locale_of(code: str) -> str:
    return LANGUAGES.content(code).texts.progress.days.language


@cache
def drawn_texts(code: str, empty: bool = False) -> tuple[tuple[str, str, str, str], ...]:
    """(text, font file, language, the label it came from or "") of every visible text drawn on
    a month of routines (two of them on the chair track) — or on the empty chart."""
    content = LANGUAGES.content(code)
    chair = content.tracks["chair"].name
    points = [
        SorenessPoint(
            START + timedelta(days=2 * i), 6 - i // 3, 5 - i // 2, chair if i == 4 else None
        )
        for i in range(14)
    ]
    weeks = [(START + timedelta(weeks=w), n) for w, n in enumerate((3, 4, 2, 5))]
    labels = labels_of(content, locale_of(code))
    named = {
        getattr(labels, field): field
        for field in (
            "title",
            "soreness_axis",
            "before",
            "after",
            "sessions_per_week",
            "sessions_axis",
            "date_axis",
            "no_data",
        )
    } | {chair: "track"}
    seen: list[tuple[str, str, str, str]] = []

    def look(figure: Figure) -> None:
        for text in figure.findobj(Text):
            assert isinstance(text, Text)
            if text.get_visible() and text.get_text().strip():
                font = findfont(text.get_fontproperties())
                language = text.get_language()
                assert isinstance(language, str)
                source = next(
                    (
                        field
                        for label, field in named.items()
                        if text.get_text() == in_digits(label, code)
                    ),
                    "",
                )
                seen.append((text.get_text(), font, language, source))

    inspect_progress_chart(*(([], []) if empty else (points, weeks)), labels=labels, look=look)
    return tuple(seen)


def in_digits(label: str, code: str) -> str:
    return label.translate(str.maketrans("0123456789", PERSIAN_DIGITS)) if code == "fa" else label


def laid_out(text: str, font_file: str, language: str) -> list[tuple[str, int, float]]:
    """(cluster, glyph index, x) of each glyph Matplotlib draws for *text*, left to right."""
    font = font_of(font_file)
    items = font._layout(text, LoadFlags.NO_HINTING, language=language)
    return sorted(((item.char, item.glyph_index, item.x) for item in items), key=lambda g: g[2])


@cache
def font_of(font_file: str) -> FT2Font:
    font = get_font(font_file)
    font.set_size(12, 100)
    return font


def joining() -> tuple[frozenset[str], frozenset[str]]:
    """Letters that join the letter before them (those with a final form) and those that also
    join the letter after them (with an initial form), from Unicode's presentation forms."""
    joins_before: set[str] = set()
    joins_both: set[str] = set()
    for code in [*range(0xFB50, 0xFDFF), *range(0xFE70, 0xFEFF)]:
        tag, _, rest = unicodedata.decomposition(chr(code)).partition(" ")
        if len(rest.split()) != 1:
            continue  # ligatures and unassigned code points
        letter = chr(int(rest, 16))
        if tag in ("<final>", "<medial>"):
            joins_before.add(letter)
        if tag in ("<initial>", "<medial>"):
            joins_both.add(letter)
    return frozenset(joins_before), frozenset(joins_both)


def logical_clusters(glyphs: list[tuple[str, int, float]]) -> Iterator[tuple[str, int]]:
    """A right-to-left line's clusters in reading order (a mark's glyph and its letter's glyph
    share one cluster: it is given once, with the first glyph)."""
    previous = None
    for cluster, glyph, _ in reversed(glyphs):
        if len(cluster) > 1 and cluster == previous:
            continue
        previous = cluster
        yield cluster, glyph


@pytest.mark.parametrize("code", SHIPPED)
@pytest.mark.parametrize("empty", [False, True], ids=["routines", "empty"])
def test_every_character_on_the_chart_has_a_glyph(code: str, empty: bool) -> None:
    texts = drawn_texts(code, empty)
    missing = [
        (text, cluster)
        for text, font, language, _ in texts
        for cluster, glyph, _ in laid_out(text, font, language)
        if glyph == 0
    ]

    assert len(texts) >= (5 if empty else 15)
    assert not missing, missing
    assert {language for _, _, language, _ in texts} == {locale_of(code)}


def test_every_label_of_every_language_is_on_its_chart() -> None:
    for code in SHIPPED:
        sources = {source for *_, source in drawn_texts(code) if source}
        assert len(sources) == 8, (code, sources)  # all but "no data", and the track's name
        assert "no_data" in {source for *_, source in drawn_texts(code, True)}


def test_persian_letters_join_and_read_from_the_right() -> None:
    joins_before, joins_both = joining()
    checked_letters = 0
    for text, font, language, source in drawn_texts("fa") + drawn_texts("fa", True):
        if not source:
            continue  # dates and numbers: their digits are checked below
        clusters = list(logical_clusters(laid_out(text, font, language)))
        if not {unicodedata.bidirectional(ch) for ch in text} & {"L", "EN", "AN"}:
            # Read from the right edge, the glyphs give back the label: it runs right to left.
            # (Digits and Latin run left to right inside it, so a label with them is not read
            # backwards whole; its letters' neighbours are still its letters' neighbours.)
            assert "".join(cluster for cluster, _ in clusters) == text, source
        for index, (cluster, glyph) in enumerate(clusters):
            if len(cluster) != 1 or cluster not in joins_before:
                continue
            before = clusters[index - 1][0][-1] if index else ""
            after = clusters[index + 1][0][0] if index + 1 < len(clusters) else ""
            joined = before in joins_both or (cluster in joins_both and after in joins_before)
            nominal = font_of(font).get_char_index(ord(cluster))
            if joined:
                checked_letters += 1
                assert glyph != nominal, f"{source}: {cluster!r} in {text!r} is not joined"
    assert checked_letters >= 40


def test_persian_dates_and_numbers_are_in_persian_digits() -> None:
    texts = [text for text, *_ in drawn_texts("fa")]
    numbers = [text for text in texts if any(ch.isdigit() for ch in text)]

    assert numbers
    assert all(ch in PERSIAN_DIGITS for text in numbers for ch in text if ch.isdigit())
    assert "۰۲ مارس" in texts  # the first Monday's tick: Babel's Persian month name
    assert {"۰", "۲", "۴", "۶", "۸", "۱۰"} <= set(texts)  # the soreness axis


def test_other_languages_name_their_months_and_keep_latin_digits() -> None:
    ticks = {code: {text for text, *_ in drawn_texts(code)} for code in SHIPPED}

    assert "02 Mar" in ticks["en"]
    assert "02 мар." in ticks["ru"]
    assert "02 бер." in ticks["uk"]
    assert "02 mar" in ticks["es"]
    assert "02 mar." in ticks["pt_BR"]
    assert {"0", "10"} <= ticks["ru"]
