"""One set, spoken and timed: the voice guide's script and the set timer's moments, as data.

The words are content (`content/voice.yaml`, validated here). `build()` turns them and a dose into
cues with start times; each cue's slot is the *measured* length of its phrase (the caller passes
`measure`, which synthesises it) plus a silent tail, so speech never runs into the next cue.
`moment_at()` reads the same script back for the ⏱ timer: which rep, which side, which hold and
how many seconds are left. Pure: no audio, no Telegram, no database.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from bot.routine.content import Dose, _Strict

Variant = Literal["regular", "gentler"]
SideName = Literal["left", "right"]

# What a voice may read: words and digits in any script ("Mantén", "Поднимите", "پل"), light
# punctuation (¡ ¿, the Persian comma and question mark, guillemets, the Ukrainian apostrophe) and
# the combining marks some scripts need (the Persian ezafe). No arrows, dashes or emoji, which a
# speech engine reads aloud by name ("right arrow").
SPEAKABLE = re.compile(r"^(?:[^\W_]|[ ,.;:'’!?()¡¿«»،؟\u200c\u0654-])+$")


def _speakable(text: str, where: str) -> None:
    filled = text.replace("{side}", "left").replace("{name}", "Bridge").replace("{seconds}", "10")
    if not SPEAKABLE.match(filled):
        raise ValueError(f"{where}: only words and , . ; : ' ! ? ( ) - are spoken: {text!r}")


class Move(_Strict):
    """One movement of a rep. `say` is the full cue (first rep), `again` the short one (later
    reps); with `hold`, the dose's hold follows, started by `hold` spoken and shown by the timer
    as `hold_name`. `name` is what the timer shows while the move is made."""

    say: str = Field(min_length=1)
    again: str = Field(min_length=1)
    name: str = Field(min_length=1, max_length=40)
    hold: str | None = Field(default=None, min_length=1)
    hold_name: str = Field(default="hold", min_length=1, max_length=40)


class ExerciseScript(_Strict):
    """The words for one exercise (or its gentler option). `side` names a side, "{side} knee";
    when set, the first move's cues name it too (it changes every rep)."""

    name: str = Field(min_length=1, max_length=60)
    side: str | None = Field(default=None, min_length=1)
    moves: tuple[Move, ...] = Field(min_length=1)
    release: str = Field(min_length=1)
    release_again: str = Field(min_length=1)
    mid_hold: tuple[str, ...] | None = None

    @model_validator(mode="after")
    def _words_are_speakable_and_name_the_side(self) -> ExerciseScript:
        phrases = [self.name, self.release, self.release_again, *(self.mid_hold or ())]
        for move in self.moves:
            phrases += [move.say, move.again, *([move.hold] if move.hold else [])]
        for phrase in phrases:
            _speakable(phrase, self.name)
        first = self.moves[0]
        if self.side is not None:
            if "{side}" not in self.side:
                raise ValueError(f"{self.name}: `side` must contain {{side}}")
            if "{side}" not in first.say or "{side}" not in first.again:
                raise ValueError(f"{self.name}: the first move names the side ({{side}})")
        if not any(move.hold for move in self.moves):
            raise ValueError(f"{self.name}: at least one move holds")
        return self


class ScriptWords(_Strict):
    start: str = Field(min_length=1)
    end: str = Field(min_length=1)
    left: str = Field(min_length=1)
    right: str = Field(min_length=1)
    count: tuple[str, ...] = Field(min_length=1)
    seconds_left: str = Field(min_length=1)
    mid_hold: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _speakable(self) -> ScriptWords:
        for phrase in (self.start, self.end, self.seconds_left, *self.count, *self.mid_hold):
            _speakable(phrase, "words")
        return self


