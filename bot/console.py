"""The terminal chat: the same coach and database as Telegram, with numbered choices for buttons.

Type a letter to choose (a, b, …), a command (/start, /session, /help, /privacy), any other text
(a soreness score is typed as a number), or /quit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.coach import Coach
from bot.routine.inputs import ButtonTap, Command, Incoming, TypedText, UnknownCommand
from bot.routine.views import Reply, Timer, View

CONSOLE_USER_ID = 1
QUIT = ("/quit", "/exit")
TIMER_TICK_SECONDS = 5
CHOICE_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# The commands of the terminal chat (/stats is for Telegram admins only).
CONSOLE_COMMANDS = frozenset(
    ("start", "session", "progress", "reminders", "help", "privacy", "export", "delete")
)
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
        await self.send(Command("start"))
        while (line := await self.read_line("> ")) is not None:
            line = line.strip()
            if line in QUIT:
                break
            if line:
                await self.handle(line)

    async def handle(self, line: str) -> None:
        if line.startswith("/"):
            name = line[1:]
            await self.send(Command(name) if name in CONSOLE_COMMANDS else UnknownCommand())
        elif len(line) == 1 and line.lower() in CHOICE_LETTERS and self.screen is not None:
            await self.choose(CHOICE_LETTERS.index(line.lower()))
        else:
            await self.send(TypedText(line))

    async def send(self, incoming: Incoming) -> Reply:
        reply = await self.coach.handle(self.user_id, incoming)
        if reply.view is not None:
            self.show(reply.view)
        return reply

    async def choose(self, index: int) -> None:
        assert self.screen is not None
        actions = self.screen.actions
        if index >= len(actions):
            self.write(self.coach.texts.notices.unknown_button)
            return
        reply = await self.coach.handle(self.user_id, ButtonTap(actions[index].data))
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
            self.write(self.coach.timer_line(seconds_left))
            step = min(TIMER_TICK_SECONDS, seconds_left)
            await self.sleep(step)
            seconds_left -= step
        self.write(self.coach.timer_line(0))

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
