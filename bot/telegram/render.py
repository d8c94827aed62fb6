"""Views as Telegram messages: text plus an inline keyboard, edited in place where possible.

An exercise screen whose animation is ready is an animation message (sendAnimation) with the
short caption; the next exercise replaces the animation in place (editMessageMedia) and a timer
tick only its caption. A screen without media shown on an animation message edits the caption,
or — for the summary, or text too long for a caption — leaves the animation without buttons and
follows as a new text message (an animation message cannot become a text message). A text
message followed by an animation likewise loses its buttons. Each upload's file_id is handed to
the media port (`MediaPort.remember`) so the file is never uploaded again.

In a language written right to left (`bot.coach.written_right_to_left`), a View's text, caption
and inline button labels are written with `bot.routine.bidi.right_to_left` as they become a
message (`for_the_reader`, once per message): every paragraph starts right to left and Latin
runs are isolated. A reply keyboard's labels are left as they are: a tap sends the label back as
the person's own text.

A stored file_id Telegram refuses (400: another bot's id, a deleted file) heals on the same tap:
it is forgotten (`MediaPort.forget`) and the file uploaded again; without a file on disk the
screen goes out as text. An edit that fails for any other reason goes out as a new message: a
person is never left without the screen and its buttons.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Protocol, TypeVar

from telegram import (
    Bot,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    InputMediaAnimation,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
)
from telegram.constants import ChatAction
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError

from bot.coach import in_own_digits, writes_own_digits, written_right_to_left
from bot.routine.bidi import first_strong, right_to_left
from bot.routine.views import Action, Media, View

log = logging.getLogger(__name__)

MAX_MESSAGE_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024

Sent = TypeVar("Sent")


class MediaPort(Protocol):
    """The media use case as the channel sees it (`MediaDelivery`)."""

    def remember(self, key: str, file_id: str) -> None:
        """Telegram gave an upload this file_id."""

    def forget(self, key: str) -> None:
        """Telegram refused this stored file_id."""

    async def finish(self, voice: Media) -> Media | View:
        """The voice with its file once rendered, or the screen to show instead."""


class NoMedia:
    """A channel without media (tests of text screens, the error handler)."""

    def remember(self, key: str, file_id: str) -> None:
        return None

    def forget(self, key: str) -> None:
        return None

    async def finish(self, voice: Media) -> Media | View:
        return voice


NO_MEDIA = NoMedia()


class _FileRefusedError(Exception):
    """A stored file_id was refused and there is no file to upload instead."""


def keyboard(view: View) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | None:
    """Inline buttons; or, for a question with suggested answers, a one-time reply keyboard."""
    if view.reply_keyboard is not None:
        suggestions = view.reply_keyboard
        rows: list[list[KeyboardButton]] = []
        if suggestions.location_label:
            rows.append([KeyboardButton(suggestions.location_label, request_location=True)])
        rows.extend([KeyboardButton(label) for label in row] for row in suggestions.rows)
        return ReplyKeyboardMarkup(rows, resize_keyboard=True, one_time_keyboard=True)
    if not view.rows:
        return None
    return InlineKeyboardMarkup([[_button(action) for action in row] for row in view.rows])


def for_the_reader(view: View) -> View:
    """*view* as its message shows it: its text, its caption and its inline buttons' labels in
    the language's own digits, and in a right-to-left language written right to left
    (`bot.routine.bidi`); else *view*."""
    view = _in_own_digits(view)
    if not written_right_to_left():
        return view
    rows = tuple(
        tuple(replace(action, label=_label(action.label)) for action in row) for row in view.rows
    )
    media = view.media
    if media is not None:
        media = replace(media, caption=right_to_left(media.caption))
    return replace(view, text=right_to_left(view.text), rows=rows, media=media)


def _in_own_digits(view: View) -> View:
    if not writes_own_digits():
        return view
    rows = tuple(
        tuple(replace(action, label=in_own_digits(action.label)) for action in row)
        for row in view.rows
    )
    media = view.media
    if media is not None:
        media = replace(media, caption=in_own_digits(media.caption))
    return replace(view, text=in_own_digits(view.text), rows=rows, media=media)


def _label(label: str) -> str:
    """A button's label, right to left; one without letters (a score: "4") reads the same
    either way and stays as it is."""
    return right_to_left(label) if first_strong(label) is not None else label


def _button(action: Action) -> InlineKeyboardButton:
    if action.url is not None:
        return InlineKeyboardButton(action.label, url=action.url)
    return InlineKeyboardButton(action.label, callback_data=action.data)


def _upload(media: Media, suffix: str) -> str | InputFile:
    """The file_id if known, else the rendered file (named by its media key)."""
    if media.file_id is not None:
        return media.file_id
    assert media.path is not None
    return InputFile(Path(media.path).read_bytes(), filename=f"{media.key}{suffix}", attach=True)


def _remember(sent: object, media: Media, port: MediaPort) -> None:
    """Keep the file_id Telegram gave a new upload."""
    if media.file_id is not None or not isinstance(sent, Message):
        return
    file = sent.animation or sent.document or sent.voice
    if file is not None:
        port.remember(media.key, file.file_id)


def _refuses_the_file(error: BadRequest) -> bool:
    """Telegram's answer to a file_id it will not use ("wrong file identifier", "wrong remote
    file identifier", "type of file mismatch", "MEDIA_EMPTY", ...)."""
    reason = str(error).lower()
    return "file" in reason or "media_empty" in reason or "http url" in reason


