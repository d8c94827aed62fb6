"""The warning-sign screen, one test per cause of error fixed in issue 14's second and third
rounds (false alarms for benign look-alikes, misses of present signs). The phrasings are new:
none is taken from a held-out set."""

from __future__ import annotations

import numpy as np
import pytest

from bot.routine.content import load_content
from bot.routine.red_flags import Experiencer, RedFlagScreen, ScreenLevel
from bot.routine.sign_model import CLASSES, DIMENSIONS, SignModel


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


@pytest.mark.parametrize(
    "text", ["no tingling down there", "no problems with my bladder or bowels", "peeing is fine"]
)
def test_a_denied_sign_keeps_the_model_from_asking(screen: RedFlagScreen, text: str) -> None:
    """Everything the lexicon read was negated, and the model is not sure of an emergency: no
    confirm question either."""
    assert screen.screen(text).level is ScreenLevel.NONE


def test_a_denied_sign_never_gets_the_advice(screen: RedFlagScreen) -> None:
    assert not screen.screen("no numbness in my groin or my bottom").clear


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


# --- round 3 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a comparison with the past is a change now, not history
        "i can not hold my pee the way i used to, it just goes",
        # a sign dated to this back episode is present ("stopped since the disc went")
        "my erections stopped since my disc slipped on monday",
        # an affirmation after a question that opens with a connective
        "can a bad disc make you wee yourself? cos i have today",
        # a foot drop that started now, a leg that gave up, near falls
        "my foot has started dropping since yesterday and my toes catch on the stairs",
        "my right leg gave up on me twice today",
        "nearly fell four times today, my balance has gone",
        # the seat not felt at all (a simile)
        "feels like i am sitting on air these days",
        # bedwetting slang from an adult
        "pissed the bed for the first time in my adult life",
        # a leak that came out on its own
        "some wee came out on its own while i was standing at the sink",
    ],
)
def test_round_3_present_signs_get_the_emergency_advice(screen: RedFlagScreen, text: str) -> None:
    assert screen.screen(text).level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # fears and causation questions are hypothetical
        "my worst fear is my legs going from under me, how likely is that",
        "could stretching ever make me incontinent",
        "the gp wants to hear from me if anything changes with the loo",
        # reported by a professional the lexicon did not list, or "… means hospital"
        "my osteopath says numb groin means straight to a&e",
        # a resolution by treatment, and history dated "ages ago" or by a year
        "had a kidney infection in october, antibiotics cleared it",
        "could not wee after my knee op and needed a catheter, that was 2016",
        # "number two" is no numbness; a disc bulge is no lump; a midwife's job is no pregnancy
        "off to do a number two, brb",
        "do i need to worry about my bladder with a bulging disc",
        "i work as a midwife so my back takes a beating",
        # a child by an age in brackets or "she is 4"
        "my niece (4) says her legs feel wobbly after soft play",
        "my granddaughter is wetting the bed again, she is 4",
        # a post-void dribble and tablets explain the bladder
        "a small dribble after i pee, the urologist knows all about it",
        "weeing a lot since starting my new tablets",
    ],
)
def test_round_3_look_alikes_get_no_advice(screen: RedFlagScreen, text: str) -> None:
    assert not screen.screen(text).clear


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a number that opens the message is the person's age
        ("71, back pain started last week out of nowhere", "age"),
        # "end up" is a habit now, not a hypothetical
        ("i end up sleeping in the armchair because lying flat makes the pain worse", "night_pain"),
        # numbness in one leg getting worse: the same day
        ("my sciatica is creeping further down my calf every day", "radiating_pain"),
        # high-energy sport words (a near fall is no trauma: see above)
        ("took a big wipeout on the skatepark ramp, back sore since", "trauma"),
    ],
)
def test_round_3_see_a_doctor_signs_get_the_advice(
    screen: RedFlagScreen, text: str, category: str
) -> None:
    screening = screen.screen(text)
    assert screening.clear
    assert category in screening.categories


def _sure_model(of: str = "emergency") -> SignModel:
    """A model that is sure of one class (*of*) whatever the text."""
    weights = np.zeros((DIMENSIONS, len(CLASSES)), dtype=np.float32)
    bias = np.zeros(len(CLASSES), dtype=np.float32)
    bias[CLASSES.index(of)] = 12.0
    return SignModel(weights, bias)


def _with_model(
    alone: float | None, lifts: tuple[str, ...] = (), model: SignModel | None = None
) -> RedFlagScreen:
    lexicon = load_content().red_flags
    thresholds = lexicon.model.model_copy(update={"alone": alone, "lifts": lifts})
    return RedFlagScreen(
        lexicon.model_copy(update={"model": thresholds}), model=model or _sure_model()
    )


