"""Views as Telegram messages: text plus an inline keyboard, edited in place where possible.

An exercise screen whose animation is ready is an animation message (sendAnimation) with the
short caption; the next exercise replaces the animation in place (editMessageMedia) and a timer
tick only its caption. A screen without media shown on an animation message edits the caption,
or — for the summary, or text too long for a caption — leaves the animation without buttons and
follows as a new text message (an animation message cannot become a text message). A text
message followed by an animation likewise loses its buttons. Each upload's file_id is handed to
`remember` so the file is never uploaded again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

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
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError

from bot.routine.views import Action, Media, View

log = logging.getLogger(__name__)

MAX_MESSAGE_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024

Remember = Callable[[str, str], None]


def _forget(_key: str, _file_id: str) -> None:
    return None


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


def _remember(sent: object, media: Media, remember: Remember) -> None:
    """Keep the file_id Telegram gave a new upload."""
    if media.file_id is not None or not isinstance(sent, Message):
        return
    file = sent.animation or sent.document or sent.voice
    if file is not None:
        remember(media.key, file.file_id)


def _shown_key(message: Message) -> str | None:
    """The media key of the animation *message* shows (its file name is the key)."""
    animation = message.animation
    if animation is None or not animation.file_name:
        return None
    return Path(animation.file_name).stem


async def reply(message: Message, view: View, remember: Remember = _forget) -> Message:
    """Send *view* as a new message in the chat of *message*, then its files (chart, export)."""
    return await send(message.get_bot(), message.chat_id, view, remember)


async def send(bot: Bot, chat_id: int, view: View, remember: Remember = _forget) -> Message:
    """*view* as a new message: an animation with its caption when the media is ready."""
    media = view.media
    if media is not None and media.ready:
        sent = await bot.send_animation(
            chat_id=chat_id,
            animation=_upload(media, ".mp4"),
            caption=media.caption[:MAX_CAPTION_LENGTH],
            reply_markup=keyboard(view),
        )
        _remember(sent, media, remember)
    else:
        sent = await bot.send_message(
            chat_id=chat_id,
            text=view.text[:MAX_MESSAGE_LENGTH],
            reply_markup=keyboard(view),
        )
    for attachment in view.attachments:
        upload = InputFile(attachment.data, filename=attachment.name)
        if attachment.picture:
            await bot.send_photo(chat_id=chat_id, photo=upload)
        else:
            await bot.send_document(chat_id=chat_id, document=upload)
    return sent


async def send_voice(bot: Bot, chat_id: int, voice: Media, remember: Remember = _forget) -> None:
    """🔊 Guide me: the voice note (OGG/Opus), uploaded once and then sent by file_id."""
    if not voice.ready:
        return
    sent = await bot.send_voice(chat_id=chat_id, voice=_upload(voice, ".ogg"))
    _remember(sent, voice, remember)


async def edit(query: CallbackQuery, view: View, remember: Remember = _forget) -> Message:
    """Show *view* in place of the tapped message (or as a new one when `view.fresh`); the
    message that shows it now."""
    message = query.message
    if not isinstance(message, Message) or not message.is_accessible:
        # Too old: Telegram no longer sends its content, so it cannot be edited.
        return await send(query.get_bot(), query.from_user.id, view, remember)
    if view.fresh or view.reply_keyboard is not None:
        # A reply keyboard can only come with a new message.
        return await reply(message, view, remember)
    return await edit_message(message, view, remember)


async def edit_message(message: Message, view: View, remember: Remember = _forget) -> Message:
    """Edit *message* to show *view*; if that fails, the screen still reaches the user.

    A 429 is waited out by the bot's limiter (`bot.telegram.retry_after`); if the edit still
    fails — the network, a 429 that outlasted the retries, a message that can no longer be edited —
    the screen goes out as a new message, so a saved step is never left unshown.
    """
    try:
        return await _edit(message, view, remember)
    except BadRequest as error:
        reason = str(error).lower()
        if "not modified" in reason:
            return message  # the same screen again (a double tap): nothing to change
        if "can't be edited" in reason or "not found" in reason:
            log.debug("message %s can no longer be edited: sending a new one", message.message_id)
            return await reply(message, view, remember)
        raise
    except (NetworkError, RetryAfter) as error:
        log.info(
            "could not edit message %s (%s): sending a new one",
            message.message_id,
            type(error).__name__,
        )
        return await reply(message, view, remember)


async def _edit(message: Message, view: View, remember: Remember) -> Message:
    markup = keyboard(view)
    inline = markup if isinstance(markup, InlineKeyboardMarkup) else None
    media = view.media if view.media is not None and view.media.ready else None
    if message.animation is None:
        if media is None:
            await message.edit_text(view.text[:MAX_MESSAGE_LENGTH], reply_markup=inline)
            return message
        # A text message cannot become an animation: the animation follows as a new message.
        await _drop_buttons(message)
        return await reply(message, view, remember)
    if media is not None:
        caption = media.caption[:MAX_CAPTION_LENGTH]
        if _shown_key(message) == media.key:
            await message.edit_caption(caption, reply_markup=inline)  # a timer tick, More, Back
            return message
        animation = InputMediaAnimation(
            _upload(media, ".mp4"), caption=caption, filename=f"{media.key}.mp4"
        )
        edited = await message.edit_media(animation, reply_markup=inline)
        _remember(edited, media, remember)
        return edited if isinstance(edited, Message) else message
    if view.finished or len(view.text) > MAX_CAPTION_LENGTH:
        # The summary (or a long text) is a message of its own; the animation keeps no buttons.
        await _drop_buttons(message)
        return await reply(message, view, remember)
    await message.edit_caption(view.text, reply_markup=inline)
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
