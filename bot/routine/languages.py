"""Limber in the person's language: the content localised once per catalogue at start-up, and
the right one chosen for each update by the language Telegram says the person uses.

A language is a line in `content/languages.yaml` (its own name, its voice, its direction) and a
catalogue (`locale/<lang>/LC_MESSAGES/limber.po`): its texts and every track's words are the English
content with the catalogue's translations (English where a sentence has none yet). What people
type is read with the language's own word files (`intents.<lang>.yaml`, `red_flags.<lang>.yaml`)
where it has them, and always in English too.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel.messages.catalog import Catalog
from pydantic import BaseModel, ConfigDict, Field, model_validator

from bot.routine.catalogue import (
    DEFAULT_LOCALE_DIR,
    PSEUDO_LOCALE,
    content_documents,
    languages,
    load_catalogue,
    localise,
)
from bot.routine.content import (
    DEFAULT_CONTENT_DIR,
    Content,
    Routine,
    Texts,
    Tracks,
    load_clock,
    load_content,
    load_emergency_numbers,
)

log = logging.getLogger(__name__)
ENGLISH = "en"
LANGUAGES_FILE = "languages.yaml"


class SpokenLanguage(BaseModel):
    """One line of content/languages.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")
    """The catalogue's name (locale/<code>/) and the word files' suffix."""
    name: str = Field(min_length=1, max_length=30)
    """The language's own name, as /language lists it ("Русский")."""
    voice: str = Field(pattern=r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
    """The eSpeak NG voice its guides are spoken in."""
    direction: str = Field(pattern=r"^(ltr|rtl)$")
    zones: tuple[str, ...] = Field(default=(), max_length=8)
    """The time zones offered first when setting a reminder (the language's main countries);
    English's are in texts.yaml."""


class LanguageTable(BaseModel):
    """content/languages.yaml: every language Limber speaks, English first."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    languages: tuple[SpokenLanguage, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _english_first_and_unique(self) -> LanguageTable:
        codes = [language.code for language in self.languages]
        if codes[0] != ENGLISH:
            raise ValueError("languages: English comes first (the fallback)")
        if len(set(codes)) != len(codes):
            raise ValueError("languages: a code is listed twice")
        return self

    def get(self, code: str) -> SpokenLanguage:
        return next(
            (language for language in self.languages if language.code == code),
            self.languages[0],
        )


PSEUDO_LINE = SpokenLanguage(code=PSEUDO_LOCALE, name="[Ëñĝļîšĥ]", voice="en", direction="ltr")
"""The pseudo-locale's line (never shipped: `load_languages(pseudo=True)` in tests)."""


def load_language_table(content_dir: Path = DEFAULT_CONTENT_DIR) -> LanguageTable:
    path = content_dir / LANGUAGES_FILE
    return LanguageTable.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Languages:
    """Content by language (catalogue names: "ru", "pt_BR"); English is the fallback."""

    english: Content
    others: Mapping[str, Content]
    table: LanguageTable

    def spoken(self) -> tuple[SpokenLanguage, ...]:
        """English and every language with content, in the table's order (what /language lists)."""
        return tuple(
            language
            for language in self.table.languages
            if language.code == ENGLISH or language.code in self.others
        )

    def code_for(self, language_code: str | None) -> str:
        """The language Limber speaks to someone whose Telegram says *language_code* ("ru",
        "pt-br", "pt"): the exact catalogue, else one for the same language, else English."""
        if not language_code:
            return ENGLISH
        wanted = language_code.replace("-", "_").casefold()
        by_name = {name.casefold(): name for name in self.others}
        if wanted in by_name:
            return by_name[wanted]
        base = wanted.split("_")[0]
        for name in sorted(self.others):
            if name.casefold().split("_")[0] == base:
                return name
        return ENGLISH

    def content(self, code: str) -> Content:
        return self.others.get(code, self.english)


def shipped_languages(content: Content) -> Languages | None:
    """The catalogues' languages when *content* is the shipped content (localised once per
    process); None for any other content (a test's own track, a custom CONTENT_DIR): English."""
    shipped = _shipped()
    same = content.texts == shipped.english.texts and content.tracks == shipped.english.tracks
    return shipped if same else None


@cache
def _shipped() -> Languages:
    return load_languages(load_content())


def load_languages(
    english: Content,
    content_dir: Path = DEFAULT_CONTENT_DIR,
    locale_dir: Path = DEFAULT_LOCALE_DIR,
    *,
    pseudo: bool = False,
) -> Languages:
    """Every listed language with a catalogue, localised from *english*'s files (validated like
    English). A catalogue without a line in languages.yaml is not spoken (logged). *pseudo*:
    the pseudo-locale en-XA too (tests: any sentence that stays English is hard-coded)."""
    table = load_language_table(content_dir)
    if pseudo:
        table = LanguageTable(languages=(*table.languages, PSEUDO_LINE))
    documents = content_documents(content_dir)
    emergency = load_emergency_numbers(content_dir)
    others = {}
    listed = {language.code for language in table.languages}
    for name in (*languages(locale_dir), *((PSEUDO_LOCALE,) if pseudo else ())):
        if name not in listed:
            log.warning("locale/%s has no line in %s: not spoken", name, LANGUAGES_FILE)
            continue
        catalog = load_catalogue(name, locale_dir)
        if catalog is None:
            continue
        language = name.split("_")[0]
        tree = _localised(documents, catalog, "texts")
        tree["language"] = name
        line = table.get(name)
        if line.zones:
            tree["reminders"]["zone_choices"] = list(line.zones)
        texts = Texts.model_validate(
            tree, context={"language": language, "emergency": emergency.say(name)}
        )
        routines = [
            Routine.model_validate(
                _localised(documents, catalog, f"routines/{track.id}/routine"),
                context={"language": language},
            )
            if f"routines/{track.id}/routine" in documents
            else track
            for track in english.tracks
        ]
        others[name] = replace(
            english,
            tracks=Tracks(routines),
            texts=texts,
            clock=load_clock(content_dir, name),
        )
    return Languages(english, others, table)


def _localised(documents: Mapping[str, Path], catalog: Catalog, document: str) -> Any:
    tree = yaml.safe_load(documents[document].read_text(encoding="utf-8"))
    result = localise(tree, catalog, document)
    if result.fallbacks:
        log.info("%s: %d sentences in English", document, len(result.fallbacks))
    return result.tree
