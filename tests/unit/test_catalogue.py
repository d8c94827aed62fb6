"""Gettext catalogues for content/: what is extracted, how translations come back, the
pseudo-locale, Babel's update semantics, and the first real catalogue (Russian)."""

from __future__ import annotations

import math
import re
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.catalog import Catalog, Message

from bot.routine.catalogue import (
    DEFAULT_LOCALE_DIR,
    DOCUMENT_RULES,
    PSEUDO_LOCALE,
    TEMPLATE_FILE,
    CatalogueError,
    content_documents,
    document_kind,
    extract,
    load_catalogue,
    localise,
    main,
    plural_categories,
    pseudo,
    read_catalogue,
    sentences,
    update,
    write_catalogue,
)
from bot.routine.content import DEFAULT_CONTENT_DIR, Routine, Texts

FLOOR = "routines/floor/routine"
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def tree_of(document: str) -> Any:
    return yaml.safe_load(content_documents()[document].read_text(encoding="utf-8"))


def catalogue(language: str, *messages: Message) -> Catalog:
    catalog = Catalog(locale=language)
    for message in messages:
        catalog[message.id] = message
    return catalog


def all_paths(tree: Any, path: str = "") -> list[str]:
    if isinstance(tree, dict):
        return [p for key, value in tree.items() for p in all_paths(value, f"{path}.{key}")]
    if isinstance(tree, list):
        named = [
            (item.get("key") or item.get("id") or str(index)) if isinstance(item, dict) else index
            for index, item in enumerate(tree)
        ]
        return [
            p
            for name, item in zip(named, tree, strict=True)
            for p in all_paths(item, f"{path}.{name}")
        ]
    return [path.lstrip(".")]


# --- what is a sentence ----------------------------------------------------------------------


def test_every_content_file_with_sentences_is_a_document() -> None:
    documents = content_documents()
    assert {"texts", "voice", "poses", FLOOR} <= set(documents)
    assert all(document_kind(name) in DOCUMENT_RULES for name in documents)


@pytest.mark.parametrize("kind", sorted(DOCUMENT_RULES))
def test_no_rule_is_dead(kind: str) -> None:
    """Every pattern names keys some real file of its kind has (a renamed key shows here)."""
    paths = [
        path
        for document in content_documents()
        if document_kind(document) == kind
        for path in all_paths(tree_of(document))
    ]
    rules = DOCUMENT_RULES[kind]
    for pattern in (*rules.translated, *rules.not_translated):
        assert any(fnmatchcase(path, pattern) for path in paths), pattern


# One token with `_`, `/`, a digit or `%`, or a language tag: an id, a zone, a time, a format.
LOOKS_LIKE_DATA = re.compile(r"\S*[_/\d%]\S*|[a-z]{2,3}-[a-z]{2,4}")


@pytest.mark.parametrize("document", sorted(content_documents()))
def test_no_id_key_version_or_choice_is_extracted(document: str) -> None:
    found = list(sentences(tree_of(document), document))
    for sentence in found:  # a track's poses hold no words (the labels are content/poses.yaml's)
        for text in (
            sentence.english if isinstance(sentence.english, tuple) else (sentence.english,)
        ):
            assert not LOOKS_LIKE_DATA.fullmatch(text), sentence.context


def test_what_texts_yaml_keeps_out_of_the_catalogue() -> None:
    contexts = {sentence.path for sentence in sentences(tree_of("texts"), "texts")}
    assert "buttons.done" in contexts
    assert "onboarding.checklist.saddle.text" in contexts
    for kept_out in (
        "language",
        "onboarding.consent_version",
        "onboarding.checklist.saddle.id",
        "onboarding.checklist.saddle.level",
        "onboarding.checklist.fever.timeframe",
        "onboarding.checklist.saddle.concepts.SADDLE",
        "reminders.zone_choices.0",
        "reminders.time_choices.0",
        "progress.chart_day_format",
        "hints.acknowledged",  # 👍 alone: no words
    ):
        assert kept_out not in contexts


def test_the_routine_keeps_its_authoring_notes_and_numbers_out() -> None:
    paths = {sentence.path for sentence in sentences(tree_of(FLOOR), FLOOR)}
    assert {"exercises.pelvic_tilt.title", "exercises.pelvic_tilt.cues.0"} <= paths
    assert "exercises.bridge.gentler.title" in paths
    assert not [path for path in paths if path.endswith(("source", ".key", "version"))]
    assert not [path for path in paths if ".dose." in path or path.startswith("rules.")]


# --- extract ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template() -> Catalog:
    return extract()


