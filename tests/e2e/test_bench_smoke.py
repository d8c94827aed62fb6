"""Every benchmark still runs: a tiny run of each `bench/` module, as a person would start it.

Seconds each, no figure asserted (speed lives in bench/README.md, measured on purpose); only that
the module runs to the end, measures what it claims to, and — where a benchmark checks
correctness (nudges sent exactly once, none to a person paused for a warning sign) — that it holds.
bench.nudges starts its own throwaway PostgreSQL cluster (sections 2 and 4), loopback only.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BENCH_MODULES = sorted(
    path.stem
    for path in (PROJECT_ROOT / "bench").glob("*.py")
    if path.stem not in ("__init__", "common")
)
SMOKE_ARGUMENTS: dict[str, list[str]] = {
    "nudges": ["--smoke"],
    "taps": ["--smoke"],
    "sqlite_transactions": ["200"],
    "parsers": [],
    "red_flags": [],
    "media": [],  # run in-process on one picture and one guide (below)
    "screen_holdout": ["--smoke"],
    "typed_intents": [],
    "sign_model": ["--smoke"],
    "context_compare": ["--smoke"],
    "language_guess": ["--smoke"],
}


def run_bench(module: str, *arguments: str, timeout: float = 240) -> str:
    finished = subprocess.run(
        [sys.executable, "-m", f"bench.{module}", *arguments],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert finished.returncode == 0, finished.stdout[-3000:] + finished.stderr[-3000:]
    return finished.stdout


def test_every_bench_module_has_a_smoke_run() -> None:
    assert sorted(SMOKE_ARGUMENTS) == BENCH_MODULES


@pytest.mark.parametrize(
    "module",
    [
        "sqlite_transactions",
        "parsers",
        "red_flags",
        "taps",
        "screen_holdout",
        "typed_intents",
        "sign_model",
        "context_compare",
        "language_guess",
    ],
)
def test_the_bench_runs(module: str) -> None:
    output = run_bench(module, *SMOKE_ARGUMENTS[module])
    assert output.strip()


def test_bench_media_runs_on_one_picture_and_one_voice_guide(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole set takes minutes: the same code path on the first picture and guide only."""
    import bench.media as media

    pictures = media.MediaLibrary.pictures
    doses = media.reachable_doses
    first_exercise = media.load_content().routine.exercises[0].key

    def one_picture(library: media.MediaLibrary) -> list[Any]:
        return list(pictures(library))[:1]

    def one_dose(exercise: Any) -> list[Any]:
        return list(doses(exercise))[:1] if exercise.key == first_exercise else []

    monkeypatch.setattr(media.MediaLibrary, "pictures", one_picture)
    monkeypatch.setattr(media, "reachable_doses", one_dose)
    media.main()
    output = capsys.readouterr().out
    assert "animations: 1" in output
    assert "voice guides: 1" in output


def test_bench_media_voices_runs_in_every_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`bench.media voices` on a short guide: a measured row per language, a file to listen to."""
    import bench.media as media
    from bot.media.voice_languages import load_voices
    from bot.routine.content import Dose

    media.voices(tmp_path, "pelvic_tilt", Dose(reps=1, hold_seconds=2))
    rows = [line for line in capsys.readouterr().out.splitlines() if "dBTP" in line]
    assert len(rows) == len(load_voices().languages)
    assert (tmp_path / "ru-pelvic_tilt.ogg").is_file()


def test_bench_nudges_runs_every_section_and_sends_each_nudge_once() -> None:
    output = run_bench("nudges", *SMOKE_ARGUMENTS["nudges"])
    assert "failed" not in output.lower()
    rows = [line for line in output.splitlines() if line[:1].isdigit() and " " in line]
    sections = {line.split()[0] for line in rows}
    with_postgres = "PostgreSQL -" not in output  # the header names its version when it ran
    assert sections >= ({"1", "2", "3", "4", "5"} if with_postgres else {"1", "3", "5"})
    if with_postgres:
        [two_processes] = [line for line in rows if line.startswith("4 ")]
        assert "dup 0, lost 0, paused sent 0" in two_processes
