"""Red-flag screening of free text: what fires at which level, what must not, and why."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.routine.content import FlagLevel, load_content
from bot.routine.red_flags import RedFlagScreen, ScreenLevel

URGENT = FlagLevel.EMERGENCY
SEE_DOCTOR = FlagLevel.SEE_DOCTOR
SCREEN = RedFlagScreen(load_content().red_flags)
_CLEAR = {ScreenLevel.EMERGENCY: URGENT, ScreenLevel.SEE_DOCTOR: SEE_DOCTOR}


def screen_text(text: str) -> FlagLevel | None:
    """The level of a clear match (the advice and the pause), else None."""
    return _CLEAR.get(SCREEN.screen(text).level)


FAST = settings(max_examples=200, deadline=None, database=None)

URGENT_PHRASES = [
    # saddle numbness or tingling, changed feeling when wiping
    "it's numb down there",
    "Pins and needles in my groin!",
    "pins-and-needles in my GROIN",
    "My bum feels numb",
    "tingling around my genitals",
    "numbness in my inner thighs",
    "I CAN’T FEEL MY BUTTOCKS",
    "it feels different when I wipe",
    # urine: passing, controlling, leaking
    "I can't pee",
    "i cant pee",
    "I cannot control my bladder since yesterday",
    "struggling to pee",
    "I'm having trouble peeing",
    "haven't peed since yesterday",
    "no longer able to control my bladder",
    "I wet myself this morning",
    "I've been leaking urine",
    "had a little accident on the way to the loo",
    # bowel
    "lost control of my bowels",
    "I pooed myself",
    # sexual numbness
    "numb during sex",
    # both legs, unsteadiness
    "both legs are weak",
    "both my legs keep giving way",
    "my legs feel weak and numb",
    "weakness in both my legs",
    "can't feel my legs",
    "I've never felt so weak in both legs",
    "I feel unsteady on my feet",
    "i keep losing my balance",
    # a negation in another clause does not cover the sign
    "no fever but I can't control my bladder",
    "Any fever? no. Numbness down there: yes",
]

SEE_DOCTOR_PHRASES = [
    # a numb leg or foot: the "numbness down a leg" sign of issue 9 (these were harmless before it)
    "my leg is numb",
    "bottom of my foot is numb",
    "i have a fever",
    "temperature of 39",
    "feeling really unwell today",
    "I don't feel well",
    "I've been ill",
    "I had cancer 5 years ago",
    "had chemotherapy last year",
    "I've lost a lot of weight without trying",
    "fell off a ladder last week",
    "I was in a car accident",
    "I had a nasty fall",
    "the pain keeps me up all night",
    "it hurts at night",
    "I'm pregnant",
    "I am 12 weeks pregnant.",
    "I'm not sure if I'm pregnant",
    "I had back surgery last month",
    "I'm on steroids",
    "my immune system is weak",
    "I'm immunosuppressed",
    "I have HIV",
    "I used to inject drugs",
    "no fever, but I had cancer",
]

HARMLESS_PHRASES = [
    # negated in the same clause
    "no numbness",
    "no numbness or tingling down there",
    "Without any numbness in my groin",
    "I'm not pregnant",
    "I've never been pregnant",
    "no fever",
    "i do not have a temperature",
    "I don't think I have a fever",
    "I haven't had any accident",
    "never had cancer",
    "all good, no leaking",
    "I don't have any bladder problems",
    "Fever? No. Numbness? No.",
    "cancer?? Nope!!",
    # exercise talk
    "my legs feel tired after bridges",
    "the stretch tingles a bit in my hamstring",
    "I'm feeling good",
    "no pain today!",
    "pain at 3/10, all good",
    "shooting pain down my leg",
    "I lost my balance in downward dog",
    "I can't hold the plank for long",
    "the stretch is hard to hold",
    "my legs are shaking in the bridge",
    "woke up stiff",
    "The prayer stretch feels great in my bottom",
    # look-alikes
    "I fell asleep after the session",
    "I fell behind on my sessions",
    "I did it by accident",
    "I'm sick of bridges",
    "I've been rubbish at doing these",
    "a wee bit sore today",
    "I can't wait for tomorrow",
    "I want to lose weight",
    "I dropped the weight",
    "had my flu jab",
    "my phone crashed a lot",
    "knocked off work early",
    "pain shooting up my back",
    "I feel ill-prepared",
]

TABLE = (
    [pytest.param(text, URGENT, id=f"urgent: {text}") for text in URGENT_PHRASES]
    + [pytest.param(text, SEE_DOCTOR, id=f"see doctor: {text}") for text in SEE_DOCTOR_PHRASES]
    + [pytest.param(text, None, id=f"none: {text}") for text in HARMLESS_PHRASES]
)
SEVERITY = {None: 0, SEE_DOCTOR: 1, URGENT: 2}


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_screen_text(text: str, expected: FlagLevel | None) -> None:
    assert screen_text(text) is expected


def test_urgent_wins_over_see_doctor() -> None:
    assert screen_text("I have a fever. Also I can't pee.") is URGENT
    assert screen_text("Numb down there and I fell off a ladder") is URGENT


def test_levels_are_stable_strings_for_storage() -> None:
    """`users.safety_level` and `safety_events.level` hold these."""
    assert [level.value for level in FlagLevel] == ["emergency", "see_doctor"]


def test_the_patterns_are_plain_words_not_regular_expressions() -> None:
    """The screen's words are data: lower-case words, '*' only at a word's end (no backtracking)."""
    lexicon = load_content().red_flags
    phrases = [phrase for values in lexicon.concepts.values() for phrase in values]
    assert phrases
    for phrase in phrases:
        assert re.fullmatch(r"[a-z0-9']+\*?(?: [a-z0-9']+\*?)*", phrase), phrase


ADVERSARIAL = {
    "repeated word": "numb " * 800,
    "negated signs": "no numbness in my groin " * 170,
    "half a pattern": "both legs " * 400,
    "one long word": "a" * 4000,
    "apostrophes": "'" * 4000,
    "negation cues": "don't " * 700,
    "punctuation": "?:-" * 1400,
    "ordinary chat": "I did my bridges today and it felt fine, a bit stiff in the morning. " * 60,
}


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_long_adversarial_messages_are_screened_the_same_twice(text: str) -> None:
    """Whole, whatever the length (how quickly: `python -m bench.red_flags`, long messages)."""
    assert screen_text(text) == screen_text(text)


@FAST
@given(st.text(max_size=5000))
def test_never_raises_on_any_text(text: str) -> None:
    assert screen_text(text) in (None, URGENT, SEE_DOCTOR)


VOCABULARY = [
    "no", "not", "never", "don't", "can't", "i", "my", "and", "but", "?", ":", ".", ",", "-", "'",
    "numb", "tingling", "pins and needles", "down there", "groin", "pee", "bladder", "both", "legs",
    "weak", "fever", "cancer", "fell", "pregnant", "night", "sure", "longer", "so", "’", "\n",
]  # fmt: skip


@FAST
@given(st.lists(st.sampled_from(VOCABULARY), max_size=60).map(" ".join))
def test_never_raises_on_red_flag_vocabulary(text: str) -> None:
    assert screen_text(text) in (None, URGENT, SEE_DOCTOR)


@FAST
@given(
    before=st.text(max_size=300),
    after=st.text(max_size=300),
    phrase=st.sampled_from(
        [(text, URGENT) for text in URGENT_PHRASES]
        + [(text, SEE_DOCTOR) for text in SEE_DOCTOR_PHRASES]
    ),
)
def test_a_sign_in_its_own_sentence_is_found_whatever_surrounds_it(
    before: str, after: str, phrase: tuple[str, FlagLevel]
) -> None:
    text, level = phrase
    found = screen_text(f"{before}. {text}. {after}")
    assert SEVERITY[found] >= SEVERITY[level]
