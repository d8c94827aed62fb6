"""Ukrainian read as the bot reads it (content/red_flags.uk.yaml, content/intents.uk.yaml): the
warning-sign screen and the typed answers of someone whose Telegram speaks Ukrainian, through
`Readers` built from the shipped word files (English is read too)."""

from __future__ import annotations

import pytest

from bench.common import shipped_readers
from bot.routine.intents import Intent, Score
from bot.routine.reading import Readers
from bot.routine.red_flags import Experiencer, ScreenLevel


@pytest.fixture(scope="module")
def ukrainian() -> tuple[Readers, str]:
    readers, spoken, _content = shipped_readers("uk")
    assert spoken == "uk"
    return readers, spoken


@pytest.mark.parametrize(
    "text",
    [
        "у мене оніміла промежина, нічого не відчуваю там",  # saddle
        "коли витираюся туалетним папером взагалі не відчуваю",  # wiping
        "не можу пописяти вже з вечора, хоча хочеться",  # retention
        "обмочилась сьогодні і навіть не помітила",  # wet herself unawares
        "не відчуваю коли ходжу по-великому",  # bowel, a euphemism
        "не стоїть зовсім з тиждень як спину прихопило",  # erection, slang
        "обидві ноги слабкі, ледве ходжу",  # both legs
        "ноги підкошуються, вже двічі впав",  # legs giving way
        "права нога з кожним днем все слабша",  # one leg, worsening
        "онемела промежность и внутренняя сторона бедер",  # Russian words in a Ukrainian chat
        "u mene onimila promezhnyna i sidnytsi",  # Latin letters, national spelling
        "ne chuvstvuyu yagodicy, onemeli",  # Latin letters, Russian-style spelling
        "чи нормально що я не відчуваю коли писяю?",  # a question about a present sign
        "в паху оніміло, раніше все було нормально",  # "before, all was fine": new now
        "грижа в мене 4 роки, а сьогодні оніміла промежина",  # how long, not how old
        "обидві ноги підвертаються на ходу",  # legs buckling
        # round 3, one row per family
        "стілець не втримую, вже кілька днів",  # holding a stool
        "не встигла добігти до туалету, вже третій раз",  # not reaching the toilet
        "ні разу не пісяла з учора, внизу тисне",  # "ні разу" is no negation of a sign
        "жодного разу не пописяла з ранку",
        "струмінь слабкий і весь час переривається, як сходжу в туалет",  # a weak, stopping stream
        "пописяти виходить тільки якщо натиснути на живіт",  # straining; "only if" is no "if"
        "наче не своє тіло там коли підмиваюсь",  # "as if not my own body"
        "не можу зупинити струмінь як раніше",  # "as before": a change now, not history
        "немає відчуття там знизу коли сідаю",  # "down there"
        "нечуствую нічого в промежині",  # typed together, surzhyk
        "оніміла мошонка з учора",  # the scrotum
        # round 4, by family: words the blind sets used and the word file lacked
        "в зоні бікіні все задубіло з ранку",  # the underwear area
        "між сідницями нічого не відчуваю",
        "сиджу в туалеті і чекаю поки потече, вже хвилин десять",  # hesitancy
        "ходжу в туалет по будильнику, бо позивів взагалі нема",  # voiding by the clock
        "жодного разу не помочилась за день",  # "жодного разу не" is no negation
        "раніше могла втримати, а тепер сеча йде сама",  # "раніше могла": a change now
        "не можу перервати струмінь, раніше міг",  # stopping the flow
        "литки обидві кволі, ледве йду",  # feeble legs
        "ліва нога перестала тримати, за ніч погіршилось",  # one leg, worse overnight
        "почався парапарез, ноги ледве рухаються",  # the clinical word
        "член не твердіє відколи спину зірвав",  # erection, everyday words
        "серветкою проводжу і як по гумі",  # wiping feels like rubber
        # round 5
        "два тижні як стояти перестало, відколи спину зірвав",  # erection, "перестало стояти"
        "ліва стопа відмовляє, з кожною годиною гірше",  # one leg failing, worsening
        "коле між ногами з ранку і там наче чуже",  # prickling between the legs
        "спина вже легше, але почати пісяти нормально не можу",  # "нормально" is no denial here
        "ваші вправи роблю, а сьогодні промежина німіє",  # "ваші" (the bot's) is no generic you
        "сиджу на роботі і не відчуваю сидіння сідницями",  # sitting at work is no look-alike
        "кожен раз чіпляюсь носком, нога не слухається і все гірше",  # "кожен" is no person
        # round 6, by family
        "вчора не втримала стілець у таксі, поперек ниє",  # a stool not held, past forms
        "без ціпка вже не ходжу, обидві ноги підгинаються з понеділка",  # "без" aid: no denial
        "erekciyi nemaye vzhe tyzhden, poperek bolyt",  # Latin "iyi" folds like "ii"
        "nohy slabki i pidkoshuiutsia obydvi",  # Latin "i" is "and", not "her"
        "з коханою нічого не відчуваю там, а ще тиждень тому все було нормально",  # fine before
        "ліву стопу волочу, з кожним днем гірше",  # dragging a foot
        "обидві ноги ватні ніби після тренування, хоча я не тренувалась",  # exertion in a simile
        "що мені робити якщо не відчуваю сідниць з ранку?",  # "якщо" + present: no hypothetical
        "обкакалась у маршрутці і навіть не помітила",  # unaware, whatever the place
        # round 7, by family
        "помітив що як сідаю на унітаз то сідниць не відчуваю",  # "що як" + a habit: when, not if
        "сеча почала текти сама з учора, спина болить",  # leaking by itself, the infinitive
        "після зміни на заводі обидві ноги німіють і не минає вже другий день",  # it lasts
    ],
)
def test_an_emergency_sign_is_an_emergency(ukrainian: tuple[Readers, str], text: str) -> None:
    readers, spoken = ukrainian
    screening = readers.screen(text, spoken)
    assert screening.level is ScreenLevel.EMERGENCY
    assert screening.experiencer is Experiencer.SELF


