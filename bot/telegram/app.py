"""Build the python-telegram-bot Application: settings, handlers, command menu, error handling."""

from __future__ import annotations

import logging
from typing import Any, cast

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    ContextTypes,
    TypeHandler,
)
from telegram.request import BaseRequest

from bot.bootstrap import Services
from bot.telegram import handlers
from bot.telegram.context import COACH_KEY, MEDIA_KEY, LimberApplication, LimberContext
from bot.telegram.guard import ids_fit
from bot.telegram.menus import publish_menus_and_profiles
from bot.telegram.nudge_job import SWEEP_JOB, sweep_nudges, telegram_sender
from bot.telegram.render import reply
from bot.telegram.retry_after import INTERACTIVE_RETRIES, RetryAfterLimiter

log = logging.getLogger(__name__)

GUARD_GROUP = -1000
SERVICES_KEY = "services"


def build_application(
    services: Services, *, request: BaseRequest | None = None
) -> LimberApplication:
    """The Application, ready to poll (or to be fed updates by tests through *request*)."""
    settings = services.settings
    if settings.bot_token is None:
        raise ValueError("BOT_TOKEN is not set")
    builder = (
        ApplicationBuilder()
        .token(settings.bot_token.get_secret_value())
        .context_types(ContextTypes(context=LimberContext))
        .concurrent_updates(settings.concurrent_updates)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .rate_limiter(RetryAfterLimiter(INTERACTIVE_RETRIES))
    )
    if settings.telegram_base_url:
        builder = builder.base_url(settings.telegram_base_url)
    if settings.telegram_base_file_url:
        builder = builder.base_file_url(settings.telegram_base_file_url)
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    # The rate limiter types the bot as ExtBot[int] (its per-call argument); handlers only see
    # the Bot interface, which is the same.
    application = cast(LimberApplication, builder.build())
    application.bot_data[COACH_KEY] = services.coach
    application.bot_data[SERVICES_KEY] = services
    application.bot_data[MEDIA_KEY] = services.media
    application.bot_data[handlers.TIMER_TICK_KEY] = settings.timer_tick_seconds
    # Before every handler: ids the database cannot hold never reach a use case.
    application.add_handler(TypeHandler(Update, _refuse_unfit_ids), group=GUARD_GROUP)
    handlers.register(application)
    application.add_error_handler(_on_error)
    if application.job_queue is not None and settings.nudge_sweep_seconds:
        sweeper = services.nudge_sweeper(
            telegram_sender(application.bot), keep_going=lambda: application.running
        )
        # first=0: what is already due at start-up is sent first.
        application.job_queue.run_repeating(
            sweep_nudges,
            interval=settings.nudge_sweep_seconds,
            first=0,
            name=SWEEP_JOB,
            data=sweeper,
            job_kwargs={"max_instances": 2, "coalesce": True},
        )
    return application


def _id(update: object) -> object:
    return update.update_id if isinstance(update, Update) else "?"


async def _refuse_unfit_ids(update: Update, _context: LimberContext) -> None:
    if not ids_fit(update):
        log.warning("refused update %s: a user or chat id beyond 64 bits", update.update_id)
        raise ApplicationHandlerStop


async def _post_init(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    services: Services = application.bot_data[SERVICES_KEY]
    if services.media.enabled and services.settings.media_render_at_start:
        # Queued for the render worker (another process), the first exercises first; what a
        # person is waiting for jumps the queue.
        queued = services.media.warm()
        log.info("media: %d files queued for the render worker (made ones are skipped)", queued)
    # The menu and the profile in English (the default) and in every language Limber speaks.
    await publish_menus_and_profiles(application.bot, application.bot_data[COACH_KEY])


async def _post_shutdown(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    services: Services = application.bot_data[SERVICES_KEY]
    await services.media.close()  # what is not rendered yet is rendered next time
    await services.media.flush()
    await services.database.dispose()


async def _on_error(update: object, context: LimberContext) -> None:
    """Log the failure (never the message text) and tell the user to try again."""
    error = context.error
    if isinstance(error, BadRequest) and "query is too old" in error.message.lower():
        # Telegram delivered a tap again (e.g. after a restart): it was answered the first time.
        log.debug("update %s: a button tap delivered again (its query is too old)", _id(update))
        return
    if error is not None:
        log.error("update failed: %s", type(error).__name__, exc_info=error)
    if not isinstance(update, Update):
        return
    sorry = context.coach.try_again()
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(sorry.notice)
        elif update.effective_message is not None and sorry.view is not None:
            await reply(update.effective_message, sorry.view)
    except Exception:
        log.warning("could not tell the user about the failure", exc_info=True)
