"""The real `limber run` process against a loopback fake Bot API, and the terminal chat."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from pathlib import Path

from tests.support.fake_bot_api import FakeBotApi
from tests.support.http_fake_bot_api import FakeBotApiServer
from tests.support.updates import UpdateFactory

PROJECT = Path(__file__).resolve().parents[2]


async def test_limber_run_polls_answers_and_stops_cleanly(tmp_path: Path) -> None:
    api = FakeBotApi()
    database = tmp_path / "limber.db"
    async with FakeBotApiServer(api) as server:
        environment = {
            **os.environ,
            "BOT_TOKEN": api.token,
            "TELEGRAM_BASE_URL": server.base_url,
            "TELEGRAM_BASE_FILE_URL": server.base_file_url,
            "DATABASE_URL": f"sqlite+aiosqlite:///{database}",
            "LOG_LEVEL": "DEBUG",
            "NUDGE_SWEEP_SECONDS": "1",
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=tmp_path,
            env=environment,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        try:
            # A tap sent while the bot was starting is not dropped (no drop_pending_updates).
            api.push_update(UpdateFactory(api).command("start"))
            await api.wait_for_call("sendMessage", within=60)
            assert "not a specific diagnosis" in (api.last_message(1001).text or "")
            assert next(c["command"] for c in api.commands()) == "session"
        finally:
            process.send_signal(signal.SIGTERM)
            output, _ = await asyncio.wait_for(process.communicate(), timeout=30)
    log = output.decode()
    assert process.returncode == 0, log
    assert api.token not in log, "the token never reaches the logs"
    assert "not a specific diagnosis" not in log, "message text never reaches the logs"
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT id FROM users").fetchall() == [(1001,)]


async def test_without_a_token_run_says_so_and_starts_the_terminal_chat(tmp_path: Path) -> None:
    environment = {key: value for key, value in os.environ.items() if key not in ("BOT_TOKEN",)}
    environment["DATABASE_URL"] = f"sqlite+aiosqlite:///{tmp_path / 'limber.db'}"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=tmp_path,
        env=environment,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    answers = "a\na\na\n4\na\n/quit\n"  # consent, the checklist's two parts, a score, Done
    output, _ = await asyncio.wait_for(process.communicate(answers.encode()), timeout=60)
    transcript = output.decode()
    assert process.returncode == 0, transcript
    assert "BOT_TOKEN is not set" in transcript
    assert "[a] 👍 I understand" in transcript
    assert "How sore is your back right now?" in transcript
    assert "Exercise 1 of 7 · Pelvic tilt" in transcript
    assert "Exercise 2 of 7 · Bridge" in transcript
