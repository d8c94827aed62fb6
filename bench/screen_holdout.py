"""The warning-sign screen on a held-out set written apart from its lexicon: issue 14's figures.

    .venv/bin/python -m bench.screen_holdout            # tests/data/red_flag_holdout_2026.yaml
    .venv/bin/python -m bench.screen_holdout --load 2   # + a 4 000-character message's p99 while
                                                        #   2 busy processes load the CPUs
    .venv/bin/python -m bench.screen_holdout --smoke    # a quick run (the test suite's)

Prints, per level, what a person would get — emergency advice, see-a-doctor advice, the confirm
question, the other-language card, or nothing — and the five figures of issue 14, with error counts
per `kind` (never the messages themselves: the set stays held out). Exits non-zero only when it
could not measure.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.common import shipped_readers
from bot.routine.reading import Readers
from bot.routine.red_flags import ScreenLevel

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "red_flag_holdout_2026.yaml"
ADVICE = (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)
LONG_TEXT_CHARACTERS = 4000


@dataclass(frozen=True)
class Labelled:
    text: str
    label: str  # emergency | see_doctor | benign
    kind: str


@dataclass(frozen=True)
class Figures:
    urgent_emergency: float
    urgent_emergency_or_question: float
    doctor_safety: float
    doctor_safety_or_question: float
    benign_emergency: float
    benign_any_safety: float
    benign_question: float
    counts: Counter[str]
    errors: dict[str, Counter[str]]


def _language_of(path: Path) -> str:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return str(data.get("language", "en"))


def load(path: Path = DATA) -> list[Labelled]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Labelled(str(item["text"]), str(item["label"]), str(item.get("kind", "")))
        for item in data["messages"]
    ]


def evaluate(messages: list[Labelled], levels: list[ScreenLevel]) -> Figures:
    by_label: dict[str, list[tuple[Labelled, ScreenLevel]]] = defaultdict(list)
    for message, level in zip(messages, levels, strict=True):
        by_label[message.label].append((message, level))

    def share(label: str, wanted: tuple[ScreenLevel, ...]) -> float:
        rows = by_label[label]
        return sum(level in wanted for _, level in rows) / len(rows) if rows else float("nan")

    errors: dict[str, Counter[str]] = defaultdict(Counter)
    for message, level in by_label["emergency"]:
        if level is not ScreenLevel.EMERGENCY:
            errors[f"emergency → {level.value}"][message.kind] += 1
    for message, level in by_label["see_doctor"]:
        if level not in ADVICE:
            errors[f"see_doctor → {level.value}"][message.kind] += 1
    for message, level in by_label["benign"]:
        if level in (*ADVICE, ScreenLevel.NOT_ENGLISH):
            errors[f"benign → {level.value}"][message.kind] += 1
    return Figures(
        urgent_emergency=share("emergency", (ScreenLevel.EMERGENCY,)),
        urgent_emergency_or_question=share(
            "emergency", (ScreenLevel.EMERGENCY, ScreenLevel.POSSIBLE)
        ),
        doctor_safety=share("see_doctor", ADVICE),
        doctor_safety_or_question=share("see_doctor", (*ADVICE, ScreenLevel.POSSIBLE)),
        benign_emergency=share("benign", (ScreenLevel.EMERGENCY,)),
        benign_any_safety=share("benign", (*ADVICE, ScreenLevel.NOT_ENGLISH)),
        benign_question=share("benign", (ScreenLevel.POSSIBLE,)),
        counts=Counter(message.label for message in messages),
        errors=dict(errors),
    )


def report(figures: Figures) -> list[str]:
    counts = figures.counts
    return [
        f"{sum(counts.values())} messages: "
        + ", ".join(f"{label} {n}" for label, n in sorted(counts.items())),
        "",
        "| figure | goal | measured |",
        "|---|---|---|",
        f"| urgent → emergency advice | ≥ 0.95 | {figures.urgent_emergency:.3f} |",
        "| urgent → emergency advice or the confirm question | ≥ 0.99 | "
        f"{figures.urgent_emergency_or_question:.3f} |",
        f"| see-a-doctor → a safety answer (advice) | ≥ 0.95 | {figures.doctor_safety:.3f} |",
        "| see-a-doctor → advice or the confirm question | – | "
        f"{figures.doctor_safety_or_question:.3f} |",
        f"| benign → emergency advice | ≤ 0.03 | {figures.benign_emergency:.3f} |",
        f"| benign → any safety answer (advice) | ≤ 0.10 | {figures.benign_any_safety:.3f} |",
        f"| benign → the confirm question | – | {figures.benign_question:.3f} |",
        "",
        "errors by kind (counts only; the set stays held out):",
        *(
            f"  {what}: " + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common())
            for what, kinds in sorted(figures.errors.items())
        ),
    ]


def _busy(stop: float) -> None:
    while time.monotonic() < stop:
        sum(range(10_000))


def long_message_timing(readers: Readers, runs: int, load: int) -> tuple[float, float, float]:
    """p50 and p99 wall time and p99 CPU time in ms for a 4 000-character message (a new text
    each run: no cache of the whole text), while *load* busy processes keep the CPUs occupied
    (the wall time then includes waiting for a core; the CPU time is the screen's own cost)."""
    filler = (
        "Did the routine again this morning, the bridges felt easier and the knee to chest was "
        "fine, my back is a bit stiff after a long day at my desk and the walk helped. "
    )
    half = LONG_TEXT_CHARACTERS // 2
    sign = " and my bum has gone numb since yesterday "
    long_text = (filler * 30)[:half] + sign + (filler * 30)[: LONG_TEXT_CHARACTERS - half - 60]
    if readers.screen(long_text).level is not ScreenLevel.EMERGENCY:
        raise RuntimeError("the long message's sign was not found")
    workers = [
        multiprocessing.Process(target=_busy, args=(time.monotonic() + 60,)) for _ in range(load)
    ]
    for worker in workers:
        worker.start()
    try:
        timings = []
        cpu = []
        for run in range(runs):
            text = f"{long_text} {run}"
            start, start_cpu = time.perf_counter(), time.thread_time()
            readers.screen(text)
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.thread_time() - start_cpu) * 1000)
    finally:
        for worker in workers:
            worker.terminate()
            worker.join()
    timings.sort()
    cpu.sort()
    p99 = min(len(timings) - 1, int(len(timings) * 0.99))
    return statistics.median(timings), timings[p99], cpu[p99]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--language", help="the person's language (default: the data file's `language`, else en)"
    )
    parser.add_argument("--load", type=int, default=0, help="busy processes while timing")
    parser.add_argument("--runs", type=int, default=500, help="4 000-character runs")
    parser.add_argument("--smoke", action="store_true", help="a quick run: 40 messages, 20 runs")
    args = parser.parse_args(argv)
    language = args.language or _language_of(args.data)
    readers, spoken, _content = shipped_readers(language)  # as the bot reads
    messages = load(args.data)
    runs = args.runs
    if args.smoke:
        messages, runs = messages[:20] + messages[-20:], 20
    levels = [readers.screen(message.text, spoken).level for message in messages]
    print(f"read as someone who speaks {spoken!r} (English always read too)")
    print("\n".join(report(evaluate(messages, levels))))
    p50, p99, cpu_p99 = long_message_timing(readers, runs, args.load)
    print()
    print(
        f"a {LONG_TEXT_CHARACTERS}-character message: p50 {p50:.2f} ms, p99 {p99:.2f} ms "
        f"(CPU p99 {cpu_p99:.2f} ms) over {runs} runs, {args.load} busy processes "
        "(goal: p99 ≤ 10 ms under load)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
