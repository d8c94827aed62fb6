"""Train the warning-sign screen's statistical reader, and measure the screen with and without it.

    .venv/bin/python -m bench.sign_model --train     # rebuild content/red_flags.en.model.npz
    .venv/bin/python -m bench.sign_model             # each dev set, lexicon alone vs both
    .venv/bin/python -m bench.sign_model --smoke     # a quick run (the test suite's)

The shipped model is trained on the tuning set and all five held-out sets (all are dev sets now:
the lexicon was tuned on them; the lead measures on sets never seen). Whether the model earns its
place is measured by rotation: for each dev set, a model trained on the tuning set and the other
four, the screen with and without it on the set it never saw. Deterministic: the same data gives
the same weights.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

from bench.screen_holdout import evaluate, load
from bot.routine.content import DEFAULT_CONTENT_DIR, load_content
from bot.routine.red_flags import RedFlagScreen
from bot.routine.sign_model import BENIGN, EMERGENCY, SEE_DOCTOR, train

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
MODEL_FILE = DEFAULT_CONTENT_DIR / "red_flags.en.model.npz"
TRAINING_SETS = (
    "red_flag_holdout_2026.yaml",
    "red_flag_holdout_2026b.yaml",
    "red_flag_holdout_2026c.yaml",
    "red_flag_holdout_2026d.yaml",
    "red_flag_holdout_2026e.yaml",
)
_LABELS = {
    "emergency": EMERGENCY,
    "see_doctor": SEE_DOCTOR,
    "benign": BENIGN,
    "negated": BENIGN,
    "off_topic": BENIGN,
}


def training_examples(leave_out: str | None = None) -> list[tuple[str, int]]:
    """The labelled messages the model learns from (without the set *leave_out*)."""
    examples: list[tuple[str, int]] = []
    tuning = yaml.safe_load((DATA / "red_flag_messages.yaml").read_text(encoding="utf-8"))
    for group in tuning["groups"]:
        label = _LABELS.get(group["label"])
        if label is None:
            continue  # not_english: another reader's job
        for part in ("tune", "holdout"):
            examples.extend((str(text), label) for text in group.get(part) or ())
    for name in TRAINING_SETS:
        if name == leave_out:
            continue
        examples.extend((message.text, _LABELS[message.label]) for message in load(DATA / name))
    return examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", action="store_true", help="rebuild the model file")
    parser.add_argument("--smoke", action="store_true", help="a quick run on 40 messages")
    args = parser.parse_args(argv)
    if args.train:
        started = time.perf_counter()
        examples = training_examples()
        model = train(examples)
        model.save(MODEL_FILE)
        print(f"trained on {len(examples)} messages in {time.perf_counter() - started:.1f} s")
        print(f"wrote {MODEL_FILE} ({MODEL_FILE.stat().st_size / 1e6:.2f} MB)")
        return 0
    content = load_content()
    lexicon_only = RedFlagScreen(content.red_flags, model=None)
    for name in TRAINING_SETS[-1:] if args.smoke else TRAINING_SETS:
        messages = load(DATA / name)
        if args.smoke:  # the shipped model, which has seen them: only that the bench runs
            messages = messages[:20] + messages[-20:]
            model = content.sign_model
        else:
            model = train(training_examples(leave_out=name))
        both = RedFlagScreen(content.red_flags, model=model)
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
