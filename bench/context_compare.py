"""Limber's own context reading against medspaCy's ConText on the same matcher (issue 14, item 3).

    .venv/bin/python -m bench.context_compare     # Limber's figures only: medspaCy is not a
                                                  # dependency of the project
    python3 -m venv /tmp/medspacy-venv            # medspaCy apart from the project's .venv
    /tmp/medspacy-venv/bin/pip install medspacy pyyaml rapidfuzz
    /tmp/medspacy-venv/bin/python -m bench.context_compare [--data PATH] [--smoke]

`--data`: the held-out set (default tests/data/red_flag_holdout_2026.yaml); `--smoke`: 20 of its
messages and one timing pass (the test suite's run).

Every reading sees the same mentions: Limber's matcher (concept phrases, spelling, NegEx negation)
finds them. Then either Limber's ConText cues qualify them (the screen as it is), or medspaCy's
ConText with its default English rules does, on a lexicon whose `context` lists are emptied
(`self_words`, `person_forms` and `history_counts` kept: who "I" is, "her legs" worded as the
concepts' "my legs", and CLINICAL.md's "a history of cancer is the sign" — none of them a cue).
Each sentence with a mention becomes a spaCy Doc of the screen's own tokens (a blank English
pipeline: no model, nothing downloaded), its mentions the target spans. A target ConText calls
negated is dropped, as Limber's negation drops it; hypothetical or historical gets at most the
confirm question; family gets the advice worded for another adult; "possible existence" changes
nothing (an uncertain sign must still be asked about). The rules that fire, and the levels, are
the screen's own.

Prints issue 14's figures per reading and data set, how many messages each reading gets right where
the other does not (counts per `kind`: the held-out messages themselves are never printed) and the
time per message. Exits non-zero only when it could not measure.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.common import BenchError, maxrss_mib
from bench.red_flags import load_messages
from bench.screen_holdout import ADVICE, LONG_TEXT_CHARACTERS, Figures, Labelled, evaluate
from bot.routine.content import ContextRules, RedFlagLexicon, load_content
from bot.routine.red_flags import (
    _OTHER,
    Experiencer,
    Qualifier,
    RedFlagScreen,
    Screening,
    ScreenLevel,
    _Mention,
    _Sentence,
)

ROOT = Path(__file__).resolve().parents[1]
HOLDOUT = ROOT / "tests" / "data" / "red_flag_holdout_2026.yaml"
SMOKE_MESSAGES = 20
KEPT_CONTEXT = frozenset({"self_words", "person_forms", "history_counts", "adult_age", "self_only"})
"""What the context-free lexicon keeps: who "I" is, "her legs" read as the concepts' "my legs"
(concept wording, not a cue), and the categories whose history is the sign itself (a history of
cancer: CLINICAL.md, not a cue; without a historical cue it changes nothing)."""
SPAN_GROUP = "limber_mentions"
NEGATED = "NEGATED_EXISTENCE"


@dataclass(frozen=True)
class Case:
    message: Labelled
    experiencer: str  # self | other_adult ("" where the set does not say)


@dataclass(frozen=True)
class DataSet:
    name: str
    cases: list[Case]


@dataclass(frozen=True)
class Reading:
    name: str
    screen: Callable[[str], Screening]


# --- data ------------------------------------------------------------------------------------


def load_holdout(path: Path) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Case(
            Labelled(str(item["text"]), str(item["label"]), str(item.get("kind", ""))),
            str(item.get("experiencer") or ""),
        )
        for item in data["messages"]
    ]


def load_tuning_set() -> dict[str, list[Case]]:
    """tests/data/red_flag_messages.yaml by part; negated and off-topic messages count as benign,
    the not-English ones are left out (the context reading has nothing to do with them)."""
    parts: dict[str, list[Case]] = defaultdict(list)
    for message in load_messages():
        if message.label == "not_english":
            continue
        label = "benign" if message.label in ("negated", "off_topic") else message.label
        kind = f"{message.label}/{message.category}"
        parts[message.part].append(Case(Labelled(message.text, label, kind), ""))
    return dict(parts)


def data_sets(holdout: Path, smoke: bool) -> list[DataSet]:
    sets: list[DataSet] = []
    if holdout.is_file():
        sets.append(DataSet(f"held-out 2026 ({holdout.name})", load_holdout(holdout)))
    else:
        print(f"{holdout} is not there: the older set only")
    tuning = load_tuning_set()
    sets.append(DataSet("older set, holdout part", tuning["holdout"]))
    sets.append(DataSet("older set, tune part", tuning["tune"]))
    if smoke:
        first = sets[0]
        step = max(1, len(first.cases) // SMOKE_MESSAGES)  # every label, not just the first
        return [DataSet(f"{first.name}, smoke", first.cases[::step][:SMOKE_MESSAGES])]
    return sets


# --- the readings ----------------------------------------------------------------------------


def without_context(lexicon: RedFlagLexicon) -> RedFlagLexicon:
    """The lexicon with Limber's ConText cues and person words emptied; negation stays."""
    emptied = {name: () for name in ContextRules.model_fields if name not in KEPT_CONTEXT}
    return lexicon.model_copy(update={"context": lexicon.context.model_copy(update=emptied)})


