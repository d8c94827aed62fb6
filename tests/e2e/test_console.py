"""The terminal chat, as a transcript: same coach, same database, letters for buttons."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from bot.bootstrap import bootstrap
from bot.console import ConsoleChat
from bot.routine.content import load_content
from bot.store.database import Database
from tests.support.driver import settings_for_test


class Script:
    """Feeds typed lines to the chat and keeps everything it prints."""

    def __init__(self, *lines: str) -> None:
        self.lines: Iterator[str] = iter(lines)
        self.printed: list[str] = []

    async def read_line(self, prompt: str) -> str | None:
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
        "a",  # None of these
        "4",  # soreness before, typed
        "a",  # Done: pelvic tilt
        "b",  # Too painful: bridge
        "a",  # try the gentler option
        "a",  # Done (gentler)
        "e",  # knee to chest: start the 30 s timer
        "a",
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
    try:
        await chat.run()
    finally:
        await database.dispose()
    transcript = script.transcript
    assert "[a] 👍 I understand" in transcript
    assert "Exercise 2 of 7 · Bridge (gentler)" in transcript
    assert "⏱ 30 s left" in transcript
    assert "⏱ Time's up" in transcript
    assert "/session — start (or continue) today's routine" in transcript
    assert "Exercises: 5 done, 1 gentler, 0 too painful, 1 skipped." in transcript
    assert "Soreness: 4 → 2 out of 10." in transcript
    assert "Routines done: 1" in transcript
    saved = list((tmp_path / "files").glob("*.png"))
    assert len(saved) == 1
    assert saved[0].read_bytes().startswith(b"\x89PNG")
    assert "Sorry, I didn't understand that button." in transcript
