"""Every frame of every animation: constant segments, joints in human range, above the floor,
and movement that shows."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest
import yaml

from bot.media.figure import frames, out_of_range
from bot.media.poses import VARIANTS, load_poses
from bot.routine.content import DEFAULT_CONTENT_DIR, ContentError, load_content, read_with_tracks

CONTENT = load_content()
POSES = load_poses(DEFAULT_CONTENT_DIR, CONTENT.tracks)
CLIPS = [
    (key, variant)
    for key, exercise in POSES.exercises.items()
    for variant in VARIANTS
    if variant == "regular" or exercise.gentler is not None
]


@pytest.mark.parametrize(("key", "variant"), CLIPS)
def test_every_frame_is_a_possible_body(key: str, variant: str) -> None:
    clip = POSES.clip(key, variant)  # type: ignore[arg-type]
    view = POSES.views[clip.view]
    every = frames(view, clip, POSES.fps)
    assert 3 * POSES.fps <= len(every) <= 8 * POSES.fps
    for frame in every:
        for name, placed in frame.figure.placed.items():
            length = math.dist(placed.start, placed.end)
            assert length == pytest.approx(view.segments[name].length, abs=1e-6), name
            low = min(placed.start[1], placed.end[1]) - view.segments[name].head
            assert low >= view.floor - 0.01, (frame.time, name)
        assert out_of_range(view, frame.figure) == [], frame.time
    joints = [[p.end for p in f.figure.placed.values()] for f in every]
    moved = max(
        max(math.dist(a, b) for a, b in zip(joints[0], other, strict=True)) for other in joints
    )
    assert moved > 0.02, "the figure hardly moves"  # the small tilt moves ~5 cm
    changes = sum(1 for a, b in itertools.pairwise(joints) if a != b)
    assert changes >= len(every) // 3


def test_the_bridge_top_is_a_straight_line() -> None:
    clip = POSES.clip("bridge", "regular")
    from bot.media.figure import solve

    figure = solve(POSES.views["side"], clip.poses["up"])
    shoulder = figure.placed["thorax"].end
    hip = figure.placed["lumbar"].start
    knee = figure.placed["thigh_near"].end
    cross = (hip[0] - shoulder[0]) * (knee[1] - shoulder[1]) - (hip[1] - shoulder[1]) * (
        knee[0] - shoulder[0]
    )
    assert abs(cross) / (math.dist(shoulder, knee) ** 2) < 0.02


def test_hands_hold_under_the_knee() -> None:
    from bot.media.figure import solve

    clip = POSES.clip("knee_to_chest", "regular")
    figure = solve(POSES.views["side"], clip.poses["pull"])
    thigh = figure.placed["thigh_near"]
    wrist = figure.placed["forearm_near"].end
    # Under: on the back of the thigh (to its right looking from hip to knee), near the knee.
    dx, dy = thigh.end[0] - thigh.start[0], thigh.end[1] - thigh.start[1]
    side = dx * (wrist[1] - thigh.start[1]) - dy * (wrist[0] - thigh.start[0])
    assert side < 0
    assert math.dist(wrist, thigh.end) < 0.08


def test_a_missing_exercise_is_named(tmp_path: Path) -> None:
    raw = read_with_tracks(DEFAULT_CONTENT_DIR, "poses.yaml")
    del raw["exercises"]["bridge"]["gentler"]
    del raw["exercises"]["plank_dog_flow"]
    (tmp_path / "poses.yaml").write_text(yaml.safe_dump(raw, sort_keys=False))
    with pytest.raises(ContentError) as error:
        load_poses(tmp_path, CONTENT.tracks)
    assert "exercise 'plank_dog_flow': no poses" in str(error.value)
    assert "exercise 'bridge', field 'gentler': no poses" in str(error.value)


def test_a_pose_out_of_human_range_is_named(tmp_path: Path) -> None:
    raw = read_with_tracks(DEFAULT_CONTENT_DIR, "poses.yaml")
    raw["exercises"]["bridge"]["regular"]["poses"]["up"]["angles"]["head"] = -120
    (tmp_path / "poses.yaml").write_text(yaml.safe_dump(raw, sort_keys=False))
    with pytest.raises(
        ContentError, match=r"exercises\.bridge\.regular\.poses\.up: segment 'head'"
    ):
        load_poses(tmp_path, CONTENT.tracks)


@pytest.mark.parametrize(("variant", "least"), [("regular", 55.0), ("gentler", 25.0)])
def test_trunk_rotation_tips_both_knees_together(variant: str, least: float) -> None:
    """Both knees stay together and tip over as one to the side, the feet stay on the mat."""
    clip = POSES.clip("trunk_rotation", variant)  # type: ignore[arg-type]
    view = POSES.views[clip.view]
    assert view.mat is not None
    x, _, width, _ = view.mat
    tipped = 0.0
    for frame in frames(view, clip, POSES.fps):
        placed = frame.figure.placed
        left, right = placed["thigh_left"].end, placed["thigh_right"].end
        # Together: one knee on the other (two thighs wide at most), not spread apart.
        assert math.dist(left, right) < 2 * view.segments["thigh_left"].width, frame.time
        for segment in placed.values():
            assert x <= segment.end[0] <= x + width, frame.time
        pelvis = placed["hips"].start
        middle = ((left[0] + right[0]) / 2 - pelvis[0], (left[1] + right[1]) / 2 - pelvis[1])
        tipped = max(tipped, math.degrees(math.atan2(middle[0], middle[1])))
    # Seen from the feet, the person's left is on the right: the left-side clip tips rightwards.
    assert tipped >= least


@pytest.mark.parametrize(("variant", "hold"), [("regular", "flat"), ("gentler", "small")])
def test_pelvic_tilt_flattens_the_low_back_into_the_hands(variant: str, hold: str) -> None:
    """The hands lie under the low back; it curves up off them, then presses down onto them."""
    from bot.media.figure import solve

    clip = POSES.clip("pelvic_tilt", variant)  # type: ignore[arg-type]
    view = POSES.views[clip.view]
    arched, held = solve(view, clip.poses["arched"]), solve(view, clip.poses[hold])
    lumbar = held.placed["lumbar"]
    for figure in (arched, held):
        for hand in ("hand_near", "hand_far"):
            fingers = figure.placed[hand].end
            assert lumbar.end[0] <= fingers[0] <= lumbar.start[0], hand  # under the low back
            assert fingers[1] < lumbar.end[1], hand
    touching = view.segments["lumbar"].width / 2 + view.segments["hand_near"].width / 2
    assert held.placed["lumbar"].end[1] - held.placed["hand_near"].end[1] <= touching + 0.01
    assert arched.placed["lumbar"].end[1] - held.placed["lumbar"].end[1] >= 0.03
    assert view.segments["hand_near"].accent
    assert clip.arrow_in_hold  # the still shows the push


def test_the_bridge_comes_down_one_segment_at_a_time() -> None:
    """After the hold the upper back reaches the floor while the hips are still well up."""
    from bot.media.figure import solve

    clip = POSES.clip("bridge", "regular")
    view = POSES.views[clip.view]
    down = solve(view, clip.poses["down"])
    waist_down, hips_down = down.placed["lumbar"].end[1], down.placed["lumbar"].start[1]
    every = frames(view, clip, POSES.fps)
    after_hold = every[max(i for i, f in enumerate(every) if f.hold is not None) + 1 :]
    assert any(
        f.figure.placed["lumbar"].end[1] - waist_down < 0.012
        and f.figure.placed["lumbar"].start[1] - hips_down > 0.05
        for f in after_hold
    )
