"""Persian as the bot reads it (content/red_flags.fa.yaml, content/intents.fa.yaml): the
warning-sign screen and the typed answers, through the shipped `Readers` for someone whose
Telegram is in Persian (English is read too)."""

from __future__ import annotations

from functools import cache

import pytest

from bench.common import shipped_readers
from bench.typed_intents import typed_table
from bot.routine.content import Content
from bot.routine.intents import ChitChat, Intent, Score
from bot.routine.reading import Readers
from bot.routine.red_flags import Experiencer, ScreenLevel


@cache
def _shipped() -> tuple[Readers, str, Content]:
    return shipped_readers("fa")


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
    ],
)
def test_not_the_emergency_advice(text: str) -> None:
    assert _screen(text)[0] in (ScreenLevel.NONE, ScreenLevel.POSSIBLE)


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
    ],
)
def test_typed_persian_does_what_its_button_does(screen: str, text: str, intent: Intent) -> None:
    readers, spoken, content = _shipped()
    table = typed_table(content, screen)
    accepted = [Intent(name) for name in table]
    assert readers.read(text, spoken).first_of(accepted) is intent


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
