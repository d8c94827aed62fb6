"""A reminder time and a city typed in each language (content/clock.<lang>.yaml, CLDR's city
names through Babel), and the zone buttons read back as the zones they name."""

from __future__ import annotations

from datetime import time

import pytest

from bot.routine.content import load_clock, load_content
from bot.routine.languages import shipped_languages
from bot.routine.local_time import parse_clock_time, zone_city, zone_for_city
from bot.routine.screens import Screens

TIMES = {
    "ru": {"в 7:30": "07:30", "в 8 утра": "08:00", "9 вечера": "21:00", "2 ночи": "02:00",
           "в полдень": "12:00", "в 19": "19:00"},
    "uk": {"о 7:30": "07:30", "о 8 ранку": "08:00", "о 9 вечора": "21:00", "опівночі": "00:00"},
    "es": {"a las 7 de la tarde": "19:00", "a las 11 de la noche": "23:00", "a las 19": "19:00",
           "mediodía": "12:00", "8:30 de la mañana": "08:30"},
    "pt_BR": {"às 7h30": "07:30", "às 8 da manhã": "08:00", "às 9 da noite": "21:00",
              "meio-dia": "12:00", "19h": "19:00"},
    "fa": {"ساعت ۷:۳۰": "07:30", "۸ صبح": "08:00", "۹ شب": "21:00", "ساعت ۱ ظهر": "13:00",
           "ظهر": "12:00"},
    "id": {"jam 7.30": "07:30", "jam 8 pagi": "08:00", "jam 9 malam": "21:00",
           "jam 1 siang": "13:00", "jam 11 siang": "11:00", "pukul 19.00": "19:00"},
}  # fmt: skip
AMBIGUOUS = {
    "ru": "в 8",
    "uk": "о 8",
    "es": "a las 7",
    "pt_BR": "às 7",
    "fa": "ساعت ۸",
    "id": "jam 8",
}
CITIES = {
    "ru": {"в Москве": "Europe/Moscow", "Киев": "Europe/Kyiv",
           "в Новосибирске": "Asia/Novosibirsk"},
    "uk": {"Київ": "Europe/Kyiv", "Варшава": "Europe/Warsaw"},
    "es": {"en Ciudad de México": "America/Mexico_City", "bogota": "America/Bogota"},
    "pt_BR": {"em são paulo": "America/Sao_Paulo", "Lisboa": "Europe/Lisbon"},
    "fa": {"در تهران": "Asia/Tehran", "کابل": "Asia/Kabul"},
    "id": {"di Jakarta": "Asia/Jakarta", "Makassar": "Asia/Makassar"},
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [(lang, text, hm) for lang, cases in TIMES.items() for text, hm in cases.items()],
)
def test_a_time_typed_in_the_language(language: str, text: str, expected: str) -> None:
    hour, minute = map(int, expected.split(":"))
    assert parse_clock_time(text, load_clock(language=language)) == time(hour, minute)


@pytest.mark.parametrize(("language", "text"), sorted(AMBIGUOUS.items()))
def test_an_hour_with_no_half_of_the_day_is_asked_again(language: str, text: str) -> None:
    assert parse_clock_time(text, load_clock(language=language)) is None


@pytest.mark.parametrize(
    ("language", "text", "zone"),
    [(lang, text, zone) for lang, cases in CITIES.items() for text, zone in cases.items()],
)
def test_a_city_typed_in_the_language(language: str, text: str, zone: str) -> None:
    assert zone_for_city(text, load_clock(language=language)) == zone


@pytest.mark.parametrize("language", ["en", "ru", "uk", "es", "pt_BR", "fa", "id"])
def test_every_zone_button_reads_back_as_its_zone(language: str) -> None:
    languages = shipped_languages(load_content())
    assert languages is not None
    content = languages.content(language)
    view = Screens(content).reminder_zone_question()
    assert view.reply_keyboard is not None
    labels = [label for row in view.reply_keyboard.rows for label in row]
    zones = content.texts.reminders.zone_choices
    assert labels == [zone_city(zone, language) for zone in zones]
    assert [zone_for_city(label, content.clock) for label in labels] == list(zones)
    if language != "en":
        assert all("/" not in label for label in labels)
