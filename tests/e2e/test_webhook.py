"""Webhook mode: the ASGI app in front of the real Application, driven over httpx's ASGI transport.

Requests without the right secret token get 403 and are not processed; bodies that are not an
Update get 400; a real update is processed before the answer (200 means done); /healthz tells a
load balancer whether the database answers. Also the settings that webhook mode needs.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError
from starlette.applications import Starlette
from telegram import Update
from telegram.ext import TypeHandler

from bot.config import Settings, SettingsError, load_settings
from bot.store.database import Database
from bot.telegram.context import LimberContext
from bot.telegram.webhook import SECRET_HEADER, webhook_app
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import Limber, running_limber
from tests.support.progress_helpers import sqlite_rows
from tests.support.updates import UpdateFactory

SECRET = "s3cret-Token_for-the-webhook-0123456789"
PATH = "/telegram"


@asynccontextmanager
async def client_for(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    # An exception escaping the app becomes a 500 answer, as a server would send (not a raise).
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        yield client


RECEIVED = "updates received by the application"


async def _count(update: Update, context: LimberContext) -> None:
    context.bot_data[RECEIVED] = context.bot_data.get(RECEIVED, 0) + 1


@asynccontextmanager
async def webhook(limber: Limber) -> AsyncIterator[httpx.AsyncClient]:
    # Counts every update that reaches the application, queued or processed (before any handler).
    limber.application.add_handler(TypeHandler(Update, _count, block=True), group=-100)
    app = webhook_app(limber.application, limber.database, path=PATH, secret=SECRET)
    async with client_for(app) as client:
        yield client


@pytest.fixture
def bare_url(tmp_path: Path) -> str:
    """A SQLite file with no tables: enough for the tests in which no update is processed."""
    return f"sqlite+aiosqlite:///{tmp_path / 'bare.sqlite3'}"


def start_update(api: FakeBotApi) -> bytes:
    """A /start from Ann, as Telegram would POST it."""
    return json.dumps(UpdateFactory(api).command("start").to_dict()).encode()


def queued(limber: Limber) -> int:
    """Updates handed to the application: queued, or processed already."""
    received: int = limber.application.bot_data.get(RECEIVED, 0)
    return limber.application.update_queue.qsize() + received


# --- the secret token -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({}, id="no header"),
        pytest.param({SECRET_HEADER: ""}, id="empty"),
        pytest.param({SECRET_HEADER: "wrong-secret-token-0123456789"}, id="wrong"),
        pytest.param({SECRET_HEADER: SECRET[:-1]}, id="a prefix"),
        pytest.param({SECRET_HEADER: SECRET + "x"}, id="one character more"),
        pytest.param({SECRET_HEADER: SECRET.upper()}, id="other case"),
        pytest.param({"X-Telegram-Bot-Api-Secret": SECRET}, id="another header"),
    ],
)
async def test_without_the_right_secret_token_a_request_gets_403_and_is_not_processed(
    api: FakeBotApi, bare_url: str, headers: dict[str, str]
) -> None:
    async with running_limber(api, bare_url) as limber, webhook(limber) as client:
        response = await client.post(PATH, content=start_update(api), headers=headers)
        assert response.status_code == 403
        assert queued(limber) == 0
        assert api.calls("sendMessage") == []


async def test_the_secret_is_checked_before_the_body_is_read(
    api: FakeBotApi, bare_url: str
) -> None:
    async with running_limber(api, bare_url) as limber, webhook(limber) as client:
        response = await client.post(PATH, content=b"not json at all")
        assert response.status_code == 403
        oversized = await client.post(PATH, content=b"x" * (2 << 20))
        assert oversized.status_code == 403
        assert queued(limber) == 0


# --- the body -------------------------------------------------------------------------------

DEEPLY_NESTED = b"[" * 200_000 + b"]" * 200_000
FAR_FUTURE_DATE = {
    "update_id": 7,
    "message": {
        "message_id": 1,
        "date": 10**20,
        "chat": {"id": 1001, "type": "private"},
        "text": "hi",
    },
}


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"not json", id="not JSON"),
        pytest.param(b"\xff\xfe\x00", id="not UTF-8"),
        pytest.param(b"[1, 2]", id="a JSON list"),
        pytest.param(b"null", id="null"),
        pytest.param(b'"update"', id="a string"),
        pytest.param(b"{}", id="empty object"),
        pytest.param(b'{"update_id": "x"}', id="update_id a string"),
        pytest.param(b'{"update_id": 1.5}', id="update_id a float"),
        pytest.param(b'{"update_id": null}', id="update_id null"),
        pytest.param(b'{"update_id": true}', id="update_id a boolean"),
        pytest.param(b'{"update_id": 1, "message": "hello"}', id="message a string"),
        pytest.param(b'{"update_id": 1, "message": []}', id="message a list"),
        pytest.param(b'{"update_id": 1, "message": {"chat": 5}}', id="message without fields"),
        pytest.param(b'{"update_id": 1, "callback_query": {"id": "1"}}', id="half a query"),
        pytest.param(json.dumps(FAR_FUTURE_DATE).encode(), id="date out of range"),
        pytest.param(DEEPLY_NESTED, id="deeply nested JSON"),
    ],
)
async def test_a_body_that_is_not_an_update_gets_400_and_nothing_is_queued(
    api: FakeBotApi, bare_url: str, body: bytes
) -> None:
    async with running_limber(api, bare_url) as limber, webhook(limber) as client:
        response = await client.post(PATH, content=body, headers={SECRET_HEADER: SECRET})
        assert response.status_code == 400
        assert queued(limber) == 0


async def test_an_oversized_body_gets_413(api: FakeBotApi, bare_url: str) -> None:
    async with running_limber(api, bare_url) as limber, webhook(limber) as client:
        body = json.dumps({"update_id": 1, "padding": "x" * (1 << 20)}).encode()
        response = await client.post(PATH, content=body, headers={SECRET_HEADER: SECRET})
        assert response.status_code == 413
        assert queued(limber) == 0


async def test_only_post_on_the_path_and_get_on_healthz(api: FakeBotApi, bare_url: str) -> None:
    async with running_limber(api, bare_url) as limber, webhook(limber) as client:
        assert (await client.get(PATH, headers={SECRET_HEADER: SECRET})).status_code == 405
        assert (await client.post("/healthz")).status_code == 405
        assert (await client.post("/elsewhere", headers={SECRET_HEADER: SECRET})).status_code == 404
        assert queued(limber) == 0


# --- a real update --------------------------------------------------------------------------


async def test_a_real_update_with_the_right_secret_is_processed_before_the_answer(
    api: FakeBotApi, sqlite_url: str
) -> None:
    """200 means done: the user is stored and the welcome sent when Telegram gets its answer."""
    async with running_limber(api, sqlite_url) as limber, webhook(limber) as client:
        body = start_update(api)
        response = await client.post(PATH, content=body, headers={SECRET_HEADER: SECRET})
        assert response.status_code == 200
        assert queued(limber) == 1
        assert limber.application.update_queue.qsize() == 0
        assert sqlite_rows(sqlite_url, "SELECT id FROM users") == [(1001,)]
        [welcome] = api.calls("sendMessage")
        assert "not a specific diagnosis" in welcome.params["text"]
        assert not limber.errors


async def test_a_start_through_the_webhook_gets_the_welcome_and_refused_ones_get_nothing(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url, start=True) as limber, webhook(limber) as client:
        refused = await client.post(PATH, content=start_update(api))
        assert refused.status_code == 403
        wrong = {SECRET_HEADER: "not-the-secret-0123456789"}
        assert (
            await client.post(PATH, content=start_update(api), headers=wrong)
        ).status_code == 403

        accepted = await client.post(
            PATH, content=start_update(api), headers={SECRET_HEADER: SECRET}
        )
        assert accepted.status_code == 200
        welcome = await api.wait_for_call("sendMessage")
        assert "not a specific diagnosis" in welcome.params["text"]
        assert welcome.params["chat_id"] == 1001
        await asyncio.sleep(0.2)  # a refused update, had it been queued, would be answered by now
        assert len(api.calls("sendMessage")) == 1
        assert not limber.errors
    assert sqlite_rows(sqlite_url, "SELECT id FROM users") == [(1001,)]


# --- /healthz -------------------------------------------------------------------------------


async def test_healthz_is_200_when_the_database_answers(api: FakeBotApi, sqlite_url: str) -> None:
    async with running_limber(api, sqlite_url) as limber, webhook(limber) as client:
        response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok"}


async def threads_finished(threads: set[threading.Thread]) -> None:
    """aiosqlite stops the thread of a connection that failed to open without waiting for it;
    let it finish while this test's event loop still runs (it reports back to that loop)."""
    for thread in threads:
        if "_connection_worker_thread" not in thread.name:
            continue
        await asyncio.to_thread(thread.join, 5)
        assert not thread.is_alive(), thread


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.mark.parametrize("where", ["sqlite in a missing directory", "postgresql on a closed port"])
async def test_healthz_is_503_when_the_database_does_not_answer(
    api: FakeBotApi, bare_url: str, tmp_path: Path, where: str
) -> None:
    if where.startswith("sqlite"):
        url = f"sqlite+aiosqlite:///{tmp_path / 'missing' / 'limber.db'}"
    else:
        url = f"postgresql+asyncpg://limber:limber@127.0.0.1:{closed_port()}/limber"
    unreachable = Database(url)
    threads_before = set(threading.enumerate())
    try:
        async with running_limber(api, bare_url) as limber:
            app = webhook_app(limber.application, unreachable, path=PATH, secret=SECRET)
            async with client_for(app) as client:
                response = await asyncio.wait_for(client.get("/healthz"), timeout=10)
    finally:
        await unreachable.dispose()
        await threads_finished(set(threading.enumerate()) - threads_before)
    assert response.status_code == 503
    assert response.json() == {"database": "unreachable"}


