"""A recording fake of the Telegram Bot API, for driving the real PTB `Application` offline.

`FakeBotApi` is a `telegram.request.BaseRequest`, so PTB talks to it in-process::

    api = FakeBotApi()
    app = ApplicationBuilder().token(api.token).request(api).get_updates_request(api).build()

It answers with the JSON Telegram would send, records every call (`calls`), keeps what each chat
shows (`messages`, `last_message`, `visible_text`, `buttons`), queues updates for `getUpdates`
(`push_update`) and fails on request (`fail_next`, `time_out_next`, `block`, `refuse_file_ids`:
a stored file_id answered 400, as for another bot's id or a deleted file). The same object can
be served over loopback HTTP by `tests.support.http_fake_bot_api.FakeBotApiServer`.

Not modelled: inline mode, groups beyond a chat id, media groups, file downloads, MarkdownV2 and
Markdown parse modes (their text is kept as sent; HTML is parsed as Telegram does).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from io import BytesIO
from typing import IO, Any, NamedTuple
from urllib.parse import urlsplit

from telegram import Update
from telegram._utils.types import ODVInput  # the type BaseRequest.do_request is declared with
from telegram.error import TimedOut
from telegram.request import BaseRequest, RequestData

from tests.support.telegram_html import EntityParseError, parse_html

JSONDict = dict[str, Any]

DEFAULT_TOKEN = "5555555555:AAFakeTokenForLimberTests0000000000"

# Telegram's own wording, so code that matches on it behaves as in production.
MESSAGE_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
BOT_BLOCKED = "Forbidden: bot was blocked by the user"
MESSAGE_TO_EDIT_NOT_FOUND = "Bad Request: message to edit not found"
MESSAGE_CANT_BE_EDITED = "Bad Request: message can't be edited"
MESSAGE_TO_DELETE_NOT_FOUND = "Bad Request: message to delete not found"
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
    "the webhook first"
)
CONFLICT_OTHER_POLL = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is "
    "running"
)
MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64
_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    403: BOT_BLOCKED,
    409: CONFLICT_OTHER_POLL,
    500: "Internal Server Error",
    502: "Bad Gateway",
}


@dataclass(frozen=True)
class UploadedFile:
    """A file the bot uploaded (multipart): its name, bytes and MIME type."""

    filename: str
    content: bytes
    mimetype: str


class Button(NamedTuple):
    """An inline button as the user sees it; `callback_data` is None for URL and other buttons."""

    text: str
    callback_data: str | None


@dataclass
class ApiCall:
    """One request the bot made: JSON-decoded params, uploaded files, and how it was answered.

    `status` is the HTTP status answered, or 0 for none (still waiting, timed out, cancelled).
    """

    method: str
    params: JSONDict
    files: dict[str, UploadedFile] = field(default_factory=dict)
    status: int = 0
    result: Any = None
    description: str | None = None
    at: float = field(default_factory=time.monotonic)

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass
class ChatMessage:
    """A message in a chat as it stands now (edits applied); `raw` is Telegram's JSON for it."""

    chat_id: int
    message_id: int
    from_bot: bool
    kind: str  # "text", "photo", "document", "sticker", "voice", ...
    raw: JSONDict
    editable: bool = True

    @property
    def text(self) -> str | None:
        """The text, or the caption of a media message."""
        value = self.raw.get("text", self.raw.get("caption"))
        return value if isinstance(value, str) else None

    @property
    def reply_markup(self) -> JSONDict | None:
        markup = self.raw.get("reply_markup")
        return markup if isinstance(markup, dict) else None

    @property
    def buttons(self) -> list[list[Button]]:
        markup = self.reply_markup or {}
        return [
            [Button(button["text"], button.get("callback_data")) for button in row]
            for row in markup.get("inline_keyboard", [])
        ]

    @property
    def labels(self) -> list[str]:
        return [button.text for row in self.buttons for button in row]

    @property
    def links(self) -> dict[str, str]:
        """The URL buttons: label → address."""
        markup = self.reply_markup or {}
        return {
            button["text"]: button["url"]
            for row in markup.get("inline_keyboard", [])
            for button in row
            if "url" in button
        }


@dataclass
class ApiResponse:
    """What `dispatch` answers: the HTTP status and JSON body, or a simulated time-out."""

    status: int
    body: bytes
    timed_out: bool = False


