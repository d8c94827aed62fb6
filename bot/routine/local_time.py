"""Time math for daily nudges: next occurrence of a local time, clock-time parsing, zone guessing.

Pure and synchronous: no Telegram, no database. It reads only the time-zone database (through
`zoneinfo` and the `tzdata` package's `zone.tab`) and, for `zone_for_location`, timezonefinder's
bundled data; both are loaded once and cached.

DST rules for a daily local reminder time:

- a local time that does not exist that day (spring-forward gap) fires at the first valid minute
  after the gap (02:30 in Europe/Berlin on the last Sunday of March → 03:00 CEST);
- a local time that occurs twice (fall-back) fires once, at its first occurrence (``fold=0``);
- if the gap runs past local midnight (America/Nuuk springs forward from Saturday 23:00 to Sunday
  00:00; Pacific/Apia skipped 30 December 2011), that day gets no nudge rather than a second one on
  the next day: there is never more than one nudge per local date.

All returned instants are aware UTC datetimes. Functions that take an instant refuse naive
datetimes with `ValueError` (a programming error); the functions that read user text never raise.
"""

from __future__ import annotations

import atexit
import math
import re
import unicodedata
import zoneinfo
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.dates import get_timezone_location

from bot.routine.content import ClockWords, DayHalf, default_clock
from bot.routine.spelling import fold_marks

if TYPE_CHECKING:
    from timezonefinder import TimezoneFinder

__all__ = [
    "MAX_UTC_OFFSET",
    "MIN_UTC_OFFSET",
    "PREFERRED_ZONES",
    "canonical_zones",
    "local_date",
    "next_nudge_after_local_day",
    "next_nudge_at",
    "nudge_on_local_day",
    "offset_from_local_clock",
    "parse_clock_time",
    "zone_for_location",
    "zone_for_name",
    "zones_for_offset",
]

MIN_UTC_OFFSET = timedelta(hours=-12)
MAX_UTC_OFFSET = timedelta(hours=14)

# Enough to step over a gap day and a whole skipped date (Apia 2011, Kwajalein 1993).
_MAX_DAYS_AHEAD = 7


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got {value!r}")


# --- next occurrence -------------------------------------------------------------------------


def local_date(instant: datetime, zone: zoneinfo.ZoneInfo) -> date:
    """The calendar date on the wall clock in `zone` at the aware `instant`."""
    _require_aware(instant, "instant")
    return instant.astimezone(zone).date()


def _offset_at(zone: zoneinfo.ZoneInfo, epoch_seconds: int) -> timedelta | None:
    return datetime.fromtimestamp(epoch_seconds, tz=zone).utcoffset()