@pytest.mark.parametrize(
    "text",
    [
        "у мами оніміла промежина і вона не може пописяти",
        "чоловік каже що не відчуває ніг, обидві слабкі",
        "u cholovika onimily obydvi nohy",
        "мама написала що в неї ноги відмовили, обидві",  # relaying her message is no hearsay
        "у свекра з учора не йде сеча і живіт твердий",  # an in-law
        "товариш по роботі не може встати, ноги відмовили",
        "побратим каже що обидві ноги не слухаються після контузії",  # a brother-in-arms
        "клієнтка на масажі каже що в неї німіє промежина з учора",  # a massage is no cause
        "чоловік каже що як підтирається то нічого не відчуває",  # told, "що як" + a habit
        "свекор розповідає що обидві ноги як не свої і його хитає",  # "його" is no "йога"
    ],
)
def test_another_adults_sign_is_their_emergency(ukrainian: tuple[Readers, str], text: str) -> None:
    readers, spoken = ukrainian
    screening = readers.screen(text, spoken)
    assert screening.level is ScreenLevel.EMERGENCY
    assert screening.experiencer is Experiencer.OTHER_ADULT


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("температура 38 і спина болить", "fever"),
        ("схуд на 7 кг за місяць не знаю чому", "weight_loss"),
        ("впав з драбини на спину вчора", "trauma"),
        ("вночі болить сильніше, прокидаюся від болю", "night_pain"),
        ("я вагітна, 20 тижнів", "pregnancy"),
        ("мені 63, спина почала боліти тиждень тому, раніше ніколи", "age"),
        ("vahitna, 3 misiatsi", "pregnancy"),
        ("мені 17, спина болить вже два тижні, раніше нічого такого", "age"),
        ("вчора впала на сходах просто на куприк, болить", "trauma"),  # a fall onto the tailbone
        # round 3
        ("прокидаюся від болю в попереку кожну ніч", "night_pain"),
        ("парашутом стрибнула, жорстко приземлилась, спина болить", "trauma"),  # a hard landing
        ("одяг висить, вага падає сама, спина болить", "weight_loss"),  # clothes hanging off
        ("п'ю гормони від астми багато років, болить поперек", "steroids"),  # long use is now
        ("мені 66, спина ніколи не боліла, а тепер ниє", "age"),
        ("на поясниці шишка з'явилась і болить", "lump"),  # surzhyk for the low back
        # round 4
        ("мені 58, раніше спина ніколи не турбувала, а зараз болить", "age"),  # new, not history
        ("імунітету немає після трансплантації, болить поперек", "immune"),
        ("кололася раніше, тепер болить спина", "drugs"),  # injected drug use counts when past
        ("стегно поколює місяць і не проходить", "radiating_pain"),  # "не проходить" is no easing
        # round 5
        ("злетів з мопеда, минуло три дні, поперек болить все сильніше", "trauma"),  # time since
        ("біля мене був вибух, відкинуло ударною хвилею, болить спина", "trauma"),  # a blast
        ("мені 17, спина заболіла три тижні тому і досі болить", "age"),  # "тому" … still now
        # round 6
        ("зі сходів покотився вчора, спина болить", "trauma"),  # the stairs first
        ("в нас на перехресті ззаду врізались, тепер поперек болить", "trauma"),  # crashed into
        ("грижу прооперували у березні, знову ниє поперек", "surgery"),  # a hernia operated on
        ("мені 18, поперек болить вже 3 тижні", "age"),  # weeks of pain are new
        ("мені 19, спина почала боліти два тижні тому", "age"),  # a dated start is now
        ("на спині шишка, раніше її не було", "lump"),  # "not there before": new
        ("pokhudela na 8 kilo bez dieti", "weight_loss"),  # Latin "dieti" is no "дети"
        # round 7
        ("мені 18, поперек почав боліти без причини місяць тому", "age"),  # a start dated is now
        ("мені пересадили печінку, приймаю ліки проти відторгнення, спина болить", "immune"),
        ("хребет викривився за пару місяців, збоку видно", "lump"),  # the spine bending
    ],
)
def test_a_see_a_doctor_sign_gets_that_advice(
    ukrainian: tuple[Readers, str], text: str, category: str
) -> None:
    readers, spoken = ukrainian
    screening = readers.screen(text, spoken)
    assert screening.level is ScreenLevel.SEE_DOCTOR
    assert category in screening.categories


