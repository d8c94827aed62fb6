"""What an update must look like before any handler sees it (nothing here reads message text).

A webhook body is anyone's JSON until proven otherwise, and python-telegram-bot does not check
types: `"text": 5`, `"data": {...}` or `"from": {"id": "42"}` came through as they were, raised
tracebacks in the handlers, and a string id was stored as TEXT on SQLite. `raw_update_problem`
checks the raw JSON (ids are integers that a BIGINT holds, texts are strings, ...), and
`ids_fit(update)` checks a parsed Update's user and chat ids: the database columns are 64-bit.
"""

from __future__ import annotations

import math
from typing import Any

from telegram import Update

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
MAX_DEPTH = 24

# Keys that hold an integer id or count wherever they appear.
_INTEGER_KEYS = frozenset(
    {"update_id", "message_id", "date", "edit_date", "user_id", "chat_id", "message_thread_id"}
)
# Keys that hold text wherever they appear.
_STRING_KEYS = frozenset(
    {
        "text",
        "caption",
        "data",
        "first_name",
        "last_name",
        "username",
        "language_code",
        "type",
        "status",
        "title",
        "file_id",
        "file_unique_id",
        "chat_instance",
        "inline_message_id",
        "query",
    }
)
_NUMBER_KEYS = frozenset({"latitude", "longitude", "horizontal_accuracy"})
# Objects whose "id" is a string in the Bot API; everywhere else it is an integer.
_STRING_ID_OBJECTS = frozenset(
    {"callback_query", "inline_query", "shipping_query", "pre_checkout_query", "poll"}
)


def _is_int64(value: object) -> bool:
    return type(value) is int and INT64_MIN <= value <= INT64_MAX


def _problem(value: Any, key: str, depth: int) -> str | None:
    if depth > MAX_DEPTH:
        return "nested too deeply"
    if isinstance(value, list):
        for item in value:
            if (problem := _problem(item, key, depth + 1)) is not None:
                return problem
        return None
    if not isinstance(value, dict):
        return None
    for name, item in value.items():
        if name == "id":
            ok = type(item) is str if key in _STRING_ID_OBJECTS else _is_int64(item)
        elif name in _INTEGER_KEYS:
            ok = _is_int64(item)
        elif name in _STRING_KEYS:
            ok = type(item) is str
        elif name in _NUMBER_KEYS:
            ok = type(item) in (int, float) and math.isfinite(item)
        else:
            ok = True
        if not ok:
            return f"{key}.{name} has the wrong type or range"
        if (problem := _problem(item, name, depth + 1)) is not None:
            return problem
    return None


def raw_update_problem(data: object) -> str | None:
    """Why *data* (decoded JSON) is not a well-typed Update, or None. Names keys, never values."""
    if not isinstance(data, dict):
        return "not an object"
    if not _is_int64(data.get("update_id")):
        return "update_id is not an integer"
    return _problem(data, "update", 0)


def ids_fit(update: Update) -> bool:
    """Whether the update's user and chat ids are integers that a 64-bit column holds."""
    user, chat = update.effective_user, update.effective_chat
    return (user is None or _is_int64(user.id)) and (chat is None or _is_int64(chat.id))
