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
class Media:
    """A picture or sound that goes with a screen: an exercise's looping animation, or a voice
    guide for one dose.

    The engine names it (exercise, variant, side, and the short `caption` the animation carries);
    the media use case fills in `key` (the file's stable name), `path` (the rendered file, when it
    exists) and `file_id` (the channel's id for it, once uploaded). A channel shows the media only
    when it is `ready`; otherwise the View's full text stands alone.
    """

    kind: str  # "animation" or "voice"
    exercise_key: str
    variant: str  # "regular" or "gentler"
    side: str | None = None
    caption: str = ""
    key: str = ""
    path: str | None = None
    file_id: str | None = None
    still: str | None = None  # a PNG of the held position (the terminal chat shows its path)
    guide: str | None = None  # where the voice guide for today's dose is (the terminal chat)

    @property
    def ready(self) -> bool:
        return bool(self.key) and (self.file_id is not None or self.path is not None)


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
    media: Media | None = None
    typed: tuple[tuple[str, str], ...] = ()
    """What a typed word stands for on this screen: (intent, the action of its button), so that
    typing "done" is tapping ✅ Done (`bot.routine.intents`)."""

    @property
    def actions(self) -> tuple[Action, ...]:
        return tuple(action for row in self.rows for action in row)


@dataclass(frozen=True)
class Reply:
    """What a use case answers to any input: a short notice (a toast) and the screen to show.

    `view` None means: leave the screen as it is. `start_timer`: count this set down.
    `voice`: a voice note to send after the screen (🔊 Guide me).
    """

    view: View | None
    notice: str | None = None
    start_timer: Timer | None = None
    voice: Media | None = None
    language_changed: str | None = None
    """The person chose this language: their chat's command menu follows."""
