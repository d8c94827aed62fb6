"""Adaptation: build a dose up when it goes well, ease off when it hurts — pure rules, table-tested.

The rules (CLINICAL.md, issue 4), for each exercise of the routine:

- **Step up.** After 3 good sessions in a row since the dose last changed, on 3 different days, the
  dose goes up one step: reps by `reps_step` up to `reps_max`, then hold by `hold_step` up to
  `hold_max` (a dimension without a step or a maximum does not grow). A *good* session for an
  exercise is a completed session in which the exercise was done, soreness before and after were
  both below 7, soreness after was at most 1 point above before, and the next-morning check-in (if
  any yet) was not "worse". Any other finished session — or any session with "too painful" on the
  exercise — starts the count again. While the gentler option is the default, good sessions (done
  either way) bring the regular option back instead, at the seed dose.
- **The 24-hour rule.** A "worse" next morning after the latest checked-in session eases every
  exercise that session reached, once: one step down (hold first, then reps), or — at the seed
  dose — the gentler option becomes the default. (After a raise this takes exactly the raise back.)
- **Ease off.** "Too painful" on the same exercise `too_painful_to_ease_off` times within the last
  `too_painful_window_sessions` sessions that reached it — not only in a row (trying the gentler
  option counts: the session offers it only after "too painful") — makes the gentler option the
  default, with the regular dose back at its seed; an exercise without a gentler option is lowered
  one step instead.
- **Safety.** Nothing steps up while a safety stop is active, when the latest session's soreness
  before was 7 or more, when any session in the last 7 days had soreness of 7 or more, or after two
  "worse" check-ins within 7 days (see `progression_hold`). Doses never go above the maxima nor
  below the seed dose. Easing off and taking back are never held.

`plan_adaptation` applies the rules to the whole history and returns the changes to store; call it
after every finished session and after every check-in. It is idempotent: each new dose records the
last session it took into account (`since_session`), so once the changes are stored, calling again
changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum

from bot.routine.content import Exercise, PainRules, Routine
from bot.routine.dosing import PersonalDose, personal_dose, seed_dose
from bot.routine.progress import CheckIn, SessionHistory, in_order
from bot.routine.session import Outcome, Status

DEFAULT_RULES = PainRules()
"""The numbers of the rules (routine.yaml `rules:`, with their meaning); these are the defaults."""

_PAINFUL = frozenset({Outcome.TOO_PAINFUL, Outcome.PAINFUL_GENTLER, Outcome.GENTLER_DONE})


class ChangeKind(StrEnum):
    RAISED = "raised"
    """One step more reps or a longer hold."""
    LOWERED = "lowered"
    """One step back (a "worse" morning after a raise, or pain without a gentler option)."""
    GENTLER_DEFAULT = "gentler_default"
    """The gentler option is given first from now on."""
    REGULAR_AGAIN = "regular_again"
    """The gentler option went well: the regular option is the default again, at its seed dose."""


@dataclass(frozen=True)
class DoseChange:
    """One exercise's dose changes from `old` to `new` (store `new`; announce a step up)."""

    exercise_key: str
    kind: ChangeKind
    old: PersonalDose
    new: PersonalDose

    @property
    def step_up(self) -> bool:
        return self.kind in (ChangeKind.RAISED, ChangeKind.REGULAR_AGAIN)


class Hold(StrEnum):
    """Why nothing may step up now (the last two also call for "see a GP or physiotherapist")."""

    SAFETY_STOP = "safety_stop"
    HIGH_SORENESS = "high_soreness"
    WORSE_CHECK_INS = "worse_check_ins"


