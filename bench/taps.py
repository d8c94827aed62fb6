"""Tap throughput: button taps on the full path, as Telegram delivers them (see bench/README.md).

    .venv/bin/python -m bench.taps             # 2000 taps x 3 repeats, about two minutes
    .venv/bin/python -m bench.taps --quick     # 300 taps x 3 repeats, about 25 seconds
    .venv/bin/python -m bench.taps --profile   # and where Limber's time goes (cProfile)

One tap: the update's JSON bytes are parsed (`json.loads`, `Update.de_json`) and handed to
`Application.process_update`; the handler reads and writes a SQLite file, then answers the
callback query and edits the message through the project's in-process fake Bot API. Three
scenarios live side by side in one process, so their ratios come from the same minute of the same
(shared, noisy) machine:

- framework alone: python-telegram-bot with a trivial handler (answer + edit) on the same fake;
- framework + 1R1W: the same handler after one SELECT and one UPDATE in one transaction on SQLite,
  with Limber's engine settings (WAL, BEGIN IMMEDIATE, one connection);
- Limber: the real Application (`tests.support.limber.running_limber`) on a migrated SQLite file,
  with simulated people going through whole sessions again and again.

Each measurement runs sequentially (one tap at a time, 16 people in turn) and with 8 of them at
once (`asyncio.gather` of one loop per person), the scenarios taking turns every 250 taps; it is
repeated, and the median of the repeats is reported.
Missing a goal is reported, not an error: the exit status is non-zero only when something failed
(a handler raised, a Bot API call was refused, a button was not where a person would find it).
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import cProfile
import gc
import itertools
import json
import os
import platform
import pstats
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, deque
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine, event, text
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, ApplicationBuilder, CallbackQueryHandler
from telegram.request import RequestData

from bench.common import BenchError, DayClock, cpu_model, maxrss_mib, percentile, versions
from bot.routine.content import Texts, load_content
from bot.routine.languages import shipped_languages
from bot.startup import settle_heap
from bot.store.database import create_engine
from bot.store.migrations import upgrade
from tests.support.fake_bot_api import ChatMessage, FakeBotApi, JSONDict
from tests.support.limber import running_limber
from tests.support.media import FakeMediaLibrary
from tests.support.updates import FakeUser, HandlerErrors

SEQUENTIAL = "sequential"
CONCURRENT = "concurrent"

# Goals from issue 2 ("one core of this machine").
GOAL_SEQ_TAPS_PER_S = 300.0
GOAL_SEQ_P99_MS = 10.0
GOAL_CONC_P99_MS = 50.0

SQL_PASS_TAPS = 300  # the pass that counts statements per tap (not timed)

AnyApplication = Application[Any, Any, Any, Any, Any, Any]

MEDIA = "Limber + media"
MIXED = "Limber, 7 languages"
MIXED_CODES = ("en", "ru", "uk", "es", "pt-br", "fa", "id")  # as Telegram sends them
LANGUAGE_GOAL = 0.05  # a mix of languages: at most 5 % fewer taps/s than English only
MEDIA_GOAL = 0.10  # taps/s with media screens within 10 % of text screens, in the same run


# --- the fake Bot API, charging each call to the tap being processed --------------------------


@dataclass
class TapMeter:
    """What one update cost at the Bot API: calls made, and time spent inside the fake."""

    calls: int = 0
    api_seconds: float = 0.0


_METER: contextvars.ContextVar[TapMeter | None] = contextvars.ContextVar("tap_meter", default=None)


class CountingBotApi(FakeBotApi):
    """The project's fake Bot API; each call is charged to the update of the task making it.

    PTB runs a blocking handler inside `process_update`'s own task, so a context variable set
    around that call attributes calls exactly, even with 8 users' taps interleaved.
    """

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = FakeBotApi.DEFAULT_NONE,
        write_timeout: Any = FakeBotApi.DEFAULT_NONE,
        connect_timeout: Any = FakeBotApi.DEFAULT_NONE,
        pool_timeout: Any = FakeBotApi.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        meter = _METER.get()
        start = time.perf_counter()
        try:
            return await super().do_request(
                url,
                method,
                request_data,
                read_timeout,
                write_timeout,
                connect_timeout,
                pool_timeout,
            )
        finally:
            if meter is not None:
                meter.calls += 1
                meter.api_seconds += time.perf_counter() - start


# --- updates as Telegram sends them -------------------------------------------------------------

_query_ids = itertools.count(7_000_000_000_000_000_000)


def callback_update(api: FakeBotApi, user: FakeUser, message: ChatMessage, data: str) -> bytes:
    """The JSON of a tap on *message* (as the chat shows it now) carrying *data*."""
    query = {
        "id": str(next(_query_ids)),
        "from": user.to_json(),
        "chat_instance": f"-{user.id}",
        "message": message.raw,
        "data": data,
    }
    return json.dumps({"update_id": api.next_update_id(), "callback_query": query}).encode()


def command_update(api: FakeBotApi, user: FakeUser, command: str) -> bytes:
    """The JSON of the user sending `/command` (recorded in the fake's chat, as Telegram would)."""
    message: JSONDict = {
        "message_id": api.allocate_message_id(user.id),
        "from": user.to_json(),
        "chat": user.chat_json(),
        "date": int(time.time()),
        "text": command,
        "entities": [{"type": "bot_command", "offset": 0, "length": len(command)}],
    }
    api.record_user_message(message, "text")
    return json.dumps({"update_id": api.next_update_id(), "message": message}).encode()


_DIRECTION_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u2066\u2067\u2068\u2069"))


def shown(label: str) -> str:
    """A label as a person reads it: without the invisible direction marks of a right-to-left
    language, case folded."""
    return label.translate(_DIRECTION_MARKS).casefold()


def find_button(message: ChatMessage, label: str) -> str | None:
    """The callback data of the button labelled *label* (exact, else the one containing it)."""
    buttons = [button for row in message.buttons for button in row]
    wanted = shown(label)
    exact = [button for button in buttons if shown(button.text) == wanted]
    partial = [button for button in buttons if wanted in shown(button.text)]
    found = exact or partial
    if len(found) != 1:
        return None
    return found[0].callback_data


class Rider(Protocol):
    """A simulated person: the next update they send, given what their chat shows now."""

    user: FakeUser
    setup_updates: int
    last_kind: str  # what the last tap was, e.g. "exercise: done"

    def next_update(self) -> tuple[bytes, bool]:
        """The update's JSON, and whether it is a button tap (measured) or a message."""
        ...


SCORES = frozenset(str(score) for score in range(11))


@dataclass(frozen=True)
class RiderWords:
    """The labels a rider looks for, in the language its person's Telegram is set to."""

    language_code: str
    consent: str
    flags_none: str
    done: str
    too_painful: str
    skip: str
    gentler: str
    skip_this: str
    no_reminders: str
    same: str
    done_today: str

    @classmethod
    def of(cls, language_code: str, texts: Texts) -> RiderWords:
        buttons = texts.buttons
        return cls(
            language_code,
            buttons.consent,
            buttons.flags_none,
            buttons.done,
            buttons.too_painful,
            buttons.skip,
            buttons.gentler,
            buttons.skip_this,
            texts.reminders.no_reminders,
            texts.check_in.same,
            texts.progress.done_today[:40],
        )


ENGLISH_WORDS = RiderWords.of("en", load_content().texts)


class LimberRider:
    """A person doing Limber's routine again and again, tapping what the screen offers.

    Onboarding (/start, I understand, None of these) is set-up. Then, by what the newest message
    shows: a soreness score (2-6: below the "too sore to start" line) on a 0-10 question; on an
    exercise mostly Done, sometimes Too painful (then the gentler option if offered, else Skip
    this one) or Skip; "No reminders" when reminders are offered; and /session for the next
    session once the summary has no buttons left; "Same" when asked how the back felt after the
    last session. A seeded random choice per user keeps runs comparable. Reading the screen,
    rather than following a fixed script, keeps the benchmark going when the flow changes: on a
    screen it does not know, the rider taps the first button and the report says so.
    """

    setup_updates = 3

    def __init__(
        self,
        api: FakeBotApi,
        user: FakeUser,
        clock: DayClock | None = None,
        words: RiderWords = ENGLISH_WORDS,
    ) -> None:
        self.api = api
        self.user = user
        self.clock = clock
        self.words = words
        self.unscripted: Counter[str] = Counter()  # screens (first words) the rider did not know
        self.last_kind = "onboarding"
        self.sessions = 1  # opened by the onboarding; then one per /session
        self._exercised = False  # since the soreness-before score
        self._messages_in_a_row = 0
        self._rng = random.Random(user.id)
        self._onboarding: deque[str] = deque(
            ("/start", words.consent, words.flags_none, words.flags_none)  # the two parts
        )

    def next_update(self) -> tuple[bytes, bool]:
        payload, is_tap = self._next()
        self._messages_in_a_row = 0 if is_tap else self._messages_in_a_row + 1
        if self._messages_in_a_row > 3:
            text = (self.api.last_message(self.user.id).text or "")[:60]
            raise BenchError(f"user {self.user.id}: /session leads nowhere (last: {text!r})")
        return payload, is_tap

    def _next(self) -> tuple[bytes, bool]:
        if self._onboarding:
            label = self._onboarding.popleft()
            if label.startswith("/"):
                return command_update(self.api, self.user, label), False
            return self._tap(self.api.last_message(self.user.id), label, "onboarding")
        message = self.api.last_message(self.user.id)
        labels = {shown(label) for label in message.labels}
        if labels >= SCORES:
            score = str(self._rng.randint(2, 6))
            if self._exercised:
                self._exercised = False
                return self._tap(message, score, "soreness after (finishes)")
            return self._tap(message, score, "soreness before")
        words = self.words
        if shown(words.done) in labels:
            self._exercised = True
            roll = self._rng.random()
            choice, kind = (
                (words.too_painful, "too painful")
                if roll < 0.08
                else (words.skip, "skip")
                if roll < 0.12
                else (words.done, "done")
            )
            return self._tap(message, choice, f"exercise: {kind}")
        if shown(words.gentler) in labels:
            return self._tap(message, words.gentler, "ease off: gentler")
        if shown(words.skip_this) in labels:
            return self._tap(message, words.skip_this, "ease off: skip this one")
        if shown(words.no_reminders) in labels:
            return self._tap(message, words.no_reminders, "no reminders")
        if shown(words.same) in labels:
            return self._tap(message, words.same, "check-in: same")
        if not labels:
            if self.clock is not None and shown(message.text or "").startswith(
                shown(words.done_today)
            ):
                self.clock.next_day()  # one routine a day: tomorrow's, then
            self.sessions += 1
            return command_update(self.api, self.user, "/session"), False
        first = next(
            (button for row in message.buttons for button in row if button.callback_data), None
        )
        if first is None:
            raise BenchError(
                f"user {self.user.id}: nothing to tap on {(message.text or '')[:60]!r} "
                f"(buttons: {message.labels})"
            )
        self.unscripted[(message.text or "")[:40]] += 1
        return self._tap(message, first.text, "other (unscripted)")

    def _tap(self, message: ChatMessage, label: str, kind: str) -> tuple[bytes, bool]:
        self.last_kind = kind
        data = find_button(message, label)
        if data is None:
            raise BenchError(
                f"user {self.user.id}: no button {label!r} on {(message.text or '')[:60]!r} "
                f"(buttons: {message.labels})"
            )
        return callback_update(self.api, self.user, message, data), True


class RepeatTapRider:
    """For the baselines: taps the same button of the bot's newest message again and again."""

    setup_updates = 0
    last_kind = "baseline tap"

    def __init__(self, api: FakeBotApi, user: FakeUser) -> None:
        self.api = api
        self.user = user

    def next_update(self) -> tuple[bytes, bool]:
        message = self.api.last_message(self.user.id)
        return callback_update(self.api, self.user, message, "done"), True


# --- scenarios ------------------------------------------------------------------------------------


@dataclass
class Sample:
    seconds: float
    calls: int
    api_seconds: float
    kind: str = "tap"


@dataclass
class Scenario:
    name: str
    application: AnyApplication
    api: CountingBotApi
    riders: list[Rider]
    errors: HandlerErrors
    engine: Engine | None = None  # the engine Limber's units of work run on (SQL counts)
    # Messages sent between taps (Limber's /session), timed like taps but reported apart.
    message_samples: list[Sample] = field(default_factory=list)
    concurrency: int = 8  # users tapping at once in the concurrent mode
    _cohort: int = 0  # where the next concurrent cohort starts among the riders

    def next_cohort(self) -> list[Rider]:
        """The next `concurrency` riders, in rotation: every person gets their turns."""
        count = len(self.riders)
        cohort = [self.riders[(self._cohort + n) % count] for n in range(self.concurrency)]
        self._cohort = (self._cohort + self.concurrency) % count
        return cohort

    async def process(self, payload: bytes) -> Sample:
        """One update on the measured path: parse the JSON, then `process_update`."""
        meter = TapMeter()
        token = _METER.set(meter)
        start = time.perf_counter()
        try:
            update = Update.de_json(json.loads(payload), self.application.bot)
            await self.application.process_update(update)
        finally:
            elapsed = time.perf_counter() - start
            _METER.reset(token)
        return Sample(elapsed, meter.calls, meter.api_seconds)

    async def tap(self, rider: Rider) -> Sample:
        """The rider's next tap, after any message the rider sends first (timed apart)."""
        while True:
            payload, is_tap = rider.next_update()
            sample = await self.process(payload)
            if is_tap:
                sample.kind = rider.last_kind
                return sample
            sample.kind = "message"
            self.message_samples.append(sample)

    async def set_up_users(self) -> None:
        for rider in self.riders:
            for _ in range(rider.setup_updates):
                payload, _ = rider.next_update()
                await self.process(payload)
        self.check()

    def check(self) -> None:
        """Fail on anything that would make the figures meaningless; then forget the calls."""
        if self.errors:
            error = self.errors[0]
            raise BenchError(f"{self.name}: a handler raised {type(error).__name__}: {error}")
        failed = [call for call in self.api.calls() if not call.ok]
        if failed:
            call = failed[0]
            raise BenchError(
                f"{self.name}: {len(failed)} Bot API call(s) failed, first {call.method}: "
                f"{call.status} {call.description}"
            )
        self.api.reset_calls()


BASELINE_TEXT = (
    "Exercise 2 of 7 · Bridge\n\n"
    "Start: On your back, knees bent, feet flat on the floor, hip-width apart.\n"
    "• Squeeze your buttocks and lift your hips as far as you comfortably can.\n"
    "• Lower slowly, one segment of your back at a time.\n"
    "• Breathe normally.\n\n"
    "Dose: 10 slow reps.\n\n"
    "Move to comfort, not to pain. Slow, controlled movement."
)
BASELINE_KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("✅ Done", callback_data="done"),
            InlineKeyboardButton("😣 Too painful", callback_data="painful"),
        ],
        [
            InlineKeyboardButton("⏭ Skip", callback_data="skip"),
            InlineKeyboardButton("⏸ Pause", callback_data="pause"),
        ],
    ]
)

