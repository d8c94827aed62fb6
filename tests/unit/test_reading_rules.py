"""Engine rules of the warning-sign screen that no word can stand in for, each driven by a field
of the word files: a definition question after the sign, a negated ordinary cause, a person
named after the sign, and a word reduplicated with a digit ("kaki2")."""

from __future__ import annotations

import pytest

from bot.routine.content import default_red_flags
from bot.routine.red_flags import RedFlagScreen, ScreenLevel
from tests.support.reading import screening


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "а затримка сечі це коли…?"),
        ("uk", "нетримання сечі це коли?"),
        ("ru", "задержка мочи это когда?"),
        ("en", "saddle anaesthesia means what?"),
        ("en", "bowel incontinence means what exactly"),
        ("es", "incontinencia urinaria, que es eso?"),
        ("pt_BR", "incontinência urinária, o que é isso?"),
    ],
)
def test_a_definition_question_after_the_sign_is_no_emergency(language: str, text: str) -> None:
    """`context.definition_after`: the cue qualifies the sign before it in its sentence."""
    found = screening(text, language)
    assert found.level is not ScreenLevel.EMERGENCY, text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "my bum is numb, is that a symptom of a slipped disc?"),
        ("en", "my bum is numb, means what?"),
        ("uk", "у мене затримка сечі, це коли треба в лікарню?"),
        ("es", "no puedo orinar desde ayer, que es eso?"),
    ],
)
def test_a_definition_question_about_the_writers_own_sign_stays_an_emergency(
    language: str, text: str
) -> None:
    """A self word before the sign: the writer asks about their own body."""
    assert screening(text, language).level is ScreenLevel.EMERGENCY, text


def _uk_screen_with_bare_eases() -> RedFlagScreen:
    """Ukrainian's words with a bare "минає" ("eases") as an ordinary cause of a numb leg, which
    the word file had to leave out while a negated cause still cancelled its rule."""
    flags = default_red_flags("uk")
    concepts = dict(flags.concepts)
    concepts["EASES"] = (*concepts["EASES"], "минає", "проходить")
    return RedFlagScreen(flags.model_copy(update={"concepts": concepts}))


def test_a_negated_ordinary_cause_explains_nothing() -> None:
    """ "не минає" (does not ease): the cause is named only to be denied; the rule fires."""
    screen = _uk_screen_with_bare_eases()
    for text in ("нога оніміла, не минає", "нога німіє і не проходить"):
        assert screen.screen(text).level is ScreenLevel.SEE_DOCTOR, text
    for text in ("нога оніміла, лягаю і минає", "нога німіє, але проходить"):
        assert screen.screen(text).level is ScreenLevel.POSSIBLE, text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "рак у тата"),
        ("uk", "не тримає сечу у чоловіка"),
        ("ru", "не держит мочу у мужа"),
        ("pt_BR", "nao sente as pernas do meu pai"),
        ("es", "la retencion de orina de mi padre"),
        ("pt_BR", "fraqueza nas pernas da minha mae desde ontem"),
        ("ru", "онемела промежность у мамы"),
    ],
)
def test_a_person_named_right_after_the_sign_is_whose_sign(language: str, text: str) -> None:
    """`context.person_after_links`: "у" + a person after the sign ties the sign to them."""
    found = screening(text, language)
    assert found.experiencer.name == "OTHER_ADULT", text


def test_a_person_further_after_the_sign_is_not_whose_sign() -> None:
    """Only the link word right after the sign's last word: "at my mum's house" is a place."""
    for language, text in (
        ("en", "my back hurts and i cant pee at my mums house"),
        ("uk", "я не можу помочитися, поїхала у гості у мами"),
        ("ru", "я не могу пописать уже день, живу у мамы"),
    ):
        found = screening(text, language)
        assert found.level is ScreenLevel.EMERGENCY, text
        assert found.experiencer.name == "SELF", text


