"""Personal doses: the user's own reps and hold replace the seed dose, sides stay the exercise's."""

from __future__ import annotations

from bot.routine.content import Routine
from bot.routine.dosing import PersonalDose, dose_of, personal_dose, seed_dose


def test_without_a_personal_dose_the_seed_dose_is_given(routine: Routine) -> None:
    for exercise in routine.exercises:
        assert dose_of(exercise, {}) == exercise.dose


def test_a_personal_dose_replaces_reps_and_hold_and_keeps_the_sides(routine: Routine) -> None:
    knee = routine.exercise("knee_to_chest")

    dose = dose_of(knee, {"knee_to_chest": PersonalDose(reps=4, hold_seconds=40)})

    assert (dose.reps, dose.hold_seconds, dose.per_side) == (4, 40, True)
    assert knee.dose.reps == 3, "the routine itself is left alone"


def test_a_personal_dose_is_looked_up_by_exercise_key(routine: Routine) -> None:
    personal = {"bridge": PersonalDose(reps=14, hold_seconds=3)}

    assert dose_of(routine.exercise("bridge"), personal).reps == 14
    assert (
        dose_of(routine.exercise("pelvic_tilt"), personal) == routine.exercise("pelvic_tilt").dose
    )


def test_seed_and_personal_dose(routine: Routine) -> None:
    trunk = routine.exercise("trunk_rotation")
    own = PersonalDose(reps=7, hold_seconds=5)

    assert seed_dose(trunk) == PersonalDose(reps=5, hold_seconds=5)
    assert personal_dose(trunk, {}) == seed_dose(trunk)
    assert personal_dose(trunk, {"trunk_rotation": own}) is own
