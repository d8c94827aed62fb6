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

from bot.routine.content import Content, load_content
from bot.routine.intents import Intent, IntentReader, Score
from bot.routine.progress_screens import ProgressScreens
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
    reader: IntentReader, table: dict[str, str] | None, item: dict[str, Any]
) -> bool:
    label, text = str(item["intent"]), str(item["text"])
    if table is None:  # the soreness scale
        score = reader.score(text)
        if label == "score":
            return score == Score(int(item["value"]))
        if label == "out_of_range":
            return score is not None and score.value is None
        return score is None
    chosen = reader.read(text).first_of(_intents(table))
    return (table.get(chosen.value) if chosen else None) == table.get(label)


def evaluate(content: Content, data: dict[str, list[dict[str, Any]]]) -> list[ScreenResult]:
    reader = IntentReader(content.intents)
    results = []
    for screen in SCREEN_KINDS:
        items = data.get(screen, [])
        table = None if screen == "soreness" else typed_table(content, screen)
        errors: Counter[str] = Counter()
        right = 0
        for item in items:
            if answered_as_expected(reader, table, item):
                right += 1
            else:
                errors[str(item["intent"])] += 1
        results.append(ScreenResult(screen, len(items), right, errors))
    return results


def _intents(table: dict[str, str]) -> list[Intent]:
    return [Intent(name) for name in table]


def load(path: Path = DATA) -> dict[str, list[dict[str, Any]]]:
    screens: dict[str, list[dict[str, Any]]] = yaml.safe_load(path.read_text(encoding="utf-8"))[
        "screens"
    ]
    return screens


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    results = evaluate(load_content(), load(args.data))
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
