"""Logging set-up. Logs carry ids and event names, never message text, soreness or secrets.

python-telegram-bot's HTTP client (httpx) logs every request URL, and Bot API URLs contain the
bot token: those loggers are kept at WARNING, and a filter masks any secret that slips through.

Error text is never logged: asyncpg quotes query arguments in its messages (and SQLAlchemy repeats
them despite `hide_parameters`), a Bot API error description can quote the refused message. An
exception passed as a log argument is replaced by `describe_error` (its type and safe codes), and
tracebacks list frames and exception types only (`safe_traceback`), never messages or locals.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Iterable
from types import TracebackType

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

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


def _type_name(error: BaseException) -> str:
    kind = type(error)
    return (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )


def describe_error(error: BaseException) -> str:
    """The error's type and what is safe to log about it (SQLSTATE, errno, SQLite error name,
    retry_after), never its message: that can quote parameter values or message text."""
    details: list[str] = []
    original = getattr(error, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's error
    if isinstance(original, BaseException):
        details.append(f"from {_type_name(original)}")
    for source in (error, original):
        for attribute in ("sqlstate", "pgcode", "sqlite_errorname", "retry_after"):
            value = getattr(source, attribute, None)
            if isinstance(value, (str, int, float)) and f"{attribute}={value}" not in details:
                details.append(f"{attribute}={value}")
    if isinstance(error, OSError) and error.errno is not None:
        details.append(f"[Errno {error.errno}] {error.strerror}")
    return _type_name(error) + (": " + " ".join(details) if details else "")


def safe_traceback(exc_info: ExcInfo) -> str:
    """The traceback's frames (file, line, function, source line) and each exception's
    `describe_error`, following causes and contexts as Python prints them; no messages."""
    blocks: list[str] = []
    error: BaseException | None = exc_info[1]
    seen: set[int] = set()
    link = ""
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        frames = "".join(traceback.format_list(traceback.extract_tb(error.__traceback__)))
        blocks.append(f"Traceback (most recent call last):\n{frames}{describe_error(error)}{link}")
        if error.__cause__ is not None:
            error, link = error.__cause__, "\n\nThe above exception was the direct cause of:"
        elif error.__context__ is not None and not error.__suppress_context__:
            error, link = error.__context__, "\n\nDuring handling of the above exception:"
        else:
            error = None
    return "\n\n".join(reversed(blocks)).replace("\n\n\n", "\n\n")


class RedactErrors(logging.Filter):
    """An exception given as a log argument is logged as `describe_error`, not its text."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and any(isinstance(a, BaseException) for a in args):
            record.args = tuple(
                describe_error(a) if isinstance(a, BaseException) else a for a in args
            )
        elif isinstance(args, dict) and any(isinstance(a, BaseException) for a in args.values()):
            record.args = {
                k: describe_error(a) if isinstance(a, BaseException) else a for k, a in args.items()
            }
        return True


class SafeTracebackFormatter(logging.Formatter):
    """A Formatter whose tracebacks carry no error text (`safe_traceback`)."""

    def formatException(self, ei: object) -> str:  # noqa: N802 (logging's name)
        if isinstance(ei, tuple) and len(ei) == 3 and isinstance(ei[1], BaseException):
            return safe_traceback(ei)
        return ""


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


class JsonFormatter(SafeTracebackFormatter):
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
    handler.addFilter(RedactErrors())
    handler.addFilter(RedactSecrets(secrets))
    inner = (
        JsonFormatter()
        if json_format
        else SafeTracebackFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    handler.setFormatter(RedactingFormatter(inner, secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
    for name in NEVER_DEBUG:
        logging.getLogger(name).setLevel(max(logging.INFO, root.level))