def test_a_sure_model_alone_gives_the_advice_only_when_nothing_is_qualified() -> None:
    """Words the lexicon never listed ("zibzab"): the model's own word at `model.alone`, never
    against context, a denial or an ordinary cause, and only about a body part or function."""
    screen = _with_model(alone=0.95)
    assert screen.screen("my legs are all zibzab since the morning").level is (
        ScreenLevel.EMERGENCY
    )
    for text in (
        "what if my legs went all zibzab",  # hypothetical
        "my husband says my legs are all zibzab",  # someone else's word on the writer's legs
        "my son's legs are all zibzab",  # a child
        "my legs were all zibzab years ago",  # history
        "i do not know",  # no body part or function named
        "can not do it, it is too painful",
        "no pain, my legs are all zibzab",  # a denial of something else: the question only
    ):
        assert screen.screen(text).level is ScreenLevel.POSSIBLE, text
    unset = _with_model(alone=None)
    assert unset.screen("my legs are all zibzab").level is ScreenLevel.POSSIBLE


def test_a_sure_model_alone_gives_the_advice_for_another_adults_body() -> None:
    """Another adult's sign now, in words the lexicon never listed: the advice worded for them,
    when every body part named is theirs and nothing else qualifies the message."""
    screen = _with_model(alone=0.95)
    theirs = screen.screen("my husband says his legs are all zibzab since the morning")
    assert theirs.level is ScreenLevel.EMERGENCY
    assert theirs.experiencer is Experiencer.OTHER_ADULT
    for text in (
        "my husband says if his legs ever went all zibzab he would go",  # hypothetical
        "my husband's legs were all zibzab years ago",  # history
    ):
        assert screen.screen(text).level is ScreenLevel.POSSIBLE, text


def test_a_sign_read_as_denied_gets_the_question_when_the_model_is_sure() -> None:
    """The negation may be the sign itself (Persian «موقع جیش کردن هیچی حس نمیکنم», "I feel
    nothing when I pee", reads as a denial of feeling): with the model as sure of an emergency as
    `model.denied`, one question, never the advice; otherwise nothing."""
    denied = "no numbness around my groin"
    assert _with_model(alone=0.95).screen(denied).level is ScreenLevel.POSSIBLE
    benign = _with_model(alone=0.95, model=_sure_model("benign"))
    assert benign.screen(denied).level is ScreenLevel.NONE
    lexicon = load_content().red_flags
    never = lexicon.model_copy(update={"model": lexicon.model.model_copy(update={"denied": None})})
    assert RedFlagScreen(never, model=_sure_model()).screen(denied).level is ScreenLevel.NONE


def test_a_sure_model_lifts_only_the_listed_see_a_doctor_categories() -> None:
    """A fall may be the legs giving way: trauma is lifted; a fever is not."""
    screen = _with_model(alone=0.95, lifts=("trauma",))
    fall = "had a fall in the kitchen, my legs are all zibzab"
    assert screen.screen(fall).level is ScreenLevel.EMERGENCY
    assert screen.screen("feverish today, my legs are all zibzab").level is (ScreenLevel.SEE_DOCTOR)
    assert _with_model(alone=0.95).screen(fall).level is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    ["i dont know", "cant do it its too painful", "7, new ache today", "8, started this morning"],
)
def test_typed_answers_never_get_advice(screen: RedFlagScreen, text: str) -> None:
    """Short answers typed on a screen: the model alone is sure of an emergency for some of them
    (few words, few features) and needs a body part named; a score that opens a reply is no age."""
    assert not screen.screen(text).clear


# Round 3 by cause, the sixth set's families: each row is a new phrasing of a family the lexicon
# now lists whole (synonyms, slang, Pidgin, typos, cue classes), not a held-out message.
@pytest.mark.parametrize(
    "text",
    [
        # the bladder with a will of its own: no say, no charge, whenever it likes
        "pee comes out whenever it likes, i have no say over it",
        # not knowing whether one has finished
        "after a wee i never know whether i am done or not",
        # not reaching the toilet in time
        "had to dash to the loo and didnt get there in time",
        # Nigerian Pidgin "no fit" is "can not"
        "i no fit pee since yesterday",
        # one-sided pain spreading to the other leg: both legs now
        "my sciatica has moved into the other leg as well",
        # a leg that folds, crumples
        "my right leg folds under me since this morning",
        # walking by holding the walls, someone else's
        "my husband is holding on to the walls to get to the kitchen",
        # slang for the saddle area, and "switched off" for lost feeling
        "my crotch feels switched off",
        # a time word ends a negation's scope
        "never had any bladder trouble and today i can not pee at all",
        # after a comma, "both" starts a new clause
        "i am not tired, both legs have no strength",
    ],
)
def test_round_3_families_get_the_emergency_advice(screen: RedFlagScreen, text: str) -> None:
    assert screen.screen(text).level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("shaky and hot, i think i am coming down with something and my back is awful", "fever"),
        ("fevr and bak pain", "fever"),
        ("a lorry crash on the motorway last week, back bad since", "trauma"),
        ("my back ache never lets up, nothing touches it", "night_pain"),
        ("there is a new lump on my tailbone", "lump"),
        ("had my disc decompressed in march and want to start", "surgery"),
        ("i am up the duff and my back aches", "pregnancy"),
    ],
)
def test_round_3_see_a_doctor_families_get_the_advice(
    screen: RedFlagScreen, text: str, category: str
) -> None:
    screening = screen.screen(text)
    assert screening.clear
    assert category in screening.categories