@pytest.mark.parametrize(
    "text",
    [
        "ні оніміння, ні проблем з сечею немає",  # negated
        "ноги не німіють, просто тягне поперек",  # negated
        "а що робити якщо оніміє промежина?",  # hypothetical
        "якщо ноги почнуть слабнути, мені дзвонити 103?",  # hypothetical
        "лікар сказав стежити чи не німіє промежина",  # reported advice
        "що таке нетримання сечі?",  # a definition question
        "років п'ять тому нога німіла, але все минуло",  # resolved history
        "малий знову обпісявся вночі",  # a child's
        "у собаки задні лапи слабкі, ледве ходить",  # a pet's
        "ледь не обпісялась від сміху",  # a figure of speech
        "ноги підкосились, коли почула новину",  # emotional shock
        "на планці ноги тремтять від напруги",  # strain
        "ноги болять після спортзалу, присідання були",  # ordinary exertion
        "відсиділа сідниці в кіно",  # numb from sitting
        "після 12 годин на ногах на роботі ноги як колоди",  # tired legs after work
        "готово, зробила всі вправи",  # ordinary chat
        # round 3
        "ноги гудуть після зміни, я перукарка",  # a day standing at work
        "я повна, тому важко вставати з підлоги",  # plump, not a full bladder
        "крепатура після тренування, ходжу як робот",  # muscle soreness
        "чи буває що від грижі ноги віднімаються? боюся такого",  # feared, not had
        # round 4
        "мене хитає від утоми після нічної зміни",  # tiredness
        "тато роками ходить у памперсах після інсульту",  # longstanding, another cause
        "обидві ноги затерпли поки сиділа по-турецьки",  # sitting cross-legged
        "ноги ватні після присідань, по сходах спускаюсь боком",  # walking down stairs is no fall
        "яка різниця між затримкою і нетриманням сечі?",  # a definition question
        "колись давно мала затримку сечі після операції, зараз давно все добре",  # resolved
        "боюся що колись обкакаюсь від цієї грижі",  # feared
        # round 5
        "у серіалі персонаж не міг пописяти після аварії",  # a story on screen
        "а сідлова анестезія це про що?",  # a definition question after the term
        "обидві ноги затерпли, поки сидів на толчку з телефоном",  # sitting on the toilet
        "ноги гудуть після добової зміни на ногах",  # a long shift
        "у 2018 ноги віднімались через грижу, повністю відновилась, зараз для профілактики",
        "у тестя колись була операція на хребті, тепер бігає як молодий",  # recovered long ago
        "нічого незвичного в туалеті не помічав, просто ниє поперек",  # a denial
        "сиджу на роботі по 10 годин, потім ноги затерпають",  # long sitting
        # round 6
        "ортопед попереджав: як почнеться нетримання — в лікарню",  # any doctor's warning
        "як з'являться слабкість в ногах, що робити?",  # "як з'являться": when, future
        "обкакався від страху коли собака вискочив",  # fright, as wetting from laughter
        # round 9: nowhere to go just now; holding on is no loss
        "не можу зараз піти пописати, сиджу на парі ще годину",
        "за кермом не можу пописати, потерплю до дому",
    ],
)
def test_a_look_alike_never_gets_the_emergency_advice(
    ukrainian: tuple[Readers, str], text: str
) -> None:
    readers, spoken = ukrainian
    screening = readers.screen(text, spoken)
    assert screening.level is not ScreenLevel.EMERGENCY
    assert not (screening.clear and screening.experiencer is Experiencer.SELF)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("готово", Intent.DONE),
        ("зробила", Intent.DONE),
        ("hotovo", Intent.DONE),
        ("дуже болить", Intent.TOO_PAINFUL),
        ("больно", Intent.TOO_PAINFUL),
        ("а можна легший варіант?", Intent.GENTLER),
        ("полегше", Intent.GENTLER),
        ("пропущу цю", Intent.SKIP),
        ("зачекай хвилинку", Intent.PAUSE),
        ("на сьогодні досить", Intent.STOP_TODAY),
        ("стало краще", Intent.BETTER),
        ("без змін", Intent.SAME),
        ("гірше", Intent.WORSE),
        ("дякую", Intent.CHIT_CHAT),
    ],
)
def test_typed_ukrainian_reads_as_its_button(
    ukrainian: tuple[Readers, str], text: str, intent: Intent
) -> None:
    readers, spoken = ukrainian
    assert readers.read(text, spoken).top is intent


