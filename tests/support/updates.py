"""Builders of Telegram updates (a user sends text, a command, a sticker, taps a button ...).

    api = FakeBotApi()
    updates = UpdateFactory(api, bot=application.bot)
    await application.process_update(updates.command("start"))
    await application.process_update(updates.tap("Done"))

or, one level up, `ChatUser(application, api)`: `await ann.send("/start")`, `await ann.tap("Done")`,
`ann.last_text`.

With an `api`, update ids and message ids come from the fake (ids are per chat, shared with the
bot's messages), the user's messages join the fake's transcript, and a tap carries the message as
the fake holds it now. With a `bot`, updates are bound to it (`Update.de_json(data, bot)`), so
`update.callback_query.answer()` and `update.message.reply_text()` work; without one they are fine
for `api.push_update` (a polling bot binds what it fetches itself).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from telegram import Bot, Update
from telegram.ext import Application, CallbackContext

from tests.support.fake_bot_api import Button, FakeBotApi, JSONDict


@dataclass(frozen=True)
class FakeUser:
    """A Telegram user talking to the bot in a private chat (chat id == user id)."""

    id: int = 1001
    first_name: str = "Ann"
    last_name: str | None = None
    username: str | None = "ann"
    language_code: str | None = "en"

    def to_json(self) -> JSONDict:
        data: JSONDict = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        optional = {
            "last_name": self.last_name,
            "username": self.username,
            "language_code": self.language_code,
        }
        data.update({key: value for key, value in optional.items() if value is not None})
        return data

    def chat_json(self) -> JSONDict:
        data: JSONDict = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.last_name is not None:
            data["last_name"] = self.last_name
        if self.username is not None:
            data["username"] = self.username
        return data


_DEFAULT_BOT_USER: JSONDict = {
    "id": 5555555555,
    "is_bot": True,
    "first_name": "Limber",
    "username": "limber_test_bot",
}


class _Counters:
    """Ids when there is no FakeBotApi to hand them out; shared by factories for other users."""

    def __init__(self) -> None:
        self.updates = itertools.count(1)
        self.queries = itertools.count(1)
        self.files = itertools.count(1)
        self.messages: dict[int, int] = {}


class UpdateFactory:
    """Makes updates from one user (`for_user` for another), with incrementing update_id."""

    def __init__(
        self,
        api: FakeBotApi | None = None,
        *,
        bot: Bot | None = None,
        user: FakeUser | None = None,
        clock: Callable[[], float] = time.time,
        _counters: _Counters | None = None,
    ) -> None:
        self.api = api
        self.bot = bot
        self.user = user or FakeUser()
        self._clock = clock
        self._counters = _counters or _Counters()

    def for_user(self, user: FakeUser) -> UpdateFactory:
        """A factory for another user, sharing this one's api, bot and ids."""
        return UpdateFactory(
            self.api, bot=self.bot, user=user, clock=self._clock, _counters=self._counters
        )

    # --- messages from the user -------------------------------------------------------------

    def text(self, text: str) -> Update:
        """The user sends *text* (no entities; use `command` for /commands)."""
        return self._message({"text": text}, "text")

    def command(self, command: str, args: str = "", *, mention: bool = False) -> Update:
        """The user sends `/command args` (with `@botname` when *mention*), as Telegram marks it."""
        head = f"/{command.removeprefix('/')}"
        if mention:
            head += f"@{self._bot_user()['username']}"
        entity = {"type": "bot_command", "offset": 0, "length": len(head)}
        return self._message(
            {"text": f"{head} {args}" if args else head, "entities": [entity]}, "text"
        )

    def sticker(self, emoji: str = "👍") -> Update:
        number = next(self._counters.files)
        sticker = {
            "file_id": f"user-sticker-{number}",
            "file_unique_id": f"user-sticker-unique-{number}",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return self._message({"sticker": sticker}, "sticker")

    def photo(self, caption: str | None = None) -> Update:
        number = next(self._counters.files)
        sizes = [
            {
                "file_id": f"user-photo-{number}-{width}",
                "file_unique_id": f"user-photo-unique-{number}-{width}",
                "width": width,
                "height": width * 3 // 4,
                "file_size": width * 100,
            }
            for width in (90, 320, 1280)
        ]
        body: JSONDict = {"photo": sizes}
        if caption is not None:
            body["caption"] = caption
        return self._message(body, "photo")

    def voice(self, duration: int = 3) -> Update:
        number = next(self._counters.files)
        voice = {
            "file_id": f"user-voice-{number}",
            "file_unique_id": f"user-voice-unique-{number}",
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": duration * 4000,
        }
        return self._message({"voice": voice}, "voice")

    # --- button taps ------------------------------------------------------------------------

    def tap(
        self, label: str, *, message_id: int | None = None, inaccessible: bool = False
    ) -> Update:
        """The user taps the button whose label contains *label* (newest message that has one).

        *inaccessible*: Telegram no longer sends the message (older than 48 h), only its id.
        """
        api = self._need_api("tap")
        message, button = api.find_button(self.user.id, label, message_id)
        if button.callback_data is None:
            raise LookupError(f"button {button.text!r} is not a callback button")
        return self.callback(button.callback_data, message=message.raw, inaccessible=inaccessible)

    def callback(
        self,
        data: str,
        *,
        message: JSONDict | int | None = None,
        inaccessible: bool = False,
    ) -> Update:
        """A callback query with *data* from the bot's *message* (its JSON, or its id in the fake).

        Without a message: the bot's newest message in the fake, or a bare one.
        """
        chat = self.user.chat_json()
        if isinstance(message, int):
            message = self._need_api("callback(message=id)").message(self.user.id, message).raw
        elif message is None and self.api is not None:
            message = self.api.last_message(self.user.id).raw
        elif message is None:
            message = {"message_id": 1, "date": int(self._clock()), "chat": chat, "text": "…"}
            message["from"] = self._bot_user()
        if inaccessible:
            message = {"chat": message["chat"], "message_id": message["message_id"], "date": 0}
        query_id = str(4_000_000_000_000_000_000 + next(self._counters.queries))
        if self.api is not None:
            self.api.register_callback_query(query_id)
            self.api.remember_chat(chat)
        query = {
            "id": query_id,
            "from": self.user.to_json(),
            "chat_instance": f"-{self.user.id}",
            "message": message,
            "data": data,
        }
        return self._update({"callback_query": query})

    # --- the user blocks / unblocks the bot -------------------------------------------------

    def bot_blocked(self) -> Update:
        """`my_chat_member`: the user blocked the bot (member -> kicked)."""
        return self._chat_member("member", "kicked")

    def bot_unblocked(self) -> Update:
        """`my_chat_member`: the user unblocked the bot (kicked -> member)."""
        return self._chat_member("kicked", "member")

    # --- plumbing ---------------------------------------------------------------------------

    def bind(self, data: JSONDict) -> Update:
        """An Update from raw JSON, bound to the factory's bot if it has one."""
        return Update.de_json(data, self.bot)

    def _update(self, body: JSONDict) -> Update:
        update_id = (
            self.api.next_update_id() if self.api is not None else next(self._counters.updates)
        )
        return self.bind({"update_id": update_id, **body})

    def _message(self, body: JSONDict, kind: str) -> Update:
        chat = self.user.chat_json()
        if self.api is not None:
            message_id = self.api.allocate_message_id(self.user.id)
        else:
            message_id = self._counters.messages.get(self.user.id, 0) + 1
            self._counters.messages[self.user.id] = message_id
        message = {
            "message_id": message_id,
            "from": self.user.to_json(),
            "chat": chat,
            "date": int(self._clock()),
            **body,
        }
        if self.api is not None:
            self.api.record_user_message(message, kind)
        return self._update({"message": message})

    def _chat_member(self, old: str, new: str) -> Update:
        bot_user = self._bot_user()

        def member(status: str) -> JSONDict:
            data: JSONDict = {"user": bot_user, "status": status}
            if status == "kicked":
                data["until_date"] = 0
            return data

        change = {
            "chat": self.user.chat_json(),
            "from": self.user.to_json(),
            "date": int(self._clock()),
            "old_chat_member": member(old),
            "new_chat_member": member(new),
        }
        return self._update({"my_chat_member": change})

    def _bot_user(self) -> JSONDict:
        if self.api is not None:
            return {k: self.api.bot_user[k] for k in ("id", "is_bot", "first_name", "username")}
        if self.bot is not None:
            try:
                return self.bot.bot.to_dict()
            except RuntimeError:  # not initialized: getMe not called yet
                pass
        return dict(_DEFAULT_BOT_USER)

    def _need_api(self, what: str) -> FakeBotApi:
        if self.api is None:
            raise RuntimeError(f"{what} needs UpdateFactory(api=...) to know the chat's messages")
        return self.api


class ChatUser:
    """A person using the bot: each action builds an update and awaits `process_update`.

    The application must be initialized (`async with application:`). What the user then sees is
    read from the fake: `last_text`, `visible_text`, `buttons`, `labels`.
    """

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        api: FakeBotApi,
        user: FakeUser | None = None,
    ) -> None:
        self.application = application
        self.api = api
        self.updates = UpdateFactory(api, bot=application.bot, user=user)

    @property
    def user(self) -> FakeUser:
        return self.updates.user

    @property
    def chat_id(self) -> int:
        return self.updates.user.id

    async def send(self, text: str) -> None:
        """Send *text*; `/command args` is sent as a command."""
        if text.startswith("/"):
            command, _, args = text.partition(" ")
            await self._process(self.updates.command(command, args))
        else:
            await self._process(self.updates.text(text))

    async def tap(self, label: str, *, message_id: int | None = None) -> None:
        """Tap the button whose label contains *label* on the newest message that has one."""
        await self._process(self.updates.tap(label, message_id=message_id))

    async def tap_data(self, data: str) -> None:
        """A tap carrying *data* whatever the buttons say (a forged or stale button)."""
        await self._process(self.updates.callback(data))

    async def send_sticker(self, emoji: str = "👍") -> None:
        await self._process(self.updates.sticker(emoji))

    async def send_photo(self, caption: str | None = None) -> None:
        await self._process(self.updates.photo(caption))

    async def send_voice(self, duration: int = 3) -> None:
        await self._process(self.updates.voice(duration))

    async def block_bot(self) -> None:
        """Block the bot: Telegram tells it (my_chat_member) and refuses its messages (403)."""
        self.api.block(self.chat_id)
        await self._process(self.updates.bot_blocked())

    async def unblock_bot(self) -> None:
        self.api.unblock(self.chat_id)
        await self._process(self.updates.bot_unblocked())

    @property
    def last_text(self) -> str:
        """The text (or caption) of the bot's newest message in this chat."""
        return self.api.last_message(self.chat_id).text or ""

    @property
    def visible_text(self) -> str:
        return self.api.visible_text(self.chat_id)

    @property
    def buttons(self) -> list[list[Button]]:
        return self.api.buttons(self.chat_id)

    @property
    def labels(self) -> list[str]:
        return self.api.last_message(self.chat_id).labels

    async def _process(self, update: Update) -> None:
        await self.application.process_update(update)


class HandlerErrors(list[BaseException]):
    """Collects exceptions raised in handlers, which `process_update` would only log.

    errors = HandlerErrors.attach(application)
    ...
    assert not errors
    """

    @classmethod
    def attach(cls, application: Application[Any, Any, Any, Any, Any, Any]) -> HandlerErrors:
        errors = cls()

        async def collect(update: object, context: CallbackContext[Any, Any, Any, Any]) -> None:
            if context.error is not None:
                errors.append(context.error)

        application.add_error_handler(collect)
        return errors
