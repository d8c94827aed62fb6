"""Limber is a private coach: nothing from or about anyone outside their own private chat.

Groups, supergroups and channels get at most one short answer with a link to the private chat,
and never reach a use case; a button counts only in the private chat of the person who tapped it;
an edited message is not a new command; a tap whose answer or edit fails still shows what it saved.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from telegram import Update

from tests.support.fake_bot_api import QUERY_TOO_OLD, FakeBotApi
from tests.support.limber import Limber, running_limber
from tests.support.updates import ChatUser, FakeUser

ANN = FakeUser(7001, "Ann")
BOB = FakeUser(7002, "Bob")
GROUP = {"id": -1001234567890, "type": "supergroup", "title": "Back club"}
ANONYMOUS_ADMIN = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}


def stored_users(url: str) -> list[int]:
    with sqlite3.connect(url.removeprefix("sqlite+aiosqlite:///")) as connection:
        return [row[0] for row in connection.execute("SELECT id FROM users ORDER BY id")]


def in_group(update: Update, user: ChatUser, **changes: Any) -> Update:
    """The same message, sent in the group instead of the private chat."""
    data = update.to_dict()
    data["message"]["chat"] = GROUP
    data["message"].update(changes)
    return user.updates.bind(data)


async def onboard(user: ChatUser) -> None:
    await user.send("/start")
    await user.tap("I understand")
    await user.tap("None of these")  # the emergency signs
    await user.tap("None of these")  # the see-a-doctor signs
    await user.tap("4")


async def send_in_group(limber: Limber, user: ChatUser, update: Update) -> None:
    await limber.application.process_update(in_group(update, user))


async def test_commands_in_a_group_get_one_link_and_touch_no_data(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user(ANN)
        await onboard(ann)
        api.reset_calls()
        for command in ("export", "progress", "session", "start", "delete", "reminders"):
            await send_in_group(limber, ann, ann.updates.command(command))
        group_messages = api.messages(GROUP["id"], from_bot=True)
        assert len(group_messages) == 6, "one short answer per command"
        for message in group_messages:
            assert "private coach" in message.text
            assert message.links == {"💬 Open a private chat": "https://t.me/limber_test_bot"}
            for private_word in ("Exercise", "soreness", "sore", "Routines done"):
                assert private_word not in message.text
        methods = {call.method for call in api.calls()}
        assert "sendDocument" not in methods
        assert "sendPhoto" not in methods
        assert not limber.errors


async def test_group_text_stickers_and_anonymous_admins_reach_no_use_case(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        bob = limber.user(BOB)
        await send_in_group(limber, bob, bob.updates.text("4"))
        await send_in_group(limber, bob, bob.updates.text("I can't feel my bum and I wet myself"))
        await send_in_group(limber, bob, bob.updates.sticker())
        anonymous = in_group(bob.updates.command("export"), bob, **{"from": ANONYMOUS_ADMIN})
        data = anonymous.to_dict()
        data["message"]["sender_chat"] = GROUP
        await limber.application.process_update(bob.updates.bind(data))
        channel_post = bob.updates.text("hello").to_dict()
        post = channel_post.pop("message")
        post.pop("from")
        post["chat"] = {"id": -1009876543210, "type": "channel", "title": "News"}
        channel_post["channel_post"] = post
        await limber.application.process_update(bob.updates.bind(channel_post))
        assert stored_users(sqlite_url) == [], "no one's data is written from a group"
        group_texts = [message.text for message in api.messages(GROUP["id"], from_bot=True)]
        assert len(group_texts) == 1, group_texts  # only the anonymous admin's command
        assert not limber.errors


async def test_buttons_count_only_in_the_tappers_own_private_chat(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann, bob = limber.user(ANN), limber.user(BOB)
        await onboard(ann)
        await onboard(bob)
        await ann.send("/delete")
        confirmation = api.last_message(ANN.id)
        _, yes = api.find_button(ANN.id, "Yes, delete everything")
        assert yes.callback_data is not None
        # Bob's tap on the button under Ann's message (as if her message were visible to him).
        forged = bob.updates.callback(yes.callback_data, message=confirmation.raw)
        await limber.application.process_update(forged)
        [answer] = [call for call in api.calls("answerCallbackQuery")][-1:]
        assert "only works in your own private chat" in str(answer.params.get("text"))
        assert stored_users(sqlite_url) == [ANN.id, BOB.id], "nobody's data was deleted"
        # The same data on a message in a group: refused too.
        group_message = {**confirmation.raw, "chat": GROUP}
        await limber.application.process_update(
            ann.updates.callback(yes.callback_data, message=group_message)
        )
        assert stored_users(sqlite_url) == [ANN.id, BOB.id]
        assert not limber.errors


async def test_being_added_to_a_group_says_so_once(api: FakeBotApi, sqlite_url: str) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user(ANN)
        added = ann.updates.bot_unblocked().to_dict()
        added["my_chat_member"]["chat"] = GROUP
        added["my_chat_member"]["old_chat_member"]["status"] = "left"
        await limber.application.process_update(ann.updates.bind(added))
        [message] = api.messages(GROUP["id"], from_bot=True)
        assert "private coach" in message.text
        assert stored_users(sqlite_url) == []


async def test_an_edit_is_not_a_new_command_but_a_warning_sign_in_it_counts(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user(ANN)
        await onboard(ann)
        api.reset_calls()

        def edited(text: str) -> Update:
            data = ann.updates.text(text).to_dict()
            message = data.pop("message")
            message["edit_date"] = message["date"] + 60
            data["edited_message"] = message
            return ann.updates.bind(data)

        await limber.application.process_update(edited("/export"))
        await limber.application.process_update(edited("7"))
        await limber.application.process_update(edited("hello"))
        assert api.calls() == [], "an edit is not a new command, score or message"
        await limber.application.process_update(edited("both my legs are weak and numb"))
        assert "emergency" in ann.last_text.lower()
        await ann.send("/session")
        assert "Exercise" not in ann.last_text, "the routine is paused after the warning sign"
        assert not limber.errors


async def test_a_tap_whose_answer_fails_still_shows_the_next_step(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user(ANN)
        await onboard(ann)
        assert "Exercise 1 of 7" in ann.last_text
        api.fail_next("answerCallbackQuery", 400, description=QUERY_TOO_OLD)
        await ann.tap("Done")
        assert "Exercise 2 of 7" in ann.last_text
        api.time_out_next("answerCallbackQuery")
        await ann.tap("Done")
        assert "Exercise 3 of 7" in ann.last_text
        assert not limber.errors


async def test_a_tap_whose_edit_fails_sends_the_step_as_a_new_message(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user(ANN)
        await onboard(ann)
        before = len(api.messages(ANN.id, from_bot=True))
        api.fail_next("editMessageText", 502)
        await ann.tap("Done")
        assert "Exercise 2 of 7" in ann.last_text
        assert len(api.messages(ANN.id, from_bot=True)) == before + 1
        api.fail_next("editMessageText", 429, retry_after=1)
        await ann.tap("Done")
        assert "Exercise 3 of 7" in ann.last_text, "a 429 waits and edits again"
        assert len(api.messages(ANN.id, from_bot=True)) == before + 1
        assert not limber.errors
