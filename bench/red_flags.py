"""The free-text red-flag screen on the labelled messages of tests/data/red_flag_messages.yaml.

    .venv/bin/python -m bench.red_flags            # the current screen, both parts of the set
    .venv/bin/python -m bench.red_flags --before   # also the screen of commit 3a5bcc7 (git show)

Prints recall and precision per level and per category, the false alarms on benign and negated
messages, how often the screen asks (POSSIBLE), the not-English results, every miss, and the time
per message. Exits non-zero only when it could not measure.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import types
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.routine.content import load_content
from bot.routine.red_flags import RedFlagScreen, ScreenLevel

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "red_flag_messages.yaml"
BEFORE_COMMIT = "3a5bcc7"
CLEAR = (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


@dataclass(frozen=True)
class Message:
    text: str
    label: str
    category: str
    part: str  # "tune" or "holdout"


@dataclass(frozen=True)
class Result:
    level: ScreenLevel
    categories: tuple[str, ...]


def load_messages(path: Path = DATA) -> list[Message]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    messages = []
    for group in data["groups"]:
        for part in ("tune", "holdout"):
            for text in group.get(part) or ():
                messages.append(Message(str(text), group["label"], group["category"], part))
    return messages


def current_screen() -> Callable[[str], Result]:
    content = load_content()
    screen = RedFlagScreen(content.red_flags, model=content.sign_model)  # as the bot reads

    def run(text: str) -> Result:
        screening = screen.screen(text)
        return Result(screening.level, screening.categories)

    return run


def before_screen() -> Callable[[str], Result]:
    """`screen_text` as it was at commit 3a5bcc7 (two levels; no categories, no POSSIBLE)."""
    source = subprocess.run(
        ["git", "show", f"{BEFORE_COMMIT}:bot/routine/safety.py"],
        check=True,
        capture_output=True,
        text=True,
        cwd=DATA.parents[2],
    ).stdout
    module = types.ModuleType("old_safety")
    exec(compile(source, "old_safety.py", "exec"), module.__dict__)
    levels = {"urgent": ScreenLevel.EMERGENCY, "see_doctor": ScreenLevel.SEE_DOCTOR}

    def run(text: str) -> Result:
        level = module.screen_text(text)
        return Result(levels[str(level)] if level is not None else ScreenLevel.NONE, ())

    return run


@dataclass
class Figures:
    emergency_recall: float
    doctor_recall: float
    doctor_exact: float
    emergency_precision: float
    doctor_precision: float
    false_alarms: float
    possible_benign: float
    possible_negated: float
    possible_off_topic: float
    not_english_none: int
    categories: dict[str, tuple[int, int]]
    misses: list[tuple[Message, Result]]
    counts: Counter[str]


def _rate(hits: int, total: int) -> float:
    return hits / total if total else float("nan")


def evaluate(messages: list[Message], results: list[Result]) -> Figures:
    by_label: dict[str, list[tuple[Message, Result]]] = defaultdict(list)
    for message, result in zip(messages, results, strict=True):
        by_label[message.label].append((message, result))
    emergency = by_label["emergency"]
    doctor = by_label["see_doctor"]
    quiet = by_label["benign"] + by_label["negated"]
    predicted_emergency = [m for m, r in zip(messages, results, strict=True) if r.level is CLEAR[0]]
    predicted_doctor = [m for m, r in zip(messages, results, strict=True) if r.level is CLEAR[1]]
    categories: dict[str, tuple[int, int]] = {}
    for label in ("emergency", "see_doctor"):
        for message, result in by_label[label]:
            key = f"{label}/{message.category}"
            hit, total = categories.get(key, (0, 0))
            caught = result.level in CLEAR and (
                not result.categories or message.category in result.categories
            )
            categories[key] = (hit + caught, total + 1)
    misses = [(m, r) for m, r in emergency if r.level is not ScreenLevel.EMERGENCY]
    misses += [(m, r) for m, r in doctor if r.level not in CLEAR]
    misses += [(m, r) for m, r in quiet if r.level in CLEAR]
    misses += [(m, r) for m, r in by_label["off_topic"] if r.level in CLEAR]
    misses += [(m, r) for m, r in by_label["not_english"] if r.level is ScreenLevel.NONE]

    def possible(label: str) -> float:
        rows = by_label[label]
        return _rate(sum(r.level is ScreenLevel.POSSIBLE for _, r in rows), len(rows))

    return Figures(
        emergency_recall=_rate(
            sum(r.level is ScreenLevel.EMERGENCY for _, r in emergency), len(emergency)
        ),
        doctor_recall=_rate(sum(r.level in CLEAR for _, r in doctor), len(doctor)),
        doctor_exact=_rate(sum(r.level is ScreenLevel.SEE_DOCTOR for _, r in doctor), len(doctor)),
        emergency_precision=_rate(
            sum(m.label == "emergency" for m in predicted_emergency), len(predicted_emergency)
        ),
        doctor_precision=_rate(
            sum(m.label == "see_doctor" for m in predicted_doctor), len(predicted_doctor)
        ),
        false_alarms=_rate(sum(r.level in CLEAR for _, r in quiet), len(quiet)),
        possible_benign=possible("benign"),
        possible_negated=possible("negated"),
        possible_off_topic=possible("off_topic"),
        not_english_none=sum(r.level is ScreenLevel.NONE for _, r in by_label["not_english"]),
        categories=categories,
        misses=misses,
        counts=Counter(m.label for m in messages),
    )


def _table(columns: dict[str, Figures]) -> list[str]:
    names = list(columns)
    lines = ["| figure | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]

    def row(title: str, value: Callable[[Figures], str]) -> None:
        lines.append(f"| {title} | " + " | ".join(value(columns[n]) for n in names) + " |")

    row("emergency recall (EMERGENCY)", lambda f: f"{f.emergency_recall:.3f}")
    row("see-a-doctor recall (advice given)", lambda f: f"{f.doctor_recall:.3f}")
    row("see-a-doctor recall (exactly SEE_DOCTOR)", lambda f: f"{f.doctor_exact:.3f}")
    row("EMERGENCY precision", lambda f: f"{f.emergency_precision:.3f}")
    row("SEE_DOCTOR precision", lambda f: f"{f.doctor_precision:.3f}")
    row("false alarms on benign + negated", lambda f: f"{f.false_alarms:.3f}")
    row("POSSIBLE on benign", lambda f: f"{f.possible_benign:.3f}")
    row("POSSIBLE on negated", lambda f: f"{f.possible_negated:.3f}")
    row("POSSIBLE on off-topic", lambda f: f"{f.possible_off_topic:.3f}")
    row("not-English messages left NONE", lambda f: str(f.not_english_none))
    keys = sorted({key for f in columns.values() for key in f.categories})
    for key in keys:
        row(
            f"recall {key}",
            lambda f, key=key: "{}/{}".format(*f.categories.get(key, (0, 0))),
        )
    return lines


def _timing(screen: Callable[[str], Result], messages: list[Message]) -> tuple[float, float]:
    """Median µs per message over the set (5 passes), and for one 4 000-character message."""
    per_message: list[float] = []
    for _ in range(5):
        for message in messages:
            start = time.perf_counter()
            screen(message.text)
            per_message.append((time.perf_counter() - start) * 1e6)
    filler = (
        "Did the routine again this morning, the bridges felt easier and the knee to chest was "
        "fine, my back is a bit stiff after sitting at my desk all day and the dog walk helped. "
    )
    long_text = (filler * 30)[:1900] + " and my bum has gone numb " + (filler * 30)[:2074]
    if screen(long_text).level is not ScreenLevel.EMERGENCY:
        raise RuntimeError("the long message's sign was not found")
    runs = []
    for _ in range(50):
        start = time.perf_counter()
        screen(long_text + str(len(runs)))  # a new text each time: no cache of the whole text
        runs.append((time.perf_counter() - start) * 1e6)
    return statistics.median(per_message), statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", action="store_true", help="also run the screen of 3a5bcc7")
    args = parser.parse_args(argv)
    messages = load_messages()
    screens = {"now": current_screen()}
    if args.before:
        screens = {"before (3a5bcc7)": before_screen(), **screens}
    columns: dict[str, Figures] = {}
    now_misses: list[tuple[Message, Result]] = []
    for name, screen in screens.items():
        results = [screen(message.text) for message in messages]
        for part in ("tune", "holdout"):
            chosen = [(m, r) for m, r in zip(messages, results, strict=True) if m.part == part]
            figures = evaluate([m for m, _ in chosen], [r for _, r in chosen])
            columns[f"{name}, {part}"] = figures
            if name == "now":
                now_misses += figures.misses
        columns[f"{name}, all"] = evaluate(messages, results)
    counts = Counter((m.label, m.part) for m in messages)
    print(
        f"{len(messages)} messages: "
        + ", ".join(f"{k[0]}/{k[1]} {v}" for k, v in sorted(counts.items()))
    )
    print()
    print("\n".join(_table(columns)))
    print()
    print(f"misses of the current screen ({len(now_misses)}):")
    for message, result in now_misses:
        print(
            f"  [{message.part}] {message.label}/{message.category} -> {result.level.value}"
            f" {','.join(result.categories)}: {message.text[:110]!r}"
        )
    median, long_run = _timing(screens["now"], messages)
    print()
    print(
        f"time: median {median:.0f} µs per message over the set; a 4 000-character message "
        f"{long_run:.0f} µs (median of 50)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
