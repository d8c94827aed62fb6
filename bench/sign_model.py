"""Train the warning-sign screen's statistical reader, and measure the screen with and without it.

    .venv/bin/python -m bench.sign_model --train     # rebuild content/red_flags.en.model.npz
    .venv/bin/python -m bench.sign_model             # the held-out sets, lexicon alone vs both
    .venv/bin/python -m bench.sign_model --smoke     # a quick run (the test suite's)

It trains on the tuning set and the first two held-out sets (now dev sets: the lexicon was tuned on
them too) and never on `TRAINING_EXCLUDES`, the sets kept blind for measuring. Deterministic: the
same data gives the same weights.
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
TRAINING_SETS = ("red_flag_holdout_2026.yaml", "red_flag_holdout_2026b.yaml")
TRAINING_EXCLUDES = ("red_flag_holdout_2026c.yaml", "red_flag_holdout_2026d.yaml")
_LABELS = {
    "emergency": EMERGENCY,
    "see_doctor": SEE_DOCTOR,
    "benign": BENIGN,
    "negated": BENIGN,
    "off_topic": BENIGN,
}


def training_examples() -> list[tuple[str, int]]:
    examples: list[tuple[str, int]] = []
    tuning = yaml.safe_load((DATA / "red_flag_messages.yaml").read_text(encoding="utf-8"))
    for group in tuning["groups"]:
        label = _LABELS.get(group["label"])
        if label is None:
            continue  # not_english: another reader's job
        for part in ("tune", "holdout"):
            examples.extend((str(text), label) for text in group.get(part) or ())
    for name in TRAINING_SETS:
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
    both = RedFlagScreen(content.red_flags, model=content.sign_model)
    for name in TRAINING_EXCLUDES:
        path = DATA / name
        if not path.exists():
            continue
        messages = load(path)
        if args.smoke:
            messages = messages[:20] + messages[-20:]
        print(f"{name} ({len(messages)} messages, never trained on):")
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
