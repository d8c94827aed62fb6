"""The floor-free track (content/routines/chair/, issue 18): its content validates, every exercise
carries its source, dose, gentler option and ceiling, its poses exist and draw with their props,
and its voice scripts keep the floor routine's guarantees.

The track's files are read through the models directly (the shared settings of content/poses.yaml
and content/voice.yaml with this track's exercises), so these tests need no loader of tracks.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from PIL import Image
from pydantic import ValidationError

from bot.media.draw import MATTRESS, PROP, WALL, Labels, draw_frame, still_index
from bot.media.figure import Figure, frames, solve
from bot.media.poses import VARIANTS, Clip, Poses, Variant, check_against_routine
from bot.routine.content import DEFAULT_CONTENT_DIR, ContentError, Dose, Routine
from bot.routine.set_script import SPEAKABLE, CueKind, VoiceContent, build

TRACK = DEFAULT_CONTENT_DIR / "routines" / "chair"
MATTRESS_TOP = 0.24
"""The bed's top in the bed_side view (the prop of every clip lying on the bed)."""


def read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def routine_of(raw: dict[str, Any]) -> Routine:
    return Routine.model_validate(raw)


ROUTINE = routine_of(read(TRACK / "routine.yaml"))


def floor_routine() -> Routine:
    """The floor track, wherever this branch keeps it (content/routine.yaml before the lead's
    move to a folder per track)."""
    moved = DEFAULT_CONTENT_DIR / "routines" / "floor" / "routine.yaml"
    return routine_of(read(moved if moved.exists() else DEFAULT_CONTENT_DIR / "routine.yaml"))


def with_track_exercises(shared_file: str, track: Path = TRACK) -> dict[str, Any]:
    """A shared settings file with this track's `exercises:` in place of any others."""
    raw: dict[str, Any] = read(DEFAULT_CONTENT_DIR / shared_file)
    raw["exercises"] = read(track / shared_file)["exercises"]
    return raw


POSES = Poses.model_validate(with_track_exercises("poses.yaml"))
VOICE = VoiceContent.model_validate(with_track_exercises("voice.yaml"))
CLIPS = [
    (exercise.key, variant)
    for exercise in ROUTINE.exercises
    for variant in VARIANTS
    if variant == "regular" or POSES.exercises[exercise.key].gentler is not None
]
SOURCES = ("HSE", "NHS", "Chartered Society of Physiotherapy", "Versus Arthritis")


def content_problems(routine: Routine) -> list[str]:
    """What a clinician would ask for and not find: a named source with its published words, a
    gentler option, and a ceiling (with its own source) wherever the dose can rise."""
    found = []
    for exercise in routine.exercises:
        where = f"exercise {exercise.key!r}"
        if not any(name in exercise.source for name in SOURCES):
            found.append(f"{where}: the source is not named")
        if '"' not in exercise.source:
            found.append(f"{where}: the source's own words are not quoted")
        if exercise.gentler is None:
            found.append(f"{where}: no gentler option")
        step = exercise.progression
        if step.reps_step or step.hold_step:
            if step.reps_step and (step.reps_max is None or step.reps_max <= exercise.dose.reps):
                found.append(f"{where}: the reps rise to no ceiling above the dose")
            if not step.source or not any(name in step.source for name in SOURCES):
                found.append(f"{where}: the ceiling does not name its source")
    return found


# --- the content ---------------------------------------------------------------------------


def test_the_track_validates_and_needs_no_floor() -> None:
    assert ROUTINE.id == "chair" == TRACK.name
    assert not ROUTINE.needs_floor
    assert len(ROUTINE.name) <= 32
    assert 6 <= len(ROUTINE.exercises) <= 8
    assert 10 <= ROUTINE.minutes <= 12


def test_its_exercise_keys_are_not_the_floor_track_s() -> None:
    floor = {exercise.key for exercise in floor_routine().exercises}
    assert floor
    assert not floor & {exercise.key for exercise in ROUTINE.exercises}