TapCounter = Callable[[int], Awaitable[int]]  # a user's taps so far, this one included


def baseline_handler(count: TapCounter) -> Callable[[Update, Any], Coroutine[Any, Any, None]]:
    """A trivial tap handler: count the tap, answer it, show the count (so the edit changes)."""

    async def handle(update: Update, context: Any) -> None:
        query = update.callback_query
        assert query is not None
        taps = await count(query.from_user.id)
        await query.answer()
        await query.edit_message_text(
            f"{BASELINE_TEXT}\n\nTap {taps}", reply_markup=BASELINE_KEYBOARD
        )

    return handle


def in_memory_counter() -> TapCounter:
    counts: Counter[int] = Counter()

    async def count(user_id: int) -> int:
        counts[user_id] += 1
        return counts[user_id]

    return count


@asynccontextmanager
async def sqlite_counter(workdir: Path, users: Sequence[FakeUser]) -> AsyncIterator[AsyncEngine]:
    """A SQLite file with one counter row per user, on Limber's engine settings."""
    engine = create_engine(f"sqlite+aiosqlite:///{workdir / 'bare.sqlite3'}")
    async with engine.begin() as connection:
        await connection.execute(
            text("CREATE TABLE taps (user_id INTEGER PRIMARY KEY, taps INTEGER NOT NULL)")
        )
        await connection.execute(
            text("INSERT INTO taps (user_id, taps) VALUES (:user_id, 0)"),
            [{"user_id": user.id} for user in users],
        )
    try:
        yield engine
    finally:
        await engine.dispose()


