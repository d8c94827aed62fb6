"""The progress chart: soreness before/after each session and sessions per week, as a PNG.

Rendered headless with Matplotlib's object-oriented API: a `matplotlib.figure.Figure` drawn on
its own Agg canvas, never `pyplot`, so no global figure registry, no GUI backend and no
dependence on `MPLBACKEND` (any valid value, even a GUI one on a server, is ignored). Matplotlib is
imported inside `render_progress_chart` because the import costs about half a second; the first
chart pays it once.

Every string drawn comes from `ChartLabels` (the wording lives in content). Labels are drawn
literally: a `$` is escaped so it is never read as mathtext, and characters the chart font cannot
draw (emoji, usually) are dropped instead of rendering as boxes with a warning.

Every language reads right: the labels' locale (`ChartLabels.locale`) names the months (Babel, from
the `strftime`-style `day_format`) and picks the digits — CLDR's default numbering system for the
locale, so Persian gets ۰–۹ on both axes, in the dates and inside the labels. Arabic-script labels
are shaped and ordered by Matplotlib itself: since 3.11 it lays text out with libraqm (HarfBuzz
shaping, the Unicode bidi algorithm), so letters join and a Persian line runs right to left with
no reshaping beforehand — reshaped text (arabic-reshaper + python-bidi) would be reversed a second
time. The text's language goes to the shaper (`text.language`). DejaVu Sans, which Matplotlib
ships, has every glyph the shipped languages' labels need (tests/unit/test_chart_languages.py lays
out each label and finds no missing glyph). In a right-to-left locale the panel title and the
legend's text sit on the right of their marks; time still runs left to right.

Matplotlib's shared caches (fonts, text layout) are not documented as thread-safe, so renders are
serialised with a module lock; callers may run this in worker threads (`asyncio.to_thread`). A
render takes well under a second.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from io import BytesIO
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)

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

# The zero of CLDR numbering systems a locale may default to (the other nine digits follow it in
# Unicode). A system not listed here is drawn in Latin digits.
_ZERO_DIGITS = {
    "latn": "0",
    "arab": "\u0660",  # Arabic-Indic: ٠١٢…
    "arabext": "\u06f0",  # Extended Arabic-Indic (Persian): ۰۱۲…
    "deva": "\u0966",
    "beng": "\u09e6",
    "mymr": "\u1040",
    "thai": "\u0e50",
}
# strftime directives the day format may use, as CLDR date-pattern fields.
_STRFTIME_TO_CLDR = {
    "d": "dd",
    "-d": "d",
    "e": "d",
    "m": "MM",
    "-m": "M",
    "b": "MMM",
    "B": "MMMM",
    "y": "yy",
    "Y": "y",
    "a": "EEE",
    "A": "EEEE",
}


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
    locale: str = "en"
    """The labels' language as a CLDR locale ("ru", "pt", "fa"): month names, digits, direction."""


