"""A quick run of bench.context_compare, so a change to the screen cannot break it silently. CI
does not install medspaCy: the benchmark then reports Limber's own figures and exits 0 (no figure
is asserted: they live in docs/context-comparison.md)."""

from __future__ import annotations

import sys

import pytest

from bench import context_compare
from bot.routine.content import load_content


def test_without_medspacy_it_reports_limbers_figures_and_exits_0(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "medspacy", None)  # importing it now fails, as in CI

    assert context_compare.main(["--smoke"]) == 0

    printed = capsys.readouterr().out
    assert "medspacy is not installed" in printed
    assert "| urgent → emergency advice | ≥ 0.95 | " in printed
    assert "Limber's own context" in printed
    assert "medspaCy ConText" not in printed
    assert "20 messages" in printed


def test_the_context_free_lexicon_keeps_negation_and_who_i_am() -> None:
    lexicon = load_content().red_flags

    bare = context_compare.without_context(lexicon)

    assert bare.context.hypothetical == ()
    assert bare.context.other_adult == ()
    assert bare.context.self_words == lexicon.context.self_words
    assert bare.context.person_forms == lexicon.context.person_forms
    assert bare.context.history_counts == lexicon.context.history_counts
    assert bare.negation == lexicon.negation
    assert lexicon.context.hypothetical  # the lexicon itself is untouched
