"""A quick run of the screen benchmarks, so a refactor cannot break them silently (no figures are
asserted: speed and accuracy goals live in bench/README.md)."""

from __future__ import annotations

import pytest

from bench import screen_holdout


def test_the_held_out_screen_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert screen_holdout.main(["--smoke"]) == 0

    printed = capsys.readouterr().out
    assert "urgent → emergency advice" in printed
    assert "4000-character message: p50" in printed
