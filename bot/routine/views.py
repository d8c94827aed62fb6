"""Channel-neutral screens: what to say and which choices to offer.

Telegram renders a View as a message with an inline keyboard (edited in place); the terminal chat
renders it as text with numbered choices. Neither adds wording of its own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Action:
    """One choice: `data` is the encoded action (`bot.routine.actions`), `label` what it says.

    With a `url` the choice is a link instead (e.g. to open the private chat); `data` is unused.
    """

    data: str
    label: str
    url: str | None = None


@dataclass(frozen=True)
class Timer:
    """A hold to count down on the current exercise screen."""

    session_id: int
    step: int
    seconds: int


@dataclass(frozen=True)
class ReplyKeyboard:
    """Suggested answers the user can send with one tap, and optionally a share-location button.

    Telegram shows these as a one-time reply keyboard; the terminal chat lists them.
    """

    rows: tuple[tuple[str, ...], ...]
    location_label: str | None = None


@dataclass(frozen=True)
class Attachment:
    """A file that goes with a screen: a picture (a chart) or a document (an export)."""

    name: str
    data: bytes
    picture: bool = False


@dataclass(frozen=True)
class View:
    """A screen: text blocks, rows of actions, and optional extras.

    `fresh` asks the channel to send a new message instead of editing the one that was tapped.
    `finished` marks the summary that closes a session.
    """

    text: str
    rows: tuple[tuple[Action, ...], ...] = ()
    timer: Timer | None = None
    fresh: bool = False
    finished: bool = False
    reply_keyboard: ReplyKeyboard | None = None
    attachments: tuple[Attachment, ...] = ()

    @property
    def actions(self) -> tuple[Action, ...]:
        return tuple(action for row in self.rows for action in row)


@dataclass(frozen=True)
class Reply:
    """What a use case answers to any input: a short notice (a toast) and the screen to show.

    `view` None means: leave the screen as it is. `start_timer`: count this hold down.
    """

    view: View | None
    notice: str | None = None
    start_timer: Timer | None = None
