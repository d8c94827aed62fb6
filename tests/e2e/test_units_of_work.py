"""One user action, one unit of work: every entry point of the Telegram adapter, counted.

Limber is run through `bootstrap()` with a unit-of-work factory that counts what it hands out.
Each step below is one update (a command, a tap, a typed text, a location, a membership change)
or one hold-timer tick, and the table says how many units of work it may open: exactly one where
the user's data is read or written, none for fixed screens (/help, a sticker). A button verb or
command that no step exercises fails the test, so a new entry point must be added here. The
language step's read of a person's stored language (cached; `bot.use_cases.language_choice`) is
the adapter's, before routing, through a factory of its own: it is not counted here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.routine.actions import (
    GeneralVerb,
    SessionVerb,
    general_action,
    parse_action,
    session_action,
)
from bot.routine.inputs import CommandName, TimerTick
from bot.store.database import Database
from bot.store.unit_of_work import UnitOfWork, UnitOfWorkFactory
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import Limber, running_limber
from tests.support.updates import ChatUser, FakeUser

ANN = FakeUser(5001, "Ann")
CAROL = FakeUser(5003, "Carol")


@dataclass
class Counter:
    opened: int = 0

    def factory(self, database: Database) -> UnitOfWorkFactory:
        def make() -> UnitOfWork:
            self.opened += 1
            return UnitOfWork(database)

        return make


@dataclass
class Audit:
    """Runs steps, checks each one's count, and remembers which verbs and commands were used."""

    limber: Limber
    counter: Counter
    verbs: set[str] = field(default_factory=set)
    commands: set[str] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)

    async def check(self, what: str, expected: int, step: Callable[[], object]) -> None:
        before = self.counter.opened
        result = step()
        if hasattr(result, "__await__"):
            await result  # type: ignore[misc]
        opened = self.counter.opened - before
        if opened != expected:
            self.failures.append(f"{what}: {opened} units of work, expected {expected}")

    async def send(self, user: ChatUser, text: str, expected: int = 1) -> None:
        if text.startswith("/"):
            self.commands.add(text[1:])
        await self.check(f"send {text!r}", expected, lambda: user.send(text))

    async def tap(self, user: ChatUser, label: str, expected: int = 1) -> None:
        _, button = self.limber.api.find_button(user.chat_id, label)
        assert button.callback_data is not None
        self.verbs.add(_verb(button.callback_data))
        await self.check(f"tap {label!r}", expected, lambda: user.tap(label))

    async def callback(self, user: ChatUser, data: str, expected: int = 1) -> None:
        self.verbs.add(_verb(data))
        update = user.updates.callback(data)
        await self.check(
            f"button {data!r}", expected, lambda: self.limber.application.process_update(update)
        )


def _verb(data: str) -> str:
    action = parse_action(data)
    assert action is not None, data
    return action.verb.value


