"""The voice guide in every language Limber speaks.

A language's voice is the English voice documents (`content/voice.yaml` and each track's
`voice.yaml`) localised with its catalogue (`bot.routine.catalogue.localise`, as its texts and
routines are), validated like English (`VoiceContent`: nothing a speech engine would read as a
symbol), and spoken by the eSpeak NG voice its line in `content/languages.yaml` names. English is
the fallback for any language without a catalogue.

    voices = load_voices()
    voices.of("ru").words.start       # "{name}. Примите исходное положение, и начнём."
    voices.of("ru").voice             # "ru", from content/languages.yaml
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel.messages.catalog import Catalog
from pydantic import ValidationError

from bot.media.voice import VOICE_FILE, Speaker, load_voice, speech_available
from bot.routine.catalogue import (
    DEFAULT_LOCALE_DIR,
    CatalogueError,
    content_documents,
    load_catalogue,
    localise,
)
from bot.routine.content import DEFAULT_CONTENT_DIR, ContentError
from bot.routine.languages import ENGLISH, LANGUAGES_FILE, load_language_table
from bot.routine.set_script import VoiceContent

log = logging.getLogger(__name__)
VOICE_DOCUMENT = VOICE_FILE.removesuffix(".yaml")


@dataclass(frozen=True)
class Voices:
    """The voice content by language (catalogue names: "ru", "pt_BR"); English is the fallback."""

    english: VoiceContent
    others: Mapping[str, VoiceContent]

    def spoken(self, language: str) -> str:
        """The language a guide asked for in *language* is spoken in (English if it has none)."""
        return language if language in self.others else ENGLISH

    def of(self, language: str) -> VoiceContent:
        return self.others.get(language, self.english)

    @property
    def languages(self) -> tuple[str, ...]:
        """English, then every other language with a voice."""
        return (ENGLISH, *self.others)


def load_voices(
    content_dir: Path = DEFAULT_CONTENT_DIR, locale_dir: Path = DEFAULT_LOCALE_DIR
) -> Voices:
    """English and every language listed in languages.yaml that has a catalogue. A voice that
    eSpeak NG does not have, or a translation that breaks the script's rules, is a ContentError
    (it stops start-up as a broken YAML does)."""
    english = load_voice(content_dir)
    table = load_language_table(content_dir)
    if table.get(ENGLISH).voice != english.voice:
        raise ContentError(
            f"{content_dir / LANGUAGES_FILE}: English's voice {table.get(ENGLISH).voice!r} is "
            f"not {content_dir / VOICE_FILE}'s {english.voice!r}"
        )
    documents = {
        document: yaml.safe_load(path.read_text(encoding="utf-8"))
        for document, path in content_documents(content_dir).items()
        if document == VOICE_DOCUMENT or document.endswith(f"/{VOICE_DOCUMENT}")
    }  # read once: localising builds new trees
    others: dict[str, VoiceContent] = {}
    for line in table.languages[1:]:
        catalog = load_catalogue(line.code, locale_dir)
        if catalog is None:
            continue
        try:
            tree = {**_localised(documents, catalog), "voice": line.voice}
            others[line.code] = VoiceContent.model_validate(tree)
        except CatalogueError as error:
            raise ContentError(f"the {line.code} voice: {error}") from error
        except ValidationError as error:
            raise ContentError(
                "\n".join(
                    f"the {line.code} voice: field {'.'.join(map(str, p['loc']))}: {p['msg']}"
                    for p in error.errors()
                )
            ) from error
    voices = Voices(english, others)
    _check_engine_has(voices, content_dir)
    return voices


def _localised(documents: Mapping[str, Any], catalog: Catalog) -> dict[str, Any]:
    """The shared voice document and every track's (as YAML gives them), each localised, merged
    as `bot.routine.content.read_with_tracks` merges the English ones."""
    shared = _localised_document(documents, catalog, VOICE_DOCUMENT)
    exercises = dict(shared.get("exercises") or {})
    for document in sorted(documents):
        if document != VOICE_DOCUMENT:
            exercises |= _localised_document(documents, catalog, document)["exercises"] or {}
    return {**shared, "exercises": exercises}


def _localised_document(
    documents: Mapping[str, Any], catalog: Catalog, document: str
) -> dict[str, Any]:
    result = localise(documents[document], catalog, document)
    if result.fallbacks:
        log.info("%s: %d voice phrases in English", document, len(result.fallbacks))
    localised: dict[str, Any] = result.tree
    return localised


def _check_engine_has(voices: Voices, content_dir: Path) -> None:
    """Every language's eSpeak NG voice exists (a wrong name would speak in whatever voice came
    before: Russian words with a Persian voice). Skipped where speech cannot load (tones)."""
    if not speech_available():
        return
    speaker = Speaker.get()
    for language in voices.languages:
        name = voices.of(language).voice
        if not speaker.has_voice(name):
            raise ContentError(
                f"{content_dir / LANGUAGES_FILE}: eSpeak NG has no voice {name!r} ({language})"
            )


@cache
def _shipped() -> Voices:
    return load_voices()


def voices_for(english: VoiceContent) -> Voices:
    """Every shipped language's voice when *english* is the shipped English voice (loaded once
    per process); English alone for any other (a test's own content, a custom CONTENT_DIR), as
    `bot.routine.languages.shipped_languages` does for texts."""
    shipped = _shipped()
    return shipped if english == shipped.english else Voices(english, {})
