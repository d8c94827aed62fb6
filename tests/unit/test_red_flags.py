"""The free-text red-flag screen (bot/routine/red_flags.py) and its words (content/)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.routine.content import Content, ContentError, load_content, load_red_flags
from bot.routine.red_flags import RedFlagScreen, Screening, ScreenLevel

_SCREEN = RedFlagScreen(load_content().red_flags)
EMERGENCY = ScreenLevel.EMERGENCY
SEE_DOCTOR = ScreenLevel.SEE_DOCTOR
POSSIBLE = ScreenLevel.POSSIBLE
NOT_ENGLISH = ScreenLevel.NOT_ENGLISH
NONE = ScreenLevel.NONE


@pytest.fixture(scope="module")
def screen(content: Content) -> RedFlagScreen:
    return RedFlagScreen(content.red_flags)


def _level(screen: RedFlagScreen, text: str) -> ScreenLevel:
    return screen.screen(text).level


NORMALISATION = [
    ("MY BUM IS NUMB", EMERGENCY),  # case
    ("I didn’t realise I’d wet myself", EMERGENCY),  # curly apostrophes, contractions
    ("I pee'd myself", EMERGENCY),
    ("I wee'd myself", EMERGENCY),
    ("i cant pee", EMERGENCY),  # no apostrophe
    ("numbbbbb down there", EMERGENCY),  # repeated letters
    ("my bladdr is not working", EMERGENCY),  # misspelling, edit distance 1
    ("incontinance", EMERGENCY),
    ("I'm pregnent", SEE_DOCTOR),
    ("fièvre and feverish", SEE_DOCTOR),  # accents dropped
    ("I had cancr", SEE_DOCTOR),
    ("dropped two dress sizes", SEE_DOCTOR),  # 'sizes' is an inflection, not corrected to 'sides'
]


@pytest.mark.parametrize(("text", "level"), NORMALISATION)
def test_normalisation(screen: RedFlagScreen, text: str, level: ScreenLevel) -> None:
    assert _level(screen, text) is level


NEGATION = [
    ("no numbness anywhere", NONE),
    ("I don't have any bladder problems", NONE),
    ("I didn't realise I'd wet myself", EMERGENCY),  # realise is not a negation of the sign
    ("I did not notice I had wet myself", EMERGENCY),
    ("no numbness but I can't pee", EMERGENCY),  # "but" ends the scope
    ("no fever, my legs keep giving way", EMERGENCY),  # a comma and a new clause end it
    ("no fever, chills or weight loss", NONE),  # a list stays in the scope
    ("I don't have a fever. I have lost weight though", SEE_DOCTOR),  # a new sentence
    ("Fever? No.", NONE),
    ("numbness: none", NONE),
    ("my bladder and bowels are fine", NONE),  # a negation after the words
    ("my legs are fine but my bum is numb", EMERGENCY),
    ("I can't feel my bum", EMERGENCY),  # the negation is part of the sign
    ("I haven't peed since yesterday", EMERGENCY),
    ("I've never felt so numb down there", EMERGENCY),
    ("I don't think I've lost any weight", NONE),
    ("I haven't noticed any changes with peeing", NONE),
    ("never had back surgery", NONE),
]


@pytest.mark.parametrize(("text", "level"), NEGATION)
def test_negation_scope(screen: RedFlagScreen, text: str, level: ScreenLevel) -> None:
    assert _level(screen, text) is level


CATEGORIES = [
    ("numb between my legs", "saddle_numbness"),
    ("it feels strange when I wipe", "saddle_numbness"),
    ("I need to pee but nothing comes out", "bladder"),
    ("loss of bladder control", "bladder"),
    ("I can't stop a bowel movement", "bowel"),
    ("I can't get an erection", "sexual"),
    ("both legs are weak", "both_legs"),
    ("my right leg is getting weaker fast", "leg_weakness"),
    ("I'm unsteady on my feet", "unsteadiness"),
    ("I have a fever", "fever"),
    ("I had cancer", "cancer"),
    ("I've lost weight without trying", "weight_loss"),
    ("came off my bike", "trauma"),
    ("I have osteoporosis", "osteoporosis"),
    ("I take steroid tablets", "steroids"),
    ("I'm on immunosuppressants", "immune"),
    ("I inject drugs", "drugs"),
    ("I'm 20 weeks along", "pregnancy"),
    ("I had back surgery in May", "surgery"),
    ("the pain wakes me up at night", "night_pain"),
    ("I'm 67 and this pain is new", "age"),
    ("pins and needles down my left leg", "radiating_pain"),
]


@pytest.mark.parametrize(("text", "category"), CATEGORIES)
def test_each_category(screen: RedFlagScreen, text: str, category: str) -> None:
    screening = screen.screen(text)
    assert screening.clear
    assert category in screening.categories


def test_the_most_urgent_level_wins(screen: RedFlagScreen) -> None:
    screening = screen.screen("I have a fever. Also I can't pee.")
    assert screening == Screening(EMERGENCY, ("bladder", "fever"))


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("my bum is sore from cycling", POSSIBLE),
        ("I slipped on the stairs", POSSIBLE),
        ("I'm 72", POSSIBLE),
        ("what time is it", NONE),
        ("thanks!", NONE),
        ("👍", NONE),
        ("Tengo dolor de espalda", NOT_ENGLISH),
        ("У меня болит спина", NOT_ENGLISH),
        ("腰が痛いです", NOT_ENGLISH),
        ("I accidentally tapped the wrong button", NONE),
    ],
)
def test_possible_not_english_and_nothing(
    screen: RedFlagScreen, text: str, level: ScreenLevel
) -> None:
    assert _level(screen, text) is level


def test_possible_names_its_concepts(screen: RedFlagScreen) -> None:
    assert screen.screen("my bum is sore from cycling") == Screening(POSSIBLE, (), ("SADDLE",))


def test_a_very_long_message_is_screened_whole(screen: RedFlagScreen) -> None:
    chat = "Did my bridges today and it felt fine, a bit stiff in the morning. "
    text = chat * 200 + "Also my bum has gone numb. " + chat * 200
    assert len(text) > 20_000
    assert _level(screen, text) is EMERGENCY
    assert _level(screen, chat * 400) is NONE


@settings(max_examples=150, deadline=None, database=None)
@given(st.text(max_size=3000))
def test_never_raises(text: str) -> None:
    assert isinstance(_SCREEN.screen(text), Screening)


# --- the content file ------------------------------------------------------------------------


def _break(content_copy: Path, change: object) -> str:
    path = content_copy / "red_flags.en.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_content(content_copy)
    return str(error.value)


def test_an_unknown_concept_in_a_rule_fails_with_file_and_field(content_copy: Path) -> None:
    message = _break(content_copy, lambda d: d["rules"][0]["all"].append("NO_SUCH_CONCEPT"))
    assert "red_flags.en.yaml" in message
    assert "NO_SUCH_CONCEPT" in message


def test_an_empty_concept_fails(content_copy: Path) -> None:
    message = _break(content_copy, lambda d: d["concepts"].__setitem__("SADDLE", []))
    assert "red_flags.en.yaml" in message
    assert "SADDLE" in message


def test_an_unknown_possible_concept_fails(content_copy: Path) -> None:
    message = _break(content_copy, lambda d: d["possible"].append("NOPE"))
    assert "possible" in message


def test_a_phrase_that_cannot_match_fails(content_copy: Path) -> None:
    message = _break(content_copy, lambda d: d["concepts"]["SADDLE"].append("Down-There"))
    assert "concepts.SADDLE" in message


def test_the_file_is_keyed_by_language(content_copy: Path) -> None:
    (content_copy / "red_flags.en.yaml").rename(content_copy / "red_flags.de.yaml")
    with pytest.raises(ContentError, match=r"red_flags\.en\.yaml: file not found"):
        load_content(content_copy)
    with pytest.raises(ContentError, match="'en' is not 'de'"):
        load_red_flags(content_copy, "de")


def test_the_new_texts_exist(content: Content) -> None:
    assert content.texts.buttons.possible_yes.endswith("Yes, one of these")
    assert content.texts.buttons.possible_no.endswith("No, something else")
    assert "any of these" in content.texts.safety.possible_question
    assert "that language" in content.texts.safety.not_english
