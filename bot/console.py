"""The terminal chat: the same coach and database as Telegram, with numbered choices for buttons.

Type a letter to choose (a, b, …), a command (/start, /session, /help, /privacy), any other text
(a soreness score is typed as a number), or /quit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.coach import Coach
from bot.routine.views import Timer, View

CONSOLE_USER_ID = 1
QUIT = ("/quit", "/exit")
TIMER_TICK_SECONDS = 5
CHOICE_LETTERS = "abcdefghijklmnopqrstuvwxyz"
FILES_DIR = Path("limber-files")  # charts and exports from the terminal chat

ReadLine = Callable[[str], Awaitable[str | None]]
Write = Callable[[str], None]
Sleep = Callable[[float], Awaitable[None]]


async def read_stdin(prompt: str) -> str | None:
    """One line from the terminal, or None at end of input (Ctrl-D)."""
    try:
        return await asyncio.to_thread(input, prompt)
    except EOFError:
        return None


def render(view: View) -> str:
    """A View as plain text: the message, then its buttons as numbered choices."""
    lines = [view.text]
    if view.reply_keyboard is not None:
        suggestions = [label for row in view.reply_keyboard.rows for label in row]
        lines.append("(" + " · ".join(suggestions) + ")")
    if view.rows:
        lines.append("")
        letters = iter(CHOICE_LETTERS)
        for row in view.rows:
            lines.append("  ".join(f"[{next(letters)}] {action.label}" for action in row))
    return "\n".join(lines)


class ConsoleChat:
    def __init__(
        self,
        coach: Coach,
        *,
        read_line: ReadLine = read_stdin,
        write: Write = print,
        sleep: Sleep = asyncio.sleep,
        user_id: int = CONSOLE_USER_ID,
        files_dir: Path = FILES_DIR,
    ) -> None:
        self.files_dir = files_dir
        self.coach = coach
        self.read_line = read_line
        self.write = write
        self.sleep = sleep
        self.user_id = user_id
        self.screen: View | None = None

    async def run(self) -> None:
        self.show(await self.coach.start(self.user_id))
        while (line := await self.read_line("> ")) is not None:
            line = line.strip()
            if line in QUIT:
                break
            if line:
                await self.handle(line)

    async def handle(self, line: str) -> None:
        commands = {
            "/start": self.coach.start,
            "/session": self.coach.open_session,
            "/progress": self.coach.progress_report,
            "/reminders": self.coach.show_reminders,
            "/export": self.coach.export,
        }
        if line in commands:
            self.show(await commands[line](self.user_id))
        elif line == "/help":
            self.show(self.coach.help())
        elif line == "/privacy":
            self.show(self.coach.privacy())
        elif line == "/delete":
            self.show(self.coach.confirm_delete())
        elif line.startswith("/"):
            self.show(self.coach.unknown_command())
        elif len(line) == 1 and line.lower() in CHOICE_LETTERS and self.screen is not None:
            await self.choose(CHOICE_LETTERS.index(line.lower()))
        else:
            self.show(await self.coach.text(self.user_id, line))

    async def choose(self, index: int) -> None:
        assert self.screen is not None
        actions = self.screen.actions
        if index >= len(actions):
            self.write(self.coach.texts.notices.unknown_button)
            return
        reply = await self.coach.tap(self.user_id, actions[index].data)
        if reply.notice:
            self.write(f"({reply.notice})")
        if reply.view is not None:
            self.show(reply.view)
        if reply.start_timer is not None:
            await self.count_down(reply.start_timer)

    async def count_down(self, timer: Timer) -> None:
        """Count the hold down with a line every few seconds, then say time is up."""
        seconds_left = timer.seconds
        while seconds_left > 0:
            self.write(self.coach.screens.timer_line(seconds_left))
            step = min(TIMER_TICK_SECONDS, seconds_left)
            await self.sleep(step)
            seconds_left -= step
        self.write(self.coach.screens.timer_line(0))

    def show(self, view: View) -> None:
        """Print *view*; a view with choices becomes the screen that letters refer to."""
        self.write(render(view))
        for attachment in view.attachments:
            self.files_dir.mkdir(parents=True, exist_ok=True)
            path = self.files_dir / Path(attachment.name).name
            path.write_bytes(attachment.data)
            self.write(self.coach.texts.hints.file_saved.format(path=path))
        self.write("")
        if view.rows:
            self.screen = view
