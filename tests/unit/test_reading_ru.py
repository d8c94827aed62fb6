"""Russian, read as the bot reads it (content/red_flags.ru.yaml, content/intents.ru.yaml through
`Readers`, English always read too): warning signs in chat Russian and in Latin letters, whose
sign and is it one now, and typed answers doing what their buttons do."""

from __future__ import annotations

import pytest

from bench.common import shipped_readers
from bot.routine.content import DEFAULT_CONTENT_DIR, load_red_flags
from bot.routine.intents import Intent, Score
from bot.routine.reading import Readers
from bot.routine.red_flags import Experiencer, RedFlagScreen, ScreenLevel

RUSSIAN = "ru"


# Round 6, one row per family the lexicon itself now reads (checked below without the sign model
# too, which had been trained on the set these families came from).
ROUND_6_OWN = [
    "что за хрень, обе ноги подкашиваются",  # an exclamation is no "what is"
    "мочусь без всяких ощущений уже с утра",  # "без" inside the sign's own phrase
    "ничего не болит, жопа онемела совсем",  # a body word after a comma opens a clause
    "провожу салфеточкой, а ощущение как через ткань",  # the diminutive of the tissue
    "с обеда там ничего не чувствую",  # "there", the euphemism
    "левую ногу не чувствую, а теперь и вторую",  # the second leg joining the first
    "шлёпанцы слетают с левой ноги, не держатся",  # foot drop by the slipper
    "мочусь тонкой струйкой, жму на живот",  # straining for a weak stream
    "пузырь как будто не наполняется, в туалет не тянет",  # no bladder fullness
    "не чувствую как выходит, только по звуку понимаю",  # not feeling the stream itself
]
ROUND_6_THEIRS = [
    "свёкор бельё марает и не замечает",  # soiling, the verb of staining
    "отец стеснялся признаться, что не может пописать с ночи",  # shy to tell, not shy to go
    "муж сказал что у него в паху онемело",  # saying so is no reported advice
]
ROUND_6_DOCTOR = [
    ("мне 58, поясница разболелась, раньше вообще никогда", "age"),  # "never at all"
    ("боль в спине будит, потом до утра хожу", "night_pain"),  # pain that wakes
]
ROUND_6_NOT_NOW = [
    "по телику показали мужика, у которого отнялись ноги",  # television is reported
    "промежность онемела, потом все вернулось, сейчас норм",  # feeling came back
    "что за синдром конского хвоста?",  # the narrowed "what is"
    "недержание мочи, что это такое?",  # "what is it" after the term
]
ROUND_6_LATIN = [
    "otmeni napominanie pozhaluista",  # the bot's own settings
    "korobki taskal pri pereezde, spina bolit",  # everyday causes
    "chto takoe kauda ekvina",  # the Latin name, transliterated
]


@pytest.fixture(scope="module")
def readers() -> Readers:
    loaded, spoken, _content = shipped_readers(RUSSIAN)
    assert spoken == RUSSIAN
    return loaded


