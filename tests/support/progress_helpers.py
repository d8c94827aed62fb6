"""Helpers for the progress-and-safety tests: a person doing a routine on Telegram, the morning
nudge, the chart's PNG header, and rows read back from the SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.nudges import NudgeSweeper
from bot.telegram.nudge_job import telegram_sender
from tests.support.limber import Limber
from tests.support.updates import ChatUser

EXERCISES = (
    "Pelvic tilt",
    "Bridge",
    "Knee to chest",
    "Double knee to chest",
    "Trunk rotation",
    "Prayer stretch",
    "Plank → upward dog → downward dog",
)
KEYS = (
    "pelvic_tilt",
    "bridge",
    "knee_to_chest",
    "double_knee_to_chest",
    "trunk_rotation",
    "prayer_stretch",
    "plank_dog_flow",
)

# What a person taps on one exercise screen.
DONE = ("Done",)
PAINFUL_THEN_SKIP = ("Too painful", "Skip this one")
PAINFUL_THEN_GENTLER = ("Too painful", "gentler option", "Done")
SKIP = ("Skip",)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def sqlite_rows(database_url: str, query: str) -> list[tuple[object, ...]]:
    """Rows of *query* on the SQLite file behind *database_url* (read after the bot wrote them)."""
    path = database_url.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as connection:
        return connection.execute(query).fetchall()


def all_text_cells(database_url: str) -> list[str]:
    """Every text value stored in any table: to prove a message's words were not kept."""
    cells: list[str] = []
    tables = sqlite_rows(
        database_url,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    for (table,) in tables:
        for row in sqlite_rows(database_url, f'SELECT * FROM "{table}"'):
            cells.extend(value for value in row if isinstance(value, str))
    return cells


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk; fails if *data* is not a PNG."""
    assert data[:8] == PNG_SIGNATURE, f"not a PNG: {data[:8]!r}"
    assert data[12:16] == b"IHDR", "the first chunk of a PNG is IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


async def onboard(ann: ChatUser) -> None:
    """/start → "I understand" → "None of these" twice (the checklist's two parts): the soreness
    question of a first session."""
    await ann.send("/start")
    await ann.tap("I understand")
    await ann.tap("None of these")  # the emergency signs
    await ann.tap("None of these")  # the see-a-doctor signs
    assert "How sore is your back right now?" in ann.last_text


@dataclass(frozen=True)
class Routine:
    """One routine as the person saw it: each exercise screen on arrival, and the summary."""

    screens: list[str]
    summary: str


async def routine(
    ann: ChatUser,
    *,
    before: int,
    after: int,
    taps: Mapping[str, Sequence[str]] | None = None,
) -> Routine:
    """Answer the soreness question on screen, go through all seven exercises, rate soreness after.

    *taps*: for an exercise title, what to tap on its screen (default: ✅ Done). The morning after
    a routine not yet checked in, the check-in comes first (the 24-hour rule): "Same".
    """
    if "how did your back feel the morning after" in ann.last_text:
        await ann.tap("Same")
    assert "How sore is your back right now?" in ann.last_text, ann.last_text
    await ann.tap(str(before))
    screens: list[str] = []
    for number, title in enumerate(EXERCISES, start=1):
        assert f"Exercise {number} of 7 · {title}" in ann.last_text, ann.last_text
        screens.append(ann.last_text)
        for label in (taps or {}).get(title, DONE):
            await ann.tap(label)
    assert "How sore is your back now?" in ann.last_text, ann.last_text
    await ann.tap(str(after))
    return Routine(screens, ann.last_text)


async def decline_reminders(ann: ChatUser) -> None:
    """After the first summary Limber offers a daily reminder: "No reminders"."""
    assert "When should I remind you?" in ann.last_text
    await ann.tap("No reminders")
    assert "Reminders are off" in ann.last_text


async def set_reminder_at_nine_in_berlin(ann: ChatUser) -> None:
    """From the first summary's offer: a reminder at 09:00, Europe/Berlin."""
    assert "When should I remind you?" in ann.last_text
    await ann.tap("Another time")
    await ann.send("9am")
    assert "which time zone" in ann.last_text
    await ann.send("Europe/Berlin")
    assert "Every day at 09:00, Berlin" in ann.last_text


def sweeper(limber: Limber) -> NudgeSweeper:
    """The nudge sweep as the bot's repeating job runs it, sending through the fake Bot API."""
    return limber.services.nudge_sweeper(telegram_sender(limber.application.bot), rate=25)