# --- settings -------------------------------------------------------------------------------


def settings(**values: object) -> Settings:
    return Settings(_env_file=None, bot_token="1:x", **values)  # type: ignore[arg-type]


def test_polling_is_the_default() -> None:
    assert settings().webhook_url is None


def test_webhook_settings_with_a_good_secret() -> None:
    configured = settings(
        webhook_url="https://limber.example.org", webhook_secret=SECRET, webhook_port=8443
    )
    assert configured.webhook_secret is not None
    assert configured.webhook_secret.get_secret_value() == SECRET
    assert SECRET not in repr(configured)
    assert configured.webhook_path == "/telegram"
    assert configured.webhook_listen == "127.0.0.1"
    assert configured.webhook_port == 8443


@pytest.mark.parametrize(
    "secret",
    [
        pytest.param(None, id="missing"),
        pytest.param("", id="empty"),
        pytest.param("short-secret", id="too short"),
        pytest.param("x" * 257, id="too long"),
        pytest.param("has spaces in the secret token", id="spaces"),
        pytest.param("semicolons;are;not;allowed;here", id="other characters"),
    ],
)
def test_webhook_mode_needs_a_good_webhook_secret(secret: str | None) -> None:
    with pytest.raises(ValidationError, match="WEBHOOK_SECRET"):
        settings(webhook_url="https://limber.example.org", webhook_secret=secret)


@pytest.mark.parametrize(
    "url", ["http://limber.example.org", "limber.example.org", "ftp://limber.example.org"]
)
def test_the_webhook_url_must_be_https(url: str) -> None:
    with pytest.raises(ValidationError, match="https://"):
        settings(webhook_url=url, webhook_secret=SECRET)


@pytest.mark.parametrize(
    "values",
    [
        pytest.param({"webhook_port": 0}, id="port 0"),
        pytest.param({"webhook_port": 70000}, id="port too high"),
        pytest.param({"webhook_path": "telegram"}, id="path without a slash"),
        pytest.param({"webhook_path": "/tele gram"}, id="path with a space"),
    ],
)
def test_webhook_listen_settings_are_checked(values: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        settings(webhook_url="https://limber.example.org", webhook_secret=SECRET, **values)


def test_load_settings_names_webhook_secret_in_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # no `.env` here
    monkeypatch.delenv("WEBHOOK_SECRET", raising=False)
    monkeypatch.setenv("WEBHOOK_URL", "https://limber.example.org")
    with pytest.raises(SettingsError) as error:
        load_settings()
    [line] = str(error.value).splitlines()
    assert "WEBHOOK_SECRET" in line