class ScriptTiming(_Strict):
    """Seconds. A slot is never shorter than its phrase plus `tail`; these are the least a person
    needs to do what the phrase asks."""

    tail: float = Field(ge=0.1, le=2)
    lead_in: float = Field(ge=1, le=20)
    to_hold: float = Field(ge=0.5, le=10)
    move: float = Field(ge=0.5, le=10)
    rest: float = Field(ge=0.5, le=20)
    countdown: int = Field(ge=0, le=5)
    long_hold: int = Field(ge=5, le=120)
    mid_hold_at: float = Field(ge=1, le=30)
    mid_hold_every: float = Field(ge=2, le=30)
    seconds_left: int = Field(ge=3, le=60)
    end_pause: float = Field(ge=0, le=10)


class VoiceContent(_Strict):
    voice: str
    rate: int = Field(ge=80, le=300)
    words: ScriptWords
    timing: ScriptTiming
    exercises: Mapping[str, Mapping[Variant, ExerciseScript]]

    def of(self, exercise_key: str, variant: Variant) -> ExerciseScript:
        return self.exercises[exercise_key][variant]


class CueKind(StrEnum):
    START = "start"
    MOVE = "move"
    HOLD = "hold"
    MID = "mid"
    COUNT = "count"
    RELEASE = "release"
    END = "end"


@dataclass(frozen=True)
class Cue:
    """One phrase at *time*. *slot*: its measured length plus the silent tail (the next cue
    starts no earlier). *rep*, *side* and *label* tell the timer where the set stands."""

    time: float
    kind: CueKind
    text: str
    slot: float
    rep: int = 0
    side: str | None = None
    label: str = ""
    hold_end: float = 0.0
    last_of_rep: bool = False


@dataclass(frozen=True)
class SetScript:
    cues: tuple[Cue, ...]
    length: float
    reps: int


def build(
    voice: VoiceContent,
    exercise_key: str,
    variant: Variant,
    dose: Dose,
    measure: Callable[[str], float],
    first_side: SideName = "left",
) -> SetScript:
    """The cues of one set at *dose*; *measure* gives a phrase's spoken length in seconds.
    Per-side doses alternate sides rep by rep (the clinical notes: "alternate")."""
    words, timing, own = voice.words, voice.timing, voice.of(exercise_key, variant)
    cues: list[Cue] = []

    def slot(text: str) -> float:
        return measure(text) + timing.tail

    def add(time: float, kind: CueKind, text: str, **where: object) -> float:
        cues.append(Cue(time, kind, text, slot(text), **where))  # type: ignore[arg-type]
        return time + slot(text)

    start = words.start.format(name=own.name)
    t = max(add(0.0, CueKind.START, start), timing.lead_in)
    sides: list[SideName] = [first_side]
    if dose.per_side and own.side is not None:
        sides = [first_side, "right" if first_side == "left" else "left"]
    for rep in range(1, dose.reps + 1):
        for index, side_key in enumerate(sides):
            side_word = words.left if side_key == "left" else words.right
            side = own.side.format(side=side_word) if own.side and dose.per_side else None
            where = {"rep": rep, "side": side}
            for move in own.moves:
                text = (move.say if rep == 1 else move.again).format(side=side_word)
                spoken = add(t, CueKind.MOVE, text, label=move.name, **where)
                if move.hold is None or dose.hold_seconds == 0:
                    t = max(spoken, t + timing.move)
                    continue
                t = max(spoken, t + timing.to_hold)
                t = _hold(cues, t, move, dose.hold_seconds, voice, own, slot, where)
            release = own.release if rep == 1 else own.release_again
            last = index == len(sides) - 1
            spoken = add(t, CueKind.RELEASE, release, last_of_rep=last, **where)
            t = max(spoken, t + timing.rest)
    t = add(t, CueKind.END, words.end.format(name=own.name))
    return SetScript(tuple(cues), t + timing.end_pause, dose.reps)


