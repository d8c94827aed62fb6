"""Key poses of the exercise figure, loaded from `content/poses.yaml` and validated.

A *view* is a skeleton: segments with a length, a parent, the angle they make at rest with their
parent (`zero`) and the human range of their joint (`low`..`high`, degrees, relative to `zero`).
A *pose* gives the root position and the joint angles; `reach` places the end of a two-segment
chain on a point (inverse kinematics), e.g. the hands under the knee. A *clip* is an exercise (or
its gentler option) as a timeline of poses: move (eased), then stay; a stay marked `hold` shows
the hold badge. Every exercise of the routine, regular and gentler, must have a clip.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, model_validator

from bot.routine.content import ContentError, Routine, _Strict, read_with_tracks

POSES_FILE = "poses.yaml"

Variant = Literal["regular", "gentler"]
Side = Literal["left", "right"]
VARIANTS: tuple[Variant, ...] = ("regular", "gentler")


class Segment(_Strict):
    """A rigid segment: starts at the end (or `at: start`) of its parent; a root starts at the
    pose's root. Its direction is the parent's direction + `zero` + the pose's angle for it."""

    parent: str | None = None
    at: Literal["start", "end"] = "end"
    length: float = Field(ge=0.0, le=1.0)
    zero: float = 0.0
    low: float = -360.0
    high: float = 360.0
    width: float = Field(default=0.04, ge=0.0, le=0.2)
    layer: Literal["far", "body", "near"] = "body"
    accent: bool = False
    """Drawn in the arrow's colour: a part the movement is about (the hands the back presses on)."""
    head: float = Field(default=0.0, ge=0.0, le=0.2)
    """If > 0: a head of this radius is drawn at the segment's end."""
    rim: bool = False
    """Drawn with a rim of the background's colour, so it stands out against the body behind
    it (arms crossed over the chest and a head, seen from above)."""

    @model_validator(mode="after")
    def _range(self) -> Segment:
        if self.low > self.high:
            raise ValueError("low must not be above high")
        return self


class View(_Strict):
    floor: float = 0.0
    box: tuple[float, float, float, float] = (-0.6, -0.1, 0.6, 0.7)
    """The part of the plane shown: x0, y0, x1, y1, in figure units."""
    mat: tuple[float, float, float, float] | None = None
    """x, y, width, height of the mat, in figure units."""
    segments: dict[str, Segment] = Field(min_length=1)

    @model_validator(mode="after")
    def _tree(self) -> View:
        names = list(self.segments)
        for index, (name, segment) in enumerate(self.segments.items()):
            if segment.parent is not None and segment.parent not in names[:index]:
                raise ValueError(f"segment {name!r}: parent {segment.parent!r} must come before it")
        return self


class OnSegment(_Strict):
    """A point on a segment: `along` its length (0 start, 1 end) and `across` it, to its left."""

    segment: str
    along: float = Field(default=1.0, ge=-0.5, le=1.5)
    across: float = Field(default=0.0, ge=-0.3, le=0.3)


class Reach(_Strict):
    """Place the end of `segment` (and its parent, the two-link chain) on a point."""

    to: tuple[float, float] | OnSegment
    bend: Literal[1, -1] = 1


class Pose(_Strict):
    root: tuple[float, float]
    angles: dict[str, float] = Field(default_factory=dict)
    reach: dict[str, Reach] = Field(default_factory=dict)
    absolute: dict[str, float] = Field(default_factory=dict)
    """Segments given a direction in the plane (a foot flat on the floor), applied last."""


class Prop(_Strict):
    """Something drawn behind the figure, in figure units. `box` and `pillow`: x, y is the bottom
    left corner. `chair` (seen from the side): the seat from x to x + width with its top at y, a
    back `height` above it at the `back` end, legs down to the floor. `bed` (from the side): the
    mattress from x to x + width, its top at y and `height` thick, a headboard at the `back` end,
    legs down to the floor. `bed_end` (from the foot end): the mattress's end face, `height`
    thick with its top at y, and its top going up the picture behind. `wall`: from the floor up
    to y + height, x to x + width."""

    kind: Literal["box", "pillow", "chair", "bed", "bed_end", "wall"]
    x: float
    y: float
    width: float = Field(gt=0)
    height: float = Field(gt=0)
    back: Literal["left", "right"] = "left"
    """The end the chair's back or the bed's headboard is at."""


class Step(_Strict):
    pose: str
    move: float = Field(default=0.0, ge=0.0, le=5.0)
    """Seconds to move from the previous pose (eased in and out); 0 for the first step."""
    stay: float = Field(default=0.0, ge=0.0, le=5.0)
    hold: bool = False


class Arrow(_Strict):
    """An arrow along the path of a point during each move."""

    point: OnSegment
    offset: tuple[float, float] = (0.0, 0.0)
    scale: float = Field(default=1.0, ge=0.5, le=5.0)


