"""The offline Telegram harness itself: a tiny PTB bot on the fake, in-process and over HTTP."""

from __future__ import annotations

import asyncio
import datetime as dtm
from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, RetryAfter, TimedOut
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
)
from telegram.request import HTTPXRequest

from tests.support.fake_bot_api import Button, FakeBotApi
from tests.support.http_fake_bot_api import FakeBotApiServer
from tests.support.updates import ChatUser, HandlerErrors, UpdateFactory

AnyApplication = Application[Any, Any, Any, Any, Any, Any]
Context = CallbackContext[Any, Any, Any, Any]

KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("Done ✓", callback_data="done"),
            InlineKeyboardButton("Skip", callback_data="skip"),
        ]
    ]
)


async def echo(update: Update, context: Context) -> None:
    """Reply with the command's arguments and two buttons."""
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        " ".join(context.args or []) or "…", reply_markup=KEYBOARD
    )


async def tapped(update: Update, context: Context) -> None:
    """Answer the tap and show which button it was, without buttons."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_text(f"You tapped {query.data}")


def build(api: FakeBotApi) -> AnyApplication:
    application = (
        ApplicationBuilder().token(api.token).request(api).get_updates_request(api).build()
    )
    application.add_handler(CommandHandler("echo", echo))
    application.add_handler(CallbackQueryHandler(tapped))
    return application


@pytest.fixture
def api() -> FakeBotApi:
    return FakeBotApi()


@pytest.fixture
async def application(api: FakeBotApi) -> AsyncIterator[AnyApplication]:
    application = build(api)
    async with application:
        yield application


async def test_command_and_tap_are_recorded_and_visible(
    application: AnyApplication, api: FakeBotApi
) -> None:
    errors = HandlerErrors.attach(application)
    updates = UpdateFactory(api, bot=application.bot)

    await application.process_update(updates.command("echo", "hello there"))

    sent = api.last_call("sendMessage")
    assert sent.params["text"] == "hello there"
    assert sent.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "done"
    assert api.buttons(updates.user.id) == [[Button("Done ✓", "done"), ("Skip", "skip")]]
    assert api.button_data(updates.user.id, "done") == "done"

    await application.process_update(updates.tap("Done"))

    assert api.last_call("answerCallbackQuery").ok
    assert api.unanswered_callback_queries() == []
    assert api.last_message(updates.user.id).text == "You tapped done"
    assert api.buttons(updates.user.id) == []  # editMessageText without reply_markup drops them
    assert api.visible_text(updates.user.id) == "You tapped done"
    assert [m.text for m in api.messages(updates.user.id)] == [
        "/echo hello there",
        "You tapped done",
    ]
    assert errors == []


async def test_chat_user_reads_like_use(application: AnyApplication, api: FakeBotApi) -> None:
    ann = ChatUser(application, api)

    await ann.send("/echo hi")
    assert ann.last_text == "hi"
    assert ann.labels == ["Done ✓", "Skip"]

    await ann.tap("skip")
    assert ann.last_text == "You tapped skip"

    await ann.block_bot()
    with pytest.raises(Forbidden, match="blocked by the user"):
        await application.bot.send_message(ann.chat_id, "still there?")


async def test_same_text_and_markup_is_not_modified(
    application: AnyApplication, api: FakeBotApi
) -> None:
    message = await application.bot.send_message(
        7, "<b>Plank</b>", parse_mode="HTML", reply_markup=KEYBOARD
    )
    assert message.text == "Plank"  # Telegram parses the HTML
    assert message.entities[0].type == "bold"

    with pytest.raises(BadRequest, match="Message is not modified"):
        await message.edit_text("<b>Plank</b>", parse_mode="HTML", reply_markup=KEYBOARD)

    assert api.last_call().status == 400
    edited = await message.edit_reply_markup(None)
    assert isinstance(edited, type(message))
    assert api.buttons(7) == []


async def test_scripted_429_raises_retry_after(
    application: AnyApplication, api: FakeBotApi
) -> None:
    api.fail_next("sendMessage", 429, retry_after=3)

    with pytest.raises(RetryAfter) as raised:
        await application.bot.send_message(7, "too fast")

    value = raised.value.retry_after  # an int unless PTB_TIMEDELTA=true
    seconds = value.total_seconds() if isinstance(value, dtm.timedelta) else value
    assert seconds == 3
    assert api.calls("sendMessage")[-1].status == 429
    assert (await application.bot.send_message(7, "later")).text == "later"  # only the next one


async def test_scripted_timeout_raises_timed_out(
    application: AnyApplication, api: FakeBotApi
) -> None:
    api.time_out_next("sendMessage")

    with pytest.raises(TimedOut):
        await application.bot.send_message(7, "hello?")


async def test_polling_in_process_fetches_queued_updates(api: FakeBotApi) -> None:
    application = build(api)
    updates = UpdateFactory(api)  # unbound: the polling bot binds what it fetches
    async with asyncio.timeout(10), application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=1))
        api.push_update(updates.command("echo", "polled"))
        sent = await api.wait_for_call("sendMessage")
        await application.updater.stop()
        await application.stop()

    assert sent.params["text"] == "polled"
    assert api.pending_updates() == []  # confirmed by the final getUpdates offset


async def test_http_server_serves_a_real_bot_and_long_polling(api: FakeBotApi) -> None:
    async with asyncio.timeout(20), FakeBotApiServer(api, stall_seconds=2) as server:
        async with Bot(api.token, base_url=server.base_url) as bot:
            assert bot.username == "limber_test_bot"
            sent = await bot.send_message(42, "over HTTP", reply_markup=KEYBOARD)
            assert sent.reply_markup == KEYBOARD
            photo = await bot.send_photo(
                42, b"\x89PNG fake bytes", caption="123", filename="pose.png"
            )
            assert photo.caption == "123"
        upload = api.last_call("sendPhoto").files["photo"]
        assert (upload.filename, upload.content) == ("pose.png", b"\x89PNG fake bytes")
        assert api.last_call("sendPhoto").params["caption"] == "123"  # free text stays a string

        impatient = HTTPXRequest(read_timeout=0.2)
        async with Bot(api.token, base_url=server.base_url, request=impatient) as bot:
            api.time_out_next("sendMessage")
            with pytest.raises(TimedOut):
                await bot.send_message(42, "stalled")

        application = ApplicationBuilder().token(api.token).base_url(server.base_url).build()
        application.add_handler(CommandHandler("echo", echo))
        async with application:
            await application.start()
            assert application.updater is not None
            await application.updater.start_polling(
                poll_interval=0, timeout=dtm.timedelta(seconds=2)
            )
            await api.wait_for_call("getUpdates")
            api.push_update(UpdateFactory(api).command("echo", "long polled"))
            shown = await api.wait_for_text(1001, "long polled")
            await application.updater.stop()
            await application.stop()

    assert shown.text == "long polled"
    assert api.last_call("sendMessage").params["chat_id"] == 1001
    assert api.pending_updates() == []
