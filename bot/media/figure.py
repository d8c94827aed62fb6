"""The figure's geometry: forward kinematics, two-link reach, eased interpolation, the timeline.

Pure functions of the content (`bot.media.poses`); angles in degrees, counter-clockwise, y up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.media.poses import Clip, OnSegment, Pose, Reach, View

Point = tuple[float, float]


@dataclass(frozen=True)
class Placed:
    """One segment placed in the plane."""

    start: Point
    end: Point
    direction: float


@dataclass(frozen=True)
class Figure:
    root: Point
    angles: dict[str, float]
    placed: dict[str, Placed]


def _wrap(angle: float, centre: float = 0.0) -> float:
    """*angle* moved by whole turns into (centre - 180, centre + 180]."""
    return centre - ((centre - angle + 180.0) % 360.0) + 180.0


def forward(view: View, root: Point, angles: dict[str, float]) -> Figure:
    """Place every segment from the root position and the joint angles."""
    placed: dict[str, Placed] = {}
    for name, segment in view.segments.items():
        angle = angles.get(name, 0.0)
        if segment.parent is None:
            start, direction = root, segment.zero + angle
        else:
            parent = placed[segment.parent]
            start = parent.end if segment.at == "end" else parent.start
            direction = parent.direction + segment.zero + angle
        radians = math.radians(direction)
        end = (
            start[0] + segment.length * math.cos(radians),
            start[1] + segment.length * math.sin(radians),
        )
        placed[name] = Placed(start, end, direction)
    return Figure(root, dict(angles), placed)


def point_on(figure: Figure, where: OnSegment) -> Point:
    placed = figure.placed[where.segment]
    radians = math.radians(placed.direction)
    x = placed.start[0] + (placed.end[0] - placed.start[0]) * where.along
    y = placed.start[1] + (placed.end[1] - placed.start[1]) * where.along
    return (x - where.across * math.sin(radians), y + where.across * math.cos(radians))


def _reach(view: View, figure: Figure, name: str, reach: Reach) -> Figure:
    """Bend the chain (parent of *name*, *name*) so that the end of *name* is on the target."""
    distal = view.segments[name]
    assert distal.parent is not None
    proximal_name = distal.parent
    proximal = view.segments[proximal_name]
    base = figure.placed[proximal_name].start
    grand = 0.0 if proximal.parent is None else figure.placed[proximal.parent].direction
    target = point_on(figure, reach.to) if isinstance(reach.to, OnSegment) else reach.to
    l1, l2 = proximal.length, distal.length
    dx, dy = target[0] - base[0], target[1] - base[1]
    distance = min(max(math.hypot(dx, dy), abs(l1 - l2) + 1e-6), l1 + l2 - 1e-6)
    towards = math.degrees(math.atan2(dy, dx))
    cosine = (l1 * l1 + distance * distance - l2 * l2) / (2 * l1 * distance)
    inner = math.degrees(math.acos(max(-1.0, min(1.0, cosine))))
    first = towards + reach.bend * inner
    elbow = (
        base[0] + l1 * math.cos(math.radians(first)),
        base[1] + l1 * math.sin(math.radians(first)),
    )
    second = math.degrees(math.atan2(target[1] - elbow[1], target[0] - elbow[0]))
    angles = dict(figure.angles)
    angles[proximal_name] = _wrap(first - grand - proximal.zero, (proximal.low + proximal.high) / 2)
    angles[name] = _wrap(second - first - distal.zero, (distal.low + distal.high) / 2)
    return forward(view, figure.root, angles)


def _absolute(view: View, figure: Figure, directions: dict[str, float]) -> Figure:
    angles = dict(figure.angles)
    for name, direction in directions.items():
        segment = view.segments[name]
        parent = 0.0 if segment.parent is None else figure.placed[segment.parent].direction
        angles[name] = _wrap(direction - parent - segment.zero, (segment.low + segment.high) / 2)
        figure = forward(view, figure.root, angles)
    return figure


def solve(view: View, pose: Pose) -> Figure:
    """The figure of *pose*: its angles, then each reach in order, then the absolute directions."""
    figure = forward(view, pose.root, pose.angles)
    for name, one in pose.reach.items():
        figure = _reach(view, figure, name, one)
    return _absolute(view, figure, pose.absolute)


def relative_angles(view: View, figure: Figure) -> dict[str, float]:
    """Each joint's angle measured back from the placed segments (not taken from the pose)."""
    result = {}
    for name, segment in view.segments.items():
        if segment.parent is None:
            continue
        placed = figure.placed[name]
        parent = figure.placed[segment.parent].direction
        direction = math.degrees(
            math.atan2(placed.end[1] - placed.start[1], placed.end[0] - placed.start[0])
        )
        if segment.length == 0:
            direction = placed.direction
        result[name] = _wrap(direction - parent - segment.zero, (segment.low + segment.high) / 2)
    return result


