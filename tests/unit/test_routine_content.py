"""The content files: the real ones load and carry the seed routine; broken copies fail loudly."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.routine.content import (
    DEFAULT_TRACK,
    ROUTINE_FILE,
    ROUTINES_DIR,
    TEXTS_FILE,
    Content,
    ContentError,
    Routine,
    load_content,
)

FLOOR_ROUTINE = str(Path(ROUTINES_DIR) / DEFAULT_TRACK / ROUTINE_FILE)
SEED_KEYS = (
    "pelvic_tilt",
    "bridge",
    "knee_to_chest",
    "double_knee_to_chest",
    "trunk_rotation",
    "prayer_stretch",
    "plank_dog_flow",
)


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _edit(path: Path, change: Callable[[Any], object]) -> None:
    data = _read(path)
    change(data)
    _write(path, data)


def _strings(value: Any) -> Iterator[str]:
    """Every string inside a dumped model, however deeply nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


# --- the real files ---------------------------------------------------------------------------


def test_real_content_loads(content: Content) -> None:
    assert content.routine.exercises
    assert content.texts.language == "en"


def test_copied_content_loads_like_the_real_one(content_copy: Path, content: Content) -> None:
    assert load_content(content_copy) == content


def test_seed_routine_has_every_exercise_in_order(routine: Routine) -> None:
    assert tuple(exercise.key for exercise in routine.exercises) == SEED_KEYS


@pytest.mark.parametrize(
    ("key", "reps", "holds", "per_side"),
    [
        # "hold it about three to five seconds ... doing about 10 of those"
        ("pelvic_tilt", 10, range(3, 6), False),
        # "start off with about 10 of these"; the hold is the usual 3-5 s fill-in
        ("bridge", 10, range(3, 6), False),
        # "hold that for about 30 seconds ... three on each side total"
        ("knee_to_chest", 3, range(30, 31), True),
        # "holding that for 30 seconds and doing three of those"
        ("double_knee_to_chest", 3, range(30, 31), False),
        # "hold that for about three to five seconds ... do five on each side"
        ("trunk_rotation", 5, range(3, 6), True),
        # "holding that stretch for about 30 seconds"; reps are the usual fill-in of 3
        ("prayer_stretch", 3, range(30, 31), False),
        # "three to five seconds ... about three to five times"
        ("plank_dog_flow", 3, range(3, 6), False),
    ],
)
def test_seed_doses_follow_the_transcript(
    routine: Routine, key: str, reps: int, holds: range, per_side: bool
) -> None:
    dose = routine.exercise(key).dose
    assert dose.reps == reps
    assert dose.hold_seconds in holds
    assert dose.per_side is per_side


def test_pelvic_tilt_is_ten_reps_holding_five_seconds(routine: Routine) -> None:
    dose = routine.exercise("pelvic_tilt").dose
    assert (dose.reps, dose.hold_seconds, dose.per_side) == (10, 5, False)


def test_only_the_plank_flow_is_optional(routine: Routine) -> None:
    assert [exercise.key for exercise in routine.exercises if exercise.optional] == [
        "plank_dog_flow"
    ]


def test_every_exercise_has_a_gentler_option_holding_no_longer_on_the_same_sides(
    routine: Routine,
) -> None:
    for exercise in routine.exercises:
        gentler = exercise.gentler
        assert gentler is not None, exercise.key
        assert gentler.dose.hold_seconds <= exercise.dose.hold_seconds, exercise.key
        assert gentler.dose.per_side is exercise.dose.per_side, exercise.key


def test_progression_ceilings_are_not_below_the_seed_dose(routine: Routine) -> None:
    for exercise in routine.exercises:
        progression = exercise.progression
        if progression.reps_max is not None:
            assert progression.reps_max >= exercise.dose.reps, exercise.key
        if progression.hold_max is not None:
            assert progression.hold_max >= exercise.dose.hold_seconds, exercise.key


@pytest.mark.parametrize(
    "phrase",
    ["to comfort, not to pain", "comfortably", "Breathe normally", "not a specific diagnosis"],
)
def test_safety_lines_carry_the_transcripts_cautions(routine: Routine, phrase: str) -> None:
    assert phrase in " ".join(routine.safety_lines)


def test_stop_signs_follow_the_pain_monitoring_model(routine: Routine) -> None:
    signs = " ".join(routine.stop_if)
    for sign in ("sharp", "down a leg", "pins and needles", "above 5"):
        assert sign in signs


def test_routine_lookup_by_key(routine: Routine) -> None:
    assert routine.exercise("bridge").title == "Bridge"
    with pytest.raises(KeyError):
        routine.exercise("headstand")


# --- the texts agree with the routine and with each other ---------------------------------------


def test_no_text_states_a_different_number_of_minutes(content: Content) -> None:
    """The length lives in routine.yaml (`minutes`); a text that hard-codes one must agree."""
    stated = {
        text: int(number)
        for text in _strings(content.texts.model_dump())
        for number in re.findall(r"(\d+)\s+minutes", text)
    }
    wrong = {text: number for text, number in stated.items() if number != content.routine.minutes}
    assert wrong == {}