class Clip(_Strict):
    view: str
    poses: dict[str, Pose] = Field(min_length=2)
    timeline: tuple[Step, ...] = Field(min_length=2)
    arrow: Arrow
    props: tuple[Prop, ...] = ()
    arrow_in_hold: bool = False
    """Keep the arrow of the move into a hold drawn during the hold, so the still shows which way
    the hold pushes (a pelvic tilt's hold looks like lying still without it)."""
    note: str | None = None
    """Why the picture is drawn the way it is (physiotherapy details); not shown."""
    arrow_on_top: bool = False
    """Draw the arrow over the figure, not behind it (seen from above, the arc in front of the
    person lies over the thighs)."""
    hold_ring: bool = True
    """False for a movement whose dose has no hold (hip marching): no ring with "0 s"; the still
    is the middle of the pose marked `hold`, the top of the lift."""

    @model_validator(mode="after")
    def _timeline(self) -> Clip:
        for step in self.timeline:
            if step.pose not in self.poses:
                raise ValueError(f"timeline: no pose named {step.pose!r}")
        if not any(step.hold for step in self.timeline):
            raise ValueError("timeline: no step is a hold")
        if self.timeline[0].pose != self.timeline[-1].pose:
            raise ValueError("timeline: must end on its first pose (the clip loops)")
        duration = sum(step.move + step.stay for step in self.timeline)
        if not 3.0 <= duration <= 8.0:
            raise ValueError(f"timeline: lasts {duration:.1f} s, must be 3 to 8 s")
        return self


class ExercisePoses(_Strict):
    sides: bool = False
    """The right side is the left one seen from the other side (mirrored)."""
    regular: Clip
    gentler: Clip | None = None

    def clip(self, variant: Variant) -> Clip:
        if variant == "gentler":
            if self.gentler is None:
                raise KeyError(variant)
            return self.gentler
        return self.regular


class MediaLabels(_Strict):
    hold: str = Field(pattern=r"^(\{seconds\}|[^A-Za-z{}])+$", max_length=16)
    """The hold ring's seconds: "{seconds}" — digits, no words (one picture for every language)."""


class Poses(_Strict):
    version: str = Field(min_length=1)
    labels: MediaLabels
    fps: int = Field(ge=8, le=30)
    size: tuple[int, int]
    views: dict[str, View] = Field(min_length=1)
    exercises: dict[str, ExercisePoses] = Field(min_length=1)

    @model_validator(mode="after")
    def _references(self) -> Poses:
        for key, exercise in self.exercises.items():
            for variant in VARIANTS:
                clip = exercise.gentler if variant == "gentler" else exercise.regular
                if clip is None:
                    continue
                where = f"exercises.{key}.{variant}"
                view = self.views.get(clip.view)
                if view is None:
                    raise ValueError(f"{where}.view: no view named {clip.view!r}")
                for name, pose in clip.poses.items():
                    for segment in [*pose.angles, *pose.reach, *pose.absolute]:
                        if segment not in view.segments:
                            raise ValueError(f"{where}.poses.{name}: no segment {segment!r}")
                    for segment, reach in pose.reach.items():
                        if view.segments[segment].parent is None:
                            raise ValueError(
                                f"{where}.poses.{name}.reach.{segment}: needs a two-link chain"
                            )
                        if (
                            isinstance(reach.to, OnSegment)
                            and reach.to.segment not in view.segments
                        ):
                            raise ValueError(f"{where}.poses.{name}.reach: no {reach.to.segment!r}")
        return self

    def clip(self, exercise_key: str, variant: Variant) -> Clip:
        return self.exercises[exercise_key].clip(variant)


def check_against_routine(poses: Poses, routine: Routine, path: Path) -> None:
    """Every exercise and gentler option of the routine has a clip (and sides where it has them)."""
    problems = []
    for exercise in routine.exercises:
        own = poses.exercises.get(exercise.key)
        if own is None:
            problems.append(f"{path}: exercise {exercise.key!r}: no poses")
            continue
        if exercise.gentler is not None and own.gentler is None:
            problems.append(f"{path}: exercise {exercise.key!r}, field 'gentler': no poses")
        per_side = exercise.dose.per_side or (
            exercise.gentler is not None and exercise.gentler.dose.per_side
        )
        if per_side and not own.sides:
            problems.append(f"{path}: exercise {exercise.key!r}, field 'sides': must be true")
    if problems:
        raise ContentError("\n".join(problems))


def load_poses(directory: Path, tracks: Iterable[Routine]) -> Poses:
    """Load and validate `poses.yaml` from *directory* with every track's own, checked against
    each of *tracks*."""
    path = directory / POSES_FILE
    raw = read_with_tracks(directory, POSES_FILE)
    try:
        poses = Poses.model_validate(raw)
    except ValidationError as error:
        lines = [
            f"{path}: field {'.'.join(str(p) for p in problem['loc']) or '(top)'}: {problem['msg']}"
            for problem in error.errors()
        ]
        raise ContentError("\n".join(lines)) from error
    for routine in tracks:
        check_against_routine(poses, routine, path)
    # Key poses within the human range (the frames in between are checked by the tests).
    from bot.media.figure import out_of_range, solve

    problems: list[str] = []
    for key, exercise in poses.exercises.items():
        for variant in VARIANTS:
            if variant == "gentler" and exercise.gentler is None:
                continue
            clip = exercise.clip(variant)
            view = poses.views[clip.view]
            for name, pose in clip.poses.items():
                figure = solve(view, pose)
                problems.extend(
                    f"{path}: field exercises.{key}.{variant}.poses.{name}: {problem}"
                    for problem in out_of_range(view, figure)
                )
    if problems:
        raise ContentError("\n".join(problems))
    return poses
