"""Per-user doses: how far each exercise has been adapted from its seed dose."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.routine.content import Dose, Exercise


@dataclass(frozen=True)
class PersonalDose:
    """A user's current reps and hold for one exercise (sides follow the exercise)."""

    reps: int
    hold_seconds: int


def dose_of(exercise: Exercise, personal: Mapping[str, PersonalDose]) -> Dose:
    """The dose to give now: the user's own where there is one, else the seed dose."""
    own = personal.get(exercise.key)
    if own is None:
        return exercise.dose
    return exercise.dose.model_copy(update={"reps": own.reps, "hold_seconds": own.hold_seconds})
