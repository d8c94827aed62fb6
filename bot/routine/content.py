"""The routine and every user-facing sentence, loaded from `content/` and validated.

A broken file stops start-up with a message naming the file, the exercise and the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import available_timezones

import yaml
from babel import Locale, UnknownLocaleError
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    model_validator,
)

from bot.routine.sign_model import SignModel
from bot.routine.spelling import Spelling, fold_marks

# The source tree's content/; for a plain `pip install .` (no content/ beside the package), the
# working directory's (run from the clone, or /app in the container).
_TREE_CONTENT = Path(__file__).resolve().parents[2] / "content"
DEFAULT_CONTENT_DIR = _TREE_CONTENT if _TREE_CONTENT.is_dir() else Path.cwd() / "content"
# One folder per track under content/routines/: its routine.yaml, and its exercises' poses.yaml and
# voice.yaml (the settings every track shares stay in content/poses.yaml and content/voice.yaml).
ROUTINES_DIR = "routines"
ROUTINE_FILE = "routine.yaml"
DEFAULT_TRACK = "floor"
TEXTS_FILE = "texts.yaml"
RED_FLAGS_FILE = "red_flags.{language}.yaml"
INTENTS_FILE = "intents.{language}.yaml"
SIGN_MODEL_FILE = "red_flags.{language}.model.npz"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


LANGUAGE_CODE = r"^[a-z]{2,3}(_[A-Z]{2})?$"
"""A word file's language: its catalogue's name (en, ru, pt_BR)."""

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
"""CLDR's plural categories, in CLDR's order; `other` is every language's catch-all."""


@cache
def plural_category(language: str) -> Callable[[int], str]:
    """The CLDR plural rule of *language* (a BCP 47 tag: "ru", "pt-BR"): count → category."""
    return Locale.parse(language.replace("-", "_")).plural_form


class Plural(_Strict):
    """A count with its noun, one form per CLDR plural category (`{count}` is the number).

    Which form a count takes is the language's CLDR rule (Russian: 1 and 21 `one`, 2–4 and 22
    `few`, 5–20 `many`; Persian and Indonesian: one form). The language comes from the validation
    context (`Texts.model_validate(tree, context={"language": "ru"})`), English by default; a
    category the language uses but the text lacks falls back to `other`.
    """

    zero: str | None = Field(default=None, min_length=1)
    one: str | None = Field(default=None, min_length=1)
    two: str | None = Field(default=None, min_length=1)
    few: str | None = Field(default=None, min_length=1)
    many: str | None = Field(default=None, min_length=1)
    other: str = Field(min_length=1)
    _language: str = PrivateAttr(default="en")

    def model_post_init(self, context: Any, /) -> None:
        if isinstance(context, dict) and isinstance(context.get("language"), str):
            language = context["language"]
            try:
                plural_category(language)
            except (ValueError, UnknownLocaleError) as error:
                raise ValueError(f"{language!r} is not a locale CLDR knows") from error
            self._language = language

    @property
    def language(self) -> str:
        return self._language

    def form(self, category: str) -> str | None:
        """The text given for a CLDR category, if any."""
        value: str | None = getattr(self, category) if category in PLURAL_CATEGORIES else None
        return value

    def of(self, count: int) -> str:
        text = self.form(plural_category(self._language)(count)) or self.other
        return text.format(count=count)


class Dose(_Strict):
    """How much of an exercise: reps per set, the hold of each rep, whether reps are per side."""

    reps: int = Field(ge=1, le=50)
    hold_seconds: int = Field(default=0, ge=0, le=120)
    per_side: bool = False


class Progression(_Strict):
    """How a dose builds up: one step at a time, to a ceiling within the video's words.

    Every ceiling names its `source`: the transcript's line, and whether the number is a
    physiotherapist's usual fill-in (no exercise progresses without one).
    """

    reps_step: int = Field(default=0, ge=0, le=10)
    reps_max: int | None = Field(default=None, ge=1, le=50)
    hold_step: int = Field(default=0, ge=0, le=30)
    hold_max: int | None = Field(default=None, ge=1, le=120)
    source: str | None = Field(default=None, min_length=10)

    @model_validator(mode="after")
    def _ceilings_name_their_source(self) -> Progression:
        if (self.reps_step and self.reps_max is None) or (self.hold_step and self.hold_max is None):
            raise ValueError("a step needs its ceiling (reps_max / hold_max)")
        if (self.reps_step or self.hold_step) and not self.source:
            raise ValueError("a progression names its source: the transcript's line (ceiling)")
        return self


class GentlerOption(_Strict):
    title: str = Field(min_length=1)
    cues: tuple[str, ...] = Field(min_length=1)
    dose: Dose


class Exercise(_Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]{1,31}$")
    title: str = Field(min_length=1, max_length=60)
    start: str = Field(min_length=1)
    cues: tuple[str, ...] = Field(min_length=1)
    dose: Dose
    # Where the dose comes from: the source's own words (a transcript line, a leaflet's dose), and
    # which numbers are a physiotherapist's fill-in where the source is silent.
    source: str = Field(min_length=20)
    progression: Progression = Progression()
    gentler: GentlerOption | None = None
    optional: bool = False


class PainRules(_Strict):
    """The pain-monitoring and dosing rules (../shared/CLINICAL.md) as data; routine.yaml documents
    each one. The defaults are the clinical notes' numbers."""

    too_sore_to_start: int = Field(default=7, ge=1, le=10)
    high_soreness: int = Field(default=7, ge=1, le=10)
    good_sessions_to_step_up: int = Field(default=3, ge=1, le=10)
    max_soreness_rise: int = Field(default=1, ge=0, le=10)
    flare_up_rise: int = Field(default=3, ge=1, le=10)
    hold_window_days: int = Field(default=7, ge=1, le=60)
    worse_check_ins_to_hold: int = Field(default=2, ge=1, le=10)
    too_painful_to_ease_off: int = Field(default=2, ge=1, le=10)
    too_painful_window_sessions: int = Field(default=3, ge=1, le=20)
    emergency_clearance_wait_hours: int = Field(default=6, ge=1, le=168)
    clearance_no_rise_days: int = Field(default=14, ge=1, le=90)
    check_in_within_hours: int = Field(default=48, ge=12, le=168)


