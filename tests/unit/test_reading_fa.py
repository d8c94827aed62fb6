"""Persian as the bot reads it (content/red_flags.fa.yaml, content/intents.fa.yaml): the
warning-sign screen and the typed answers, through the shipped `Readers` for someone whose
Telegram is in Persian (English is read too)."""

from __future__ import annotations

from functools import cache

import pytest

from bench.common import shipped_readers
from bench.typed_intents import typed_table
from bot.routine.content import DEFAULT_CONTENT_DIR, Content, load_red_flags
from bot.routine.intents import ChitChat, Intent, Score
from bot.routine.reading import Readers
from bot.routine.red_flags import Experiencer, RedFlagScreen, ScreenLevel


@cache
def _shipped() -> tuple[Readers, str, Content]:
    return shipped_readers("fa")


@cache
@cache
def _word_file_alone() -> RedFlagScreen:
    """The Persian word file without the statistical reader: what the lexicon itself reads."""
    return RedFlagScreen(load_red_flags(DEFAULT_CONTENT_DIR, "fa"), model=None)


def _assert_reads(
    text: str, expected: tuple[ScreenLevel, Experiencer] | ScreenLevel | None
) -> None:
    """The word file alone gives *expected*: (level, whose sign); a level alone (whose body is
    an engine limit there); or None (no advice, at most the confirm question)."""
    screening = _word_file_alone().screen(text)
    if expected is None:
        assert screening.level in (ScreenLevel.NONE, ScreenLevel.POSSIBLE)
    elif isinstance(expected, ScreenLevel):
        assert screening.level is expected
    else:
        assert (screening.level, screening.experiencer) == expected


def _screen(text: str) -> tuple[ScreenLevel, Experiencer]:
    readers, spoken, _content = _shipped()
    screening = readers.screen(text, spoken)
    return screening.level, screening.experiencer


def test_persian_has_word_files_of_its_own() -> None:
    readers, spoken, _content = _shipped()
    assert spoken == "fa"
    assert readers.reads("fa")


@pytest.mark.parametrize(
    "text",
    [
        "از دیروز دور مقعدم بی حس شده",  # around my anus numb since yesterday
        "باسنم سر شده، هیچی حس نمیکنم",  # my bum has gone numb, I feel nothing
        "وقتی بعد دستشویی خودمو میشورم حس ندارم",  # no feeling when I wash after the toilet
        "نمی‌تونم ادرار کنم از دیشب",  # can't urinate since last night (ZWNJ)
        "نميتونم ادرار کنم",  # the same with an Arabic keyboard's ي
        "کنترل ادرارمو ندارم",  # I have no control of my urine
        "بدون اینکه بفهمم خودمو خیس کردم",  # wet myself without realising
        "مدفوعم بی اختیار اومد",  # my stool came involuntarily
        "هر دو پام بی حس شده و جون ندارن",  # both legs numb and weak
        "پاهام خالی میکنه، نمیتونم راه برم",  # my legs give way
        "دیگه شق نمیکنه از وقتی کمرم اینجوری شده",  # no erection since my back got like this
        "آیا طبیعیه که موقع شستن خودم چیزی حس نمیکنم؟",  # is it normal that … (present)
        "basanam bi hes shode az dishab",  # Finglish: my bum is numb since last night
        "kontrole edraram ro nadaram",  # Finglish: no control of my urine
        "nemitunam jish konam",  # Finglish: I can't pee
        # round 2, one row per cause
        "عادیه که نتونم مثانمو خالی کنم؟",  # subjunctive can't: «نتونم»
        "طبیعیه که نفهمم کی جیشم میاد؟",  # subjunctive don't notice: «نفهمم»
        "عادیه که موقع شستن بعد از دستشویی اون قسمت رو حس نکنم؟",  # «حس نکنم»
        "طبیعیه که اصلا حس ادرار نداشته باشم؟",  # «نداشته باشم», not «ندارم»
        "آیا طبیعی است که موقع ادرار هیچ احساسی نداشته باشم؟",  # «هیچ احساسی»
        "از وقتی کمرم گرفته انزالم دیگه نمیشه",  # the suffixed noun
        "moshkele noozam ziad shode",  # Finglish erection word
        "tu sex hichi hes nakardam",  # Finglish past «didn't feel»
        "آلتم سفت نمیشه از دیروز",  # "doesn't get hard"
        "تو رابطه هیچ حسی اونجا ندارم",  # the object between «حسی» and «ندارم»
        "جفت پاهام زورشون نمیرسه",  # «have not the strength»
        "عادیه که پاهام موقع راه رفتن خالی کنه؟",  # subjunctive give way
        "پاهام دارن از کار میفتن",  # "are failing"
        "وقتی رو توالت میشینم انگار زیرم هیچی نیست",  # as if nothing were under me
        "مدفوعم خودبخود میاد",  # comes by itself
        "az dirooz dastshuyi nakardam, hichi nemiad",  # «dastshuyi» spelled as «dastshuii»
        "az dirooz edraram nayomade",  # Finglish "has not come"
        "حس نمیکنم کی باید برم دستشویی",  # «کی باید» here is no "when should I" question
        # a child named earlier in a long message, then «مقعدم» (my anus): the writer's own sign
        "دیروز با بچه ها رفتیم پارک و کلی راه رفتیم، امروز صبح دیدم دور مقعدم حس نداره",
        # round 3, one row per family
        "پاهام موقع راه رفتن یهو تا میشن",  # buckling: legs "fold"
        "از صبح باید دستمو به دیوار بگیرم تا راه برم",  # holding on to the wall
        "انگار رو قایقم، از دیروز اینطوریه",  # "as if on a boat"
        "موقع تمیز کردن دستمالو حس نمیکنم",  # not feeling the paper (object between)
        "وقتی خودمو میشورم نمیفهمم تمیز شدم یا نه",  # not telling whether clean
        "وقتی خودمو میشورم همه جا بی حسه",  # «همه جا» is no "everyone"
        "ru tuvalet ke mishinam payinam bi hese",  # Finglish toilet
        "nemitunam madfuamo kontrol konam",  # Finglish stool
        "باید کلی زور بزنم تا جیشم بیاد",  # hesitancy: straining to start
        "ادرارم دیر میاد، قبلا راحت میومد",  # hesitancy; «قبلا راحت» compares, not history
        "نمیتونم رو پنجه پام وایسم، از دیروز شروع شده",  # can't stand on the toes
        "ادرارم دیگه دست خودم نیست",  # "not in my control"
        "edraram khodesh mirize az dirooz",  # Finglish leak
        "پای راستم هی گیر میکنه به زمین و امروز بدتره",  # foot catching, worse («بدتره»)
        "دیشب نعوظ نداشتم و میلی هم نبود",  # a negated verb closes its clause
        # round 4, one row per family
        "نشیمنگاهم از دیشب لمس شده",  # «لمس»: colloquial "numb"
        "میاندوراهم سوزن سوزن میشه و یه طرفش هیچ حسی نیست",  # the perineum; "no feeling there"
        "موقع طهارت آبو رو پوستم حس نمیکنم",  # washing after the toilet («طهارت»)
        "با شیلنگ که میشورم اون پایین حس درستی ندارم",  # the hose; "no proper feeling"
        "دو روزه درست نشاشیدم، دلم باد کرده",  # «نشاشیدم»: have not pissed
        "نمیدونم مثانه‌ام پر یا خالیه",  # not knowing full or empty
        "مدفوعم اختیارش دست من نیست",  # "not in my hands"
        "تو سکس آبم نمیاد از وقتی کمرم گرفته",  # no ejaculate, the everyday word
        "جفت زانوهام یهو وا میرن",  # «جفت» (a pair); knees giving out
        "هر دوتا ساق پام کرخ شده",  # both shins
        "تعادلم را از دست داده‌ام و کمرم درد می‌کند",  # written register, balance lost
        "پاهام دیگه منو نگه نمیدارن",  # legs no longer hold me up
        "از صبح زیگزاگ راه میرم",  # walking in a zigzag
        "basanam lams shode",  # Finglish «لمس»
        "vaghti ba shilang mishuram hiss nemikonam",  # Finglish hose, «hiss»
        "edraram ro ehsas nemikonam",  # Finglish «ehsas»
        "نه تب دارم نه سرفه، فقط نمیتونم ادرار کنم",  # «فقط» after a comma ends «نه»'s reach
        "سرینم از دیروز بی‌حس شده",  # «سرین»: buttocks (formal, Dari)
        "غایطه‌ام را کنترل کرده نمی‌توانم",  # Dari: I cannot control my stool
        "ادرارم بدون اینکه بخوام اومده",  # "without my wanting"
        "آلتم کمتر حس داره از وقتی دیسکم زد بیرون",  # "feels less"
        "mese adamaye mast rah miram",  # Finglish: walking like a drunk
        # round 5, one row per family
        "با شیلنگ که میشورم انگار جای یکی دیگه رو میشورم",  # as if washing someone else
        "وسط ادرار کنترلی روش ندارم",  # no control over the stream
        "انگار رو پنبه نشستم، از دیشب اطراف مقعدم",  # sitting on cotton, the saddle further on
        "پنجه پام از دیروز آویزون شده",  # foot drop
        "ببخشید اگه زشته، لای پام هیچی حس نمیکنم",  # a polite "if" is no hypothetical
        # the round's new history and film cues stop at "but since last night" and "I myself"
        "تو جوونی هیچ وقت مشکل نداشتم ولی از دیشب نمیتونم ادرار کنم",
        "تو سریال دیدم چقدر کمر درد بده، من خودم از دیروز پاهام بی حس شده",
    ],
)
def test_an_emergency_sign_of_ones_own(text: str) -> None:
    assert _screen(text) == (ScreenLevel.EMERGENCY, Experiencer.SELF)


