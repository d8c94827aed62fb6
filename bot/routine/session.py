"""The session state machine: one routine, one step at a time, pure and synchronous.

```mermaid
stateDiagram-v2
    [*] --> choose_track: the first time, the soreness question asks about the floor too
    [*] --> soreness_before
    choose_track --> soreness_before: "not today" / "no" (the track without the floor)
    choose_track --> exercise: soreness reported (on the floor: the answer is "yes")
    soreness_before --> soreness_before: "No floor today" (another track, before any exercise)
    soreness_before --> exercise: soreness reported (0–6)
    soreness_before --> finished: soreness 7–10 (a rest day: no routine today)
    exercise --> exercise: done / skip (next exercise)
    exercise --> exercise: gentler (the same exercise, its gentler option)
    exercise --> ease_off: too painful
    ease_off --> exercise: try the gentler option
    ease_off --> exercise: skip this one (next exercise)
    ease_off --> soreness_after: stop for today
    exercise --> soreness_after: done / skip on the last exercise
    soreness_after --> finished: soreness reported
    finished --> [*]
    note right of exercise: pause / resume keep the phase and step
```

Every event either moves the session on (and may record one outcome for the current exercise) or is
rejected with the state unchanged. The step never goes backwards, each exercise gets at most one
outcome (exactly one when the session completes), and a finished session accepts nothing.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from enum import StrEnum

from bot.routine.content import DEFAULT_TRACK, Routine


class Phase(StrEnum):
    CHOOSE_TRACK = "choose_track"
    """The soreness question before the first routine, with the floor question beside it."""
    SORENESS_BEFORE = "soreness_before"
    EXERCISE = "exercise"
    EASE_OFF = "ease_off"
    SORENESS_AFTER = "soreness_after"
    FINISHED = "finished"


class Status(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    STOPPED_FOR_PAIN = "stopped_for_pain"
    ABANDONED = "abandoned"


class SorenessContext(StrEnum):
    """When a soreness score was given (the `soreness_reports.context` column)."""

    BEFORE = "before"
    AFTER = "after"


class Outcome(StrEnum):
    DONE = "done"
    GENTLER_DONE = "gentler_done"
    TOO_PAINFUL = "too_painful"
    PAINFUL_GENTLER = "pain_gentler"
    """ "Too painful", then the gentler option done: the pain stays in the record."""
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Done:
    """The user finished the exercise (or its gentler option, if that is on screen)."""


@dataclass(frozen=True)
class TooPainful:
    """The exercise hurt: offer to ease off."""


@dataclass(frozen=True)
class Skip:
    """The user skipped the exercise without doing it."""


@dataclass(frozen=True)
class Pause:
    """Hold the session where it is."""


@dataclass(frozen=True)
class Resume:
    """Continue a paused session."""


@dataclass(frozen=True)
class TryGentler:
    """After "too painful": show the exercise's gentler option."""


@dataclass(frozen=True)
class SwitchToGentler:
    """On the exercise screen: do this one's gentler option instead (no pain recorded)."""


@dataclass(frozen=True)
class SkipAfterPain:
    """After "too painful": leave this exercise out and go on."""


@dataclass(frozen=True)
class StopToday:
    """After "too painful": end the routine for today."""


@dataclass(frozen=True)
class SorenessReported:
    score: int


@dataclass(frozen=True)
class ChooseTrack:
    """Run this session on the track *routine_id*: the floor question's answer, or "No floor
    today" before the first exercise (a switch is allowed only before any exercise is done)."""

    routine_id: str


Event = (
    Done
    | TooPainful
    | Skip
    | Pause
    | Resume
    | TryGentler
    | SwitchToGentler
    | SkipAfterPain
    | StopToday
    | SorenessReported
    | ChooseTrack
)


@dataclass(frozen=True)
class SessionState:
    session_id: int
    phase: Phase = Phase.SORENESS_BEFORE
    step: int = 0
    gentler: bool = False
    paused: bool = False
    stopped_early: bool = False
    rest_day: bool = False
    gentle_start: bool = False
    soreness_before: int | None = None
    soreness_after: int | None = None
    hurt: bool = False
    """ "Too painful" was tapped on this step (kept through the gentler option, a pause, a skip)."""
    routine_id: str = DEFAULT_TRACK
    """The track this session runs (content/routines/<id>/)."""

    @property
    def status(self) -> Status:
        if self.phase is not Phase.FINISHED:
            return Status.IN_PROGRESS
        return Status.STOPPED_FOR_PAIN if self.stopped_early else Status.COMPLETED

    @property
    def finished(self) -> bool:
        return self.phase is Phase.FINISHED


@dataclass(frozen=True)
class Transition:
    """The result of one event: the new state, and the outcome recorded for `step`, if any."""

    state: SessionState
    accepted: bool
    step: int
    outcome: Outcome | None = None


def new_session(
    session_id: int,
    routine_id: str = DEFAULT_TRACK,
    *,
    gentle_start: bool = False,
    choose_track: bool = False,
) -> SessionState:
    """A session on the track *routine_id*; with *choose_track* it opens on the floor question."""
    phase = Phase.CHOOSE_TRACK if choose_track else Phase.SORENESS_BEFORE
    return SessionState(
        session_id=session_id, phase=phase, gentle_start=gentle_start, routine_id=routine_id
    )


