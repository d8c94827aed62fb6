"""What a person can send, whatever the channel: the router's input (`bot.coach.Coach.handle`).

Adapters decode their updates into these (a Telegram command, a terminal line, a button's data)
and never decide what they mean.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class CommandName(StrEnum):
    START = "start"
    SESSION = "session"
    PROGRESS = "progress"
    REMINDERS = "reminders"
    HELP = "help"
    PRIVACY = "privacy"
    EXPORT = "export"
    DELETE = "delete"
    STATS = "stats"
    ROUTINE = "routine"
    LANGUAGE = "language"


@dataclass(frozen=True)
class Command:
    """A command; `name` is what followed the slash (an unknown one gets a hint)."""

    name: str


@dataclass(frozen=True)
class UnknownCommand:
    """A slash command Limber does not have (or one meant for another bot)."""


@dataclass(frozen=True)
class ButtonTap:
    """A tap on a button: its encoded action (`bot.routine.actions`)."""

    data: str


@dataclass(frozen=True)
class TypedText:
    text: str


@dataclass(frozen=True)
class EditedText:
    """A message the user edited: screened for warning signs only, never a new answer."""

    text: str


@dataclass(frozen=True)
class SharedLocation:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class NotText:
    """A sticker, photo, voice note or the like; a caption is screened for warning signs only."""

    caption: str | None = None


@dataclass(frozen=True)
class ChatMembership:
    """The user blocked the bot (`blocked`) or came back."""

    blocked: bool


@dataclass(frozen=True)
class TimerTick:
    """One tick of the hold timer on an exercise screen."""

    session_id: int
    step: int
    seconds_left: int


Incoming = (
    Command
    | UnknownCommand
    | ButtonTap
    | TypedText
    | EditedText
    | SharedLocation
    | NotText
    | ChatMembership
    | TimerTick
)