@pytest.mark.parametrize(
    "text",
    [
        # "is there a risk … make me": a hypothetical
        "is there a risk the bridges will make me incontinent",
        # "the same thing as": a question about words
        "is incontinence the same thing as dribbling",
        # a fear, then checked
        "i was scared my bottom was numb but i checked and it was normal",
        # kneeling, and shaking the legs out
        "my legs went dead after kneeling on the mat, shook them out and they were ok",
        # travel numbness gone the minute one stands
        "bum always goes numb on the coach trip to my sisters, back the minute i stand",
        # a long-standing bladder condition, unchanged
        "i self cath since my spinal cord injury, nothing has changed, back aches from the chair",
        # a figure of speech about a price
        "nearly wet myself when i heard the cost of the mri",
        # television
        "in a medical drama on netflix a woman lost control of her bladder",
        # a cancer scare that was clear
        "the biopsy came back benign after the cancer scare, back still sore",
    ],
)
def test_round_3_benign_families_get_no_advice(screen: RedFlagScreen, text: str) -> None:
    assert not screen.screen(text).clear


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # round 4, whole families: saddle slang and clinical words
        ("my ring piece has gone numb since i lifted the sofa", "saddle_numbness"),
        ("cant feel my behind at all when i sit, since the back went", "saddle_numbness"),
        ("family jewels are tingly and numb since yesterday", "saddle_numbness"),
        ("my perianal area feels muffled, like through a glove", "saddle_numbness"),
        # hesitancy said as waiting, not as "can't"
        ("waited at the urinal forever before it would start, thats new since the disc", "bladder"),
        ("no pee since breakfast and my back is killing me", "bladder"),
        # erection and sex slang
        ("cant get a hard on since my back went", "sexual"),
        ("cant get a boner since the disc slipped", "sexual"),
        ("couldnt feel anything while shagging last night", "sexual"),
        # unsteady and legs that stop working
        ("keep veering into the doorframe when i walk, back went tuesday", "unsteadiness"),
        ("my legs stopped working halfway up the stairs", "both_legs"),
        # stool leaking taken for wind
        ("sharted at work today and didnt feel it coming", "bowel"),
        ("thought it was just wind but it wasnt, i had no control", "bowel"),
    ],
)
def test_round_4_families_give_the_emergency_advice(
    screen: RedFlagScreen, text: str, category: str
) -> None:
    screening = screen.screen(text)
    assert screening.level is ScreenLevel.EMERGENCY
    assert category in screening.categories


@pytest.mark.parametrize(
    "text",
    [
        # a cause question with its cause named ("could a slipped disc make me …") is hypothetical
        "could a slipped disc make me incontinent eventually?",
        # numbness from hours of sitting
        "my bum goes numb after a couple of hours of gaming",
        "my bum went numb sitting for hours at the airport",
        # Scots and familiar words for a child
        "our bairn wet the bed again",
        "the kiddo had an accident in his pants at nursery",
        # children's age after "they are"; exertion by chasing them; a flight's sitting
        "the boys both wet the bed again, they are 6",
        "legs like jelly after chasing the grandkids round the park",
        "bum went numb on the flight back from spain",
        # a fear of a future sign, "I'll" typed without its apostrophe
        "so scared ill end up wetting myself like my nan",
        # a definition question with "exactly"
        "what exactly is urinary retention",
        # an ordinary cause of wobbly legs: giving blood, vertigo
        "legs all wobbly after giving blood this morning",
        "wobbling about all day with this vertigo",
    ],
)
def test_round_4_look_alikes_get_no_advice(screen: RedFlagScreen, text: str) -> None:
    assert not screen.screen(text).clear


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("belt notches keep going in and im not dieting, back aches", "weight_loss"),
        ("two lines on the test this morning, can i still do the stretches", "pregnancy"),
        ("i had a fusion last year, can i start with the bridges", "surgery"),
        ("had a fender bender this morning and my back is stiff", "trauma"),
        ("bone mets in my hip and now my lower back hurts", "cancer"),
    ],
)
def test_round_4_see_a_doctor_signs_get_the_advice(
    screen: RedFlagScreen, text: str, category: str
) -> None:
    screening = screen.screen(text)
    assert screening.clear
    assert category in screening.categories