@pytest.mark.parametrize(
    "text",
    [
        "у меня онемела промежность, со вчера",
        "когда вытираюсь туалетной бумагой ничего не чуствую",
        "не могу пописать с утра, хочу а не идёт",
        "ночью описался и даже не почувствовал",
        "не могу удержать стул, испачкал трусы",
        "эрекция пропала совсем после того как спину прихватило",
        "ноги подкашиваются обе, чуть не упал в ванной",
        "левая нога с каждым днём всё слабее, волочу её",
        "шатает при ходьбе, держусь за стены, хотя не пил",
        "чувствительность в промежности пропала",
        "нормально ли что я не чувствую когда писаю?",
        "u menya onemela promezhnost",
        "ne mogu popisat, hochu a ne poluchaetsya",
        # round 2, one row per cause
        "у меня не стоит с тех пор как потянул спину",  # the euphemism, with whose it is
        "у меня уже неделю плохо встаёт, и поясница болит",
        "не могу сдержать стул, спина отваливается",  # every verb of holding a stool
        "ne derzhu stul uzhe den",
        "ne chuvstvuyu mochevoi puzyr eto normalno?",  # "is it normal" is no negation
        "сижу, а ягодицы как под наркозом",  # an anaesthesia simile
        "ноль ощущений в промежности с утра",
        "в паху онемело, раньше всё было нормально",  # "before, all was fine": new now
        "обе ноги немеют, не было раньше такого",
        "трусы пачкаются, а я не замечаю",  # soiling
        "грыжа у меня 4 года, а сегодня онемела промежность",  # how long, not how old
        "обе ноги подворачиваются при ходьбе",  # legs buckling
        "опять не добежала до туалета, описалась",  # "не" of one phrase negates nothing after
        "писаю в штаны и не замечаю",
        "сажусь и не чувствую где сижу",
        "правая стопа висит, не могу её поднять",  # foot drop
        "может ли быть что у меня онемение в паху из-за спины?",  # a present "could it be"
        # round 3, one row per family
        "пописать получается только если надавить на живот",  # straining; "only if" is no "if"
        "струйка вялая, то идёт то нет, спина ноет",  # a weak, stopping stream
        "не могу остановить струю, спина болит",  # the stream is a bladder word
        "хожу в подгузнике, потому что моча сама вытекает, стыдно признаться",  # shame to tell
        "ноги подломились два раза за утро",  # legs folding
        "писаю и как будто не я, ничего не ощущаю",  # "as if not me"
        "на пятки не могу встать левой ногой",  # heel or toe standing lost
        "шлепает стопа при ходьбе, левая нога",  # foot drop
        "сходила по-маленькому и не поняла, вышло или нет",  # unsure it emptied
        "ни разу не писала со вчерашнего вечера",  # "ни разу" is no negation of a sign
        "при подмывании не чувствую воду, со вчера",  # touch not felt when washing
        "внутренняя сторона бедер онемела с утра",  # inner thighs
        # round 4, one row per family
        "булки онемели, сижу как на чужих",  # buttock slang
        "в зоне бикини ничего не чувствую со вчера",  # the underwear area
        "моюсь там и ощущение как через перчатку",  # washing, felt as through a glove
        "проснулась обоссанная, такого не было никогда",  # a participle of wetting
        "не замечаю как описываюсь, спина болит",  # "как" here is "how", no simile
        "сколько ни стою, жду пока польётся по десять минут",  # waiting for the stream
        "за весь день ни капли мочи не вышло",  # "ни капли" is no negation
        "потенция резко упала, спину сорвал неделю назад",  # potency that fell
        "ноги подводят, колени сами подгибаются",  # legs that let one down
        "ноги путаются, иду как по палубе",  # tangled legs
        "ягодицы как отсиженные, хотя весь день лежу",  # "as if sat numb" is a simile
        "мочевой не пустеет до конца, спина ноет",  # a bladder that does not empty
        "с равновесием беда, равновесие не держу",  # balance, the noun first
        # round 5, one row per family
        "ногу ставлю не туда и спотыкаюсь обеими ногами",  # where the feet land is no denial
        "хожу как на ходулях третий день, спина болит",  # gait by how it looks
        "пипирка онемела и вокруг тоже",  # nursery words for the genitals
        "не успеваю, вырвалось прямо в трусы",  # not reaching it in time denies nothing
        "описалась и не заметила, хотя грыжа у меня давно",  # not noticing is the sign itself
        *ROUND_6_OWN,
    ],
)
def test_a_persons_own_emergency_sign_gets_the_advice(readers: Readers, text: str) -> None:
    screening = readers.screen(text, RUSSIAN)
    assert screening.level is ScreenLevel.EMERGENCY
    assert screening.experiencer is Experiencer.SELF


