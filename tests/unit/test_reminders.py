"""Reminder time math: DST gaps and folds, odd offsets, parsing clock times, guessing the zone."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.routine.local_time import (
    MAX_UTC_OFFSET,
    MIN_UTC_OFFSET,
    PREFERRED_ZONES,
    canonical_zones,
    local_date,
    next_nudge_after_local_day,
    next_nudge_at,
    nudge_on_local_day,
    offset_from_local_clock,
    parse_clock_time,
    zone_for_location,
    zone_for_name,
    zones_for_offset,
)

FAST = settings(max_examples=200, deadline=None, database=None)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
KATHMANDU = ZoneInfo("Asia/Kathmandu")
CHATHAM = ZoneInfo("Pacific/Chatham")
NUUK = ZoneInfo("America/Nuuk")  # springs forward Saturday 23:00 → Sunday 00:00
APIA = ZoneInfo("Pacific/Apia")  # skipped 30 December 2011 entirely


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def hm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


# --- transition days, exact instants ---------------------------------------------------------

# (zone, reminder time, an instant the day before, expected nudge in UTC, expected local wall time)
TRANSITION_DAYS = [
    # Europe/Berlin, 29 March 2026: 02:00 CET → 03:00 CEST.
    pytest.param(
        BERLIN, "02:30", utc(2026, 3, 28, 12), utc(2026, 3, 29, 1, 0), "03:00", id="berlin-gap"
    ),
    pytest.param(
        BERLIN,
        "02:00",
        utc(2026, 3, 28, 12),
        utc(2026, 3, 29, 1, 0),
        "03:00",
        id="berlin-gap-start",
    ),
    pytest.param(
        BERLIN, "03:00", utc(2026, 3, 28, 12), utc(2026, 3, 29, 1, 0), "03:00", id="berlin-gap-end"
    ),
    pytest.param(
        BERLIN,
        "01:59",
        utc(2026, 3, 28, 12),
        utc(2026, 3, 29, 0, 59),
        "01:59",
        id="berlin-before-gap",
    ),
    pytest.param(
        BERLIN,
        "08:00",
        utc(2026, 3, 28, 12),
        utc(2026, 3, 29, 6, 0),
        "08:00",
        id="berlin-gap-day-morning",
    ),
    # Europe/Berlin, 25 October 2026: 03:00 CEST → 02:00 CET; 02:30 happens twice.
    pytest.param(
        BERLIN,
        "02:30",
        utc(2026, 10, 24, 12),
        utc(2026, 10, 25, 0, 30),
        "02:30",
        id="berlin-fold-first",
    ),
    pytest.param(
        BERLIN,
        "02:00",
        utc(2026, 10, 24, 12),
        utc(2026, 10, 25, 0, 0),
        "02:00",
        id="berlin-fold-start",
    ),
    pytest.param(
        BERLIN,
        "03:00",
        utc(2026, 10, 24, 12),
        utc(2026, 10, 25, 2, 0),
        "03:00",
        id="berlin-after-fold",
    ),
    # America/New_York, 8 March 2026: 02:00 EST → 03:00 EDT.
    pytest.param(
        NEW_YORK, "02:30", utc(2026, 3, 7, 12), utc(2026, 3, 8, 7, 0), "03:00", id="ny-gap"
    ),
    pytest.param(
        NEW_YORK,
        "02:59",
        utc(2026, 3, 7, 12),
        utc(2026, 3, 8, 7, 0),
        "03:00",
        id="ny-gap-last-minute",
    ),
    # America/New_York, 1 November 2026: 02:00 EDT → 01:00 EST; 01:30 happens twice.
    pytest.param(
        NEW_YORK,
        "01:30",
        utc(2026, 10, 31, 12),
        utc(2026, 11, 1, 5, 30),
        "01:30",
        id="ny-fold-first",
    ),
    pytest.param(
        NEW_YORK,
        "07:00",
        utc(2026, 10, 31, 12),
        utc(2026, 11, 1, 12, 0),
        "07:00",
        id="ny-fold-day-morning",
    ),
    # Australia/Lord_Howe, 4 October 2026: 02:00 (+10:30) → 02:30 (+11:00), a 30-minute gap.
    pytest.param(
        LORD_HOWE, "02:15", utc(2026, 10, 3, 0), utc(2026, 10, 3, 15, 30), "02:30", id="lhi-gap"
    ),
    pytest.param(
        LORD_HOWE, "02:30", utc(2026, 10, 3, 0), utc(2026, 10, 3, 15, 30), "02:30", id="lhi-gap-end"
    ),
    pytest.param(
        LORD_HOWE,
        "01:59",
        utc(2026, 10, 3, 0),
        utc(2026, 10, 3, 15, 29),
        "01:59",
        id="lhi-before-gap",
    ),
    # Australia/Lord_Howe, 5 April 2026: 02:00 (+11:00) → 01:30 (+10:30); 01:45 happens twice.
    pytest.param(
        LORD_HOWE,
        "01:45",
        utc(2026, 4, 4, 0),
        utc(2026, 4, 4, 14, 45),
        "01:45",
        id="lhi-fold-first",
    ),
    pytest.param(
        LORD_HOWE,
        "02:00",
        utc(2026, 4, 4, 0),
        utc(2026, 4, 4, 15, 30),
        "02:00",
        id="lhi-after-fold",
    ),
    # Pacific/Chatham, 27 September 2026: 02:45 (+12:45) → 03:45 (+13:45).
    pytest.param(
        CHATHAM, "03:00", utc(2026, 9, 26, 0), utc(2026, 9, 26, 14, 0), "03:45", id="chatham-gap"
    ),
    pytest.param(
        CHATHAM,
        "02:44",
        utc(2026, 9, 26, 0),
        utc(2026, 9, 26, 13, 59),
        "02:44",
        id="chatham-before-gap",
    ),
    # Pacific/Chatham, 5 April 2026: 03:45 (+13:45) → 02:45 (+12:45); 03:00 happens twice.
    pytest.param(
        CHATHAM,
        "03:00",
        utc(2026, 4, 4, 0),
        utc(2026, 4, 4, 13, 15),
        "03:00",
        id="chatham-fold-first",
    ),
    pytest.param(
        CHATHAM,
        "08:00",
        utc(2026, 1, 10, 0),
        utc(2026, 1, 10, 18, 15),
        "08:00",
        id="chatham-summer",
    ),
    pytest.param(
        CHATHAM,
        "08:00",
        utc(2026, 7, 10, 0),
        utc(2026, 7, 10, 19, 15),
        "08:00",
        id="chatham-winter",
    ),
    # Asia/Kathmandu: +05:45 all year.
    pytest.param(
        KATHMANDU, "08:00", utc(2026, 1, 10, 0), utc(2026, 1, 10, 2, 15), "08:00", id="kathmandu"
    ),
    pytest.param(
        KATHMANDU,
        "00:10",
        utc(2026, 1, 10, 0),
        utc(2026, 1, 10, 18, 25),
        "00:10",
        id="kathmandu-midnight",
    ),
]


@pytest.mark.parametrize(("zone", "at", "after", "expected", "wall"), TRANSITION_DAYS)
def test_next_nudge_on_transition_days(
    zone: ZoneInfo, at: str, after: datetime, expected: datetime, wall: str
) -> None:
    nudge = next_nudge_at(hm(at), zone, after)
    assert nudge == expected
    assert nudge.tzinfo is UTC
    local = nudge.astimezone(zone)
    assert local.strftime("%H:%M") == wall
    assert local.fold == 0


@pytest.mark.parametrize(
    ("zone", "at", "first", "second_occurrence", "next_day"),
    [
        (
            BERLIN,
            "02:30",
            utc(2026, 10, 25, 0, 30),
            utc(2026, 10, 25, 1, 30),
            utc(2026, 10, 26, 1, 30),
        ),
        (
            NEW_YORK,
            "01:30",
            utc(2026, 11, 1, 5, 30),
            utc(2026, 11, 1, 6, 30),
            utc(2026, 11, 2, 6, 30),
        ),
        (
            LORD_HOWE,
            "01:45",
            utc(2026, 4, 4, 14, 45),
            utc(2026, 4, 4, 15, 15),
            utc(2026, 4, 5, 15, 15),
        ),
        (
            CHATHAM,
            "03:00",
            utc(2026, 4, 4, 13, 15),
            utc(2026, 4, 4, 14, 15),
            utc(2026, 4, 5, 14, 15),
        ),
    ],
)
def test_a_repeated_local_time_fires_once(
    zone: ZoneInfo, at: str, first: datetime, second_occurrence: datetime, next_day: datetime
) -> None:
    # The second occurrence really shows the same wall time: it is a fold.
    assert second_occurrence.astimezone(zone).strftime("%H:%M") == at
    assert next_nudge_at(hm(at), zone, first - timedelta(seconds=1)) == first
    # Right at the first occurrence, and between the two, the next one is tomorrow's.
    assert next_nudge_at(hm(at), zone, first) == next_day
    assert next_nudge_at(hm(at), zone, second_occurrence - timedelta(minutes=1)) == next_day


def test_the_next_nudge_is_strictly_after() -> None:
    at = utc(2026, 1, 15, 7, 0)  # 08:00 in Berlin
    assert next_nudge_at(time(8), BERLIN, at - timedelta(microseconds=1)) == at
    assert next_nudge_at(time(8), BERLIN, at) == at + timedelta(days=1)
    # Any aware `after` works, not only UTC.
    assert next_nudge_at(time(8), BERLIN, at.astimezone(NEW_YORK)) == at + timedelta(days=1)


def test_a_gap_past_midnight_skips_that_day_rather_than_doubling_the_next() -> None:
    # Nuuk, 28 March 2026: Saturday 23:00 (-02:00) jumps to Sunday 00:00 (-01:00).
    saturday = date(2026, 3, 28)
    assert nudge_on_local_day(time(23, 30), NUUK, saturday) is None
    assert nudge_on_local_day(time(22, 59), NUUK, saturday) == utc(2026, 3, 29, 0, 59)
    sunday_2330 = utc(2026, 3, 30, 0, 30)
    assert next_nudge_at(time(23, 30), NUUK, utc(2026, 3, 28, 12)) == sunday_2330
    assert local_date(sunday_2330, NUUK) == date(2026, 3, 29)
    # A reminder at midnight exists on Sunday: it is the first minute after the gap.
    assert nudge_on_local_day(time(0, 0), NUUK, date(2026, 3, 29)) == utc(2026, 3, 29, 1, 0)


def test_a_date_that_never_happened_gets_no_nudge() -> None:
    # Samoa moved across the date line: 29 December 2011 was followed by 31 December.
    assert nudge_on_local_day(time(8), APIA, date(2011, 12, 30)) is None
    thursday_0800 = next_nudge_at(time(8), APIA, utc(2011, 12, 29, 12))
    assert thursday_0800.astimezone(APIA).date() == date(2011, 12, 29)
    saturday_0800 = next_nudge_at(time(8), APIA, thursday_0800)
    assert saturday_0800.astimezone(APIA) == datetime(2011, 12, 31, 8, tzinfo=APIA)


@pytest.mark.parametrize(
    ("zone", "at", "day", "expected"),
    [
        (BERLIN, "08:00", date(2026, 1, 15), utc(2026, 1, 16, 7, 0)),
        (BERLIN, "02:30", date(2026, 3, 28), utc(2026, 3, 29, 1, 0)),  # tomorrow is a gap day
        (BERLIN, "02:30", date(2026, 10, 24), utc(2026, 10, 25, 0, 30)),  # tomorrow is a fold day
        (NUUK, "23:30", date(2026, 3, 27), utc(2026, 3, 30, 0, 30)),  # Saturday has none
        (KATHMANDU, "20:00", date(2026, 12, 31), utc(2027, 1, 1, 14, 15)),
        (CHATHAM, "07:00", date(2026, 2, 1), utc(2026, 2, 1, 17, 15)),
    ],
)
def test_next_nudge_after_local_day(zone: ZoneInfo, at: str, day: date, expected: datetime) -> None:
    nudge = next_nudge_after_local_day(hm(at), zone, day)
    assert nudge == expected
    assert local_date(nudge, zone) > day


@pytest.mark.parametrize(
    ("instant", "zone", "expected"),
    [
        (utc(2026, 1, 15, 23, 30), BERLIN, date(2026, 1, 16)),
        (utc(2026, 1, 15, 23, 30), NEW_YORK, date(2026, 1, 15)),
        (utc(2026, 1, 16, 3, 30), NEW_YORK, date(2026, 1, 15)),
        (utc(2026, 1, 15, 18, 14), KATHMANDU, date(2026, 1, 15)),
        (utc(2026, 1, 15, 18, 15), KATHMANDU, date(2026, 1, 16)),
        (utc(2026, 1, 15, 10, 15), CHATHAM, date(2026, 1, 16)),  # +13:45 in January
    ],
)
def test_local_date(instant: datetime, zone: ZoneInfo, expected: date) -> None:
    assert local_date(instant, zone) == expected


def test_naive_instants_and_aware_reminder_times_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        next_nudge_at(time(8), BERLIN, datetime(2026, 1, 1, 12))
    with pytest.raises(ValueError, match="aware"):
        local_date(datetime(2026, 1, 1, 12), BERLIN)
    with pytest.raises(ValueError, match="naive"):
        nudge_on_local_day(time(8, tzinfo=UTC), BERLIN, date(2026, 1, 1))


# --- property: one nudge per local date, at the right wall time ------------------------------

PROPERTY_ZONES = [
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "America/Nuuk",  # gap across local midnight
    "America/Havana",  # gap at local midnight: 00:00 → 01:00
    "America/Santiago",  # southern hemisphere, transitions at 24:00
]
TRICKY_TIMES = [
    hm(text)
    for text in [
        "00:00",
        "00:15",
        "00:30",
        "01:00",
        "01:30",
        "01:45",
        "02:00",
        "02:15",
        "02:30",
        "02:45",
        "02:59",
        "03:00",
        "03:15",
        "03:30",
        "03:45",
        "04:00",
        "22:00",
        "22:30",
        "23:00",
        "23:30",
        "23:59",
    ]
]


def _wall(instant: datetime, zone: ZoneInfo) -> datetime:
    return instant.astimezone(zone).replace(tzinfo=None)


def _expected_nudge(day: date, at: time, zone: ZoneInfo) -> datetime | None:
    """An independent oracle: try each offset in force around `day`, else walk past the gap."""
    wall = datetime.combine(day, at)
    noon = datetime.combine(day, time(12)).replace(tzinfo=UTC)
    offsets = {
        offset
        for hours in range(-36, 37, 6)
        if (offset := (noon + timedelta(hours=hours)).astimezone(zone).utcoffset()) is not None
    }
    candidates = sorted((wall - offset).replace(tzinfo=UTC) for offset in offsets)
    valid = [c for c in candidates if _wall(c, zone) == wall]
    if valid:
        return valid[0]  # the first occurrence
    # A gap: the first whole minute whose wall time is later than the requested one.
    minute = candidates[0].replace(second=0, microsecond=0)
    while _wall(minute, zone) <= wall:
        minute += timedelta(minutes=1)
    previous = _wall(minute - timedelta(minutes=1), zone)
    assert previous < wall < _wall(minute, zone)  # really just after a jump over `wall`
    return minute if _wall(minute, zone).date() == day else None


@settings(FAST, max_examples=40)
@given(
    zone_name=st.sampled_from(PROPERTY_ZONES),
    at=st.one_of(st.sampled_from(TRICKY_TIMES), st.times()),
    start=st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2027, 12, 31)),
)
@example(zone_name="Europe/Berlin", at=hm("02:30"), start=datetime(2026, 1, 1))
@example(zone_name="America/New_York", at=hm("01:30"), start=datetime(2026, 1, 1))
@example(zone_name="Australia/Lord_Howe", at=hm("02:15"), start=datetime(2026, 1, 1))
@example(zone_name="Pacific/Chatham", at=hm("03:00"), start=datetime(2026, 1, 1))
@example(zone_name="America/Nuuk", at=hm("23:30"), start=datetime(2026, 1, 1))
@example(zone_name="America/Havana", at=hm("00:30"), start=datetime(2026, 1, 1))
def test_exactly_one_nudge_per_local_date_for_a_year(
    zone_name: str, at: time, start: datetime
) -> None:
    zone = ZoneInfo(zone_name)
    after = start.replace(tzinfo=UTC)
    first_day = local_date(after, zone)
    last_day = first_day + timedelta(days=366)

    nudges: dict[date, datetime] = {}
    previous = after
    while True:
        nudge = next_nudge_at(at, zone, previous)
        assert nudge > previous
        assert nudge - previous <= timedelta(hours=50)  # never a silent day beyond a gap
        day = local_date(nudge, zone)
        if day > last_day:
            break
        assert day not in nudges, f"two nudges on {day}"
        nudges[day] = nudge
        previous = nudge

    for offset in range(367):
        day = first_day + timedelta(days=offset)
        expected = _expected_nudge(day, at, zone)
        if expected is not None and expected <= after:
            expected = None  # today's was already before the start
        assert nudges.get(day) == expected, f"{zone_name} {at} on {day}"
        if expected is not None:
            shown = _wall(expected, zone)
            requested = datetime.combine(day, at)
            # At the wall time asked for, or (only when that time is missing) a bit later.
            assert shown == requested or (
                shown > requested and shown - requested <= timedelta(hours=1)
            )


# --- parsing clock times ---------------------------------------------------------------------

ACCEPTED = {
    "08:00": "08:00",
    "8:00": "08:00",
    "8:05": "08:05",
    "0:00": "00:00",
    "23:59": "23:59",
    " 07:30 ": "07:30",
    "20.30": "20:30",
    "20h30": "20:30",
    "20H30": "20:30",
    "20h": "20:00",
    "8am": "08:00",
    "8 am": "08:00",
    "8AM": "08:00",
    "8 a.m.": "08:00",
    "8:30pm": "20:30",
    "8.30 pm": "20:30",
    "8:30 P.M.": "20:30",
    "12am": "00:00",
    "12:30am": "00:30",
    "12pm": "12:00",
    "12:45pm": "12:45",
    "11pm": "23:00",
    "noon": "12:00",
    "Midday": "12:00",
    "midnight": "00:00",
    "０８：３０": "08:30",  # full-width, as some keyboards type it
    "٨:٠٠": "08:00",  # Arabic-Indic digits
    "۱۹:۳۰": "19:30",  # Persian digits
    "20": "20:00",  # an hour from 13 to 23 alone is unambiguous
    "8 in the morning": "08:00",
    "at 9 in the evening": "21:00",
}
REJECTED = [
    "8",  # which 8?
    "25:99",
    "24:00",
    "8:60",
    "8:5",
    "123:00",
    "8:000",
    "0800",
    "13pm",
    "0am",
    "00:30am",
    "20:30pm",
    "8 o'clock",
    "eight",
    "8::00",
    "8:00:00",
    ":30",
    "-8:00",
    "🕗",
    "8️⃣",
    "⏰ 8:00",
    "",
    "   ",
    "\n",
    "8:00 tomorrow",
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED.items())
def test_parse_accepts_unambiguous_times(text: str, expected: str) -> None:
    assert parse_clock_time(text) == hm(expected)


@pytest.mark.parametrize("text", REJECTED)
def test_parse_rejects_ambiguous_or_invalid_times(text: str) -> None:
    assert parse_clock_time(text) is None


@pytest.mark.parametrize(
    "text", ["x" * 4000, "8:00" * 1000, "1" * 4000, "8:00 " + "x" * 3995, "8" + "a" * 3999]
)
def test_parse_rejects_long_texts(text: str) -> None:
    """(How quickly: bench/parsers.py.)"""
    assert parse_clock_time(text) is None


@FAST
@given(st.text(max_size=40))
def test_parse_never_raises(text: str) -> None:
    result = parse_clock_time(text)
    assert result is None or (result.tzinfo is None and result.second == 0)


@FAST
@given(st.integers(0, 23), st.integers(0, 59))
def test_parse_reads_back_formatted_times(hour: int, minute: int) -> None:
    at = time(hour, minute)
    assert parse_clock_time(at.strftime("%H:%M")) == at
    assert parse_clock_time(f"{hour}:{minute:02d}") == at
    assert parse_clock_time(f"{hour}.{minute:02d}") == at
    assert parse_clock_time(f"{hour}h{minute:02d}") == at
    assert parse_clock_time(at.strftime("%I:%M %p")) == at
    assert parse_clock_time(at.strftime("%I:%M%p").lstrip("0").lower()) == at


# --- offset from the user's clock ------------------------------------------------------------

WINTER_NOON = utc(2026, 1, 15, 12, 0)


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("13:00", WINTER_NOON, timedelta(hours=1)),
        ("12:00", WINTER_NOON, timedelta(0)),
        ("7am", WINTER_NOON, timedelta(hours=-5)),
        ("17:30", WINTER_NOON, timedelta(hours=5, minutes=30)),
        ("17:45", WINTER_NOON, timedelta(hours=5, minutes=45)),  # Kathmandu
        ("8:30am", WINTER_NOON, timedelta(hours=-3, minutes=-30)),  # Newfoundland
        ("21:30", WINTER_NOON, timedelta(hours=9, minutes=30)),  # Darwin
        ("1:45", WINTER_NOON, timedelta(hours=13, minutes=45)),  # Chatham summer (tomorrow there)
        ("0:45", utc(2026, 7, 15, 12, 0), timedelta(hours=12, minutes=45)),  # Chatham winter
        ("01:00", WINTER_NOON, timedelta(hours=13)),  # Auckland summer, not -11:00
        ("13:02", WINTER_NOON, timedelta(hours=1)),  # a slow typist still rounds to +1
        ("12:58", utc(2026, 1, 15, 12, 0, 40), timedelta(hours=1)),
        ("20:30", utc(2026, 1, 15, 12, 7), timedelta(hours=8, minutes=30)),  # nearest quarter hour
        # Across midnight: the user's date differs from UTC's.
        ("00:50", utc(2026, 1, 15, 23, 50), timedelta(hours=1)),
        ("23:50", utc(2026, 1, 16, 0, 50), timedelta(hours=-1)),
        ("19:10", utc(2026, 1, 16, 0, 10), timedelta(hours=-5)),
        ("9:10", utc(2026, 1, 15, 23, 55), timedelta(hours=9, minutes=15)),
        ("4:40", utc(2026, 1, 15, 23, 10), timedelta(hours=5, minutes=30)),
        # Both -10 and +14 fit: Honolulu is better known than Kiritimati.
        ("00:00", utc(2026, 1, 15, 10, 0), timedelta(hours=-10)),
        # Both -12 and +12 fit: no zone uses -12 (only the excluded Etc/GMT+12).
        ("12:00", utc(2026, 7, 15, 0, 0), timedelta(hours=12)),
    ],
)
def test_offset_from_local_clock(text: str, now: datetime, expected: timedelta) -> None:
    assert offset_from_local_clock(text, now) == expected


@pytest.mark.parametrize("text", ["8", "25:99", "🕗", "", "x" * 4000])
def test_offset_from_an_unreadable_clock_is_none(text: str) -> None:
    assert offset_from_local_clock(text, WINTER_NOON) is None


@settings(FAST, max_examples=60)
@given(
    st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2028, 1, 1)),
    st.integers(0, 23),
    st.integers(0, 59),
)
def test_inferred_offset_matches_the_clock_and_stays_in_range(
    now: datetime, hour: int, minute: int
) -> None:
    aware = now.replace(tzinfo=UTC)
    offset = offset_from_local_clock(f"{hour:02d}:{minute:02d}", aware)
    assert offset is not None
    assert MIN_UTC_OFFSET <= offset <= MAX_UTC_OFFSET
    assert offset.total_seconds() % 900 == 0
    shown = (aware + offset).replace(tzinfo=None)
    typed = datetime.combine(shown.date(), time(hour, minute))
    drift = min(abs(shown - typed + timedelta(days=d)) for d in (-1, 0, 1))
    assert drift <= timedelta(minutes=7, seconds=30)


def test_offset_needs_an_aware_now() -> None:
    with pytest.raises(ValueError, match="aware"):
        offset_from_local_clock("08:00", datetime(2026, 1, 1, 12))


# --- zones for an offset ---------------------------------------------------------------------

JANUARY = utc(2026, 1, 15, 12)
JULY = utc(2026, 7, 15, 12)


def test_kathmandu_is_the_zone_at_plus_five_forty_five() -> None:
    assert zones_for_offset(timedelta(hours=5, minutes=45), JANUARY) == ["Asia/Kathmandu"]


def test_plus_one_in_january_starts_with_europe() -> None:
    zones = zones_for_offset(timedelta(hours=1), JANUARY)
    assert zones[:2] == ["Europe/Berlin", "Europe/Paris"]
    assert "Africa/Lagos" in zones


def test_utc_offset_zero_starts_with_london() -> None:
    assert zones_for_offset(timedelta(0), JANUARY)[0] == "Europe/London"
    # In July London is at +01:00, so it leads no longer at 00:00.
    assert "Europe/London" not in zones_for_offset(timedelta(0), JULY)
    assert zones_for_offset(timedelta(hours=1), JULY)[0] == "Europe/London"


@pytest.mark.parametrize(
    ("offset", "at", "first"),
    [
        (timedelta(hours=13, minutes=45), JANUARY, "Pacific/Chatham"),
        (timedelta(hours=12, minutes=45), JULY, "Pacific/Chatham"),
        (timedelta(hours=11), JANUARY, "Australia/Sydney"),
        (timedelta(hours=10, minutes=30), JULY, "Australia/Lord_Howe"),
        (timedelta(hours=-5), JANUARY, "America/New_York"),
        (timedelta(hours=-4), JULY, "America/New_York"),
        (timedelta(hours=5, minutes=30), JULY, "Asia/Kolkata"),
        (timedelta(hours=-3, minutes=-30), JANUARY, "America/St_Johns"),
    ],
)
def test_zones_for_offset_leads_with_a_well_known_zone(
    offset: timedelta, at: datetime, first: str
) -> None:
    zones = zones_for_offset(offset, at)
    assert zones[0] == first
    assert all(at.astimezone(ZoneInfo(name)).utcoffset() == offset for name in zones)


def test_zones_for_an_offset_nobody_uses_is_empty() -> None:
    assert zones_for_offset(timedelta(hours=3, minutes=15), JANUARY) == []
    assert zones_for_offset(timedelta(hours=-12), JANUARY) == []


def test_canonical_zones_are_area_city_names_without_legacy_aliases() -> None:
    zones = canonical_zones()
    assert len(zones) > 300
    assert len(set(zones)) == len(zones)
    assert all("/" in name for name in zones)
    for prefix in ("Etc/", "US/", "SystemV/", "posix/", "right/", "Canada/", "Brazil/", "Mexico/"):
        assert not any(name.startswith(prefix) for name in zones), prefix
    for alias in ("Asia/Katmandu", "Asia/Calcutta", "Europe/Kiev", "America/Buenos_Aires", "UTC"):
        assert alias not in zones
    # Every preferred zone is a real canonical one (a typo would silently drop it).
    assert set(PREFERRED_ZONES) <= set(zones)
    assert zones[: len(PREFERRED_ZONES)] == PREFERRED_ZONES
    rest = zones[len(PREFERRED_ZONES) :]
    assert list(rest) == sorted(rest)


def test_zones_for_offset_answers_the_same_once_warm() -> None:
    """(How quickly: bench/parsers.py.)"""
    first = zones_for_offset(timedelta(hours=1), JANUARY)
    assert zones_for_offset(timedelta(hours=1), JANUARY) == first


# --- zone for a shared location --------------------------------------------------------------


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [
        (52.52, 13.405, "Europe/Berlin"),
        (40.7128, -74.0060, "America/New_York"),
        (27.7172, 85.3240, "Asia/Kathmandu"),
        (-33.8688, 151.2093, "Australia/Sydney"),
        (-31.5553, 159.0821, "Australia/Lord_Howe"),
        (-43.9535, -176.5597, "Pacific/Chatham"),
        # The open ocean: timezonefinder's land lookup has no zone there (not Etc/GMT+2): None.
        (0.0, -30.0, None),
        (30.0, -40.0, None),
        # Invalid coordinates.
        (200.0, 0.0, None),
        (0.0, 181.0, None),
        (-90.5, 0.0, None),
        (math.nan, 0.0, None),
        (0.0, math.nan, None),
        (math.inf, 0.0, None),
    ],
)
def test_zone_for_location(latitude: float, longitude: float, expected: str | None) -> None:
    assert zone_for_location(latitude, longitude) == expected


def test_zone_for_location_never_raises_on_junk() -> None:
    assert zone_for_location("north", 0.0) is None  # type: ignore[arg-type]
    assert zone_for_location(None, None) is None  # type: ignore[arg-type]
    assert zone_for_location(10**400, 0) is None


def test_zone_for_location_names_load_in_zoneinfo() -> None:
    for latitude, longitude in [(48.8566, 2.3522), (35.6762, 139.6503), (-23.5505, -46.6333)]:
        name = zone_for_location(latitude, longitude)
        assert name is not None
        ZoneInfo(name)


# --- a typed city answers "which time zone?" ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Berlin", "Europe/Berlin"),
        ("berlin", "Europe/Berlin"),
        ("  BERLIN ", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("New   York", "America/New_York"),
        ("new_york", "America/New_York"),
        ("los angeles", "America/Los_Angeles"),
        ("Sydney", "Australia/Sydney"),
        ("buenos aires", "America/Argentina/Buenos_Aires"),
        ("port au prince", "America/Port-au-Prince"),
        ("Kyiv", "Europe/Kyiv"),
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("UTC", "UTC"),
        ("Springfield", None),
        ("Paris, France", None),
        ("America", None),
        ("Europe/", None),
        ("", None),
        ("   ", None),
        ("x" * 500, None),
    ],
)
def test_zone_for_name(text: str, expected: str | None) -> None:
    assert zone_for_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cordoba", None),
        ("Cordoba", None),
        ("america/argentina/cordoba", "America/Argentina/Cordoba"),
        ("madrid", "Europe/Madrid"),
    ],
)
def test_a_city_shared_by_two_zones_is_ambiguous(text: str, expected: str | None) -> None:
    zones = ("America/Argentina/Cordoba", "Europe/Cordoba", "Europe/Madrid")

    assert zone_for_name(text, zones) == expected


def test_every_canonical_zone_is_found_by_its_city() -> None:
    for name in canonical_zones():
        city = name.rsplit("/", 1)[-1].replace("_", " ").lower()
        assert zone_for_name(city) == name, city
