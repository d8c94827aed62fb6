"""bot/routine/spelling.py: text and lexicon folded alike, Latin-letter text read by a lexicon in
another script."""

from __future__ import annotations

from bot.routine.content import default_intents
from bot.routine.intents import Intent, IntentReader
from bot.routine.spelling import Spelling, fold_marks, spelled

RUSSIAN_LATIN = Spelling(
    letters={"ё": "е", "ъ": "", "ь": ""},
    latin={
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch",
        "ш": "sh", "щ": "sh", "ы": "i", "э": "e", "ю": "iu", "я": "ia",
    },
    latin_folds=(("shch", "sh"), ("kh", "h"), ("ts", "c"), ("y", "i"), ("j", "i"), ("x", "h")),
)  # fmt: skip


def test_digits_and_marks_of_any_script_are_read_alike() -> None:
    assert fold_marks("درد ۷ از ۱۰؟ بله، ٥") == "درد 7 از 10? بله, 5"


def test_a_phrase_in_the_script_is_also_listed_in_latin_letters() -> None:
    assert RUSSIAN_LATIN.variants(["онемела промежност*"]) == (
        "онемела промежност*",
        "onemela promezhnost*",
    )
    assert RUSSIAN_LATIN.word("onemyela") == "onemiela"
    assert RUSSIAN_LATIN.word("промежность") == "промежность"  # the script is left alone


def test_latin_spellings_of_one_word_fold_to_one() -> None:
    spellings = {RUSSIAN_LATIN.word(w) for w in ("khorosho", "horosho", "xorosho")}
    assert spellings == {"horosho"}
    assert RUSSIAN_LATIN.phrase("ёлка") == "елка"


def test_an_intent_lexicon_in_cyrillic_reads_transliterated_text() -> None:
    english = default_intents()
    phrases = dict(english.intents)
    phrases["done"] = (*phrases["done"], "готово", "сделал*")
    lexicon = english.model_copy(update={"intents": phrases, "spelling": RUSSIAN_LATIN})
    reader = IntentReader(lexicon)
    for text in ("Готово!", "gotovo", "sdelala", "Сделал"):
        assert reader.read(text).top is Intent.DONE, text
    assert reader.read("privet").top is not Intent.DONE


def test_no_spelling_leaves_a_lexicon_as_it_is() -> None:
    english = default_intents()
    assert spelled(english, Spelling()) is english