def _gap_end(zone: zoneinfo.ZoneInfo, before: datetime, after: datetime) -> datetime:
    """The first whole minute at or after the offset change between two UTC instants."""
    lo = math.floor(before.timestamp())
    hi = math.ceil(after.timestamp())
    offset_before = _offset_at(zone, lo)
    while hi - lo > 1:  # ~14 steps for a one-hour gap; transitions fall on whole seconds
        mid = (lo + hi) // 2
        if _offset_at(zone, mid) == offset_before:
            lo = mid
        else:
            hi = mid
    return datetime.fromtimestamp(-(-hi // 60) * 60, tz=UTC)


def nudge_on_local_day(local_time: time, zone: zoneinfo.ZoneInfo, day: date) -> datetime | None:
    """The UTC instant of the nudge for local date `day`, or None if that date gets none.

    The wall time itself if it exists (its first occurrence if it exists twice), else the first
    valid minute after the gap, provided that is still on `day`.
    """
    if local_time.tzinfo is not None:
        raise ValueError(f"local_time must be a naive wall-clock time, got {local_time!r}")
    wall = datetime.combine(day, local_time)
    first = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if first.astimezone(zone).replace(tzinfo=None) == wall:
        return first
    # In a gap fold=0 and fold=1 map to the two instants either side of the transition.
    other = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    start = _gap_end(zone, min(first, other), max(first, other))
    if start.astimezone(zone).date() != day:
        return None
    return start


def next_nudge_at(local_time: time, zone: zoneinfo.ZoneInfo, after: datetime) -> datetime:
    """The first nudge instant (UTC) strictly after the aware `after`.

    At most one per local date; see the module notes for DST gaps and repeated hours.
    """
    _require_aware(after, "after")
    day = local_date(after, zone)
    for ahead in range(_MAX_DAYS_AHEAD):
        at = nudge_on_local_day(local_time, zone, day + timedelta(days=ahead))
        if at is not None and at > after:
            return at
    raise RuntimeError(f"no {local_time} in {zone.key} within {_MAX_DAYS_AHEAD} days of {after}")


def next_nudge_after_local_day(local_time: time, zone: zoneinfo.ZoneInfo, day: date) -> datetime:
    """The nudge instant (UTC) on the first local date after `day` that has one.

    For "skip today" and "already done today": `day` is today's local date.
    """
    for ahead in range(1, _MAX_DAYS_AHEAD + 1):
        at = nudge_on_local_day(local_time, zone, day + timedelta(days=ahead))
        if at is not None:
            return at
    raise RuntimeError(f"no {local_time} in {zone.key} within {_MAX_DAYS_AHEAD} days after {day}")


# --- reading a clock time --------------------------------------------------------------------

# Longer than any time anyone types; longer texts are rejected before any other work.
_MAX_TIME_TEXT = 24

# 24-hour clock: "8:05", "08:05", "20.30", "20h30", and "20h" (French/German style).
_H24 = re.compile(r"(?P<h>[0-9]{1,2})(?:[:.h](?P<m>[0-9]{2})|h)", re.ASCII)
# 12-hour clock: "8am", "8 am", "8:30pm", "8.30 p.m.".
_H12 = re.compile(r"(?P<h>[0-9]{1,2})(?:[:.](?P<m>[0-9]{2}))?\s*(?P<ap>[ap])\.?\s?m\.?", re.ASCII)
# An hour with a word for the half of the day ("7 утра", "8:30 de la tarde", "jam 7.30 pagi").
_HOUR = re.compile(r"(?P<h>[0-9]{1,2})(?:[:.h](?P<m>[0-9]{2})|h)?", re.ASCII)
_BARE_24H = re.compile(r"1[3-9]|2[0-3]", re.ASCII)  # "a las 19": no other 19 it could mean
_NOT_A_WORD = re.compile(r"[\s\-\u200c!?,;]+")


def parse_clock_time(text: str, words: ClockWords | None = None) -> time | None:
    """A wall-clock time from what a user typed, or None when it is invalid or ambiguous.

    Accepts "08:00", "8:05", "20.30", "20h30", "20h", "8am", "8 am", "8:30pm", "12am" (00:00),
    "12pm" (12:00), an hour from 13 to 23 alone; with the language's *words*, the same amid
    words that add nothing ("в 7:30", "às 7h30", "ساعت ۷:۳۰", "jam 7.30"), with a word for the
    half of the day ("8 утра", "9 de la noche", "2 siang") and words for noon and midnight.
    Persian and Arabic-Indic digits and full-width ones are read. Rejects a bare "8" (which
    8?), "24:00", "8:60", "13pm", "0am". Never raises; long texts return at once.
    """
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not text or len(text) > _MAX_TIME_TEXT or text[0] in "-−":
        return None
    words = words or default_clock()
    plain = _plain(text)
    if plain in {_plain(phrase) for phrase in words.noon}:
        return time(12, 0)
    if plain in {_plain(phrase) for phrase in words.midnight}:
        return time(0, 0)
    tokens = plain.split()
    half = None
    for phrase in sorted(words.halves, key=lambda p: -len(p.split())):
        if _remove(tokens, _plain(phrase).split()):
            half = words.halves[phrase]
            break
    for phrase in sorted(words.filler, key=lambda p: -len(p.split())):
        while _remove(tokens, _plain(phrase).split()):
            pass
    rest = " ".join(tokens)
    if half is not None:
        match = _HOUR.fullmatch(rest)
        return _with_half(int(match["h"]), int(match["m"] or 0), half) if match else None
    return _clock(rest)


def _clock(text: str) -> time | None:
    if match := _H24.fullmatch(text):
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if hour <= 23 and minute <= 59:
            return time(hour, minute)
        return None
    if match := _H12.fullmatch(text):
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        hour %= 12
        if match["ap"] == "p":
            hour += 12
        return time(hour, minute)
    if _BARE_24H.fullmatch(text):
        return time(int(text), 0)
    return None


def _with_half(hour: int, minute: int, half: DayHalf) -> time | None:
    """An hour of a 12-hour day and the word for its half: the 24-hour time, or None."""
    if minute > 59 or not 0 <= hour <= 23:
        return None
    if hour > 12:  # "19 de la tarde": already a 24-hour hour, said with its half
        return time(hour, minute) if half is not DayHalf.AM else None
    match half:
        case DayHalf.AM:
            hour = 0 if hour == 12 else hour
        case DayHalf.PM:
            hour = hour if hour == 12 else hour + 12
        case DayHalf.NIGHT:  # "11 de la noche" is 23:00, "2 ночи" 02:00, "12 شب" midnight
            hour = 0 if hour == 12 else hour + 12 if hour >= 6 else hour
        case DayHalf.MIDDAY:  # "11 siang" is 11:00, "1 siang" 13:00
            hour = hour if hour >= 10 else hour + 12 if hour <= 6 else -1
    return time(hour, minute) if 0 <= hour <= 23 else None


def _plain(text: str) -> str:
    """Lower case, accents and odd digits folded, words split by one space (hyphens, the
    zero-width non-joiner and ,;!? as spaces)."""
    folded = fold_marks(unicodedata.normalize("NFKC", text)).casefold()
    folded = "".join(
        char for char in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(char)
    )
    return " ".join(_NOT_A_WORD.sub(" ", folded).split()).rstrip(".")


def _remove(tokens: list[str], phrase: list[str]) -> bool:
    """Remove the first run of *phrase* from *tokens*; whether there was one."""
    size = len(phrase)
    for start in range(len(tokens) - size + 1):
        if tokens[start : start + size] == phrase:
            del tokens[start : start + size]
            return True
    return False


# --- guessing the zone -----------------------------------------------------------------------

# Well-known representatives first, roughly by how many people use each offset; everything else
# follows alphabetically. Europe/Berlin leads +01:00, Europe/London leads 00:00.
PREFERRED_ZONES: tuple[str, ...] = (
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Amsterdam",
    "Europe/Warsaw",
    "Europe/Vienna",
    "Europe/Zurich",
    "Europe/Stockholm",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Kyiv",
    "Europe/Athens",
    "Europe/Helsinki",
    "Europe/Bucharest",
    "Europe/Istanbul",
    "Europe/Moscow",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Toronto",
    "America/Vancouver",
    "America/Halifax",
    "America/St_Johns",
    "America/Mexico_City",
    "America/Bogota",
    "America/Lima",
    "America/Caracas",
    "America/Santiago",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
    "America/Noronha",
    "Atlantic/Azores",
    "Atlantic/Cape_Verde",
    "Atlantic/Reykjavik",
    "Africa/Lagos",
    "Africa/Casablanca",
    "Africa/Cairo",
    "Africa/Johannesburg",
    "Africa/Nairobi",
    "Asia/Jerusalem",
    "Asia/Riyadh",
    "Asia/Dubai",
    "Asia/Tehran",
    "Asia/Kabul",
    "Asia/Karachi",
    "Asia/Tashkent",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Dhaka",
    "Asia/Yangon",
    "Asia/Bangkok",
    "Asia/Jakarta",
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Singapore",
    "Asia/Manila",
    "Australia/Perth",
    "Australia/Eucla",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Australia/Darwin",
    "Australia/Adelaide",
    "Australia/Brisbane",
    "Australia/Sydney",
    "Australia/Melbourne",
    "Australia/Lord_Howe",
    "Pacific/Noumea",
    "Pacific/Auckland",
    "Pacific/Fiji",
    "Pacific/Chatham",
    "Pacific/Tongatapu",
    "Pacific/Apia",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "Pacific/Marquesas",
    "Pacific/Gambier",
    "Pacific/Pitcairn",
)
_RANK = {name: rank for rank, name in enumerate(PREFERRED_ZONES)}

_AREAS = frozenset(
    (
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    )
)


def _zone_tab_names() -> frozenset[str]:
    """Zone names listed in the `tzdata` package's zone.tab: one per region, no legacy aliases."""
    try:
        text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    except (ImportError, OSError):
        return frozenset()
    names = (line.split("\t")[2] for line in text.splitlines() if line and line[0] != "#")
    return frozenset(names)


@cache
def canonical_zones() -> tuple[str, ...]:
    """Area/City zone names a person would pick, preferred ones first, then alphabetical.

    From `zoneinfo.available_timezones()`, keeping the geographic areas (no Etc/, US/, posix/, …)
    and, when zone.tab is available, only its names — which drops legacy aliases such as
    Asia/Katmandu or Asia/Calcutta.
    """
    names = {n for n in zoneinfo.available_timezones() if n.split("/", 1)[0] in _AREAS}
    listed = _zone_tab_names()
    if listed:
        names &= listed
    return tuple(sorted(names, key=lambda n: (_RANK.get(n, len(_RANK)), n)))


@cache
def _loaded_zones() -> tuple[tuple[str, zoneinfo.ZoneInfo], ...]:
    return tuple((name, zoneinfo.ZoneInfo(name)) for name in canonical_zones())


def zones_for_offset(offset: timedelta, at: datetime) -> list[str]:
    """Canonical zones whose UTC offset at the aware `at` equals `offset`, best-known first."""
    _require_aware(at, "at")
    return [name for name, zone in _loaded_zones() if at.astimezone(zone).utcoffset() == offset]


def _round_to_quarter_hour(delta: timedelta) -> timedelta:
    quarters = math.floor(delta.total_seconds() / 900 + 0.5)
    return timedelta(minutes=15 * quarters)


def offset_from_local_clock(text: str, now: datetime) -> timedelta | None:
    """The user's UTC offset, from their answer to "what time is it where you are?" at `now`.

    Rounded to the nearest quarter hour and kept within [-12:00, +14:00]. When two days fit (near
    ±12 h) the one that some zone uses at `now` wins, then the one with the best-known zone, then
    the smaller offset. None when the text is not a clock time.
    """
    _require_aware(now, "now")
    wall = parse_clock_time(text)
    if wall is None:
        return None
    utc_now = now.astimezone(UTC).replace(tzinfo=None)
    candidates: list[tuple[bool, int, timedelta, timedelta]] = []
    for days in (-1, 0, 1):
        local = datetime.combine(utc_now.date() + timedelta(days=days), wall)
        offset = _round_to_quarter_hour(local - utc_now)
        if MIN_UTC_OFFSET <= offset <= MAX_UTC_OFFSET:
            zones = zones_for_offset(offset, now)
            best_rank = _RANK.get(zones[0], len(_RANK)) if zones else len(_RANK)
            candidates.append((not zones, best_rank, abs(offset), offset))
    return min(candidates)[3] if candidates else None


@cache
def _finder() -> TimezoneFinder:
    from timezonefinder import TimezoneFinder

    finder = TimezoneFinder()
    # Close its mapped data files at exit: left to the garbage collector, they warn.
    atexit.register(finder.cleanup)
    return finder


def zone_for_location(latitude: float, longitude: float) -> str | None:
    """The IANA zone at a shared location, offline; None at sea or for invalid coordinates.

    Uses timezonefinder's land-only lookup: the open ocean (where its data has only nautical
    Etc/GMT±N zones) gives None, as does a zone this machine's tz database cannot load.
    Never raises.
    """
    try:
        lat, lng = float(latitude), float(longitude)
    except (TypeError, ValueError, OverflowError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lng)):
        return None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lng <= 180.0):
        return None
    try:
        name = _finder().timezone_at_land(lng=lng, lat=lat)
    except Exception:  # a lookup failure is a fallback question, never a crash
        return None
    if name is None or name.startswith("Etc/") or name not in _available_zones():
        return None
    return name