_READ = text("SELECT taps FROM taps WHERE user_id = :user_id")
_WRITE = text("UPDATE taps SET taps = :taps WHERE user_id = :user_id")


def one_read_one_write(engine: AsyncEngine) -> TapCounter:
    async def count(user_id: int) -> int:
        async with engine.begin() as connection:
            taps = (await connection.execute(_READ, {"user_id": user_id})).scalar_one() + 1
            await connection.execute(_WRITE, {"taps": taps, "user_id": user_id})
        return int(taps)

    return count


@asynccontextmanager
async def baseline_scenario(
    name: str, users: Sequence[FakeUser], count: TapCounter, engine: AsyncEngine | None = None
) -> AsyncIterator[Scenario]:
    api = CountingBotApi()
    application: AnyApplication = (
        ApplicationBuilder().token(api.token).request(api).get_updates_request(api).build()
    )
    application.add_handler(CallbackQueryHandler(baseline_handler(count)))
    errors = HandlerErrors.attach(application)
    async with application:
        for user in users:
            api.remember_chat(user.chat_json())
            await application.bot.send_message(
                user.id, f"{BASELINE_TEXT}\n\nTap 0", reply_markup=BASELINE_KEYBOARD
            )
        riders: list[Rider] = [RepeatTapRider(api, user) for user in users]
        scenario = Scenario(
            name, application, api, riders, errors, engine.sync_engine if engine else None
        )
        scenario.check()
        yield scenario