class ApiError(Exception):
    """An error answer of the Bot API: `{"ok": false, "error_code": ..., "description": ...}`."""

    def __init__(self, status: int, description: str, parameters: JSONDict | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def payload(self) -> JSONDict:
        body: JSONDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


@dataclass
class _Fault:
    method: str  # lower case, or "*" for any method
    times: int
    timeout: bool = False
    error: ApiError | None = None


@dataclass
class _StoredFile:
    file_id: str
    file_unique_id: str
    upload: UploadedFile | None


def split_bot_path(path: str) -> tuple[str, str] | None:
    """(token, method) from a URL path such as `/bot123:ABC/sendMessage`; None if it is not one."""
    parts = path.rstrip("/").split("/")
    if len(parts) < 2 or not parts[-2].startswith("bot") or not parts[-1]:
        return None
    return parts[-2].removeprefix("bot"), parts[-1]


def _plain_json(value: object) -> Any:
    """*value* as pure JSON types (tuples to lists, enums to their values)."""
    return json.loads(json.dumps(value))


def _json_copy(value: Mapping[str, Any]) -> JSONDict:
    """A deep copy of a JSON object, so callers cannot change the fake's state through it."""
    copied: JSONDict = _plain_json(value)
    return copied


def _read(content: bytes | IO[bytes]) -> bytes:
    return content if isinstance(content, bytes) else content.read()


def _image_size(content: bytes) -> tuple[int, int]:
    try:
        from PIL import Image

        with Image.open(BytesIO(content)) as image:
            return image.size
    except Exception:
        return 1280, 720


def _wake(poller: tuple[asyncio.AbstractEventLoop, asyncio.Future[str]], reason: str) -> None:
    """Resolve a waiting long poll from any thread."""
    loop, future = poller

    def settle() -> None:
        if not future.done():
            future.set_result(reason)

    with contextlib.suppress(RuntimeError):  # the loop is already closed
        loop.call_soon_threadsafe(settle)


class FakeBotApi(BaseRequest):
    """An in-memory Telegram Bot API that records calls and keeps each chat's visible state."""

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        bot_first_name: str = "Limber",
        bot_username: str = "limber_test_bot",
        latency: float = 0.0,
        max_poll_wait: float | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """*latency* delays every answer (benchmarks); *max_poll_wait* caps long polls (seconds)."""
        self.token = token
        self.bot_user: JSONDict = {
            "id": int(token.split(":", 1)[0]),
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.latency = latency
        self.max_poll_wait = max_poll_wait
        self.initialize_count = 0
        self.shutdown_count = 0
        self._clock = clock
        self._calls: list[ApiCall] = []
        self._faults: list[_Fault] = []
        self._blocked: set[int] = set()
        self._chats: dict[int, JSONDict] = {}
        self._messages: dict[int, list[ChatMessage]] = {}
        self._last_message_id: dict[int, int] = {}
        self._reply_keyboards: dict[int, JSONDict] = {}
        self._files: dict[str, _StoredFile] = {}
        self._file_numbers = itertools.count(1)
        self._commands: dict[str, list[JSONDict]] = {}
        self._profiles: dict[tuple[str, str], str] = {}  # (field, language_code) → text
        self._webhook_url = ""
        self._callback_queries: dict[str, bool] = {}  # id -> answered
        self._lock = threading.Lock()  # guards the update queue and ids, fed from other threads
        self._pending: list[JSONDict] = []
        self._last_update_id = 0
        self._poller: tuple[asyncio.AbstractEventLoop, asyncio.Future[str]] | None = None
        self._methods: dict[str, Callable[[JSONDict, dict[str, UploadedFile]], Any]] = {
            "getme": self._get_me,
            "logout": self._true,
            "close": self._true,
            "getwebhookinfo": self._get_webhook_info,
            "setwebhook": self._set_webhook,
            "deletewebhook": self._delete_webhook,
            "getupdates": self._get_updates,
            "setmycommands": self._set_my_commands,
            "deletemycommands": self._delete_my_commands,
            "getmycommands": self._get_my_commands,
            "setmydescription": partial(self._set_profile, "description", 512),
            "setmyshortdescription": partial(self._set_profile, "short_description", 120),
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "editmessagecaption": self._edit_message_caption,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "answercallbackquery": self._answer_callback_query,
            "sendphoto": self._send_photo,
            "senddocument": self._send_document,
            "sendanimation": self._send_animation,
            "sendvoice": self._send_voice,
            "editmessagemedia": self._edit_message_media,
            "sendchataction": self._true,
            "deletemessage": self._delete_message,
        }

    # --- BaseRequest ------------------------------------------------------------------------

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        self.initialize_count += 1

    async def shutdown(self) -> None:
        self.shutdown_count += 1

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Answer one PTB request in-process, as HTTP status and JSON body."""
        target = split_bot_path(urlsplit(url).path)
        if target is None:
            return 404, json.dumps(
                {"ok": False, "error_code": 404, "description": "Not Found"}
            ).encode()
        params: JSONDict = _plain_json(request_data.parameters) if request_data else {}
        files: dict[str, UploadedFile] = {}
        if request_data is not None and request_data.contains_files:
            for name, (filename, content, mimetype) in request_data.multipart_data.items():
                files[name] = UploadedFile(filename, _read(content), mimetype)
        response = await self.dispatch(target[0], target[1], params, files)
        if response.timed_out:
            raise TimedOut
        return response.status, response.body

    # --- the API ----------------------------------------------------------------------------

    async def dispatch(
        self,
        token: str,
        method: str,
        params: JSONDict,
        files: Mapping[str, UploadedFile] | None = None,
    ) -> ApiResponse:
        """Record and answer one call; the transport-independent core (in-process and HTTP)."""
        if self.latency:
            await asyncio.sleep(self.latency)
        call = ApiCall(method, params, dict(files or {}))
        self._calls.append(call)
        try:
            if token != self.token:
                raise ApiError(401, "Unauthorized")
            fault = self._take_fault(method)
            if fault is not None and fault.timeout:
                call.status, call.description = 0, "timed out (scripted)"
                return ApiResponse(0, b"", timed_out=True)
            if fault is not None and fault.error is not None:
                raise fault.error
            handler = self._methods.get(method.lower())
            if handler is None:
                raise ApiError(400, f"Bad Request: FakeBotApi does not implement {method}")
            chat_id = params.get("chat_id")
            if isinstance(chat_id, int) and chat_id in self._blocked:
                raise ApiError(403, BOT_BLOCKED)
            result = handler(params, call.files)
            if asyncio.iscoroutine(result):
                result = await result
        except ApiError as error:
            call.status, call.description = error.status, error.description
            return ApiResponse(error.status, json.dumps(error.payload()).encode())
        except asyncio.CancelledError:
            call.status, call.description = 0, "cancelled by the client"
            raise
        call.status, call.result = 200, result
        return ApiResponse(200, json.dumps({"ok": True, "result": result}).encode())

    # --- recorded calls ---------------------------------------------------------------------

    def calls(self, method: str | None = None) -> list[ApiCall]:
        """Every call so far, in order (failed ones too); only those of *method* if given."""
        if method is None:
            return list(self._calls)
        return [call for call in self._calls if call.method.lower() == method.lower()]

    def last_call(self, method: str | None = None) -> ApiCall:
        calls = self.calls(method)
        if not calls:
            raise LookupError(f"no {method or 'API'} call was made")
        return calls[-1]

    def reset_calls(self) -> None:
        """Forget the recorded calls (chat state, queue and faults stay)."""
        self._calls.clear()

    async def wait_until(
        self, predicate: Callable[[], bool], *, within: float = 5.0, what: str = "a condition"
    ) -> None:
        """Wait (polling, any loop) until *predicate* holds; AssertionError after *within* s."""
        deadline = time.monotonic() + within
        while not predicate():
            if time.monotonic() > deadline:
                seen = [call.method for call in self._calls if call.method != "getUpdates"]
                raise AssertionError(f"waited {within}s for {what}; calls: {seen}")
            await asyncio.sleep(0.005)

    async def wait_for_call(self, method: str, *, count: int = 1, within: float = 5.0) -> ApiCall:
        """The *count*-th call of *method*, waiting for it to be made."""
        await self.wait_until(
            lambda: len(self.calls(method)) >= count,
            within=within,
            what=f"{count} {method} call(s)",
        )
        return self.calls(method)[count - 1]

    async def wait_for_text(self, chat_id: int, text: str, *, within: float = 5.0) -> ChatMessage:
        """The bot's newest message in the chat, once *text* is visible there."""
        await self.wait_until(
            lambda: text in self.visible_text(chat_id),
            within=within,
            what=f"{text!r} in chat {chat_id}",
        )
        return self.last_message(chat_id)

    # --- what the user sees -----------------------------------------------------------------

    def messages(self, chat_id: int, *, from_bot: bool | None = None) -> list[ChatMessage]:
        """The chat's messages, oldest first, edits applied, deleted ones gone."""
        found = self._messages.get(chat_id, [])
        return [m for m in found if from_bot is None or m.from_bot == from_bot]

    def message(self, chat_id: int, message_id: int) -> ChatMessage:
        for message in self._messages.get(chat_id, []):
            if message.message_id == message_id:
                return message
        raise LookupError(f"chat {chat_id} has no message {message_id}")

    def last_message(self, chat_id: int) -> ChatMessage:
        """The bot's newest message in the chat."""
        sent = self.messages(chat_id, from_bot=True)
        if not sent:
            raise LookupError(f"the bot has sent nothing (still visible) to chat {chat_id}")
        return sent[-1]

    def visible_text(self, chat_id: int) -> str:
        """All the bot's visible texts and captions in the chat, oldest first, blank-line joined."""
        texts = (m.text for m in self.messages(chat_id, from_bot=True))
        return "\n\n".join(text for text in texts if text)

    def buttons(self, chat_id: int, message_id: int | None = None) -> list[list[Button]]:
        """Inline keyboard rows of a message (default: the bot's newest message)."""
        if message_id is None:
            return self.last_message(chat_id).buttons
        return self.message(chat_id, message_id).buttons

    def find_button(
        self, chat_id: int, label: str, message_id: int | None = None
    ) -> tuple[ChatMessage, Button]:
        """The button whose label contains *label* (any case) on the newest message that has one.

        An exact label wins over partial matches; several partial matches are an error.
        """
        candidates = (
            [self.message(chat_id, message_id)]
            if message_id is not None
            else list(reversed(self.messages(chat_id, from_bot=True)))
        )
        wanted = label.casefold()
        for message in candidates:
            matches = [b for row in message.buttons for b in row if wanted in b.text.casefold()]
            exact = [b for b in matches if b.text.casefold() == wanted]
            if len(exact) == 1 or len(matches) == 1:
                return message, (exact or matches)[0]
            if matches:
                raise LookupError(f"{label!r} matches several buttons: {[b.text for b in matches]}")
        shown = [m.labels for m in candidates if m.labels][:1]
        raise LookupError(
            f"no button matching {label!r} in chat {chat_id}; newest buttons: {shown}"
        )

    def button_data(self, chat_id: int, label: str, message_id: int | None = None) -> str:
        """The callback_data of the button whose label contains *label* (see `find_button`)."""
        _, button = self.find_button(chat_id, label, message_id)
        if button.callback_data is None:
            raise LookupError(f"button {button.text!r} has no callback_data")
        return button.callback_data

    def reply_keyboard(self, chat_id: int) -> list[list[str]]:
        """Labels of the reply keyboard currently shown under the input field (empty if none)."""
        markup = self._reply_keyboards.get(chat_id) or {}
        return [
            [button if isinstance(button, str) else button["text"] for button in row]
            for row in markup.get("keyboard", [])
        ]

    def uploaded_file(self, file_id: str) -> UploadedFile | None:
        """The bytes behind a file_id the fake handed out (None for URLs)."""
        stored = self._files.get(file_id)
        return stored.upload if stored else None

    def profile(self, field: str, language_code: str = "") -> str | None:
        """The bot's description or short_description set for *language_code* ("": default)."""
        return self._profiles.get((field, language_code))

    def commands(self, scope: JSONDict | None = None, language_code: str = "") -> list[JSONDict]:
        """The command menu set by setMyCommands for *scope* (default scope) and language."""
        return list(self._commands.get(self._commands_key(scope, language_code), []))

    # --- scripting --------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int = 429,
        *,
        retry_after: int = 1,
        description: str | None = None,
        times: int = 1,
    ) -> None:
        """Make the next *times* calls of *method* ("*" for any) fail with *status*.

        429 carries `parameters.retry_after` (PTB raises RetryAfter); 403 defaults to "bot was
        blocked by the user" (Forbidden); 400 is BadRequest; 500/502 are NetworkError.
        """
        parameters = None
        if status == 429:
            description = description or f"Too Many Requests: retry after {retry_after}"
            parameters = {"retry_after": retry_after}
        description = description or _DEFAULT_DESCRIPTIONS.get(status, f"Error {status}")
        self._faults.append(
            _Fault(method.lower(), times, error=ApiError(status, description, parameters))
        )

    def time_out_next(self, method: str, *, times: int = 1) -> None:
        """Make the next *times* calls of *method* time out (in-process: PTB raises TimedOut)."""
        self._faults.append(_Fault(method.lower(), times, timeout=True))

    def clear_faults(self) -> None:
        self._faults.clear()

    def block(self, chat_id: int) -> None:
        """The user blocked the bot: every call for this chat now answers 403 Forbidden."""
        self._blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        self._blocked.discard(chat_id)

    def refuse_file_ids(self) -> list[str]:
        """Forget every file_id handed out so far (another bot's ids, deleted files): sending one
        answers 400 "wrong file identifier". Returns the ids now refused."""
        refused = list(self._files)
        self._files.clear()
        return refused

    def expire_message(self, chat_id: int, message_id: int) -> None:
        """The message is too old (48 h): edits answer "message can't be edited"."""
        self.message(chat_id, message_id).editable = False

    def _take_fault(self, method: str) -> _Fault | None:
        for fault in self._faults:
            if fault.method in ("*", method.lower()):
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    # --- the side of the user and of Telegram (used by tests.support.updates) ---------------

    def push_update(self, update: Update | JSONDict) -> int:
        """Queue an update for getUpdates (thread-safe); returns its update_id."""
        data = update.to_dict() if isinstance(update, Update) else dict(update)
        data = _plain_json(data)
        with self._lock:
            if "update_id" not in data:
                data["update_id"] = self._last_update_id + 1
            self._last_update_id = max(self._last_update_id, data["update_id"])
            self._pending.append(data)
            poller = self._poller
        if poller is not None:
            _wake(poller, "update")
        return int(data["update_id"])

    def pending_updates(self) -> list[JSONDict]:
        """Queued updates the bot has not yet confirmed (by a later getUpdates offset)."""
        with self._lock:
            return list(self._pending)

    def next_update_id(self) -> int:
        with self._lock:
            self._last_update_id += 1
            return self._last_update_id

    def allocate_message_id(self, chat_id: int) -> int:
        """The next message id of the chat (ids are per chat, shared by the user and the bot)."""
        with self._lock:  # a threaded server's bot and the test thread's user both take ids
            self._last_message_id[chat_id] = self._last_message_id.get(chat_id, 0) + 1
            return self._last_message_id[chat_id]

    def remember_chat(self, chat: JSONDict) -> None:
        """Use *chat* (Telegram's Chat JSON) in the messages the bot sends there."""
        self._chats[int(chat["id"])] = dict(chat)

    def chat_json(self, chat_id: int) -> JSONDict:
        known = self._chats.get(chat_id)
        if known is not None:
            return dict(known)
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": "User"}
        return {"id": chat_id, "type": "group", "title": "Group"}

    def record_user_message(self, message: JSONDict, kind: str) -> ChatMessage:
        """Add a message the user sent (Telegram's Message JSON) to the chat's transcript."""
        chat_id = int(message["chat"]["id"])
        self.remember_chat(message["chat"])
        number = int(message["message_id"])
        with self._lock:
            self._last_message_id[chat_id] = max(self._last_message_id.get(chat_id, 0), number)
        entry = ChatMessage(chat_id, number, from_bot=False, kind=kind, raw=_plain_json(message))
        self._messages.setdefault(chat_id, []).append(entry)
        return entry

    def register_callback_query(self, query_id: str) -> None:
        """A tap was delivered: it should be answered once."""
        self._callback_queries[query_id] = False

    def unanswered_callback_queries(self) -> list[str]:
        return [query_id for query_id, done in self._callback_queries.items() if not done]

    # --- method implementations -------------------------------------------------------------

    def _true(self, params: JSONDict, files: dict[str, UploadedFile]) -> bool:
        return True

    def _get_me(self, params: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        return dict(self.bot_user)

    def _get_webhook_info(self, params: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        return {
            "url": self._webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self.pending_updates()),
        }

    def _set_webhook(self, params: JSONDict, files: dict[str, UploadedFile]) -> bool:
        self._webhook_url = str(params.get("url") or "")
        if params.get("drop_pending_updates"):
            self._drop_pending()
        return True

    def _delete_webhook(self, params: JSONDict, files: dict[str, UploadedFile]) -> bool:
        self._webhook_url = ""
        if params.get("drop_pending_updates"):
            self._drop_pending()
        return True

    def _drop_pending(self) -> None:
        with self._lock:
            self._pending.clear()

    async def _get_updates(
        self, params: JSONDict, files: dict[str, UploadedFile]
    ) -> list[JSONDict]:
        if self._webhook_url:
            raise ApiError(409, CONFLICT_WEBHOOK)
        offset = int(params.get("offset") or 0)
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = float(params.get("timeout") or 0)
        if self.max_poll_wait is not None:
            timeout = min(timeout, self.max_poll_wait)
        loop = asyncio.get_running_loop()
        woken: asyncio.Future[str] = loop.create_future()
        with self._lock:
            if offset > 0:  # confirms every update before it
                self._pending = [u for u in self._pending if u["update_id"] >= offset]
            batch = self._pending[:limit]
            previous = self._poller
            self._poller = (loop, woken) if not batch and timeout > 0 else None
        if previous is not None:
            _wake(previous, "conflict")  # Telegram ends an older long poll still waiting
        if batch or timeout <= 0:
            return batch
        try:
            done, _ = await asyncio.wait({woken}, timeout=timeout)
        finally:
            with self._lock:
                if self._poller is not None and self._poller[1] is woken:
                    self._poller = None
        if done and woken.result() == "conflict":
            # A client that gave up on this poll (an updater stopping) has hung up: give the
            # HTTP server a moment to notice and cancel it, so only a live poller sees the 409.
            await asyncio.sleep(0.2)
            raise ApiError(409, CONFLICT_OTHER_POLL)
        with self._lock:
            return self._pending[:limit]

    @staticmethod
    def _commands_key(scope: object, language_code: object) -> str:
        return json.dumps([scope or {"type": "default"}, language_code or ""], sort_keys=True)

    def _set_my_commands(self, params: JSONDict, files: dict[str, UploadedFile]) -> bool:
        commands = params.get("commands") or []
        for command in commands:
            name = str(command.get("command", ""))
            valid = 1 <= len(name) <= 32 and all(
                c.isascii() and (c.isalnum() or c == "_") for c in name
            )
            if not valid or name != name.lower():
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        key = self._commands_key(params.get("scope"), params.get("language_code"))
        self._commands[key] = list(commands)
        return True

    def _set_profile(
        self, field: str, limit: int, params: JSONDict, files: dict[str, UploadedFile]
    ) -> bool:
        value = str(params.get(field) or "")
        if len(value) > limit:
            raise ApiError(400, f"Bad Request: {field} is too long")
        self._profiles[(field, str(params.get("language_code") or ""))] = value
        return True

    def _delete_my_commands(self, params: JSONDict, files: dict[str, UploadedFile]) -> bool:
        self._commands.pop(
            self._commands_key(params.get("scope"), params.get("language_code")), None
        )
        return True

    def _get_my_commands(self, params: JSONDict, files: dict[str, UploadedFile]) -> list[JSONDict]:
        return self.commands(params.get("scope"), str(params.get("language_code") or ""))

    # messages

    def _chat_id(self, params: JSONDict) -> int:
        value = params.get("chat_id")
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ApiError(400, "Bad Request: chat_id is empty")
        try:
            return int(value)
        except ValueError:
            raise ApiError(400, "Bad Request: chat not found") from None

    @staticmethod
    def _render(
        text: object, parse_mode: object, entities: object, *, limit: int, what: str
    ) -> tuple[str, list[JSONDict]]:
        """Telegram's text and entities for what the bot sent (HTML parsed; others kept)."""
        source = "" if text is None else str(text)
        if isinstance(parse_mode, str) and parse_mode.upper() == "HTML":
            try:
                plain, found = parse_html(source)
            except EntityParseError as error:
                raise ApiError(400, f"Bad Request: {error}") from None
        else:
            plain, found = source, list(entities) if isinstance(entities, list) else []
        if len(plain) > limit:
            raise ApiError(400, f"Bad Request: message {what} is too long")
        return plain, found

    def _markup(self, chat_id: int, params: JSONDict) -> JSONDict | None:
        """The inline keyboard to attach; reply keyboards go under the input field instead."""
        markup = params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        if not isinstance(markup, dict):
            return None
        if "inline_keyboard" in markup:
            for row in markup["inline_keyboard"]:
                for button in row:
                    self._check_button(button)
            return markup if markup["inline_keyboard"] else None
        if "keyboard" in markup:
            self._reply_keyboards[chat_id] = markup
        elif markup.get("remove_keyboard"):
            self._reply_keyboards.pop(chat_id, None)
        return None

    @staticmethod
    def _check_button(button: JSONDict) -> None:
        if "callback_data" in button:
            size = len(str(button["callback_data"]).encode())
            if not 1 <= size <= MAX_CALLBACK_DATA_BYTES:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
        elif len(button) <= 1:
            raise ApiError(
                400,
                "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in "
                "the inline keyboard",
            )

    def _new_message(
        self, chat_id: int, kind: str, body: JSONDict, markup: JSONDict | None
    ) -> JSONDict:
        raw: JSONDict = {
            "message_id": self.allocate_message_id(chat_id),
            "from": dict(self.bot_user),
            "chat": self.chat_json(chat_id),
            "date": int(self._clock()),
            **body,
        }
        if markup is not None:
            raw["reply_markup"] = markup
        self._messages.setdefault(chat_id, []).append(
            ChatMessage(chat_id, raw["message_id"], from_bot=True, kind=kind, raw=raw)
        )
        return _json_copy(raw)

    def _send_message(self, params: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        chat_id = self._chat_id(params)
        text, entities = self._render(
            params.get("text"),
            params.get("parse_mode"),
            params.get("entities"),
            limit=MAX_TEXT_LENGTH,
            what="text",
        )
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        body: JSONDict = {"text": text}
        if entities:
            body["entities"] = entities
        return self._new_message(chat_id, "text", body, self._markup(chat_id, params))

    def _caption_body(self, params: JSONDict) -> JSONDict:
        if params.get("caption") is None:
            return {}
        caption, entities = self._render(
            params.get("caption"),
            params.get("parse_mode"),
            params.get("caption_entities"),
            limit=MAX_CAPTION_LENGTH,
            what="caption",
        )
        body: JSONDict = {"caption": caption}
        if entities:
            body["caption_entities"] = entities
        return body

    def _media(self, params: JSONDict, files: dict[str, UploadedFile], name: str) -> _StoredFile:
        """The file sent as *name*: a new upload, a known file_id, or a URL."""
        value = params.get(name)
        upload = files.get(name)
        if upload is None and isinstance(value, str) and value.startswith("attach://"):
            upload = files.get(value.removeprefix("attach://"))
        if upload is None and isinstance(value, str):
            if value in self._files:
                return self._files[value]
            if not value.startswith(("http://", "https://")):
                raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        elif upload is None:
            raise ApiError(400, f"Bad Request: there is no {name} in the request")
        number = next(self._file_numbers)
        stored = _StoredFile(f"fake-{name}-{number}", f"fake-unique-{number}", upload)
        self._files[stored.file_id] = stored
        return stored

    def _send_photo(self, params: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        chat_id = self._chat_id(params)
        stored = self._media(params, files, "photo")
        content = stored.upload.content if stored.upload else b""
        width, height = _image_size(content) if content else (1280, 720)
        size = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "width": width,
            "height": height,
            "file_size": len(content),
        }
        body = {"photo": [size], **self._caption_body(params)}
        return self._new_message(chat_id, "photo", body, self._markup(chat_id, params))

    def _send_document(self, params: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        chat_id = self._chat_id(params)
        stored = self._media(params, files, "document")
        document: JSONDict = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id}
        if stored.upload is not None:
            document |= {
                "file_name": stored.upload.filename,
                "mime_type": stored.upload.mimetype,
                "file_size": len(stored.upload.content),
            }
        body = {"document": document, **self._caption_body(params)}
        return self._new_message(chat_id, "document", body, self._markup(chat_id, params))

    @staticmethod
    def _file_json(stored: _StoredFile, mime_type: str) -> JSONDict:
        file: JSONDict = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id}
        if stored.upload is not None:
            file |= {
                "file_name": stored.upload.filename,
                "mime_type": stored.upload.mimetype or mime_type,
                "file_size": len(stored.upload.content),
            }
        return file

    def _animation_json(self, stored: _StoredFile) -> JSONDict:
        return {"width": 480, "height": 480, "duration": 3} | self._file_json(stored, "video/mp4")

    def _send_animation(self, params: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        chat_id = self._chat_id(params)
        stored = self._media(params, files, "animation")
        body = {"animation": self._animation_json(stored), **self._caption_body(params)}
        return self._new_message(chat_id, "animation", body, self._markup(chat_id, params))

    def _send_voice(self, params: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        chat_id = self._chat_id(params)
        stored = self._media(params, files, "voice")
        voice = {"duration": 10} | self._file_json(stored, "audio/ogg")
        voice.pop("file_name", None)  # Telegram keeps no file name for a voice note
        return self._new_message(chat_id, "voice", {"voice": voice}, None)

    def _edit_message_media(self, params: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        message = self._editable(params)
        media = params.get("media")
        if isinstance(media, str):
            media = json.loads(media)
        if not isinstance(media, dict) or media.get("type") != "animation":
            raise ApiError(400, "Bad Request: FakeBotApi edits animations only")
        if message.kind == "text":
            raise ApiError(400, "Bad Request: there is no media in the message to edit")
        stored = self._media({"animation": media.get("media")}, files, "animation")
        body = self._caption_body(media)
        message.kind = "animation"
        changes: JSONDict = {
            "animation": self._animation_json(stored),
            "caption": body.get("caption"),
            "caption_entities": body.get("caption_entities"),
        }
        return self._apply_edit(message, changes, self._markup(message.chat_id, params))

    def uploads(self, method: str | None = None) -> list[UploadedFile]:
        """Every file the bot uploaded (multipart), in order; only those of *method* if given."""
        return [file for call in self.calls(method) for file in call.files.values()]

    def _editable(self, params: JSONDict) -> ChatMessage:
        if "inline_message_id" in params:
            raise ApiError(400, "Bad Request: FakeBotApi does not model inline messages")
        chat_id = self._chat_id(params)
        try:
            message = self.message(chat_id, int(params.get("message_id") or 0))
        except LookupError:
            raise ApiError(400, MESSAGE_TO_EDIT_NOT_FOUND) from None
        if not message.from_bot or not message.editable:
            raise ApiError(400, MESSAGE_CANT_BE_EDITED)
        return message

    def _apply_edit(
        self, message: ChatMessage, changes: JSONDict, markup: JSONDict | None
    ) -> JSONDict:
        """Apply an edit, or answer Telegram's "message is not modified" when nothing changes."""
        updated = {
            key: value
            for key, value in message.raw.items()
            if key not in ("reply_markup", "edit_date")
        }
        for key, value in changes.items():
            if value:
                updated[key] = value
            else:
                updated.pop(key, None)
        if markup is not None:
            updated["reply_markup"] = markup
        compared = ("text", "entities", "caption", "caption_entities", "reply_markup", "animation")
        if all(updated.get(key) == message.raw.get(key) for key in compared):
            raise ApiError(400, MESSAGE_NOT_MODIFIED)
        updated["edit_date"] = int(self._clock())
        message.raw = updated
        return _json_copy(updated)

    def _edit_message_text(self, params: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        message = self._editable(params)
        if message.kind != "text":
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        text, entities = self._render(
            params.get("text"),
            params.get("parse_mode"),
            params.get("entities"),
            limit=MAX_TEXT_LENGTH,
            what="text",
        )
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        markup = self._markup(message.chat_id, params)
        return self._apply_edit(message, {"text": text, "entities": entities}, markup)

    def _edit_message_caption(self, params: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        message = self._editable(params)
        if message.kind == "text":
            raise ApiError(400, "Bad Request: there is no caption in the message to edit")
        body = self._caption_body(params)
        changes = {"caption": body.get("caption"), "caption_entities": body.get("caption_entities")}
        return self._apply_edit(message, changes, self._markup(message.chat_id, params))

    def _edit_message_reply_markup(
        self, params: JSONDict, files: dict[str, UploadedFile]
    ) -> JSONDict:
        message = self._editable(params)
        return self._apply_edit(message, {}, self._markup(message.chat_id, params))

    def _answer_callback_query(self, params: JSONDict, files: dict[str, UploadedFile]) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if not query_id or self._callback_queries.get(query_id):
            raise ApiError(400, QUERY_TOO_OLD)
        self._callback_queries[query_id] = True
        return True

    def _delete_message(self, params: JSONDict, files: dict[str, UploadedFile]) -> bool:
        chat_id = self._chat_id(params)
        try:
            message = self.message(chat_id, int(params.get("message_id") or 0))
        except LookupError:
            raise ApiError(400, MESSAGE_TO_DELETE_NOT_FOUND) from None
        self._messages[chat_id].remove(message)
        return True