@dataclass(frozen=True)
class Marks:
    """What ConText said about one target."""

    negated: bool
    qualifier: Qualifier | str | None


class MedspacyConText:
    """medspaCy's ConText on a blank English spaCy pipeline (no model, nothing downloaded)."""

    def __init__(self, with_negation: bool) -> None:
        import spacy  # type: ignore[import-not-found, unused-ignore]
        from medspacy.context import ConText, ConTextRule  # type: ignore[import-not-found, unused-ignore]

        self._nlp: Any = spacy.blank("en")
        self._context: Any = ConText(
            self._nlp,
            rules=None,
            input_span_type="group",
            span_group_name=SPAN_GROUP,
        )
        rules = ConTextRule.from_json(self._context.DEFAULT_RULES_FILEPATH)
        self.rule_count = Counter(rule.category for rule in rules)
        if not with_negation:
            rules = [rule for rule in rules if rule.category != NEGATED]
        self._context.add(rules)

    def read(self, tokens: Sequence[str], mentions: Sequence[_Mention]) -> list[Marks]:
        from spacy.tokens import Doc, Span  # type: ignore[import-not-found, unused-ignore]

        doc = Doc(
            self._nlp.vocab,
            words=list(tokens),
            sent_starts=[True] + [False] * (len(tokens) - 1),
        )
        spans = [Span(doc, m.start, m.end, label=m.concept) for m in mentions]
        doc.spans[SPAN_GROUP] = spans
        self._context(doc)
        return [_marks(span) for span in spans]


def _marks(span: Any) -> Marks:
    extension = span._
    qualifier: Qualifier | str | None = None
    if extension.is_historical:
        qualifier = Qualifier.HISTORICAL
    elif extension.is_hypothetical:
        qualifier = Qualifier.HYPOTHETICAL
    elif extension.is_family:
        qualifier = _OTHER
    return Marks(bool(extension.is_negated), qualifier)


class MedspacyScreen(RedFlagScreen):
    """Limber's screen whose mentions are qualified by medspaCy's ConText: instead of its own cues
    (built from `without_context(lexicon)`), or after them (*after_own*: ConText may only demote a
    mention Limber's cues left as the person's own sign now)."""

    def __init__(
        self, lexicon: RedFlagLexicon, context: MedspacyConText, after_own: bool = False
    ) -> None:
        super().__init__(lexicon)
        self._medspacy = context
        self._after_own = after_own

    def _qualify(self, sentence: _Sentence) -> None:
        if self._after_own:
            super()._qualify(sentence)
        if not sentence.mentions:
            return
        mentions = [m for mentioned in sentence.mentions.values() for m in mentioned]
        qualified: dict[str, list[_Mention]] = defaultdict(list)
        for mention, marks in zip(
            mentions, self._medspacy.read(sentence.tokens, mentions), strict=True
        ):
            if marks.negated:
                continue
            qualifier = marks.qualifier
            if qualifier is Qualifier.HISTORICAL and mention.concept in self._history_counts:
                qualifier = None  # "a history of cancer" is the sign, as in Limber's reading
            if mention.qualifier is None or not self._after_own:
                mention = mention._replace(qualifier=qualifier)
            qualified[mention.concept].append(mention)
        sentence.mentions = dict(qualified)