@cache
def _available_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


_MAX_ZONE_NAME = 64
_SEPARATORS = re.compile(r"[\s_\-\u200c'’.,!?]+")
_MIN_INFLECTED = 4  # "москве" → Москва: a stem of at least this many letters


def _name_key(text: str) -> str:
    """ "new  york", "New_York", "new-york" and "São Paulo" / "sao paulo" alike: lower case,
    accents folded, one "_" between words."""
    return _SEPARATORS.sub("_", _plain(text)).strip("_")


def _last_parts(names: Iterable[str]) -> dict[str, str | None]:
    """Each zone's last path part → the zone, or None when two zones share it (ambiguous)."""
    found: dict[str, str | None] = {}
    for name in names:
        key = _name_key(name.rsplit("/", 1)[-1])
        found[key] = name if key not in found else None
    return found


@cache
def _default_name_tables() -> tuple[dict[str, str | None], ...]:
    full: dict[str, str | None] = {_name_key(name): name for name in _available_zones()}
    cities = _last_parts(canonical_zones())
    aliases = _last_parts(
        n for n in _available_zones() if "/" in n and n.split("/", 1)[0] in _AREAS
    )
    return cities, full, aliases


@cache
def _cities_in(language: str) -> dict[str, str | None]:
    """Every canonical zone's city as *language* names it (CLDR's exemplar cities through Babel:
    Москва, Київ, Ciudad de México, São Paulo, تهران) → the zone; None where two share a name."""
    found: dict[str, str | None] = {}
    for zone in canonical_zones():
        key = _name_key(zone_city(zone, language))
        found[key] = zone if key not in found or found[key] == zone else None
    return found


