"""The progress chart: soreness before/after each session and sessions per week, as a PNG.

Rendered headless with Matplotlib's object-oriented API: a `matplotlib.figure.Figure` drawn on
its own Agg canvas, never `pyplot`, so no global figure registry, no GUI backend and no
dependence on `MPLBACKEND` (any valid value, even a GUI one on a server, is ignored). Matplotlib is
imported inside `render_progress_chart` because the import costs about half a second; the first
chart pays it once.

Every string drawn comes from `ChartLabels` (the wording lives in content). Labels are drawn
literally: a `$` is escaped so it is never read as mathtext, and characters the chart font cannot
draw (emoji, usually) are dropped instead of rendering as boxes with a warning.

Matplotlib's shared caches (fonts, text layout) are not documented as thread-safe, so renders are
serialised with a module lock; callers may run this in worker threads (`asyncio.to_thread`). A
render takes well under a second.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from io import BytesIO
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes

WIDTH_PX = 800
HEIGHT_PX = 600
DPI = 100
SORENESS_MAX = 10

_BEFORE_COLOUR = "#d9822b"
_AFTER_COLOUR = "#2b7bb9"
_OTHER_TRACK_COLOUR = "#E8E2F4"  # a pale lilac column: a day on a track without the floor
_BAR_COLOUR = "#5a9e6f"
_MUTED_COLOUR = "#777777"
_GRID_COLOUR = "#dddddd"
_WEEK = timedelta(days=7)
_MIN_SPAN = timedelta(days=7)  # a single day still gets a readable date axis
MAX_DATE_TICKS = 8
_MANY_POINTS = 60  # beyond this, smaller markers
_TICK_STEPS_DAYS = (1, 2, 7, 14, 28, 56, 91, 182, 364)

_MARGINS = {"left": 0.09, "right": 0.97, "top": 0.9, "bottom": 0.1, "hspace": 0.3}

_render_lock = threading.Lock()


@dataclass(frozen=True)
class SorenessPoint:
    """One session's soreness (0–10) before and after; either may be missing."""

    day: date
    before: int | None
    after: int | None
    other_track: str | None = None
    """The name of the track, when it was not the default (floor) one: that day is shaded."""


@dataclass(frozen=True)
class ChartLabels:
    """Every string the chart draws, taken from content.

    `day_format` is a `strftime` pattern for the date ticks (e.g. "%d %b" or "%d.%m.").
    `no_data` is written in a panel that has nothing to show yet.
    """

    title: str
    soreness_axis: str
    before: str
    after: str
    sessions_per_week: str
    sessions_axis: str
    date_axis: str
    day_format: str
    no_data: str