def medspacy_version() -> str | None:
    """medspaCy's version, or None when it is not installed (imported lazily: not a dependency)."""
    try:
        import medspacy  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    return str(medspacy.__version__)


def readings(lexicon: RedFlagLexicon, with_medspacy: bool) -> list[Reading]:
    own = RedFlagScreen(lexicon)
    bare = without_context(lexicon)
    found = [
        Reading("Limber's own context", own.screen),
        Reading("no context (cues emptied)", RedFlagScreen(bare).screen),
    ]
    if with_medspacy:
        before, rss = time.perf_counter(), maxrss_mib()
        full = MedspacyConText(with_negation=True)
        elapsed = time.perf_counter() - before
        print(
            f"medspaCy ConText: built in {elapsed:.2f} s, peak memory +"
            f"{maxrss_mib() - rss:.0f} MiB; default English rules: "
            + ", ".join(f"{c} {n}" for c, n in sorted(full.rule_count.items()))
        )
        no_negation = MedspacyConText(with_negation=False)
        found.append(Reading("medspaCy ConText", MedspacyScreen(bare, full).screen))
        found.append(
            Reading("medspaCy ConText, no negation", MedspacyScreen(bare, no_negation).screen)
        )
        found.append(
            Reading(
                "Limber's, then medspaCy's (no negation)",
                MedspacyScreen(lexicon, no_negation, after_own=True).screen,
            )
        )
    return found


# --- figures -----------------------------------------------------------------------------------


def correct(case: Case, screening: Screening) -> bool:
    """What a person should get: emergency advice (worded for the right person), a see-a-doctor
    answer, or for a benign message no advice and no other-language card."""
    label = case.message.label
    if label == "emergency":
        wanted = Experiencer.OTHER_ADULT if case.experiencer == "other_adult" else None
        right_person = wanted is None or screening.experiencer is wanted
        return screening.level is ScreenLevel.EMERGENCY and right_person
    if label == "see_doctor":
        return screening.level in ADVICE
    return screening.level not in (*ADVICE, ScreenLevel.NOT_ENGLISH)


def experiencer_line(cases: list[Case], screenings: list[Screening]) -> str:
    others = [
        s
        for c, s in zip(cases, screenings, strict=True)
        if c.message.label == "emergency" and c.experiencer == "other_adult"
    ]
    worded = sum(
        s.level is ScreenLevel.EMERGENCY and s.experiencer is Experiencer.OTHER_ADULT
        for s in others
    )
    own_as_other = sum(
        s.level is ScreenLevel.EMERGENCY and s.experiencer is Experiencer.OTHER_ADULT
        for c, s in zip(cases, screenings, strict=True)
        if c.message.label == "emergency" and c.experiencer == "self"
    )
    return f"{worded}/{len(others)}" + (f" (own worded as another's: {own_as_other})")


def time_per_message(screen: Callable[[str], Screening], texts: list[str], passes: int) -> float:
    """Median µs per message over *passes* passes of the set."""
    timings: list[float] = []
    for _ in range(passes):
        for text in texts:
            start = time.perf_counter()
            screen(text)
            timings.append((time.perf_counter() - start) * 1e6)
    return statistics.median(timings)


