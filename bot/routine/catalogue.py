"""Gettext catalogues for content/: the sentences out (a .pot), the translations back in.

Every user-facing string of a content file is one gettext message. Its msgctxt says where the
sentence lives, `<document>:<key path>` (`texts:buttons.done`,
`routines/floor/routine:exercises.pelvic_tilt.cues.0`; a list item with a `key` or `id` is named
by it, any other by its index), and its msgid is the English text, so a changed English sentence
no longer matches its translation: `update` marks it fuzzy and `localise` falls back to English
until a translator confirms it. A `Plural` (a mapping of CLDR categories) is a plural message:
msgid `one`, msgid_plural `other`, one msgstr per form of the catalogue's Plural-Forms.

Which strings are sentences is data (`DOCUMENT_RULES`, tested against the real files): ids,
keys, versions, enum values, time and zone choices, formats and authoring notes are not; numbers
and booleans never are; neither is a string with no letter outside its placeholders (an emoji).

    python -m bot.routine.catalogue extract   # content/ → locale/limber.pot
    python -m bot.routine.catalogue update    # limber.pot → locale/<lang>/LC_MESSAGES/limber.po
    python -m bot.routine.catalogue init LANG # a new language's empty catalogue
    python -m bot.routine.catalogue pseudo    # limber.pot → locale/en_XA/… (accented, longer)
"""

from __future__ import annotations

import argparse
import gettext
import io
import math
import re
import string
import sys
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path
from typing import Any, get_args, get_origin

import yaml
from annotated_types import MaxLen
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po
from pydantic import BaseModel

from bot.routine.content import (
    DEFAULT_CONTENT_DIR,
    PLURAL_CATEGORIES,
    Routine,
    Texts,
    plural_category,
)

_TREE_LOCALE = Path(__file__).resolve().parents[2] / "locale"
DEFAULT_LOCALE_DIR = _TREE_LOCALE if _TREE_LOCALE.is_dir() else Path.cwd() / "locale"
DOMAIN = "limber"
TEMPLATE_FILE = f"{DOMAIN}.pot"
PSEUDO_LOCALE = "en_XA"
"""Android's pseudo-locale: every sentence accented, bracketed and about 40 % longer."""
PROJECT = "Limber"
TEMPLATE_HEADER = """\
# Limber's sentences, from content/ (python -m bot.routine.catalogue extract; do not edit by hand).
# msgctxt is where a sentence lives (document:key path); docs/translations.md is the guide.
#"""
TRANSLATION_HEADER = """\
# Limber's sentences in {language} (docs/translations.md: the workflow and the glossary).
# Kept in step with limber.pot by `python -m bot.routine.catalogue update`.
#"""
BRACE_FORMAT = "python-brace-format"
"""The gettext flag by which Poedit and Weblate check a translation keeps the `{name}` fields."""


@dataclass(frozen=True)
class Rules:
    """Which key paths of a document hold sentences: those matching a `translated` pattern and no
    `not_translated` one (fnmatch patterns on the dotted path: `*` matches dots too)."""

    translated: tuple[str, ...] = ("*",)
    not_translated: tuple[str, ...] = ()

    def covers(self, path: str) -> bool:
        return any(fnmatchcase(path, pattern) for pattern in self.translated) and not any(
            fnmatchcase(path, pattern) for pattern in self.not_translated
        )


DOCUMENT_RULES: Mapping[str, Rules] = {
    # content/texts.yaml
    "texts": Rules(
        not_translated=(
            "language",
            "onboarding.consent_version",
            "onboarding.checklist.*.id",
            "onboarding.checklist.*.level",
            "onboarding.checklist.*.timeframe",
            "onboarding.checklist.*.categories.*",
            "onboarding.checklist.*.concepts.*",
            "reminders.time_choices.*",
            "reminders.zone_choices.*",
            # A strftime pattern: the chart's dates are the locale's (bot/routine/locale_format.py).
            "progress.chart_day_format",
        )
    ),
    # content/routines/<track>/routine.yaml (content/routine.yaml before tracks)
    "routine": Rules(
        not_translated=(
            "version",
            "id",
            "exercises.*.key",
            # Authoring notes (the transcript's words), never shown to users.
            "exercises.*.source",
            "exercises.*.progression.*",
            "exercises.*.dose.*",
            "rules.*",
        )
    ),
    # content/voice.yaml (shared words) and content/routines/<track>/voice.yaml (the script)
    "voice": Rules(not_translated=("voice", "rate", "timing.*")),
    # content/…/poses.yaml: only the labels drawn in a frame are words.
    "poses": Rules(translated=("labels.*",)),
}