def progression_hold(
    history: Sequence[SessionHistory],
    *,
    safety_stop: bool = False,
    rules: PainRules = DEFAULT_RULES,
) -> Hold | None:
    """Whether progression is held, and why; None when doses may step up.

    The 7 days are the local days ending on the latest session's date.
    """
    if safety_stop:
        return Hold.SAFETY_STOP
    ordered = in_order(history)
    if not ordered:
        return None
    latest = ordered[-1]
    if _high(latest.soreness_before, rules):
        return Hold.HIGH_SORENESS
    window_start = latest.local_date - timedelta(days=rules.hold_window_days - 1)
    recent = [s for s in ordered if s.local_date >= window_start]
    if any(_high(s.soreness_before, rules) or _high(s.soreness_after, rules) for s in recent):
        return Hold.HIGH_SORENESS
    if sum(1 for s in recent if s.check_in is CheckIn.WORSE) >= rules.worse_check_ins_to_hold:
        return Hold.WORSE_CHECK_INS
    return None


def flare_up(session: SessionHistory, rules: PainRules = DEFAULT_RULES) -> bool:
    """Soreness after rose 3 points or more: the check-in is mandatory, the next session gentler."""
    before, after = session.soreness_before, session.soreness_after
    return before is not None and after is not None and after - before >= rules.flare_up_rise


def plan_adaptation(
    routine: Routine,
    doses: Mapping[str, PersonalDose],
    history: Sequence[SessionHistory],
    *,
    safety_stop: bool,
) -> list[DoseChange]:
    """The dose changes the history calls for now, at most one per exercise, in routine order.

    *doses* holds the user's stored doses (an exercise not listed is at its seed dose); *history*
    all their sessions (any order; sessions before the doses' `since_session` are only read to take
    back a raise). Store each change's `new` dose as given.
    """
    ordered = in_order(history)
    if not ordered:
        return []
    latest_id = ordered[-1].session_id
    held = progression_hold(ordered, safety_stop=safety_stop, rules=routine.rules) is not None
    changes: list[DoseChange] = []
    for exercise in routine.exercises:
        current = personal_dose(exercise, doses)
        new = _after_worse(exercise, current, ordered) or _ease_off(
            exercise, current, ordered, routine.rules
        )
        if new is None and not held:
            new = _step_up(exercise, current, ordered, routine.rules)
        if new is not None:
            kind, dose = new
            dose = replace(dose, since_session=latest_id)
            changes.append(DoseChange(exercise.key, kind, current, dose))
    return changes


# --- the rules, one exercise at a time --------------------------------------------------------

_Planned = tuple[ChangeKind, PersonalDose]


def _after_worse(
    exercise: Exercise, current: PersonalDose, ordered: Sequence[SessionHistory]
) -> _Planned | None:
    """A "worse" morning after the latest checked-in session: ease this exercise one step, once."""
    checked = [s for s in ordered if s.check_in is not None]
    if not checked:
        return None
    latest = checked[-1]
    if latest.check_in is not CheckIn.WORSE or current.eased_after == latest.session_id:
        return None
    if exercise.key not in latest.outcomes or latest.outcomes[exercise.key] is Outcome.SKIPPED:
        return None
    lowered = _one_step_down(exercise, current)
    if lowered is not None:
        return ChangeKind.LOWERED, replace(lowered, eased_after=latest.session_id)
    if exercise.gentler is not None and not current.gentler_default:
        gentler = replace(current, gentler_default=True, raised_after=None)
        return ChangeKind.GENTLER_DEFAULT, replace(gentler, eased_after=latest.session_id)
    return None


def _ease_off(
    exercise: Exercise,
    current: PersonalDose,
    ordered: Sequence[SessionHistory],
    rules: PainRules,
) -> _Planned | None:
    """Ease off after "too painful" twice within the last few sessions that reached it."""
    if current.gentler_default:
        return None
    reached = [session for session in _since(current, ordered) if exercise.key in session.outcomes]
    recent = reached[-rules.too_painful_window_sessions :]
    if sum(_hurt(session, exercise.key) for session in recent) < rules.too_painful_to_ease_off:
        return None
    if exercise.gentler is not None:
        # The "worse" mornings already eased stay remembered (`eased_after`): never twice.
        gentler = replace(
            seed_dose(exercise), gentler_default=True, eased_after=current.eased_after
        )
        return ChangeKind.GENTLER_DEFAULT, gentler
    lowered = _one_step_down(exercise, current)
    return None if lowered is None else (ChangeKind.LOWERED, lowered)