@pytest.mark.parametrize(
    "text",
    [
        # West African and Caribbean toilet words ("short call", "long call", "cyaan hold")
        "my small call has not come out all day and my waist is killing me",
        "the long call comes out on its own, i cannot stop it",
        "kyaan hold my water at all today, back is bad",
        # a change against how it used to be
        "i cannot stop the flow once it starts, i used to be able to",
        # one foot catching, getting worse
        "keep tripping on my right toes, the foot drags and it is worse each day",
        # a sign announced ("meaning to say my …") is no hypothetical "say my …"
        "forgot to say my bum has been numb since this morning",
        # both feet as if in thick socks
        "both my feet feel like i am wearing thick socks since yesterday",
    ],
)
def test_round_5_present_signs_get_the_emergency_advice(screen: RedFlagScreen, text: str) -> None:
    assert screen.screen(text).level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # fluids explain weeing a lot
        "weeing every hour since i started drinking 2 litres of water at work",
        # a news story or article about someone else's sign
        "read an article about a man who lost control of his bowels after surgery",
        # a question whether a sign is ever serious, asked after it
        "is tingling in the groin ever dangerous? asking for my notes",
        # a bladder that wakes the person up to wee is no night pain
        "my bladder wakes me at 3am most nights since i turned 65, gp said its normal for my age",
        # numbness from a long flight or ride that wakes up again
        "bottom went numb on the long haul to perth, it wakes up once i walk about",
        "after a 60 mile ride my groin was numb, back by the time i showered",
    ],
)
def test_round_5_look_alikes_get_no_advice(screen: RedFlagScreen, text: str) -> None:
    assert not screen.screen(text).clear


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("fell down the concrete steps at the station and my lower back is killing me", "trauma"),
        ("the ache is there day and night whatever position i am in", "night_pain"),
        ("pain is worst at 3am and lying flat is the worst", "night_pain"),
        ("my brother is 30 and injects, now his back is agony", "drugs"),
        ("expecting my first in march, is the routine ok", "pregnancy"),
        ("the numb bit on my left shin is growing every day", "radiating_pain"),
    ],
)
def test_round_5_see_a_doctor_signs_get_the_advice(
    screen: RedFlagScreen, text: str, category: str
) -> None:
    screening = screen.screen(text)
    assert screening.clear
    assert category in screening.categories


@pytest.fixture(scope="module")
def lexicon() -> RedFlagScreen:
    """The lexicon alone: round 6 fixes what the word file reads, not what the model lifts."""
    return RedFlagScreen(load_content().red_flags, model=None)


@pytest.mark.parametrize(
    "text",
    [
        # "not being able to feel", "unable to feel": numbness said as an inability
        "is it normal not being able to feel my bum on the loo seat",
        "unable to feel the paper when i wipe since tuesday",
        # Scots "ah" (I) ends a negation's scope like "i" ("noo" read as "no")
        "n noo ah cannae feel ma erse at aw",
        # Caribbean, West African, Filipino and Australian words for the seat ("cyah": can't)
        "since sunday ah cyah feel mi batty at all",
        "cannot feel my yansh since morning",
        "my pwet has been numb since last night",
        "can't feel me bits at all since yesterday",
        "ma doup's gone numb since yesterday",
        "i have lost the ability to feel my bum since yesterday",
        # Tagalog words for a wee and a poo
        "cant ihi since this morning, back sakit",
        "cant control my tae since yesterday",
        # a Southern US word for a wee
        "cant tee tee at all since my back went",
        # legs that do not obey, feel filled with sand, can barely be lifted
        "my legs are not listening since the back went, they just fold",
        "both my legs feel like they are full of sand since monday",
        "i can barely lift my legs into the car since yesterday",
        # the urge or the feeling of passing urine gone
        "not getting the urge to wee at all today, back is bad",
        "since friday i am not getting feeling of urine passing",
        "it comes out and i can not feel it come out, since my back went",
        # parts "not working like they should"
        "my front bits are not working like they should since the disc went",
        # Pidgin "complain say" reports a sign, it is no hypothetical "say my …"
        "my wife dey complain say her two legs no get power since morning",
        # "just in case … cos it leaks": the reason clause states a present sign
        "carrying spare pants just in case cos it keeps leaking since friday",
    ],
)
def test_round_6_present_signs_get_the_emergency_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # a card or sheet listing warning signs
        "my physio handed me a card with numbness down below on it",
        "the nurse gave me a sheet with loss of bladder control on it",
        # leg day and DOMS explain dead or wobbly legs
        "legs are dead from leg day, walking like a duck lol",
        "legs wobbly from leg day, staggering about like a drunk",
        # a longstanding sign with nothing new about it
        "had the numb toes for years, nothing new there",
        "my feet tingle at night, had it for ages, no change there",
    ],
)
def test_round_6_look_alikes_get_no_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert not lexicon.screen(text).clear


def test_round_6_pain_the_same_in_every_position_is_constant(lexicon: RedFlagScreen) -> None:
    screening = lexicon.screen(
        "it is there all the time, makes no difference whether i am sitting or lying"
    )
    assert screening.clear
    assert "night_pain" in screening.categories


@pytest.mark.parametrize(
    "text",
    [
        # a grandmother (Tagalog "lola") and a boss (Pidgin "oga") are other adults
        "my lola can not feel both legs since this morning",
        "my oga no fit feel both legs since morning",
    ],
)
def test_round_6_another_adults_sign_is_theirs(lexicon: RedFlagScreen, text: str) -> None:
    screening = lexicon.screen(text)
    assert screening.level is ScreenLevel.EMERGENCY
    assert screening.experiencer is Experiencer.OTHER_ADULT