class CatalogueError(Exception):
    """A translation that breaks its sentence (a placeholder or tag dropped or invented), or a
    catalogue whose plural forms do not match CLDR; the message names every key."""


# --- the sentences of a content tree -------------------------------------------------------------

English = str | tuple[str, str]
"""A sentence, or a Plural's (`one`, `other`) forms."""


@dataclass(frozen=True)
class Sentence:
    """One translatable string of a content file."""

    document: str
    path: str
    english: English
    line: int | None = None
    comments: tuple[str, ...] = ()

    @property
    def context(self) -> str:
        return f"{self.document}:{self.path}"


def is_plural(value: Any) -> bool:
    """A `Plural` in a content tree: a mapping of CLDR categories with `other`, all strings."""
    return (
        isinstance(value, Mapping)
        and "other" in value
        and all(key in PLURAL_CATEGORIES and isinstance(text, str) for key, text in value.items())
    )


def _has_words(text: str) -> bool:
    """Letters outside the `{placeholders}` (an emoji or a dash alone is not a sentence)."""
    return any(character.isalpha() for character in re.sub(r"\{[^{}]*\}", "", text))


def _item_name(item: Any, index: int) -> str:
    if isinstance(item, Mapping):
        for name in ("key", "id"):
            if isinstance(item.get(name), str):
                return str(item[name])
    return str(index)


def _join(path: str, segment: str) -> str:
    return f"{path}.{segment}" if path else segment


