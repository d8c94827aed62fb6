"""The voice guide in every language Limber speaks, as a listener would check it: each language's
own eSpeak NG voice, every phrase read as words of that language (no letter spelled, no symbol
named, no switch to another language), counts and "{seconds}" said as numbers, and the same cues
at the same doses as in English however long the translation."""

from __future__ import annotations

import difflib
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog

from bot.media.library import MediaLibrary, reachable_doses
from bot.media.voice import Speaker, _spoken_seconds, guide_script, measure
from bot.media.voice_languages import Voices, load_voices, voices_for
from bot.routine.catalogue import DEFAULT_LOCALE_DIR, catalogue_path, write_catalogue
from bot.routine.content import Content, ContentError, Dose
from bot.routine.languages import ENGLISH, load_language_table
from bot.routine.set_script import CueKind, VoiceContent

VOICES = load_voices()
LANGUAGES = VOICES.languages
OTHERS = [language for language in LANGUAGES if language != ENGLISH]
SPEAKER = Speaker.get()
# Ten as each language says it: "{seconds} seconds left" must say this, not "one zero".
TEN = {
    "en": "ten",
    "ru": "десять",
    "uk": "десять",
    "es": "diez",
    "pt_BR": "dez",
    "fa": "ده",
    "id": "sepuluh",
}


def guides(content: Content) -> list[tuple[str, str, Dose]]:
    """Every guide a person can be given: each exercise and gentler option at each dose."""
    return [
        (exercise.key, variant, dose)
        for exercise in content.tracks.exercises()
        for variant, dose in reachable_doses(exercise)
    ]


def phrases(voice: VoiceContent, content: Content) -> set[str]:
    """Every phrase said in any guide, as said (sides and names filled in)."""
    return {
        cue.text
        for key, variant, dose in guides(content)
        for cue in guide_script(voice, key, variant, dose).cues  # type: ignore[arg-type]
    }


def read_as_words(text: str, voice: str) -> list[str]:
    """What a listener would notice: a phrase the voice cannot read in its language."""
    said = SPEAKER.phonemes(text, voice)
    if not said.strip():
        return [f"silent: {text!r}"]
    if "(" in said:  # eSpeak NG marks a switch of language, "(en)…(fa)"
        return [f"read in another language: {text!r} → {said}"]
    return []


def says_ten(phrase: str, language: str, voice: str) -> bool:
    """Whether *phrase* (with "{seconds}" filled in as 10) says the language's word for ten:
    what the number adds to the phrase, compared sound by sound with the word."""
    with_number = SPEAKER.phonemes(phrase.format(seconds=10), voice)
    without = SPEAKER.phonemes(phrase.format(seconds=""), voice).split()
    added = " ".join(word for word in with_number.split() if word not in without)
    word = SPEAKER.phonemes(TEN[language], voice)
    return difflib.SequenceMatcher(None, added, word).ratio() >= 0.75


def test_every_language_with_a_catalogue_has_a_voice_from_its_line() -> None:
    table = load_language_table()
    with_catalogue = {
        line.code
        for line in table.languages
        if line.code == ENGLISH or catalogue_path(DEFAULT_LOCALE_DIR, line.code).is_file()
    }
    assert set(LANGUAGES) == with_catalogue
    assert {"ru", "uk", "es", "pt_BR", "fa"} <= set(OTHERS)
    for line in table.languages:
        if line.code in LANGUAGES:
            assert VOICES.of(line.code).voice == line.voice
            assert SPEAKER.has_voice(line.voice), line


def test_a_voice_name_the_engine_lacks_is_refused_not_spoken_in_the_voice_before() -> None:
    """content/voice.yaml said `en-gb`, which eSpeak NG does not know: English was spoken in
    whichever voice was set before (after a Russian guide, Russian)."""
    assert not SPEAKER.has_voice("en-gb")
    SPEAKER.say("Раз.", "ru", 150)
    with pytest.raises(ValueError, match="en-gb"):
        SPEAKER.say("Hold.", "en-gb", 150)


def test_a_voice_the_engine_lacks_stops_loading(content_copy: Path) -> None:
    path = content_copy / "languages.yaml"
    path.write_text(path.read_text().replace("voice: ru\n", "voice: ru-xx\n"))
    with pytest.raises(ContentError, match="ru-xx"):
        load_voices(content_copy)


def test_english_speaks_in_the_voice_of_its_line(content_copy: Path) -> None:
    path = content_copy / "languages.yaml"
    path.write_text(path.read_text().replace("voice: en,", "voice: en-us,"))
    with pytest.raises(ContentError, match="en-us"):
        load_voices(content_copy)