def long_message_ms(screen: Callable[[str], Screening], runs: int) -> float:
    """Median ms for a 4 000-character message with one sign in its middle (a new text each run:
    no cache of the whole text)."""
    filler = (
        "Did the routine again this morning, the bridges felt easier and the knee to chest was "
        "fine, my back is a bit stiff after a long day at my desk and the walk helped. "
    )
    half = LONG_TEXT_CHARACTERS // 2
    sign = " and my bum has gone numb since yesterday "
    text = (filler * 30)[:half] + sign + (filler * 30)[: LONG_TEXT_CHARACTERS - half - 60]
    if screen(text).level is not ScreenLevel.EMERGENCY:
        raise BenchError("the long message's sign was not found")
    timings = []
    for run in range(runs):
        start = time.perf_counter()
        screen(f"{text} {run}")
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def table(columns: dict[str, Figures], extra: dict[str, dict[str, str]]) -> list[str]:
    names = list(columns)
    lines = ["| figure | goal | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]

    def row(title: str, goal: str, value: Callable[[Figures], float]) -> None:
        values = " | ".join(f"{value(columns[n]):.3f}" for n in names)
        lines.append(f"| {title} | {goal} | {values} |")

    row("urgent → emergency advice", "≥ 0.95", lambda f: f.urgent_emergency)
    row(
        "urgent → emergency advice or the confirm question",
        "≥ 0.99",
        lambda f: f.urgent_emergency_or_question,
    )
    row("see-a-doctor → a safety answer (advice)", "≥ 0.95", lambda f: f.doctor_safety)
    row("benign → emergency advice", "≤ 0.03", lambda f: f.benign_emergency)
    row("benign → any safety answer (advice)", "≤ 0.10", lambda f: f.benign_any_safety)
    row("benign → the confirm question", "–", lambda f: f.benign_question)
    for title, values in extra.items():
        lines.append(f"| {title} | – | " + " | ".join(values[n] for n in names) + " |")
    return lines


def compare(data: DataSet, found: list[Reading], passes: int) -> list[str]:
    texts = [case.message.text for case in data.cases]
    results = {r.name: [r.screen(text) for text in texts] for r in found}
    columns = {
        name: evaluate([c.message for c in data.cases], [s.level for s in screenings])
        for name, screenings in results.items()
    }
    extra: dict[str, dict[str, str]] = {
        "another adult's emergency → advice worded for them": {
            name: experiencer_line(data.cases, screenings) for name, screenings in results.items()
        },
        "µs per message (median)": {
            r.name: f"{time_per_message(r.screen, texts, passes):.0f}" for r in found
        },
        "ms for a 4 000-character message (median)": {
            r.name: f"{long_message_ms(r.screen, 20 * passes):.2f}" for r in found
        },
    }
    counts = Counter(case.message.label for case in data.cases)
    lines = [
        f"## {data.name}: {len(data.cases)} messages ("
        + ", ".join(f"{label} {n}" for label, n in sorted(counts.items()))
        + ")",
        "",
        *table(columns, extra),
        "",
        "errors by kind (counts only):",
    ]
    for name, figures in columns.items():
        lines.append(f"  {name}:")
        lines.extend(
            f"    {what} ({kinds.total()}): "
            + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common())
            for what, kinds in sorted(figures.errors.items())
        )
    own = results[found[0].name]
    for reading in found[1:]:
        lines.extend(_differences(data.cases, own, results[reading.name], found[0], reading))
    return lines


def _differences(
    cases: list[Case],
    own: list[Screening],
    other: list[Screening],
    own_reading: Reading,
    other_reading: Reading,
) -> list[str]:
    """Per label, the kinds of the messages one reading gets right and the other does not."""
    only: dict[str, dict[str, Counter[str]]] = {
        own_reading.name: defaultdict(Counter),
        other_reading.name: defaultdict(Counter),
    }
    for case, mine, theirs in zip(cases, own, other, strict=True):
        if correct(case, mine) and not correct(case, theirs):
            only[own_reading.name][case.message.label][case.message.kind] += 1
        elif correct(case, theirs) and not correct(case, mine):
            only[other_reading.name][case.message.label][case.message.kind] += 1
    lines = [f"right only with one of: {own_reading.name} | {other_reading.name}"]
    for name, labels in only.items():
        total = sum(sum(kinds.values()) for kinds in labels.values())
        lines.append(f"  only {name}: {total}")
        for label, kinds in sorted(labels.items()):
            lines.append(
                f"    {label}: " + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common())
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HOLDOUT, help="the held-out set (YAML)")
    parser.add_argument("--smoke", action="store_true", help=f"{SMOKE_MESSAGES} messages")
    args = parser.parse_args(argv)
    before, rss = time.perf_counter(), maxrss_mib()
    version = medspacy_version()
    if version is None:
        print("medspacy is not installed: Limber's own figures only (see the module's docstring)")
    else:
        print(
            f"medspacy {version}: import {time.perf_counter() - before:.2f} s, peak memory "
            f"+{maxrss_mib() - rss:.0f} MiB"
        )
    found = readings(load_content().red_flags, with_medspacy=version is not None)
    passes = 1 if args.smoke else 3
    for data in data_sets(args.data, args.smoke):
        print()
        print("\n".join(compare(data, found, passes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