@asynccontextmanager
async def limber_scenario(
    workdir: Path, users: Sequence[FakeUser], *, media: bool = False, mixed: bool = False
) -> AsyncIterator[Scenario]:
    """Limber; with *media*, the exercise screens are animation messages (sendAnimation,
    editMessageMedia, caption edits) from a media set rendered ahead (tiny stand-in files: what is
    measured is the tap's path, not the renderer's)."""
    name = MEDIA if media else MIXED if mixed else "Limber"
    words = {code: ENGLISH_WORDS for code in MIXED_CODES}
    if mixed:  # each person's Telegram in one of the languages, their screens in it
        users = [
            replace(user, language_code=MIXED_CODES[n % len(MIXED_CODES)])
            for n, user in enumerate(users)
        ]
        languages = shipped_languages(load_content())
        assert languages is not None
        words = {
            code: RiderWords.of(code, languages.content(languages.code_for(code)).texts)
            for code in MIXED_CODES
        }
    url = f"sqlite+aiosqlite:///{workdir / f'{name}.sqlite3'}"
    await asyncio.to_thread(upgrade, url)  # Alembic's env runs its own event loop
    api = CountingBotApi()
    library = None
    if media:
        library = FakeMediaLibrary(workdir / "media", load_content())
        for key, variant, side in library.pictures():
            library.animation(key, variant, side)
            library.still(key, variant, side)
    clock = DayClock()
    async with running_limber(api, url, media_library=library, clock=clock) as limber:
        riders: list[Rider] = [
            LimberRider(api, user, clock, words[user.language_code or "en"]) for user in users
        ]
        scenario = Scenario(
            name, limber.application, api, riders, limber.errors, limber.database.units_engine
        )
        await scenario.set_up_users()
        yield scenario


# --- measuring ------------------------------------------------------------------------------------


@dataclass
class Run:
    scenario: str
    mode: str
    seconds: float
    cpu_seconds: float  # the whole process (all threads), during the run
    samples: list[Sample]
    methods: Counter[str]
    message_samples: list[Sample]  # updates sent between the taps (Limber's /session)

    @property
    def taps(self) -> int:
        return len(self.samples)

    @property
    def taps_per_s(self) -> float:
        return self.taps / self.seconds

    @property
    def cpu_ms_per_tap(self) -> float:
        return 1000 * self.cpu_seconds / self.taps

    def latency_ms(self, fraction: float) -> float:
        return 1000 * percentile([sample.seconds for sample in self.samples], fraction)

    @property
    def max_ms(self) -> float:
        return 1000 * max(sample.seconds for sample in self.samples)

    @property
    def mean_ms(self) -> float:
        return 1000 * statistics.fmean(sample.seconds for sample in self.samples)

    @property
    def calls_per_tap(self) -> float:
        return statistics.fmean(sample.calls for sample in self.samples)

    @property
    def calls_histogram(self) -> Counter[int]:
        return Counter(sample.calls for sample in self.samples)

    @property
    def api_ms_per_tap(self) -> float:
        return 1000 * statistics.fmean(sample.api_seconds for sample in self.samples)