def test_every_exercise_names_its_source_dose_gentler_option_and_ceiling() -> None:
    assert content_problems(ROUTINE) == []
    for exercise in ROUTINE.exercises:
        assert exercise.cues
        assert exercise.gentler is not None
        assert exercise.gentler.dose.reps <= exercise.dose.reps
        assert exercise.gentler.dose.hold_seconds <= exercise.dose.hold_seconds
        assert exercise.gentler.dose.per_side == exercise.dose.per_side


def test_a_missing_source_gentler_option_or_ceiling_is_named() -> None:
    raw = read(TRACK / "routine.yaml")
    del raw["exercises"][0]["gentler"]
    raw["exercises"][1]["source"] = "A physiotherapist's usual dose, written here."
    raw["exercises"][2]["progression"]["source"] = "A physiotherapist's usual ceiling."
    raw["exercises"][4]["progression"]["reps_max"] = raw["exercises"][4]["dose"]["reps"]
    found = content_problems(routine_of(raw))
    assert f"exercise {raw['exercises'][0]['key']!r}: no gentler option" in found
    assert f"exercise {raw['exercises'][1]['key']!r}: the source is not named" in found
    assert f"exercise {raw['exercises'][2]['key']!r}: the ceiling does not name its source" in found
    key = raw["exercises"][4]["key"]
    assert f"exercise {key!r}: the reps rise to no ceiling above the dose" in found
    del raw["exercises"][3]["source"]
    with pytest.raises(ValidationError, match="source"):
        routine_of(raw)


def test_the_stop_signs_are_the_floor_track_s_and_more() -> None:
    assert set(floor_routine().stop_if) - {"or pain above 5 out of 10"} <= set(ROUTINE.stop_if)
    assert ROUTINE.rules == floor_routine().rules


# --- the pictures --------------------------------------------------------------------------


def test_every_exercise_and_variant_has_poses_with_its_sides() -> None:
    check_against_routine(POSES, ROUTINE, TRACK / "poses.yaml")
    raw = with_track_exercises("poses.yaml")
    del raw["exercises"]["bed_knee_rolls"]
    del raw["exercises"]["seated_twist"]["gentler"]
    with pytest.raises(ContentError) as error:
        check_against_routine(Poses.model_validate(raw), ROUTINE, TRACK / "poses.yaml")
    assert "exercise 'bed_knee_rolls': no poses" in str(error.value)
    assert "exercise 'seated_twist', field 'gentler': no poses" in str(error.value)


def prop_pixels(image: Image.Image) -> int:
    """Pixels in a prop's colours (a chair, a bed or a wall)."""
    pixels = np.asarray(image.convert("RGB")).reshape(-1, 3).astype(int)
    colours = np.array([PROP, MATTRESS, WALL])
    distance = np.abs(pixels[:, None, :] - colours[None, :, :]).sum(axis=2).min(axis=1)
    return int((distance < 12).sum())


def still(clip: Clip, title: str = "Test") -> Image.Image:
    view = POSES.views[clip.view]
    frame = frames(view, clip, POSES.fps)[still_index(clip, POSES.fps)]
    return draw_frame(POSES, clip, frame, Labels("5", title))


@pytest.mark.parametrize(("key", "variant"), CLIPS)
def test_a_still_draws_its_chair_bed_or_wall(key: str, variant: Variant) -> None:
    clip = POSES.clip(key, variant)
    if key == "standing_back_bend":
        assert clip.props == ()  # standing free, hands on the low back
        return
    kinds = {prop.kind for prop in clip.props}
    assert kinds & {"chair", "bed", "bed_end", "wall", "box"}
    image = still(clip)
    assert image.size == tuple(POSES.size)
    bare = still(clip.model_copy(update={"props": ()}))
    # Drawn, and big enough to see at phone size: at least 1 % of the picture (a chair from the
    # side is about 2 %, a bed 8 %, a bed from its foot end 20 %).
    assert prop_pixels(image) - prop_pixels(bare) > 0.01 * image.size[0] * image.size[1]


def lowest(figure: Figure, names: tuple[str, ...]) -> float:
    return min(min(figure.placed[name].start[1], figure.placed[name].end[1]) for name in names)


