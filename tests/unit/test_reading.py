"""bot/routine/reading.py: a text read in English, in the person's language and in the language
it is written in; the most urgent screening wins."""

from __future__ import annotations

from bot.routine.content import default_intents, default_red_flags
from bot.routine.intents import Intent, IntentReader
from bot.routine.reading import ENGLISH, Readers, WordReaders, word_readers
from bot.routine.red_flags import Screening, ScreenLevel
from bot.routine.spelling import Spelling
from tests.support.reading import screening

LATIN = Spelling(latin=dict(zip("онемлагтврсдп", "onemlagtvrsdp", strict=True)) | {"ж": "zh"})


def _russian_like() -> Readers:
    """English's words with a few Russian ones, filed as Russian: enough to test the wiring."""
    flags = default_red_flags()
    concepts = dict(flags.concepts)
    concepts["NUMB"] = (*concepts["NUMB"], "онемел*")
    concepts["SADDLE"] = (*concepts["SADDLE"], "промежност*")
    russian_flags = flags.model_copy(
        update={"language": "ru", "concepts": concepts, "spelling": LATIN}
    )
    intents = default_intents()
    phrases = dict(intents.intents)
    phrases["done"] = (*phrases["done"], "готово")
    russian_intents = intents.model_copy(
        update={"language": "ru", "intents": phrases, "spelling": LATIN}
    )
    guesses = {
        "онемела промежность у меня": "ru",
        "mi spalda mucho dolor hoy": "es",
        "вчера онемел пах и я wet myself": "ru",
    }
    return Readers(
        {
            ENGLISH: word_readers(flags, intents),
            "ru": word_readers(russian_flags, russian_intents),
        },
        guess=lambda text: guesses.get(text),
    )


def test_a_sign_in_the_persons_language_and_in_latin_letters() -> None:
    readers = _russian_like()
    assert readers.screen("онемела промежность", "ru").level is ScreenLevel.EMERGENCY
    assert readers.screen("onemela promezhnost", "ru").level is ScreenLevel.EMERGENCY


def test_english_is_always_read() -> None:
    readers = _russian_like()
    assert readers.screen("my groin has gone numb", "ru").level is ScreenLevel.EMERGENCY
    assert readers.read("done", "ru").top is Intent.DONE
    assert readers.read("готово", "ru").top is Intent.DONE
    assert readers.read("готово", ENGLISH).top is not Intent.DONE


def test_a_text_in_a_language_limber_reads_is_read_in_it_whoever_sends_it() -> None:
    readers = _russian_like()
    assert readers.screen("онемела промежность у меня", ENGLISH).level is ScreenLevel.EMERGENCY


def test_another_language_only_when_no_language_limber_reads_recognises_it() -> None:
    readers = _russian_like()
    assert readers.screen("mi spalda mucho dolor hoy", "ru").level is ScreenLevel.NOT_ENGLISH
    assert readers.screen("спина болит сегодня", "ru").level is ScreenLevel.NONE
    assert readers.screen("спина болит сегодня", ENGLISH).level is ScreenLevel.NOT_ENGLISH


class _AlarmedEnglish:
    """An English screen that finds an emergency in anything (as its look-alikes once did in
    Spanish: "tenía" read as "tena")."""

    def screen(self, text: str) -> Screening:
        return Screening(ScreenLevel.EMERGENCY, ("bladder",))


def test_a_text_in_the_persons_own_language_is_not_read_by_englishs_look_alikes() -> None:
    """English's words never alarm anyone about a sentence the detector says is in the person's
    own language (its own words read it); when the detector is not sure, English reads too."""
    russian = _russian_like()
    english = WordReaders(_AlarmedEnglish(), IntentReader(default_intents()))  # type: ignore[arg-type]
    readers = Readers(
        {ENGLISH: english, "ru": russian._by_language["ru"]},
        guess=lambda text: "ru" if "спина" in text else None,
    )
    assert readers.screen("спина болит сегодня", "ru").level is ScreenLevel.NONE
    assert readers.screen("ok", "ru").level is ScreenLevel.EMERGENCY  # not sure: English reads