def test_a_negated_ukrainian_answer_is_not_that_answer(ukrainian: tuple[Readers, str]) -> None:
    readers, spoken = ukrainian
    assert Intent.TOO_PAINFUL not in readers.read("не болить", spoken).intents


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("десь 5", 5),
        ("п'ять", 5),
        ("приблизно три", 3),
        ("3 з 10", 3),
        ("п’ять з десяти", 5),
        ("між 3 і 4", 4),
        ("сім", 7),
        ("не болить", 0),
        ("найгірше що може бути", 10),
        ("pyat", 5),
    ],
)
def test_a_score_in_ukrainian(ukrainian: tuple[Readers, str], text: str, value: int) -> None:
    readers, spoken = ukrainian
    assert readers.score(text, spoken) == Score(value)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("дружина вагітна, у неї ниє поперек", "pregnancy"),  # their pregnancy, their pain
        ("тато 78 років почав скаржитись на спину, раніше ніколи", "age"),  # a parent's age
    ],
)
def test_another_adults_see_a_doctor_sign_is_theirs(
    ukrainian: tuple[Readers, str], text: str, category: str
) -> None:
    readers, spoken = ukrainian
    screening = readers.screen(text, spoken)
    assert screening.level is ScreenLevel.SEE_DOCTOR
    assert category in screening.categories
    assert screening.experiencer is Experiencer.OTHER_ADULT


@pytest.mark.parametrize(
    "text",
    [
        "послизнулася біля під'їзду і впала, встала і пішла далі",  # a fall alone: minor
        "у вагітної сестри болить спина, їй можна ці вправи?",  # someone else's pregnancy
        "у дідуся був рак, він давно помер",  # a dead relative's: family history
        "нетримання сечі буває від грижі?",  # a question about what causes what
        "доня вагітна, чи можна їй місток?",  # a daughter's pregnancy
        "колюсь інсуліном двічі на день",  # a medical injection, not drug use
        "наша кішка схудла, а в мене спина болить",  # a pet's weight
        "дочка вагітна, покажіть їй вправи",  # "покажіть" is no toilet word
        "колежанка вагітна, тому я тягаю ящики за неї, спина болить",  # a colleague's pregnancy
        "вигнула спину на котику і трохи ниє",  # arching the back in an exercise: no shape change
        "мені 65, поперек почав боліти ще в 2015, звик",  # a start long ago stays history
    ],
)
def test_what_is_no_see_a_doctor_sign_gets_no_advice(
    ukrainian: tuple[Readers, str], text: str
) -> None:
    readers, spoken = ukrainian
    assert readers.screen(text, spoken).level in (ScreenLevel.POSSIBLE, ScreenLevel.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "pokazhit yak rozimnutysia vranci, spyna skuta",
        "navchy mene rozihritys pered snom, poperek zatysnutyi",
        "u p'yatnytsyu volejbol, krashche propustyty chy mozhna hraty?",  # days, sports, chat
        "okej, prodovzhymo v subotu",
    ],
)
def test_exercise_chat_in_latin_letters_is_ukrainian(
    ukrainian: tuple[Readers, str], text: str
) -> None:
    readers, spoken = ukrainian
    assert readers.screen(text, spoken).level is ScreenLevel.NONE
