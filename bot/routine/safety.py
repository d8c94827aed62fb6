"""Red-flag screening of the free text a user sends (CLINICAL.md, "Red flags").

`screen_text` reads a message for words that suggest a warning sign and returns the level of
safety reply it calls for: `URGENT` (go now / call emergency services: the cauda equina signs,
severe weakness or numbness in both legs, unsteadiness) or `SEE_DOCTOR` (see a doctor before
continuing: fever or feeling unwell, cancer, unexplained weight loss, trauma, constant night pain,
pregnancy, recent back surgery, immunosuppression, injected drug use). URGENT wins when both match.

What it is, and its limits:
- A screen that errs on the side of asking, never a diagnosis. A hit only means the reply should ask
  the user to seek advice; false alarms are expected and cheap, missed signs are not. Hypothetical
  questions ("is numbness in the groin bad?"), other people's history ("my mum had cancer") and
  ordinary causes (a numb bum from a long drive) all fire on purpose.
- English only, plain keyword patterns (below, as data), matched case-insensitively on a
  normalised copy of the text: curly apostrophes straightened, punctuation dropped, spaces
  collapsed. Misspellings, slang it does not list, and other languages are missed. Age ("new back
  pain under 20 or over 50") is not read from text; the onboarding questions cover it.
- Negation is handled simply, NegEx-style: a match is ignored when a negation cue ("no", "not",
  "never", "without", "n't" …) appears in the few words before it in the same clause. Clauses end
  at punctuation and at words such as "but", "although", "apart from", "and I". Phrases that look
  like negations but are not ("no longer", "not sure", "no idea", "never felt so …") do not count,
  and the negative verbs that are part of a sign ("can't pee") sit inside the pattern. A question
  or label answered with a bare no ("Fever? No.", "numbness: none") is dropped. Double negations
  and other negations after the sign ("fever, I don't think so") are not understood: they fire.
- It never raises and runs in linear time: the text is reduced to words separated by single spaces
  and every pattern only skips a bounded number of whole words, so there is no catastrophic
  backtracking. A 4,000-character message takes a few tens of milliseconds at worst.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType


class RedFlagLevel(StrEnum):
    """How urgently the user should seek advice. The values are stable: they are stored."""

    URGENT = "urgent"
    SEE_DOCTOR = "see_doctor"


# --- pattern fragments --------------------------------------------------------------------------
# The patterns run on normalised text: lower case, words of [\w'] separated by single spaces.
# `_gap(n)` skips up to n whole words between two parts, then the separating space.


def _gap(words: int) -> str:
    return rf"(?: [\w']+){{0,{words}}} "


_CANT = (
    r"(?:can'?t|cannot|can not|couldn'?t|could not|can no longer|unable to"
    r"|(?:not|no longer|never) able to)"
)
_STRUGGLE = (
    rf"(?:{_CANT}|struggl\w*(?: to)?|trouble|difficulty|difficult to|hard to|problems?"
    r"|can barely|can hardly)"
)
_SADDLE = (
    r"(?:groin|genitals?|genital area|privates|private (?:parts|area)|crotch|perine\w*|anus|anal"
    r"|rectum|back passage|bum|butt|butt cheeks|buttocks?|backside|my bottom(?! of)|inner thighs?"
    r"|saddle|down there|between (?:my|the) legs|penis|vagina\w*|vulva|labia|scrotum|testicles?"
    r"|sex organs?|nether regions)\b"
)
_NUMB = r"(?:numb\w*|tingl\w*|pins and needles|dead|deadened)"
_SENSATION_LOST = (
    rf"(?:{_NUMB}|no (?:feeling|sensation)|(?:lost|losing|loss of|lack of|reduced|less|strange"
    rf"|weird|odd|funny|altered|changed|different) (?:feeling|sensation)|{_CANT} feel)"
)
_PEE = r"(?:pee(?:s|d|ing)?|wee(?:s|ing)?(?! bit)|urinat\w*|piss(?:ing)?)"
_URINE_ACT = (
    rf"(?:{_PEE}|pass(?:ing)? (?:urine|water)|empty(?:ing)? (?:my |the )?bladder"
    r"|control(?:ling)? (?:my |the )?(?:bladder|bowels?|pee|urine|wee)"
    r"|hold(?:ing)? (?:in )?(?:my )?(?:pee|urine|wee|bladder|bowels?|poo)"
    r"|start(?:ing)? (?:the |my )?(?:stream|flow)|stop(?:ping)? (?:my )?(?:pee|wee|flow))\b"
)
_BLADDER_BOWEL = r"(?:bladder|bowels?|urine|pee|wee|poo)"
_LOSS = r"(?:no|lost|losing|lose|loss of|lack of)"
_ODD = r"(?:different|strange|weird|odd|funny)"
_PAIN = r"(?:pain|hurts?|hurting|aches?|aching)"
_LEGS_WEAK = (
    r"(?:weak\w*|numb\w*|tingl\w*|pins and needles|dead|useless|buckl\w*|collaps\w*"
    r"|giv\w* (?:way|out)|gave (?:way|out))\b"
)
_NOT_A_FALL = r"(?! asleep| in love| behind| apart| for\b| short| through| out with| off the wagon)"
_UNWELL = (
    r"(?:unwell|ill(?! prepared| advised| fitting| at ease)|sick(?! of| and tired| to death)"
    r"|poorly|feverish|run down|under the weather|off colou?r)\b"
)
_STEROIDS = r"(?:steroids|prednisolone|prednisone|dexamethasone)"

RED_FLAG_PATTERNS: Mapping[RedFlagLevel, tuple[str, ...]] = MappingProxyType(
    {
        RedFlagLevel.URGENT: (
            # numbness or tingling in the saddle area: "numb down there", "my groin feels numb"
            rf"\b{_SENSATION_LOST}{_gap(4)}{_SADDLE}",
            rf"\b{_SADDLE}{_gap(3)}(?:{_NUMB}|(?:feels?|felt|feeling) {_ODD})\b",
            # changed feeling when wiping
            rf"\b(?:{_SENSATION_LOST}|feels? {_ODD}|{_ODD}){_gap(3)}"
            r"(?:when|while|after) (?:i )?wip\w*",
            rf"\bwip(?:e|es|ed|ing)\b{_gap(3)}(?:feels?|felt|is|was)(?: \w+)? (?:{_ODD}|numb)",
            rf"\b{_CANT} feel (?:the )?(?:toilet paper|tissue|wiping)",
            # new difficulty passing or controlling urine, retention, leaking
            rf"\b{_STRUGGLE}{_gap(2)}{_URINE_ACT}",
            r"\b(?:haven'?t|have not|hasn'?t|not|didn'?t|did not)(?: been able to)? (?:peed|pee|wee"
            r"|urinated|passed (?:urine|water)|been to the (?:toilet|loo|bathroom))"
            rf"{_gap(2)}(?:since|for|all|in)\b",
            rf"\b(?:don'?t|do not|{_CANT}) (?:know|tell|feel|sense) (?:when|if) i"
            r" (?:need|have|want) to (?:pee|wee|go|urinate)\b",
            r"\bincontinen\w*",
            rf"\bleak\w*{_gap(2)}(?:urine|pee|wee|when i (?:cough|sneeze|laugh|stand|walk))\b",
            r"\b(?:urine|pee|wee|bladder|bowels?|poo)(?: is| keeps)? leak\w*",
            r"\b(?:i'?m|i am|been|keep|started|start|have started) leaking\b",
            r"\b(?:wet|wetting|wetted) (?:myself|my ?self|the bed|my (?:pants|trousers|underwear"
            r"|knickers|bed|jeans))\b",
            rf"\b(?:{_PEE}|poo\w*|soil\w*|shat|shit) (?:myself|my ?self|my (?:pants|trousers"
            r"|underwear|knickers|bed|jeans))\b",
            r"\b(?:little|small|toilet|bathroom|bladder|bowel) accidents?\b",
            rf"\b(?:{_LOSS}|poor|reduced|less) {_BLADDER_BOWEL} control\b",
            rf"\b(?:{_LOSS}|poor) control (?:of|over) (?:my |the )?{_BLADDER_BOWEL}\b",
            r"\b(?:bladder|bowel) (?:problems?|issues?|trouble|changes?|isn'?t working"
            r"|not working)\b",
            # new sexual numbness or loss of sexual function
            rf"\b{_NUMB}{_gap(3)}(?:during|in|when having|when i have|with|after) sex\b",
            r"\b(?:can'?t|cannot|can not|couldn'?t|no longer|don'?t|didn'?t) feel"
            r" (?:anything |much )?(?:during|in|when having|when i have|with) sex\b",
            r"\bsexual (?:numbness|sensation|feeling|function|problems?)\b",
            rf"\b{_STRUGGLE}{_gap(2)}(?:get|getting|keep|keeping|achiev\w*|maintain\w*|have|having)"
            r"(?: an?)? erections?\b",
            r"\berectile\b",
            rf"\b{_CANT} (?:ejaculate|orgasm|climax)\b",
            # severe or worsening weakness or numbness in both legs
            rf"\bboth (?:my )?(?:legs|feet)\b{_gap(4)}{_LEGS_WEAK}",
            rf"\blegs\b{_gap(3)}{_LEGS_WEAK}",
            rf"\b(?:weak\w*|numb\w*|tingl\w*|pins and needles){_gap(2)}(?:both|my|the|either|two)"
            r" (?:legs|feet)\b",
            rf"\b{_CANT} (?:feel|move|lift) (?:my |both |either )?(?:legs|feet)\b",
            # unsteadiness
            r"\bunstead\w*",
            r"\b(?:keep|keeps|kept|been|always) (?:losing (?:my )?balance|falling over|falling down"
            r"|stumbling|tripping)\b",
            r"\bbalance (?:is|has been|feels|was)(?: \w+)?"
            r" (?:off|bad|poor|terrible|awful|gone|wobbly)\b",
            r"\b(?:problems?|trouble|issues?|difficulty) with (?:my )?balance\b",
            r"\bwobbly (?:on my feet|when i walk|walking|legs)\b",
            rf"\b{_STRUGGLE} walk\w* (?:properly|straight|normally|steadily|in a straight line)\b",
            r"\b(?:trouble|difficulty|problems?) walking\b",
            r"\bwalking (?:is|has been|feels) (?:unsteady|wobbly|strange|weird|difficult)\b",
        ),
        RedFlagLevel.SEE_DOCTOR: (
            # fever or feeling unwell, infection
            r"\bfever\w*",
            r"\b(?:high|a|running a|got a) temperature\b",
            r"\btemp(?:erature)? (?:of |is |was )?(?:3[89]|4[01]|10[0-4])\b",
            r"\b(?:chills|rigors|night sweats|sweating at night|sweats at night)\b",
            rf"\b(?:feel|feels|feeling|felt)(?: really| very| quite| so| a bit| generally| pretty)?"
            rf" (?:{_UNWELL}|rough\b)",
            rf"\b(?:i'?m|i am|been|i've been|i have been|was|getting)"
            rf" (?:really |very |quite )?{_UNWELL}",
            r"\b(?:not|don'?t|do not|didn'?t|did not) feel(?:ing)?(?: very| too| so| at all)?"
            r" well\b",
            r"\bflu\b(?! jab| shot| vaccin)",
            r"\binfection\w*",
            r"\b(?:tuberculosis|tb)\b",
            # a history of cancer
            r"\bcancer\w*",
            r"\btumou?rs?\b",
            r"\bmalignan\w*",
            r"\bchemo\w*",
            r"\bradiotherapy\b",
            r"\bradiation (?:therapy|treatment)\b",
            r"\b(?:leuka?emia|lymphoma|myeloma|melanoma|sarcoma)\b",
            r"\bmetasta\w*",
            r"\boncolog\w*",
            # unexplained weight loss
            r"\b(?:unexplained|unintentional|unintended|unexpected|sudden|rapid|lots of|a lot of"
            r"|big|significant|strange|weird) weight loss\b",
            r"\bweight loss(?: [\w']+){0,3} (?:without trying|for no reason|unexplained)\b",
            rf"\b(?:lost|losing){_gap(3)}(?:weight|kilos?|kg|pounds|lbs|stone)\b",
            # significant trauma (and minor trauma with osteoporosis or steroids)
            rf"\b(?:fell|fallen){_NOT_A_FALL}\b",
            r"\b(?:a|bad|nasty|big|heavy|hard|serious) fall\b",
            r"\bfall(?:ing)? (?:off|from|down) (?:a |the |my )?(?:ladder|stairs|steps|roof|horse"
            r"|bike|chair|tree|wall|height)\b",
            r"(?<!by )\baccidents?\b",
            r"\b(?:car|road|traffic|bike|motorbike|motorcycle|cycling|ski|skiing|bus)"
            r" (?:crash|collision|smash|wreck)\b",
            r"\bcrashed (?:into|(?:my|the|our) (?:car|bike|motorbike|motorcycle|van))\b",
            r"\bhit by (?:a |an )?(?:car|vehicle|bus|bike|truck|lorry|van|cyclist|motorbike)\b",
            r"\bknocked (?:down|over) by\b",
            r"\bknocked off (?:my |a |the )?(?:bike|horse|motorbike|motorcycle)\b",
            r"\bwhiplash\b",
            r"\b(?:broke|broken|fractured?|cracked) (?:my |a )?(?:back|spine|vertebra\w*|hip|pelvis"
            r"|ribs?|tailbone|coccyx)\b",
            r"\bfractur\w*",
            r"\blanded (?:hard )?on my (?:back|bum|tailbone|bottom|backside)\b",
            r"\bosteoporo\w*",
            r"\bbrittle bones\b",
            # constant pain at night
            rf"\b(?:{_PAIN}|back|it){_gap(3)}(?:keeps?|kept|keeping|wakes?|woke|waking)"
            r" me (?:up|awake)\b",
            rf"\b{_CANT} (?:sleep|get to sleep|lie down){_gap(2)}"
            r"(?:because of|for|from|with|due to) (?:the |my )?(?:pain|back)\b",
            rf"\b(?:{_PAIN}|sore){_gap(3)}(?:at|during the|through the|all|every) night\b",
            r"\bnight pain\b",
            r"\b(?:worse|worst) at night\b",
            r"\bconstant pain\b",
            # pregnancy
            r"\bpregnan\w*",
            r"\bexpecting (?:a baby|twins)\b",
            # recent back surgery
            r"\b(?:back|spinal|spine|disc|lumbar) (?:surgery|operation|op|fusion)\b",
            rf"\b(?:surgery|operation|operated){_gap(3)}(?:back|spine|disc|lumbar)\b",
            r"\b(?:discectomy|microdiscectomy|laminectomy|spinal fusion)\b",
            # immunosuppression
            r"\bimmun\w*suppress\w*",
            r"\bimmuno ?compromised\b",
            r"\b(?:weak|weakened|poor|low|compromised|suppressed) immune system\b",
            r"\bimmune system (?:is |was |has been )?"
            r"(?:weak|weakened|poor|low|compromised|suppressed)\b",
            rf"\b(?:on|taking|take|took) (?:\w+ )?{_STEROIDS}\b",
            rf"\b{_STEROIDS} (?:tablets|pills)\b",
            r"\btransplant\w*",
            r"\bhiv\b",
            r"\bmethotrexate\b",
            # injected drug use
            rf"\binject\w*{_gap(2)}(?:drugs|heroin|meth\w*|cocaine|speed|crack|substances)\b",
            r"\b(?:iv|intravenous) drugs?\b",
            r"\bheroin\b",
        ),
    }
)

# Negation cues looked for in the few words before a match, and look-alikes that are not negations.
NEGATION_WINDOW_WORDS = 5
_NEGATION_WINDOW_CHARS = 200  # plenty for five words; keeps each look-back O(1)
_NEGATION = re.compile(
    r"\b(?:no|not|never|without|nor|neither|none|nothing|denies|denied|free of|absence of"
    r"|negative for|ruled out|(?!can't\b|couldn't\b)[\w]+n't|dont|doesnt|didnt|havent|hasnt|hadnt"
    r"|isnt|arent|wasnt|werent|wont)\b"
)
_NOT_A_NEGATION = re.compile(
    r"\b(?:no longer|no more than|not only|not just|not sure|not certain|not entirely sure"
    r"|no idea|no doubt|nothing but|not until|never (?:\w+ )?(?:so|this|that|such)"
    r"|(?:don'?t|do not|didn'?t) (?:know|think|remember) (?:if|whether))\b"
)
# Clauses end at punctuation and at these words, so "no fever but I had cancer" still fires.
_CLAUSE_BREAK = re.compile(
    r"([.!?;:,()\[\]{}\"\n\r\t|/\\*•·–—]+|\s-+\s"
    r"|\b(?:but|however|although|though|whereas|except|apart from|aside from|other than"
    r"|and (?:i|i'm|i've|i'd|i'll|im|ive|my|it|it's|its|now|then|also|yesterday|today|since))\b)"
)
# "Fever? No." and "numbness: none": a question or label answered with a bare no is dropped.
_ASKS = frozenset("?:-–—")
_BARE_NO = frozenset({"no", "nope", "nah", "none", "never", "not really", "no never", "not at all"})
_NOT_WORD = re.compile(r"[^\w']+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "＇": "'"})

_COMPILED: tuple[tuple[RedFlagLevel, tuple[re.Pattern[str], ...]], ...] = tuple(
    (level, tuple(re.compile(pattern) for pattern in RED_FLAG_PATTERNS[level]))
    for level in (RedFlagLevel.URGENT, RedFlagLevel.SEE_DOCTOR)
)


def screen_text(text: str) -> RedFlagLevel | None:
    """The safety reply a message calls for: URGENT, SEE_DOCTOR, or None if it mentions no sign."""
    clauses = _clauses(text)
    for level, patterns in _COMPILED:
        for clause in clauses:
            if any(_fires(pattern, clause) for pattern in patterns):
                return level
    return None


def _clauses(text: str) -> list[str]:
    """Normalised clauses: lower case, straight apostrophes, words joined by single spaces."""
    lowered = text.casefold().translate(_APOSTROPHES)
    # split() with a capturing group alternates text and the break after it: t0, b0, t1, b1, …
    parts = _CLAUSE_BREAK.split(lowered)
    pieces = [" ".join(_NOT_WORD.sub(" ", piece).split()) for piece in parts[::2]]
    breaks = parts[1::2]
    clauses: list[str] = []
    for index, piece in enumerate(pieces):
        answered_no = (
            index + 1 < len(pieces)
            and pieces[index + 1] in _BARE_NO
            and not _ASKS.isdisjoint(breaks[index])
        )
        if piece and not answered_no:
            clauses.append(piece)
    return clauses


def _fires(pattern: re.Pattern[str], clause: str) -> bool:
    """Whether the pattern matches anywhere in the clause without a negation before it.

    Searches again one character after each negated match, so a later, overlapping match with no
    negation in its own window is still found.
    """
    position = 0
    while (match := pattern.search(clause, position)) is not None:
        if not _negated(clause, match.start()):
            return True
        position = match.start() + 1
    return False


def _negated(clause: str, start: int) -> bool:
    """Whether a negation cue sits in the last few words before `start`."""
    low = max(0, start - _NEGATION_WINDOW_CHARS)
    words = clause[low:start].split()
    if low > 0:
        words = words[1:]  # it may be cut in half
    words = _NOT_A_NEGATION.sub("_", " ".join(words)).split()
    return _NEGATION.search(" ".join(words[-NEGATION_WINDOW_WORDS:])) is not None