def _strings(tree: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every leaf of *tree* with its key path; a Plural is one leaf."""
    if is_plural(tree) or not isinstance(tree, Mapping | list):
        yield path, tree
    elif isinstance(tree, Mapping):
        for key, value in tree.items():
            yield from _strings(value, _join(path, str(key)))
    else:
        for index, item in enumerate(tree):
            yield from _strings(item, _join(path, _item_name(item, index)))


def document_kind(document: str) -> str:
    """`routines/floor/voice` → `voice`: the rules a document follows."""
    return document.rsplit("/", 1)[-1]


def sentences(tree: Any, document: str) -> Iterator[Sentence]:
    """The translatable strings of one content file's tree, in file order."""
    rules = DOCUMENT_RULES[document_kind(document)]
    for path, value in _strings(tree):
        found = _sentence_at(document, rules, path, value)
        if found is not None:
            yield found


def _sentence_at(document: str, rules: Rules, path: str, value: Any) -> Sentence | None:
    """The sentence a leaf holds, if it is one."""
    if not rules.covers(path):
        return None
    if is_plural(value):
        return Sentence(document, path, (value.get("one", value["other"]), value["other"]))
    if isinstance(value, str) and _has_words(value):
        return Sentence(document, path, value)
    return None


# --- extract: content files → a template catalogue ----------------------------------------------


def content_documents(content_dir: Path = DEFAULT_CONTENT_DIR) -> dict[str, Path]:
    """Every content file that holds sentences, by document name (its path under content/
    without `.yaml`). Before tracks, content/routine.yaml is read as its track's routine."""
    found: dict[str, Path] = {}
    for name in ("texts", "voice", "poses"):
        if (content_dir / f"{name}.yaml").is_file():
            found[name] = content_dir / f"{name}.yaml"
    legacy = content_dir / "routine.yaml"
    if legacy.is_file():
        track = (_load(legacy) or {}).get("id", "floor")
        found[f"routines/{track}/routine"] = legacy
    for path in sorted(content_dir.glob("routines/*/*.yaml")):
        if path.stem in DOCUMENT_RULES:
            found[f"routines/{path.parent.name}/{path.stem}"] = path
    return found


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _lines_and_comments(text: str) -> dict[str, tuple[int, tuple[str, ...]]]:
    """Each key path's line (1-based) and the YAML comment block right above it."""
    lines = text.splitlines()
    found: dict[str, tuple[int, tuple[str, ...]]] = {}

    def comments_above(line: int) -> tuple[str, ...]:
        block: list[str] = []
        index = line - 1
        while index >= 0 and lines[index].lstrip().startswith("#"):
            block.insert(0, lines[index].strip().lstrip("#").strip())
            index -= 1
        return tuple(block)

    def visit(node: yaml.Node, path: str, line: int) -> None:
        found[path] = (line + 1, comments_above(line))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                visit(value, _join(path, str(key.value)), key.start_mark.line)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                visit(item, _join(path, _node_item_name(item, index)), item.start_mark.line)

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        visit(root, "", 0)
    return found


def _node_item_name(node: yaml.Node, index: int) -> str:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value in ("key", "id") and isinstance(value, yaml.ScalarNode):
                return str(value.value)
    return str(index)


def _placeholders(text: str) -> Counter[str]:
    return Counter(
        "{" + name + "}" for _, name, _, _ in string.Formatter().parse(text) if name is not None
    )


_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")


def _tags(text: str) -> Counter[str]:
    return Counter(
        ("/" if match.group(0).startswith("</") else "") + match.group(1).lower()
        for match in _TAG.finditer(text)
    )


def _message_for(sentence: Sentence, relative: str) -> Message:
    english = sentence.english
    forms = english if isinstance(english, tuple) else (english,)
    flags = [BRACE_FORMAT] if any(_placeholders(form) for form in forms) else []
    return Message(
        english,
        ("", "") if isinstance(english, tuple) else "",
        locations=[(relative, sentence.line)] if sentence.line else [],
        flags=flags,
        auto_comments=list(sentence.comments),
        context=sentence.context,
    )


def extract(content_dir: Path = DEFAULT_CONTENT_DIR) -> Catalog:
    """The template catalogue (`.pot`) of every sentence under *content_dir*."""
    template = Catalog(
        project=PROJECT,
        header_comment=TEMPLATE_HEADER,
        copyright_holder=PROJECT,
        charset="utf-8",
        fuzzy=False,
    )
    for document, path in content_documents(content_dir).items():
        text = path.read_text(encoding="utf-8")
        where = _lines_and_comments(text)
        relative = f"{content_dir.name}/{path.relative_to(content_dir).as_posix()}"
        for found in sentences(yaml.safe_load(text), document):
            line, comments = where.get(found.path, (None, ()))
            placed = Sentence(found.document, found.path, found.english, line, comments)
            template[placed.english] = _message_for(placed, relative)
    return template


# --- localise: a content tree + a catalogue → the tree in that language --------------------------


@dataclass(frozen=True)
class Localised:
    """A content tree in a language, and the keys that fell back to English (by msgctxt)."""

    tree: Any
    untranslated: tuple[str, ...] = ()
    fuzzy: tuple[str, ...] = ()

    @property
    def fallbacks(self) -> tuple[str, ...]:
        return self.untranslated + self.fuzzy


def catalogue_language(catalog: Catalog) -> str:
    """The catalogue's language as a BCP 47 tag ("pt-BR"); the pseudo-locale reads as English."""
    identifier = catalog.locale_identifier or "en"
    return "en" if identifier == PSEUDO_LOCALE else identifier.replace("_", "-")


def plural_categories(catalog: Catalog) -> tuple[str, ...]:
    """The CLDR category of each msgstr[i] of *catalog*'s Plural-Forms.

    Found by running both rules on the counts 0–1000 and a few millions: each gettext form must
    be exactly one CLDR category (Russian 0 → one, 1 → few, 2 → many; Persian 0 → one,
    1 → other; Indonesian 0 → other).
    """
    return _plural_categories(catalog.plural_expr, catalog.num_plurals, catalogue_language(catalog))


@cache
def _plural_categories(plural_expr: str, num_plurals: int, language: str) -> tuple[str, ...]:
    choose = gettext.c2py(plural_expr)
    category = plural_category(language)
    seen: dict[int, set[str]] = {}
    for count in (*range(1001), 1_000_000, 2_000_000, 10_000_000):
        seen.setdefault(choose(count), set()).add(category(count))
    categories = []
    for index in range(num_plurals):
        found = seen.get(index, set())
        if len(found) != 1:
            raise CatalogueError(
                f"Plural-Forms {plural_expr!r}: msgstr[{index}] is "
                f"{sorted(found) or 'never chosen'} in CLDR's rule for {language}"
            )
        categories.append(found.pop())
    return tuple(categories)


def _problems(context: str, english: str, translation: str) -> list[str]:
    problems = []
    try:
        wanted, given = _placeholders(english), _placeholders(translation)
    except ValueError as error:
        return [f"{context}: the translation's braces do not parse ({error})"]
    if set(wanted) != set(given):
        dropped = sorted(set(wanted) - set(given))
        invented = sorted(set(given) - set(wanted))
        problems.append(f"{context}: placeholders dropped {dropped}, invented {invented}")
    if _tags(english) != _tags(translation):
        problems.append(
            f"{context}: HTML tags {sorted(_tags(translation).elements())} where the English "
            f"has {sorted(_tags(english).elements())}"
        )
    return problems


@dataclass
class _Localising:
    catalog: Catalog
    document: str
    categories: tuple[str, ...]
    untranslated: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def translation(self, sentence: Sentence) -> str | dict[str, str] | None:
        key = sentence.english[0] if isinstance(sentence.english, tuple) else sentence.english
        message = self.catalog.get(key, context=sentence.context)
        if message is None or not message.string or message.id != sentence.english:
            self.untranslated.append(sentence.context)
            return None
        if message.fuzzy:
            self.fuzzy.append(sentence.context)
            return None
        if isinstance(sentence.english, str):
            if not isinstance(message.string, str):
                self.untranslated.append(sentence.context)
                return None
            self.problems += _problems(sentence.context, sentence.english, message.string)
            return message.string
        forms = tuple(message.string) if isinstance(message.string, Sequence) else ()
        if len(forms) != len(self.categories) or not all(forms):
            self.untranslated.append(sentence.context)
            return None
        for category, form in zip(self.categories, forms, strict=True):
            self.problems += _problems(f"{sentence.context}[{category}]", sentence.english[1], form)
        plural = dict(zip(self.categories, forms, strict=True))
        # gettext's last form is "the rest"; where CLDR's `other` takes no integer (Russian),
        # it stands in for `other`, which every Plural must have.
        plural.setdefault("other", forms[-1])
        return plural

    def rebuild(self, tree: Any, path: str = "") -> Any:
        if is_plural(tree) or isinstance(tree, str):
            return self.leaf(tree, path)
        if isinstance(tree, Mapping):
            return {key: self.rebuild(value, _join(path, str(key))) for key, value in tree.items()}
        if isinstance(tree, list):
            return [
                self.rebuild(item, _join(path, _item_name(item, index)))
                for index, item in enumerate(tree)
            ]
        return tree

    def leaf(self, value: Any, path: str) -> Any:
        found = _sentence_at(
            self.document, DOCUMENT_RULES[document_kind(self.document)], path, value
        )
        translated = None if found is None else self.translation(found)
        return value if translated is None else translated


def localise(tree: Any, catalog: Catalog, document: str = "texts") -> Localised:
    """*tree* (one content file, as YAML gives it) with *catalog*'s translations.

    A missing, changed or fuzzy entry keeps the English and is reported; a translation that
    drops or invents a `{placeholder}` or an HTML tag raises `CatalogueError` naming every key.
    """
    work = _Localising(catalog, document, plural_categories(catalog))
    localised = work.rebuild(tree)
    if work.problems:
        raise CatalogueError("\n".join(work.problems))
    return Localised(localised, tuple(work.untranslated), tuple(work.fuzzy))


# --- pseudo-localisation (Android's en-XA) -------------------------------------------------------

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
_KEPT = re.compile(
    r"\{\{|\}\}|\{[^{}]*\}"  # placeholders (and escaped braces)
    r"|<[^<>]+>"  # HTML tags
    r"|https?://\S+"  # URLs
    r"|(?<![\w/])/[a-z][a-z0-9_]*"  # /commands
)
# Android pads with counting words; accented here too, so no padding reads as untranslated.
_PADDING = "one two three four five six seven eight nine ten".translate(_ACCENTED).split()
EXPANSION = 0.4


def pseudo(text: str, limit: int | None = None) -> str:
    """*text* in en-XA: letters accented, in brackets, padded about 40 % longer (no longer than
    *limit*; without brackets where even they would not fit); placeholders, HTML tags, URLs,
    /commands, digits and emoji untouched."""
    pieces, last = [], 0
    for match in _KEPT.finditer(text):
        pieces.append(text[last : match.start()].translate(_ACCENTED))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(text[last:].translate(_ACCENTED))
    extra = math.ceil(len(text) * EXPANSION) - 2  # the brackets count towards the 40 %
    if limit is not None:
        if len(text) + 2 > limit:
            return "".join(pieces)
        extra = min(extra, limit - len(text) - 2)
    padding = ""
    while len(padding) < extra:
        padding += " " + _PADDING[padding.count(" ") % len(_PADDING)]
    return "[" + "".join(pieces) + padding[: max(extra, 0)].rstrip() + "]"


def length_limits() -> dict[str, int]:
    """Each sentence's own length cap from the content models (a button: 40 characters), by a
    msgctxt pattern ("texts:buttons.done", "texts:onboarding.checklist.*.short")."""
    limits: dict[str, int] = {}
    _walk_limits(Texts, "texts:", limits)
    _walk_limits(Routine, "routines/*/routine:", limits)
    return limits


def _walk_limits(model: type[BaseModel], prefix: str, limits: dict[str, int]) -> None:
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        cap = next((m.max_length for m in info.metadata if isinstance(m, MaxLen)), None)
        if cap is not None and info.annotation is str:
            limits[path] = cap
        for inner, nested in _models_in(info.annotation):
            _walk_limits(inner, f"{path}{nested}.", limits)


def _models_in(annotation: Any, nested: str = "") -> Iterator[tuple[type[BaseModel], str]]:
    """The models inside a field's type, with ".*" for each list, tuple or mapping around them."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation, nested
        return
    arguments = [a for a in get_args(annotation) if a is not Ellipsis]
    container = get_origin(annotation) in (list, tuple, dict, Mapping)
    for argument in arguments[-1:] if container else arguments:
        yield from _models_in(argument, nested + (".*" if container else ""))


def _limit_for(context: str | None, limits: Mapping[str, int]) -> int | None:
    if context is None:
        return None
    return next((cap for pattern, cap in limits.items() if fnmatchcase(context, pattern)), None)


def pseudo_catalogue(template: Catalog) -> Catalog:
    """The en-XA catalogue: every message of *template* translated by `pseudo`, as long as its
    own length cap allows (`length_limits`)."""
    limits = length_limits()
    catalog = Catalog(
        locale=PSEUDO_LOCALE,
        project=PROJECT,
        header_comment=TRANSLATION_HEADER.format(language=PSEUDO_LOCALE),
        copyright_holder=PROJECT,
        fuzzy=False,
    )
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, tuple | list):
            one, other = message.id[0], message.id[1]
            strings: str | tuple[str, ...] = tuple(
                pseudo(one if index == 0 else other) for index in range(catalog.num_plurals)
            )
        else:
            strings = pseudo(message.id, _limit_for(message.context, limits))
        catalog[message.id] = Message(
            message.id,
            strings,
            locations=message.locations,
            flags=message.flags,
            auto_comments=message.auto_comments,
            context=message.context,
        )
    return catalog


# --- update: merge the template into every language --------------------------------------------


def catalogue_path(locale_dir: Path, language: str) -> Path:
    """locale/<ll_CC>/LC_MESSAGES/limber.po for a BCP 47 tag ("pt-BR" → pt_BR)."""
    return locale_dir / language.replace("-", "_") / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, charset="utf-8")


def load_catalogue(language: str, locale_dir: Path = DEFAULT_LOCALE_DIR) -> Catalog | None:
    """A language's catalogue, or None where it has none (English needs none)."""
    path = catalogue_path(locale_dir, language)
    return read_catalogue(path) if path.is_file() else None


def languages(locale_dir: Path = DEFAULT_LOCALE_DIR) -> tuple[str, ...]:
    """The languages with a catalogue (folder names: ru, pt_BR), the pseudo-locale aside."""
    return tuple(
        path.parents[1].name
        for path in sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
        if path.parents[1].name != PSEUDO_LOCALE
    )


def update(catalog: Catalog, template: Catalog) -> Catalog:
    """Babel's update, with a changed English sentence matched by its key path first: the old
    translation comes along marked fuzzy (with the previous msgid), whatever the new text's
    likeness to other sentences; a key gone from the template is kept as obsolete."""
    new_ids = {message.context: message.id for message in template if message.id}
    previous: dict[str | None, list[str]] = {}
    for message in list(catalog):
        if not message.id or message.context not in new_ids:
            continue
        new_id, old_id = new_ids[message.context], message.id
        if old_id != new_id and catalog.get(new_id, context=message.context) is None:
            catalog.delete(old_id, context=message.context)
            if isinstance(new_id, tuple) != isinstance(old_id, tuple):
                message.string = ("",) * catalog.num_plurals if isinstance(new_id, tuple) else ""
            message.id = new_id
            message.flags.add("fuzzy")
            catalog[new_id] = message
            previous[message.context] = [old_id] if isinstance(old_id, str) else list(old_id)
    catalog.update(template, update_creation_date=True)
    for context, old in previous.items():
        merged = catalog.get(new_ids[context], context=context)
        if merged is not None:
            merged.previous_id = old
    return catalog


def write_catalogue(catalog: Catalog, path: Path, **options: Any) -> None:
    """Write *catalog* as a .po (or .pot) file, lines up to 100 characters."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, **options)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def _same_messages(first: Catalog, second: Catalog) -> bool:
    def shape(catalog: Catalog) -> list[tuple[Any, ...]]:
        return [
            (m.context, m.id, m.string, m.locations, m.auto_comments, sorted(m.flags))
            for m in catalog
            if m.id
        ]

    return shape(first) == shape(second)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.routine.catalogue", description=__doc__)
    parser.add_argument("--content", type=Path, default=DEFAULT_CONTENT_DIR)
    parser.add_argument("--locale", type=Path, default=DEFAULT_LOCALE_DIR)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("extract", help="content/ → locale/limber.pot")
    commands.add_parser("update", help="merge limber.pot into every language's limber.po")
    init = commands.add_parser("init", help="start a language's catalogue from limber.pot")
    init.add_argument("language", help="a BCP 47 tag: uk, pt-BR, fa")
    commands.add_parser("pseudo", help=f"limber.pot → locale/{PSEUDO_LOCALE}/…/limber.po")
    arguments = parser.parse_args(argv)
    template_path = arguments.locale / TEMPLATE_FILE

    if arguments.command == "extract":
        template = extract(arguments.content)
        if template_path.is_file() and _same_messages(read_catalogue(template_path), template):
            print(f"{template_path}: unchanged ({len(template)} messages)")
            return 0
        write_catalogue(template, template_path)
        print(f"{template_path}: {len(template)} messages")
        return 0
    template = read_catalogue(template_path)
    if arguments.command == "init":
        path = catalogue_path(arguments.locale, arguments.language)
        if path.exists():
            print(f"{path}: already there (use update)", file=sys.stderr)
            return 1
        catalog = Catalog(
            locale=arguments.language.replace("-", "_"),
            project=PROJECT,
            header_comment=TRANSLATION_HEADER.format(language=arguments.language),
            copyright_holder=PROJECT,
            fuzzy=False,
        )
        write_catalogue(update(catalog, template), path)
        print(f"{path}: {len(catalog)} messages to translate")
    elif arguments.command == "update":
        for language in languages(arguments.locale):
            path = catalogue_path(arguments.locale, language)
            catalog = update(read_catalogue(path), template)
            write_catalogue(catalog, path, include_previous=True)
            done = sum(1 for m in catalog if m.id and m.string and not m.fuzzy and all(m.string))
            fuzzy = sum(1 for m in catalog if m.id and m.fuzzy)
            print(f"{path}: {done} of {len(catalog)} translated, {fuzzy} fuzzy")
    else:
        path = catalogue_path(arguments.locale, PSEUDO_LOCALE)
        write_catalogue(pseudo_catalogue(template), path)
        print(f"{path}: {len(template)} messages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
