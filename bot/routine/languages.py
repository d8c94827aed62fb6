"""Limber in the person's language: the content localised once per catalogue at start-up, and
the right one chosen for each update by the language Telegram says the person uses.

A language is a catalogue (`locale/<lang>/LC_MESSAGES/limber.po`) and nothing else: its texts and
every track's words are the English content with the catalogue's translations (English where a
sentence has none yet). What people type and the warning-sign words stay English until a
language has its own word files (`intents.<lang>.yaml`, `red_flags.<lang>.yaml`): the localised
texts say so.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog

from bot.routine.catalogue import (
    DEFAULT_LOCALE_DIR,
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
    load_content,
)

log = logging.getLogger(__name__)
ENGLISH = "en"


@dataclass(frozen=True)
class Languages:
    """Content by language (catalogue names: "ru", "pt_BR"); English is the fallback."""

    english: Content
    others: Mapping[str, Content]

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
) -> Languages:
    """Every catalogue's language, localised from *english*'s files (validated like English)."""
    documents = content_documents(content_dir)
    others = {}
    for name in languages(locale_dir):
        catalog = load_catalogue(name, locale_dir)
        if catalog is None:
            continue
        language = name.split("_")[0]
        texts = Texts.model_validate(
            _localised(documents, catalog, "texts"), context={"language": language}
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
        others[name] = replace(english, tracks=Tracks(routines), texts=texts)
    return Languages(english, others)


def _localised(documents: Mapping[str, Path], catalog: Catalog, document: str) -> object:
    tree = yaml.safe_load(documents[document].read_text(encoding="utf-8"))
    result = localise(tree, catalog, document)
    if result.fallbacks:
        log.info("%s: %d sentences in English", document, len(result.fallbacks))
    return result.tree