@pytest.mark.parametrize(
    "text", ["ne chuvstvuyu promezhnost", "ne chustvuju promezhnost", "nechuvstvuyu promezhnost"]
)
def test_latin_spellings_of_one_word_read_alike(readers: Readers, text: str) -> None:
    assert readers.screen(text, RUSSIAN).level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "у мужа онемела промежность и он не может пописать",
        "у мамы ноги подкашиваются, она описалась",
        "брат не может сдержать стул со вчера",
        "у мужа не стоит и в паху онемело",
        "у тёщи с утра онемела промежность",  # in-laws
        "зять не может пописать со вчера, спина болит",
        "брат обделался и даже не почувствовал, я в шоке",  # "в шоке" is the writer's
        "сестра не может сходить ни по-маленькому ни по-большому",  # a double negative
        *ROUND_6_THEIRS,
    ],
)
def test_another_adults_sign_gets_the_advice_for_them(readers: Readers, text: str) -> None:
    screening = readers.screen(text, RUSSIAN)
    assert screening.level is ScreenLevel.EMERGENCY
    assert screening.experiencer is Experiencer.OTHER_ADULT


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("температура 38 и спина болит", "fever"),
        ("у меня был рак груди, теперь болит спина", "cancer"),
        ("похудела на 8 кг за два месяца, не сидела на диете", "weight_loss"),
        ("упал с лестницы на спину вчера", "trauma"),
        ("я беременна, 20 недель", "pregnancy"),
        ("полгода назад удалили грыжу на позвоночнике", "surgery"),
        ("болит ночью сильнее, просыпаюсь от боли", "night_pain"),
        ("мне 67 и спина заболела впервые", "age"),
        ("меня морозит весь день, поясница ноет", "fever"),
        ("мне 17 лет, спина болит уже две недели", "age"),
        # the deadlift's stem once swallowed "становится" (it becomes) as a workout
        ("покалывание в левой ноге уже неделю и становится хуже", "radiating_pain"),
        ("поскользнулась и упала прямо на копчик, болит сильно", "trauma"),  # onto the tailbone
        ("18 лет, спина болит вторую неделю, раньше такого не было", "age"),  # an opening age
        ("я на 6 месяце, спина ноет", "pregnancy"),  # the month, not the word
        ("вес ушёл на 7 кило, специально не худел", "weight_loss"),  # "not on purpose"
        ("у меня грипп и спину ломит", "fever"),  # an infection by its name
        ("на спине лежать не могу, боль только сильнее", "night_pain"),  # lying down hurts
        ("сорвалась с балкона, спина болит", "trauma"),  # a fall from a height, by its place
        ("ставили металлоконструкцию в прошлом году, опять болит", "surgery"),  # within a year
        ("оперировали грыжу в августе, опять болит", "surgery"),  # the hernia operated
        ("гормоны от астмы годами, поскользнулась", "steroids"),  # by what they treat
        ("Мне 66. Раньше спина никогда не беспокоила, а с марта ноет.", "age"),  # a month
        *ROUND_6_DOCTOR,
    ],
)
def test_a_see_a_doctor_sign_gets_that_advice(readers: Readers, text: str, category: str) -> None:
    screening = readers.screen(text, RUSSIAN)
    assert screening.level is ScreenLevel.SEE_DOCTOR
    assert category in screening.categories