async def test_every_entry_point_opens_at_most_one_unit_of_work(
    api: FakeBotApi, sqlite_url: str
) -> None:
    counter = Counter()
    async with running_limber(
        api, sqlite_url, unit_of_work=counter.factory, admin_ids=frozenset({ANN.id})
    ) as limber:
        audit = Audit(limber, counter)
        ann = limber.user(ANN)
        await audit.send(ann, "/start")
        await audit.tap(ann, "I understand")
        await audit.tap(ann, "None of these")  # the emergency signs
        await audit.tap(ann, "None of these")  # the see-a-doctor signs
        await audit.send(ann, "4")  # typed soreness before
        await audit.tap(ann, "Done")
        await audit.tap(ann, "Too painful")
        await audit.tap(ann, "gentler option")
        await audit.tap(ann, "Done")
        await audit.tap(ann, "More")
        await audit.tap(ann, "Back")
        await audit.tap(ann, "Guide me")  # no media here: a notice, after one read
        await audit.tap(ann, "Start 30 s timer")
        session_id = 1
        tick = TimerTick(session_id, 2, 20)
        await audit.check("hold-timer tick", 1, lambda: limber.coach.handle(ANN.id, tick))
        await audit.tap(ann, "Pause")
        await audit.tap(ann, "Continue")
        await audit.send(ann, "hang on a sec")  # typed: the Pause button's words
        await audit.send(ann, "ok continue")  # typed: Continue
        await audit.tap(ann, "Too painful")
        await audit.tap(ann, "Skip this one")
        await audit.tap(ann, "Skip")
        await audit.tap(ann, "🌱 Gentler")
        await audit.tap(ann, "Too painful")
        await audit.tap(ann, "Stop for today")
        await audit.tap(ann, "2")  # soreness after: the finishing tap
        await audit.tap(ann, "Another time")
        await audit.send(ann, "7:30")  # typed time: the zone question follows
        await audit.send(ann, "Europe/Berlin")  # typed zone
        await audit.send(ann, "/reminders")
        await audit.tap(ann, "Change")
        await audit.tap(ann, "08:00")
        await audit.send(ann, "/reminders")
        await audit.tap(ann, "Turn off")
        await audit.callback(ann, general_action(GeneralVerb.REMINDER_TIME, "0900"))
        await audit.callback(ann, general_action(GeneralVerb.NUDGE_SNOOZE))
        await audit.callback(ann, general_action(GeneralVerb.NUDGE_SKIP_TODAY))
        await audit.callback(ann, general_action(GeneralVerb.CHECK_IN, f"{session_id}-s"))
        await audit.callback(ann, general_action(GeneralVerb.NUDGE_START))
        await audit.callback(ann, general_action(GeneralVerb.CHECK_IN_FIRST, f"{session_id}-b"))
        await audit.callback(ann, general_action(GeneralVerb.START_SESSION))
        await audit.send(ann, "/session")
        await audit.send(ann, "/progress")
        await audit.send(ann, "/stats")
        await audit.send(ann, "/export")
        await audit.send(ann, "hello")  # a plain text with no question open
        await audit.send(ann, "/help", expected=0)
        await audit.send(ann, "/privacy", expected=0)
        await audit.send(ann, "/nonsense", expected=0)
        await audit.check("a sticker", 0, ann.send_sticker)
        await audit.check("blocking the bot", 1, ann.block_bot)
        await audit.check("unblocking the bot", 1, ann.unblock_bot)
        await audit.send(ann, "I can't feel my bum and I wet myself")  # a warning sign
        await audit.callback(ann, general_action(GeneralVerb.FLAGS_ASSESSED))  # not yet: wait
        await audit.callback(ann, general_action(GeneralVerb.DOCTOR_OK))  # not yet either
        await audit.tap(ann, "answered by mistake")
        await audit.tap(ann, "None of these")  # the emergency signs
        await audit.tap(ann, "None of these")  # the see-a-doctor signs
        await audit.callback(ann, general_action(GeneralVerb.POSSIBLE_NO))
        await audit.callback(ann, general_action(GeneralVerb.POSSIBLE_ALL))
        await audit.callback(ann, general_action(GeneralVerb.DOCTOR_FLAGS_SOME))
        await audit.tap(ann, "answered by mistake")
        await audit.tap(ann, "None of these")  # the emergency signs
        await audit.tap(ann, "None of these")  # the see-a-doctor signs
        await audit.callback(ann, general_action(GeneralVerb.POSSIBLE_YES))
        await audit.tap(ann, "answered by mistake")
        await audit.tap(ann, "None of these")  # the emergency signs
        await audit.tap(ann, "None of these")  # the see-a-doctor signs
        await audit.send(ann, "/delete", expected=0)
        await audit.tap(ann, "Keep my data", expected=0)
        await audit.send(ann, "/delete", expected=0)
        await audit.tap(ann, "Yes, delete")

        carol = limber.user(CAROL)
        await audit.send(carol, "/start")
        await audit.tap(carol, "I understand")
        await audit.tap(carol, "One of these applies")
        await audit.send(carol, "/reminders")  # the advice again: the gate holds
        await audit.callback(carol, general_action(GeneralVerb.FLAGS_NONE))  # no shortcut: advice
        await audit.tap(carol, "answered by mistake")
        await audit.tap(carol, "None of these")  # the emergency signs
        await audit.tap(carol, "None of these")  # the see-a-doctor signs
        await audit.send(carol, "/reminders")
        await audit.tap(carol, "08:00")  # no zone yet: the zone question
        location = carol.updates.text("placeholder").to_dict()
        location["message"].pop("text")
        location["message"]["location"] = {"latitude": 52.52, "longitude": 13.405}
        update = carol.updates.bind(location)
        await audit.check("a shared location", 1, lambda: limber.application.process_update(update))
        await audit.callback(carol, "s1:skip:999:0")  # a forged session tap: stale, one read
        await audit.callback(carol, session_action(SessionVerb.TRACK, 999, 0, 0))  # forged too
        await audit.callback(carol, session_action(SessionVerb.TRACK_TODAY, 999, 0, 0))
        await audit.send(carol, "/routine")
        await audit.callback(carol, general_action(GeneralVerb.TRACK_DEFAULT, "floor"))
        await audit.send(carol, "/language", expected=0)  # the list: nothing to read
        await audit.callback(carol, general_action(GeneralVerb.LANGUAGE, "ru"))  # stored
        await audit.callback(carol, general_action(GeneralVerb.LANGUAGE, "en"))

        assert not limber.errors, limber.errors
    assert not audit.failures, "\n".join(audit.failures)
    assert audit.verbs >= {verb.value for verb in SessionVerb}, {
        verb.value for verb in SessionVerb
    } - audit.verbs
    assert audit.verbs >= {verb.value for verb in GeneralVerb}, {
        verb.value for verb in GeneralVerb
    } - audit.verbs
    assert audit.commands >= {name.value for name in CommandName}
