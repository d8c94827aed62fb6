"""The webhook against abuse: type-confused updates, huge bodies, slow clients, forged ids.

Telegram's own updates are well typed; anyone who learns the webhook's address can POST anything,
but the secret token stops them (403). These tests play someone who has the secret, or a broken
proxy: nothing may raise a traceback, store a non-integer id, or hold memory or connections.
"""

from __future__ import annotations

import asyncio
import copy
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from telegram import Update

from bot.telegram.webhook import (
    MAX_BODY_BYTES,
    SECRET_HEADER,
    server_config,
    webhook_app,
)
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import Limber, running_limber
from tests.support.progress_helpers import sqlite_rows
from tests.support.updates import UpdateFactory

SECRET = "s3cret-Token_for-the-webhook-0123456789"
PATH = "/telegram"
HEADERS = {SECRET_HEADER: SECRET}


def app_for(limber: Limber) -> Starlette:
    return webhook_app(limber.application, limber.database, path=PATH, secret=SECRET)


@asynccontextmanager
async def client(limber: Limber) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app_for(limber), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
        yield http


# --- type-confused updates ------------------------------------------------------------------


def _message(api: FakeBotApi) -> dict[str, Any]:
    data: dict[str, Any] = UpdateFactory(api).command("start").to_dict()
    return data


def _tap(api: FakeBotApi) -> dict[str, Any]:
    bot_message = {
        "message_id": 1,
        "date": 1_767_340_800,
        "chat": {"id": 1001, "type": "private", "first_name": "Ann"},
        "text": "…",
    }
    data: dict[str, Any] = UpdateFactory(api).callback("o1:consent", message=bot_message).to_dict()
    return data


def _set(data: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    *parents, last = path.split(".")
    target = changed
    for key in parents:
        target = target[key]
    target[last] = value
    return changed


CONFUSED = [
    pytest.param(_message, "message.text", 12345, id="text a number"),
    pytest.param(_message, "message.text", {"a": 1}, id="text an object"),
    pytest.param(_message, "message.from.id", "1001", id="from.id a string"),
    pytest.param(_message, "message.from.id", 2**63, id="from.id beyond BIGINT"),
    pytest.param(_message, "message.from.id", 1001.0, id="from.id a float"),
    pytest.param(_message, "message.from.id", True, id="from.id a boolean"),
    pytest.param(_message, "message.chat.id", "1001", id="chat.id a string"),
    pytest.param(_message, "message.chat.id", -(2**63) - 1, id="chat.id below BIGINT"),
    pytest.param(_message, "message.message_id", "7", id="message_id a string"),
    pytest.param(_tap, "callback_query.data", {"verb": "done"}, id="callback data an object"),
    pytest.param(_tap, "callback_query.data", 17, id="callback data a number"),
    pytest.param(_tap, "callback_query.from.id", "1001", id="tapper id a string"),
    pytest.param(_tap, "callback_query.from.id", 2**64, id="tapper id beyond BIGINT"),
    pytest.param(_tap, "callback_query.id", 5, id="query id a number"),
]


@pytest.mark.parametrize(("make", "path", "value"), CONFUSED)
async def test_a_type_confused_update_gets_400_and_nothing_is_stored(
    api: FakeBotApi, sqlite_url: str, make: Any, path: str, value: object
) -> None:
    async with running_limber(api, sqlite_url) as limber, client(limber) as http:
        body = json.dumps(_set(make(api), path, value)).encode()
        response = await http.post(PATH, content=body, headers=HEADERS)
        assert response.status_code == 400
        assert not limber.errors
        assert api.calls("sendMessage") == []
    assert sqlite_rows(sqlite_url, "SELECT id, typeof(id) FROM users") == []


async def test_the_well_typed_originals_are_accepted(api: FakeBotApi, sqlite_url: str) -> None:
    """The same bodies unchanged are processed (so the 400s above are about the change)."""
    async with running_limber(api, sqlite_url) as limber, client(limber) as http:
        for make in (_message, _tap):
            response = await http.post(PATH, content=json.dumps(make(api)), headers=HEADERS)
            assert response.status_code == 200
        assert not limber.errors
    assert sqlite_rows(sqlite_url, "SELECT id, typeof(id) FROM users") == [(1001, "integer")]


@pytest.mark.parametrize("user_id", [2**63, 2**63 + 5, -(2**63) - 1])
async def test_an_update_with_an_id_beyond_bigint_never_reaches_the_database(
    api: FakeBotApi, sqlite_url: str, user_id: int
) -> None:
    """Whatever way it comes in (here: straight to the Application, as polling does)."""
    async with running_limber(api, sqlite_url) as limber:
        data = _set(_message(api), "message.from.id", user_id)
        await limber.application.process_update(Update.de_json(data, limber.application.bot))
        assert not limber.errors
    assert sqlite_rows(sqlite_url, "SELECT count(*) FROM users") == [(0,)]


# --- the body limit, while streaming --------------------------------------------------------


class Sender:
    """An ASGI receive() that offers *total* bytes in 64 KiB chunks and counts what was taken."""

    CHUNK = 64 * 1024

    def __init__(self, total: int) -> None:
        self.left = total
        self.taken = 0

    async def receive(self) -> dict[str, Any]:
        size = min(self.CHUNK, self.left)
        self.left -= size
        self.taken += size
        return {"type": "http.request", "body": b"x" * size, "more_body": self.left > 0}


async def call(app: Starlette, headers: list[tuple[bytes, bytes]], sender: Sender) -> int:
    statuses: list[int] = []

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": PATH,
        "raw_path": PATH.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(SECRET_HEADER.lower().encode(), SECRET.encode()), *headers],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    await app(scope, sender.receive, send)  # type: ignore[arg-type]
    [status] = statuses
    return status