def test_extract_names_each_sentence_by_where_it_lives(template: Catalog) -> None:
    done = template.get("✅ Done", context="texts:buttons.done")
    assert done is not None
    assert done.locations == [("content/texts.yaml", 6)]
    title = template.get("Pelvic tilt", context=f"{FLOOR}:exercises.pelvic_tilt.title")
    assert title is not None
    contexts = [message.context for message in template if message.id]
    assert len(contexts) == len(set(contexts))


def test_extract_gives_translators_the_comments_and_the_placeholder_flag(
    template: Catalog,
) -> None:
    stop_line = template.get(
        "Stop if you feel {signs} — tap 😣 Too painful.", context="texts:media.stop_line"
    )
    assert stop_line is not None
    assert "python-brace-format" in stop_line.flags
    assert any("{signs} are the routine's stop signs" in line for line in stop_line.auto_comments)


def test_a_plural_is_a_plural_entry(template: Catalog) -> None:
    days = template.get("{count} day", context="texts:progress.days")
    assert days is not None
    assert days.id == ("{count} day", "{count} days")
    assert days.pluralizable


def test_the_committed_template_is_what_content_gives(template: Catalog) -> None:
    """locale/limber.pot is regenerated (`python -m bot.routine.catalogue extract`) with content."""
    committed = read_catalogue(DEFAULT_LOCALE_DIR / TEMPLATE_FILE)
    assert [(m.context, m.id) for m in committed if m.id] == [
        (m.context, m.id) for m in template if m.id
    ]


# --- plural forms: gettext's Plural-Forms mapped onto CLDR's categories ----------------------


@pytest.mark.parametrize(
    ("language", "categories"),
    [
        ("en", ("one", "other")),
        ("ru", ("one", "few", "many")),
        ("uk", ("one", "few", "many")),
        ("fa", ("one", "other")),
        ("id", ("other",)),
        ("pt_BR", ("one", "many", "other")),
        ("es", ("one", "many", "other")),
        (PSEUDO_LOCALE, ("one", "other")),
    ],
)
def test_each_gettext_form_is_one_cldr_category(language: str, categories: tuple[str, ...]) -> None:
    assert plural_categories(Catalog(locale=language)) == categories


def test_a_plural_form_that_mixes_categories_is_refused() -> None:
    catalog = Catalog(locale="ru")
    catalog._num_plurals, catalog._plural_expr = 2, "(n != 1)"
    with pytest.raises(CatalogueError, match="msgstr"):
        plural_categories(catalog)


@pytest.mark.parametrize(
    ("language", "forms", "expected"),
    [
        ("uk", ("{count} день", "{count} дні", "{count} днів"),
         ["1 день", "2 дні", "5 днів", "11 днів", "21 день", "22 дні", "25 днів"]),
        ("fa", ("{count} روز", "{count} روز"), [f"{n} روز" for n in (1, 2, 5, 11, 21, 22, 25)]),
        ("id", ("{count} hari",), [f"{n} hari" for n in (1, 2, 5, 11, 21, 22, 25)]),
    ],
)  # fmt: skip
def test_a_translated_plural_comes_back_as_cldr_categories(
    language: str, forms: tuple[str, ...], expected: list[str]
) -> None:
    catalog = catalogue(
        language,
        Message(("{count} day", "{count} days"), forms, context="texts:progress.days"),
    )
    tree = localise(tree_of("texts"), catalog).tree
    texts = Texts.model_validate(tree, context={"language": language})
    assert [texts.progress.days.of(n) for n in (1, 2, 5, 11, 21, 22, 25)] == expected


# --- localise --------------------------------------------------------------------------------

DONE = ("✅ Done", "texts:buttons.done")
TIMER = ("⏱ Start {seconds} s timer", "texts:buttons.timer")


def buttons(catalog: Catalog) -> Any:
    return localise(tree_of("texts"), catalog).tree["buttons"]


def test_a_translation_replaces_the_english() -> None:
    catalog = catalogue("es", Message(DONE[0], "✅ Hecho", context=DONE[1]))
    result = localise(tree_of("texts"), catalog)
    assert result.tree["buttons"]["done"] == "✅ Hecho"
    assert result.tree["buttons"]["skip"] == "⏭ Skip"
    assert "texts:buttons.skip" in result.untranslated
    assert "texts:buttons.done" not in result.fallbacks


def test_a_fuzzy_translation_falls_back_to_english_and_is_reported() -> None:
    catalog = catalogue("es", Message(DONE[0], "✅ Hecho", context=DONE[1], flags=["fuzzy"]))
    result = localise(tree_of("texts"), catalog)
    assert result.tree["buttons"]["done"] == "✅ Done"
    assert result.fuzzy == ("texts:buttons.done",)