def zone_city(zone: str, language: str) -> str:
    """The city a zone is named after, as *language* writes it ("Europe/Moscow" → "Москва")."""
    return get_timezone_location(zone, locale=_babel_locale(language), return_city=True)


@cache
def _babel_locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def zone_for_city(text: str, words: ClockWords | None = None) -> str | None:
    """The zone of a city typed in the person's language (*words*: its language and the words
    before a city that add nothing — "в Москве", "en Ciudad de México", "di Jakarta"), or of a
    zone or English city name (`zone_for_name`). An inflected city ("в Киеве") is read by its
    stem when only one city has it. Never raises."""
    if len(text) > _MAX_ZONE_NAME:
        return None
    words = words or default_clock()
    tokens = _plain(text).split()
    readings = [" ".join(tokens)]
    for phrase in sorted(words.places, key=lambda p: -len(p.split())):
        place = _plain(phrase).split()
        if tokens[: len(place)] == place and len(tokens) > len(place):
            readings.append(" ".join(tokens[len(place) :]))  # "в Москве" → "Москве"
            break
    cities = _cities_in(words.language)
    for named in readings:
        zone = zone_for_name(named) or cities.get(_name_key(named))
        if zone is not None:
            return zone
    return _inflected(_name_key(readings[-1]), cities)


