"""Per-user doses: how far each exercise has been adapted from its seed dose.

A `PersonalDose` is the whole adaptation state of one exercise for one user (one row of the
`doses` table): the reps and hold to give, whether the gentler option is the default, and two
session ids that make the rules in `bot.routine.adaptation` idempotent — the last session already
taken into account (`since_session`) and the session whose good result raised the dose
(`raised_after`), so that a "worse" check-in the next morning takes exactly that raise back, once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.routine.content import Dose, Exercise


@dataclass(frozen=True)
class PersonalDose:
    """A user's current dose of one exercise (sides follow the exercise).

    - `gentler_default`: give the gentler option first (after "too painful" twice in a row).
    - `since_session`: the id of the last session counted when this dose was set; only sessions with
      a higher id count toward the next change. None: never changed (all sessions count).
    - `raised_after`: the id of the session whose result raised this dose (or brought the regular
      option back). Other changes clear it.
    - `eased_after`: the id of the session whose "worse" next morning last eased this dose, so that
      one "worse" eases it once.
    """

    reps: int
    hold_seconds: int
    gentler_default: bool = False
    since_session: int | None = None
    raised_after: int | None = None
    eased_after: int | None = None


def seed_dose(exercise: Exercise) -> PersonalDose:
    """The routine's own starting dose of *exercise*, as a personal dose."""
    return PersonalDose(exercise.dose.reps, exercise.dose.hold_seconds)


def personal_dose(exercise: Exercise, personal: Mapping[str, PersonalDose]) -> PersonalDose:
    """The user's dose of *exercise*: their own where there is one, else the seed dose."""
    own = personal.get(exercise.key)
    return seed_dose(exercise) if own is None else own


def dose_of(exercise: Exercise, personal: Mapping[str, PersonalDose]) -> Dose:
    """The dose to give now: the user's own where there is one, else the seed dose."""
    own = personal.get(exercise.key)
    if own is None:
        return exercise.dose
    return exercise.dose.model_copy(update={"reps": own.reps, "hold_seconds": own.hold_seconds})