@pytest.mark.parametrize(
    "text",
    [
        # Scots "pish … oot" and straining to start the stream
        "cannae get a pish oot since the morning, back is murder",
        "since tuesday i have to push to get my wee going",
        "sat on the toilet forever and nothing, back is agony",
        # wet trackies, joggers or pyjamas without noticing
        "my joggers were soaked and i never felt it happen",
        # numbness felt while washing after the toilet (istinja, a bum gun, a tabo)
        "with the tabo since yesterday i can not feel the water back there",
        # legs heavy as if wading through cement, both of them
        "both legs like i am wading through cement since lunch",
        # bumping into door frames: unsteady
        "keep bumping into door frames since friday, back is bad",
        # one leg will not lift, cannot stand on tiptoe
        "my right leg will not lift like it should, getting worse",
        "can not stand on tiptoe on the left any more since monday",
        # a leg "fixing to quit on me"
        "my left leg keeps fixin to quit on me since yesterday",
    ],
)
def test_round_7_present_signs_get_the_emergency_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # reported advice: a sign before "means straight in / means an ambulance"
        "the gp always says numbness down below means straight in, so i watch for it",
        # a stretch not felt, an idiom of fright
        "i cant feel the stretch in my back or legs during knee to chest, am i doing it wrong",
        "almost shat myself when the dog barked mid plank",
        # jelly legs after leg day
        "leg day today so both legs are pure jelly",
    ],
)
def test_round_7_look_alikes_get_no_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert not lexicon.screen(text).clear


@pytest.mark.parametrize(
    "text",
    [
        # people noticing weight loss, a rolled quad or ATV, anti-rejection drugs
        "everyone says i have gotten so thin lately, not dieting, back aches",
        "rolled the quad on the hill last week, back has been sore since",
        "crashed the atv on the farm saturday, back sore since",
        "on anti rejection tablets for my kidney, back started hurting this week",
    ],
)
def test_round_7_see_a_doctor_signs_get_the_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        # another adult soiling themself; a leg going on someone; foot drop
        "my husband has been messing himself since friday and cant feel it",
        "my right leg keeps going on me since tuesday, worse today",
        "my left foot just hangs and slaps the floor when i walk, since tuesday",
        # an anal leak, wind that cannot be held; limbs not one's own; formication
        "my arse leaks a bit when i sneeze now, its poo not wee, since my back went",
        "cant hold my wind in at all since my back went",
        "my feet dont feel like mine, both legs, since yesterday",
        "like ants crawling round my bum and between my legs since last night",
        # straining to void, a stop-start stream
        "i have to press on my tummy to get the wee out now",
        "my pee stops and starts since my back went on monday",
    ],
)
def test_round_8_present_signs_get_the_emergency_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # the vehicle someone was in crashed; thrown by a horse; an older relative's new pain
        "the taxi i was in crashed on monday and my back is stiff since",
        "the matatu crashed on the way to work, back hurting now",
        "the horse threw me off on sunday, lower back sore",
        "my grandma is 83 and this back pain is new this week",
    ],
)
def test_round_8_see_a_doctor_signs_get_the_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        # "no change to" denies what follows; "ill" typed for "I'll"; cold, a sock; menopause
        "no change to my bladder or bowels, just stiff",
        "ill do the stretches later, back a bit sore",
        "my feet go numb when i get cold, bad circulation",
        "thought my leg was numb but it was just my sock, false alarm",
        "bladder is weak since the menopause, no change to it",
        # a danger sign told at the surgery; a TV documentary
        "the clinic told me numbness down below is a danger sign, nothing like that here",
        "watched a doc on the bbc about a man who couldnt feel his legs, scary stuff",
    ],
)
def test_round_8_look_alikes_get_no_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert not lexicon.screen(text).clear


@pytest.mark.parametrize(
    "text",
    [
        # an adverb inside "can not feel"; the seat a few words after; "felt nothing"
        "i can't even feel the seat under my bum since this morning",
        "honestly i cant properly feel my privates since the back went",
        "cant feel a thing when i sit on the loo since monday",
        "why can't i feel anything when i sit on the toilet",
        "my girlfriend said she felt nothing at all down there last night, her back is bad",
        # a numbing seat as a simile; the skin felt as not one's own
        "its like sitting on a bag of frozen peas, started today, back agony",
        "my bottom feels like its not my skin when i wash, since yesterday",
        # the urine as "it"; urine that comes out by itself; a bladder that lets go
        "i just cant get it to come out, sat on the toilet an hour, my wee",
        "my wee keeps coming out when i stand up since tuesday",
        "my bladder just let go when i stood up, since my back went",
        # legs that will not lift or hold; "without my legs going" says they go
        "my legs just won't lift onto the bed, both sides, since the weekend",
        "my mum's legs just wont hold her, both of them, since the fall",
        "cant get to the bus stop without my legs going, both of them, since monday",
        # "funny" as odd is no joke; one leg that was, both legs now; genital slang
        "my wife has gone funny, she cant stand up because her legs wont take her weight",
        "the numbness used to be in one leg, now its in both legs and they feel heavy",
        "my foo foo is numb since lifting the sofa",
    ],
)
def test_round_9_present_signs_get_the_emergency_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # weeks of pain at a young age; "body dey hot"; the next baby; weeks along
        "im 18 and my back has been sore for a month",
        "i'm 17 and my lower back has ached for three weeks",
        "body dey hot since morning and my waist dey pain me",
        "baby number 3 on the way and my back is killing me",
        "i am 31 weeks and my lower back is aching",
        # a student's year at uni is now; a transplant's history counts
        "in my second year at uni and this back pain started last week, i'm 19",
        "had a liver transplant years ago, still on the tablets, back pain new this week",
    ],
)
def test_round_9_see_a_doctor_signs_get_the_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        # a weight on a leg or a foot; a child's age after "is"; decades ago and recovered
        "the dog slept on my lap all evening and now my thigh has pins and needles",
        "sat on my feet playing lego and now my foot is dead haha",
        "my son is 7 and his legs ache at night",
        "my grandad had weak legs in the 80s after a spine op, he walked again after physio",
        # "without my legs going numb" is better, not a sign; carrying a thing is no pregnancy
        "i can now walk to the shops without my legs going numb, much better",
        "i am carrying the shopping up three flights and my back aches",
        "im carrying a few extra pounds since christmas, back a bit stiff",
    ],
)
def test_round_9_look_alikes_get_no_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert not lexicon.screen(text).clear