def _hold(
    cues: list[Cue],
    start: float,
    move: Move,
    seconds: int,
    voice: VoiceContent,
    own: ExerciseScript,
    slot: Callable[[str], float],
    where: Mapping[str, object],
) -> float:
    """The hold's cues from *start*; returns when it ends. Long holds get mid-hold cues and a
    countdown in their last seconds; a phrase that would not fit before the next is left out."""
    assert move.hold is not None
    words, timing = voice.words, voice.timing
    end = start + max(seconds, slot(move.hold))
    wanted: list[tuple[float, CueKind, str]] = []
    if seconds >= timing.long_hold:
        at = start + timing.mid_hold_at
        for phrase in own.mid_hold or words.mid_hold:
            wanted.append((at, CueKind.MID, phrase))
            at += timing.mid_hold_every
        if seconds >= timing.seconds_left * 2:
            left = words.seconds_left.format(seconds=timing.seconds_left)
            wanted.append((end - timing.seconds_left, CueKind.MID, left))
        counted = min(timing.countdown, len(words.count))
        for left_seconds in range(counted, 0, -1):
            wanted.append((end - left_seconds, CueKind.COUNT, words.count[left_seconds - 1]))
    wanted.sort(key=lambda item: item[0])
    common = {"hold_end": end, "label": move.hold_name, **where}
    cues.append(Cue(start, CueKind.HOLD, move.hold, slot(move.hold), **common))  # type: ignore[arg-type]
    free = start + slot(move.hold)
    for index, (at, kind, text) in enumerate(wanted):
        later = [time for time, later_kind, _ in wanted[index + 1 :] if later_kind is CueKind.COUNT]
        limit = min([end, *later])
        if at >= free and at + slot(text) <= limit:
            cues.append(Cue(at, kind, text, slot(text), **common))  # type: ignore[arg-type]
            free = at + slot(text)
    return end


class MomentKind(StrEnum):
    READY = "ready"
    MOVE = "move"
    HOLD = "hold"
    SWITCH = "switch"
    REST = "rest"
    DONE = "done"


@dataclass(frozen=True)
class SetMoment:
    """Where a set stands: what to do, which rep and side, the move's or hold's name, and the
    seconds left of a hold (for a switch, *side* is the side that comes next)."""

    kind: MomentKind
    rep: int
    reps: int
    side: str | None = None
    label: str = ""
    seconds_left: int = 0


def moment_at(set_script: SetScript, elapsed: float) -> SetMoment:
    """The set timer *elapsed* seconds in: the last cue that has started."""
    reps = set_script.reps
    if elapsed >= set_script.length:
        return SetMoment(MomentKind.DONE, reps, reps)
    cues = set_script.cues
    started = [index for index, cue in enumerate(cues) if cue.time <= elapsed]
    if not started:
        return SetMoment(MomentKind.READY, 1, reps, _first_side(cues))
    index = started[-1]
    cue = cues[index]
    match cue.kind:
        case CueKind.START:
            return SetMoment(MomentKind.READY, 1, reps, _first_side(cues))
        case CueKind.MOVE:
            return SetMoment(MomentKind.MOVE, cue.rep, reps, cue.side, cue.label)
        case CueKind.HOLD | CueKind.MID | CueKind.COUNT:
            # to the millisecond first: 30.3 − 10.3 is 20.000000000000004, still 20 s left
            left = max(1, math.ceil(round(cue.hold_end - elapsed, 3)))
            return SetMoment(MomentKind.HOLD, cue.rep, reps, cue.side, cue.label, left)
        case CueKind.RELEASE if not cue.last_of_rep:
            following = next((c.side for c in cues[index + 1 :] if c.kind is CueKind.MOVE), None)
            return SetMoment(MomentKind.SWITCH, cue.rep, reps, following)
        case CueKind.RELEASE:
            return SetMoment(MomentKind.REST, cue.rep, reps)
    return SetMoment(MomentKind.DONE, reps, reps)


def _first_side(cues: tuple[Cue, ...]) -> str | None:
    return next((cue.side for cue in cues if cue.kind is CueKind.MOVE), None)
