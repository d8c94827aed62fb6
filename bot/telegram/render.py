"""Views as Telegram messages: text plus an inline keyboard, edited in place where possible."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from telegram import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
)
from telegram.error import BadRequest, NetworkError, RetryAfter

from bot.routine.views import Action, View

log = logging.getLogger(__name__)

MAX_MESSAGE_LENGTH = 4096
MAX_EDIT_WAIT_SECONDS = 5.0


def _seconds(wait: float | timedelta) -> float:
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)


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


async def reply(message: Message, view: View) -> Message:
    """Send *view* as a new message in the chat of *message*, then its files (chart, export)."""
    bot = message.get_bot()
    sent = await bot.send_message(
        chat_id=message.chat_id,
        text=view.text[:MAX_MESSAGE_LENGTH],
        reply_markup=keyboard(view),
    )
    for attachment in view.attachments:
        upload = InputFile(attachment.data, filename=attachment.name)
        if attachment.picture:
            await bot.send_photo(chat_id=message.chat_id, photo=upload)
        else:
            await bot.send_document(chat_id=message.chat_id, document=upload)
    return sent


async def edit(query: CallbackQuery, view: View) -> None:
    """Show *view* in place of the tapped message (or as a new one when `view.fresh`)."""
    message = query.message
    if not isinstance(message, Message) or not message.is_accessible:
        # Too old: Telegram no longer sends its content, so it cannot be edited.
        await query.get_bot().send_message(
            chat_id=query.from_user.id,
            text=view.text[:MAX_MESSAGE_LENGTH],
            reply_markup=keyboard(view),
        )
    elif view.fresh or view.reply_keyboard is not None:
        await reply(message, view)  # a reply keyboard can only come with a new message
    else:
        await edit_message(message, view)


async def edit_message(message: Message, view: View) -> None:
    """Edit *message* to show *view*; if that fails, the screen still reaches the user.

    A 429 waits (briefly) and tries once more; a network failure or a message that can no longer
    be edited sends the screen as a new message instead, so a saved step is never left unshown.
    """
    markup = keyboard(view)
    inline = markup if isinstance(markup, InlineKeyboardMarkup) else None
    text = view.text[:MAX_MESSAGE_LENGTH]
    try:
        try:
            await message.edit_text(text, reply_markup=inline)
        except RetryAfter as error:
            await asyncio.sleep(min(_seconds(error.retry_after), MAX_EDIT_WAIT_SECONDS))
            await message.edit_text(text, reply_markup=inline)
    except BadRequest as error:
        reason = str(error).lower()
        if "not modified" in reason:
            return  # the same screen again (a double tap): nothing to change
        if "can't be edited" in reason or "not found" in reason:
            log.debug("message %s can no longer be edited: sending a new one", message.message_id)
            await reply(message, view)
            return
        raise
    except (NetworkError, RetryAfter) as error:
        log.info(
            "could not edit message %s (%s): sending a new one",
            message.message_id,
            type(error).__name__,
        )
        await reply(message, view)
