"""Whose sign, and is it one now (ConText in `bot.routine.red_flags`): table tests.

A sign that is hypothetical, reported advice, a definition question, resolved history, or about a
child, an animal or people in general gets at most the confirm question (POSSIBLE), never the
advice; another adult's sign now gets the advice worded for them; the person's own sign now —
questions about it included — gets the advice."""

from __future__ import annotations

import pytest

from bot.routine.content import load_content
from bot.routine.red_flags import Experiencer, Qualifier, RedFlagScreen, ScreenLevel


@pytest.fixture(scope="module")
def screen() -> RedFlagScreen:
    return RedFlagScreen(load_content().red_flags)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("what happens if i lose control of my bladder", Qualifier.HYPOTHETICAL),
        ("should i ring 999 if both my legs go weak?", Qualifier.HYPOTHETICAL),
        ("in case my bum ever goes numb, what do I do", Qualifier.HYPOTHETICAL),
        ("The physio said to look out for numbness in my saddle area", Qualifier.REPORTED),
        ("my GP asked me if I'd had any trouble peeing", Qualifier.REPORTED),
        ("what does saddle anaesthesia mean?", Qualifier.DEFINITION),
        ("what is bladder retention", Qualifier.DEFINITION),
        ("I lost bladder control after a fall years ago, fine ever since", Qualifier.HISTORICAL),
        (
            "Had numbness round my bum in 2019. It cleared up after physio.",
            Qualifier.HISTORICAL,
        ),
        # The clause that turns to now is about now; the sign before it stays history.
        ("bladder issues years back, all sorted, now i'm fine", Qualifier.HISTORICAL),
        ("had a numb bum after a fall in 2019, now i just have back ache", Qualifier.HISTORICAL),
        ("my toddler keeps wetting the bed", Qualifier.NON_ADULT),
        ("our dog's back legs have gone weak and wobbly", Qualifier.NON_ADULT),
        ("can you lose bladder control from a slipped disc?", Qualifier.GENERIC),
    ],
)
def test_a_sign_that_is_not_the_persons_own_now_gets_at_most_the_question(
    screen: RedFlagScreen, text: str, qualifier: Qualifier
) -> None:
    screening = screen.screen(text)

    assert screening.level in (ScreenLevel.POSSIBLE, ScreenLevel.NONE), screening
    if screening.level is ScreenLevel.POSSIBLE:
        assert qualifier in screening.qualifiers


@pytest.mark.parametrize(
    "text",
    [
        "is it normal that i can't feel myself wee?",
        "Is it normal to not feel the toilet paper when I wipe",
        "I'm not sure if I wet myself or not, I didn't feel anything",
        "years ago I had sciatica but now I can't control my bladder",
        "wet myself once years ago but now i can't feel when i pee",
        "buttocks went numb on the drive home and haven't come back, 3 hours now",
        "my wife says I keep stumbling and both my legs look weak",
        "What should I do, I can't feel my bum",
        "numb bum since yesterday, what does that mean?",
    ],
)
def test_the_persons_own_sign_now_gets_the_emergency_advice(
    screen: RedFlagScreen, text: str
) -> None:
    screening = screen.screen(text)

    assert screening.level is ScreenLevel.EMERGENCY, screening
    assert screening.experiencer is Experiencer.SELF


@pytest.mark.parametrize(
    "text",
    [
        "my mum can't feel her legs and she wet herself this morning",
        "My husband lost control of his bowels today and his legs are giving way",
        "my dad is 70 and suddenly can't pee at all",
    ],
)
def test_another_adults_sign_now_gets_the_advice_for_them(screen: RedFlagScreen, text: str) -> None:
    screening = screen.screen(text)

    assert screening.level is ScreenLevel.EMERGENCY, screening
    assert screening.experiencer is Experiencer.OTHER_ADULT


def test_a_history_of_cancer_is_itself_the_sign(screen: RedFlagScreen) -> None:
    screening = screen.screen("I had breast cancer ten years ago, all clear since")

    assert screening.level is ScreenLevel.SEE_DOCTOR
    assert "cancer" in screening.categories


def test_the_persons_own_sign_wins_over_someone_elses(screen: RedFlagScreen) -> None:
    screening = screen.screen("my dog wet the bed and I can't feel my bum either")

    assert screening.level is ScreenLevel.EMERGENCY
    assert screening.experiencer is Experiencer.SELF


@pytest.mark.parametrize(
    "text",
    [
        "my wife is pregnant and her back hurts, can she do these?",
        "my sister is 20 weeks pregnant and her lower back is killing her",
    ],
)
def test_another_adults_pregnancy_with_their_back_pain_is_theirs_to_check(
    screen: RedFlagScreen, text: str
) -> None:
    screening = screen.screen(text)

    assert screening.level is ScreenLevel.SEE_DOCTOR, screening
    assert screening.experiencer is Experiencer.OTHER_ADULT
    assert "pregnancy" in screening.categories


@pytest.mark.parametrize(
    "text",
    [
        "my wife is pregnant so i'm doing all the lifting, my back is sore",
        "my sister is pregnant!! so excited",
    ],
)
def test_someone_elses_pregnancy_told_in_passing_is_no_sign(
    screen: RedFlagScreen, text: str
) -> None:
    assert screen.screen(text).level not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


def test_an_ellipsis_is_a_pause_inside_the_sentence(screen: RedFlagScreen) -> None:
    """ "my legs... both of them... so weak": the words the pauses split are one sign; a
    context before a pause ends there ("how do i put this... ")."""
    screening = screen.screen("my legs... both of them... so weak since this morning")

    assert screening.level is ScreenLevel.EMERGENCY, screening
    assert "both_legs" in screening.categories
    hedged = screen.screen("how do i put this... what if my bum went numb, would that be bad")
    assert hedged.level is ScreenLevel.POSSIBLE