def apply(
    routine: Routine,
    state: SessionState,
    event: Event,
    *,
    gentler_by_default: Collection[str] = frozenset(),
) -> Transition:
    """Apply *event* to *state*; a rejected event leaves the state as it was.

    *gentler_by_default*: keys of exercises that open on their gentler option (after "too
    painful" twice in a row, see `bot.routine.adaptation`). A session with `gentle_start` (the
    one after a flare-up) opens every exercise on its gentler option.
    """
    rejected = Transition(state, accepted=False, step=state.step)
    if state.finished:
        return rejected
    if isinstance(event, Resume):
        return _moved(state, replace(state, paused=False)) if state.paused else rejected
    if state.paused:
        return rejected
    if isinstance(event, Pause):
        return _moved(state, replace(state, paused=True))

    match state.phase, event:
        case Phase.CHOOSE_TRACK, ChooseTrack(routine_id=routine_id):
            chosen = replace(state, phase=Phase.SORENESS_BEFORE, routine_id=routine_id)
            return _moved(state, chosen)
        case Phase.SORENESS_BEFORE, ChooseTrack(routine_id=routine_id) if (
            routine_id != state.routine_id
        ):
            return _moved(state, replace(state, routine_id=routine_id))
        case ((Phase.SORENESS_BEFORE | Phase.CHOOSE_TRACK), SorenessReported(score=score)) if (
            _valid_score(score)
        ):
            if score >= routine.rules.too_sore_to_start:
                rest = replace(
                    state,
                    phase=Phase.FINISHED,
                    soreness_before=score,
                    stopped_early=True,
                    rest_day=True,
                )
                return _moved(state, rest)
            first = _opens_gentler(routine, state, 0, gentler_by_default)
            return _moved(
                state,
                replace(state, phase=Phase.EXERCISE, soreness_before=score, gentler=first),
            )
        case Phase.SORENESS_AFTER, SorenessReported(score=score) if _valid_score(score):
            return _moved(state, replace(state, phase=Phase.FINISHED, soreness_after=score))
        case Phase.EXERCISE, Done():
            outcome = Outcome.GENTLER_DONE if state.gentler else Outcome.DONE
            if state.hurt:
                outcome = Outcome.PAINFUL_GENTLER if state.gentler else Outcome.TOO_PAINFUL
            return _advance(routine, state, outcome, gentler_by_default)
        case Phase.EXERCISE, Skip():
            outcome = Outcome.TOO_PAINFUL if state.hurt else Outcome.SKIPPED
            return _advance(routine, state, outcome, gentler_by_default)
        case Phase.EXERCISE, SwitchToGentler() if can_try_gentler(routine, state):
            return _moved(state, replace(state, gentler=True))
        case Phase.EXERCISE, TooPainful():
            return _moved(state, replace(state, phase=Phase.EASE_OFF, hurt=True))
        case Phase.EASE_OFF, TryGentler() if can_try_gentler(routine, state):
            return _moved(state, replace(state, phase=Phase.EXERCISE, gentler=True))
        case Phase.EASE_OFF, SkipAfterPain():
            return _advance(routine, state, Outcome.TOO_PAINFUL, gentler_by_default)
        case Phase.EASE_OFF, StopToday():
            stopped = replace(
                state, phase=Phase.SORENESS_AFTER, gentler=False, stopped_early=True, hurt=False
            )
            return Transition(stopped, accepted=True, step=state.step, outcome=Outcome.TOO_PAINFUL)
    return rejected


EXERCISE_AFTER_PAIN = "exercise_after_pain"
"""How the store's `phase` column writes an exercise screen after "too painful" (the gentler
option on show): the phase and `hurt` in the one existing column, no migration."""


def asks_soreness_before(state: SessionState) -> bool:
    """The soreness question before the routine is on screen (with the floor question or not)."""
    return state.phase in (Phase.SORENESS_BEFORE, Phase.CHOOSE_TRACK)


def phase_column(state: SessionState) -> str:
    """*state*'s phase as stored; with `hurt` on the exercise screen, EXERCISE_AFTER_PAIN."""
    if state.phase is Phase.EXERCISE and state.hurt:
        return EXERCISE_AFTER_PAIN
    return state.phase.value


def phase_from_column(value: str) -> tuple[Phase, bool]:
    """The phase and `hurt` from the stored column (the ease-off screen always follows pain)."""
    if value == EXERCISE_AFTER_PAIN:
        return Phase.EXERCISE, True
    phase = Phase(value)
    return phase, phase is Phase.EASE_OFF


def can_try_gentler(routine: Routine, state: SessionState) -> bool:
    """The gentler option is offered once per exercise, where the exercise has one."""
    if state.gentler or state.step >= len(routine.exercises):
        return False
    return routine.exercises[state.step].gentler is not None


def is_current(state: SessionState, session_id: int, step: int) -> bool:
    """Whether a button made for (*session_id*, *step*) still belongs to the screen on show."""
    return state.session_id == session_id and state.step == step and not state.finished


def _valid_score(score: int) -> bool:
    return 0 <= score <= 10


def _moved(before: SessionState, after: SessionState) -> Transition:
    return Transition(after, accepted=True, step=before.step)


def _advance(
    routine: Routine, state: SessionState, outcome: Outcome, gentler_by_default: Collection[str]
) -> Transition:
    next_step = state.step + 1
    phase = Phase.EXERCISE if next_step < len(routine.exercises) else Phase.SORENESS_AFTER
    gentler = _opens_gentler(routine, state, next_step, gentler_by_default)
    moved = replace(state, phase=phase, step=next_step, gentler=gentler, hurt=False)
    return Transition(moved, accepted=True, step=state.step, outcome=outcome)


def _opens_gentler(
    routine: Routine, state: SessionState, step: int, gentler_by_default: Collection[str]
) -> bool:
    if step >= len(routine.exercises):
        return False
    exercise = routine.exercises[step]
    if exercise.gentler is None:
        return False
    return state.gentle_start or exercise.key in gentler_by_default
