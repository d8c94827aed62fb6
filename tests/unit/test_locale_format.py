"""Dates, times and numbers per language (Babel's CLDR data; Persian in its own digits)."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.routine.locale_format import (
    axis_day,
    day_month,
    decimal,
    digits,
    list_separator,
    percentage,
    time_of_day,
    weekday_names,
    weekday_short,
)

FRIDAY = date(2026, 12, 4)
LANGUAGES = ("en", "ru", "uk", "es", "pt-BR", "fa", "id")


@pytest.mark.parametrize(
    ("language", "long", "short"),
    [
        ("en", "December 4", "Dec 4"),
        ("ru", "4 декабря", "4 дек."),
        ("uk", "4 грудня", "4 груд."),
        ("es", "4 de diciembre", "4 dic"),
        ("pt-BR", "4 de dezembro", "4 de dez."),
        ("fa", "۴ دسامبر", "۴ دسامبر"),
        ("id", "4 Desember", "4 Des"),
        ("en-XA", "December 4", "Dec 4"),
    ],
)
def test_a_day_with_its_month(language: str, long: str, short: str) -> None:
    assert day_month(FRIDAY, language) == long
    assert axis_day(FRIDAY, language) == short


@pytest.mark.parametrize(
    ("language", "monday", "friday"),
    [
        ("en", "Mon", "Fri"),
        ("ru", "пн", "пт"),
        ("uk", "пн", "пт"),
        ("es", "lun", "vie"),
        ("pt-BR", "seg.", "sex."),
        ("fa", "دوشنبه", "جمعه"),
        ("id", "Sen", "Jum"),
    ],
)
def test_weekday_names_start_on_monday(language: str, monday: str, friday: str) -> None:
    names = weekday_names(language)
    assert len(names) == 7
    assert names[0] == monday
    assert weekday_short(FRIDAY, language) == friday


def test_narrow_weekday_names_for_a_tight_axis() -> None:
    assert weekday_names("en", "narrow") == ("M", "T", "W", "T", "F", "S", "S")


@pytest.mark.parametrize(
    ("language", "morning", "evening"),
    [
        ("en", "7:30\u202fAM", "7:05\u202fPM"),  # CLDR 42+: a narrow no-break space
        ("ru", "07:30", "19:05"),
        ("uk", "07:30", "19:05"),
        ("es", "7:30", "19:05"),
        ("pt-BR", "07:30", "19:05"),
        ("fa", "۷:۳۰", "۱۹:۰۵"),
        ("id", "07.30", "19.05"),
    ],
)
def test_a_time_of_day_as_the_locale_writes_it(language: str, morning: str, evening: str) -> None:
    assert time_of_day(time(7, 30), language) == morning
    assert time_of_day(time(19, 5), language) == evening


def test_a_24_hour_clock_on_request() -> None:
    assert time_of_day(time(19, 5), "en", hours24=True) == "19:05"
    assert time_of_day(time(19, 5), "id", hours24=True) == "19.05"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "42%"),
        ("ru", "42\xa0%"),
        ("uk", "42%"),
        ("es", "42\xa0%"),
        ("pt-BR", "42%"),
        ("fa", "۴۲٪"),
        ("id", "42%"),
    ],
)
def test_a_percentage(language: str, expected: str) -> None:
    assert percentage(0.42, language) == expected


@pytest.mark.parametrize(
    ("language", "half", "thousands"),
    [
        ("en", "2.5", "1,234.56"),
        ("ru", "2,5", "1\xa0234,56"),
        ("uk", "2,5", "1\xa0234,56"),
        ("es", "2,5", "1.234,56"),  # CLDR would write 1234 (minimum grouping): Babel does not
        ("pt-BR", "2,5", "1.234,56"),
        ("fa", "۲٫۵", "۱٬۲۳۴٫۵۶"),
        ("id", "2,5", "1.234,56"),
    ],
)
def test_decimal_numbers(language: str, half: str, thousands: str) -> None:
    assert decimal(2.5, language) == half
    assert decimal(1234.56, language, places=2) == thousands
    assert decimal(3.0, language) == digits("3", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_persian_changes_digits(language: str) -> None:
    expected = "۰۱۲۳۴۵۶۷۸۹" if language == "fa" else "0123456789"
    assert digits("0123456789", language) == expected


@pytest.mark.parametrize(
    ("language", "separator"), [("en", ", "), ("ru", ", "), ("fa", "،\u200f "), ("en_XA", ", ")]
)
def test_a_list_is_joined_with_the_languages_own_comma(language: str, separator: str) -> None:
    assert list_separator(language) == separator
