"""Limber is a private coach: updates from anywhere but the user's own private chat stop here.

Runs before every handler (a TypeHandler in an earlier group). In a group, a supergroup or a
channel nothing reaches a use case — no one's data is read or written there: a command, or the
bot being added, gets one short answer with a button that opens the private chat; anything else
gets nothing. A button is honoured only from the user whose private chat it lives in (chat id ==
user id); anyone else's tap gets a toast and changes nothing. This also keeps anonymous group
admins (who all arrive as one Telegram id) and channel posts away from the use cases.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable

from telegram import Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.telegram.context import LimberContext
from bot.telegram.render import keyboard, reply

log = logging.getLogger(__name__)

PRIVACY_GROUP = -10
"""The handler group of the guard: after the id checks, before every handler (group 0)."""


async def private_chats_only(update: Update, context: LimberContext) -> None:
    """Stop any update that is not from the user's own private chat."""
    if update.callback_query is not None:
        query = update.callback_query
        message = query.message
        if message is not None and message.chat.id == query.from_user.id:
            return  # a button in the private chat of the user who tapped it
        log.info("tap outside the user's own private chat refused")
        notice = context.coach.private_chat_only(private_chat_link(context)).notice
        await _quietly(query.answer(notice))
        raise ApplicationHandlerStop
    if update.my_chat_member is not None:
        change = update.my_chat_member
        if change.chat.type == ChatType.PRIVATE:
            return
        added = change.new_chat_member.status in (
            ChatMemberStatus.MEMBER,
            ChatMemberStatus.ADMINISTRATOR,
        )
        if added and change.chat.type != ChatType.CHANNEL:
            await _quietly(_send_link(context, change.chat.id))
        raise ApplicationHandlerStop
    chat = update.effective_chat
    if chat is None or chat.type == ChatType.PRIVATE:
        return
    message = update.message
    if isinstance(message, Message) and (message.text or "").startswith("/"):
        await _quietly(_answer_with_link(context, message))
    raise ApplicationHandlerStop


def private_chat_link(context: LimberContext) -> str:
    return f"https://t.me/{context.bot.username}"


async def _answer_with_link(context: LimberContext, message: Message) -> None:
    view = context.coach.private_chat_only(private_chat_link(context)).view
    assert view is not None
    await reply(message, view)


async def _send_link(context: LimberContext, chat_id: int) -> None:
    view = context.coach.private_chat_only(private_chat_link(context)).view
    assert view is not None
    await context.bot.send_message(chat_id, view.text, reply_markup=keyboard(view))


async def _quietly(call: Awaitable[object]) -> None:
    """Outside a private chat, a failed answer is not worth an error (we may not be allowed)."""
    try:
        await call
    except TelegramError as error:
        log.info("could not answer outside a private chat (%s)", type(error).__name__)
