"""The floors of issue 9 on the whole labelled set (tests/data/red_flag_messages.yaml).

The figures per level and category, both parts of the set and the misses:
`python -m bench.red_flags`.
"""

from __future__ import annotations

import pytest

from bench.red_flags import Figures, Message, Result, current_screen, evaluate, load_messages
from bot.routine.red_flags import ScreenLevel


@pytest.fixture(scope="module")
def messages() -> list[Message]:
    return load_messages()


@pytest.fixture(scope="module")
def figures(messages: list[Message]) -> Figures:
    screen = current_screen()
    return evaluate(messages, [screen(message.text) for message in messages])


def test_the_set_is_large_and_has_every_label(messages: list[Message]) -> None:
    labels = {message.label for message in messages}
    assert len(messages) >= 450
    assert labels == {"emergency", "see_doctor", "benign", "negated", "off_topic", "not_english"}
    holdout = sum(message.part == "holdout" for message in messages)
    assert holdout >= 0.3 * len(messages)


def test_emergency_recall(figures: Figures) -> None:
    assert figures.emergency_recall >= 0.98


def test_see_a_doctor_recall(figures: Figures) -> None:
    assert figures.doctor_recall >= 0.90


def test_false_alarms_on_benign_and_negated(figures: Figures) -> None:
    assert figures.false_alarms <= 0.05


def test_other_languages_are_never_left_unanswered(figures: Figures) -> None:
    assert figures.not_english_none == 0


def test_the_evaluation_counts_what_it_says() -> None:
    """A miss, a false alarm and a POSSIBLE are each counted where they belong."""
    messages = [
        Message("a", "emergency", "bladder", "tune"),
        Message("b", "emergency", "bladder", "tune"),
        Message("c", "benign", "none", "tune"),
        Message("d", "benign", "none", "tune"),
        Message("e", "not_english", "none", "tune"),
    ]
    results = [
        Result(ScreenLevel.EMERGENCY, ("bladder",)),
        Result(ScreenLevel.POSSIBLE, ()),
        Result(ScreenLevel.SEE_DOCTOR, ("fever",)),
        Result(ScreenLevel.POSSIBLE, ()),
        Result(ScreenLevel.NONE, ()),
    ]
    figures = evaluate(messages, results)
    assert figures.emergency_recall == 0.5
    assert figures.false_alarms == 0.5
    assert figures.possible_benign == 0.5
    assert figures.not_english_none == 1
    assert figures.categories["emergency/bladder"] == (1, 2)
    assert len(figures.misses) == 3