async def _with_file(
    call: Callable[[Media], Awaitable[Sent]], media: Media, port: MediaPort
) -> Sent:
    """`call(media)`; if Telegram refuses its stored file_id, forget it and upload the file."""
    try:
        sent = await call(media)
    except BadRequest as error:
        if media.file_id is None or not _refuses_the_file(error):
            raise
        log.info("a stored file_id was refused (%s): uploading the file again", media.key)
        port.forget(media.key)
        if media.path is None:
            raise _FileRefusedError(media.key) from error
        media = replace(media, file_id=None)
        sent = await call(media)
    _remember(sent, media, port)
    return sent


def _shown_key(message: Message) -> str | None:
    """The media key of the animation *message* shows (its file name is the key)."""
    animation = message.animation
    if animation is None or not animation.file_name:
        return None
    return Path(animation.file_name).stem


async def reply(message: Message, view: View, port: MediaPort = NO_MEDIA) -> Message:
    """Send *view* as a new message in the chat of *message*, then its files (chart, export)."""
    return await send(message.get_bot(), message.chat_id, view, port)


async def send(bot: Bot, chat_id: int, view: View, port: MediaPort = NO_MEDIA) -> Message:
    """*view* as a new message: an animation with its caption when the media is ready."""
    shown = for_the_reader(view)
    media = shown.media
    if media is not None and media.ready:

        async def send_animation(media: Media) -> Message:
            return await bot.send_animation(
                chat_id=chat_id,
                animation=_upload(media, ".mp4"),
                caption=media.caption[:MAX_CAPTION_LENGTH],
                reply_markup=keyboard(shown),
            )

        try:
            sent = await _with_file(send_animation, media, port)
        except _FileRefusedError:
            return await send(bot, chat_id, replace(view, media=None), port)
    else:
        sent = await bot.send_message(
            chat_id=chat_id,
            text=shown.text[:MAX_MESSAGE_LENGTH],
            reply_markup=keyboard(shown),
        )
    for attachment in view.attachments:
        upload = InputFile(attachment.data, filename=attachment.name)
        if attachment.picture:
            await bot.send_photo(chat_id=chat_id, photo=upload)
        else:
            await bot.send_document(chat_id=chat_id, document=upload)
    return sent


async def send_voice(bot: Bot, chat_id: int, voice: Media, port: MediaPort = NO_MEDIA) -> None:
    """🔊 Guide me: the voice note (OGG/Opus), uploaded once and then sent by file_id; one not
    rendered yet is awaited (`port.finish`) while the chat shows "recording voice"."""
    if not voice.ready:
        await bot.send_chat_action(chat_id, ChatAction.RECORD_VOICE)
        finished = await port.finish(voice)
        if isinstance(finished, View):
            await send(bot, chat_id, finished, port)
            return
        voice = finished

    async def send_file(voice: Media) -> Message:
        return await bot.send_voice(chat_id=chat_id, voice=_upload(voice, ".ogg"))

    try:
        await _with_file(send_file, voice, port)
    except _FileRefusedError:
        # Refused and not on disk: the file as it is on disk now, or the friendly answer.
        finished = await port.finish(replace(voice, file_id=None))
        if isinstance(finished, View):
            await send(bot, chat_id, finished, port)
        else:
            await _with_file(send_file, finished, port)