@pytest.mark.parametrize(
    "text",
    [
        # "wipe down there" is no cleaning; a bowel or bladder that does its own thing or packs in
        "can barely feel it when i wipe down there since yesterday",
        "my back passage is doing its own thing, cant stop it, since monday",
        "my bowels have packed in since my back went, cant hold anything",
        # urine that refuses to come; full but nothing; "havnt"; "ease myself"
        "the urine refused to come out this morning, back is very painful",
        "busting but nothing, back is wrecked since monday",
        "havnt peed since yesterday and my back is killing me",
        "i can't feel anything when i go to ease myself, back is bad",
        # "i dont feel nothing since" (no resolution); "piddled myself"; numb as at the dentist
        "when i pee i dont feel nothing since yesterday",
        "i piddled myself on the bus and didnt feel it coming",
        "my lady bits feel like they have been to the dentist since yesterday",
        # legs of wet sand; "just" inside an idiom; a comma then "its" ends a negation
        "my legs feel like wet sand, both of them, since the weekend",
        "my legs just stopped working on the stairs this morning",
        "no temperature, its just that my legs both feel numb",
    ],
)
def test_round_9_older_sets_families_get_the_emergency_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.EMERGENCY


def test_a_lifelong_strong_back_is_no_longstanding_pain(lexicon: RedFlagScreen) -> None:
    text = "at 68 my back suddenly started hurting this week, always had a strong back"
    assert lexicon.screen(text).level is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        # "barely anything" near a toilet word is no retention; wiping a mat down
        "barely anything hurts today, i need the loo a lot though cos of all the tea",
        "wipe down the mat after the exercises?",
        # what keeps coming out is not always urine; "neither leg"; "nothing wrong" is no numbness
        "my hair keeps coming out in the shower, stress i think",
        "neither leg hurts, just my back",
        "this new cushion is like sitting on a cloud",
        "i dont feel nothing wrong down there, back is fine",
    ],
)
def test_round_9_older_sets_look_alikes_get_no_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert not lexicon.screen(text).clear


@pytest.mark.parametrize(
    "text",
    [
        # "no longer" as "not"; urine running down a leg; Caribbean "foot dem" (both feet)
        "i no longer get the feeling that i need the loo since my back went",
        "my pee is running down my leg and i cant stop it since this morning",
        "mi foot dem numb from mawning and mi back a kill mi",
    ],
)
def test_round_9_last_families_get_the_emergency_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.EMERGENCY


def test_a_person_word_without_its_apostrophe_is_another_adult(lexicon: RedFlagScreen) -> None:
    screening = lexicon.screen("my hubbys legs have gone numb and weak since this morning")
    assert screening.level is ScreenLevel.EMERGENCY
    assert screening.experiencer is Experiencer.OTHER_ADULT
    assert not lexicon.screen("my wifes pregnant so im doing all the hoovering, back is sore").clear


def test_a_day_on_ones_feet_explains_heavy_legs(lexicon: RedFlagScreen) -> None:
    assert not lexicon.screen("my legs are heavy after being on my feet all day at the shop").clear


@pytest.mark.parametrize(
    "text",
    [
        # legs without power or that will not take me; "both leg"; "giving" mistyped
        "since lunch my legs are not having any power, i can't get off the sofa",
        "since this morning my legs will not take me as far as the door",
        "both leg feel numb numb since this afternoon, back very bad",
        "my legs keep giveing way since last night",
        # a bladder that quit; water not made; a stream like a stuck tap
        "think my bladder has given up on me today, my back is agony",
        "have not made water since yesterday teatime and my back is killing me",
        "it feels like the tap is jammed when i try to wee, back went on monday",
        # feet that catch or flop; balance just gone
        "both my feet keep catching on the kerb since this morning",
        "my left foot is flopping when i walk, started today",
        "my balance has completely gone since this morning, back has been bad all week",
        # "have not been able to feel"; someone else's bottom; not knowing full from empty
        "i have not been able to feel my bottom since i woke up",
        "feels like i am sat on somebody elses backside since this morning",
        "dunno if my bladder is full or empty these days, back has been awful",
        # peed a bit in my trousers; a bowel emptied unnoticed; accidents not felt coming
        "i peed a bit in my trousers at work today, back is agony",
        "had a poo at work and did not know it was happening till i smelt it",
        "had three accidents since monday and did not feel it coming once",
    ],
)
def test_round_10_families_get_the_emergency_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # a hot body; "knocked by" a boda or a car; "all clear so far" after cancer
        "my body is very hot since morning and the back pain is worse",
        "my brother was knocked by a car on saturday and his back is very sore",
        "was hit by a tuk tuk yesterday and my lower back hurts badly",
        "had prostate cancer treatment in 2021 all clear so far but my back aches now",
        # weeks along with the next baby; another adult who wants to do the routine
        "i am 24 weeks with my second and my lower back is sore",
        "my partner is 16 weeks pregnant and wants to try these exercises",
    ],
)
def test_round_10_see_a_doctor_signs_get_the_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        # numb on hard seats; numb toes from diabetes for years; the feeling came back
        "my backside goes numb on the wooden benches at the footy, always has",
        "numb feet from my diabetes, been like that 12 years, nothing new",
        "bum went numb once years ago, the feeling came back in a day and all fine since",
        # a question because a leaflet lists the sign; "rear end" as a body part, no crash
        "is it normal to lose feeling when you wipe? asking because the leaflet says so",
        "my rear end aches after gardening, back a bit stiff too",
    ],
)
def test_round_10_look_alikes_get_no_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert not lexicon.screen(text).clear