def out_of_range(view: View, figure: Figure) -> list[str]:
    problems = []
    for name, angle in relative_angles(view, figure).items():
        segment = view.segments[name]
        if not segment.low - 0.5 <= angle <= segment.high + 0.5:
            problems.append(
                f"segment {name!r} at {angle:.0f}°, outside {segment.low:.0f}..{segment.high:.0f}°"
            )
    return problems


def ease(u: float) -> float:
    """Ease in and out (smoothstep's cosine cousin): 0 → 0, 1 → 1, slow at both ends."""
    return 0.5 - 0.5 * math.cos(math.pi * min(max(u, 0.0), 1.0))


def blend(view: View, a: Pose, b: Pose, u: float) -> Figure:
    """The figure *u* of the way from pose *a* to pose *b* (angles interpolated after solving;
    a reach both poses share is solved again on the way, so a hand stays on its knee)."""
    fa, fb = solve(view, a), solve(view, b)
    angles = {
        name: fa.angles.get(name, 0.0) + (fb.angles.get(name, 0.0) - fa.angles.get(name, 0.0)) * u
        for name in view.segments
    }
    root = (fa.root[0] + (fb.root[0] - fa.root[0]) * u, fa.root[1] + (fb.root[1] - fa.root[1]) * u)
    figure = forward(view, root, angles)
    shared = {name: r for name, r in a.reach.items() if b.reach.get(name) == r}
    for name, one in shared.items():
        figure = _reach(view, figure, name, one)
    both = {
        name: value + (b.absolute[name] - value) * u
        for name, value in a.absolute.items()
        if name in b.absolute
    }
    return _absolute(view, figure, both)


@dataclass(frozen=True)
class Frame:
    time: float
    figure: Figure
    hold: float | None
    """Progress of the hold (0..1) while the figure holds, else None."""
    step: int
    moving: bool


def duration(clip: Clip) -> float:
    return sum(step.move + step.stay for step in clip.timeline)


def frames(view: View, clip: Clip, fps: int) -> list[Frame]:
    """Every frame of one loop of *clip*."""
    count = max(2, round(duration(clip) * fps))
    result = []
    for index in range(count):
        result.append(frame_at(view, clip, index / fps))
    return result


def frame_at(view: View, clip: Clip, time: float) -> Frame:
    elapsed = 0.0
    previous = clip.timeline[0]
    for index, step in enumerate(clip.timeline):
        if time < elapsed + step.move:
            u = ease((time - elapsed) / step.move)
            figure = blend(view, clip.poses[previous.pose], clip.poses[step.pose], u)
            return Frame(time, figure, None, index, True)
        elapsed += step.move
        if time < elapsed + step.stay:
            progress = (time - elapsed) / step.stay if step.hold else None
            return Frame(time, solve(view, clip.poses[step.pose]), progress, index, False)
        elapsed += step.stay
        previous = step
    last = clip.timeline[-1]
    return Frame(time, solve(view, clip.poses[last.pose]), None, len(clip.timeline) - 1, False)


def move_path(view: View, clip: Clip, step: int, samples: int = 12) -> list[Point]:
    """The path of the clip's arrow point during the move into *step*."""
    assert clip.arrow is not None
    a = clip.poses[clip.timeline[step - 1].pose]
    b = clip.poses[clip.timeline[step].pose]
    points = [
        point_on(blend(view, a, b, i / samples), clip.arrow.point) for i in range(samples + 1)
    ]
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    scale, (ox, oy) = clip.arrow.scale, clip.arrow.offset
    return [(cx + (x - cx) * scale + ox, cy + (y - cy) * scale + oy) for x, y in points]
