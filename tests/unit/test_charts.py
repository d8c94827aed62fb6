"""The progress chart: a PNG of a fixed size from any data, drawn headless and only from labels."""

from __future__ import annotations

import struct
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import fields, replace
from datetime import date, timedelta
from functools import cache
from io import BytesIO
from pathlib import Path

import pytest

from bot.charts import HEIGHT_PX, WIDTH_PX, ChartLabels, SorenessPoint, render_progress_chart

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
REPO = Path(__file__).resolve().parents[2]

LABELS = ChartLabels(
    title="Your progress",
    soreness_axis="Soreness (0-10)",
    before="before",
    after="after",
    sessions_per_week="Sessions per week",
    sessions_axis="sessions",
    date_axis="date",
    day_format="%d %b",
    no_data="Your first session will show up here.",
)
START = date(2024, 3, 4)  # a Monday

Weeks = Sequence[tuple[date, int]]


def improving() -> tuple[list[SorenessPoint], list[tuple[date, int]]]:
    """Four weeks of sessions every other day, soreness easing; one session without an after."""
    points = [
        SorenessPoint(START + timedelta(days=2 * i), 6 - i // 3, None if i == 3 else 5 - i // 2)
        for i in range(14)
    ]
    weeks = [(START + timedelta(weeks=w), count) for w, count in enumerate((3, 4, 2, 5))]
    return points, weeks


def worsening() -> tuple[list[SorenessPoint], list[tuple[date, int]]]:
    points = [
        SorenessPoint(START + timedelta(days=3 * i), 2 + i // 2, 3 + i // 2) for i in range(8)
    ]
    weeks = [(START + timedelta(weeks=w), count) for w, count in enumerate((1, 2, 1))]
    return points, weeks


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which the PNG format puts first."""
    assert png[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", png[8:16])
    assert (length, kind) == (13, b"IHDR")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def colours(png: bytes) -> set[tuple[int, ...]]:
    from PIL import Image  # Pillow comes with matplotlib

    with Image.open(BytesIO(png)) as image:
        counted = image.convert("RGB").getcolors(maxcolors=WIDTH_PX * HEIGHT_PX) or []
        return {colour for _, colour in counted if isinstance(colour, tuple)}


CASES: dict[str, tuple[Sequence[SorenessPoint], Weeks]] = {
    "seeded": improving(),
    "empty": ([], []),
    "single point": ([SorenessPoint(START, 4, 3)], [(START, 1)]),
    "single before only": ([SorenessPoint(START, 4, None)], []),
    "scores all missing": ([SorenessPoint(START, None, None)], [(START, 0)]),
    "weeks without points": ([], [(START, 2), (START + timedelta(weeks=1), 0)]),
    "out of range and unsorted": (
        [SorenessPoint(START + timedelta(days=5), 12, -1), SorenessPoint(START, 0, 10)],
        [(START + timedelta(weeks=1), 3), (START, -2)],
    ),
    "a year of data": (
        [SorenessPoint(START + timedelta(days=i), i % 11, (i * 7) % 11) for i in range(365)],
        [(START + timedelta(weeks=w), w % 8) for w in range(52)],
    ),
}


@cache
def rendered(case: str) -> bytes:
    """Each case drawn once with the standard labels (a render costs about 0.1 s)."""
    return render_progress_chart(*CASES[case], labels=LABELS)


@pytest.mark.parametrize("case", CASES)
def test_every_chart_is_a_png_of_the_fixed_size(case: str) -> None:
    png = rendered(case)

    assert png.startswith(PNG_SIGNATURE)
    assert png_size(png) == (WIDTH_PX, HEIGHT_PX) == (800, 600)


def test_the_chart_is_deterministic_and_follows_the_data() -> None:
    first = rendered("seeded")

    assert render_progress_chart(*improving(), labels=LABELS) == first
    assert render_progress_chart(*worsening(), labels=LABELS) != first
    assert rendered("empty") != first
    assert rendered("single point") != rendered("single before only")


def test_seeded_data_draws_both_series_and_the_bars() -> None:
    drawn = colours(rendered("seeded"))
    empty = colours(rendered("empty"))

    before, after, bars = (0xD9, 0x82, 0x2B), (0x2B, 0x7B, 0xB9), (0x5A, 0x9E, 0x6F)
    assert {before, after, bars} <= drawn
    assert not {before, after, bars} & empty
    assert len(drawn) > 50  # lines, markers, text and antialiasing, not a blank canvas


def test_every_word_comes_from_the_labels() -> None:
    points, weeks = improving()
    texts = {field.name: "Zzz" for field in fields(ChartLabels) if field.name != "day_format"}
    reworded = replace(LABELS, **texts)
    numeric_dates = replace(LABELS, day_format="%d.%m.")

    assert render_progress_chart(points, weeks, labels=reworded) != rendered("seeded")
    assert render_progress_chart(points, weeks, labels=numeric_dates) != rendered("seeded")


def test_awkward_labels_are_drawn_without_warnings() -> None:
    # pytest runs with warnings as errors: a missing glyph or a mathtext parse error would fail.
    labels = ChartLabels(
        title="📈 Progress: $5 of effort, 100%",
        soreness_axis="Soreness_{0} ^10",
        before="avant 😣",
        after="après",
        sessions_per_week="Сеансы в неделю",
        sessions_axis="",
        date_axis="  ",
        day_format="%d/%m",
        no_data="$$ 🌱",
    )
    for case in ("seeded", "empty"):
        assert png_size(render_progress_chart(*CASES[case], labels=labels)) == (800, 600)


def test_renders_from_several_threads_agree() -> None:
    points, weeks = improving()

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(
            pool.map(lambda _: render_progress_chart(points, weeks, labels=LABELS), range(2))
        )

    assert results == [rendered("seeded")] * 2


def test_importing_the_module_does_not_import_matplotlib() -> None:
    """The import is deferred to the first chart (it costs about half a second)."""
    script = "import sys, bot.charts; sys.exit('matplotlib' in sys.modules)"

    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, check=False)

    assert result.returncode == 0