TOTAL = 200 << 20  # 200 MiB


async def test_a_200_mib_body_without_content_length_is_refused_after_1_mib_read(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        sender = Sender(TOTAL)
        status = await call(app_for(limber), [(b"transfer-encoding", b"chunked")], sender)
    assert status == 413
    assert sender.taken <= MAX_BODY_BYTES + Sender.CHUNK, f"read {sender.taken} bytes"


async def test_a_declared_200_mib_body_is_refused_before_reading_any_of_it(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        sender = Sender(TOTAL)
        status = await call(app_for(limber), [(b"content-length", str(TOTAL).encode())], sender)
    assert status == 413
    assert sender.taken == 0


# --- slow clients on a real server ----------------------------------------------------------


@asynccontextmanager
async def serving(app: Starlette, *, header_timeout: float) -> AsyncIterator[int]:
    config = server_config(app, host="127.0.0.1", port=0, header_timeout=header_timeout)
    server = uvicorn.Server(config)
    task = asyncio.ensure_future(server.serve())
    for _ in range(1000):  # until it listens (10 s at most)
        if server.started:
            break
        await asyncio.sleep(0.01)
    [listening] = server.servers
    port: int = listening.sockets[0].getsockname()[1]
    try:
        yield port
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 10)


async def test_a_slow_loris_client_is_dropped_and_a_normal_one_served_meanwhile(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with (
        running_limber(api, sqlite_url) as limber,
        serving(app_for(limber), header_timeout=1.0) as port,
    ):
        lorises = [await asyncio.open_connection("127.0.0.1", port) for _ in range(20)]
        started = time.monotonic()
        for _reader, writer in lorises:
            writer.write(b"POST /telegram HTTP/1.1\r\nHost: x\r\n")
            await writer.drain()
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
            health = await http.get("/healthz")
            assert health.status_code == 200
            dripping = True
            while dripping and time.monotonic() - started < 10:
                await asyncio.sleep(0.3)
                dripping = False
                for reader, writer in lorises:
                    if not reader.at_eof():
                        dripping = True
                        try:
                            writer.write(b"X-Slow: 1\r\n")
                            await writer.drain()
                        except ConnectionError:
                            pass
                        await asyncio.sleep(0)
            dropped_after = time.monotonic() - started
            assert (await http.get("/healthz")).status_code == 200
        for reader, writer in lorises:
            try:
                rest = await asyncio.wait_for(reader.read(), 1)
            except ConnectionResetError:
                rest = b""  # dropped with a reset instead of a close: dropped all the same
            assert rest == b""
            writer.close()
    assert dropped_after < 5, f"slow clients were held for {dropped_after:.1f} s"
