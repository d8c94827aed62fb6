"""A cheap connection flood costs the webhook no slot a real update needs.

400 sockets send half a request head and reconnect whenever they are dropped (no secret needed,
nothing to compute: the cheapest attack there is). Meanwhile Telegram's updates and the load
balancer's /healthz must keep getting 200: half-open connections have a budget of their own
and never count against the updates being served (uvicorn's `limit_concurrency` counted them).
Loopback only; bounded in sockets (400) and in time (a few seconds).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import uvicorn
from starlette.applications import Starlette

from bot.telegram.webhook import SECRET_HEADER, server_config, webhook_app
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.updates import UpdateFactory

SECRET = "s3cret-Token_for-the-webhook-0123456789"
PATH = "/telegram"
FLOOD_SOCKETS = 400
FLOOD_SECONDS = 3.0
HEADER_TIMEOUT = 1.0
PARTIAL_HEAD = b"POST /telegram HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n"


@asynccontextmanager
async def serving(
    app: Starlette, *, header_timeout: float = HEADER_TIMEOUT, **limits: int
) -> AsyncIterator[int]:
    """The webhook's own server settings on a free loopback port, with a 1 s header time-out
    (instead of 5 s) so that the flood is dropped and reconnects within the test."""
    config = server_config(app, host="127.0.0.1", port=0, header_timeout=header_timeout, **limits)
    server = uvicorn.Server(config)
    task = asyncio.ensure_future(server.serve())
    for _ in range(1000):
        if server.started:
            break
        await asyncio.sleep(0.01)
    [listening] = server.servers
    port: int = listening.sockets[0].getsockname()[1]
    try:
        yield port
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 15)


class Flood:
    """FLOOD_SOCKETS connections that each send a partial head and reconnect when dropped."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connects = 0
        self.all_connected = asyncio.Event()
        self.stopping = asyncio.Event()

    async def one_socket(self) -> None:
        while not self.stopping.is_set():
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
            except OSError:
                await asyncio.sleep(0.01)
                continue
            self.connects += 1
            if self.connects >= FLOOD_SOCKETS:
                self.all_connected.set()
            try:
                writer.write(PARTIAL_HEAD)
                await writer.drain()
                stop = asyncio.ensure_future(self.stopping.wait())
                dropped = asyncio.ensure_future(reader.read())
                await asyncio.wait({stop, dropped}, return_when=asyncio.FIRST_COMPLETED)
                stop.cancel()
                dropped.cancel()
            except OSError:
                pass
            finally:
                writer.close()
            await asyncio.sleep(0.02)  # then reconnect (the test's own loop serves, too)

    @asynccontextmanager
    async def running(self) -> AsyncIterator[Flood]:
        tasks = [asyncio.ensure_future(self.one_socket()) for _ in range(FLOOD_SOCKETS)]
        try:
            yield self
        finally:
            self.stopping.set()
            await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 15)


async def test_a_flood_of_half_open_connections_leaves_updates_and_healthz_answered(
    api: FakeBotApi, sqlite_url: str
) -> None:
    updates = UpdateFactory(api)
    async with running_limber(api, sqlite_url) as limber:
        app = webhook_app(limber.application, limber.database, path=PATH, secret=SECRET)
        async with serving(app) as port, Flood(port).running() as flood:
            await asyncio.wait_for(flood.all_connected.wait(), 15)
            statuses: list[tuple[str, int]] = []
            started = time.monotonic()
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
                while time.monotonic() - started < FLOOD_SECONDS:
                    health = await http.get("/healthz")
                    statuses.append(("healthz", health.status_code))
                    update = updates.command("start").to_dict()
                    posted = await http.post(PATH, json=update, headers={SECRET_HEADER: SECRET})
                    statuses.append(("update", posted.status_code))
                    await asyncio.sleep(0.05)
            reconnects = flood.connects
    assert len(statuses) >= 6
    assert [entry for entry in statuses if entry[1] != 200] == []
    assert not limber.errors
    assert reconnects > FLOOD_SOCKETS, "the flood was never dropped: it held its sockets"
    print(f"{len(statuses)} requests, all 200, while the flood connected {reconnects} times")


async def test_past_the_budget_the_oldest_half_open_connections_are_closed_first(
    api: FakeBotApi, sqlite_url: str
) -> None:
    """With a budget of 10 waiting connections, 30 half-open sockets and a real client: the
    oldest are closed at once (long before the 30 s head time-out), the newest stay, and the
    real request is served."""
    async with running_limber(api, sqlite_url) as limber:
        app = webhook_app(limber.application, limber.database, path=PATH, secret=SECRET)
        async with serving(app, header_timeout=30, waiting_connections=10) as port:
            sockets = []
            for _ in range(30):
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.write(PARTIAL_HEAD)
                await writer.drain()
                sockets.append((reader, writer))
                await asyncio.sleep(0.01)  # in order: the first ones are the oldest
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
                assert (await http.get("/healthz")).status_code == 200
            closed = []
            for reader, writer in sockets:
                try:
                    data = await asyncio.wait_for(reader.read(), 0.5)
                    closed.append(data == b"")
                except TimeoutError:
                    closed.append(False)
                except ConnectionResetError:
                    closed.append(True)
                writer.close()
    # The /healthz client's connection waited too, for a moment: it closed one more of the oldest.
    assert closed[:21] == [True] * 21
    assert closed[21:] == [False] * 9