@pytest.mark.parametrize(
    "text",
    [
        # negated
        "онемения нет, просто болит",
        "с мочеиспусканием проблем нет",
        "никакого онемения в паху, не переживайте",
        # hypothetical, reported, a definition question, resolved history
        "а если онемеет промежность, что делать?",
        "врач сказал если будет онемение в паху сразу ехать в больницу",
        "что такое седловидная анестезия?",
        "лет пять назад немела нога, потом прошло и больше не было",
        # a child's or an animal's body
        "сын 4 года описался ночью",
        "у собаки отказывают задние лапы",
        # look-alikes of ordinary life
        "чуть не описалась от смеха",
        "ноги ватные после пробежки 10 км",
        "нога затекла, сидел по-турецки",
        "в поезде не смогла пописать, туалет был ужасный",
        "после родов подтекает когда чихаю, уже лет пять так",
        "ноги забились после лестниц, у нас лифт сломался",
        # round 2, one row per cause
        "у дедушки был рак, он умер давно",  # a dead relative's: family history
        "ноги подкосились, когда услышала новость",  # emotional shock
        "стою в планке, ноги дрожат от напряжения",  # strain
        "при покалывании в ногах можно делать упражнения?",  # "at" + a sign's noun
        "у сына энурез",  # enuresis names a child
        "внуку 3 года, не может покакать второй день",  # an age after whose it is
        "поскользнулся во дворе и упал, встал и пошёл дальше",  # a fall alone is minor trauma
        "ночью икру свело судорогой",  # a cramp is no night pain
        "после укола в ягодицу немеет место укола",  # an injection's numbness
        "ноги заплетаются после трёх бокалов вина",  # drink
        "после массажа ноги ватные, расслабилась",  # a massage
        "недержание мочи бывает от грыжи?",  # a question about what causes what
        "у беременной подруги болит спина, ей можно так?",  # someone else's pregnancy
        "может ли быть что от грыжи немеют ноги?",  # "could it be" with no "у меня" stays general
        "не стоит после тренировки сразу ложиться",  # "не стоит": "it's not worth"
        "муж не встаёт с дивана весь день",
        "у врача не стоит спрашивать такое?",
        "у меня совсем не стоит вопрос об операции",
        # round 3
        "ноги гудят после смены за прилавком",  # a day standing at work
        "ночью встаю в туалет пару раз, спина не тревожит",  # waking to pee
        "крепатура после приседаний, ноги как деревянные",  # muscle soreness
        "а бывает что от грыжи промежность немеет? боюсь такого",  # feared, not had
        # round 4
        "слабость после орви, температура нормальная",  # a recovered infection
        "ночью просыпаюсь пописать, потом не могу уснуть",  # a night trip is no night pain
        "в ролике говорили про онемение в паху",  # topic talk is reported
        "онемение в паху было после операции, сейчас нет",  # resolved
        "у шпица отнялись задние лапы",  # a dog by its breed
        "на лодке качает, ноги дрожат",  # a boat
        "жду пока пойдёт автобус, ноги замёрзли",  # waiting for a bus
        "можно ли заниматься при температуре?",  # "при" with a sign's noun
        "весь день сидела на работе, попа затекла",  # sitting all day
        "при кашле не держу мочу, так с родов",  # stress leaking after childbirth
        "качает от жары, на улице +35",  # heat
        "температура 36,6, просто ноет поясница",  # a normal temperature
        # round 5
        "не могу пописать, если рядом кто-то стоит",  # a shy bladder
        "лет 12 назад упал с крыши, с тех пор все отлично",  # years ago, fine since
        "задница затекла на рыбалке, к вечеру все ок",  # gone by the evening
        "правда что при протрузии немеет промежность?",  # a question about a condition
        *ROUND_6_NOT_NOW,
    ],
)
def test_no_emergency_pause_for_what_is_not_a_sign_now(readers: Readers, text: str) -> None:
    assert readers.screen(text, RUSSIAN).level in (ScreenLevel.POSSIBLE, ScreenLevel.NONE)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("готово", Intent.DONE),
        ("всё, сделала ✅", Intent.DONE),
        ("gotovo", Intent.DONE),
        ("больно", Intent.TOO_PAINFUL),
        ("сделал но было больно", Intent.TOO_PAINFUL),
        ("полегче", Intent.GENTLER),
        ("а попроще есть?", Intent.GENTLER),
        ("пропущу", Intent.SKIP),
        ("подожди минутку", Intent.PAUSE),
        ("хватит на сегодня", Intent.STOP_TODAY),
        ("лучше", Intent.BETTER),
        ("так же", Intent.SAME),
        ("стало хуже", Intent.WORSE),
        ("спасибо", Intent.CHIT_CHAT),
        # round 2: text-speak, asking what an exercise is for, "not today any more", the same old
        ("гтв", Intent.DONE),
        ("доделала", Intent.DONE),
        ("а для чего это упражнение?", Intent.MORE),
        ("сегодня больше не хочу", Intent.STOP_TODAY),
        ("не хочу сегодня больше", Intent.STOP_TODAY),
        ("та же фигня", Intent.SAME),
        ("стало ещё больше", Intent.WORSE),
    ],
)
def test_typed_russian_reads_as_its_button(readers: Readers, text: str, intent: Intent) -> None:
    assert readers.read(text, RUSSIAN).top is intent


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("пять", 5),
        ("около пяти", 5),
        ("где-то 5", 5),
        ("5 из 10", 5),
        ("на пятёрку", 5),
        ("3-4", 4),
        ("не болит", 0),
        ("невыносимо", 10),
        ("chetyre", 4),
    ],
)
def test_a_score_typed_in_russian(readers: Readers, text: str, value: int) -> None:
    assert readers.score(text, RUSSIAN) == Score(value)


def test_a_number_out_of_range_is_asked_again(readers: Readers) -> None:
    assert readers.score("сто", RUSSIAN) == Score(None)