def test_a_translation_of_older_english_falls_back() -> None:
    """The catalogue has not been updated since the English changed: the key's msgid differs."""
    catalog = catalogue("es", Message("✅ Finished", "✅ Terminado", context=DONE[1]))
    result = localise(tree_of("texts"), catalog)
    assert result.tree["buttons"]["done"] == "✅ Done"
    assert "texts:buttons.done" in result.untranslated


@pytest.mark.parametrize(
    ("translation", "problem"),
    [
        ("⏱ Temporizador", r"texts:buttons.timer: placeholders dropped \['\{seconds\}'\]"),
        ("⏱ {segundos} s", r"invented \['\{segundos\}'\]"),
        ("⏱ <b>{seconds}</b> s", "texts:buttons.timer: HTML tags"),
        ("⏱ {seconds s", "texts:buttons.timer: the translation's braces do not parse"),
    ],
)
def test_a_translation_that_breaks_its_placeholders_or_tags_is_rejected(
    translation: str, problem: str
) -> None:
    catalog = catalogue("es", Message(TIMER[0], translation, context=TIMER[1]))
    with pytest.raises(CatalogueError, match=problem):
        localise(tree_of("texts"), catalog)


def test_a_plural_form_with_a_placeholder_dropped_is_rejected() -> None:
    catalog = catalogue(
        "ru",
        Message(
            ("{count} day", "{count} days"),
            ("{count} день", "дня", "{count} дней"),
            context="texts:progress.days",
        ),
    )
    with pytest.raises(CatalogueError, match=r"texts:progress.days\[few\]"):
        localise(tree_of("texts"), catalog)


def test_a_plural_with_an_empty_form_falls_back() -> None:
    catalog = catalogue(
        "ru",
        Message(
            ("{count} day", "{count} days"), ("{count} день", "", ""), context="texts:progress.days"
        ),
    )
    result = localise(tree_of("texts"), catalog)
    assert result.tree["progress"]["days"] == {"one": "{count} day", "other": "{count} days"}
    assert "texts:progress.days" in result.untranslated


# --- update: Babel's merge, a changed English sentence made fuzzy by its key -----------------


def test_update_makes_a_changed_sentence_fuzzy_and_keeps_a_removed_one_obsolete() -> None:
    old = catalogue(
        "es",
        Message("✅ Finished", "✅ Terminado", context=DONE[1]),
        Message("Gone", "Ido", context="texts:buttons.gone"),
    )
    new_template = Catalog()
    new_template.add(DONE[0], context=DONE[1])
    new_template.add("🌱 Gentler", context="texts:buttons.gentler_now")
    merged = update(old, new_template)
    done = merged.get(DONE[0], context=DONE[1])
    assert done is not None
    assert done.string == "✅ Terminado"
    assert done.fuzzy
    assert done.previous_id == ["✅ Finished"]
    assert ("Gone", "texts:buttons.gone") in merged.obsolete
    fresh = merged.get("🌱 Gentler", context="texts:buttons.gentler_now")
    assert fresh is not None
    assert not fresh.string


# --- the pseudo-locale -----------------------------------------------------------------------


def test_pseudo_accents_brackets_and_lengthens() -> None:
    text = "Exercise {number} of {total} · {title}"
    result = pseudo(text)
    assert result.startswith("[Éẋéŕçîšé {number} öƒ {total} · {title}")
    assert result.endswith("]")
    assert len(result) == len(text) + math.ceil(len(text) * 0.4)
    assert not re.search(r"[a-zA-Z]{2,}", re.sub(r"\{[^}]*\}", "", result))


@pytest.mark.parametrize(
    "kept",
    ["{count}", "<b>", "</b>", "https://example.org/a/b", "/session", "12:30", "0–10", "🎉", "😣"],
)
def test_pseudo_keeps_what_is_not_words(kept: str) -> None:
    assert kept in pseudo(
        "Tap <b>this</b> {count} /session https://example.org/a/b at 12:30 0–10 🎉 😣"
    )


def test_the_pseudo_catalogue_changes_every_sentence(template: Catalog) -> None:
    catalog = load_catalogue(PSEUDO_LOCALE)
    assert catalog is not None
    for document in content_documents():
        tree = tree_of(document)
        result = localise(tree, catalog, document)
        assert result.fallbacks == ()
        english = {s.context: s.english for s in sentences(tree, document)}
        changed = {s.context: s.english for s in sentences(result.tree, document)}
        assert english.keys() == changed.keys()
        assert not [key for key in english if english[key] == changed[key]]


