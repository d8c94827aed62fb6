"""Handlers: decode the update, call one coach method, render the View. No coaching logic here."""

from __future__ import annotations

import logging
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from telegram import Message, Update
from telegram.constants import ChatAction, ChatMemberStatus, ChatType
from telegram.ext import (
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    JobQueue,
    MessageHandler,
    filters,
)

from bot.routine.views import Timer, View
from bot.telegram.context import LimberApplication, LimberContext
from bot.telegram.render import edit, edit_message, reply

log = logging.getLogger(__name__)

TIMER_TICK_SECONDS = 5.0  # edits count toward Telegram's ~1 message/s per chat
TIMER_TICK_KEY = "timer_tick_seconds"


async def _answer(update: Update, use_case: Callable[[int], Awaitable[View]]) -> None:
    """Reply to a message from a user with what *use_case* gives for them."""
    message, user = update.effective_message, update.effective_user
    if message is not None and user is not None:
        await reply(message, await use_case(user.id))


async def _show(update: Update, view: View) -> None:
    """Reply to a message with a fixed screen (help, privacy, hints)."""
    if update.effective_message is not None:
        await reply(update.effective_message, view)


async def start(update: Update, context: LimberContext) -> None:
    """/start: welcome a new user, or pick up where they left off."""
    await _answer(update, context.coach.start)


async def session(update: Update, context: LimberContext) -> None:
    """/session: continue the open session or start today's."""
    await _answer(update, context.coach.open_session)


async def progress(update: Update, context: LimberContext) -> None:
    """/progress: the figures as text, and a chart."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    await message.get_bot().send_chat_action(message.chat_id, ChatAction.UPLOAD_PHOTO)
    await reply(message, await context.coach.progress_report(user.id))


async def reminders(update: Update, context: LimberContext) -> None:
    """/reminders: the daily reminder as set now, or the question to set one."""
    await _answer(update, context.coach.show_reminders)


async def location(update: Update, context: LimberContext) -> None:
    """A shared location: the answer to "which time zone?" (the coordinates are not kept)."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.location is None:
        return
    where = message.location
    await reply(message, await context.coach.location(user.id, where.latitude, where.longitude))


async def membership(update: Update, context: LimberContext) -> None:
    """The user blocked or unblocked the bot: reminders stop, or resume."""
    change = update.my_chat_member
    if change is None or change.chat.type != ChatType.PRIVATE:
        return
    status = change.new_chat_member.status
    if status in (ChatMemberStatus.BANNED, ChatMemberStatus.LEFT):
        await context.coach.chat_blocked(change.from_user.id)
    elif status == ChatMemberStatus.MEMBER:
        await context.coach.chat_unblocked(change.from_user.id)


async def help_command(update: Update, context: LimberContext) -> None:
    """/help: what Limber can do."""
    await _show(update, context.coach.help())


async def privacy(update: Update, context: LimberContext) -> None:
    """/privacy: what is stored, and why."""
    await _show(update, context.coach.privacy())


async def button(update: Update, context: LimberContext) -> None:
    """Any inline-button tap: every tap is answered, stale ones with a short notice."""
    query = update.callback_query
    if query is None:
        return
    async with context.chat_lock(query.from_user.id):
        outcome = await context.coach.tap(query.from_user.id, query.data or "")
        await query.answer(outcome.notice)
        if outcome.view is not None:
            await edit(query, outcome.view)
    if outcome.start_timer is not None and isinstance(query.message, Message):
        start_hold_timer(context, query.from_user.id, query.message, outcome.start_timer)


async def text(update: Update, context: LimberContext) -> None:
    """Free text: a typed soreness score, or a friendly hint."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    await reply(message, await context.coach.text(user.id, message.text or ""))


async def export(update: Update, context: LimberContext) -> None:
    """/export: all of the user's data, as a JSON file and a CSV of sessions."""
    await _answer(update, context.coach.export)


async def delete(update: Update, context: LimberContext) -> None:
    """/delete: asks for confirmation with a button before anything is deleted."""
    await _show(update, context.coach.confirm_delete())


async def stats(update: Update, context: LimberContext) -> None:
    """/stats: usage totals for admins; the unknown-command answer for anyone else."""
    await _answer(update, context.coach.stats)


async def unknown_command(update: Update, context: LimberContext) -> None:
    """A command Limber does not have."""
    await _show(update, context.coach.unknown_command())


async def not_text(update: Update, context: LimberContext) -> None:
    """Stickers, photos, voice and the like: a hint, nothing stored."""
    await _show(update, context.coach.not_text())


# --- the hold timer: one repeating job per chat, editing the exercise message in place ---------


@dataclass(frozen=True)
class HoldTimer:
    user_id: int
    message: Message
    timer: Timer
    ends_at: datetime


def start_hold_timer(context: LimberContext, user_id: int, message: Message, timer: Timer) -> None:
    # PTB types context.job_queue with the wrong parameter; it is the application's JobQueue.
    job_queue = cast("JobQueue[LimberContext] | None", context.job_queue)
    if job_queue is None:
        return
    name = f"hold-timer:{message.chat_id}"
    for job in job_queue.get_jobs_by_name(name):
        job.schedule_removal()
    ends_at = context.coach.clock() + timedelta(seconds=timer.seconds)
    data = HoldTimer(user_id, message, timer, ends_at)
    interval = context.bot_data.get(TIMER_TICK_KEY, TIMER_TICK_SECONDS)
    job_queue.run_repeating(_tick, interval=interval, first=0, name=name, data=data)


async def _tick(context: LimberContext) -> None:
    job = context.job
    if job is None or not isinstance(job.data, HoldTimer):
        return
    hold = job.data
    seconds_left = max(0, math.ceil((hold.ends_at - context.coach.clock()).total_seconds()))
    async with context.chat_lock(hold.user_id):
        view = await context.coach.timer_screen(
            hold.user_id, hold.timer.session_id, hold.timer.step, seconds_left
        )
        if view is None or seconds_left == 0:
            job.schedule_removal()
        if view is not None:
            await edit_message(hold.message, view)


def register(application: LimberApplication) -> None:
    """Every handler, in one place."""
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("session", session))
    application.add_handler(CommandHandler("progress", progress))
    application.add_handler(CommandHandler("reminders", reminders))
    application.add_handler(CommandHandler("help", help_command))
    application.add_handler(CommandHandler("privacy", privacy))
    application.add_handler(CommandHandler("export", export))
    application.add_handler(CommandHandler("delete", delete))
    application.add_handler(CommandHandler("stats", stats))
    application.add_handler(CallbackQueryHandler(button))
    application.add_handler(ChatMemberHandler(membership, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(MessageHandler(filters.LOCATION, location))
    application.add_handler(MessageHandler(filters.COMMAND, unknown_command))
    application.add_handler(MessageHandler(filters.TEXT, text))
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL, not_text
        )
    )