def test_no_text_states_a_different_number_of_exercises(content: Content) -> None:
    total = len(content.routine.exercises)
    for text in _strings(content.texts.model_dump()):
        for number in re.findall(r"(\d+)\s+(?:gentle\s+)?exercises", text):
            assert int(number) == total, text


def test_help_names_the_exercise_buttons_as_labelled(content: Content) -> None:
    buttons = content.texts.buttons
    for label in (buttons.done, buttons.too_painful, buttons.skip, buttons.pause):
        assert label in content.texts.help


def test_stop_sentence_names_the_too_painful_button(content: Content) -> None:
    assert content.texts.buttons.too_painful in content.texts.session.stop_if


def test_paused_sentence_names_the_continue_button(content: Content) -> None:
    word = content.texts.buttons.resume.split(maxsplit=1)[1]
    assert word in content.texts.session.paused


# --- broken copies --------------------------------------------------------------------------


def _load_error(directory: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_content(directory)
    return str(caught.value)


@pytest.mark.parametrize(
    ("index", "change", "key", "field"),
    [
        (2, lambda exercise: exercise.pop("start"), "knee_to_chest", "start"),
        (4, lambda exercise: exercise["dose"].update(reps="five"), "trunk_rotation", "dose.reps"),
        (
            0,
            lambda exercise: exercise["dose"].update(hold_seconds=-1),
            "pelvic_tilt",
            "dose.hold_seconds",
        ),
        (1, lambda exercise: exercise["dose"].update(rep=10), "bridge", "dose.rep"),
        (5, lambda exercise: exercise["gentler"].pop("dose"), "prayer_stretch", "gentler.dose"),
        (6, lambda exercise: exercise.update(cues=[]), "plank_dog_flow", "cues"),
        (
            3,
            lambda exercise: exercise.update(optional="sometimes"),
            "double_knee_to_chest",
            "optional",
        ),
        (1, lambda exercise: exercise.update(key="Bridge Two"), "Bridge Two", "key"),
        (2, lambda exercise: exercise.pop("key"), "#3", "key"),
    ],
    ids=[
        "missing-start",
        "reps-not-a-number",
        "negative-hold",
        "unknown-field",
        "gentler-without-dose",
        "no-cues",
        "optional-not-a-bool",
        "bad-key",
        "missing-key",
    ],
)
def test_a_broken_exercise_names_file_exercise_and_field(
    content_copy: Path,
    index: int,
    change: Callable[[dict[str, Any]], object],
    key: str,
    field: str,
) -> None:
    path = content_copy / FLOOR_ROUTINE
    _edit(path, lambda data: change(data["exercises"][index]))

    message = _load_error(content_copy)

    assert str(path) in message
    assert f"exercise {key!r}, field {field!r}" in message


def test_an_exercise_that_is_not_a_mapping_is_named_by_position(content_copy: Path) -> None:
    path = content_copy / FLOOR_ROUTINE
    _edit(path, lambda data: data["exercises"].__setitem__(2, "knee to chest"))

    message = _load_error(content_copy)

    assert str(path) in message
    assert "exercise '#3'" in message


def test_every_problem_gets_its_own_line(content_copy: Path) -> None:
    path = content_copy / FLOOR_ROUTINE

    def break_two(data: Any) -> None:
        data["exercises"][0]["dose"]["reps"] = 0
        data["exercises"][6].pop("title")

    _edit(path, break_two)

    lines = _load_error(content_copy).splitlines()

    assert len(lines) == 2
    assert all(line.startswith(f"{path}: ") for line in lines)
    assert "exercise 'pelvic_tilt', field 'dose.reps'" in lines[0]
    assert "exercise 'plank_dog_flow', field 'title'" in lines[1]


def test_a_missing_routine_field_is_named(content_copy: Path) -> None:
    path = content_copy / FLOOR_ROUTINE
    _edit(path, lambda data: data.pop("timer_min_hold_seconds"))

    message = _load_error(content_copy)

    assert str(path) in message
    assert "field 'timer_min_hold_seconds'" in message


def test_duplicate_exercise_keys_are_refused(content_copy: Path) -> None:
    path = content_copy / FLOOR_ROUTINE
    _edit(path, lambda data: data["exercises"][3].update(key="knee_to_chest"))

    message = _load_error(content_copy)

    assert str(path) in message
    assert "unique" in message
    assert "knee_to_chest" in message


def _duplicate_line(path: Path, line: str, again: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(line) == 1, f"{line!r} should occur once in {path}"
    path.write_text(text.replace(line, line + again), encoding="utf-8")


def test_a_key_given_twice_in_one_exercise_is_refused(content_copy: Path) -> None:
    """A second `dose:` in the bridge (say, from a bad merge) must not silently win."""
    path = content_copy / FLOOR_ROUTINE
    _duplicate_line(
        path, "    dose: {reps: 10, hold_seconds: 3}\n", "    dose: {reps: 12, hold_seconds: 3}\n"
    )

    message = _load_error(content_copy)

    assert str(path) in message
    assert "dose" in message


def test_a_key_given_twice_in_texts_is_refused(content_copy: Path) -> None:
    path = content_copy / TEXTS_FILE
    _duplicate_line(path, "  done: ✅ Done\n", "  done: ✅ Finished\n")

    message = _load_error(content_copy)

    assert str(path) in message
    assert "done" in message


@pytest.mark.parametrize(
    ("section", "key"),
    [("session", "paused"), ("buttons", "too_painful"), ("summary", "worse"), ("notices", "stale")],
)
def test_a_missing_text_is_named(content_copy: Path, section: str, key: str) -> None:
    path = content_copy / TEXTS_FILE
    _edit(path, lambda data: data[section].pop(key))

    message = _load_error(content_copy)

    assert str(path) in message
    assert f"field '{section}.{key}'" in message


def test_an_unknown_text_is_refused(content_copy: Path) -> None:
    path = content_copy / TEXTS_FILE
    _edit(path, lambda data: data["session"].update(pasued="typo"))

    message = _load_error(content_copy)

    assert str(path) in message
    assert "session.pasued" in message


def test_a_text_of_the_wrong_type_is_named(content_copy: Path) -> None:
    path = content_copy / TEXTS_FILE
    _edit(path, lambda data: data["onboarding"].update(checklist="none"))

    message = _load_error(content_copy)

    assert str(path) in message
    assert "field 'onboarding.checklist'" in message


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda item: item.pop("timeframe"), "timeframe is given for see_doctor items"),
        (lambda item: item.update(level="emergency"), "timeframe is given for see_doctor items"),
        (lambda item: item.update(id="too_long_an_id"), "onboarding.checklist.13.id"),
        (lambda item: item.update(id="age"), "ids must be unique, repeated: age"),
        (lambda item: item.update(short="x" * 61), "onboarding.checklist.13.short"),
    ],
)
def test_a_checklist_item_is_validated(
    content_copy: Path, change: Callable[[dict[str, Any]], object], words: str
) -> None:
    path = content_copy / TEXTS_FILE
    _edit(path, lambda data: change(data["onboarding"]["checklist"][13]))

    message = _load_error(content_copy)

    assert words in message


