"""Handlers: decode the update into an input, hand it to the coach, render the reply.

No coaching logic here: what an input means is the coach's (and its use cases') business.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from telegram import Message, Update
from telegram.constants import ChatAction, ChatMemberStatus
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    JobQueue,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.routine.inputs import (
    ButtonTap,
    ChatMembership,
    Command,
    CommandName,
    EditedText,
    Incoming,
    NotText,
    SharedLocation,
    TimerTick,
    TypedText,
    UnknownCommand,
)
from bot.routine.views import Media, Timer
from bot.telegram.context import LimberApplication, LimberContext
from bot.telegram.menus import set_chat_menu
from bot.telegram.private_chats import PRIVACY_GROUP, private_chats_only
from bot.telegram.render import edit, edit_message, reply, send_voice

log = logging.getLogger(__name__)

# Before the private-chat check (its one answer is in the person's language too).
LANGUAGE_GROUP = PRIVACY_GROUP - 10
TIMER_TICK_SECONDS = 1.0  # one edit a second at most: Telegram's ~1 message/s per chat
TIMER_TICK_KEY = "timer_tick_seconds"

Handler = Callable[[Update, LimberContext], Coroutine[Any, Any, None]]

# Commands whose answer is one screen (/progress has a handler of its own: a chat action first).
COMMANDS: dict[CommandName, str] = {
    CommandName.START: "/start: welcome a new user, or pick up where they left off.",
    CommandName.SESSION: "/session: continue the open session or start today's.",
    CommandName.REMINDERS: "/reminders: the daily reminder as set now, or the question to set one.",
    CommandName.HELP: "/help: what Limber can do.",
    CommandName.PRIVACY: "/privacy: what is stored, and why.",
    CommandName.EXPORT: "/export: all of the user's data, as a JSON file and a CSV of sessions.",
    CommandName.DELETE: "/delete: asks for confirmation with a button before anything goes.",
    CommandName.STATS: "/stats: usage totals for admins; the unknown-command answer otherwise.",
    CommandName.ROUTINE: "/routine: the default track (the floor routine, or no floor).",
    CommandName.LANGUAGE: "/language: the language Limber speaks, each listed by its own name.",
}


async def _reply_to(update: Update, context: LimberContext, incoming: Incoming) -> None:
    """Hand *incoming* from the update's user to the coach, and reply with the screen it gives."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    answer = await context.coach.handle(user.id, incoming)
    if answer.view is not None:
        await reply(message, answer.view, context.media)
    if answer.language_changed is not None:
        await set_chat_menu(context.bot, message.chat_id, context.coach, answer.language_changed)
    if answer.voice is not None:  # a typed "guide me"
        await _voice(update, context, user.id, answer.voice)


async def _voice(update: Update, context: LimberContext, chat_id: int, voice: Media) -> None:
    """🔊 Guide me: the voice note now if it is rendered; else "recording voice" and the note
    when ready, from a task of its own, so this update's slot is free for other people's taps."""
    sending = send_voice(context.bot, chat_id, voice, context.media)
    if voice.ready:
        await sending
    else:
        context.application.create_task(sending, update=update, name=f"voice:{chat_id}")


def _command(name: CommandName, summary: str) -> Handler:
    async def handle(update: Update, context: LimberContext) -> None:
        await _reply_to(update, context, Command(name))

    handle.__doc__ = summary
    handle.__name__ = f"{name.value}_command"
    return handle


async def progress(update: Update, context: LimberContext) -> None:
    """/progress: the figures as text, and a chart (the chat shows "sending a photo" meanwhile)."""
    message = update.effective_message
    if message is not None:
        await message.get_bot().send_chat_action(message.chat_id, ChatAction.UPLOAD_PHOTO)
    await _reply_to(update, context, Command(CommandName.PROGRESS))


async def location(update: Update, context: LimberContext) -> None:
    """A shared location: the answer to "which time zone?" (the coordinates are not kept)."""
    message = update.effective_message
    if message is None or message.location is None:
        return
    where = message.location
    await _reply_to(update, context, SharedLocation(where.latitude, where.longitude))


async def membership(update: Update, context: LimberContext) -> None:
    """The user blocked or unblocked the bot: reminders stop, or resume (private chats only: the
    guard in `bot.telegram.private_chats` stops every other chat before this runs)."""
    change = update.my_chat_member
    if change is None:
        return
    status = change.new_chat_member.status
    if status in (ChatMemberStatus.BANNED, ChatMemberStatus.LEFT):
        await context.coach.handle(change.from_user.id, ChatMembership(blocked=True))
    elif status == ChatMemberStatus.MEMBER:
        await context.coach.handle(change.from_user.id, ChatMembership(blocked=False))