@pytest.mark.parametrize(
    "text",
    [
        "مامانم میگه باسنش بی حس شده",  # mum says her bum is numb
        "شوهرم از دیشب نتونسته ادرار کنه",  # my husband couldn't urinate since last night
        "همسرم میگه نمیتونه پاهاشو حس کنه",  # my spouse can't feel their legs
        "برادرم از دیشب نمیتونه پاهاشو تکون بده",  # can't move his legs (legs between)
        "شوهرم میگه انزالش دیگه نمیشه",  # a word between the noun and «نمیشه»
        "شوهرم میگه حس نمیکنه کی باید بره دستشویی",  # he doesn't feel when he needs to go
        "مامانم از دیشب جاشو خیس کرده",  # «جاشو»: whose bed follows the person named
        "پدرم تا راه میره به دیوار میگیره",  # holds on to the wall
        # round 4: in-laws, and soiling or washing said of another adult
        "پدرشوهرم میگه جفت پاهاش لمس شده",  # father-in-law
        "زنداداشم موقع آبدست هیچ حسی نداره",  # sister-in-law, washing after the toilet
        "مادرزنم خودشو خراب کرده و نفهمیده",  # soiled herself without noticing
        "بابام دیشب افتاد چون پاهاش دیگه تحملش رو نداشت",  # legs could not bear him
    ],
)
def test_another_adults_sign_gets_the_advice_for_them(text: str) -> None:
    assert _screen(text) == (ScreenLevel.EMERGENCY, Experiencer.OTHER_ADULT)


@pytest.mark.parametrize(
    "text",
    [
        "تب دارم ۳۸ و نیم و کمرم درد میکنه",  # fever 38.5 (Persian digits)
        "٧٠ سالمه، اولین باره کمرم درد میکنه",  # 70 (Arabic-Indic digits), first back pain
        "حامله ام، ماه پنجم",  # pregnant, fifth month
        "شبا از درد کمر بیدار میشم",  # woken at night by back pain
        "tab daram va kamaram dard mikone",  # Finglish: fever and back pain
        "با استراحت هم درد کمرم هیچ تاثیری نداره",  # rest changes nothing
        "درد کمرم یکسرهست",  # constant («یکسره»)
        "درد کمرم شب و روز نداره",  # knows no night or day (not a negated pain)
        "وزنم داره بی دلیل کم میشه",  # losing weight, a word between
        "۱۶ سالمه، یه هفته است کمرم درد میکنه",  # under 20, new this week
        "۶۵ سالمه، تا حالا کمر درد نداشتم ولی الان درد میکنه",  # never had back pain before
        "تزریقی مصرف دارم و کمرم درد میکنه",  # «مصرف دارم»: drug use
        "bedune rejim 6 kilo vazn kam kardam",  # Finglish "without a diet" is no negation
        "ye ghodde posht e kamaram dar umade ke ghablan nabood",  # «ghablan nabood»: new
        "بی حسی و گزگز دو هفته ست خوب نمیشه و داره بیشتر میشه",  # numbness not settling, spreading
        # round 4, one row per family
        "تنم داغه و کمرم درد گرفته",  # "my body is hot": fever
        "دیروز ماشینمون چپ کرد، کمرم درد میکنه",  # the car rolled over
        "حاملم و کمرم درد میکنه",  # «حاملم»: pregnant
        "داروی ایمونوساپرسیو میخورم، کمرم تازه درد گرفته",  # immune suppression
        # round 5, one row per family
        "شبا سرد و گرمم میشه و کمرم درد میکنه",  # hot-and-cold spells
        "تو حادثه رانندگی ماشینمون چپه شد، کمرم درد میکنه",  # a road accident, rolled over
        "az kamar dard bidar misham har shab",  # Finglish: woken by the pain
        "۱۸ سالمه، از پریروز کمرم درد میکنه، قبلا هیچوقت نداشتم",  # never had it before
        "مادرم ۷۰ ساله است، از دو روز به اینسو کمرش درد می‌کند",  # Dari «به اینسو»: since
        "رژیم نگرفتم ولی ۶ کیلو وزن کم کردم",  # "I did not diet"
    ],
)
def test_a_see_a_doctor_sign(text: str) -> None:
    assert _screen(text)[0] is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        "بی حسی ندارم، فقط درد کمر",  # no numbness (negated after the word)
        "نه تب دارم نه بی حسی",  # neither fever nor numbness
        "هیچ مشکلی در کنترل ادرار و مدفوع ندارم",  # no trouble controlling urine or stool
        "اگه باسنم بی حس بشه باید چیکار کنم؟",  # hypothetical
        "دکترم گفت اگه پاهام بی حس شد برم بیمارستان",  # reported advice
        "بی حسی زین اسبی یعنی چی؟",  # what does saddle numbness mean
        "چند سال پیش پاهام بی حس میشد ولی خوب شد",  # history, resolved
        "پسرم ۴ سالشه هنوز شبا جاشو خیس میکنه",  # a child's bed-wetting
        "سگم پاهای عقبش ضعیف شده",  # a dog's weak back legs
        "پام خواب رفته چون چهارزانو نشسته بودم",  # foot asleep from sitting cross-legged
        "از خنده نزدیک بود خودمو خیس کنم",  # nearly wet myself laughing
        "بعد از اسکات پاهام جون نداره",  # legs weak after squats
        "هنگام عطسه چند قطره ادرار میاد، از بعد زایمان",  # stress leak since childbirth
        # round 2, one row per cause
        "بعد از تمرین بادم در رفت 😂",  # passing wind
        "احتباس ادراری چیه؟",  # what is X
        "بی اختیاری مدفوع چه علتی داره؟",  # what causes X
        "مادرم سرطان داشته، این بیماری ارثیه؟",  # a heredity question
        "برای دیابتم انسولین تزریق میکنم",  # a medicine injected
        "سه سال پیش پاهام بی حس شد ولی الان هیچ مشکلی ندارم",  # «now» that resolves
        "خیلی وقت پیشه که یه بار پاهام بی حس شد",  # long ago
        "وقتی صبح از خواب بیدار میشم کمرم خشکه",  # waking up, no pain waking me
        "با پوشک بچه عوض کردن کمرم درد میگیره",  # a baby's nappy
        "دختر ۵ ساله‌ام شبا جاشو خیس میکنه",  # «ساله‌ام»: a child's age
        "dard kamaram ba in tamrina kheili behtar shode",  # Finglish: not "another language"
        "مرسي",  # thanks with an Arabic ي: not "another language"
        "بعد از دویدن حسابی عرق میکنم",  # sweating from running: no fever
        # round 3, one row per family
        "صبحا یه کم خشکم ولی بعد از ده دقیقه راه میافتم",  # «راه میافتم»: I get going
        "پام بی حس میشد، عمل نکردم و خوب شد، الان فقط برای تقویت ورزش میکنم",  # «الان فقط»
        "دخترم (۸ سالشه) دیشب جاشو خیس کرده",  # a child's bed, her age in brackets
        "از بس با گوشی رو توالت میشینم پاهام خواب میره",  # legs asleep on the toilet
        "دیشب تو تولد خیلی رقصیدم، سرم گیج میرفت و تلو تلو میخوردم",  # dizzy from dancing
        "همسایه سر و صدا میکنه خوابم نمیبره، کمرمم درد میکنه",  # kept awake by noise, not pain
        "موقع حرکات کششی چند ثانیه پام گزگز شد و زود رفت",  # a tingle in a stretch, gone
        "دکترم گفت اگه پاهات بی حس شد یا نتونستی جیش کنی برو اورژانس",  # «نتونستی»: anyone's
        "دستمو به دیوار میگیرم تا کشش ساق انجام بدم",  # a wall for a stretch, not to walk
        "تو حرکت نماز نمیتونم رو پاشنه هام بشینم",  # sitting back on the heels
        # round 4, one row per family
        "فرض کنید یه روز ادرارم بند بیاد، چیکار کنم؟",  # «فرض کنید»: suppose
        "ارتوپدم گفت با بی حسی باسن سریع برم بیمارستان",  # the orthopaedist's advice
        "خرگوشم تعادل نداره",  # a rabbit
        "گربه‌مون نمیتونه دستشویی کنه",  # «گربه‌مون»: our cat
        "چه زمانی بی حسی پا خطرناکه؟",  # "when is … dangerous?"
        "فیزیوتراپیستم پرسید بی حسی لای پا داری یا نه، گفتم نه",  # asked, not told
        "چند ماه پیش یه بار ادرارم نیومد ولی خودش درست شد",  # "it sorted itself out"
        "بعد از عمل سزارین یه مدت سوند داشتم",  # a catheter once, not now
        "پیارسال یه مدت پاهام بی حس میشد",  # two years ago
        "پاهامو رو هم انداختم، خواب رفت",  # legs crossed
        "رفتیم کوه، دوتا پاهام بی جونه",  # after a hike
        "عفونت ادراری دارم و موقع دستشویی میسوزه",  # a urinary infection's burning: no fever
        "بعد پلانک پاهام میلرزه",  # shaking after a plank
        # round 5, one row per family
        "دکترم گفته اگه پاهام ضعیف شد یا جیشم نیومد معطل نکنم",  # "don't wait" advice
        "پسرم ۶ سالشه، میگه پاهام خواب رفته از بس رو زانو نشسته",  # kneeling, a child
        "تو یه فیلم دیدم یارو نمیتونست ادرار کنه",  # a film, "that guy"
        "از بس با گوشی نشستم پاهام خواب رفت",  # sitting long with the phone
        "تو جوونی یه مدت پاهام ضعیف بود، از اون موقع مشکلی ندارم",  # in youth
        "مادربزرگم آخر عمرش پوشک میبست",  # at the end of her life
        "۱۰ سال پیش دیسک کمرمو عمل کردم، الان فقط گاهی کمرم خشکه",  # «الان فقط گاهی»
        "تو سریال دیدم یه نفر بعد تصادف پاهاش حس نداشت",  # a series, "someone"
    ],
)
def test_not_the_emergency_advice(text: str) -> None:
    assert _screen(text)[0] in (ScreenLevel.NONE, ScreenLevel.POSSIBLE)