class Routine(_Strict):
    """One track: the floor routine, or one done in a chair, standing and in bed."""

    version: str = Field(min_length=1)
    id: str = Field(pattern=r"^[a-z][a-z0-9_]{1,23}$")
    name: str = Field(min_length=1, max_length=32)
    needs_floor: bool
    title: str
    minutes: int = Field(ge=1, le=60)
    timer_min_hold_seconds: int = Field(ge=1)
    safety_lines: tuple[str, ...] = Field(min_length=1)
    stop_if: tuple[str, ...] = Field(min_length=1)
    rules: PainRules = PainRules()
    exercises: tuple[Exercise, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _keys_are_unique(self) -> Routine:
        keys = [exercise.key for exercise in self.exercises]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise ValueError(f"exercise keys must be unique, repeated: {', '.join(duplicates)}")
        return self

    def exercise(self, key: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.key == key:
                return exercise
        raise KeyError(key)


class ButtonTexts(_Strict):
    done: str
    too_painful: str
    skip: str
    pause: str
    timer: str
    gentler: str
    gentler_now: str = Field(min_length=1, max_length=24)
    """On the exercise screen itself: this one's gentler option, no pain needed."""
    skip_this: str
    stop_today: str
    resume: str
    consent: str
    flags_none: str
    flags_some: str
    flags_assessed: str
    flags_mistake: str
    doctor_ok: str
    start_session: str
    possible_yes: str = Field(min_length=1, max_length=40)
    possible_no: str = Field(min_length=1, max_length=40)
    possible_all: str = Field(min_length=1, max_length=40)
    doctor_flags_some: str = Field(min_length=1, max_length=40)


class Timeframe(StrEnum):
    """How soon a see-a-doctor sign should be seen (CLINICAL.md, "How soon")."""

    SAME_DAY = "same_day"
    FEW_DAYS = "few_days"


class ChecklistItem(_Strict):
    """One warning sign of the checklist, and what of the free-text screen it covers."""

    id: str = Field(pattern=r"^[a-z][a-z_]{1,6}$")
    """Short: up to five ids travel in one button's data (64 bytes)."""
    level: FlagLevel
    timeframe: Timeframe | None = None
    text: str = Field(min_length=1)
    short: str = Field(min_length=1, max_length=60)
    """One phone line: the confirm question's line and the see-a-doctor advice's words."""
    categories: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _timeframe_goes_with_see_a_doctor(self) -> ChecklistItem:
        if (self.level is FlagLevel.SEE_DOCTOR) != (self.timeframe is not None):
            raise ValueError(f"{self.id}: a timeframe is given for see_doctor items, and only them")
        return self


class Timeframes(_Strict):
    """A sentence for each timeframe."""

    same_day: str = Field(min_length=1)
    few_days: str = Field(min_length=1)

    def of(self, timeframe: Timeframe) -> str:
        return self.same_day if timeframe is Timeframe.SAME_DAY else self.few_days


class OnboardingTexts(_Strict):
    consent_version: str = Field(min_length=1, max_length=32)
    welcome: str
    scope: str
    consent: str
    red_flags_question: str
    doctor_flags_question: str
    checklist: tuple[ChecklistItem, ...] = Field(min_length=2)
    red_flags_advice: str
    red_flags_urgent: str
    doctor_flags_advice: str
    red_flags_after: str
    ready: str
    welcome_back: str

    @model_validator(mode="after")
    def _checklist_has_both_parts(self) -> OnboardingTexts:
        ids = [item.id for item in self.checklist]
        repeated = sorted({name for name in ids if ids.count(name) > 1})
        if repeated:
            raise ValueError(f"checklist: ids must be unique, repeated: {', '.join(repeated)}")
        for level in FlagLevel:
            if not self.items_at(level):
                raise ValueError(f"checklist: no {level.value} item")
        return self

    def items_at(self, level: FlagLevel) -> tuple[ChecklistItem, ...]:
        """One part of the checklist: its items in their order."""
        return tuple(item for item in self.checklist if item.level is level)


class SessionTexts(_Strict):
    soreness_before: str
    soreness_after: str
    soreness_scale: str
    exercise_heading: str
    gentler_heading: str
    start_position: str
    dose_reps: str
    dose_rep_one: str
    dose_reps_per_side: str
    dose_hold: str
    optional: str
    stop_if: str
    ease_off: str
    ease_off_no_gentler: str
    paused: str
    resume_prompt: str
    resume_soreness: str
    resume_soreness_after: str
    timer_running: str
    timer_done: str


class TrackTexts(_Strict):
    floor_question: str
    floor_not_today: str = Field(min_length=1, max_length=40)
    floor_no: str = Field(min_length=1, max_length=40)
    no_floor_today: str = Field(min_length=1, max_length=40)
    today: str
    choose_default: str
    default_set: str
    in_progress: str


class SummaryTexts(_Strict):
    completed: str
    completed_sore: str
    stopped: str
    exercises: str
    soreness: str
    better: str
    same: str
    worse: str
    much_worse: str
    next: str


class ReminderTexts(_Strict):
    """Choosing the daily reminder: time, time zone, and the summary shown back."""

    ask_time: str
    time_choices: tuple[str, ...] = Field(min_length=1, max_length=8)
    other_time: str
    no_reminders: str
    type_time: str
    bad_time: str
    ask_zone: str
    share_location: str
    zone_choices: tuple[str, ...] = Field(min_length=1, max_length=8)
    bad_zone: str
    confirmed: str
    next_today: str
    next_tomorrow: str
    next_date: str
    change: str
    turn_off: str
    turned_off: str

    @model_validator(mode="after")
    def _choices_are_valid(self) -> ReminderTexts:
        for choice in self.time_choices:
            if not re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", choice):
                raise ValueError(f"time_choices: {choice!r} is not HH:MM")
        known = available_timezones()
        for zone in self.zone_choices:
            if zone not in known:
                raise ValueError(f"zone_choices: {zone!r} is not an IANA time zone")
        return self


class NudgeTexts(_Strict):
    """The daily nudge and what its buttons answer."""

    messages: tuple[str, ...] = Field(min_length=1)
    start: str
    snooze: str
    skip_today: str
    snoozed: str
    skipped: str


class CheckInTexts(_Strict):
    """The morning-after question and its answers."""

    question: str
    question_after_rest_day: str
    better: str
    same: str
    worse: str
    thanks: str
    thanks_worse: str
    thanks_worse_unchanged: str
    before_session: str


class ProgressTexts(_Strict):
    """`/progress`, the chart's labels, and the lines added to a session summary."""

    empty: str
    heading: str
    sessions: str
    days: Plural
    missed_days: Plural
    streak: str
    streak_forgiven: str
    adherence: str
    adherence_first_day: str
    adherence_so_far: str
    soreness: str
    trend_down: str
    trend_same: str
    trend_up: str
    by_track: str
    done_today: str
    track_count: str
    exercises_heading: str
    exercise_line: str
    chart_title: str
    chart_soreness_axis: str
    chart_before: str
    chart_after: str
    chart_sessions_per_week: str
    chart_sessions_axis: str
    chart_date_axis: str
    chart_day_format: str
    chart_no_data: str
    streak_in_summary: str
    raised: str
    gentler_default: str
    regular_again: str
    lowered: str
    review: str
    hold_high_soreness: str
    hold_worse_mornings: str


class SafetyTexts(_Strict):
    """Red flags in free text, rest days and flare-ups: "seek advice", never a diagnosis."""

    text_urgent: str
    text_doctor: str
    # Another adult's sign now (a parent, a partner): the advice for them, no one's routine paused.
    text_urgent_other: str = Field(min_length=1)
    text_doctor_other: str = Field(min_length=1)
    paused: str
    clearance_wait: str
    hours: Plural
    clearance_ready: str
    doctor_ack: str
    not_yet: str
    cleared: str
    rest_day: str
    rest_day_seek_care: str
    flare_up: str
    weekly_check: str
    possible_question: str = Field(min_length=1)
    possible_no_reply: str = Field(min_length=1)
    doctor_when: Timeframes
    doctor_soon: Timeframes
    safety_net: str = Field(min_length=1)
    possible_full_question: str = Field(min_length=1)
    not_english: str = Field(min_length=1)


class OutcomeWords(_Strict):
    """An exercise's outcome in plain words (the CSV for a clinician)."""

    done: str
    gentler_done: str
    too_painful: str
    pain_gentler: str
    skipped: str


class ExportCsvTexts(_Strict):
    """The CSV for a GP or physiotherapist: one row per exercise outcome, local dates and times.

    `date` and `time` name the zone they are in (`{zone}`: the user's, or UTC when not known).
    """

    date: str
    time: str
    routine: str
    exercise: str
    outcome: str
    reps: str
    hold_seconds: str
    soreness_before: str
    soreness_after: str
    outcomes: OutcomeWords
    no_exercises: str


class PrivacyTexts(_Strict):
    """Export and delete (`/privacy` itself is the top-level `privacy` text)."""

    export_ready: str
    csv: ExportCsvTexts
    nothing_stored: str
    delete_confirm: str
    delete_yes: str
    delete_no: str
    deleted: str
    delete_cancelled: str


class StatsTexts(_Strict):
    """`/stats`, for admins: how Limber is used (no one's health data, only totals)."""

    report: str
    none: str


class NoticeTexts(_Strict):
    """Short answers shown on a button tap (Telegram: the callback-query toast)."""

    stale: str = Field(max_length=200)
    expired: str = Field(max_length=200)
    unknown_button: str = Field(max_length=200)
    saved: str = Field(max_length=200)
    try_again: str = Field(max_length=200)


class HintTexts(_Strict):
    unknown_command: str
    not_text: str
    text: str
    soreness_number: str
    too_long: str
    file_saved: str
    # Typed words that ask for nothing a screen offers: a short opener, then where the person is.
    greeting: str
    thanks: str
    acknowledged: str
    not_understood: str
    on_exercise: str
    on_ease_off: str
    on_ease_off_no_gentler: str
    on_paused: str
    on_soreness: str


class CommandTexts(_Strict):
    """Descriptions for the command menu (Telegram's setMyCommands)."""

    session: str = Field(max_length=256)
    progress: str = Field(max_length=256)
    reminders: str = Field(max_length=256)
    routine: str = Field(max_length=256)
    help: str = Field(max_length=256)
    privacy: str = Field(max_length=256)
    export: str = Field(max_length=256)
    delete: str = Field(max_length=256)
    language: str = Field(max_length=256)


class LanguageTexts(_Strict):
    """`/language`: the question, and the answer in the language chosen."""

    choose: str
    chosen: str


class AboutTexts(_Strict):
    """The bot's profile on Telegram (setMyDescription, setMyShortDescription)."""

    description: str = Field(min_length=1, max_length=512)
    short_description: str = Field(min_length=1, max_length=120)


class PrivateChatTexts(_Strict):
    """Limber is a private coach: what it says anywhere but a private chat (no one's data)."""

    only_private: str
    open_private: str
    button_elsewhere: str


class MediaTexts(_Strict):
    """The live exercise message with its animation: buttons, the short caption, the set timer."""

    more: str
    guide: str
    back: str
    stop_line: str
    no_voice: str
    timer_ready: str
    timer_hold: str
    timer_move: str
    timer_rest: str
    timer_side: str
    timer_switch: str
    timer_done: str


class ConsoleTexts(_Strict):
    """The terminal chat's own words where Telegram's would not fit."""

    intro: str
    quit_hint: str
    buttons_hint: str
    location_hint: str
    still_saved: str
    still_later: str
    guide_path: str
    guide_later: str
    voice_saved: str
    goodbye: str


EMERGENCY_PLACEHOLDER = "{emergency}"


class Texts(_Strict):
    """content/texts.yaml (or a catalogue's localisation of it). Every `{emergency}` is the
    emergency numbers of the language (validation context `emergency`; 112 without one)."""

    language: str = Field(pattern=LANGUAGE_CODE)
    """The language the texts are in (a catalogue's name: en, ru, pt_BR)."""
    buttons: ButtonTexts
    media: MediaTexts
    console: ConsoleTexts
    onboarding: OnboardingTexts
    session: SessionTexts
    tracks: TrackTexts
    summary: SummaryTexts
    notices: NoticeTexts
    hints: HintTexts
    reminders: ReminderTexts
    nudges: NudgeTexts
    check_in: CheckInTexts
    progress: ProgressTexts
    safety: SafetyTexts
    privacy_texts: PrivacyTexts
    stats: StatsTexts
    private_chat: PrivateChatTexts
    help: str
    privacy: str
    commands: CommandTexts
    languages: LanguageTexts
    about: AboutTexts

    @model_validator(mode="before")
    @classmethod
    def _emergency_numbers(cls, data: Any, info: ValidationInfo) -> Any:
        numbers = (info.context or {}).get("emergency", EMERGENCY_FALLBACK)
        return _replaced(data, EMERGENCY_PLACEHOLDER, numbers)


def _replaced(node: Any, placeholder: str, value: str) -> Any:
    if isinstance(node, str):
        return node.replace(placeholder, value)
    if isinstance(node, dict):
        return {key: _replaced(item, placeholder, value) for key, item in node.items()}
    if isinstance(node, list | tuple):
        return [_replaced(item, placeholder, value) for item in node]
    return node


# --- how a time and a place are typed, per language (content/clock.<language>.yaml) -------------

CLOCK_FILE = "clock.{language}.yaml"


class DayHalf(StrEnum):
    """What a word after an hour says about it: "7 утра" (am), "7 de la tarde" (pm),
    "11 de la noche" (night: 6–11 are evening, 12 is midnight, 1–5 small hours), "1 siang"
    (midday: 10–11 before noon, 12 noon, 1–6 after)."""

    AM = "am"
    PM = "pm"
    NIGHT = "night"
    MIDDAY = "midday"


class ClockWords(_Strict):
    """The words of a typed reminder time and city in one language."""

    language: str = Field(pattern=LANGUAGE_CODE)
    filler: tuple[str, ...] = ()
    """Words around a time that add nothing ("at", "в", "às", "jam", "ساعت")."""
    halves: dict[str, DayHalf] = {}
    """Words after an hour that say which half of the day ("утра", "de la tarde", "pagi")."""
    noon: tuple[str, ...] = ()
    midnight: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    """Words before a city that add nothing ("в", "en", "em", "di", "در", "i live in")."""

    @model_validator(mode="after")
    def _clean(self) -> ClockWords:
        for name in ("filler", "noon", "midnight", "places"):
            _phrases_are_clean(getattr(self, name), f"clock.{name}")
        _phrases_are_clean(tuple(self.halves), "clock.halves")
        return self


@cache
def default_clock(language: str = "en") -> ClockWords:
    return load_clock(DEFAULT_CONTENT_DIR, language)


def load_clock(directory: Path = DEFAULT_CONTENT_DIR, language: str = "en") -> ClockWords:
    """`clock.<language>.yaml` from *directory*; words that say nothing where there is none."""
    path = directory / CLOCK_FILE.format(language=language)
    if not path.is_file():
        return ClockWords(language=language)
    return _parse_language_file(ClockWords, path, language)


# --- emergency numbers per language (content/emergency_numbers.yaml) ---------------------------

EMERGENCY_NUMBERS_FILE = "emergency_numbers.yaml"
EMERGENCY_FALLBACK = "112"


class EmergencyCountry(_Strict):
    country: str = Field(pattern=r"^[A-Z]{2}$")
    numbers: tuple[str, ...] = Field(min_length=1)
    source: str = Field(pattern=r"^https://")


class EmergencyLine(_Strict):
    say: str = Field(min_length=3, max_length=120)
    """How the language names the numbers, inside the advice's sentence."""
    countries: tuple[EmergencyCountry, ...] = Field(min_length=1)


class EmergencyNumbers(_Strict):
    """content/emergency_numbers.yaml: the numbers each language's advice names."""

    fallback: str = Field(pattern=r"^[0-9]{2,4}$")
    languages: dict[str, EmergencyLine]

    @model_validator(mode="after")
    def _every_line_names_the_fallback(self) -> EmergencyNumbers:
        for code, line in self.languages.items():
            said = fold_marks(line.say)
            if self.fallback not in said:
                raise ValueError(f"languages.{code}: {line.say!r} does not name {self.fallback}")
            named = {number for country in line.countries for number in country.numbers}
            missing = sorted(n for n in re.findall(r"[0-9]{2,4}", said) if n not in named)
            if missing:
                raise ValueError(f"languages.{code}: {missing} are not in its countries' numbers")
        return self

    def say(self, language: str) -> str:
        """The language's line (a catalogue's name: "ru", "pt_BR"), else the fallback."""
        line = self.languages.get(language) or self.languages.get(language.split("_")[0])
        return line.say if line is not None else self.fallback


def load_emergency_numbers(directory: Path = DEFAULT_CONTENT_DIR) -> EmergencyNumbers:
    return _parse(EmergencyNumbers, directory / EMERGENCY_NUMBERS_FILE)


# --- the free-text red-flag screen's words (content/red_flags.<language>.yaml) ---------------

_CONCEPT_NAME = r"^[A-Z][A-Z0-9_]{1,39}$"
AGE_CONCEPT = "AGE"
"""A built-in concept: a number read as the user's age outside `age.under`..`age.over`."""


class FlagLevel(StrEnum):
    """The level a red-flag rule fires at (CLINICAL.md: go now, or see a doctor first)."""

    EMERGENCY = "emergency"
    SEE_DOCTOR = "see_doctor"


def _phrases_are_clean(values: tuple[str, ...], where: str) -> tuple[str, ...]:
    for phrase in values:
        words = phrase.split()
        if not words or phrase != phrase.strip().lower() or "  " in phrase:
            raise ValueError(f"{where}: {phrase!r} must be lower case words separated by one space")
        if not all(re.fullmatch(r"(?:[^\W_]|')+\*?", word) for word in words):
            raise ValueError(
                f"{where}: {phrase!r}: words are letters, digits and apostrophes; '*' may only "
                "end a word"
            )
    return values


class FuzzyRules(_Strict):
    """A word the screen does not know is corrected to the nearest lexicon word when it is at
    least `min_length` letters long and within `short_distance` edits (`long_distance` from
    `long_word` letters on), with the same first letter."""

    min_length: int = Field(ge=3, le=20)
    long_word: int = Field(ge=4, le=30)
    short_distance: int = Field(ge=0, le=2)
    long_distance: int = Field(ge=0, le=3)


class NegationRules(_Strict):
    """NegEx-style negation: cues, their scope, and look-alikes that are not negations."""

    scope_words: int = Field(ge=1, le=20)
    before: tuple[str, ...] = Field(min_length=1)
    after: tuple[str, ...] = Field(min_length=1)
    after_words: int = Field(ge=1, le=10)
    pseudo: tuple[str, ...] = Field(min_length=1)
    scope_ends: tuple[str, ...] = Field(min_length=1)
    clause_starters: tuple[str, ...] = Field(min_length=1)
    answers: tuple[str, ...] = Field(min_length=1)
    """A question or label answered with one of these alone ("Fever? No.") is dropped."""

    @model_validator(mode="after")
    def _clean(self) -> NegationRules:
        for name in ("before", "after", "pseudo", "scope_ends", "clause_starters", "answers"):
            _phrases_are_clean(getattr(self, name), f"negation.{name}")
        return self


class AgeRule(_Strict):
    """How an age is read from text ("I'm 67", "72 years old") and which ages count."""

    under: int = Field(ge=1, le=120)
    over: int = Field(ge=1, le=120)
    before: tuple[str, ...] = Field(min_length=1)
    after: tuple[str, ...] = Field(min_length=1)
    not_after: tuple[str, ...] = Field(min_length=1)
    opening_after: tuple[str, ...] = ()
    """A number that opens the message followed by one of these is the person's age ("64, bit
    of dribbling", "17 and my back hurts")."""
    opening_from: int = Field(default=11, ge=1, le=120)
    """An opening number below this is no age: "5, bit stiff" answers a 0–10 question."""


class TemperatureRule(_Strict):
    """A body temperature typed as a number ("tengo 38.5", "39 градусов", "running 101F") is a
    mention of `concept` (the fever): a decimal in a fever's range, or a whole number in it
    followed by one of `units`."""

    concept: str
    units: tuple[str, ...] = Field(min_length=1)
    """Words after a number that make it a temperature; the first also stands for "°"."""
    celsius_from: float = Field(default=38.0, ge=37.0, le=40.0)
    fahrenheit_from: float = Field(default=100.4, ge=99.0, le=104.0)

    @model_validator(mode="after")
    def _clean(self) -> TemperatureRule:
        _phrases_are_clean(self.units, "temperature.units")
        return self


class FlagRule(_Strict):
    """A clear pattern: every item of `all` (a concept, or a list of alternatives) appears,
    un-negated, within `within` words of the others in one sentence (anywhere in the message
    when `anywhere`), and no concept of `unless` appears in that sentence."""

    level: FlagLevel
    category: str = Field(pattern=r"^[a-z][a-z_]{1,39}$")
    all: tuple[str | tuple[str, ...], ...] = Field(min_length=1, max_length=4)
    within: int = Field(default=0, ge=0, le=30)
    anywhere: bool = False
    unless: tuple[str, ...] = ()

    def concepts(self) -> set[str]:
        names: set[str] = set(self.unless)
        for item in self.all:
            names.update((item,) if isinstance(item, str) else item)
        return names

    @model_validator(mode="after")
    def _items_are_not_empty(self) -> FlagRule:
        for item in self.all:
            if not isinstance(item, str) and not item:
                raise ValueError("all: an empty list of alternatives")
        return self


class ContextRules(_Strict):
    """ConText (Harkema et al. 2009): whose sign, and is it one now. Cues that make a sign
    hypothetical, reported, a definition question or history; person words that say whose body
    it is; `person_forms` map "her legs" onto the concepts' "my legs" wording."""

    hypothetical: tuple[str, ...] = Field(min_length=1)
    hypothetical_pseudo: tuple[str, ...] = ()
    reported: tuple[str, ...] = ()
    tells: tuple[str, ...] = ()
    """Words by which someone tells of their own body ("said", "сказал", "me contó"): a
    `reported` cue among them, right after another adult ("муж сказал что у него там всё
    онемело"), is that adult's sign now, not advice someone gave; the sign's person words then
    say whose it is."""
    reported_after: tuple[str, ...] = ()
    """Cues that follow the sign they qualify ("numbness there is an emergency, good to know")."""
    definition: tuple[str, ...] = ()
    definition_after: tuple[str, ...] = ()
    """Definition cues that follow the sign they ask about ("saddle anaesthesia means what?",
    "incontinencia urinaria, que es eso?"): back to the sentence's start or a scope end, commas
    included; a self word before the sign keeps it the writer's own."""
    historical: tuple[str, ...] = ()
    resolved: tuple[str, ...] = ()
    present: tuple[str, ...] = ()
    present_questions: tuple[str, ...] = ()
    affirmations: tuple[str, ...] = ()
    """A whole sentence after a question that says it is the person's own ("mine do")."""
    affirmation_openers: tuple[str, ...] = ()
    """A sentence after a question that opens with one of these, then a `self_words` word and
    no negation, says the question is the person's own too ("because i just did")."""
    disavowals: tuple[str, ...] = ()
    """A whole sentence after a question that says it is not ("just curious"): a definition."""
    scope_ends: tuple[str, ...] = ()
    scope_goes_on: tuple[str, ...] = ()
    """Words right after a `scope_ends` word that carry the context on: a Persian clause ends
    with its verb, but «اگه بی حس شد یا کنترل ادرارتو از دست دادی» is one condition."""
    contrasts: tuple[str, ...] = ()
    """Single words that set what came before aside ("but"): an ordinary cause before one
    explains no sign after it ("i must have sat too long, but since last night my bottom is
    numb"); a cause after the sign still does ("numb bum, but only from the bike")."""
    similes: tuple[str, ...] = ()
    """Words that make what follows a comparison ("walking like i'm drunk"): an ordinary cause
    (a rule's `unless`) there explains nothing, up to `simile_ends` or a few words."""
    simile_ends: tuple[str, ...] = ()
    history_counts: tuple[str, ...] = ()
    self_words: tuple[str, ...] = Field(min_length=1)
    third_person: tuple[str, ...] = ()
    third_plural: tuple[str, ...] = ()
    other_adult: tuple[str, ...] = ()
    non_adult: tuple[str, ...] = ()
    object_words: tuple[str, ...] = ()
    """Words that make a person word up to three words after them an object or a comparison
    ("fell off a horse", "weak as a kitten"), not whose body a sign is about."""
    child_age_before: tuple[str, ...] = ()
    """Words before a number under `adult_age` that make it a child's age ("is only 3")."""
    young_kin: tuple[str, ...] = ()
    """Kin words ("son") that mean a child in a sentence that names a child's thing ("potty")."""
    generic: tuple[str, ...] = ()
    owner_follows: bool = False
    """The owner follows what is theirs ("el perro de mi vecina", "собака соседки", "anjing
    tetangga"): that person word is not whose body a sign is about."""
    owner_by_order: bool = False
    """A self word right after a person word is its owner, not a subject («پدر من», "ibu
    saya": my father, my mother): Persian and Indonesian mark possession by word order alone;
    not Ukrainian "доця, я ніг не чую", where the "я" speaks."""
    owner_links: tuple[str, ...] = ()
    """Words between the possessed and the owner ("de", "mi"); with one there, any person word
    after is the owner; with none, only one after an animal or a child ("anak tetangga")."""
    person_after_links: tuple[str, ...] = ()
    """Words that tie a person named right after a sign to it ("рак у тата", "не тримає сечу
    у чоловіка", "as pernas do meu pai"): the link directly after the sign's last word, at
    most one possessive (`owner_links` or a self word), then the person."""
    person_forms: dict[str, str] = {}
    adult_age: int = Field(default=16, ge=1, le=30)
    """A person stated younger ("my 4 year old") is a child: at most the confirm question."""
    self_only: tuple[str, ...] = ()
    """Categories that are a sign only for the person themself (someone else's pregnancy)..."""
    self_only_theirs: tuple[str, ...] = ()
    """...unless one of these concepts is that other adult's too: "my wife is pregnant and
    her back hurts" (she should see a clinician before starting), not "my wife is pregnant so
    i do the lifting"."""

    @model_validator(mode="after")
    def _clean(self) -> ContextRules:
        for name in (
            "hypothetical", "hypothetical_pseudo", "reported", "reported_after", "definition",
            "definition_after", "historical", "resolved", "present", "present_questions",
            "affirmations", "affirmation_openers", "disavowals",
            "scope_ends", "scope_goes_on", "contrasts", "similes", "simile_ends", "self_words",
            "third_person",
            "third_plural", "other_adult",
            "non_adult", "young_kin", "child_age_before",
            "object_words", "generic", "owner_links", "person_after_links",
        ):  # fmt: skip
            _phrases_are_clean(getattr(self, name), f"context.{name}")
        return self


class ModelThresholds(_Strict):
    """How sure the statistical reader (`bot.routine.sign_model`) must be to decide what the
    lexicon left open: a possible sign with no context → the emergency advice at `emergency`
    (a see-a-doctor sign is never the model's alone: it asks); otherwise → the confirm question
    at `question`."""

    emergency: float = Field(default=0.5, gt=0, lt=1)
    question: float = Field(default=0.6, gt=0, lt=1)
    not_with: tuple[str, ...] = ()
    """Concepts besides the rules' `unless` that keep it from giving the advice (numb fingers)."""
    alone: float | None = Field(default=None, gt=0, le=1)
    """At least this sure of an emergency, the model gives the emergency advice on its own word
    where the lexicon found no sign it could name, or only a see-a-doctor one — when nothing in
    the message is qualified (no hypothetical, history, someone else) or explained by an
    ordinary cause. None: never (a language whose model has not been measured so)."""
    denied: float | None = Field(default=None, gt=0, le=1)
    """At least this sure of an emergency, the model asks the confirm question about a message
    whose sign the lexicon read as denied: the negation may be the sign itself ("I feel nothing
    when I pee"). Plain denials ("no numbness around my groin or buttocks") it can read as
    urgent too, so the bar is the language's own measurement. None: never."""
    lifts: tuple[str, ...] = ()
    """See-a-doctor categories whose words also tell of an emergency (a fall that was the legs
    giving way, an "accident" that was the bowel): at `alone`, the model makes them the
    emergency advice. Others (fever, a numb leg getting worse) stay the model's to ask about."""
    needs: tuple[str, ...] = ()
    """Concepts (body parts and functions) one of which, unqualified, the message must name for
    the model's own word: never "i don't know" or "can't do it, too painful" typed on a screen."""


class RedFlagLexicon(_Strict):
    """content/red_flags.<language>.yaml: every word and pattern of the free-text screen."""

    language: str = Field(pattern=LANGUAGE_CODE)
    spelling: Spelling = Spelling()
    contractions: dict[str, str]
    fuzzy: FuzzyRules
    negation: NegationRules
    ignore: tuple[str, ...] = ()
    concepts: dict[str, tuple[str, ...]] = Field(min_length=1)
    age: AgeRule
    temperature: TemperatureRule | None = None
    rules: tuple[FlagRule, ...] = Field(min_length=1)
    possible: tuple[str, ...] = Field(min_length=1)
    spellings: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "y")
    """Endings an inflected word of `common_words` may have (never corrected as a typo)."""
    common_words: str = Field(min_length=1)
    """The language's everyday words: never corrected to a lexicon word, and known as words."""
    neighbours: tuple[str, ...] = ()
    """Languages its speakers also write in (Ukrainians in Russian and surzhyk): a text in one
    of them is not "another language" to this screen (ISO 639-1 codes)."""
    context: ContextRules
    model: ModelThresholds = ModelThresholds()
    reduplication_digit: bool = False
    """The language writes a reduplicated word with a "2" ("kaki2" for "kaki-kaki", "dua2nya"
    for "dua-duanya"): a word followed directly by a 2 is read as the word twice."""

    @model_validator(mode="after")
    def _references_are_known(self) -> RedFlagLexicon:
        _phrases_are_clean(self.ignore, "ignore")
        for name, phrases in self.concepts.items():
            if not re.fullmatch(_CONCEPT_NAME, name):
                raise ValueError(f"concepts: {name!r} is not an UPPER_CASE name")
            if name == AGE_CONCEPT:
                raise ValueError(f"concepts: {name!r} is built in")
            if not phrases:
                raise ValueError(f"concepts.{name}: the list is empty")
            _phrases_are_clean(phrases, f"concepts.{name}")
        known = set(self.concepts) | {AGE_CONCEPT}
        for index, rule in enumerate(self.rules):
            unknown = sorted(rule.concepts() - known)
            if unknown:
                raise ValueError(
                    f"rules[{index}] ({rule.category}): unknown concept {', '.join(unknown)}"
                )
        if self.temperature is not None and self.temperature.concept not in self.concepts:
            raise ValueError(f"temperature: unknown concept {self.temperature.concept}")
        unknown = sorted(set(self.possible) - known)
        if unknown:
            raise ValueError(f"possible: unknown concept {', '.join(unknown)}")
        unknown = sorted(set(self.model.needs) - known)
        if unknown:
            raise ValueError(f"model.needs: unknown concept {', '.join(unknown)}")
        if self.age.under >= self.age.over:
            raise ValueError("age: under must be below over")
        return self


@cache
def default_red_flags(language: str = "en") -> RedFlagLexicon:
    """The red-flag words shipped in content/ (loaded once; for code that builds a `Content`
    by hand, such as tests)."""
    return load_red_flags(DEFAULT_CONTENT_DIR, language)


# --- what people type instead of tapping (content/intents.<language>.yaml) -------------------

INTENT_NAMES = (
    "done", "next", "too_painful", "gentler", "skip", "pause", "stop_today", "more", "guide",
    "resume",
    "yes", "no", "better", "same", "worse", "chit_chat",
)  # fmt: skip


class IntentNegation(_Strict):
    """A cue up to `words` words before an intent's phrase cancels it ("not done yet")."""

    words: int = Field(ge=1, le=6)
    cues: tuple[str, ...] = Field(min_length=1)
    pseudo: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _clean(self) -> IntentNegation:
        _phrases_are_clean(self.cues, "negation.cues")
        _phrases_are_clean(self.pseudo, "negation.pseudo")
        return self


class ScaleWords(_Strict):
    """How a score on a 0–10 scale is typed: number words, words around it, units that make a
    number no score, and phrases that mean 0 or 10."""

    numbers: dict[str, int]
    approximate: tuple[str, ...]
    units: tuple[str, ...]
    zero: tuple[str, ...]
    ten: tuple[str, ...]
    out_of: tuple[str, ...] = ()
    """Words between a score and the scale's top ("5 out of 10", "5 из 10"): that 10 is no
    score ("5/10" needs no word)."""
    to: tuple[str, ...] = ()
    """Words between the scale's ends ("on a scale of 1 to 10", "от 1 до 10"): no score."""
    minus: tuple[str, ...] = ()
    """Words that put a number below the scale ("minus 2"), as "-2" does."""
    suffixes: tuple[str, ...] = ()
    """Endings that leave a number a number ("six-ish", "5ish")."""

    @model_validator(mode="after")
    def _clean(self) -> ScaleWords:
        for name in ("approximate", "units", "zero", "ten", "out_of", "to", "minus"):
            _phrases_are_clean(getattr(self, name), f"scale.{name}")
        _phrases_are_clean(tuple(self.numbers), "scale.numbers")
        return self


class IntentLexicon(_Strict):
    """content/intents.<language>.yaml: the words of every typed intent."""

    language: str = Field(pattern=LANGUAGE_CODE)
    spelling: Spelling = Spelling()
    contractions: dict[str, str]
    emoji: dict[str, str]
    negation: IntentNegation
    intents: dict[str, tuple[str, ...]]
    priority: tuple[str, ...]
    greetings: tuple[str, ...]
    thanks: tuple[str, ...]
    known_words: str
    scale: ScaleWords
    conflicts: tuple[tuple[str, ...], ...] = ()
    """Intents that cancel each other when both are named ("better in some ways, worse in
    others" is neither)."""

    @model_validator(mode="after")
    def _complete(self) -> IntentLexicon:
        missing = sorted(set(INTENT_NAMES) - set(self.intents))
        unknown = sorted(set(self.intents) - set(INTENT_NAMES))
        if missing or unknown:
            raise ValueError(f"intents: missing {missing}, unknown {unknown}")
        if sorted(self.priority) != sorted(INTENT_NAMES):
            raise ValueError("priority: must list every intent exactly once")
        for name, phrases in self.intents.items():
            if not phrases:
                raise ValueError(f"intents.{name}: the list is empty")
            _phrases_are_clean(phrases, f"intents.{name}")
        _phrases_are_clean(self.greetings, "greetings")
        _phrases_are_clean(self.thanks, "thanks")
        return self


@cache
def default_intents(language: str = "en") -> IntentLexicon:
    """The intent words shipped in content/ (for code that builds a `Content` by hand)."""
    return load_intents(DEFAULT_CONTENT_DIR, language)


@cache
def default_sign_model(language: str = "en") -> SignModel | None:
    """The warning-sign model shipped in content/, if there is one."""
    return load_sign_model(DEFAULT_CONTENT_DIR, language)


class Tracks:
    """Every track Limber offers, by id, the default (the floor routine) first.

    Exercise keys are unique across tracks, so a dose, a record or a picture named by an exercise
    key never needs its track to be found.
    """

    def __init__(self, routines: Sequence[Routine]) -> None:
        by_id: dict[str, Routine] = {}
        for routine in routines:
            if routine.id in by_id:
                raise ContentError(f"two tracks have the id {routine.id!r}")
            by_id[routine.id] = routine
        if not by_id:
            raise ContentError("no track: content/routines/ has no folder with a routine.yaml")
        owners: dict[str, str] = {}
        for routine in by_id.values():
            for exercise in routine.exercises:
                if exercise.key in owners:
                    raise ContentError(
                        f"exercise {exercise.key!r} is in two tracks, {owners[exercise.key]!r} "
                        f"and {routine.id!r} (keys are unique across tracks)"
                    )
                owners[exercise.key] = routine.id
        self._by_id = by_id
        self._owner = owners
        self.default = by_id.get(DEFAULT_TRACK) or next(iter(by_id.values()))

    def __getitem__(self, track_id: str) -> Routine:
        return self._by_id[track_id]

    def __contains__(self, track_id: object) -> bool:
        return track_id in self._by_id

    def __iter__(self) -> Iterator[Routine]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tracks) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self._by_id))

    def get(self, track_id: str | None) -> Routine:
        """The track *track_id*, or the default one (a session from before tracks, a track that
        is no longer shipped)."""
        return self._by_id.get(track_id or "", self.default)

    def place(self, track: Routine) -> int:
        """A track's place in the content: what a track button carries."""
        return list(self._by_id).index(track.id)

    def at(self, place: int) -> Routine | None:
        """The track at *place*, or None (a forged or stale button)."""
        routines = list(self)
        return routines[place] if 0 <= place < len(routines) else None

    def floor_free(self) -> Routine | None:
        """The first track that needs no floor, if there is one."""
        return next((routine for routine in self if not routine.needs_floor), None)

    def of_exercise(self, key: str) -> Routine:
        return self._by_id[self._owner[key]]

    def exercise(self, key: str) -> Exercise:
        return self.of_exercise(key).exercise(key)

    def exercises(self) -> tuple[Exercise, ...]:
        """Every exercise of every track, in track order."""
        return tuple(exercise for routine in self for exercise in routine.exercises)