@pytest.mark.parametrize(
    "text",
    [
        "spasibo, vse sdelala segodnya",
        "spasibo vse sdelal",
        "zavtra prodolzhim, ustala",
        "planku propuskala, zapyast'e bolit",  # exercise words
        *ROUND_6_LATIN,
    ],
)
def test_russian_in_latin_letters_is_not_another_language(readers: Readers, text: str) -> None:
    """The detector has no model of transliterated Russian (it says Polish, Indonesian…): a text
    whose words are Russian's, in Latin letters, is read as Russian, not given the list."""
    assert readers.screen(text, RUSSIAN).level is ScreenLevel.NONE


# Round 7, one row per family added for the 2026e dev set's lexicon errors (new wordings).
ROUND_7_OWN = [
    "сажусь на табуретку и не чувствую сиденье под собой с утра",  # the seat not felt
    "ne chuvstvuyu sedlo pod soboi s obeda",  # the same, in Latin letters
    "ноги со вчера словно не свои",  # legs not one's own
    "как поясницу сорвал совсем не встаёт",  # the erection, dated by the back
    "ни на левую ни на правую ногу не могу встать на цыпочки",  # neither leg, on tiptoe
    "нога за двое суток стала тяжёлая как колода",  # one leg weakening within days
    "вчера с мужем ничего не ощущала там",  # "there", in the past tense
    "делаю ваши упражнения, а со вчера не могу пописать, хотя хочется",  # "ваш" is the coach's
    "наверно отсидел, но промежность онемела и уже несколько часов не отпускает",  # not passing
]
ROUND_7_THEIRS = [
    "у бабули ноги как чужие с утра, падает",
    "папа со вчера не может ходить на обе ноги",  # "cannot walk" said of him
]
ROUND_7_DOCTOR = [
    ("облучали по поводу простаты, теперь поясница ноет", "cancer"),  # radiotherapy
    ("спина стала кривая, лопатка выпирает, раньше так не было", "lump"),  # "not like this before"
]
ROUND_7_NOT_NOW = [
    "не стоит волноваться, с тех пор как спину лечу всё лучше",  # "не стоит" + what is not worth it
    "после велика седло не чувствую, но быстро проходит",  # passes in minutes
    "кроссовки не мои, ноги гудят",  # someone else's shoes, not legs
    "в детстве был перелом лучевой кости, а сейчас спина ноет",  # the radius, not radiotherapy
]


@pytest.fixture(scope="module")
def lexicon_alone() -> RedFlagScreen:
    return RedFlagScreen(load_red_flags(DEFAULT_CONTENT_DIR, RUSSIAN), model=None)


@pytest.mark.parametrize("text", [*ROUND_6_OWN, *ROUND_7_OWN])
def test_the_lexicon_alone_reads_round_6_signs(lexicon_alone: RedFlagScreen, text: str) -> None:
    screening = lexicon_alone.screen(text)
    assert screening.level is ScreenLevel.EMERGENCY
    assert screening.experiencer is Experiencer.SELF


@pytest.mark.parametrize("text", [*ROUND_6_THEIRS, *ROUND_7_THEIRS])
def test_the_lexicon_alone_reads_round_6_signs_of_others(
    lexicon_alone: RedFlagScreen, text: str
) -> None:
    screening = lexicon_alone.screen(text)
    assert screening.level is ScreenLevel.EMERGENCY
    assert screening.experiencer is Experiencer.OTHER_ADULT


@pytest.mark.parametrize(("text", "category"), [*ROUND_6_DOCTOR, *ROUND_7_DOCTOR])
def test_the_lexicon_alone_reads_round_6_doctor_signs(
    lexicon_alone: RedFlagScreen, text: str, category: str
) -> None:
    screening = lexicon_alone.screen(text)
    assert screening.level is ScreenLevel.SEE_DOCTOR
    assert category in screening.categories


@pytest.mark.parametrize("text", [*ROUND_6_NOT_NOW, *ROUND_7_NOT_NOW])
def test_the_lexicon_alone_pauses_nothing_for_round_6_look_alikes(
    lexicon_alone: RedFlagScreen, text: str
) -> None:
    assert lexicon_alone.screen(text).level in (ScreenLevel.POSSIBLE, ScreenLevel.NONE)


@pytest.mark.parametrize("text", ROUND_6_LATIN)
def test_the_lexicon_alone_knows_round_6_latin_words(
    lexicon_alone: RedFlagScreen, text: str
) -> None:
    assert lexicon_alone.screen(text).level is ScreenLevel.NONE