# Round 6: one row per family the word file gained, read by the word file alone (the shipped
# model was trained on the set these families came from, so it would hide a lexicon's miss).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ران های داخلیم گزگز میکنه",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # the inner thighs, Tehrani plural
        (
            "ran haye dakhelam bi hes shode az sob",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # Finglish inner thighs
        (
            "موقع شستن حسم خیلی کمتر شده",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # a word between the feeling and «less»
        (
            "unjam hesesh yekam kam shode",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # Finglish: the feeling a bit less down there
        ("لای پاهام سره", (ScreenLevel.EMERGENCY, Experiencer.SELF)),  # «سره»: has gone numb
        (
            "پاهام انگار مال من نیستن",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # legs not mine, plural
        (
            "نمیتونم جیش کنم نرماله؟",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # «is it normal that …?» after the sign's own verb
        (
            "نمیفهمم کی جیشم پره طبیعیه؟",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # not noticing when full, asked
        (
            "nemidunam masanam khaliye ya pore",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # Finglish: empty or full, either order
        (
            "mesanam por mishe vali nemifahmam",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # Finglish «mesane»
        (
            "ادرار کرده نمیتانم از دیشب",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # Dari «نمیتانم»: can't
        (
            "ادرارم خودش میاد و حس نمیکنم، قبلا اصلا اینطوری نبودم",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # never like this before: now
        (
            "vaghti jish daram bayad zur bezanam ta shoru beshe, tabiiye?",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # straining until it starts
        (
            "از وقتی کمرم درد گرفته نعوظم رفته",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # the erection gone
        (
            "nauzam kam shode az vaghti kamaram gerefte",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # Finglish: the erection less
        (
            "من مراقب مادربزرگمم، از صبح نتونسته ادرار کنه",
            (ScreenLevel.EMERGENCY, Experiencer.OTHER_ADULT),
        ),  # a carer: «مراقب» is no «watch out»
        (
            "قبلا تزریقی مصرف میکردم، کمرم درد میکنه",
            (ScreenLevel.SEE_DOCTOR, Experiencer.SELF),
        ),  # injecting, said as a way of using
        (
            "deraz ke mikesham badtar mishe dard e kamaram",
            (ScreenLevel.SEE_DOCTOR, Experiencer.SELF),
        ),  # Finglish: worse lying down
        ("درد تا باسنم میره ولی بی حسی هم ندارم", None),  # no numbness either
        ("شنیدم یه خواننده دیسکشو عمل کرده چون پاهاش بی حس شده بود", None),  # heard about a singer
        ("یه سوال علمی: چرا سیاتیک پا رو بی حس میکنه؟", None),  # a science question
        ("یه بار تو اتوبوس پاهام گزگز کرد ولی بعد چند دقیقه رفت", None),  # gone after a few minutes
        ("che konam, dastam gezgez mikone", None),  # «konam» (I do) is no body word
        ("خواهرم حامله بود و کمرش درد میکرد، الان بچش دو سالشه", None),  # a past pregnancy
        (
            "کشالم یعنی همون جایی که رو زین دوچرخه میشینی گزگز میکنه",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # the saddle named to say where, not why
    ],
)
def test_the_word_file_alone_reads_each_family(
    text: str, expected: tuple[ScreenLevel, Experiencer] | None
) -> None:
    _assert_reads(text, expected)


# Round 7: one row per family the word file gained, read by the word file alone.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "امروز سر کلاس خودمو خیس کردم",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # a meeting explains not going, never wetting oneself
        (
            "پاهام یهو وا میده، دیروز نزدیک بود تو پله ها بیفتم",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # nearly falling is no joke
        (
            "نمیتونم جلوی مدفوعمو بگیرم، صبح کار دستم داد",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # «کار دستم داد»: an idiom, not a numb hand
        (
            "az dishab nemitunam jeloye mafuamo negah daram",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # Finglish «mafu», «jeloye»
        (
            "ولی الان نمیتونم ادرار کنم",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # «now I can't» is busy only with «go»
        ("پایین تنم کلا بی حس شده", (ScreenLevel.EMERGENCY, Experiencer.SELF)),  # the lower body
        (
            "payin tanam hes nadare",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # Finglish lower body
        (
            "فکر کنم ناحیه زینی بی حس شده",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # the clinical «saddle»
        (
            "نه فقط با عطسه، همینطوری ادرارم بی اختیار میاد",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # not just when sneezing
        (
            "ادرارم بی خبر میاد از دیروز",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # a leak without warning
        (
            "paham mese pambe shode az sob",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # Finglish legs like cotton
        (
            "paham engar male yeki dige ast",
            (ScreenLevel.EMERGENCY, Experiencer.SELF),
        ),  # Finglish: legs someone else's
        (
            "یکی از شاگردام میگه از دیروز اون پایین بی حس شده",
            (ScreenLevel.EMERGENCY, Experiencer.OTHER_ADULT),
        ),  # one of my students is an adult, not «someone»
        (
            "بابام از صبح نتونسته دستشویی کنه",
            (ScreenLevel.EMERGENCY, Experiencer.OTHER_ADULT),
        ),  # the perfect «hasn't been able to»
        (
            "babam 3 ruze nemitune jish kone",
            (ScreenLevel.EMERGENCY, Experiencer.OTHER_ADULT),
        ),  # «3 ruze» is days, not an age
        (
            "یه قلنبگی پشت کمرم پیدا شده که ماه پیش نبود",
            (ScreenLevel.SEE_DOCTOR, Experiencer.SELF),
        ),  # «wasn't there last month» is no denial
        (
            "kamaram ye tarafesh zade bala, kaj shode",
            (ScreenLevel.SEE_DOCTOR, Experiencer.SELF),
        ),  # Finglish change of shape
        (
            "کمرم درد میکنه نه با استراحت بهتر میشه نه با مسکن",
            (ScreenLevel.SEE_DOCTOR, Experiencer.SELF),
        ),  # neither rest nor painkillers
        (
            "kamar dardam hamishe hast, ye lahze ham vel nemikone",
            (ScreenLevel.SEE_DOCTOR, Experiencer.SELF),
        ),  # Finglish constant pain
        (
            "masraf e tazrighi daram, kamaram dard mikone",
            (ScreenLevel.SEE_DOCTOR, Experiencer.SELF),
        ),  # Finglish injected drugs
        (
            "عمرم ۵۸ سال است، دو هفته می‌شود کمرم درد می‌کند، پیش از این نبود",
            (ScreenLevel.SEE_DOCTOR, Experiencer.SELF),
        ),  # Dari age, new pain
        ("کمرم مثل همیشه درد میکنه، امروز تمرین کنم؟", None),  # «as always» is not constant
        ("تو یه برنامه تلویزیونی درباره بی اختیاری ادرار حرف میزدن", None),  # a TV programme
        (
            "sale 1398 ye moddat nemitunestam jish konam, alan hich moshkeli nadaram",
            None,
        ),  # a past year, resolved
        (
            "سر کار نمیتونم برم دستشویی، تا عصر نگه میدارم",
            None,
        ),  # guard: work still explains not going
        ("کم مونده بود خودمو خیس کنم از خنده", None),  # guard: «nearly», laughing, still no wetting
    ],
)
def test_the_word_file_alone_reads_each_round_7_family(
    text: str, expected: tuple[ScreenLevel, Experiencer] | None
) -> None:
    _assert_reads(text, expected)


_OWN_EMERGENCY = (ScreenLevel.EMERGENCY, Experiencer.SELF)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("از صبح هر کاری میکنم نمیتونم برم دستشویی", _OWN_EMERGENCY),  # can't go to the toilet
        ("nemitunam beram dastshui az ghable zohr", _OWN_EMERGENCY),  # Finglish: the same
        ("هر ۲ تا پام سر شده از دیشب", _OWN_EMERGENCY),  # both legs counted with a digit
        ("har 2 ta pam bi hes shode", _OWN_EMERGENCY),  # Finglish: the same
        ("خواستم از صندلی پاشم پاهام منو نگه نداشت", _OWN_EMERGENCY),  # my legs did not hold me
        (
            "توی کشالم هیچ حسی ندارم",
            _OWN_EMERGENCY,
        ),  # no feeling in my groin (place before the verb)
        ("هیچ حسی توی اون پایینم نیست", _OWN_EMERGENCY),  # no feeling down there, «نیست»
        ("hich hesi tu basanam nadaram", _OWN_EMERGENCY),  # Finglish: no feeling in my bum
        (
            "مثانم پر میشه ولی باید کلی زور بزنم تا کامل خالی شه",
            _OWN_EMERGENCY,
        ),  # straining to empty
        ("پام شل شده، پنجه‌ش آویزون مونده", _OWN_EMERGENCY),  # the front of my foot hangs
        ("از وقتی دیسکم زده بیرون نعوظ کلا پریده", _OWN_EMERGENCY),  # erection gone since the disc
        (
            "موقع شستن خودم انگار یه نفر دیگه حس میکنه",
            _OWN_EMERGENCY,
        ),  # as if someone else feels it
        ("اون پایینمو موقع شستن حس نمیکنم", _OWN_EMERGENCY),  # down there, object form
        (
            "بابام از چند تا پله افتاد و کمرش درد گرفته",
            (ScreenLevel.SEE_DOCTOR, Experiencer.OTHER_ADULT),
        ),  # dad fell down some stairs
        (
            "gholombe ye taze roo poshtam peyda shode",
            (ScreenLevel.SEE_DOCTOR, Experiencer.SELF),
        ),  # Finglish: a new bulge on my back
        (
            "sotoon fagharatam yehoo kaj shode",
            (ScreenLevel.SEE_DOCTOR, Experiencer.SELF),
        ),  # Finglish: my spine has suddenly gone crooked
        ("سر کلاسم و فعلا نمیتونم برم دستشویی", None),  # guard: in class, not retention
        ("فشارم افتاده بود پایین، کمرمم درد میکنه", None),  # guard: blood pressure, no fall
        ("میل جنسیم کلا رفته از بس کمرم درد میکنه", None),  # guard: a lost wish is no sign
        ("اگه هیچ حسی تو پاهام نداشته باشم چی کار کنم؟", None),  # guard: «if»
    ],
)
def test_the_word_file_alone_reads_each_round_8_family(
    text: str, expected: tuple[ScreenLevel, Experiencer] | None
) -> None:
    _assert_reads(text, expected)


_OTHERS_EMERGENCY = (ScreenLevel.EMERGENCY, Experiencer.OTHER_ADULT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("az hafte pish dige nemitunam erection begiram", _OWN_EMERGENCY),  # Finglish: erection
        ("jelooye dastshoye bozorgamo nemitunam begiram", _OWN_EMERGENCY),  # can't hold my stool
        ("dotaye paham bi hes shode az sob", _OWN_EMERGENCY),  # Finglish: the two of my legs
        ("پنجه پامو نمیتونم بالا بکشم از دیروز", _OWN_EMERGENCY),  # the foot's front won't lift
        ("کفشم از پام درمیاد و اصلا متوجه نمیشم", _OWN_EMERGENCY),  # a shoe lost unnoticed
        ("کمرم بهتر شده ولی در عوض پاهام هر دو کرخت شدن", _OWN_EMERGENCY),  # «instead»: now
        ("وقتی عطسه میکنم جیشم میریزه، قبلا اینطوری نبودم", _OWN_EMERGENCY),  # a new leak
        ("پای راستم لمس شده و قدرت نداره، ساعت به ساعت بدتر میشه", _OWN_EMERGENCY),  # hourly
        ("retention daram az dishab", _OWN_EMERGENCY),  # the clinical word in Finglish
        ("noozh nadaram dige az vaghti kamaram gereft", _OWN_EMERGENCY),  # Finglish: no erection
        ("lay e pam hichi hes nemikonam", _OWN_EMERGENCY),  # the ezafe typed apart
        ("بی حسی تو باسنم دارم ولی درد ندارم", _OWN_EMERGENCY),  # «has», the pain denied
        ("پاهام مثل دو تیکه چوب شدن", _OWN_EMERGENCY),  # like two pieces of wood
        ("موقع راه رفتن پاهام به هم میپیچه", _OWN_EMERGENCY),  # legs tangle when walking
        ("سوالم اینه که باسنم از دیروز بی حس شده خطرناکه؟", _OWN_EMERGENCY),  # «my» question
        ("paye rastam vaznamo tahamol nemikone", _OWN_EMERGENCY),  # Finglish: won't bear weight
        ("پای چپم داره قدرتشو از دست میده", _OWN_EMERGENCY),  # losing its strength
        ("از صبح دستشویی نرفتم و حسشم ندارم", _OWN_EMERGENCY),  # no urge either
        ("shalvaram kasif shode, nafahmidam kei", _OWN_EMERGENCY),  # Finglish: soiled, unnoticed
        ("سل دارم و کمرم درد میکنه", (ScreenLevel.SEE_DOCTOR, Experiencer.SELF)),  # tuberculosis
        ("پایهایم سست شده و قوت ندارد", _OWN_EMERGENCY),  # Dari: my legs, no strength
        ("تشناب رفته نمیتوانم از دیشب", _OWN_EMERGENCY),  # Dari: I cannot go to the toilet
        ("پای چپم قوت ندارد و روز به روز بدتر میشود", _OWN_EMERGENCY),  # Dari: one leg weakening
        ("امروز مهمان داریم، تشناب رفته نمیتوانم چون مصروفم", None),  # guard: Dari, busy
        ("bachem shaba jasho khis mikone", None),  # guard: Finglish «my child» wets the bed
        ("hichvaght moshkele edrar nadashtam", None),  # guard: never had a bladder problem
        ("شوهرم نمیفهمه روی چی نشسته، میگه زیرش بی حسه", _OTHERS_EMERGENCY),  # what he sits on
        ("خودم نه، خانمم هر دو پاش بی حس شده", _OTHERS_EMERGENCY),  # «not me» is no negation
        ("babam kontrole jishesh ro nadare az dirooz", _OTHERS_EMERGENCY),  # Finglish: his control
        ("مامانم امروز دوبار پاهاش خم شد و خورد زمین", _OTHERS_EMERGENCY),  # buckled
        (
            "مادربزرگم بدون اینکه زیر بغلشو بگیریم نمیتونه راه بره، از دیروز اینجوری شده",
            _OTHERS_EMERGENCY,
        ),  # held up under the arm to walk
        (
            "dadasham paye rastesho nemitune tekoon bede, saat be saat badtar mishe",
            _OTHERS_EMERGENCY,
        ),  # Finglish: can't move one leg, worse by the hour
        (
            "پدربزرگم رو ماشین زیرش گرفت و کمرش درد میکنه",
            (ScreenLevel.SEE_DOCTOR, Experiencer.OTHER_ADULT),
        ),  # run over by a car
        (
            "خواهرم بارداره و از کمردرد شکایت داره",
            (ScreenLevel.SEE_DOCTOR, Experiencer.OTHER_ADULT),
        ),  # her pregnancy with her own back pain
        ("halam kharabe va kamaram dard mikone", (ScreenLevel.SEE_DOCTOR, Experiencer.SELF)),
        ("۱۷ سالمه، از سه روز پیش کمرم درد میکنه", (ScreenLevel.SEE_DOCTOR, Experiencer.SELF)),
        ("خم شدم کفش بپوشم کمرم گرفت", None),  # guard: bending over is no buckling
        ("زانوهام خم شد تا وزنه رو بلند کنم", None),  # guard: knees bent to lift
        ("دمپایی از پام درمیاد چون گشاده", None),  # guard: a loose slipper, felt
        ("عطسه میکنم یه کم ادرار میاد، از زایمان اینطوریم", None),  # guard: since childbirth
        ("بی حسی باسن یعنی باید بری اورژانس؟", None),  # guard: what a term means
        ("بی حسی ناحیه زینی که میگن منظور کجاست؟", None),  # guard: which place is meant
        ("دکترم گفت اگه پاهات ضعیف شد یا ادرارت قطع شد سریع برو اورژانس", None),  # advice
        ("زیاد رو صندلی نشستم باسنم خواب رفته", None),  # guard: long on a chair
        ("تو رانندگی باسنم بی حس میشه، پیاده میشم خوب میشه", None),  # guard: gone on getting out
        ("بی حسی تو پاهام ندارم، فقط کمرم", None),  # guard: no numbness, the place between
        ("مشکل نعوظ ندارم فقط کمرم درد میکنه", None),  # guard: no problem with erections
        ("moshkele kontrole edrar nadaram", None),  # guard: the same of bladder control
        ("بی اختیاری ادرار با بی اختیاری مدفوع چه فرقی داره؟", None),  # guard: the difference
        ("روده هام به هم میپیچه از گرسنگی", None),  # guard: a hungry cramp, not legs
        ("بعد از کوه پاهام مثل چوب شده، خشک خشکه", None),  # guard: after a hike
        ("موقع پریود پاهام سنگین میشه", None),  # guard: heavy legs with a period
        ("تو مسابقه نیمه ماراتن دویدم پاهام جون نداره", None),  # guard: after a race
        ("مادرم سالهاست بی اختیاری ادرار داره، دکترش میدونه", None),  # guard: long known
        ("سوالم اینه که بی حسی باسن خطرناکه؟", None),  # guard: a question about a term
        ("شلوارم کثیف شده از گل", None),  # guard: mud, not soiling
        ("گوشیم از دستم افتاد و شکست", None),  # guard: a phone dropped is no fall
        ("yeki az dustam mige pahash bi hes mishe vaghti ziad mishine", None),  # guard: sitting
    ],
)
def test_the_word_file_alone_reads_each_round_9_family(
    text: str, expected: tuple[ScreenLevel, Experiencer] | None
) -> None:
    _assert_reads(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("پاهاش دیگه فرمون نمیبره و هی میفته زمین، از دیروز", _OTHERS_EMERGENCY),  # won't obey
        ("بابام پاشو رو زمین میکشه، از پریروز اینجوری شده", _OTHERS_EMERGENCY),  # foot dragged
        ("هم‌اتاقیم میگه از دیشب نمیتونه ادرار کنه", _OTHERS_EMERGENCY),  # a roommate
        ("از پریروز ادرارم سرخود میاد", _OWN_EMERGENCY),  # urine that comes unannounced
        ("adraram az dirooz bi khabar miad", _OWN_EMERGENCY),  # Finglish, «adrar» for «edrar»
        ("az sob hamash khis misham, nemidoonam chera", _OWN_EMERGENCY),  # Finglish: wetting
        ("babam mige az dishab payin tanash bi hes shode", _OTHERS_EMERGENCY),  # «payin tan»
        ("کمردردم دیگه خوب شده ولی حالا نمیتونم جیشمو نگه دارم", _OWN_EMERGENCY),  # «but now»
        ("گمون نکنم چیز خاصی باشه لای پاهام بی حس شده", _OWN_EMERGENCY),  # a hedge minimises
        (
            "مامانم از دیروز ادرارش بی اختیار میریزه، قبلا همچین مشکلی نداشت",
            _OTHERS_EMERGENCY,
        ),  # never had such a problem before: new, not history
        ("ماشین از پشت زد به ماشینم و کمرم درد گرفته", (ScreenLevel.SEE_DOCTOR, Experiencer.SELF)),
        (
            "paye chapam suz suz mikone va ruz be ruz bishtar bi hes mishe",
            (ScreenLevel.SEE_DOCTOR, Experiencer.SELF),
        ),  # a burning prickle in one leg, numbing more by the day
        ("bedune regim 5 kilo vazn kam kardam", (ScreenLevel.SEE_DOCTOR, Experiencer.SELF)),
        (
            "مامانم از پشت بوم افتاده پایین، کمرش درد میکنه",
            (ScreenLevel.SEE_DOCTOR, Experiencer.OTHER_ADULT),
        ),  # fallen down from somewhere, the place between
        ("قندم افتاده پایین، کمرم هم درد میکنه", None),  # guard: sugar dropped is no fall
        ("شکمم مثل حامله ها جلو اومده از بس کمرمو قوس میدم", None),  # guard: a look
        ("بی حسی باسن چیه دقیقا؟", None),  # guard: what a term is
        ("سال ۸۹ یه بار ادرارم بند اومد، دیگه هیچوقت پیش نیومد", None),  # guard: a dated past
        ("فکر نکنم مشکل ادراری داشته باشم، همه چی خوبه", None),  # guard: a hedged denial
        ("تو جلسه‌ام نمیتونم برم دستشویی، بعد از جلسه تمرین میکنم", None),  # guard: a meeting
        ("سه ساعته تو قطارم دستشویی نرفتم", None),  # guard: on a train
        ("پشت فرمونم نمیتونم برم دستشویی", None),  # guard: at the wheel
        ("پارسال یه مدت نمیتونستم ادرار کنم، حالا دیگه خوبم", None),  # guard: «now fine»
        ("نمیتونم زیاد سر پا بمونم چون میخچه دارم", None),  # guard: a corn on the foot
        ("dar surati ke edraram bi ekhtiar biad chi kar konam?", None),  # guard: «in case»
    ],
)
def test_the_word_file_alone_reads_each_round_10_family(
    text: str, expected: tuple[ScreenLevel, Experiencer] | None
) -> None:
    _assert_reads(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بین دو تا رونم سوزن سوزن میشه از دیروز", _OWN_EMERGENCY),  # count inside «between»
        ("laye do ta runam gez gez mikone", _OWN_EMERGENCY),  # the same in Finglish
        ("بی حسی باسن یعنی دقیقا کجای بدن؟", None),  # guard: «exactly where» after a term
        ("نوشته بود «بی اختیاری ادرار»، این یعنی دقیقا چی؟", None),  # guard: «this means what»
        ("از دیروز نوک پای راستم میفته، راه رفتنم عوض شده", _OWN_EMERGENCY),  # tip of foot drops
        ("pam mikhore zamin, nuke pam bala nemiad", _OWN_EMERGENCY),  # the same in Finglish
        ("از دیشب موقع راه رفتن تلوتلو میخورم، گیج نمیرم", _OWN_EMERGENCY),  # dizziness denied
        ("سرم گیج میره و موقع راه رفتن تلو تلو میخورم", None),  # guard: dizziness explains it
        ("az sob har do ta pahaam kerekht shode", _OWN_EMERGENCY),  # Finglish «karakht»
        ("توان اندامهای تحتانیم از پریروز افت کرده", _OWN_EMERGENCY),  # clinical lower limbs
        ("بابام میگه پاش بی حس شده، جفتش", _OTHERS_EMERGENCY),  # «both of them» after the leg
        ("بعد از باشگاه زور پاهام کم شده", None),  # guard: after the gym
        ("kontorole edraram az dastam rafte az dirooz", _OWN_EMERGENCY),  # «kontorol» spelling
        ("از صبح پاهام منو نمیکشه، به زور راه میرم", _OWN_EMERGENCY),  # legs will not carry
        ("پاهام تیر نمیکشه، فقط کمرم گرفته", None),  # guard: no shooting pain
        (
            "کمرم هیچ وضعیتی آرومش نمیکنه، درد داره",
            (ScreenLevel.SEE_DOCTOR, Experiencer.SELF),
        ),  # no position eases it
        (
            "دیروز یه ماشین از پشت بهم زد، کمرم درد میکنه",
            (ScreenLevel.SEE_DOCTOR, Experiencer.SELF),
        ),  # hit by a car «بهم»
        (
            "دیشب دوباره از کمردرد بیدار شدم",
            (ScreenLevel.SEE_DOCTOR, Experiencer.SELF),
        ),  # woken by the back named inside
        ("قرص جلوگیری از بارداری کمردرد میاره؟", None),  # guard: contraception
        ("shoharam mige vaghti baham hastim bi hes shode", _OTHERS_EMERGENCY),  # «together»
        ("کنترل ادرارم دست خودمه، فقط کمرم درد میکنه", None),  # guard: control in my hands
        ("nemitunam ba pa ye rastam feshar biaram, har ruz badtar mishe", _OWN_EMERGENCY),  # press
        ("نمیتونم به پام فشار بیارم چون درد داره", None),  # guard: pain, not worse each day
    ],
)
def test_the_word_file_alone_reads_each_round_11_family(
    text: str, expected: tuple[ScreenLevel, Experiencer] | None
) -> None:
    _assert_reads(text, expected)


_OWN_DOCTOR = (ScreenLevel.SEE_DOCTOR, Experiencer.SELF)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مطمئن نیستم لازمه یا نه، دو سال پیش شیمی درمانی کردم، الان کمرم درد میکنه", _OWN_DOCTOR),
        ("نمیدونم درسته یا نه ولی از دیروز نمیتونم ادرار کنم", _OWN_EMERGENCY),  # «or not»
        ("tu khabara neshun dad ye piremard nemitunest jish kone", None),  # the news, Finglish
        ("دیشب تو خبرها گفتن یه راننده پاهاش فلج شده", None),  # «in the news» plural
        ("خبر بد اینکه از دیروز نمیتونم ادرار کنم", _OWN_EMERGENCY),  # guard: "bad news" is mine
        ("سندرم دم اسب که میگن همون بی حسی باسنه؟", None),  # "… that they talk of, the same as?"
        ("باسنم بی حس شده که میگن همون زین اسبیه؟", _OWN_EMERGENCY),  # guard: "my" before it
        ("har vaght paham bi hes shod behetun khabar midam", None),  # "once it happens I'll tell"
        ("از دیروز نمیتونم ادرار کنم بهتون خبر میدم", _OWN_EMERGENCY),  # guard: telling you now
        ("دیشب تو حموم زانوم تا شد و خوردم زمین", _OWN_EMERGENCY),  # a knee folds (singular)
        ("zanuham ta shod tu kuche", _OWN_EMERGENCY),  # the same in Finglish
        ("زانوم رو تا کردم درد گرفت", None),  # guard: bending the knee oneself
        ("paye rastam har ruz badtar mishe, pam be pele gir kard", _OWN_EMERGENCY),  # foot catches
        ("پای راستم ساعت به ساعت ضعیف تر میشه، دو بار زمین خوردم", _OWN_EMERGENCY),  # weaker, falls
        ("پام پیچ خورد افتادم، هر روز بدتر میشه", _OWN_DOCTOR),  # guard: a sprain, no weakness
        ("طبیعیه که وقتی نیاز به دستشویی دارم حسش نمیکنم؟", _OWN_EMERGENCY),  # "I don't feel it"
        ("tu dastshui nemidunam umad ya na", _OWN_EMERGENCY),  # not knowing whether it came
        ("حس پر شدن مثانمو ندارم از دیشب", _OWN_EMERGENCY),  # no feeling of a full bladder
        ("تو دستشویی میفهمم مثانم پره", None),  # guard: the feeling is there
        ("سابقه بیماری خاصی ندارم، از دیروز پاهام بی حس شده", _OWN_EMERGENCY),  # history denied
        ("sabeghe saratan nadaram, faghat az dishab nemitunam jish konam", _OWN_EMERGENCY),
        ("سابقه دیسک دارم، چند سال پیش یه بار باسنم بی حس شد", None),  # guard: a past told
        ("ممکنه آدم نتونه ادرار کنه؟ منم الان همین حالم", _OWN_EMERGENCY),  # "I'm in that state"
        ("mage mishe adam nafahme kei dastshui dare? manam haminjurim", _OWN_EMERGENCY),
        ("ممکنه آدم نتونه ادرار کنه؟ آخه من پرستارم", None),  # guard: "because I'm a nurse"
        ("وقتی همسرم اونجامو لمس میکنه هیچی حس نمیکنم", ScreenLevel.EMERGENCY),  # a touch there
        ("vaqti shoharam dast mizane be unjam hes nadaram", ScreenLevel.EMERGENCY),  # Finglish
        ("وقتی دست میزنه اونجا گرمه", None),  # guard: no feeling lost
        ("جیش که میکنم نمیسوزه نه، اصلا هیچ حسی ندارم", _OWN_EMERGENCY),  # no feeling peeing
        (
            "nemitunam dige ba pa ye rastam pedal e tormoz ro kamel feshar bedam, "
            "har ruz bad tar mishe",
            _OWN_EMERGENCY,
        ),  # the pedal named between
        ("nemitunam pedal e docharkhe ro ba paham feshar bedam chon khaste am", None),  # tired
        ("از دیروز مردونگیم دیگه کار نمیکنه", _OWN_EMERGENCY),  # "manhood doesn't work"
        ("alatam dige kar nemikone az vaghti kamaram gereft", _OWN_EMERGENCY),  # Finglish
        ("چند ساله مردونگیم کار نمیکنه، دکترم میدونه", None),  # guard: for years
        ("bi hesi e basan ba gez gez e pa farghi dare?", None),  # "is there a difference"
        ("باسنم بی حس شده با گزگز معمولی فرق داره", _OWN_EMERGENCY),  # guard: "my" before it
        ("تو روزنامه یه راننده پاهاش فلج شده بود", None),  # the newspaper
        ("ممکنه آدم نتونه ادرار کنه؟ منم همین مشکلو دارم", _OWN_EMERGENCY),  # "the same problem"
        ("نه تب دارم نه سابقه سرطان دارم، از دیروز باسنم بی حس شده", _OWN_EMERGENCY),  # nor history
    ],
)
def test_the_word_file_alone_reads_each_round_12_family(
    text: str, expected: tuple[ScreenLevel, Experiencer] | ScreenLevel | None
) -> None:
    _assert_reads(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("az parirooz hich hessi tu paham nadaram", _OWN_EMERGENCY),  # a doubled consonant
        ("ettefaghan dirooz ye hess e ajibi dashtam, kollan khubam", None),  # guard: nothing lost
        ("وقتی با شوهرم هستم دیگه اونجا هیچ حسی ندارم", _OWN_EMERGENCY),  # with the partner
        ("moghei ke ba zanam hastam unja hes nadaram", _OWN_EMERGENCY),  # the same in Finglish
        ("با همسرم که هستم کمرم درد میگیره", None),  # guard: pain, no feeling lost
        ("az sobh nemitunam dafe konam hesesh ham nemikonam", _OWN_EMERGENCY),  # «دفع», Finglish
        ("az dishab nemitunam dafe konam", _OWN_EMERGENCY),  # the same in Finglish
        ("سنگ کلیه دارم، هنوز نتونستم دفعش کنم", None),  # guard: a kidney stone to pass
        ("sange koliam ro nemitunam dafe konam", None),  # the same in Finglish
        ("مامانم پا هاشو حس نمیکنه، هر دوشو", _OTHERS_EMERGENCY),  # plural typed apart, «both»
        ("payam az dishab mesle chub shode, har dotasho", _OWN_EMERGENCY),  # Finglish «payam»
        ("پاهای پدرم از صبح لخت شده", _OTHERS_EMERGENCY),  # «لَخت»: limp legs
        ("امروز پاهام همراهی نکرد، به زور پا شدم", _OWN_EMERGENCY),  # legs that did not go along
        ("شوهرم دیگه نمیتونه جلوی دستشوییشو بگیره", _OTHERS_EMERGENCY),  # can't hold it back
        ("khanumam nemitune jelo dastshuiesh ro begire", _OTHERS_EMERGENCY),  # Finglish
        ("نمیتونم جلوی خودمو بگیرم، همش شیرینی میخورم", None),  # guard: holding oneself back
        ("پنج سال پیش پاهام بی حس شد، از اون به بعد هیچ مشکلی نداشتم", None),  # resolved since
        ("chand sal pish nemitunestam jish konam, az un moghe moshkeli nadashtam", None),  # since
        (
            "دو سال پیش پاهام بی حس شد، بعدش مشکلی نداشتم ولی از دیروز دوباره بی حس شده",
            _OWN_EMERGENCY,
        ),  # guard: back again now
        ("از صبح نمیتونم شصت پامو بالا بیارم", _OWN_EMERGENCY),  # the big toe does not come up
        ("nemitunam mochamo bala biaram az dirooz", _OWN_EMERGENCY),  # the ankle, Finglish
        ("از دیشب نمیتونم رو پای چپم وایسم", _OWN_EMERGENCY),  # standing on one named leg
        ("پام پیچ خورد نمیتونم رو پام وایسم", None),  # guard: a sprain explains it
        ("نمیتونم رو یه پا وایسم تو تمرین تعادل", None),  # guard: the balance exercise
        ("پای چپم از دیروز زورش رفته", _OWN_EMERGENCY),  # its strength gone
        ("az dirooz nemitunam paham ro az zamin boland konam", _OWN_EMERGENCY),  # off the ground
        ("نمیتونم پاهامو بلند کنم چون کمرم درد میکنه", None),  # guard: not off the ground, pain
        ("از دیشب مقعدم سره و کمرم درد میکنه", _OWN_EMERGENCY),  # «سره» after a saddle word
        ("mamanam migeh neshimangahesh sare", _OTHERS_EMERGENCY),  # his/her form, Finglish
        ("az sobh kashale pam ye juri bi hese", _OWN_EMERGENCY),  # Finglish groin, sh typed s
        ("پاهام هر دوتاش یهو خم میشن", _OWN_EMERGENCY),  # legs that buckle
        ("نمیتونم پاهامو درست رو زمین بذارم از دیروز", _OWN_EMERGENCY),  # feet put down
        ("وقتی خم میشم پاهام درد میگیره", None),  # guard: bending over
        ("ممکنه آدم نتونه ادرار کنه؟ آخه منم از دیروز نمیتونم", _OWN_EMERGENCY),  # "because I"
        ("mage mishe adam natune jish kone? chon khodam alan haminjurim", _OWN_EMERGENCY),
        ("بنا ام، شبا کمرم درد میکنه ولی صبحا بهتر میشه", None),  # fine by the morning
        ("شبا کمرم درد میکنه و هیچ جوره آروم نمیشه", _OWN_DOCTOR),  # guard: does not ease
        ("موقع پاک کردن با دستمال این سمتش حس میکنم اون سمتش نه", _OWN_EMERGENCY),  # one side felt
        ("basanam ye tarafesh hes dare un tarafesh nadare", _OWN_EMERGENCY),  # Finglish
    ],
)
def test_the_word_file_alone_reads_each_round_14_family(
    text: str, expected: tuple[ScreenLevel, Experiencer] | None
) -> None:
    _assert_reads(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("دخترم هفت سالشه، هنوز شبا خودشو خیس میکنه", None),  # a child's age in words
        ("پسر پنج ساله م از دیروز نمیتونه جیش کنه", None),  # kin word, then «N ساله»
        ("nave am se salesh hanuz pushak mibande", None),  # the same in Finglish
        ("سه ساله کمرم درد میکنه ولی از دیروز پاهام بی حس شده", _OWN_EMERGENCY),  # guard: N years
        ("گوسفندم از صبح پاهاش فلج شده", None),  # a farm animal
        ("gavemun az dirooz nemitune paasho tekun bede", None),  # the same in Finglish
        ("از اسب افتادم از دیروز پاهام بی حس شده", _OWN_EMERGENCY),  # guard: fell off a horse
        ("کاراکترم تو گیم پاهاش فلج شد", None),  # a game's character
        ("az dishab har do paham ser shode", _OWN_EMERGENCY),  # «سِر» typed ser or sor
        ("dirooz paham sor shode bud, alan khubam", None),  # guard: gone now
        ("paham joftesh bi hes shode", _OWN_EMERGENCY),  # «as a pair»
        ("babam az dishab shash nakarde", _OTHERS_EMERGENCY),  # the coarse word, Finglish
        ("moghadam az sobh ye juri sor shode", _OWN_EMERGENCY),  # «مقعدم» typed with o
        ("paye rastam roz be roz zaeftar mishe", _OWN_EMERGENCY),  # «ضعیف» typed with e
        ("dastam zaef shode az dirooz", None),  # guard: an arm
        ("از دیشب از کمر به پایین لمس و سنگین شدم", _OWN_EMERGENCY),  # the whole lower body
        ("درد از کمر به پایین تا پشت رونم تیر میکشه", None),  # guard: pain that shoots down
        ("بابام از صبح نمیتونه پاشنه پاشو بلند کنه", _OTHERS_EMERGENCY),  # the heel, not lifted
        ("خار پاشنه دارم نمیتونم پاشنه مو بلند کنم", None),  # guard: a heel spur
        ("تعادلم از دیشب کامل بهم خورده", _OWN_EMERGENCY),  # balance lost, words between
        ("تعادل روحیم این روزا بهم ریخته", None),  # guard: the mind's balance
        ("قضای حاجت که میکنم متوجه نمیشم کی خارج میشه", _OWN_EMERGENCY),  # the formal words
        ("اگر اشتباه نکنم از دیروز هیچ حسی لای پام ندارم", _OWN_EMERGENCY),  # a hedge, not an «if»
        ("اگه لای پام بی حس بشه چیکار کنم؟", None),  # guard: a real «if»
        ("از دیشب نتونستم جیش کنم فقط چند قطره میاد", _OWN_EMERGENCY),  # «couldn't», 1st person
        ("شوهرم از صبح نتونست دستشویی کنه", _OTHERS_EMERGENCY),  # 3rd person past
        ("تو اتوبوس بودم نتونستم دستشویی برم", None),  # guard: away from a toilet
        ("هر دو پام بی حس شده، نمیدونم از خستگیه یا چی", _OWN_EMERGENCY),  # a doubted cause
        ("بیخودی دارم لاغر میشم", _OWN_DOCTOR),  # slimming, present continuous
        ("بدون رژیم و ورزش لاغر شدم", _OWN_DOCTOR),  # a diet denied
        ("ورزش میکنم دارم لاغر میشم", None),  # guard: on purpose
        ("az dirooz paham lagh mizane", _OWN_EMERGENCY),  # legs loose, Finglish
        ("دندونم لق شده", None),  # guard: a tooth
        ("موقع آبدست انگار پای کس دیگه رو میشورم", _OWN_EMERGENCY),  # someone else's leg
        ("پای یکی دیگه رو لگد کردم تو اتوبوس", None),  # guard: no feeling word, nothing clear
        ("باسنم از دیشب بی حس شده، موتور سوار نشدم ها", _OWN_EMERGENCY),  # a ride denied
        ("دو ساعت دوچرخه سواری کردم نشیمنگاهم بی حس شده", None),  # guard: the ride explains it
        ("کونم بی حس شده، دوچرخه هم سوار نشدم", _OWN_EMERGENCY),  # a ride denied, «either»
    ],
)
def test_the_word_file_alone_reads_each_round_16_family(
    text: str, expected: tuple[ScreenLevel, Experiencer] | None
) -> None:
    _assert_reads(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("باسنم هیچی حس نمیکنه عادیه؟", _OWN_EMERGENCY),  # "feels nothing, normal?": a question
        ("وقتی جیش میکنم حس نمیکنم نرماله", _OWN_EMERGENCY),  # the same, no question mark
        ("نه تب دارم نه سرفه فقط دو روزه نمیتونم جیش کنم", _OWN_EMERGENCY),  # «only» ends a denial
        ("na tab daram na dard faghat nemitunam edrar konam", _OWN_EMERGENCY),  # Finglish «only»
        ("نه تب دارم نه لرز تنها چیزی که هست نمیتونم ادرار کنم", _OWN_EMERGENCY),  # «تنها»
        ("اصلا بی حسی ندارم فقط کمرم درد میکنه", None),  # guard: «only» after the denial
        ("از پریروز بدون عصا نمیتونم راه برم", _OWN_EMERGENCY),  # without a stick
        ("دیگه نمیتونم بدون گرفتن نرده از پله برم", _OWN_EMERGENCY),  # without the railing
        ("bedune komak nemitunam rah beram", _OWN_EMERGENCY),  # Finglish, without help
        ("خداروشکر الان بدون عصا راه میرم", None),  # guard: walking without one
        ("بدون گرم کردن نمیتونم راه برم", None),  # guard: no support named
        ("از صبح هیچ احساسی وسط پاهام ندارم", _OWN_EMERGENCY),  # between the legs
        ("hich ehsasi laye paham nadaram", _OWN_EMERGENCY),  # the same in Finglish
        ("زنم میگه دیشب که با هم بودیم هیچ حسی نداشته", _OTHERS_EMERGENCY),  # «together», past
        ("az dishab dige noaz nadaram", _OWN_EMERGENCY),  # Finglish «نعوظ» spelled noaz
        ("مامانم میگه از صبح پایینش بی حس شده", _OTHERS_EMERGENCY),  # «her down there»
        ("پاهام از زانو به پایین انگار خوابن", _OWN_EMERGENCY),  # "as if asleep", present
        ("بچم انگار خوابه", None),  # guard: a child asleep
        ("رو توالت که میشینم کاسه توالتو حس نمیکنم", _OWN_EMERGENCY),  # the seat not felt
        ("مادرم میگه زیرشو دیگه حس نمیکنه", _OTHERS_EMERGENCY),  # what is under her
        ("dige sandali ro hes nemikonam vaghti mishinam", _OWN_EMERGENCY),  # Finglish
        ("صندلی رو جابجا کردم کمرم گرفت", None),  # guard: a chair moved
        ("خیلیا بعد عمل دیسک نمیتونن ادرار کنن", None),  # "many people": in general
        ("bazia bi ekhtiari edrar daran?", None),  # "some people", Finglish
        ("بعضی وقتا از دیروز نمیتونم ادرار کنم", _OWN_EMERGENCY),  # guard: «sometimes» is no person
        ("زانوهام یکدفعه ول شد نشستم زمین", _OWN_EMERGENCY),  # knees went slack
        ("paham yehu vel shodan oftadam", _OWN_EMERGENCY),  # the same in Finglish
        ("کارم ول شد پاهام درد میکنه از بس راه رفتم", None),  # guard: a job let go
        ("سلام خسته نباشید پاهام هردوش سست شده", _OWN_EMERGENCY),  # a greeting, no tiredness
        ("khaste nabashid doctor, paham sost shode", _OWN_EMERGENCY),  # the same in Finglish
        ("خیلی خسته ام پاهام سست شده", None),  # guard: real tiredness
        ("چرا خیلیا با کمردرد بی اختیاری میگیرن؟", None),  # "why do many people …?"
        ("chera bazia bad az amal nemitunan edrar konan?", None),  # the same in Finglish
        ("چرا از دیروز نمیتونم ادرار کنم؟", _OWN_EMERGENCY),  # guard: "why can't I"
    ],
)
def test_the_word_file_alone_reads_each_round_18_family(
    text: str, expected: tuple[ScreenLevel, Experiencer] | None
) -> None:
    _assert_reads(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ضعف پا یا مشکل مثانه ندارم خداروشکر", None),  # a denied list: every item
        ("hich moshkel edrari ya bi hesi nadashtam", None),  # the same in Finglish, past
        ("مشکل مثانه ندارم ولی از دیروز پاهام بی حس شده", _OWN_EMERGENCY),  # guard: a sign after
        ("عموش نمیتونه ادرار کنه", _OTHERS_EMERGENCY),  # his uncle: another adult
        ("خواهرش بارداره", None),  # her sister's pregnancy is news
        ("یعنی ممکنه بعدا منم نتونم ادرار کنم؟", None),  # "could I later …?": a hypothetical
        ("momkene badan bi ekhtiari begiram?", None),  # the same in Finglish
        ("از دیروز نمیتونم ادرار کنم، ممکنه بعدا بدتر بشه؟", _OWN_EMERGENCY),  # guard: now first
        ("paham mal khodam nist az dishab", _OWN_EMERGENCY),  # legs not mine, Finglish
        ("از صبح جایی که روش میشینی گزگز میکنه", _OWN_EMERGENCY),  # the place one sits on
        ("وقتی رو زین دوچرخه میشینم بی حس میشه", None),  # guard: a ride is a reason
        ("سیالیس دیگه برام جواب نمیده از وقتی کمرم گرفته", _OWN_EMERGENCY),  # the pill fails
        ("شنیدم ویاگرا روی کمردرد اثر نداره", None),  # guard: a claim about the pill
        ("noozam kolan az bein rafte", _OWN_EMERGENCY),  # erection «destroyed, gone»
        ("runam az dakhel gozgoz mikone", _OWN_EMERGENCY),  # inner thigh: saddle skin
        ("داخل رونم از باشگاه درد میکنه", None),  # guard: a sore inner thigh
        ("هر دوتاش یهو ول شد نشستم زمین", _OWN_EMERGENCY),  # both of them let go
        ("zire paham khali mishe az dishab", _OWN_EMERGENCY),  # legs «go empty», Finglish
        ("khis kardam khodamo tu otobus", _OWN_EMERGENCY),  # wet myself, verb first
        ("از خنده خیس کردم خودمو", None),  # guard: from laughing
        ("پنجه چپم از دیروز بالا نمیاد", _OWN_EMERGENCY),  # foot drop named by its side
        ("مامانم میگه سر پاش میکوبه زمین وقتی راه میره", _OTHERS_EMERGENCY),  # foot slap
        ("hich ehsasi hengame sex nadaram az hafte pish", _OWN_EMERGENCY),  # no feeling in sex
        ("موقع رابطه هیچ مشکلی ندارم", None),  # guard: no trouble in sex
        ("زور میزنم ولی جریانش ضعیفه از دیروز", _OWN_EMERGENCY),  # straining, weak stream
        ("زور میزنم جریانش ضعیفه از قدیم پروستات دارم", None),  # guard: an old prostate
        ("nesheminam az dishab bi hes shode", _OWN_EMERGENCY),  # «نشیمن» typed with e
        ("مادرم کنترول ادرارشو نداره از دیروز", _OTHERS_EMERGENCY),  # the Dari «کنترول»
        ("az hafte pish neoz nemisham", _OWN_EMERGENCY),  # «نعوظ» typed neoz
        ("دو ساعته میخوام جیش کنم نمیشه", _OWN_EMERGENCY),  # trying, «it won't happen»
        ("میخوام ادرار کنم نمیشه چون تو جلسه ام", None),  # guard: in a meeting
        ("انگار کیسه سیمان به پاهام بستن", _OWN_EMERGENCY),  # sandbags tied to the legs
        (
            "mamanam ghablan migoft kamaresh dard mikone, hala mige nemitune jish kone",
            _OTHERS_EMERGENCY,
        ),
        ("قبلا نمیتونستم ادرار کنم حالا خوبم", None),  # guard: now fine
        ("tutiam az ghafas oftad paein pash shekaste", None),  # a parrot's fall
        (
            "az nardebun parat shodam dirooz",
            (ScreenLevel.SEE_DOCTOR, Experiencer.SELF),
        ),  # thrown off
        ("az khastegi parat shodam ru kanape", None),  # guard: flopped onto the sofa
        ("یه طرف کمرم برجسته تر شده از ماه پیش", (ScreenLevel.SEE_DOCTOR, Experiencer.SELF)),
        ("رگای کمرم برجسته شده از ورزش", None),  # guard: veins standing out
    ],
)
def test_the_word_file_alone_reads_each_round_20_family(
    text: str, expected: tuple[ScreenLevel, Experiencer] | None
) -> None:
    _assert_reads(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("کف پاهام هردوتاش لمس از صبح", _OWN_EMERGENCY),  # «لمس» alone, the verb dropped
        ("pahash lams az dishab", _OTHERS_EMERGENCY),  # the same in Finglish, his legs
        ("دکتر پاهامو لمس کرد گفت چیزی نیست", None),  # guard: «لمس» as "touch"
        ("با لمس کمرم درد میگیره", None),  # guard: "when touched"
        ("نه سرفه کردم نه عطسه، یهو دیدم شلوارم خیس شده", _OWN_EMERGENCY),  # a denied cause
        ("atse ke na, hamintori xis shodam", _OWN_EMERGENCY),  # the same in Finglish
        ("زیر دوش خیس شدم سرما خوردم", None),  # guard: the shower wets
        ("موقع عطسه خیس میشم از بعد زایمان", None),  # guard: a sneeze, since childbirth
        ("az hafte pish sheqam nemishe", _OWN_EMERGENCY),  # «شق» with its suffix, Finglish
        ("shoharam mige dige erekt nemishe", _OTHERS_EMERGENCY),  # the English word, her husband
        ("اون جامو که میشورم هیچی حس نمیکنم", _OWN_EMERGENCY),  # «اونجا» typed with a space
        ("nashiman-gaham az dirooz sozan sozan mishe", _OWN_EMERGENCY),  # «نشیمنگاه» with a, hyphen
        ("یکی از کارمندام میگه از دیروز نمیتونه جیش کنه", _OTHERS_EMERGENCY),  # an employee
        ("زانوهام ول میکنن از دیشب، دوتاش", _OWN_EMERGENCY),  # knees letting go
        ("وقتی زانوم خم میشه درد میگیره", None),  # guard: a knee that bends and hurts
        ("hich hesi tooye basanam nadaram az dishab", _OWN_EMERGENCY),  # Finglish «tuye» between
        ("تو تاکسی پاهام خواب میره ولی راه که میرم خوب میشه", None),  # goes once walking
        ("paham az dirooz bi hes shode, rah miram ham xub nemishe", _OWN_EMERGENCY),  # guard
        (
            "بابام پاهاش همیشه گزگز میکنه از دیابته",
            (ScreenLevel.SEE_DOCTOR, Experiencer.OTHER_ADULT),
        ),  # always, put down to diabetes: no emergency
        ("بابام دیابت داره و از دیروز پاهاش بی حس شده", _OTHERS_EMERGENCY),  # guard: new
        (
            "babam 72 salashe, az diruz kamardard gerefte",
            (ScreenLevel.SEE_DOCTOR, Experiencer.OTHER_ADULT),
        ),  # over 50, new, Finglish «salashe»
        ("18 salame va chand ruze kamaram dard mikone", (ScreenLevel.SEE_DOCTOR, Experiencer.SELF)),
        ("kamaram az dishab dard mikone ba tab", (ScreenLevel.SEE_DOCTOR, Experiencer.SELF)),
        ("imeni badanam payine, kamaram dard mikone", (ScreenLevel.SEE_DOCTOR, Experiencer.SELF)),
        ("kamar dard daram va tab nadaram", None),  # guard: a denied fever
        ("مامانم میگه پاش رو زمین شلپ شلپ صدا میده", _OTHERS_EMERGENCY),  # the foot slapping
        ("dige nemitunam dampaii pam negah daram", _OWN_EMERGENCY),  # a slipper not kept on
        ("تو استخر شلپ شلپ آب بازی کردیم", None),  # guard: splashing
        ("پام بالا نمیاد از درد زانو", None),  # guard: a leg raise held back by pain
        ("از دیروز که راه میرم هی نزدیک بود بیفتم", _OWN_EMERGENCY),  # near falls, again and again
        ("babam emruz 2 bar oftad zamin vaghti rah mirafte", _OTHERS_EMERGENCY),  # his falls
        ("رو یخ چند بار نزدیک بود بیفتم موقع راه رفتن", None),  # guard: on ice
        ("shalvaram kasif shode bud nafahmidam", _OWN_EMERGENCY),  # soiled without noticing
        ("hes nemikonam kei bayad beram dastshui", _OWN_EMERGENCY),  # not feeling when to go
        ("احساس نمیکنم کی خوب میشم، کمرم درد میکنه", None),  # guard: when I'll get better
    ],
)
def test_the_word_file_alone_reads_each_round_21_family(
    text: str, expected: tuple[ScreenLevel, Experiencer] | None
) -> None:
    _assert_reads(text, expected)


def test_a_finglish_question_about_a_term_read_online_is_read_in_persian_alone() -> None:
    # "incontinence means what? I read it in an article": every word Persian's own
    text = "incontinence yani chi? tu ye maghale khundam"
    assert _screen(text)[0] not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


def test_a_finglish_question_about_a_word_is_read_in_persian_alone() -> None:
    # "retention means what? the doctor wrote it in a letter for my dad, who got better":
    # every word Persian's own, so English's «retention» does not alarm
    text = "retention yani chi? doctor to nameh neveshte bood vase babam ke khoob shode"
    assert _screen(text)[0] not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


def test_legs_tingling_for_years_in_finglish_is_no_emergency() -> None:
    # the same in Finglish, "salhast" (for years): at most see a doctor
    screening = _word_file_alone().screen("madaram mige pahash shaba gezgez mikone, salhast")
    assert screening.level is not ScreenLevel.EMERGENCY


def test_or_after_the_verb_keeps_the_doctors_condition() -> None:
    # "the nurse said if my legs got weak or I couldn't pass urine, to call the emergency
    # number": «یا» after «شد» goes on with the same condition (context.scope_goes_on)
    text = "پرستاره گفته بود اگه پاهام ضعیف شد یا نتونستم ادرار کنم با اورژانس تماس بگیرم"
    assert _word_file_alone().screen(text).level is not ScreenLevel.EMERGENCY


def test_every_two_hours_is_not_both_legs() -> None:
    # "my calf goes numb every two hours": «هر دو ساعت» is "every two hours", not "both"
    text = "ساق پام هر دو ساعت یه بار بی حس میشه"
    assert _screen(text)[0] is not ScreenLevel.EMERGENCY


def test_legs_tingling_for_years_is_no_emergency() -> None:
    # mum says for years her legs tingle at night: at most see a doctor
    assert _screen("مامانم میگه سالهاست پاهاش شبا گزگز میکنه")[0] is not ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    ("screen", "text", "intent"),
    [
        ("exercise", "انجام شد", Intent.DONE),
        ("exercise", "تمومش کردم ✅", Intent.DONE),
        ("exercise", "anjam dadam", Intent.DONE),
        ("exercise", "خیلی درد داره", Intent.TOO_PAINFUL),
        ("exercise", "آسونترش کن", Intent.GENTLER),
        ("exercise", "یه لحظه صبر کن", Intent.PAUSE),
        ("ease_off", "ملایم‌تر", Intent.GENTLER),
        ("ease_off", "رد کن", Intent.SKIP),
        ("ease_off", "برای امروز بسه", Intent.STOP_TODAY),
        ("check_in", "بهترم", Intent.BETTER),
        ("check_in", "فرقی نکرده", Intent.SAME),
        ("check_in", "بدتر شده", Intent.WORSE),
        ("exercise", "دردم زیاده", Intent.TOO_PAINFUL),
        ("exercise", "بپریم", Intent.SKIP),
        ("ease_off", "بذاریم برای فردا", Intent.STOP_TODAY),
        ("ease_off", "امروز دیگه استراحت میکنم", Intent.STOP_TODAY),
        ("exercise", "جزییاتشو میخوام", Intent.MORE),
        ("exercise", "قدم به قدم باهام", Intent.GUIDE),
        ("ease_off", "یه جایگزین بده", Intent.GENTLER),
        ("check_in", "سبکتره", Intent.BETTER),
        ("ease_off", "نه انجامش دادم", Intent.DONE),
        ("ease_off", "نسخه سبکشو بده", Intent.GENTLER),
    ],
)
def test_typed_persian_does_what_its_button_does(screen: str, text: str, intent: Intent) -> None:
    readers, spoken, content = _shipped()
    table = typed_table(content, screen)
    accepted = [Intent(name) for name in table]
    assert readers.read(text, spoken).first_of(accepted) is intent


def test_asking_is_not_skipping() -> None:
    readers, spoken, _content = _shipped()
    assert readers.read("بپرسم یه چیزی؟", spoken).top is not Intent.SKIP  # «بپرسم»: may I ask


def test_thanks_that_names_pain_is_thanks() -> None:
    readers, spoken, _content = _shipped()
    reading = readers.read("دستت درد نکنه", spoken)  # "may your hand not hurt": thank you
    assert (reading.top, reading.chit_chat) == (Intent.CHIT_CHAT, ChitChat.THANKS)


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("حدود ۵", Score(5)),  # about 5 (Persian digit)
        ("٣", Score(3)),  # Arabic-Indic digit
        ("پنج", Score(5)),  # a number word
        ("۶ از ۱۰", Score(6)),  # 6 out of 10
        ("بین ۳ و ۴", Score(4)),  # a range: the higher
        ("دردی ندارم", Score(0)),  # no pain
        ("بدترین درد", Score(10)),  # the worst
        ("panj", Score(5)),  # Finglish
        ("پونزده", Score(None)),  # 15: asked again
    ],
)
def test_a_soreness_typed_in_persian(text: str, score: Score) -> None:
    readers, spoken, _content = _shipped()
    assert readers.score(text, spoken) == score