def _step_up(
    exercise: Exercise,
    current: PersonalDose,
    ordered: Sequence[SessionHistory],
    rules: PainRules,
) -> _Planned | None:
    """Three good sessions in a row, on three days: one step up."""
    run = _good_run(exercise, current, ordered, rules)
    if len({s.local_date for s in run}) < rules.good_sessions_to_step_up:
        return None
    trigger = run[-1].session_id
    if current.gentler_default:
        regular = replace(
            seed_dose(exercise), raised_after=trigger, eased_after=current.eased_after
        )
        return ChangeKind.REGULAR_AGAIN, regular
    step = exercise.progression
    if step.reps_step and step.reps_max is not None and current.reps < step.reps_max:
        reps = min(current.reps + step.reps_step, step.reps_max)
        return ChangeKind.RAISED, replace(current, reps=reps, raised_after=trigger)
    if step.hold_step and step.hold_max is not None and current.hold_seconds < step.hold_max:
        hold = min(current.hold_seconds + step.hold_step, step.hold_max)
        return ChangeKind.RAISED, replace(current, hold_seconds=hold, raised_after=trigger)
    return None


def _good_run(
    exercise: Exercise,
    current: PersonalDose,
    ordered: Sequence[SessionHistory],
    rules: PainRules,
) -> list[SessionHistory]:
    """The latest unbroken run of good sessions for *exercise* since the dose last changed.

    Sessions that were abandoned (or are still running) without reaching the exercise are ignored.
    """
    run: list[SessionHistory] = []
    for session in reversed(_since(current, ordered)):
        if not session.finished and exercise.key not in session.outcomes:
            continue
        if not _good(exercise, current, session, rules):
            break
        run.append(session)
    run.reverse()
    return run


def _good(
    exercise: Exercise, current: PersonalDose, session: SessionHistory, rules: PainRules
) -> bool:
    done = {Outcome.DONE, Outcome.GENTLER_DONE} if current.gentler_default else {Outcome.DONE}
    before, after = session.soreness_before, session.soreness_after
    return (
        session.status is Status.COMPLETED
        and session.outcomes.get(exercise.key) in done
        and before is not None
        and after is not None
        and not _high(before, rules)
        and not _high(after, rules)
        and after - before <= rules.max_soreness_rise
        and session.check_in is not CheckIn.WORSE
    )


def _hurt(session: SessionHistory, key: str) -> bool:
    """ "Too painful" — or the gentler option, when it was taken after "too painful" (not when
    the session opened gently after a flare-up)."""
    outcome = session.outcomes[key]
    if outcome is Outcome.GENTLER_DONE and session.gentle_start:
        return False
    return outcome in _PAINFUL


def _one_step_down(exercise: Exercise, current: PersonalDose) -> PersonalDose | None:
    """The inverse of one step up: hold first (it grows last), then reps; never below the seed."""
    seed, step = exercise.dose, exercise.progression
    if step.hold_step and current.hold_seconds > seed.hold_seconds:
        hold = _step_down(current.hold_seconds, seed.hold_seconds, step.hold_step)
        return replace(current, hold_seconds=hold, raised_after=None)
    if step.reps_step and current.reps > seed.reps:
        reps = _step_down(current.reps, seed.reps, step.reps_step)
        return replace(current, reps=reps, raised_after=None)
    return None


def _step_down(value: int, seed: int, step: int) -> int:
    """One step down on the grid seed, seed + step, ...; a capped top (20, from 19) goes to 19."""
    steps_up = -(-(value - seed) // step)  # ceiling division
    return max(seed, seed + (steps_up - 1) * step)


def _since(current: PersonalDose, ordered: Sequence[SessionHistory]) -> list[SessionHistory]:
    if current.since_session is None:
        return list(ordered)
    return [s for s in ordered if s.session_id > current.since_session]


def _high(score: int | None, rules: PainRules) -> bool:
    return score is not None and score >= rules.high_soreness