async def measure(scenario: Scenario, mode: str, taps: int) -> Run:
    """*taps* taps: one at a time with all the people in turn, or a cohort's loops at once."""
    riders = scenario.riders if mode == SEQUENTIAL else scenario.next_cohort()
    samples: list[Sample] = []
    scenario.message_samples.clear()
    settle_heap()  # as `limber run` does once the bot is built
    cpu_start = time.process_time()
    start = time.perf_counter()
    if mode == SEQUENTIAL:
        for number in range(taps):
            samples.append(await scenario.tap(riders[number % len(riders)]))
    else:

        async def user_loop(rider: Rider, count: int) -> None:
            for _ in range(count):
                samples.append(await scenario.tap(rider))

        shares = [taps // len(riders) + (i < taps % len(riders)) for i in range(len(riders))]
        await asyncio.gather(*(user_loop(r, n) for r, n in zip(riders, shares, strict=True)))
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    methods = Counter(call.method for call in scenario.api.calls())
    scenario.check()
    return Run(
        scenario.name,
        mode,
        seconds,
        cpu_seconds,
        samples,
        methods,
        list(scenario.message_samples),
    )


CHUNK_TAPS = 250


async def interleaved(scenarios: Sequence[Scenario], mode: str, taps: int) -> list[Run]:
    """One measurement of *taps* taps per scenario, taken in chunks that take turns.

    The load of a shared machine changes from one second to the next: taking turns every
    CHUNK_TAPS taps (in a rotating order) gives every scenario the same share of quiet and busy
    moments, so their ratios hold even when the absolute figures move.
    """
    chunks: dict[str, list[Run]] = {scenario.name: [] for scenario in scenarios}
    done = 0
    turn = 0
    while done < taps:
        size = min(CHUNK_TAPS, taps - done)
        order = [*scenarios[turn % len(scenarios) :], *scenarios[: turn % len(scenarios)]]
        for scenario in order:
            chunks[scenario.name].append(await measure(scenario, mode, size))
        done += size
        turn += 1
    return [merge(runs) for runs in chunks.values()]


def merge(runs: Sequence[Run]) -> Run:
    """Chunks of one measurement as one run: times added up, samples pooled."""
    first = runs[0]
    return Run(
        first.scenario,
        first.mode,
        sum(run.seconds for run in runs),
        sum(run.cpu_seconds for run in runs),
        [sample for run in runs for sample in run.samples],
        sum((run.methods for run in runs), Counter[str]()),
        [sample for run in runs for sample in run.message_samples],
    )


@dataclass
class SqlCount:
    taps: int = 0
    statements: int = 0
    transactions: int = 0
    round_trips: int = 0  # to aiosqlite's thread (-1: could not count)


async def sql_per_tap(scenario: Scenario, taps: int) -> dict[str, SqlCount]:
    """Statements, transactions and DB-thread round trips of each kind of tap ("all": overall).

    A separate sequential pass, since the listeners cost time. Only the taps' own work counts,
    not that of a /session sent in between. SQLite's `BEGIN IMMEDIATE` counts as a statement.
    Round trips are counted by wrapping aiosqlite's `Connection._execute` (every call into its
    worker thread goes through it) for the length of this pass.
    """
    assert scenario.engine is not None
    sync_engine = scenario.engine
    current: list[SqlCount] = []  # the counts of the tap being processed, if any

    def on_execute(*_: Any) -> None:
        for count in current:
            count.statements += 1

    def on_commit(*_: Any) -> None:
        for count in current:
            count.transactions += 1

    def on_begin(*_: Any) -> None:
        # Limber's units of work send BEGIN IMMEDIATE to the driver directly (no cursor event).
        on_execute()

    connection_class: Any = None
    original: Any = None
    try:
        import aiosqlite.core

        connection_class = aiosqlite.core.Connection
        original = connection_class._execute
    except (ImportError, AttributeError):
        pass

    async def counted_execute(self: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        for count in current:
            count.round_trips += 1
        return await original(self, fn, *args, **kwargs)

    by_kind: dict[str, SqlCount] = {}
    overall = SqlCount()
    event.listen(sync_engine, "before_cursor_execute", on_execute)
    event.listen(sync_engine, "commit", on_commit)
    event.listen(sync_engine, "begin", on_begin)
    if original is not None:
        connection_class._execute = counted_execute
    try:
        for number in range(taps):
            rider = scenario.riders[number % len(scenario.riders)]
            is_tap = False
            while not is_tap:
                payload, is_tap = rider.next_update()
                if is_tap:
                    kind = by_kind.setdefault(rider.last_kind, SqlCount())
                    kind.taps += 1
                    overall.taps += 1
                    current[:] = [kind, overall]
                await scenario.process(payload)
                current.clear()
    finally:
        event.remove(sync_engine, "before_cursor_execute", on_execute)
        event.remove(sync_engine, "commit", on_commit)
        event.remove(sync_engine, "begin", on_begin)
        if original is not None:
            connection_class._execute = original
    if original is None:
        for count in (overall, *by_kind.values()):
            count.round_trips = -1
    scenario.check()
    return {"all": overall, **by_kind}


async def traced_peak(scenario: Scenario, mode: str, taps: int) -> tuple[float, float]:
    """tracemalloc's peak (MiB above what was live at the start) and what was left after."""
    gc.collect()
    tracemalloc.start()
    try:
        await measure(scenario, mode, taps)
        gc.collect()
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20, current / 2**20


# --- the run --------------------------------------------------------------------------------------


@dataclass
class Options:
    taps: int
    repeats: int
    warmup: int
    users: int  # at once, in the concurrent mode
    people: int  # all the simulated people; the concurrent mode takes them `users` at a time
    profile: bool
    trace_memory: bool

    @property
    def traced_taps(self) -> int:
        """tracemalloc slows Python down a few times; the peak settles within a few hundred."""
        return min(self.taps, 300)


@dataclass
class Results:
    runs: list[Run] = field(default_factory=list)
    sql: dict[str, SqlCount] = field(default_factory=dict)
    rss_start_mib: float = 0.0
    rss_ready_mib: float = 0.0
    rss_end_mib: float = 0.0
    traced: dict[str, tuple[float, float]] = field(default_factory=dict)
    profile: pstats.Stats | None = None
    unscripted: Counter[str] = field(default_factory=Counter)
    sessions_per_person: float = 0.0  # by the end of the measured runs
    seconds: float = 0.0
    load: tuple[tuple[float, float, float], tuple[float, float, float]] = ((0, 0, 0), (0, 0, 0))

    def of(self, scenario: str, mode: str) -> list[Run]:
        return [run for run in self.runs if run.scenario == scenario and run.mode == mode]


def make_users(count: int) -> list[FakeUser]:
    return [
        FakeUser(id=700_001 + n, first_name=f"Rider{n}", username=f"rider{n}") for n in range(count)
    ]


async def run_benchmark(options: Options) -> Results:
    results = Results(rss_start_mib=maxrss_mib())
    started = time.perf_counter()
    load_before = os.getloadavg()
    users = make_users(options.people)
    with tempfile.TemporaryDirectory(prefix="limber-bench-") as tmp:
        workdir = Path(tmp)
        async with AsyncExitStack() as stack:
            framework = await stack.enter_async_context(
                baseline_scenario("framework alone", users, in_memory_counter())
            )
            engine = await stack.enter_async_context(sqlite_counter(workdir, users))
            bare = await stack.enter_async_context(
                baseline_scenario(
                    "framework + 1R1W SQLite", users, one_read_one_write(engine), engine
                )
            )
            limber = await stack.enter_async_context(limber_scenario(workdir, users))
            with_media = await stack.enter_async_context(
                limber_scenario(workdir, users, media=True)
            )
            mixed = await stack.enter_async_context(limber_scenario(workdir, users, mixed=True))
            scenarios = [framework, bare, limber, with_media, mixed]
            for scenario in scenarios:
                scenario.concurrency = options.users

            for scenario in scenarios:
                for mode in (SEQUENTIAL, CONCURRENT):
                    await measure(scenario, mode, options.warmup)
            results.sql = await sql_per_tap(limber, SQL_PASS_TAPS)
            results.rss_ready_mib = maxrss_mib()

            for _ in range(options.repeats):
                for mode in (SEQUENTIAL, CONCURRENT):
                    results.runs.extend(await interleaved(scenarios, mode, options.taps))
            results.rss_end_mib = maxrss_mib()
            people = [rider for rider in limber.riders if isinstance(rider, LimberRider)]
            for person in people:
                results.unscripted.update(person.unscripted)
            results.sessions_per_person = statistics.fmean(person.sessions for person in people)

            if options.trace_memory:
                for mode in (SEQUENTIAL, CONCURRENT):
                    results.traced[mode] = await traced_peak(limber, mode, options.traced_taps)
            if options.profile:
                profiler = cProfile.Profile()
                profiler.enable()
                await measure(limber, SEQUENTIAL, options.taps)
                profiler.disable()
                results.profile = pstats.Stats(profiler)
    results.seconds = time.perf_counter() - started
    results.load = (load_before, os.getloadavg())
    return results


# --- the report -----------------------------------------------------------------------------------


def median(runs: Sequence[Run], value: Callable[[Run], float]) -> float:
    return statistics.median(value(run) for run in runs)


def goal_note(scenario: str, mode: str, taps_per_s: float, p99: float) -> str:
    if scenario != "Limber":
        return ""
    if mode == SEQUENTIAL:
        met = taps_per_s >= GOAL_SEQ_TAPS_PER_S and p99 <= GOAL_SEQ_P99_MS
        goal = f"≥{GOAL_SEQ_TAPS_PER_S:.0f}/s, p99≤{GOAL_SEQ_P99_MS:.0f}"
    else:
        met = p99 <= GOAL_CONC_P99_MS
        goal = f"p99≤{GOAL_CONC_P99_MS:.0f}"
    return f"{goal}: {'met' if met else 'MISSED'}"


def kinds_report(runs: Sequence[Run]) -> str:
    """Limber's sequential taps by what was tapped, pooled over the repeats; and the messages."""
    by_kind: dict[str, list[float]] = {}
    for run in runs:
        for sample in run.samples:
            by_kind.setdefault(sample.kind, []).append(1000 * sample.seconds)
    total = sum(len(values) for values in by_kind.values())
    everything = [value for values in by_kind.values() for value in values]
    lines = [
        "Limber sequential taps by kind (pooled repeats): share of taps, p50 / p99 / mean ms",
        f"  {'all taps':<32} 100.0 %  {_stats(everything)}",
    ]
    for kind, values in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        lines.append(f"  {kind:<32} {100 * len(values) / total:5.1f} %  {_stats(values)}")
    messages = [1000 * sample.seconds for run in runs for sample in run.message_samples]
    if messages:
        share = f"+{100 * len(messages) / total:.1f}"
        lines.append(f"  {'/session message (not a tap)':<32} {share:>5} %  {_stats(messages)}")
        lines.append(
            f"  tap capacity, 1 / mean tap latency: {1000 / statistics.fmean(everything):.0f} "
            "taps/s (the taps/s column also spends time on the /session messages)"
        )
    return "\n".join(lines)


def _stats(values: Sequence[float]) -> str:
    return (
        f"{percentile(values, 0.5):6.2f} / {percentile(values, 0.99):6.2f} / "
        f"{statistics.fmean(values):6.2f}"
    )


def _change_against_limber(results: Results, scenario: str, mode: str) -> float:
    """The median change in taps/s of *scenario* against plain Limber, repeat by repeat."""
    ratios = [
        run.taps_per_s / limber.taps_per_s
        for run, limber in zip(results.of(scenario, mode), results.of("Limber", mode), strict=True)
    ]
    return statistics.median(ratios) - 1


def report(options: Options, results: Results) -> str:
    lines: list[str] = []
    out = lines.append
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    out(
        f"Limber tap benchmark · {datetime.now().astimezone():%Y-%m-%d %H:%M %Z} · "
        f"{options.taps} taps × {options.repeats} repeats (median); {options.people} people, "
        f"{options.users} at once in the concurrent mode; warm-up {options.warmup}"
    )
    out(
        f"machine: {cores} cores, {cpu_model()}, Python {platform.python_version()}, "
        f"{versions()}; load avg {results.load[0][0]:.2f} → {results.load[1][0]:.2f}"
    )
    out("")
    header = (
        f"{'scenario':<24} {'mode':<10} {'taps/s':>7} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'max ms':>7} {'CPU ms':>7} {'calls/tap':>9} {'fake ms':>7}  goal"
    )
    out(header)
    out("-" * len(header))
    names = list(dict.fromkeys(run.scenario for run in results.runs))
    for mode in (SEQUENTIAL, CONCURRENT):
        for name in names:
            runs = results.of(name, mode)
            rate = median(runs, lambda run: run.taps_per_s)
            p99 = median(runs, lambda run: run.latency_ms(0.99))
            label = mode if mode == SEQUENTIAL else f"{options.users} users"
            out(
                f"{name:<24} {label:<10} {rate:>7.0f} "
                f"{median(runs, lambda run: run.latency_ms(0.5)):>7.2f} {p99:>7.2f} "
                f"{median(runs, lambda run: run.max_ms):>7.1f} "
                f"{median(runs, lambda run: run.cpu_ms_per_tap):>7.2f} "
                f"{median(runs, lambda run: run.calls_per_tap):>9.2f} "
                f"{median(runs, lambda run: run.api_ms_per_tap):>7.2f}  "
                f"{goal_note(name, mode, rate, p99)}"
            )
    out("")
    out("taps/s of each repeat (the spread is the machine's noise):")
    for mode in (SEQUENTIAL, CONCURRENT):
        for name in names:
            rates = " ".join(f"{run.taps_per_s:.0f}" for run in results.of(name, mode))
            out(f"  {name:<24} {mode:<10} {rates}")
    out("")
    out(kinds_report(results.of("Limber", SEQUENTIAL)))
    out("")
    for mode in (SEQUENTIAL, CONCURRENT):
        ratios = [
            alone.taps_per_s / limber.taps_per_s
            for alone, limber in zip(
                results.of("framework alone", mode), results.of("Limber", mode), strict=True
            )
        ]
        bare_ratios = [
            bare.taps_per_s / limber.taps_per_s
            for bare, limber in zip(
                results.of("framework + 1R1W SQLite", mode),
                results.of("Limber", mode),
                strict=True,
            )
        ]
        out(
            f"time per tap, Limber / framework alone ({mode}): ×{statistics.median(ratios):.1f}; "
            f"Limber / framework + 1R1W: ×{statistics.median(bare_ratios):.2f}"
        )
    for mode in (SEQUENTIAL, CONCURRENT):
        # A goal bounds a cost: faster than English text screens (noise) is no miss.
        for scenario, against, goal in (
            (MEDIA, "text screens", MEDIA_GOAL),
            (MIXED, "English", LANGUAGE_GOAL),
        ):
            change = _change_against_limber(results, scenario, mode)
            met = change >= -goal
            bound = f"at most {goal:.0%} fewer".replace("%", " %")
            verdict = f"{bound}: met" if met else f"MISSED (goal: {bound})"
            out(f"taps/s, {scenario} / Limber ({against}) ({mode}): {change:+.1%} — {verdict}")
    media_runs = results.of(MEDIA, SEQUENTIAL) + results.of(MEDIA, CONCURRENT)
    media_methods = sum((run.methods for run in media_runs), Counter[str]())
    out(
        f"{MEDIA} Bot API calls: "
        + ", ".join(f"{method} {count}" for method, count in media_methods.most_common())
    )
    limber_runs = results.of("Limber", SEQUENTIAL) + results.of("Limber", CONCURRENT)
    methods = sum((run.methods for run in limber_runs), Counter[str]())
    histogram = sum((run.calls_histogram for run in limber_runs), Counter[int]())
    taps = sum(run.taps for run in limber_runs)
    messages = sum(len(run.message_samples) for run in limber_runs)
    by_method = ", ".join(f"{method} {count}" for method, count in methods.most_common())
    out(
        f"Limber Bot API calls per tap: {sum(k * n for k, n in histogram.items()) / taps:.2f} "
        f"(taps by their number of calls: {dict(sorted(histogram.items()))}); all calls of "
        f"{taps} taps and {messages} /session messages: {by_method}"
    )
    out(
        f"Limber's people had {results.sessions_per_person:.0f} sessions each by the end "
        "(all today: the 90-day history that finishing taps read holds them all)"
    )
    if results.unscripted:
        screens = ", ".join(f"{text!r} ×{n}" for text, n in results.unscripted.most_common(3))
        out(f"taps on screens the rider does not know (it tapped the first button): {screens}")
    out(
        "Limber SQL per tap (a separate pass): statements (BEGIN included) / transactions / "
        "round trips to aiosqlite's thread"
    )
    for kind, count in sorted(results.sql.items(), key=lambda item: -item[1].taps):
        trips = "n/a" if count.round_trips < 0 else f"{count.round_trips / count.taps:5.1f}"
        out(
            f"  {kind:<28} {count.statements / count.taps:5.1f} / "
            f"{count.transactions / count.taps:4.2f} / {trips}   ({count.taps} taps)"
        )
    out(
        f"memory: ru_maxrss {results.rss_start_mib:.0f} MiB after imports, "
        f"{results.rss_ready_mib:.0f} MiB after set-up and warm-up, "
        f"{results.rss_end_mib:.0f} MiB after the measured runs (one process, 4 scenarios)"
    )
    if results.traced:
        parts = [
            f"{mode} {peak:.1f} MiB peak, {left:.1f} MiB left after"
            for mode, (peak, left) in results.traced.items()
        ]
        out(
            f"tracemalloc over {options.traced_taps} more Limber taps per mode (a separate pass): "
            + "; ".join(parts)
        )
    out(f"total run time {results.seconds:.0f} s")
    return "\n".join(lines)


# Where time is spent, by the file a function is defined in. cProfile sees the event loop's
# thread only: aiosqlite runs SQLite in a thread of its own, which shows here as the hand-off
# (queue put) and as the loop waiting in the selector for the result.
_LAYERS = (
    ("Limber (bot/)", f"{os.sep}bot{os.sep}"),
    ("fake Bot API (tests/support/)", f"{os.sep}tests{os.sep}support{os.sep}"),
    ("benchmark driver (bench/)", f"{os.sep}bench{os.sep}"),
    ("python-telegram-bot", f"{os.sep}telegram{os.sep}"),
    ("SQLAlchemy", f"{os.sep}sqlalchemy{os.sep}"),
    ("aiosqlite", f"{os.sep}aiosqlite{os.sep}"),
    ("asyncio", f"{os.sep}asyncio{os.sep}"),
    ("json", f"{os.sep}json{os.sep}"),
)


def _layer(filename: str, function: str) -> str:
    for name, marker in _LAYERS:
        if marker in filename:
            return name
    if filename != "~":
        return "other Python"
    if "epoll" in function or "select" in function:
        return "loop idle in the selector (waiting for the DB thread)"
    if "SimpleQueue" in function:
        return "hand-off to the DB thread (SimpleQueue.put)"
    if "json" in function:
        return "json"
    if "sqlite3" in function:
        return "sqlite3"
    return "other C built-ins"


def _where(filename: str, line: int, function: str) -> str:
    if filename == "~":
        return function
    return f"{function} ({'/'.join(Path(filename).parts[-2:])}:{line})"


def profile_report(stats: pstats.Stats, taps: int) -> str:
    """Own time by layer, the functions with the most own time, and the biggest callees."""
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, Any]]
    raw = stats.stats  # type: ignore[attr-defined]
    layers: dict[str, float] = {}
    for (filename, _line, function), (_cc, _nc, tottime, _ct, _callers) in raw.items():
        layer = _layer(filename, function)
        layers[layer] = layers.get(layer, 0.0) + tottime
    total = sum(layers.values())
    per_tap = 1000 / taps
    lines = [
        f"cProfile, {taps} sequential Limber taps (times inflated by the profiler; compare "
        "shares): own time by layer, ms per tap"
    ]
    for name, seconds in sorted(layers.items(), key=lambda item: -item[1]):
        lines.append(f"  {name:<55} {seconds * per_tap:6.3f}  {100 * seconds / total:5.1f} %")
    lines.append("most own time (ms per tap):")
    by_own = sorted(raw.items(), key=lambda item: item[1][2], reverse=True)
    for (filename, line, function), (_cc, _nc, tottime, _ct, _callers) in by_own[:15]:
        lines.append(f"  {tottime * per_tap:7.3f}  {_where(filename, line, function)}")
    lines.append("most cumulative time, outside asyncio and this driver (ms per tap):")
    by_cumulative = sorted(raw.items(), key=lambda item: item[1][3], reverse=True)
    shown = 0
    for (filename, line, function), (_cc, _nc, _tt, cumtime, _callers) in by_cumulative:
        layer = _layer(filename, function)
        if filename == "~" or layer in ("asyncio", "benchmark driver (bench/)"):
            continue
        if "contextlib" in filename:
            continue
        lines.append(f"  {cumtime * per_tap:7.3f}  {_where(filename, line, function)}")
        shown += 1
        if shown == 25:
            break
    return "\n".join(lines)