def render_progress_chart(
    points: Sequence[SorenessPoint],
    weeks: Sequence[tuple[date, int]],
    *,
    labels: ChartLabels,
) -> bytes:
    """Draw the progress chart and return it as PNG bytes of exactly WIDTH_PX × HEIGHT_PX.

    `points` are sessions (any order); `weeks` are (first day of the week, sessions that week).
    Empty inputs give a chart whose panels say `labels.no_data`.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with _render_lock:
        figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
        FigureCanvasAgg(figure)  # attaches itself: PNG from Agg, whatever MPLBACKEND says
        # Fixed margins rather than a layout engine: the size never changes, and constrained
        # layout would double the render time.
        soreness_axes, weeks_axes = figure.subplots(
            2,
            1,
            sharex=True,
            gridspec_kw={"height_ratios": (3, 2), **_MARGINS},
        )
        figure.suptitle(_text(labels.title), fontsize=15, fontweight="bold", y=0.975)

        days = sorted(
            {point.day for point in points}
            | {start for start, _ in weeks}
            | {start + _WEEK for start, _ in weeks}
        )
        _draw_soreness(soreness_axes, points, labels)
        _draw_weeks(weeks_axes, weeks, labels)
        _format_dates(weeks_axes, days, labels)

        buffer = BytesIO()
        # Every savefig.* setting a matplotlibrc could change is given, so the size never varies.
        figure.savefig(
            buffer,
            format="png",
            dpi=DPI,
            bbox_inches=figure.bbox_inches,
            facecolor="white",
            edgecolor="white",
            transparent=False,
            metadata={"Software": None},
        )
        return buffer.getvalue()


def _draw_soreness(axes: Axes, points: Sequence[SorenessPoint], labels: ChartLabels) -> None:
    ordered = sorted(points, key=lambda point: point.day)
    series = (
        (labels.before, _BEFORE_COLOUR, "o", [(p.day, p.before) for p in ordered]),
        (labels.after, _AFTER_COLOUR, "s", [(p.day, p.after) for p in ordered]),
    )
    drawn = False
    shaded: set[str] = set()
    for point in ordered:
        if point.other_track is None:
            continue
        # The day's own column, lightly shaded, named once in the legend.
        name = None if point.other_track in shaded else _text(point.other_track)
        shaded.add(point.other_track)
        axes.axvspan(
            _x(point.day), _x(point.day) + 1, color=_OTHER_TRACK_COLOUR, zorder=0, label=name
        )
    for label, colour, marker, pairs in series:
        present = [(day, _clamp(score)) for day, score in pairs if score is not None]
        if not present:
            continue
        axes.plot(
            # Noon, so a session sits inside its day (and inside its week's bar below).
            [_x(day) + 0.5 for day, _ in present],
            [score for _, score in present],
            color=colour,
            marker=marker,
            markersize=6 if len(present) <= _MANY_POINTS else 3,
            linewidth=2,
            label=_text(label),
        )
        drawn = True

    axes.set_ylim(-0.5, SORENESS_MAX + 0.5)
    axes.set_yticks(range(0, SORENESS_MAX + 1, 2))
    axes.set_ylabel(_text(labels.soreness_axis))
    axes.grid(True, color=_GRID_COLOUR, linewidth=0.8)
    axes.set_axisbelow(True)
    if drawn:
        # Above the panel, on the right: never over the data, even at 10/10.
        axes.legend(
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
            ncols=2 + len(shaded),
            borderaxespad=0.1,
        )
    else:
        _say_no_data(axes, labels)


def _draw_weeks(axes: Axes, weeks: Sequence[tuple[date, int]], labels: ChartLabels) -> None:
    from matplotlib.ticker import MaxNLocator

    ordered = sorted(weeks)
    if ordered:
        axes.bar(
            # Each bar spans its seven days, less a small gap between weeks.
            [_x(start) + 0.1 for start, _ in ordered],
            [max(count, 0) for _, count in ordered],
            width=6.8,
            align="edge",
            color=_BAR_COLOUR,
        )
    top = max((count for _, count in ordered), default=0)
    axes.set_ylim(0, max(top, 1) * 1.15)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
    axes.set_title(_text(labels.sessions_per_week), fontsize=11, loc="left")
    axes.set_ylabel(_text(labels.sessions_axis))
    axes.set_xlabel(_text(labels.date_axis))
    axes.grid(True, axis="y", color=_GRID_COLOUR, linewidth=0.8)
    axes.set_axisbelow(True)
    if top <= 0:  # no weeks, or only weeks without a session
        _say_no_data(axes, labels)


def _format_dates(axes: Axes, days: Sequence[date], labels: ChartLabels) -> None:
    """The date axis both panels share, padded around the data; no ticks when there is none.

    Ticks sit mid-day, every 1 or 2 days, or a whole number of weeks counted from the first day
    with data (so they line up with the weekly bars), at most MAX_DATE_TICKS of them.
    """
    if not days:
        axes.set_xticks([])
        return
    first, last = days[0], days[-1]
    low, high = first, last
    if high - low < _MIN_SPAN:
        low = first - (_MIN_SPAN - (last - first)) // 2
        high = low + _MIN_SPAN
    pad = max((high - low) // 20, timedelta(days=1))
    axes.set_xlim(_x(low - pad), _x(high + pad) + 1)

    span = (high - low).days
    step = next(
        (step for step in _TICK_STEPS_DAYS if span // step < MAX_DATE_TICKS),
        -(-span // (MAX_DATE_TICKS - 1)),
    )
    start = first if step >= 7 else low
    ticks = [start + timedelta(days=k) for k in range(0, (high - start).days + 1, step)]
    day_format = _text(labels.day_format)
    axes.set_xticks(
        [_x(day) + 0.5 for day in ticks], labels=[d.strftime(day_format) for d in ticks]
    )


def _say_no_data(axes: Axes, labels: ChartLabels) -> None:
    axes.text(
        0.5,
        0.5,
        _text(labels.no_data),
        transform=axes.transAxes,
        ha="center",
        va="center",
        fontsize=12,
        color=_MUTED_COLOUR,
    )


def _x(day: date) -> float:
    """A day's position on the x axis: its ordinal, so the axis needs no date machinery."""
    return float(day.toordinal())


def _clamp(score: int) -> int:
    return min(max(score, 0), SORENESS_MAX)


def _text(label: str) -> str:
    """A label as literal text: no mathtext, and only characters the chart font can draw."""
    drawable = _drawable_codepoints()
    kept = "".join(ch for ch in label if ch.isspace() or ord(ch) in drawable)
    return kept.strip().replace("$", r"\$")


@cache
def _drawable_codepoints() -> frozenset[int]:
    from matplotlib.font_manager import FontProperties, findfont, get_font

    return frozenset(get_font(findfont(FontProperties())).get_charmap())
