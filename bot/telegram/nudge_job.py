"""The nudge sweep as a JobQueue job, and sending a nudge through the Bot API."""

from __future__ import annotations

import logging

import httpx
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.nudges import (
    MaybeSentError,
    NudgeSweeper,
    RecipientBlockedError,
    RetryAfterError,
    Send,
    TransientSendError,
)
from bot.routine.views import View
from bot.telegram.context import LimberContext
from bot.telegram.render import MAX_MESSAGE_LENGTH, for_the_reader, keyboard
from bot.telegram.retry_after import retry_after_seconds

log = logging.getLogger(__name__)

SWEEP_JOB = "nudge-sweep"


def telegram_sender(bot: Bot) -> Send:
    """A `Send` for the sweeper: Bot API errors become the sweeper's own exceptions."""

    async def send(user_id: int, view: View) -> int:
        view = for_the_reader(view)  # in the nudge's language (`NudgeSweeper.speak_as`)
        try:
            message = await bot.send_message(
                chat_id=user_id, text=view.text[:MAX_MESSAGE_LENGTH], reply_markup=keyboard(view)
            )
        except Forbidden as error:
            raise RecipientBlockedError from error
        except RetryAfter as error:
            raise RetryAfterError(retry_after_seconds(error)) from error
        except BadRequest as error:
            if "chat not found" in str(error).lower():
                raise RecipientBlockedError from error
            raise
        except (TimedOut, NetworkError) as error:
            if request_may_have_gone_out(error):
                raise MaybeSentError(type(error).__name__) from error
            raise TransientSendError(type(error).__name__) from error
        return message.message_id

    return send


# httpx errors raised before the whole request reached Telegram: before connecting, or while the
# request was still being written (a server acts only on a complete request: its body is sized by
# Content-Length, so a cut-off write is never a message).
_NOT_SENT = (
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.ConnectError,
    httpx.WriteTimeout,
    httpx.WriteError,
)


def request_may_have_gone_out(error: NetworkError) -> bool:
    """True when Telegram may have received the request although no answer came back.

    PTB raises TimedOut from the httpx timeout that fired: a connect, pool or write timeout means
    the whole request never reached Telegram (safe to send again); a read timeout (or a TimedOut
    of unknown cause) means it may have been delivered. The Bot API offers no way to look a sent
    message up afterwards, so such a nudge is recorded as "unknown", never sent twice.
    Another NetworkError is a 5xx answer (nothing delivered) or a transport error: one raised
    before the request was written is safe to retry, one that cut an open exchange (reset,
    protocol error mid-answer) is not.
    """
    cause = error.__cause__
    if isinstance(cause, _NOT_SENT):
        return False
    if isinstance(error, TimedOut):
        return True
    return isinstance(cause, httpx.TransportError)


async def sweep_nudges(context: LimberContext) -> None:
    """Send the nudges that are due (the job runs every NUDGE_SWEEP_SECONDS)."""
    job = context.job
    if job is None or not isinstance(job.data, NudgeSweeper):
        return
    report = await job.data.sweep()
    if report.claimed:
        log.info(
            "nudges: %d claimed, %d sent, %d blocked, %d unsent, %d maybe sent, %d released",
            report.claimed,
            report.sent,
            report.blocked,
            report.unsent,
            report.unknown,
            report.released,
        )