@pytest.mark.parametrize(
    "text",
    [
        # both feet or legs named as "either" / "neither"; a numb leg that spread to the other
        "today i could not feel the clutch with either foot, back has been bad for days",
        "since this morning there is no feeling in either of my legs",
        "i can not feel the floor under either foot since last night, back is agony",
        "sciatica in my left side for a month and now the other leg is numb too",
        "the right foot has gone numb too since yesterday, both feel dead",
        # legs that are (just) not carrying or holding the person
        "my legs are just not holding me up since this morning",
        # the progressive "not feeling my / his" of West African and Indian English
        "my father of 60 years is not feeling his buttocks since sunday, back pain",
        "i am not feeling my legs at all since i woke up",
        # weeing into clothes (progressive, hyphenated); a bladder that no longer feels full
        "been pee-ing in my undies since sunday without noticing, back is wrecked",
        "lah my bladder never feels full since the fall, can drink and drink",
        "there is no feeling to wee at all since tuesday, back still bad",
        "honestly no clue when i need the loo anymore since my back went",
        # "man area / male parts / woman area"; "lame" legs
        "sorry to ask but my man area has no feeling since the weekend, back is bad",
        "my wife says her woman area is numb since yesterday, her back went on friday",
        "both my legs have gone lame since this morning, cant get up the stairs",
        # a sense lost now, said against how it "used to be obvious"
        "cant tell when my bladder is full anymore, used to be obvious",
    ],
)
def test_round_11_families_get_the_emergency_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # a mood, not numbness; "either" about something else
        "not feeling my best today, my legs are stiff after the hike",
        "i can stand on either foot fine, just the low back aches",
        "ate a huge curry and still do not feel full, back a bit sore",
        "skipping leg day is lame i know, my back is just a bit tight",
        # a TV episode or an Australian "doco"; a farm animal's legs
        "grey's anatomy had an episode where a nurse lost control of her bladder after a fall",
        "saw a doco on sbs about a miner who could not feel his legs after a rockfall",
        "the heifer's hind legs went from under her this morning, waiting on the vet, back ok",
    ],
)
def test_round_11_look_alikes_get_no_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert not lexicon.screen(text).clear


@pytest.mark.parametrize(
    "text",
    [
        # "saddle" as a seat (a bike's, a horse's), not the body's saddle area
        "the saddle on my bike feels weird, back is alright",
        "tried a different saddle and my bum still aches, back fine",
        # a soap's storyline or a character, not the writer's body
        "in the storyline the nurse can not feel her legs after the car crash, would that happen",
        "did you see on eastenders when phil wet himself in the pub",
        # a baby's or a toddler's nappies; pull-ups as an exercise
        "bending down to change my toddler's nappy is killing my back",
        "first week as a new mum, all feeds and nappies, my back aches",
        "did three sets of pull ups yesterday and now my lower back is tight",
        # legs gone to jelly at an emotional moment (a speech, being called in at work)
        "legs turned to jelly giving my best man speech, back was sore after",
        "my legs went weak when i got called into the office, my back has been stiff",
        # a leak on coughing or sneezing, since having children: stress incontinence
        # woken by a noise, a baby or a pet, not by pain; a player's surgery in the news
        "the neighbours dog keeps me awake barking, back a bit stiff",
        "woken up by the baby five times, back sore from rocking her",
        "saw in the news a rugby player had back surgery",
        "my gran can not hold her wee when she sneezes, her back aches though",
        "i can not hold my pee when i laugh, had it since i had the kids, back is just stiff",
    ],
)
def test_round_12_look_alikes_get_no_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert not lexicon.screen(text).clear