def test_a_new_language_is_a_catalogue_and_a_line(content_copy: Path, tmp_path: Path) -> None:
    """German, added with no code: its line names its voice, its catalogue its words."""
    table = content_copy / "languages.yaml"
    tree = yaml.safe_load(table.read_text())
    tree["languages"].append({"code": "de", "name": "Deutsch", "voice": "de", "direction": "ltr"})
    table.write_text(yaml.safe_dump(tree, allow_unicode=True))
    locale = tmp_path / "locale"
    catalog = Catalog(locale="de")
    catalog.add(
        "{name}. Get into position, and we'll start.",
        "{name}. Los geht's.",
        context="voice:words.start",
    )
    catalog.add(
        "Pelvic tilt",
        "Beckenkippen",
        context="routines/floor/voice:exercises.pelvic_tilt.regular.name",
    )
    write_catalogue(catalog, catalogue_path(locale, "de"))
    voices = load_voices(content_copy, locale)
    german = voices.of("de")
    assert german.voice == "de"
    assert german.words.start == "{name}. Los geht's."
    assert german.of("pelvic_tilt", "regular").name == "Beckenkippen"
    assert german.of("bridge", "regular") == VOICES.english.of("bridge", "regular"), "English"
    script = guide_script(german, "pelvic_tilt", "regular", Dose(reps=1, hold_seconds=5))
    assert script.cues[0].text == "Beckenkippen. Los geht's."


def test_a_translation_a_voice_would_read_as_a_symbol_stops_loading(tmp_path: Path) -> None:
    locale = tmp_path / "locale"
    shutil.copytree(DEFAULT_LOCALE_DIR / "ru", locale / "ru")
    path = catalogue_path(locale, "ru")
    text = path.read_text()
    path.write_text(text.replace('msgstr "Раз."', 'msgstr "Раз →"', 1))
    with pytest.raises(ContentError, match="ru voice"):
        load_voices(locale_dir=locale)


def test_a_translation_that_drops_its_placeholder_stops_loading(tmp_path: Path) -> None:
    locale = tmp_path / "locale"
    shutil.copytree(DEFAULT_LOCALE_DIR / "ru", locale / "ru")
    path = catalogue_path(locale, "ru")
    text = path.read_text()
    path.write_text(text.replace('msgstr "Осталось {seconds} секунд."', 'msgstr "Осталось."'))
    with pytest.raises(ContentError, match=r"ru voice.*seconds"):
        load_voices(locale_dir=locale)


@pytest.mark.parametrize("language", OTHERS)
def test_the_voice_is_translated(language: str) -> None:
    voice, english = VOICES.of(language), VOICES.english
    for field in ("start", "end", "seconds_left", "count", "mid_hold", "left", "right"):
        assert getattr(voice.words, field) != getattr(english.words, field), field
    for key, variants in english.exercises.items():
        for variant, script in variants.items():
            own = voice.of(key, variant)
            assert own.name != script.name
            assert [move.say for move in own.moves] != [move.say for move in script.moves]
    assert (voice.timing, voice.rate) == (english.timing, english.rate), "timing is not words"


def test_unknown_languages_get_the_english_voice() -> None:
    assert VOICES.spoken("de") == ENGLISH
    assert VOICES.of("de") is VOICES.english
    assert voices_for(VOICES.english) is voices_for(VOICES.english), "loaded once"
    own = VOICES.english.model_copy(update={"rate": 170})
    assert voices_for(own) == Voices(own, {}), "another content's voice: English only"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_phrase_is_read_as_words_of_the_language(content: Content, language: str) -> None:
    voice = VOICES.of(language)
    found = [
        problem
        for text in sorted(phrases(voice, content))
        for problem in read_as_words(text, voice.voice)
    ]
    assert found == []


def test_a_word_the_voice_cannot_read_is_caught() -> None:
    """The check above can fail: a Latin name in Persian, a Persian word in Spanish."""
    assert read_as_words("Plank, نگه دارید.", "fa")
    assert read_as_words("نگه دارید.", "es-419")
    assert read_as_words("نگه دارید.", "fa") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_seconds_and_counts_are_said_as_numbers(language: str) -> None:
    voice = VOICES.of(language)
    assert says_ten(voice.words.seconds_left, language, voice.voice)
    for count in voice.words.count:
        said = SPEAKER.phonemes(count, voice.voice)
        assert len(said.split()) == 1, f"{count!r} is one word, not spelled: {said}"
        assert read_as_words(count, voice.voice) == []
        assert measure(voice)(count) >= 0.2, f"{count!r} is heard"


def test_a_number_said_otherwise_is_caught() -> None:
    """The checks above can fail: "{seconds}" read in English by the Persian check, a count
    spelled letter by letter by a voice that does not read its script."""
    assert not says_ten("{seconds} ثانیه مانده.", "fa", "en")
    assert not says_ten("Осталось {seconds} секунд.", "ru", "en")
    assert len(SPEAKER.phonemes("Раз.", "en").split()) > 1


