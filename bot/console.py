"""The terminal chat: the same coach and database as Telegram, with lettered choices for buttons.

Type a letter to choose (a, b, …) or a button's words ("done", "✅ Done"), a command (/start,
/session, /help, …), any other text (a soreness score is typed as a number), or /quit (Ctrl-C
and Ctrl-D also leave). The ⏱ set timer prints a line as the set moves on while you keep
typing; an exercise's picture and its voice guide are files whose paths are printed.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.coach import Coach, in_own_digits
from bot.routine.inputs import (
    ButtonTap,
    Command,
    CommandName,
    Incoming,
    TimerTick,
    TypedText,
    UnknownCommand,
)
from bot.routine.views import Media, Reply, Timer, View

CONSOLE_USER_ID = 1
QUIT = ("/quit", "/exit")
TIMER_TICK_SECONDS = 1
COUNTDOWN_EVERY = 5  # seconds between the terminal's lines of a hold's countdown
CHOICE_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# The commands of the terminal chat (/stats is for Telegram admins only).
CONSOLE_COMMANDS = frozenset(name.value for name in CommandName if name is not CommandName.STATS)
FILES_DIR = Path("limber-files")  # charts and exports from the terminal chat

ReadLine = Callable[[str], Awaitable[str | None]]
Write = Callable[[str], None]
Sleep = Callable[[float], Awaitable[None]]


async def read_stdin(prompt: str) -> str | None:
    """One line from the terminal, or None at end of input (Ctrl-D).

    Read when the event loop sees input waiting (no thread blocked in `input()`), so the set
    timer keeps printing meanwhile and Ctrl-C ends the chat at once.
    """
    print(prompt, end="", flush=True)
    loop = asyncio.get_running_loop()
    line: asyncio.Future[str | None] = loop.create_future()
    fd = sys.stdin.fileno()

    def ready() -> None:
        loop.remove_reader(fd)
        if not line.done():
            text = sys.stdin.readline()
            line.set_result(text.rstrip("\n") if text else None)

    loop.add_reader(fd, ready)
    try:
        return await line
    finally:
        loop.remove_reader(fd)


FinishVoice = Callable[[Media], Awaitable[Media | View]]
"""A voice guide still being rendered, handed over when ready (`MediaDelivery.finish`)."""


def _words(label: str) -> str:
    """A label as plain words: "✅ Done" → "done"."""
    return " ".join(re.findall(r"[\w']+", label.casefold()))


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
        finish_voice: FinishVoice | None = None,
        language_code: str | None = None,
    ) -> None:
        self.language_code = language_code
        self.files_dir = files_dir
        self.finish_voice = finish_voice
        self.coach = coach
        self.read_line = read_line
        self.write = write
        self.sleep = sleep
        self.user_id = user_id
        self.screen: View | None = None
        self.timer: asyncio.Task[None] | None = None

    async def run(self) -> None:
        await self.coach.speak(self.user_id, self.language_code)
        console = self.coach.texts.console
        self.write(f"{console.intro}\n{console.quit_hint}\n")
        try:
            await self.send(Command("start"))
            while (line := await self.read_line("> ")) is not None:
                line = line.strip()
                if line in QUIT:
                    break
                if line:
                    await self.handle(line)
        finally:
            await self.stop_timer()
        self.write(console.goodbye)

    async def handle(self, line: str) -> None:
        if line.startswith("/"):
            name = line[1:]
            await self.send(Command(name) if name in CONSOLE_COMMANDS else UnknownCommand())
            if name == "help":
                self.write(self.coach.texts.console.quit_hint)
        elif len(line) == 1 and line.lower() in CHOICE_LETTERS and self.screen is not None:
            await self.choose(CHOICE_LETTERS.index(line.lower()))
        elif (index := self._labelled(line)) is not None:
            await self.choose(index)
        else:
            await self.send(TypedText(line))

    def _labelled(self, line: str) -> int | None:
        """The choice whose label *line* spells out ("done", "✅ Done"), if any."""
        if self.screen is None or not (typed := _words(line)):
            return None
        for index, action in enumerate(self.screen.actions):
            if action.url is None and _words(action.label) == typed:
                return index
        return None

    async def send(self, incoming: Incoming) -> Reply:
        await self.coach.speak(self.user_id, self.language_code)  # as each Telegram update does
        reply = await self.coach.handle(self.user_id, incoming)
        if reply.view is not None:
            self.show(reply.view)
        if reply.voice is not None:  # a typed "guide me"
            await self.voice(reply.voice)
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
        if reply.voice is not None:
            await self.voice(reply.voice)
        if reply.start_timer is not None:
            await self.stop_timer()
            self.timer = asyncio.get_running_loop().create_task(self.count_down(reply.start_timer))

    async def voice(self, guide: Media) -> None:
        """The voice guide's path (waiting for the render worker if it is still being drawn)."""
        voice: Media | View = guide
        if guide.path is None and self.finish_voice is not None:
            voice = await self.finish_voice(guide)
        if isinstance(voice, Media) and voice.path is not None:
            self.write(f"{self.coach.texts.console.voice_saved} {voice.path}\n")
        else:
            self.write(f"{self.coach.texts.media.no_voice}\n")

    async def count_down(self, timer: Timer) -> None:
        """Count the set: a line each time it changes, while typed lines are handled meanwhile.
        Ends when the set is over or the session has moved on."""
        elapsed, last = 0, ""
        while elapsed <= timer.seconds:
            tick = TimerTick(timer.session_id, timer.step, timer.seconds - elapsed)
            view = (await self.coach.handle(self.user_id, tick)).view
            if view is None:
                return
            line = view.text.rsplit("\n\n", 1)[-1]
            # A new step of the set at once; a hold's countdown every few seconds only.
            shape = re.sub(r"\d+ s\b", "", line)
            seconds = re.search(r"(\d+) s\b", line)
            if shape != last or (seconds and int(seconds[1]) % COUNTDOWN_EVERY == 0):
                self.write(line)
                last = shape
            await self.sleep(TIMER_TICK_SECONDS)
            elapsed += TIMER_TICK_SECONDS

    async def stop_timer(self) -> None:
        if self.timer is not None and not self.timer.done():
            self.timer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.timer
        self.timer = None

    def render(self, view: View) -> str:
        """A View as plain text: the message, then its buttons as lettered choices; Telegram's
        words ("tap the buttons above", "share your location") in the terminal's own."""
        text = view.text
        texts = self.coach.texts
        if text.endswith(texts.hints.text):
            text = text.removesuffix(texts.hints.text) + texts.console.buttons_hint
        lines = [text]
        if view.reply_keyboard is not None:
            suggestions = [label for row in view.reply_keyboard.rows for label in row]
            lines.append("(" + " · ".join(suggestions) + ")")
            if view.reply_keyboard.location_label:
                lines.append(self.coach.texts.console.location_hint)
        if view.rows:
            lines.append("")
            letters = iter(CHOICE_LETTERS)
            for row in view.rows:
                lines.append("  ".join(f"[{next(letters)}] {action.label}" for action in row))
        return "\n".join(lines)

    def show_media_paths(self, media: Media) -> None:
        """An exercise screen's picture and voice guide, as paths (a terminal shows no files);
        one not made yet says when it will be."""
        console = self.coach.texts.console
        for label, path, later in (
            (console.still_saved, media.still, console.still_later),
            (console.guide_path, media.guide, console.guide_later),
        ):
            if path is not None:
                self.write(f"{label} {path}" + ("" if Path(path).exists() else f" {later}"))

    def show(self, view: View) -> None:
        """Print *view*; a view with choices becomes the screen that letters refer to."""
        self.write(in_own_digits(self.render(view)))
        if view.media is not None:
            self.show_media_paths(view.media)
        for attachment in view.attachments:
            self.files_dir.mkdir(parents=True, exist_ok=True)
            path = self.files_dir / Path(attachment.name).name
            path.write_bytes(attachment.data)
            self.write(self.coach.texts.hints.file_saved.format(path=path))
        self.write("")
        if view.rows:
            self.screen = view


def run_console(
    coach: Coach,
    user_id: int,
    close: Callable[[], Awaitable[None]],
    finish_voice: FinishVoice | None = None,
    language_code: str | None = None,
) -> int:
    """`limber console`: the chat until /quit, Ctrl-D or Ctrl-C (no traceback), then *close*."""

    async def chat() -> None:
        try:
            chat = ConsoleChat(
                coach, user_id=user_id, finish_voice=finish_voice, language_code=language_code
            )
            await chat.run()
        finally:
            await close()

    try:
        asyncio.run(chat())
    except KeyboardInterrupt:  # a way to leave, as /quit is: no error status (`make run` says none)
        print(f"\n{coach.texts.console.goodbye}")
        return 0
    return 0