@pytest.mark.parametrize(
    "text",
    [
        # the night or lying flat as the worst time; sleeping upright in a chair to escape it
        "nights are the worst, been sleeping upright in the armchair all week for my back",
        "my lower back is screaming at me and i have been sleeping in a chair",
        # an age after a bare "am"; "since two weeks", "this month": a new pain
        "am 57, my back started hurting last month for the first time",
        "19 and back ache since two weeks, no fall",
        "im 15 and my back has hurt most days this month",
        # a back or spine that looks bent sideways or wonky
        "my back looks bent sideways in the mirror, it has never been like that",
        "my spine looks wonky in the photo, back been sore a month",
    ],
)
def test_round_12_see_a_doctor_signs_get_the_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        # the feeling as a noun, lost, in the saddle area; urine trickling out by itself
        "sensation down below is lost, back agony",
        "wee keeps trickling out by itself since monday and my back is bad",
        # a carer's client's pad dry all day; trying to wee while bursting
        "mums pad has been dry since breakfast and her back is worse",
        "been trying to pee for half an hour and i am bursting, back is killing",
        # a bottom that will not hold anything in
        "my bottom can not hold anything in, back went yesterday",
        # "not pain, it's the numbness": a correction, not a denial
        "not sore just numb round my bum since the weekend",
        # a dropping foot; not feeling oneself go on the toilet (another adult's, told)
        "it's not the pain it's the weakness, my left foot keeps dropping since monday",
        "my dad says he can not feel himself going when he sits on the toilet",
        # a stream that barely trickles after straining
        "went for a pee tonight and had to push and push and it barely trickled, back is sore",
        # the penis, by any name, that no longer works
        "honestly my penis is useless since the weekend, back is agony",
    ],
)
def test_round_12_families_get_the_emergency_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # a vehicle that rolled or overturned, by any name, said either way round
        "the ute flipped over on the gravel last night and my back is killing me",
        "rolled my pickup in the ditch on saturday, lower back sore since",
    ],
)
def test_round_14_see_a_doctor_signs_get_the_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        # strength or feeling that came back fully: a resolved episode, not a sign now
        "my legs went weak in march, strength came back after a week and i am grand now",
        "one leg went numb and weak after the op two years back, fully recovered since",
        # a weak bladder since childbirth, however the children or the birth are named
        "weak bladder ever since the twins were born, back aches after the school run",
        "my bladder has been weak since my c section, back is stiff today",
        # a bowel upset with its own cause: a bug, food poisoning, IBS
        "bowels doing whatever they like since that dodgy kebab, back a bit stiff",
        "tummy bug going round the house, my bowels are all over the place and my back aches",
        # a seat that really was sat on for hours, and numbness after it
        "sat on the bike saddle for three hours and my bum went numb, back ok",
        # a tap, a roof or a nose that leaks
        "the boiler kept leaking all weekend and my back aches from mopping",
        "my nose has been leaking for days with this cold, back a bit stiff",
        # falling over as an idiom or when drunk
        "we were falling over laughing all night at the wedding, back stiff today",
        "kept falling over blind drunk at the stag do, back is sore",
        # another adult's episode that he is back from
        "my brother's legs went from under him at football in 2019, he is fine now, back to normal",
        # a sign's verb, not in the past, then a future time: a question about later, not now
        "do people with a bad disc have their legs give way eventually? mine is just sore",
        "am i likely to have my bum go numb when i get older with this back?",
        # "sick" as worry or leave from work, not feeling unwell
        "i am worried sick about my back, it has been sore two weeks",
        "worrying myself sick over this disc, back stiff but moving",
    ],
)
def test_round_14_look_alikes_get_no_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert not lexicon.screen(text).clear


@pytest.mark.parametrize(
    "text",
    [
        # sex said the coy way, then no feeling
        "me and the missus had a go last night and i could not feel a thing, back is wrecked",
        "we did the deed on saturday and it was all numb, never had that before",
        # washing or soaping the saddle area, by any name, and not feeling it
        "rinsing my backside in the shower after work and honestly i can not feel one side of it",
        "drying my private parts after the bath tonight and there is a patch i just can not feel",
        # a bladder or bowel that does whatever it wants, gone rogue
        "my bladder does whatever it wants now, back has been agony since tuesday",
        "bowels have gone rogue since the weekend and my back is in bits",
        # the saddle area described by the seat that touches it, no ride behind it
        "the parts that would touch a bike saddle feel dead since yesterday, back is bad",
        # "cause" as "because" before the sign: no hypothetical
        "not sure i cleaned up properly after the loo cause i can not feel anything back there",
        # wet oneself and it would not stop: not the usual stress leak
        "coughed and wet myself, it just kept coming and i could not stop it, back is sore",
        # falling over again and again; feet that do not feel the ground
        "fell over three times this week for no reason i can see, back has been bad since",
        "my feet can not feel the floor properly and i have been falling over, back agony",
        # another adult who can not feel himself on the toilet; legs that went from under her
        "my husband says he can not feel himself when he sits on the loo, his back went on monday",
        "mum rang, her legs went out from under her twice today and her back is bad",
        # legs that will not carry him or her
        "my uncle rang, his legs will not carry him since this morning and his back is bad",
    ],
)
def test_round_14_families_get_the_emergency_advice_from_the_lexicon(
    lexicon: RedFlagScreen, text: str
) -> None:
    assert lexicon.screen(text).level is ScreenLevel.EMERGENCY
