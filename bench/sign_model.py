"""Train the warning-sign screen's statistical readers, one per language, and measure the screen
with and without them.

    .venv/bin/python -m bench.sign_model --train               # rebuild every language's model
    .venv/bin/python -m bench.sign_model --language ru         # each ru set, lexicon vs both
    .venv/bin/python -m bench.sign_model --smoke               # a quick run (the test suite's)

A language's model is trained on all of its labelled sets (English: the tuning set, its held-out
sets and its dev sets; another language: `red_flag_holdout_<language>_*.yaml` and
`dev/red_flags_<language>*.yaml`). All of them are dev sets now: the lexicon was tuned on them, and
the lead measures on sets never seen. Whether a model earns its place is measured by rotation:
for each set, a model trained on the language's other sets, the screen with and without it on
the set it never saw. Deterministic: the same data gives the same weights.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

from bench.screen_holdout import evaluate, load
from bot.routine.content import (
    DEFAULT_CONTENT_DIR,
    RED_FLAGS_FILE,
    SIGN_MODEL_FILE,
    load_red_flags,
    load_sign_model,
)
from bot.routine.red_flags import RedFlagScreen
from bot.routine.sign_model import BENIGN, EMERGENCY, SEE_DOCTOR, train

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
ENGLISH = "en"
_LABELS = {
    "emergency": EMERGENCY,
    "see_doctor": SEE_DOCTOR,
    "benign": BENIGN,
    "negated": BENIGN,
    "off_topic": BENIGN,
}


def model_file(language: str) -> Path:
    return DEFAULT_CONTENT_DIR / SIGN_MODEL_FILE.format(language=language)


def languages() -> list[str]:
    """Every language with a warning-sign word file, English first."""
    found = sorted(
        path.name.removeprefix("red_flags.").removesuffix(".yaml")
        for path in DEFAULT_CONTENT_DIR.glob(RED_FLAGS_FILE.format(language="*"))
    )
    return [ENGLISH, *(code for code in found if code != ENGLISH)]


def training_sets(language: str) -> list[str]:
    """The language's labelled sets (names under tests/data), in a fixed order."""
    if language == ENGLISH:
        held_out = [p for p in DATA.glob("red_flag_holdout_2026*.yaml")]
        dev = [p for p in (DATA / "dev").glob("red_flags_en*.yaml")]
    else:
        held_out = [p for p in DATA.glob(f"red_flag_holdout_{language}_2026*.yaml")]
        dev = [p for p in (DATA / "dev").glob(f"red_flags_{language}*.yaml")]
        dev = [p for p in dev if _language_of(p) == language]  # not pt_BR's for "pt"
    return sorted(str(path.relative_to(DATA)) for path in held_out + dev)


def _language_of(path: Path) -> str:
    return str(yaml.safe_load(path.read_text(encoding="utf-8")).get("language", ENGLISH))


def training_examples(
    language: str = ENGLISH, leave_out: str | None = None
) -> list[tuple[str, int]]:
    """The labelled messages the language's model learns from (without the set *leave_out*)."""
    examples: list[tuple[str, int]] = []
    if language == ENGLISH:
        tuning = yaml.safe_load((DATA / "red_flag_messages.yaml").read_text(encoding="utf-8"))
        for group in tuning["groups"]:
            label = _LABELS.get(group["label"])
            if label is None:
                continue  # not_english: another reader's job
            for part in ("tune", "holdout"):
                examples.extend((str(text), label) for text in group.get(part) or ())
    for name in training_sets(language):
        if name == leave_out:
            continue
        examples.extend((message.text, _LABELS[message.label]) for message in load(DATA / name))
    return examples


def _train_all() -> None:
    for language in languages():
        started = time.perf_counter()
        examples = training_examples(language)
        path = model_file(language)
        train(examples).save(path)
        print(
            f"{language}: trained on {len(examples)} messages in "
            f"{time.perf_counter() - started:.1f} s, wrote {path.name} "
            f"({path.stat().st_size / 1e6:.2f} MB)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", action="store_true", help="rebuild every model file")
    parser.add_argument("--language", default=ENGLISH, help="the language to measure")
    parser.add_argument("--smoke", action="store_true", help="a quick run on 40 messages")
    args = parser.parse_args(argv)
    if args.train:
        _train_all()
        return 0
    lexicon = load_red_flags(DEFAULT_CONTENT_DIR, args.language)
    lexicon_only = RedFlagScreen(lexicon, model=None)
    names = training_sets(args.language)
    for name in names[-1:] if args.smoke else names:
        messages = load(DATA / name)
        if args.smoke:  # the shipped model, which has seen them: only that the bench runs
            messages = messages[:20] + messages[-20:]
            model = load_sign_model(DEFAULT_CONTENT_DIR, args.language)
        else:
            model = train(training_examples(args.language, leave_out=name))
        both = RedFlagScreen(lexicon, model=model)
        seen = "the shipped model" if args.smoke else "a model trained without it"
        print(f"{name} ({len(messages)} messages, {seen}):")
        for title, screen in (("lexicon alone", lexicon_only), ("lexicon + model", both)):
            figures = evaluate(messages, [screen.screen(m.text).level for m in messages])
            print(
                f"  {title:16} urgent→emergency {figures.urgent_emergency:.3f} · "
                f"urgent→advice or question {figures.urgent_emergency_or_question:.3f} · "
                f"see-a-doctor→advice {figures.doctor_safety:.3f} · "
                f"benign→emergency {figures.benign_emergency:.3f} · "
                f"benign→any advice {figures.benign_any_safety:.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
