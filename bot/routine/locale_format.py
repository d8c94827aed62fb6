"""Dates, times and numbers as each language writes them: Babel's CLDR data, no patterns in code.

A language is a BCP 47 tag as Limber stores it ("ru", "pt-BR"); the pseudo-locale en-XA formats
as English. Where the locale's own digits are not Latin (Persian: ۰–۹), the result is written in
them, percent sign included (Babel keeps Latin digits in every pattern).
"""

from __future__ import annotations

from datetime import date, time
from functools import cache
from typing import Literal

from babel import Locale
from babel.dates import format_skeleton, format_time, get_day_names
from babel.numbers import format_decimal, format_percent

PSEUDO_LANGUAGE = "en-XA"
Width = Literal["abbreviated", "narrow", "short", "wide"]

_DIGITS = {
    # Unicode's digits of CLDR's numbering systems that Limber's languages use by default.
    "arabext": "۰۱۲۳۴۵۶۷۸۹",  # Persian (Extended Arabic-Indic)
    "arab": "٠١٢٣٤٥٦٧٨٩",  # Arabic-Indic
}


@cache
def babel_locale(language: str) -> Locale:
    """The Babel locale of a language tag: "pt-BR" → pt_BR; the pseudo-locale → English."""
    tag = language.replace("_", "-")
    return Locale.parse("en" if tag == PSEUDO_LANGUAGE else tag.replace("-", "_"))


def _native(text: str, locale: Locale) -> str:
    """*text* with the locale's own digits and percent sign where they are not Latin."""
    table = _native_table(locale)
    return text if table is None else text.translate(table)


@cache
def _native_table(locale: Locale) -> dict[int, int] | None:
    """The locale's own digits and percent sign as a translation table; None where Latin (a
    table per locale: every message of a tap in Persian goes through it)."""
    system = locale.default_numbering_system
    digits = _DIGITS.get(system)
    if digits is None:
        return None
    percent = locale.number_symbols.get(system, {}).get("percentSign", "%")
    return str.maketrans("0123456789%", digits + percent)


@cache
def list_separator(language: str) -> str:
    """What stands between two items of a list in *language*: CLDR's ", ", Persian's "،"."""
    return str(babel_locale(language).list_patterns["standard"]["middle"]).format("", "")


def day_month(day: date, language: str) -> str:
    """A day as the locale writes it with the month's name: "December 4", "4 декабря"."""
    locale = babel_locale(language)
    return _native(format_skeleton("MMMMd", day, locale=locale), locale)


def axis_day(day: date, language: str) -> str:
    """A short day for a chart's axis: "Dec 4", "4 дек.", "4 de dez."."""
    locale = babel_locale(language)
    return _native(format_skeleton("MMMd", day, locale=locale), locale)


def weekday_names(language: str, width: Width = "abbreviated") -> tuple[str, ...]:
    """The weekdays' names, Monday first ("abbreviated": Mon, пн; "narrow": M, П)."""
    names = get_day_names(width, context="format", locale=babel_locale(language))
    return tuple(names[index] for index in range(7))


def weekday_short(day: date, language: str) -> str:
    """A day's short weekday name, for a chart's axis."""
    return weekday_names(language)[day.weekday()]


def time_of_day(moment: time, language: str, *, hours24: bool = False) -> str:
    """A time as the locale's people write it ("7:30 AM", "07:30", "07.30", "۷:۳۰"), or on a
    24-hour clock in the locale's own way when *hours24*."""
    locale = babel_locale(language)
    if hours24:
        return _native(format_skeleton("Hm", moment, locale=locale), locale)
    return _native(format_time(moment, "short", locale=locale), locale)


def percentage(fraction: float, language: str) -> str:
    """A fraction as a percentage, rounded to whole percent: "42%", "42 %", "۴۲٪"."""
    locale = babel_locale(language)
    return _native(format_percent(fraction, locale=locale), locale)


def decimal(number: float, language: str, places: int = 1) -> str:
    """A number with at most *places* decimals: "2.5", "2,5", "۲٫۵"."""
    locale = babel_locale(language)
    pattern = "#,##0." + "#" * places if places else "#,##0"
    formatted = format_decimal(number, format=pattern, locale=locale, numbering_system="default")
    return _native(formatted, locale)


@cache
def has_own_digits(language: str) -> bool:
    """Whether the language writes numbers in digits of its own (Persian: ۰–۹)."""
    return babel_locale(language).default_numbering_system in _DIGITS


def digits(text: str, language: str) -> str:
    """*text* (a placeholder's number already in it) with the locale's own digits."""
    return _native(text, babel_locale(language))