async def button(update: Update, context: LimberContext) -> None:
    """Any inline-button tap: every tap is answered, stale ones with a short notice.

    What the tap saved is always shown: a failed answer (the spinner) does not stop the screen,
    and a screen that cannot be edited in place is sent as a new message.
    """
    query = update.callback_query
    if query is None:
        return
    async with context.chat_lock(query.from_user.id):
        outcome = await context.coach.handle(query.from_user.id, ButtonTap(query.data or ""))
        try:
            await query.answer(outcome.notice)
        except BadRequest as error:
            if "too old" in str(error).lower():
                # Telegram re-delivered an old tap (e.g. after a restart): expected.
                log.debug("could not answer a tap: the query is too old")
            else:
                log.info("could not answer a tap: %s", type(error).__name__)
        except TelegramError as error:
            log.info("could not answer a tap: %s", type(error).__name__)
        shown = query.message
        if outcome.view is not None:
            shown = await edit(query, outcome.view, context.media)
        if outcome.language_changed is not None and query.message is not None:
            await set_chat_menu(
                context.bot, query.message.chat.id, context.coach, outcome.language_changed
            )
        if outcome.voice is not None:
            await _voice(update, context, query.from_user.id, outcome.voice)
    if outcome.start_timer is not None and isinstance(shown, Message):
        start_hold_timer(context, query.from_user.id, shown, outcome.start_timer)


async def text(update: Update, context: LimberContext) -> None:
    """Free text: a warning sign, a typed answer (score, time, zone), or a friendly hint."""
    message = update.effective_message
    if message is not None:
        await _reply_to(update, context, TypedText(message.text or ""))


async def edited_text(update: Update, context: LimberContext) -> None:
    """An edited message is not a new command or answer; it is screened for warning signs only."""
    message = update.edited_message
    if message is not None:
        await _reply_to(update, context, EditedText(message.text or ""))


async def unknown_command(update: Update, context: LimberContext) -> None:
    """A command Limber does not have."""
    await _reply_to(update, context, UnknownCommand())


async def not_text(update: Update, context: LimberContext) -> None:
    """Stickers, photos, voice and the like: a hint, nothing stored (a caption is screened)."""
    message = update.effective_message
    caption = message.caption if message is not None else None
    await _reply_to(update, context, NotText(caption))


# --- the set timer: one repeating job per chat, editing the exercise message in place ----------
# A tick edits at most once a second (TIMER_TICK_SECONDS); a tick whose line did not change is
# answered "not modified" and costs nothing more.


@dataclass
class HoldTimer:
    user_id: int
    message: Message
    timer: Timer
    ends_at: datetime
    shown: str = ""  # the last screen edited in: a tick that would not change it makes no call
    language: str = "en"  # the person's, so each tick speaks their language


def start_hold_timer(
    context: LimberContext,
    user_id: int,
    message: Message,
    timer: Timer,
) -> None:
    # PTB types context.job_queue with the wrong parameter; it is the application's JobQueue.
    job_queue = cast("JobQueue[LimberContext] | None", context.job_queue)
    if job_queue is None:
        return
    name = f"hold-timer:{message.chat_id}"
    for job in job_queue.get_jobs_by_name(name):
        job.schedule_removal()
    ends_at = context.coach.now() + timedelta(seconds=timer.seconds)
    data = HoldTimer(user_id, message, timer, ends_at, language=context.coach.language)
    interval = context.bot_data.get(TIMER_TICK_KEY, TIMER_TICK_SECONDS)
    job_queue.run_repeating(_tick, interval=interval, first=0, name=name, data=data)


async def _tick(context: LimberContext) -> None:
    job = context.job
    if job is None or not isinstance(job.data, HoldTimer):
        return
    hold = job.data
    seconds_left = max(0, math.ceil((hold.ends_at - context.coach.now()).total_seconds()))
    context.coach.speak_as(hold.language)
    async with context.chat_lock(hold.user_id):
        tick = TimerTick(hold.timer.session_id, hold.timer.step, seconds_left)
        view = (await context.coach.handle(hold.user_id, tick)).view
        if view is None or seconds_left == 0:
            job.schedule_removal()
        if view is not None:
            shown = view.media.caption if view.media is not None else view.text
            if shown != hold.shown:
                hold.shown = shown
                await edit_message(hold.message, view, context.media)


async def speak_their_language(update: Update, context: LimberContext) -> None:
    """Every screen of this update in the person's language (stored, else Telegram's
    `language_code` when Limber speaks it, else English): set once, read by the use cases."""
    user = update.effective_user
    if user is None:
        await context.coach.speak(None, None)
    else:
        await context.coach.speak(user.id, user.language_code)


def register(application: LimberApplication) -> None:
    """Every handler, in one place. Only new messages are commands or answers: an edit is
    re-screened for warning signs (`edited_text`), nothing more."""
    application.add_handler(TypeHandler(Update, speak_their_language), group=LANGUAGE_GROUP)
    application.add_handler(TypeHandler(Update, private_chats_only), group=PRIVACY_GROUP)
    new = filters.UpdateType.MESSAGE
    for name, summary in COMMANDS.items():
        handler = _command(name, summary)
        application.add_handler(CommandHandler(name.value, handler, filters=new))
    application.add_handler(CommandHandler(CommandName.PROGRESS.value, progress, filters=new))
    application.add_handler(CallbackQueryHandler(button))
    application.add_handler(ChatMemberHandler(membership, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(MessageHandler(new & filters.LOCATION, location))
    application.add_handler(MessageHandler(new & filters.COMMAND, unknown_command))
    application.add_handler(MessageHandler(new & filters.TEXT, text))
    application.add_handler(
        MessageHandler(filters.UpdateType.EDITED_MESSAGE & filters.TEXT, edited_text)
    )
    application.add_handler(
        MessageHandler(new & ~filters.TEXT & ~filters.StatusUpdate.ALL, not_text)
    )
