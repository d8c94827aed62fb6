"""The warning-sign screen, one test per cause of error fixed in issue 14's second round (false
alarms for benign look-alikes, misses of present signs). The phrasings are new: none is taken
from a held-out set."""

from __future__ import annotations

import pytest

from bot.routine.content import load_content
from bot.routine.red_flags import RedFlagScreen, ScreenLevel


@pytest.fixture(scope="module")
def screen() -> RedFlagScreen:
    content = load_content()
    return RedFlagScreen(content.red_flags, model=content.sign_model)


@pytest.mark.parametrize(
    "text",
    [
        # a cue after the sign it qualifies: a statement about signs in general
        "apparently leaking wee with back pain is an emergency, good to know",
        "the card says numbness round my bottom would mean going straight to a&e",
        # reported from a screen or a search, not felt
        "been googling numb legs at 2am again, classic me",
        # a hypothetical that a look-alike ("worry if") only partly covers
        "should i worry if i ever lose feeling down below",
        # a kin word in a sentence about a child's thing
        "toilet training my daughter and she keeps wetting herself",
        # an ordinary cause of not going
        "could not wee at the festival because the queue was huge",
        # an idiom explained by exercise
        "my legs went to jelly after the step class",
        # history dated by a year
        "my legs gave way during a faint in 2014",
        # a resolved cue over a concept word ("gone"), and "came back" inside a resolution
        "had a high temperature with the flu, all gone now",
        "my bum went numb on the bleachers but the feeling came back as soon as i stood up",
    ],
)
def test_a_benign_look_alike_gets_no_advice(screen: RedFlagScreen, text: str) -> None:
    assert not screen.screen(text).clear


@pytest.mark.parametrize(
    "text",
    [
        # a general question the next sentence makes the person's own
        "can a slipped disc make you wet yourself? mine has",
        "do bad backs make your legs give out? because mine do",
        # asking whether to exercise with a present sign is no hypothetical
        "can i still do the routine if i am leaking wee since yesterday",
        # a comparison: the ordinary cause is not the cause
        "walking like i have had ten pints and i have not touched a drop",
        # plain words for the signs
        "no bladder control at all today",
        "sat on the loo for ages and nothing comes",
        "my legs just went and i ended up on the kitchen floor",
        "i have to hold onto the furniture to get to the bathroom now",
    ],
)
def test_a_present_emergency_gets_the_emergency_advice(screen: RedFlagScreen, text: str) -> None:
    assert screen.screen(text).level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("had rods put in my back in march, is the bridge ok", "surgery"),
        ("i am expecting and my back aches every evening", "pregnancy"),
        ("i take alendronate for my bones and slipped on the stairs", "osteoporosis"),
    ],
)
def test_a_see_a_doctor_sign_gets_the_advice(
    screen: RedFlagScreen, text: str, category: str
) -> None:
    screening = screen.screen(text)
    assert screening.level is ScreenLevel.SEE_DOCTOR
    assert category in screening.categories


def test_an_ordinary_cause_keeps_the_model_from_giving_advice(screen: RedFlagScreen) -> None:
    """Numb fingers in a cold house: the statistical reader may ask, never alarm."""
    assert not screen.screen("can not feel my fingers, it is freezing in this flat").clear


@pytest.mark.parametrize(
    "text",
    [
        # a question the next sentence disowns
        "can a trapped nerve stop you feeling your bum? only wondering",
        # a hypothetical assumed, and a sign read about
        "assuming my bladder ever stopped working, is that a 999 job",
        "i read somewhere numbness in both legs can be serious, mine are fine",
        # a denial word the negation did not know
        "zero problems with weeing or pooing, it is only the ache",
        # a child by the age after the kin word, or by a place after the sign
        "my granddaughter wet herself on the bus, she is only 4",
        "had a wee accident at nursery today, the little monkey",
        # fluids explain a busy bladder: the model may ask, never alarm
        "weeing loads since i started on the green tea",
    ],
)
def test_more_benign_look_alikes_get_no_advice(screen: RedFlagScreen, text: str) -> None:
    assert not screen.screen(text).clear


@pytest.mark.parametrize(
    "text",
    [
        # an animal or a child in a comparison or as an object is not whose body it is
        "both legs weak as a newborn foal today",
        "legs wobbling like a puppy since this morning",
    ],
)
def test_a_comparison_with_a_child_or_an_animal_is_the_persons_own_sign(
    screen: RedFlagScreen, text: str
) -> None:
    assert screen.screen(text).level is ScreenLevel.EMERGENCY


def test_a_trauma_off_an_animal_is_the_persons_own(screen: RedFlagScreen) -> None:
    assert screen.screen("fell off a horse onto the road, back sore since").level is (
        ScreenLevel.SEE_DOCTOR
    )


def test_a_denied_sign_keeps_the_model_from_asking(screen: RedFlagScreen) -> None:
    """Everything the lexicon read was negated: no confirm question from the model either."""
    assert screen.screen("no numbness in my groin or my bottom").level is ScreenLevel.NONE


@pytest.mark.parametrize(
    "text",
    [
        # "again" inside a resolution is no sign of it being back
        "my bladder stopped working once in 2011 after an operation, never happened again",
        # stress incontinence, a known everyday leak
        "a little leak when i jump with the kids, doing pelvic floor work for it",
        # a cue after the sign: "… is the warning sign"
        "losing feeling down below is the main warning sign apparently",
    ],
)
def test_the_last_round_of_look_alikes_gets_no_advice(screen: RedFlagScreen, text: str) -> None:
    assert not screen.screen(text).clear


def test_a_cue_after_the_sign_stops_at_a_comma(screen: RedFlagScreen) -> None:
    """ "… is the warning sign" reaches back only within its clause: the person's own sign
    before a comma stays the emergency."""
    text = "i cannot feel my bum at all, my friend says that is the warning sign"
    assert screen.screen(text).level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "had tingling in both legs while pregnant, gone since he was born",
        "legs numb after the rowing machine, always the way",
        "my bum went numb halfway through the film at the cinema",
    ],
)
def test_resolved_exercise_and_sitting_numbness_get_no_advice(
    screen: RedFlagScreen, text: str
) -> None:
    assert not screen.screen(text).clear