def _inflected(key: str, cities: dict[str, str | None]) -> str | None:
    """A city named with a case ending ("москве", "києві", "تهرانم"): the one city whose name,
    less its last letter, the word starts with — when there is only one."""
    if len(key) < _MIN_INFLECTED + 1:
        return None
    found = {
        zone
        for city, zone in cities.items()
        if zone is not None
        and len(city) >= _MIN_INFLECTED
        and (key.startswith(city[:-1]) and len(key) - len(city) <= 2)
    }
    return found.pop() if len(found) == 1 else None


def zone_for_name(text: str, zones: Iterable[str] | None = None) -> str | None:
    """The IANA zone a typed name means: "Europe/Berlin", or a city — "Berlin", "new york".

    Case-, space- and hyphen-insensitive. The last path part of a canonical zone first
    (Europe/Berlin, America/New_York, America/Argentina/Buenos_Aires; "Singapore" is
    Asia/Singapore, not the legacy top-level name); then a full zone name ("UTC",
    "Europe/Berlin"); then a legacy alias's city (Europe/Kiev). A last part shared by two zones
    is ambiguous: None, as is an unknown name. `zones` replaces the tz database (tests). Never
    raises.
    """
    if len(text) > _MAX_ZONE_NAME:
        return None
    key = _name_key(text)
    if not key:
        return None
    if zones is None:
        tables = _default_name_tables()
    else:
        names = tuple(zones)
        full: dict[str, str | None] = {_name_key(n): n for n in names}
        tables = (_last_parts(names), full)
    for table in tables:
        if key in table:
            return table[key]
    return None