async def edit(query: CallbackQuery, view: View, port: MediaPort = NO_MEDIA) -> Message:
    """Show *view* in place of the tapped message (or as a new one when `view.fresh`); the
    message that shows it now."""
    message = query.message
    if not isinstance(message, Message) or not message.is_accessible:
        # Too old: Telegram no longer sends its content, so it cannot be edited.
        return await send(query.get_bot(), query.from_user.id, view, port)
    if view.fresh or view.reply_keyboard is not None:
        # A reply keyboard can only come with a new message.
        return await reply(message, view, port)
    return await edit_message(message, view, port)


async def edit_message(message: Message, view: View, port: MediaPort = NO_MEDIA) -> Message:
    """Edit *message* to show *view*; if that fails, the screen still reaches the user.

    A 429 is waited out by the bot's limiter (`bot.telegram.retry_after`); if the edit still
    fails — the network, a 429 that outlasted the retries, a message that can no longer be edited —
    the screen goes out as a new message, so a saved step is never left unshown. Any other 400
    (an editMessageMedia Telegram will not do) sends the screen as a new message too.
    """
    try:
        return await _edit(message, view, port)
    except BadRequest as error:
        reason = str(error).lower()
        if "not modified" in reason:
            return message  # the same screen again (a double tap): nothing to change
        if "can't be edited" in reason or "not found" in reason:
            log.debug("message %s can no longer be edited: sending a new one", message.message_id)
        else:
            log.info("could not edit message %s (BadRequest): sent anew", message.message_id)
        return await reply(message, view, port)
    except (NetworkError, RetryAfter) as error:
        log.info(
            "could not edit message %s (%s): sending a new one",
            message.message_id,
            type(error).__name__,
        )
        return await reply(message, view, port)


async def _edit(message: Message, view: View, port: MediaPort) -> Message:
    # *view* goes on as it is to a new message (`reply` writes it for the reader itself).
    shown = for_the_reader(view)
    markup = keyboard(shown)
    inline = markup if isinstance(markup, InlineKeyboardMarkup) else None
    media = shown.media if shown.media is not None and shown.media.ready else None
    if message.animation is None:
        if media is None:
            await message.edit_text(shown.text[:MAX_MESSAGE_LENGTH], reply_markup=inline)
            return message
        # A text message cannot become an animation: the animation follows as a new message.
        await _drop_buttons(message)
        return await reply(message, view, port)
    if media is not None:
        caption = media.caption[:MAX_CAPTION_LENGTH]
        if _shown_key(message) == media.key:
            await message.edit_caption(caption, reply_markup=inline)  # a timer tick, More, Back
            return message

        async def edit_media(media: Media) -> Message | bool:
            animation = InputMediaAnimation(
                _upload(media, ".mp4"), caption=caption, filename=f"{media.key}.mp4"
            )
            return await message.edit_media(animation, reply_markup=inline)

        try:
            edited = await _with_file(edit_media, media, port)
        except _FileRefusedError:
            return await _edit(message, replace(view, media=None), port)
        return edited if isinstance(edited, Message) else message
    if view.finished or len(shown.text) > MAX_CAPTION_LENGTH:
        # The summary (or a long text) is a message of its own; the animation keeps no buttons.
        await _drop_buttons(message)
        return await reply(message, view, port)
    await message.edit_caption(shown.text, reply_markup=inline)
    return message


async def _drop_buttons(message: Message) -> None:
    """Take the buttons off a message the screen moves away from (a stale tap is harmless)."""
    if message.reply_markup is None:
        return
    try:
        await message.edit_reply_markup(reply_markup=None)
    except TelegramError as error:
        log.debug(
            "could not take the buttons off message %s: %s",
            message.message_id,
            type(error).__name__,
        )