def test_the_pseudo_locale_fits_every_limit() -> None:
    """About 40 % longer, but never past a sentence's own cap (a checklist line: 60 characters,
    one phone line): every document validates in en-XA."""
    catalog = load_catalogue(PSEUDO_LOCALE)
    assert catalog is not None
    Routine.model_validate(localise(tree_of(FLOOR), catalog, FLOOR).tree)
    texts = Texts.model_validate(localise(tree_of("texts"), catalog).tree)
    shorts = [item.short for item in texts.onboarding.checklist]
    assert all(len(short) <= 60 for short in shorts)
    assert any(short.startswith("[") for short in shorts)  # padded where it fits
    assert texts.buttons.done.startswith("[")
    assert len(texts.buttons.done) > len("✅ Done") * 1.3


# --- the first real catalogue: Russian ---------------------------------------------------------


@pytest.fixture(scope="module")
def russian() -> Catalog:
    catalog = load_catalogue("ru")
    assert catalog is not None
    return catalog


def test_russian_buttons_round_trip_into_valid_texts(russian: Catalog) -> None:
    result = localise(tree_of("texts"), russian)
    texts = Texts.model_validate(result.tree, context={"language": "ru"})
    labels = texts.buttons.model_dump()
    assert all(CYRILLIC.search(label) for label in labels.values()), labels
    assert texts.buttons.done == "✅ Готово"
    assert texts.buttons.timer.format(seconds=30) == "⏱ Таймер на 30 с"
    assert [texts.progress.days.of(n) for n in (1, 2, 5, 21)] == [
        "1 день",
        "2 дня",
        "5 дней",
        "21 день",
    ]
    assert texts.safety.hours.of(6) == "6 часов"
    # The catalogue is complete (tests/unit/test_catalogue_ru.py checks it in depth).
    assert texts.onboarding.ready == "Спасибо — всё готово."
    assert result.untranslated == ()
    assert result.fuzzy == ()


def test_russian_exercise_titles_round_trip(russian: Catalog) -> None:
    routine = Routine.model_validate(localise(tree_of(FLOOR), russian, FLOOR).tree)
    titles = [exercise.title for exercise in routine.exercises]
    assert titles[:2] == ["Наклон таза", "Ягодичный мостик"]
    assert all(CYRILLIC.search(title) for title in titles)
    assert all(CYRILLIC.search(e.gentler.title) for e in routine.exercises if e.gentler)


def test_every_catalogue_is_in_step_with_the_template(template: Catalog) -> None:
    """`update` has been run: each language has every message of limber.pot."""
    wanted = {(m.context, m.id) for m in template if m.id}
    for folder in sorted(DEFAULT_LOCALE_DIR.glob("*/LC_MESSAGES/limber.po")):
        have = {(m.context, m.id) for m in read_catalogue(folder) if m.id}
        assert have == wanted, folder


# --- the command line ------------------------------------------------------------------------


def test_the_command_line_extracts_starts_updates_and_pseudo_localises(
    content_copy: Path, tmp_path: Path
) -> None:
    locale = tmp_path / "locale"
    common = ["--content", str(content_copy), "--locale", str(locale)]
    assert main([*common, "extract"]) == 0
    assert main([*common, "init", "pt-BR"]) == 0
    assert main([*common, "pseudo"]) == 0
    po = locale / "pt_BR" / "LC_MESSAGES" / "limber.po"
    brazil = read_catalogue(po)
    assert brazil.num_plurals == 3
    message = brazil.get("✅ Done", context="texts:buttons.done")
    assert message is not None
    message.string = "✅ Feito"
    write_catalogue(brazil, po)
    texts = content_copy / "texts.yaml"
    texts.write_text(texts.read_text("utf-8").replace("done: ✅ Done", "done: ✅ Done!"), "utf-8")
    assert main([*common, "extract"]) == 0
    assert main([*common, "update"]) == 0
    updated = read_catalogue(po).get("✅ Done!", context="texts:buttons.done")
    assert updated is not None
    assert updated.fuzzy
    assert updated.string == "✅ Feito"
    assert (locale / PSEUDO_LOCALE / "LC_MESSAGES" / "limber.po").is_file()
    assert main([*common, "init", "pt-BR"]) == 1


def test_the_shipped_default_is_the_source_tree() -> None:
    assert DEFAULT_LOCALE_DIR.parent == DEFAULT_CONTENT_DIR.parent
