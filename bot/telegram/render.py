"""Views as Telegram messages: text plus an inline keyboard, edited in place where possible."""

from __future__ import annotations

import logging

from telegram import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
)
from telegram.error import BadRequest

from bot.routine.views import View

log = logging.getLogger(__name__)

MAX_MESSAGE_LENGTH = 4096


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
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(action.label, callback_data=action.data) for action in row]
            for row in view.rows
        ]
    )


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
    markup = keyboard(view)
    inline = markup if isinstance(markup, InlineKeyboardMarkup) else None
    try:
        await message.edit_text(view.text[:MAX_MESSAGE_LENGTH], reply_markup=inline)
    except BadRequest as error:
        text = str(error).lower()
        if "not modified" in text:
            return  # the same screen again (a double tap): nothing to change
        if "can't be edited" in text or "not found" in text:
            log.debug("message %s can no longer be edited: sending a new one", message.message_id)
            await reply(message, view)
            return
        raise