def test_a_bracket_is_an_aside_inside_its_sentence_not_a_sentence_of_its_own() -> None:
    """ "my son (5) …": the son stays whose sign it is; the bracket does not start a new sentence
    that would make the sign the writer's own."""
    child = screening("anakku (5th) masih ngompol tiap malam", "id")
    assert child.level is not ScreenLevel.EMERGENCY
    mother = screening("my mum (82) cant feel when she pees", "en")
    assert mother.level is ScreenLevel.EMERGENCY
    assert mother.experiencer.name == "OTHER_ADULT"


def test_a_colon_keeps_the_reported_advice_before_it() -> None:
    """ "the doctor warned: numbness down there …" is advice the writer was given: the colon
    introduces what was said, it does not start a sentence of the writer's own."""
    for language, text in (
        ("ru", "врач предупредила: онемеет промежность или ягодицы, сразу в приемный покой"),
        ("uk", "лікар пояснив: оніміння промежини й нетримання сечі означають, що треба в лікарню"),
    ):
        assert screening(text, language).level is not ScreenLevel.EMERGENCY, text
    assert screening("my husband: he cant feel when he pees", "en").level is ScreenLevel.EMERGENCY


def test_a_son_or_daughter_with_an_adults_age_is_another_adult() -> None:
    """A child-word names a relation, not an age: with an adult's age stated it is another
    adult's sign (the advice for that person); with a child's age it stays a child's."""
    for language, text in (
        ("id", "anak saya umur 31 dari pagi gak bisa pipis sama sekali"),
        ("en", "my kid (24) says he cant feel the toilet paper when he wipes"),
        ("en", "our youngest, aged 22, cant feel her legs properly"),
    ):
        found = screening(text, language)
        assert found.level is ScreenLevel.EMERGENCY, text
        assert found.experiencer.name == "OTHER_ADULT", text
    for language, text in (
        ("id", "anak saya umur 6 ngompol lagi semalam"),
        ("en", "my kid (4) wet the bed again"),
    ):
        assert screening(text, language).level is not ScreenLevel.EMERGENCY, text


def test_where_the_owner_follows_the_pet_or_child_is_whose_body() -> None:
    """ "el gato de mi hermana": the cat's bladder, not the sister's; a person word after
    another's ("la pareja de mi hijo") still names an adult, whose sign it is."""
    for language, text in (
        ("es", "el gato de mi hermana ya no aguanta el pis"),
        ("pt_BR", "o cachorro do meu sogro nao segura mais o xixi"),
        ("ru", "кот моей сестры не может пописать"),
        ("id", "kucing tetangga gak bisa pipis"),
    ):
        assert screening(text, language).level is not ScreenLevel.EMERGENCY, text
    for language, text in (
        ("es", "la pareja de mi hijo no siente las piernas"),
        ("pt_BR", "a esposa do meu filho nao sente as pernas"),
    ):
        found = screening(text, language)
        assert found.level is ScreenLevel.EMERGENCY, text
        assert found.experiencer.name == "OTHER_ADULT", text


def test_another_adult_telling_of_their_own_body_is_their_sign_now() -> None:
    """ "my wife told me she …": a `tells` word right after another adult is that adult's sign,
    not advice someone gave; a clinician's words stay advice."""
    for language, text in (
        ("ru", "жена сказала что у нее там все онемело, это серьезно?"),
        ("es", "mi esposa me conto que no siente nada alla abajo desde ayer"),
        ("uk", "чоловік розказав що в нього там внизу все оніміло"),
    ):
        found = screening(text, language)
        assert found.level is ScreenLevel.EMERGENCY, text
        assert found.experiencer.name == "OTHER_ADULT", text
    for language, text in (
        ("ru", "врач сказал что если онемеет промежность сразу в скорую"),
        ("es", "mi medico dijo que si no siento la cola vaya a urgencias"),
    ):
        assert screening(text, language).level is not ScreenLevel.EMERGENCY, text


