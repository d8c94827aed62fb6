"""Operations: `limber run` waits for Telegram and the database at start-up, one line per try;
`limber migrate` says what it applied; `limber --version`."""

from __future__ import annotations

import asyncio
import os
import socket
import sqlite3
import sys
from pathlib import Path

from tests.support.fake_bot_api import FakeBotApi
from tests.support.http_fake_bot_api import FakeBotApiServer
from tests.support.updates import UpdateFactory


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def environment(tmp_path: Path, **values: str) -> dict[str, str]:
    keep = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("BOT_", "WEBHOOK_", "TELEGRAM_", "DATABASE_", "STARTUP_"))
    }
    return {
        **keep,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'limber.db'}",
        "STARTUP_ATTEMPTS": "3",
        "STARTUP_RETRY_SECONDS": "0.2",
        **values,
    }


async def limber(tmp_path: Path, env: dict[str, str], *args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )


async def output_of(tmp_path: Path, env: dict[str, str], *args: str) -> tuple[int, str]:
    process = await limber(tmp_path, env, *args)
    output, _ = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode is not None
    return process.returncode, output.decode()


async def test_run_without_telegram_retries_with_one_line_per_attempt_then_gives_up(
    tmp_path: Path,
) -> None:
    api = FakeBotApi()
    port = closed_port()
    env = environment(
        tmp_path,
        BOT_TOKEN=api.token,
        TELEGRAM_BASE_URL=f"http://127.0.0.1:{port}/bot",
        TELEGRAM_BASE_FILE_URL=f"http://127.0.0.1:{port}/file/bot",
    )
    code, output = await output_of(tmp_path, env, "run")
    assert code == 1, output
    assert "Traceback" not in output
    attempts = [line for line in output.splitlines() if "start-up attempt" in line]
    assert len(attempts) == 3, output
    assert all("Telegram is unreachable" in line for line in attempts), output
    assert len(output.splitlines()) <= 6, output
    assert api.token not in output


async def test_run_without_the_database_retries_with_one_line_per_attempt(tmp_path: Path) -> None:
    api = FakeBotApi()
    async with FakeBotApiServer(api) as server:
        env = environment(
            tmp_path,
            BOT_TOKEN=api.token,
            TELEGRAM_BASE_URL=server.base_url,
            TELEGRAM_BASE_FILE_URL=server.base_file_url,
            DATABASE_URL=f"postgresql+asyncpg://limber:pw@127.0.0.1:{closed_port()}/limber",
        )
        code, output = await output_of(tmp_path, env, "run")
    assert code == 1, output
    assert "Traceback" not in output
    attempts = [line for line in output.splitlines() if "start-up attempt" in line]
    assert len(attempts) == 3, output
    assert all("the database is unreachable" in line for line in attempts), output
    assert "Connection refused" in attempts[0] or "Errno" in attempts[0], output
    assert "pw@" not in output


async def test_run_starts_once_telegram_comes_up(tmp_path: Path) -> None:
    api = FakeBotApi()
    port = closed_port()
    env = environment(
        tmp_path,
        BOT_TOKEN=api.token,
        TELEGRAM_BASE_URL=f"http://127.0.0.1:{port}/bot",
        TELEGRAM_BASE_FILE_URL=f"http://127.0.0.1:{port}/file/bot",
        STARTUP_ATTEMPTS="20",
    )
    process = await limber(tmp_path, env, "run")
    assert process.stdout is not None
    first = b""
    try:
        while b"start-up attempt 2/20" not in first:  # two attempts fail first
            line = await asyncio.wait_for(process.stdout.readline(), 60)
            assert line, first.decode()
            first += line
        async with FakeBotApiServer(api, port=port):
            api.push_update(UpdateFactory(api).command("start"))
            await api.wait_for_call("sendMessage", within=60)
            process.terminate()
            output, _ = await asyncio.wait_for(process.communicate(), timeout=30)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    text = (first + output).decode()
    assert "start-up attempt 1/20: Telegram is unreachable" in text, text
    assert "Traceback" not in text
    with sqlite3.connect(tmp_path / "limber.db") as connection:
        assert connection.execute("SELECT id FROM users").fetchall() == [(1001,)]


async def test_migrate_on_a_new_database_says_what_it_applied(tmp_path: Path) -> None:
    env = environment(tmp_path)
    code, first = await output_of(tmp_path, env, "migrate")
    assert code == 0, first
    assert "Applied 5 migrations" in first, first
    for revision in ("0001", "0002", "0003", "0004", "0007"):
        assert revision in first
    code, second = await output_of(tmp_path, env, "migrate")
    assert code == 0, second
    assert "The database is up to date (0007)." in second, second
    assert "Applied" not in second


async def test_version(tmp_path: Path) -> None:
    code, output = await output_of(tmp_path, environment(tmp_path), "--version")
    assert code == 0
    assert output.strip() == "limber 0.1.0"