@pytest.mark.parametrize("language", OTHERS)
def test_every_guide_says_every_cue_english_says(content: Content, language: str) -> None:
    """Longer phrases make longer slots, never a count, a mid-hold phrase or "10 seconds left"
    left out for want of room: per guide, as many cues of each kind as in English."""
    voice = VOICES.of(language)
    different = []
    for key, variant, dose in guides(content):
        english = guide_script(VOICES.english, key, variant, dose)  # type: ignore[arg-type]
        own = guide_script(voice, key, variant, dose)  # type: ignore[arg-type]
        kinds, english_kinds = (
            Counter(c.kind for c in own.cues),
            Counter(c.kind for c in english.cues),
        )
        if kinds != english_kinds:
            different.append(f"{key} {variant} {dose}: {dict(kinds)} ≠ {dict(english_kinds)}")
    assert different == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_slots_are_measured_and_holds_keep_their_dose(content: Content, language: str) -> None:
    """Each phrase has its measured length plus the silent tail before the next cue, and every
    hold's words are said within the hold (so it lasts its dose, give or take the tail)."""
    voice = VOICES.of(language)
    spoken, tail = measure(voice), voice.timing.tail
    for key, variant, dose in guides(content):
        script = guide_script(voice, key, variant, dose)  # type: ignore[arg-type]
        for cue, following in zip(script.cues, script.cues[1:], strict=False):
            assert cue.slot == pytest.approx(spoken(cue.text) + tail)
            assert following.time >= cue.time + cue.slot - 1e-9, (key, cue.text)
            if cue.kind is CueKind.HOLD and dose.hold_seconds:
                assert spoken(cue.text) <= dose.hold_seconds, (key, variant, cue.text)
                assert cue.hold_end - cue.time <= dose.hold_seconds + tail


def test_a_language_has_its_own_guide_file(tmp_path: Path, content: Content) -> None:
    library = MediaLibrary(tmp_path, content)
    dose = Dose(reps=2, hold_seconds=5)
    english = library.voice_path("bridge", "regular", None, dose)
    russian = library.voice_path("bridge", "regular", None, dose, "ru")
    assert english != russian
    assert "-ru-espeak-ru-" in russian.name
    assert "-en-espeak-en-" in english.name
    assert library.voice_path("bridge", "regular", None, dose, "de") == english
    assert library.voice_path("bridge", "regular", None, dose, "ru") == russian, "stable"


def test_limber_media_renders_every_language_ahead(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = MediaLibrary(tmp_path, content)
    asked: list[str] = []

    def voice_guide(key: str, variant: str, side: None, dose: Dose, language: str) -> Path:
        asked.append(language)
        return tmp_path

    monkeypatch.setattr(library, "animation", lambda *_: tmp_path)
    monkeypatch.setattr(library, "still", lambda *_: tmp_path)
    monkeypatch.setattr(library, "voice_guide_sync", voice_guide)
    library.render_all()
    assert Counter(asked) == {language: len(guides(content)) for language in LANGUAGES}


def test_a_guide_is_named_the_same_whatever_the_engine_said_before(
    tmp_path: Path, content: Content
) -> None:
    """eSpeak NG's output differs by a few samples with what it said before: the bot and its
    render worker (or two machines) measure slightly different slots. The file's name must not
    follow them, or the worker's file is never found by the bot, nor by the next start."""
    library = MediaLibrary(tmp_path, content)
    dose = content.tracks.exercise("pelvic_tilt").dose
    names = []
    for other in ("Шшш, сссс.", "Something else, said first."):
        _spoken_seconds.cache_clear()  # a new process
        SPEAKER.say(other, "ru", 150)
        names.append(library.voice_path("pelvic_tilt", "regular", None, dose).name)
        names.append(library.voice_path("pelvic_tilt", "regular", None, dose, "fa").name)
    assert names[:2] == names[2:]


def test_a_changed_word_names_a_new_guide(tmp_path: Path, content: Content) -> None:
    library = MediaLibrary(tmp_path, content)
    dose = content.tracks.exercise("pelvic_tilt").dose
    before = library.voice_path("pelvic_tilt", "regular", None, dose, "ru")
    russian = VOICES.of("ru")
    words = russian.words.model_copy(update={"end": "Готово."})
    changed = Voices(
        VOICES.english, {**VOICES.others, "ru": russian.model_copy(update={"words": words})}
    )
    after = MediaLibrary(tmp_path, content, voices=changed).voice_path(
        "pelvic_tilt", "regular", None, dose, "ru"
    )
    assert after != before
    assert (
        MediaLibrary(tmp_path, content, voices=VOICES).voice_path(
            "pelvic_tilt", "regular", None, dose, "ru"
        )
        == before
    )
