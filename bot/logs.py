"""Logging set-up. Logs carry ids and event names, never message text, soreness or secrets.

python-telegram-bot's HTTP client (httpx) logs every request URL, and Bot API URLs contain the
bot token: those loggers are kept at WARNING, and a filter masks any secret that slips through.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable

NOISY_LOGGERS = (
    "httpx",
    "httpcore",
    "apscheduler",
    "aiosqlite",
    "asyncio",
    "alembic",
    "matplotlib",
)
# python-telegram-bot logs every Bot API call with its parameters (message text) at DEBUG, and its
# base URL (with the token): never below INFO, whatever LOG_LEVEL says.
NEVER_DEBUG = ("telegram", "uvicorn")


class RedactSecrets(logging.Filter):
    """Replace each secret in a record's rendered message with a mask."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = tuple(secret for secret in secrets if secret)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, "[secret]")
            record.msg, record.args = message, None
        return True


class RedactingFormatter(logging.Formatter):
    """Formats with *inner*, then masks each secret in the whole line, traceback included."""

    def __init__(self, inner: logging.Formatter, secrets: Iterable[str]) -> None:
        super().__init__()
        self.inner = inner
        self.secrets = tuple(secret for secret in secrets if secret)

    def format(self, record: logging.LogRecord) -> str:
        text = self.inner.format(record)
        for secret in self.secrets:
            text = text.replace(secret, "[secret]")
        return text


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "at": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(level: str, *, json_format: bool, secrets: Iterable[str] = ()) -> None:
    secrets = tuple(secrets)
    handler = logging.StreamHandler()
    handler.addFilter(RedactSecrets(secrets))
    inner = (
        JsonFormatter()
        if json_format
        else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    handler.setFormatter(RedactingFormatter(inner, secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
    for name in NEVER_DEBUG:
        logging.getLogger(name).setLevel(max(logging.INFO, root.level))