def test_not_well_is_no_fine() -> None:
    """A "fine" word after a sign (`negation.after`: "pis bien") denies it, but not when a
    negation stands before it in the clause ("no orino bien" is not peeing well), nor when a sign
    follows it."""
    found = screening("nalgas dormidas no orino bien desde ayer", "es")
    assert found.level is ScreenLevel.EMERGENCY
    assert "bladder" in found.categories
    assert screening("hormigueo no tengo, orino bien", "es").level is ScreenLevel.NONE


def test_nowhere_to_go_just_now_is_no_retention() -> None:
    """ "can't go to the toilet, I'm in a meeting" is about a place, not the bladder
    (NOWHERE_TO_GO, in the can't-go rules only); wetting oneself in a meeting stays a sign."""
    for language, text in (
        ("en", "cant go to the toilet right now, im in a meeting"),
        ("es", "no puedo ir al bano ahora, estoy en una reunion"),
    ):
        assert screening(text, language).level is not ScreenLevel.EMERGENCY, text
    for language, text in (
        ("en", "i wet myself in a meeting and didnt feel it"),
        ("es", "me hice pis en una reunion y no lo senti"),
        ("en", "i cant pee since last night"),
    ):
        assert screening(text, language).level is ScreenLevel.EMERGENCY, text


def test_a_temperature_typed_as_a_number_is_a_fever() -> None:
    """ "tengo 38.5" is a fever in any language's way of writing it: a decimal in a fever's
    range, or a whole number with a degree word or sign. Weights, ages and blood pressure
    are not."""
    for language, text in (
        ("es", "amaneci con 38,7 y la espalda baja me duele"),
        ("pt_BR", "dor nas costas e febre? to com 38.6 desde ontem"),
        ("ru", "поясница ноет и вечером было 39 градусов"),
        ("fa", "کمرم درد میکنه و دیشب ۳۸/۶ بودم"),
        ("en", "lower back agony and the thermometer says 101.3"),
        ("id", "pinggang nyeri, badan 39°"),
    ):
        assert screening(text, language).level is ScreenLevel.SEE_DOCTOR, text
    for language, text in (
        ("en", "back a bit stiff, i weigh 100.5 kg"),
        ("en", "bp 120/80 today and the back is fine"),
        ("es", "tengo 39 años y me duele la espalda al agacharme"),
        ("ru", "мне 38, спина ноет после дачи"),
    ):
        assert screening(text, language).level is not ScreenLevel.SEE_DOCTOR, text


def test_a_latin_letter_text_of_the_languages_own_words_is_not_another_language() -> None:
    """ "whats cauda equina": the detector reads two Latin words as Italian; every word is
    English's own, so it is answered in English, not with the other-language card."""
    for text in ("whats cauda equina", "cauda equina syndrome?? what is it"):
        assert screening(text, "en").level is not ScreenLevel.NOT_ENGLISH, text
    assert screening("mi spalda fa molto male oggi", "en").level is ScreenLevel.NOT_ENGLISH


def test_a_digit_int_cannot_read_never_breaks_the_screen() -> None:
    for text in ("my son ፩ year old cant pee", "i am ፫፭ and numb down there"):
        assert screening(text, "en").level is ScreenLevel.EMERGENCY


def test_english_look_alikes_leave_a_text_in_the_persons_own_words_alone() -> None:
    """ "tb" is "também", not tuberculosis; "sem problemas pra urinar" has English's "urinar"
    look-alike in it: every word is Portuguese, so only Portuguese reads it."""
    for text in ("tb to com dor nas costas hoje", "sem problemas pra urinar, so a lombar doendo"):
        assert screening(text, "pt_BR").level is ScreenLevel.NONE, text
    assert screening("my bum went numb this morning", "pt_BR").level is ScreenLevel.EMERGENCY