@pytest.mark.parametrize(
    ("key", "variant"), [c for c in CLIPS if c[0] in ("bed_pelvic_tilt", "bed_knee_to_chest")]
)
def test_a_body_on_the_bed_lies_on_the_mattress(key: str, variant: Variant) -> None:
    """Neither floating above the mattress nor sunk into it: the back rests on it, the feet on
    it, the whole clip through."""
    clip = POSES.clip(key, variant)
    view = POSES.views[clip.view]
    assert {prop.y for prop in clip.props if prop.kind == "bed"} == {MATTRESS_TOP}
    lumbar = view.segments["lumbar"].width / 2
    for frame in frames(view, clip, POSES.fps):
        back = lowest(frame.figure, ("thorax",)) - view.segments["thorax"].width / 2
        assert MATTRESS_TOP - 0.01 <= back <= MATTRESS_TOP + 0.02, frame.time
        hips = frame.figure.placed["lumbar"].start[1] - lumbar
        assert MATTRESS_TOP - 0.01 <= hips <= MATTRESS_TOP + 0.03, frame.time
        ankle = frame.figure.placed["shin_far"].end[1]
        assert ankle == pytest.approx(MATTRESS_TOP + 0.03, abs=0.015), frame.time


@pytest.mark.parametrize(("key", "variant"), [c for c in CLIPS if c[0] == "seated_marching"])
def test_marching_sits_on_the_seat_and_lifts_the_knee(key: str, variant: Variant) -> None:
    clip = POSES.clip(key, variant)
    view = POSES.views[clip.view]
    (chair,) = clip.props
    seat = chair.y
    lifts = []
    for frame in frames(view, clip, POSES.fps):
        hip = frame.figure.placed["lumbar"].start
        assert chair.x < hip[0] < chair.x + chair.width
        assert hip[1] - view.segments["lumbar"].width / 2 == pytest.approx(seat, abs=0.02)
        assert frame.figure.placed["shin_far"].end[1] == pytest.approx(0.04, abs=0.01)
        lifts.append(frame.figure.placed["shin_near"].end[1] - 0.04)
    assert max(lifts) >= (0.08 if variant == "regular" else 0.03)
    assert not clip.hold_ring  # the dose has no hold: no "0 s" ring


@pytest.mark.parametrize(("variant", "least"), [("regular", 40.0), ("gentler", 20.0)])
def test_the_twist_turns_the_shoulders_not_the_hips(variant: Variant, least: float) -> None:
    """Seen from above: the shoulder line turns towards the named side (the person's left is the
    picture's right), the hips and thighs stay where they are."""
    clip = POSES.clip("seated_twist", variant)
    view = POSES.views[clip.view]
    first = frames(view, clip, POSES.fps)[0].figure
    turned = 0.0
    for frame in frames(view, clip, POSES.fps):
        placed = frame.figure.placed
        for thigh in ("thigh_left", "thigh_right"):
            assert placed[thigh].end == pytest.approx(first.placed[thigh].end, abs=1e-9)
        left = placed["shoulder_left"].end
        centre = placed["shoulder_left"].start
        # The left shoulder goes back (up the picture) as the person turns to the left.
        turned = max(turned, math.degrees(math.atan2(left[1] - centre[1], left[0] - centre[0])))
        for arm in ("forearm_left", "forearm_right"):
            wrist = placed[arm].end
            shoulders = (placed["shoulder_left"].end, placed["shoulder_right"].end)
            assert min(math.dist(wrist, s) for s in shoulders) < 0.08, "hands on the shoulders"
    assert turned >= least


@pytest.mark.parametrize(("variant", "least"), [("regular", 55.0), ("gentler", 25.0)])
def test_knee_rolls_stay_on_the_bed_and_tip_to_the_named_side(
    variant: Variant, least: float
) -> None:
    clip = POSES.clip("bed_knee_rolls", variant)
    view = POSES.views[clip.view]
    (bed,) = clip.props
    tipped = 0.0
    for frame in frames(view, clip, POSES.fps):
        placed = frame.figure.placed
        left, right = placed["thigh_left"].end, placed["thigh_right"].end
        assert math.dist(left, right) < 2 * view.segments["thigh_left"].width, frame.time
        for segment in placed.values():
            assert bed.x <= segment.end[0] <= bed.x + bed.width, frame.time
        assert lowest(frame.figure, tuple(placed)) >= bed.y - 0.01
        pelvis = placed["hips"].start
        middle = ((left[0] + right[0]) / 2 - pelvis[0], (left[1] + right[1]) / 2 - pelvis[1])
        tipped = max(tipped, math.degrees(math.atan2(middle[0], middle[1])))
    assert tipped >= least