def test_the_checklist_needs_both_parts(content_copy: Path) -> None:
    path = content_copy / TEXTS_FILE

    def emergency_only(data: Any) -> None:
        checklist = data["onboarding"]["checklist"]
        data["onboarding"]["checklist"] = [i for i in checklist if i["level"] == "emergency"]

    _edit(path, emergency_only)

    assert "checklist: no see_doctor item" in _load_error(content_copy)


@pytest.mark.parametrize("file_name", [FLOOR_ROUTINE, TEXTS_FILE])
@pytest.mark.parametrize(
    "broken", ["exercises: [unclosed\n", "a: b\n  c: d\n", "key: 'open\n", "\t- tab\n"]
)
def test_invalid_yaml_names_the_file(content_copy: Path, file_name: str, broken: str) -> None:
    path = content_copy / file_name
    path.write_text(broken, encoding="utf-8")

    message = _load_error(content_copy)

    assert message.startswith(f"{path}: ")
    assert "not valid YAML" in message


@pytest.mark.parametrize("file_name", [FLOOR_ROUTINE, TEXTS_FILE])
@pytest.mark.parametrize("body", ["", "- just\n- a list\n", "42\n"])
def test_a_file_without_a_mapping_names_the_file(
    content_copy: Path, file_name: str, body: str
) -> None:
    path = content_copy / file_name
    path.write_text(body, encoding="utf-8")

    message = _load_error(content_copy)

    assert message.startswith(f"{path}: ")


@pytest.mark.parametrize("file_name", [FLOOR_ROUTINE, TEXTS_FILE])
def test_a_missing_file_names_the_file(content_copy: Path, file_name: str) -> None:
    path = content_copy / file_name
    path.unlink()

    message = _load_error(content_copy)

    assert str(path) in message
    assert "not found" in message


def test_an_empty_directory_fails_on_the_tracks_first(tmp_path: Path) -> None:
    message = _load_error(tmp_path)

    assert str(tmp_path / ROUTINES_DIR) in message
    assert "no track" in message


def test_an_intent_missing_from_the_intents_file_is_named(content_copy: Path) -> None:
    path = content_copy / "intents.en.yaml"
    _edit(path, lambda data: data["intents"].pop("done"))

    message = _load_error(content_copy)

    assert str(path) in message
    assert "done" in message


def test_an_intent_phrase_must_be_lower_case_words(content_copy: Path) -> None:
    path = content_copy / "intents.en.yaml"
    _edit(path, lambda data: data["intents"]["skip"].append("Skip It"))

    assert "'Skip It'" in _load_error(content_copy)