def _indonesian(reduplication_digit: bool) -> RedFlagScreen:
    flags = default_red_flags("id")
    return RedFlagScreen(flags.model_copy(update={"reduplication_digit": reduplication_digit}))


def test_a_word_reduplicated_with_a_digit_reads_as_the_word_twice() -> None:
    """`reduplication_digit`: "kaki2nya" is "kaki-kakinya", "dua2nya" "dua-duanya", read
    alike whatever ending follows the digit."""
    screen = _indonesian(reduplication_digit=True)
    for digit, hyphen in (
        ("kaki2ku lemas", "kaki-kakiku lemas"),
        ("kaki2nya baal", "kaki-kakinya baal"),
        ("kaki kiri kanan dua2nya lemes", "kaki kiri kanan dua-duanya lemes"),
    ):
        assert screen.screen(hyphen).level is ScreenLevel.EMERGENCY, hyphen
        assert screen.screen(digit) == screen.screen(hyphen), digit


def test_reduplication_with_a_digit_is_the_word_files_choice() -> None:
    """Only where the word file says the language writes so: elsewhere "kaki2nya" is one
    unknown word; and the file's own spellings ("bertahun2": bertahun tahun) come first."""
    assert _indonesian(reduplication_digit=False).screen("kaki2nya baal").level is not (
        ScreenLevel.EMERGENCY
    )
    screen = _indonesian(reduplication_digit=True)
    assert screen.screen("udah bertahun2 gak kambuh") == screen.screen(
        "udah bertahun tahun gak kambuh"
    )


def _fa_screen(goes_on: tuple[str, ...]) -> RedFlagScreen:
    flags = default_red_flags("fa")
    context = flags.context.model_copy(update={"scope_goes_on": goes_on})
    return RedFlagScreen(flags.model_copy(update={"context": context}))


def test_or_after_a_clauses_verb_carries_the_condition_on() -> None:
    """`context.scope_goes_on`: a Persian clause ends with its verb, which ends a context's
    reach; "or" right after it goes on with the same condition (and the advice reported)."""
    text = "دکترم گفته اگه باسنم بی حس شد یا نتونستم ادرار کنم فورا برم بیمارستان"
    assert _fa_screen(()).screen(text).level is ScreenLevel.EMERGENCY
    assert _fa_screen(("یا",)).screen(text).level is ScreenLevel.POSSIBLE
    own = "از دیروز باسنم بی حس شده یا شایدم نه، ولی ادرارمو حس نمیکنم"
    assert _fa_screen(("یا",)).screen(own).level is ScreenLevel.EMERGENCY


def test_a_comma_then_the_writer_ends_what_someone_else_said() -> None:
    """A reported cue reaches forward to the end of its sentence, but a comma followed by the
    writer ("…, i cant feel…") starts the writer's own clause; advice quoted before the comma
    keeps its signs reported."""
    own = "the physio keeps telling me to stretch more, i cant feel my bum at all since sunday"
    assert screening(own, "en").level is ScreenLevel.EMERGENCY
    for reported in (
        "my gp told me to look out for a numb bum, i havent had that",
        "the nurse said to watch for leaking, i will keep an eye on it",
    ):
        assert screening(reported, "en").level is not ScreenLevel.EMERGENCY, reported


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "i had a fever last night, and my husband cant feel his legs"),
        ("en", "my wife says she cant feel her bum when she wipes, and im 60 with new back pain"),
        ("ru", "у меня температура, а муж не чувствует ног"),
    ],
)
def test_another_adults_emergency_outranks_the_writers_own_see_a_doctor_sign(
    language: str, text: str
) -> None:
    """The writer's fever or age is a see-a-doctor sign; the husband's legs are an emergency:
    the advice is the emergency's, for him."""
    found = screening(text, language)
    assert found.level is ScreenLevel.EMERGENCY, text
    assert found.experiencer.name == "OTHER_ADULT", text