def test_standing_feet_stay_on_the_floor_and_the_stretch_holds_a_support() -> None:
    for key in ("standing_back_bend", "standing_thigh_stretch"):
        clip = POSES.clip(key, "regular")
        view = POSES.views[clip.view]
        for frame in frames(view, clip, POSES.fps):
            assert frame.figure.placed["shin_far"].end[1] == pytest.approx(0.035, abs=0.01)
    clip = POSES.clip("standing_thigh_stretch", "regular")
    (wall,) = clip.props
    held = solve(POSES.views[clip.view], clip.poses["stretch"])
    hand = held.placed["forearm_far"].end
    assert wall.x - 0.04 <= hand[0] <= wall.x, "the far hand is on the wall"
    ankle = held.placed["shin_near"].end
    assert math.dist(held.placed["forearm_near"].end, ankle) < 0.06, "the near hand holds it"
    assert ankle[1] > 0.4, "the foot is up behind"


# --- the voice -----------------------------------------------------------------------------


def words(text: str) -> float:
    """A stand-in for the synthesiser: 60 ms a character (as tests/unit/test_set_script.py)."""
    return 0.06 * len(text)


def script_texts(key: str, variant: Variant, dose: Dose, kind: CueKind | None = None) -> list[str]:
    script = build(VOICE, key, variant, dose, words)
    return [cue.text for cue in script.cues if kind is None or cue.kind is kind]


def test_every_exercise_and_variant_has_a_speakable_script() -> None:
    for exercise in ROUTINE.exercises:
        assert exercise.gentler is not None
        for variant, dose in (("regular", exercise.dose), ("gentler", exercise.gentler.dose)):
            own = VOICE.of(exercise.key, variant)  # type: ignore[arg-type]
            assert (own.side is not None) == dose.per_side, exercise.key
            for text in script_texts(exercise.key, variant, dose):  # type: ignore[arg-type]
                assert SPEAKABLE.match(text), text


def test_the_first_rep_gets_the_full_cue_and_each_side_is_named() -> None:
    dose = Dose(reps=2, hold_seconds=5, per_side=True)
    moves = script_texts("seated_twist", "regular", dose, CueKind.MOVE)
    assert moves[:3] == [
        "Arms crossed and hips still. Turn your upper body to the left, as far as is comfortable.",
        "Arms crossed and hips still. Turn your upper body to the right, as far as is comfortable.",
        "Turn to the left.",
    ]
    holds = script_texts(
        "bed_knee_to_chest", "regular", Dose(reps=2, hold_seconds=5, per_side=True), CueKind.HOLD
    )
    assert holds == ["Hold."] * 4
    script = build(VOICE, "bed_knee_to_chest", "regular", Dose(reps=1, hold_seconds=5), words)
    assert {cue.label for cue in script.cues if cue.kind is CueKind.HOLD} == {"hold the knee"}


def test_marching_speaks_no_hold() -> None:
    exercise = ROUTINE.exercise("seated_marching")
    assert exercise.dose.hold_seconds == 0
    cues = script_texts("seated_marching", "regular", exercise.dose)
    assert "Hold." not in cues
    assert cues.count("left knee up.") == exercise.dose.reps - 1


def test_the_guided_routine_lasts_about_ten_minutes() -> None:
    """At the seed doses the voice guides alone take 8–11 minutes; with moving between the chair,
    standing and the bed, and reading each screen, about the routine's `minutes`."""
    seconds = sum(
        build(VOICE, exercise.key, "regular", exercise.dose, words).length
        for exercise in ROUTINE.exercises
    )
    assert 8 * 60 <= seconds <= 11 * 60


# Every frame of this track's clips and every voice guide are checked with the floor's, in
# tests/unit/test_media_figure.py and tests/unit/test_media_voice.py (they read every track).