@dataclass(frozen=True)
class _Writing:
    """How one locale writes on the chart: its digits, its month names, its direction."""

    locale: Locale
    digits: dict[int, str]
    right_to_left: bool

    @classmethod
    def of(cls, locale_name: str) -> _Writing:
        try:
            locale = Locale.parse(locale_name.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            log.warning("chart: unknown locale %r, drawn in English", locale_name)
            locale = Locale("en")
        zero = _ZERO_DIGITS.get(locale.default_numbering_system, "0")
        digits = {ord("0") + n: chr(ord(zero) + n) for n in range(10)}
        return cls(locale, digits, locale.character_order == "right-to-left")

    @property
    def language(self) -> str:
        """The BCP 47 tag the shaper is given."""
        return str(self.locale).replace("_", "-")

    def text(self, label: str) -> str:
        """A label as literal text in this locale's digits (see `_text`)."""
        return _text(label).translate(self.digits)

    def number(self, value: float) -> str:
        return f"{value:g}".translate(self.digits)

    def day(self, day: date, day_format: str) -> str:
        """*day* in *day_format* (`strftime` directives), with this locale's names and digits."""
        return self.text(format_date(day, _cldr_pattern(day_format), locale=self.locale))


def _cldr_pattern(strftime_format: str) -> str:
    """A `strftime` pattern ("%d %b", "%d.%m.") as a CLDR date pattern ("dd MMM", "dd.MM.").

    Literal text is quoted; an unknown directive is kept as literal text.
    """
    parts: list[str] = []
    literal: list[str] = []

    def flush() -> None:
        if literal:
            text = "".join(literal).replace("'", "''")
            parts.append(f"'{text}'")
            literal.clear()

    index = 0
    while index < len(strftime_format):
        char = strftime_format[index]
        if char == "%" and index + 1 < len(strftime_format):
            directive = strftime_format[index + 1]
            if directive == "-" and index + 2 < len(strftime_format):
                directive = strftime_format[index + 1 : index + 3]
            field = _STRFTIME_TO_CLDR.get(directive)
            if field is not None:
                flush()
                parts.append(field)
                index += 1 + len(directive)
                continue
            if directive == "%":
                literal.append("%")
                index += 2
                continue
        literal.append(char)
        index += 1
    flush()
    return "".join(parts)


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
    from matplotlib import rc_context

    writing = _Writing.of(labels.locale)
    # Every text, tick labels included (made while saving), is shaped for the labels' language.
    with _render_lock, rc_context({"text.language": writing.language}):
        figure = _draw(points, weeks, labels, writing)
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


def inspect_progress_chart(
    points: Sequence[SorenessPoint],
    weeks: Sequence[tuple[date, int]],
    *,
    labels: ChartLabels,
    look: Callable[[Figure], None],
) -> None:
    """Draw the chart as `render_progress_chart` does and hand the drawn figure to *look* (for
    tests that check every text on it: the glyphs, the language, the order)."""
    from matplotlib import rc_context

    writing = _Writing.of(labels.locale)
    with _render_lock, rc_context({"text.language": writing.language}):
        figure = _draw(points, weeks, labels, writing)
        figure.canvas.draw()
        look(figure)


def _draw(
    points: Sequence[SorenessPoint],
    weeks: Sequence[tuple[date, int]],
    labels: ChartLabels,
    writing: _Writing,
) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

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
    figure.suptitle(writing.text(labels.title), fontsize=15, fontweight="bold", y=0.975)

    days = sorted(
        {point.day for point in points}
        | {start for start, _ in weeks}
        | {start + _WEEK for start, _ in weeks}
    )
    _draw_soreness(soreness_axes, points, labels, writing)
    _draw_weeks(weeks_axes, weeks, labels, writing)
    _format_dates(weeks_axes, days, labels, writing)
    return figure


def _draw_soreness(
    axes: Axes, points: Sequence[SorenessPoint], labels: ChartLabels, writing: _Writing
) -> None:
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
        name = None if point.other_track in shaded else writing.text(point.other_track)
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
            label=writing.text(label),
        )
        drawn = True

    axes.set_ylim(-0.5, SORENESS_MAX + 0.5)
    ticks = range(0, SORENESS_MAX + 1, 2)
    axes.set_yticks(ticks, labels=[writing.number(tick) for tick in ticks])
    axes.set_ylabel(writing.text(labels.soreness_axis))
    axes.grid(True, color=_GRID_COLOUR, linewidth=0.8)
    axes.set_axisbelow(True)
    if drawn:
        # Above the panel, on the right: never over the data, even at 10/10. Right to left,
        # the entries are read from the right: the first one goes there, its text left of it.
        handles, names = axes.get_legend_handles_labels()
        if writing.right_to_left:
            handles, names = handles[::-1], names[::-1]
        axes.legend(
            handles,
            names,
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
            ncols=2 + len(shaded),
            borderaxespad=0.1,
            markerfirst=not writing.right_to_left,
        )
    else:
        _say_no_data(axes, labels, writing)


def _draw_weeks(
    axes: Axes, weeks: Sequence[tuple[date, int]], labels: ChartLabels, writing: _Writing
) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

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
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: writing.number(value)))
    axes.set_title(
        writing.text(labels.sessions_per_week),
        fontsize=11,
        loc="right" if writing.right_to_left else "left",
    )
    axes.set_ylabel(writing.text(labels.sessions_axis))
    axes.set_xlabel(writing.text(labels.date_axis))
    axes.grid(True, axis="y", color=_GRID_COLOUR, linewidth=0.8)
    axes.set_axisbelow(True)
    if top <= 0:  # no weeks, or only weeks without a session
        _say_no_data(axes, labels, writing)


def _format_dates(axes: Axes, days: Sequence[date], labels: ChartLabels, writing: _Writing) -> None:
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
    axes.set_xticks(
        [_x(day) + 0.5 for day in ticks],
        labels=[writing.day(day, labels.day_format) for day in ticks],
    )


def _say_no_data(axes: Axes, labels: ChartLabels, writing: _Writing) -> None:
    axes.text(
        0.5,
        0.5,
        writing.text(labels.no_data),
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
    """A label as literal text: no mathtext, and only characters the chart font can draw.

    Format characters (a zero-width non-joiner inside a Persian word, a bidi mark) are kept: the
    shaper reads them and draws nothing.
    """
    drawable = _drawable_codepoints()
    kept = "".join(
        ch
        for ch in label
        if ch.isspace() or ord(ch) in drawable or unicodedata.category(ch) == "Cf"
    )
    return kept.strip().replace("$", r"\$")


@cache
def _drawable_codepoints() -> frozenset[int]:
    from matplotlib.font_manager import FontProperties, findfont, get_font

    return frozenset(get_font(findfont(FontProperties())).get_charmap())