def parse_options(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(
        prog="python -m bench.taps", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="300 taps per measurement")
    parser.add_argument("--taps", type=int, help="taps per measurement (default 2000)")
    parser.add_argument("--repeats", type=int, default=3, help="repeats; the median is shown")
    parser.add_argument(
        "--users", type=int, default=8, help="users tapping at once, concurrent mode (default 8)"
    )
    parser.add_argument(
        "--people",
        type=int,
        default=16,
        help="simulated people, taking turns (default 16: each has about 80 sessions by the end)",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile one Limber run")
    parser.add_argument(
        "--smoke", action="store_true", help="a few taps: that it runs, no meaningful figures"
    )
    parser.add_argument(
        "--no-tracemalloc", action="store_true", help="skip the tracemalloc pass (memory peak)"
    )
    args = parser.parse_args(argv)
    if args.smoke:  # the test suite's smoke run (tests/e2e/test_bench_smoke.py)
        return Options(
            taps=8, repeats=1, warmup=4, users=2, people=2, profile=False, trace_memory=False
        )
    taps = args.taps or (300 if args.quick else 2000)
    if taps < args.users or args.repeats < 1 or args.people < args.users:
        parser.error("need a tap per user, a repeat, and at least as many people as users")
    return Options(
        taps=taps,
        repeats=args.repeats,
        warmup=50 if args.quick else 200,
        users=args.users,
        people=args.people,
        profile=args.profile,
        trace_memory=not args.no_tracemalloc,
    )


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_options(argv)
    try:
        results = asyncio.run(run_benchmark(options))
    except BenchError as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    print(report(options, results))
    if results.profile is not None:
        print()
        print(profile_report(results.profile, options.taps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