@dataclass(frozen=True)
class Content:
    tracks: Tracks
    texts: Texts
    red_flags: RedFlagLexicon = field(default_factory=default_red_flags)
    intents: IntentLexicon = field(default_factory=default_intents)
    clock: ClockWords = field(default_factory=default_clock)
    sign_model: SignModel | None = field(default_factory=default_sign_model)

    @property
    def routine(self) -> Routine:
        """The default track (the floor routine): for what does not depend on a session's track."""
        return self.tracks.default


class ContentError(Exception):
    """A content file is missing or invalid; the message names the file, the item and the field."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a key given twice in one mapping (YAML keeps the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} is given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except FileNotFoundError as error:
        raise ContentError(f"{path}: file not found") from error
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: not valid YAML: {error}") from error


def _describe(path: Path, raw: Any, error: ValidationError) -> str:
    """One line per problem: file, exercise (by key, where there is one) and field."""
    lines = []
    for problem in error.errors():
        location = list(problem["loc"])
        where = ".".join(str(part) for part in location)
        if len(location) >= 2 and location[0] == "exercises" and isinstance(location[1], int):
            try:
                key = raw["exercises"][location[1]].get("key", f"#{location[1] + 1}")
            except (KeyError, IndexError, TypeError, AttributeError):
                key = f"#{location[1] + 1}"
            field = ".".join(str(part) for part in location[2:]) or "(the exercise itself)"
            where = f"exercise {key!r}, field {field!r}"
        elif where:
            where = f"field {where!r}"
        else:
            where = "top level"
        lines.append(f"{path}: {where}: {problem['msg']}")
    return "\n".join(lines)


ModelT = TypeVar("ModelT", bound=BaseModel)


def _parse(model: type[ModelT], path: Path, context: dict[str, Any] | None = None) -> ModelT:
    raw = _read_yaml(path)
    try:
        return model.model_validate(raw, context=context)
    except ValidationError as error:
        raise ContentError(_describe(path, raw, error)) from error


LexiconT = TypeVar("LexiconT", RedFlagLexicon, IntentLexicon, ClockWords)


def _parse_language_file(model: type[LexiconT], path: Path, language: str) -> LexiconT:
    """A per-language word file, which must say it is in *language*."""
    lexicon = _parse(model, path)
    if lexicon.language != language:
        raise ContentError(f"{path}: field 'language': {lexicon.language!r} is not {language!r}")
    return lexicon


def load_red_flags(directory: Path = DEFAULT_CONTENT_DIR, language: str = "en") -> RedFlagLexicon:
    """Load and validate `red_flags.<language>.yaml` from *directory*."""
    path = directory / RED_FLAGS_FILE.format(language=language)
    return _parse_language_file(RedFlagLexicon, path, language)


def load_intents(directory: Path = DEFAULT_CONTENT_DIR, language: str = "en") -> IntentLexicon:
    """Load and validate `intents.<language>.yaml` from *directory*."""
    path = directory / INTENTS_FILE.format(language=language)
    return _parse_language_file(IntentLexicon, path, language)


def load_sign_model(
    directory: Path = DEFAULT_CONTENT_DIR, language: str = "en"
) -> SignModel | None:
    """`red_flags.<language>.model.npz` from *directory*, or None where there is none."""
    path = directory / SIGN_MODEL_FILE.format(language=language)
    if not path.exists():
        return None
    try:
        return SignModel.load(path)
    except (ValueError, OSError, KeyError) as error:
        raise ContentError(f"{path}: not a warning-sign model: {error}") from error


def track_directories(directory: Path) -> list[Path]:
    """The track folders under *directory*/routines/, the default track first, then by name."""
    root = directory / ROUTINES_DIR
    folders = sorted(path for path in root.glob("*") if path.is_dir())
    return sorted(folders, key=lambda folder: folder.name != DEFAULT_TRACK)


def load_tracks(directory: Path = DEFAULT_CONTENT_DIR) -> Tracks:
    """Every track's routine.yaml, validated; a folder's name is its track's id."""
    routines = []
    for folder in track_directories(directory):
        path = folder / ROUTINE_FILE
        routine = _parse(Routine, path)
        if routine.id != folder.name:
            raise ContentError(f"{path}: field 'id': {routine.id!r} is not its folder's name")
        routines.append(routine)
    try:
        return Tracks(routines)
    except ContentError as error:
        raise ContentError(f"{directory / ROUTINES_DIR}: {error}") from error