def test_someone_elses_recovery_leaves_the_writers_own_sign_as_it_is() -> None:
    """ "Fine now" about the husband does not make the writer's new pain at 55 history."""
    text = (
        "im 55 and my back started hurting last week. my husband had numb legs years ago, fine now"
    )
    found = screening(text, "en")
    assert found.level is ScreenLevel.SEE_DOCTOR, found
    own = "my bum went numb last year. it got sorted, fine now"
    assert screening(own, "en").level is not ScreenLevel.EMERGENCY


def _with_contrasts(language: str, contrasts: tuple[str, ...]) -> RedFlagScreen:
    flags = default_red_flags(language)
    context = flags.context.model_copy(update={"contrasts": contrasts})
    return RedFlagScreen(flags.model_copy(update={"context": context}))


def test_a_cause_set_aside_with_but_explains_no_sign_after_it() -> None:
    """`context.contrasts`: "i must have sat too long, but …" sets the ordinary cause aside; a
    cause after the sign ("numb, but only from the bike") still explains it."""
    own = "i must have sat too long, but since last night my bottom is numb"
    assert _with_contrasts("en", ()).screen(own).level is not ScreenLevel.EMERGENCY
    assert _with_contrasts("en", ("but",)).screen(own).level is ScreenLevel.EMERGENCY
    explained = "my bottom went numb but only from sitting on the bike too long"
    assert _with_contrasts("en", ("but",)).screen(explained).level is not ScreenLevel.EMERGENCY
    persian = "لابد زیاد نشستم، ولی از دیشب باسنم کرخته"
    assert screening(persian, "fa").level is ScreenLevel.EMERGENCY


def _owner_by_order(language: str, on: bool) -> RedFlagScreen:
    flags = default_red_flags(language)
    context = flags.context.model_copy(update={"owner_by_order": on})
    return RedFlagScreen(flags.model_copy(update={"context": context}))


def test_a_self_word_right_after_a_person_owns_them_where_order_marks_possession() -> None:
    """`context.owner_by_order`: «پدر من» is "my father", so his sign is his, and another
    adult's pregnancy is no sign for the writer; Ukrainian "доця, я…" keeps the mother's "я"."""
    father = "پدر من از دیروز نمیتونه ادرار کنه"
    assert _owner_by_order("fa", False).screen(father).experiencer.name == "SELF"
    found = _owner_by_order("fa", True).screen(father)
    assert (found.level, found.experiencer.name) == (ScreenLevel.EMERGENCY, "OTHER_ADULT")
    sister = "خواهر من حامله است"
    assert _owner_by_order("fa", False).screen(sister).level is ScreenLevel.SEE_DOCTOR
    assert _owner_by_order("fa", True).screen(sister).level is not ScreenLevel.SEE_DOCTOR
    mother = "мама пише мені: «доця я ніг обох не чую і в туалет не можу»"
    assert screening(mother, "uk").level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "if im not mistaken my bottom has been numb since monday"),
        ("en", "unless im wrong i cant feel myself peeing since this morning"),
        ("es", "si mal no recuerdo desde el lunes tengo la entrepierna dormida"),
        ("pt_BR", "se bem me lembro desde segunda estou com a virilha dormente"),
        ("ru", "если я правильно помню, с понедельника онемела промежность"),
        ("uk", "якщо не помиляюсь, з понеділка оніміла промежина"),
        ("id", "kalau tidak salah sejak senin selangkangan saya mati rasa"),
        ("fa", "اگه اشتباه نکنم از دوشنبه کشاله رانم بی حس شده"),
    ],
)
def test_a_hedge_is_no_hypothetical(language: str, text: str) -> None:
    """`context.hypothetical_pseudo`: "if I'm not mistaken" says how sure the writer is, not
    that the sign may come one day."""
    screen = RedFlagScreen(default_red_flags(language), model=None)
    assert screen.screen(text).level is ScreenLevel.EMERGENCY, text
