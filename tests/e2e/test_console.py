"""The terminal chat, as a transcript: same coach, same database, letters for buttons."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

from bot.bootstrap import bootstrap
from bot.console import ConsoleChat
from bot.routine.content import load_content
from bot.store.database import Database
from tests.support.driver import settings_for_test
from tests.support.media import FakeMediaLibrary

WAIT_FOR_TIMER = "<the set timer ends>"


class Script:
    """Feeds typed lines to the chat and keeps everything it prints."""

    def __init__(self, *lines: str) -> None:
        self.lines: Iterator[str] = iter(lines)
        self.printed: list[str] = []
        self.chat: ConsoleChat | None = None

    async def read_line(self, prompt: str) -> str | None:
        line = next(self.lines, None)
        if line == WAIT_FOR_TIMER:
            assert self.chat is not None
            assert self.chat.timer is not None
            await self.chat.timer
            line = next(self.lines, None)
        if line is not None:
            self.printed.append(f"{prompt}{line}")
        return line

    def write(self, text: str) -> None:
        self.printed.append(text)

    @property
    def transcript(self) -> str:
        return "\n".join(self.printed)


async def no_wait(_seconds: float) -> None:
    return None


async def test_a_whole_routine_in_the_terminal(sqlite_url: str, tmp_path: Path) -> None:
    database = Database(sqlite_url)
    coach = bootstrap(
        settings_for_test(sqlite_url), content=load_content(), database=database
    ).coach
    script = Script(
        "a",  # I understand
        "a",  # None of these: the emergency signs
        "a",  # None of these: the see-a-doctor signs
        "4",  # soreness before, typed
        "a",  # Done: pelvic tilt
        "b",  # Too painful: bridge
        "a",  # try the gentler option
        "a",  # Done (gentler)
        "h",  # knee to chest: start the set timer
        WAIT_FOR_TIMER,
        "done",  # a button's words work as well as its letter
        "/help",
        "a",
        "c",  # Skip: trunk rotation
        "a",
        "a",
        "2",  # soreness after
        "/progress",
        "z",  # no such choice
        "/quit",
    )
    chat = ConsoleChat(
        coach,
        read_line=script.read_line,
        write=script.write,
        sleep=no_wait,
        files_dir=tmp_path / "files",
    )
    script.chat = chat
    try:
        await chat.run()
    finally:
        await database.dispose()
    transcript = script.transcript
    assert "[a] 👍 I understand" in transcript
    assert "Exercise 2 of 7 · Bridge (gentler)" in transcript
    assert transcript.startswith(chat.coach.texts.console.intro)
    assert "Type /quit (or press Ctrl-C) to leave." in transcript.split("> a")[0]
    timer = transcript.split("> h")[1].split("> done")[0]
    assert "⏱ Get into position — rep 1 of 3 · left knee first." in timer
    assert "⏱ Rep 1 of 3 · left knee — pull the knee in." in timer
    assert "⏱ Rep 1 of 3 · left knee — hold the knee: 25 s left." in timer
    assert "⏱ Rep 1 of 3 · left knee — hold the knee: 24 s left." not in timer, "every 5 s only"
    assert "⏱ Other side next: right knee." in timer
    assert "⏱ Rep 1 of 3 · right knee — hold the knee: 25 s left." in timer
    assert "⏱ Rest — 1 of 3 done." in timer
    assert "⏱ Rep 3 of 3 · right knee — hold the knee: 5 s left." in timer
    assert timer.rstrip().endswith("⏱ That's the set — tap ✅ Done.")
    assert "Exercise 4 of 7" in transcript.split("> done")[1]
    help_answer = transcript.split("> /help")[1].split("> ")[0]
    assert "Type /quit (or press Ctrl-C) to leave." in help_answer
    assert "/session — start (or continue) today's routine" in transcript
    assert "Exercises: 5 done, 1 gentler, 1 too painful, 1 skipped." in transcript
    assert "Soreness: 4 → 2 out of 10." in transcript
    assert "Routines done: 1" in transcript
    saved = list((tmp_path / "files").glob("*.png"))
    assert len(saved) == 1
    assert saved[0].read_bytes().startswith(b"\x89PNG")
    assert "Sorry, I didn't understand that button." in transcript


async def test_typing_while_the_set_timer_runs_is_answered_at_once(
    sqlite_url: str, tmp_path: Path
) -> None:
    database = Database(sqlite_url)
    coach = bootstrap(
        settings_for_test(sqlite_url), content=load_content(), database=database
    ).coach
    ticks: list[float] = []
    never = asyncio.Event()

    async def slow_sleep(seconds: float) -> None:
        ticks.append(seconds)
        if len(ticks) >= 2:
            await never.wait()  # the timer is mid-set for as long as the test needs

    states: list[bool] = []

    class Watching(Script):
        async def read_line(self, prompt: str) -> str | None:
            await asyncio.sleep(0)  # let the timer tick
            assert self.chat is not None
            states.append(self.chat.timer is not None and not self.chat.timer.done())
            return await super().read_line(prompt)

    script = Watching("a", "a", "a", "4", "a", "a", "h", "/help", "✅ Done", "/quit")
    chat = ConsoleChat(
        coach, read_line=script.read_line, write=script.write, sleep=slow_sleep, files_dir=tmp_path
    )
    script.chat = chat
    try:
        await chat.run()
    finally:
        await database.dispose()
    transcript = script.transcript
    after_timer = transcript.split("> h")[1]
    assert "⏱ Get into position — rep 1 of 3 · left knee first." in after_timer
    assert "/session — start (or continue) today's routine" in after_timer.split("> ✅ Done")[0]
    assert states[-3:-1] == [True, True], "the timer was running while /help and Done were read"
    assert "Exercise 4 of 7" in after_timer.split("> ✅ Done")[1], "the typed label chose Done"
    assert chat.timer is None
    assert transcript.rstrip().endswith(chat.coach.texts.console.goodbye)


async def test_the_terminal_says_its_own_words(sqlite_url: str, tmp_path: Path) -> None:
    database = Database(sqlite_url)
    coach = bootstrap(
        settings_for_test(sqlite_url), content=load_content(), database=database
    ).coach
    script = Script("hello", "a", "a", "a", "4", "hello", "/reminders", "b", "7:30", "/quit")
    chat = ConsoleChat(coach, read_line=script.read_line, write=script.write, files_dir=tmp_path)
    try:
        await chat.run()
    finally:
        await database.dispose()
    transcript = script.transcript
    assert "Tap one of the buttons above" not in transcript
    assert chat.coach.texts.console.buttons_hint in transcript
    assert "Hi! You're on exercise 1 of 7 · Pelvic tilt." in transcript, "hello mid-routine"
    assert "Share my location" not in transcript
    assert chat.coach.texts.console.location_hint in transcript


REPOSITORY = Path(__file__).resolve().parents[2]


async def test_every_exercise_screen_prints_its_picture_and_voice_guide_paths(
    sqlite_url: str, tmp_path: Path
) -> None:
    content = load_content()
    database = Database(sqlite_url)
    media = FakeMediaLibrary(tmp_path / "media", content)
    coach = bootstrap(
        settings_for_test(sqlite_url), content=content, database=database, media_library=media
    ).coach
    script = Script("a", "a", "a", "4", *["done"] * len(content.routine.exercises), "/quit")
    chat = ConsoleChat(
        coach, read_line=script.read_line, write=script.write, sleep=no_wait, files_dir=tmp_path
    )
    script.chat = chat
    try:
        await chat.run()
    finally:
        await database.dispose()
    texts = content.texts.console
    screens = script.transcript.split("> ")
    exercise_screens = [screen for screen in screens if "Exercise " in screen and " of 7" in screen]
    assert len(exercise_screens) == len(content.routine.exercises)
    for screen in exercise_screens:
        assert f"{texts.still_saved} {tmp_path / 'media'}" in screen, screen
        assert f"{texts.guide_path} {tmp_path / 'media'}" in screen, screen
        assert ".ogg" in screen.split(texts.guide_path)[1]
    assert texts.guide_later in exercise_screens[0], "a guide is made when asked for"


async def test_ctrl_c_leaves_the_terminal_chat_without_a_traceback(tmp_path: Path) -> None:
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'limber.db'}",
        "PYTHONUNBUFFERED": "1",
    }
    environment.pop("BOT_TOKEN", None)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "console",
        cwd=tmp_path,
        env=environment,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None
    seen = b""
    while b"I understand" not in seen:  # started, and waiting for a line
        seen += await asyncio.wait_for(process.stdout.read(200), timeout=60)
    await asyncio.sleep(0.3)
    process.send_signal(signal.SIGINT)
    out, err = await asyncio.wait_for(process.communicate(), timeout=20)
    assert process.returncode == 0, "leaving is not an error"
    assert b"Traceback" not in err + out, err.decode()
    assert "Bye for now" in out.decode()
    assert "Type /quit (or press Ctrl-C) to leave." in seen.decode()


async def test_ctrl_c_leaves_make_run_with_no_make_error(tmp_path: Path) -> None:
    """`make run` without a token is the terminal chat; Ctrl-C (SIGINT to the whole foreground
    group, as a terminal sends it) leaves it with the goodbye and no "make: *** Error"."""
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'limber.db'}",
        "PYTHONUNBUFFERED": "1",
    }
    environment.pop("BOT_TOKEN", None)
    process = await asyncio.create_subprocess_exec(
        "make",
        "--no-print-directory",
        "run",
        cwd=REPOSITORY,
        env=environment,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        start_new_session=True,
    )
    assert process.stdout is not None
    seen = b""
    while b"I understand" not in seen:
        seen += await asyncio.wait_for(process.stdout.read(200), timeout=60)
    await asyncio.sleep(0.3)
    os.killpg(process.pid, signal.SIGINT)
    out, _ = await asyncio.wait_for(process.communicate(), timeout=20)
    said = (seen + out).decode()
    assert "Bye for now" in said
    assert "make: ***" not in said, said
    assert "Traceback" not in said, said