def read_with_tracks(directory: Path, file_name: str) -> Any:
    """*file_name* from *directory* with every track folder's `exercises:` of the same name merged
    into it (poses.yaml, voice.yaml): shared settings once, each track's exercises beside it."""
    raw = _read_yaml(directory / file_name)
    if not isinstance(raw, dict):
        raise ContentError(f"{directory / file_name}: not a mapping")
    exercises: dict[str, Any] = dict(raw.get("exercises") or {})
    for folder in track_directories(directory):
        path = folder / file_name
        if not path.exists():
            continue
        own = _read_yaml(path)
        if not isinstance(own, dict) or set(own) != {"exercises"}:
            raise ContentError(f"{path}: holds only `exercises:` (shared settings: content/)")
        for key, value in (own["exercises"] or {}).items():
            if key in exercises:
                raise ContentError(f"{path}: exercise {key!r} is given twice")
            exercises[key] = value
    return {**raw, "exercises": exercises}


def load_content(directory: Path = DEFAULT_CONTENT_DIR) -> Content:
    """Load and validate every track, `texts.yaml`, the red-flag words and the typed intents
    from *directory*."""
    tracks = load_tracks(directory)
    emergency = load_emergency_numbers(directory).say("en")
    texts = _parse(Texts, directory / TEXTS_FILE, context={"emergency": emergency})
    red_flags = load_red_flags(directory, texts.language)
    intents = load_intents(directory, texts.language)
    model = load_sign_model(directory, texts.language)
    clock = load_clock(directory, texts.language)
    return Content(
        tracks=tracks,
        texts=texts,
        red_flags=red_flags,
        intents=intents,
        sign_model=model,
        clock=clock,
    )
