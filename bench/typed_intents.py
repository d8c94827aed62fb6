"""Typed intents on a held-out set written apart from the lexicon: how often a typed phrase does
what a person meant, per screen kind, through the real screens' `View.typed` tables.

    .venv/bin/python -m bench.typed_intents                 # tests/data/typed_intents_2026.yaml
    .venv/bin/python -m bench.typed_intents --data PATH

A phrase is answered as expected when the button its words stand for on that screen is the
button its label stands for (chit-chat, nonsense and unclear phrases: no button at all); on the
soreness screen, when the score read is the labelled one (an out-of-range number: asked again).
Prints the accuracy per screen and the error counts per label (never the phrases).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from bench.common import shipped_readers
from bot.routine.content import Content
from bot.routine.intents import Intent, Score
from bot.routine.progress_screens import ProgressScreens
from bot.routine.reading import Readers
from bot.routine.screens import Screens
from bot.routine.session import Phase, SessionState

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "typed_intents_2026.yaml"
SCREEN_KINDS = ("exercise", "ease_off", "soreness", "check_in")


@dataclass(frozen=True)
class ScreenResult:
    screen: str
    total: int
    right: int
    errors: Counter[str]

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else float("nan")


def typed_table(content: Content, screen: str) -> dict[str, str]:
    """The screen's own table of typed intents → button data (bridge: it has a gentler option)."""
    screens = Screens(content)
    state = SessionState(4242, phase=Phase.EXERCISE, step=1)
    if screen == "exercise":
        return dict(screens.current(state).typed)
    if screen == "ease_off":
        return dict(screens.current(replace(state, phase=Phase.EASE_OFF)).typed)
    if screen == "check_in":
        question = ProgressScreens(content).check_in_question(4242, before_session=False)
        return dict(question.typed)
    raise ValueError(screen)


def answered_as_expected(
    reader: Readers, spoken: str, table: dict[str, str] | None, item: dict[str, Any]
) -> bool:
    label, text = str(item["intent"]), str(item["text"])
    if table is None:  # the soreness scale
        score = reader.score(text, spoken)
        if label == "score":
            return score == Score(int(item["value"]))
        if label == "out_of_range":
            return score is not None and score.value is None
        return score is None
    chosen = reader.read(text, spoken).first_of(_intents(table))
    return (table.get(chosen.value) if chosen else None) == table.get(label)


def evaluate(
    language: str, data: dict[str, list[dict[str, Any]]]
) -> tuple[str, list[ScreenResult]]:
    """The results per screen kind, for someone who speaks *language* (and the language used)."""
    reader, spoken, content = shipped_readers(language)
    results = []
    for screen in SCREEN_KINDS:
        items = data.get(screen, [])
        table = None if screen == "soreness" else typed_table(content, screen)
        errors: Counter[str] = Counter()
        right = 0
        for item in items:
            if answered_as_expected(reader, spoken, table, item):
                right += 1
            else:
                errors[str(item["intent"])] += 1
        results.append(ScreenResult(screen, len(items), right, errors))
    return spoken, results


def _intents(table: dict[str, str]) -> list[Intent]:
    return [Intent(name) for name in table]


def load(path: Path = DATA) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    """The set's language ("en" unless it says) and its phrases per screen kind."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    screens: dict[str, list[dict[str, Any]]] = data["screens"]
    return str(data.get("language", "en")), screens


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    language, data = load(args.data)
    spoken, results = evaluate(language, data)
    print(f"read as someone who speaks {spoken!r} (English always read too)")
    print("| screen | phrases | answered as a person expects |")
    print("|---|---|---|")
    for result in results:
        print(f"| {result.screen} | {result.total} | {result.accuracy:.3f} |")
    print()
    for result in results:
        wrong = ", ".join(f"{label} {n}" for label, n in result.errors.most_common())
        print(f"errors on {result.screen}: {wrong or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
