"""kill -9 of a webhook process loses no update: 200 is answered only once an update is stored.

Telegram resends an update until it gets a 200 for it. The webhook used to answer 200 as soon as
the update was queued, so a crash lost every update accepted but not yet handled (40 accepted,
21 stored, 19 lost in one run). Here the real `limber run` process serves the webhook on loopback,
with a slow fake Bot API so that updates are in flight when it is killed; then a new process
gets the resends, as Telegram would send them.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sqlite3
import sys
from pathlib import Path

import httpx

from bot.telegram.webhook import SECRET_HEADER
from tests.support.fake_bot_api import FakeBotApi
from tests.support.http_fake_bot_api import FakeBotApiServer
from tests.support.updates import FakeUser, UpdateFactory

SECRET = "kill-nine-secret-0123456789"
USERS = 40


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


async def start_limber(environment: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=cwd,
        env=environment,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )


async def until_serving(http: httpx.AsyncClient) -> None:
    for _ in range(600):
        try:
            if (await http.get("/healthz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)
    raise AssertionError("the webhook did not come up in 60 s")


def stored_users(database: Path) -> set[int]:
    with sqlite3.connect(database) as connection:
        return {row[0] for row in connection.execute("SELECT id FROM users")}


async def test_kill_9_mid_flight_loses_no_update_that_got_200(tmp_path: Path) -> None:
    api = FakeBotApi(latency=0.3)  # every Bot API answer takes 0.3 s: updates stay in flight
    database = tmp_path / "limber.db"
    port = free_port()
    bodies = {
        user_id: json.dumps(
            UpdateFactory(api, user=FakeUser(id=user_id)).command("start").to_dict()
        ).encode()
        for user_id in range(5001, 5001 + USERS)
    }
    async with FakeBotApiServer(api) as server:
        environment = {
            **os.environ,
            "BOT_TOKEN": api.token,
            "TELEGRAM_BASE_URL": server.base_url,
            "TELEGRAM_BASE_FILE_URL": server.base_file_url,
            "DATABASE_URL": f"sqlite+aiosqlite:///{database}",
            "WEBHOOK_URL": "https://limber.example.org",
            "WEBHOOK_SECRET": SECRET,
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": str(port),
            "NUDGE_SWEEP_SECONDS": "3600",
        }
        limits = httpx.Limits(max_connections=USERS)
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=60
        ) as http:
            process = await start_limber(environment, tmp_path)
            try:
                await until_serving(http)
                acknowledged: set[int] = set()

                async def post(user_id: int) -> None:
                    response = await http.post(
                        "/telegram", content=bodies[user_id], headers={SECRET_HEADER: SECRET}
                    )
                    if response.status_code == 200:
                        acknowledged.add(user_id)

                posts = [asyncio.ensure_future(post(user_id)) for user_id in bodies]
                while len(acknowledged) < 5:
                    await asyncio.wait(posts, return_when=asyncio.FIRST_COMPLETED, timeout=0.05)
                process.send_signal(signal.SIGKILL)  # kill -9, mid-flight
                await process.wait()
                await asyncio.gather(*posts, return_exceptions=True)
            finally:
                if process.returncode is None:
                    process.kill()
                    await process.wait()
            stored = stored_users(database)
            assert acknowledged <= stored, f"lost: {sorted(acknowledged - stored)}"
            assert len(acknowledged) < USERS, "the kill came after every update was done"

            # Telegram resends what got no 200, to the restarted process: in the end, all stored.
            process = await start_limber(environment, tmp_path)
            try:
                await until_serving(http)
                unanswered = [user_id for user_id in bodies if user_id not in acknowledged]
                await asyncio.gather(*(post(user_id) for user_id in unanswered))
            finally:
                process.send_signal(signal.SIGTERM)
                await asyncio.wait_for(process.wait(), 30)
    assert acknowledged == set(bodies)
    assert stored_users(database) == set(bodies), "0 updates lost"
