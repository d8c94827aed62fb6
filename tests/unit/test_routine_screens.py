"""Screens read like use: what a person sees at each point of a session, and what the buttons do."""

from __future__ import annotations

import ast
import re
import string
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest

import bot.routine.screens as screens_module
from bot.routine.actions import (
    GeneralAction,
    GeneralVerb,
    ParsedAction,
    SessionAction,
    SessionVerb,
    parse_action,
)
from bot.routine.adaptation import ChangeKind, DoseChange, Hold
from bot.routine.content import Content, Routine, Tracks
from bot.routine.dosing import PersonalDose
from bot.routine.progress import CheckIn, SorenessTrend, Streak
from bot.routine.progress_screens import ProgressScreens, UsageTotals
from bot.routine.screens import Screens
from bot.routine.session import Outcome, Phase, SessionState
from bot.routine.set_script import MomentKind, SetMoment
from bot.routine.stop_signals import FlagLevel, Timeframe
from bot.routine.views import Timer, View
from bot.use_cases.data_rights import sessions_csv

SID = 4242
TOTAL = 7


def at(step: int, phase: Phase = Phase.EXERCISE, **fields: Any) -> SessionState:
    """A session of id SID standing at *step* (0-based) in *phase*."""
    return SessionState(SID, phase, step=step, soreness_before=3, **fields)


def buttons(view: View) -> dict[str, ParsedAction | None]:
    """Each button's label, and what its data decodes to."""
    return {action.label: parse_action(action.data) for action in view.actions}


def session_button(verb: SessionVerb, step: int, score: int | None = None) -> SessionAction:
    return SessionAction(verb, SID, step, score)


# --- the exercise screen ----------------------------------------------------------------------


def test_second_exercise_shows_its_number_title_cues_and_dose(
    screens: Screens, routine: Routine
) -> None:
    view = screens.current(at(1))

    assert view.text.startswith("Exercise 2 of 7 · Bridge")
    for cue in routine.exercise("bridge").cues:
        assert cue in view.text
    assert routine.exercise("bridge").start in view.text
    assert "10 reps" in view.text
    assert "hold about 3 s" in view.text


def test_exercise_buttons_are_done_too_painful_skip_pause_for_this_step(
    screens: Screens, content: Content
) -> None:
    labels = content.texts.buttons

    view = screens.current(at(1))

    assert buttons(view) == {
        labels.done: session_button(SessionVerb.DONE, 1),
        labels.too_painful: session_button(SessionVerb.TOO_PAINFUL, 1),
        labels.skip: session_button(SessionVerb.SKIP, 1),
        labels.pause: session_button(SessionVerb.PAUSE, 1),
        labels.gentler_now: session_button(SessionVerb.GENTLER, 1),
        content.texts.media.more: session_button(SessionVerb.MORE, 1),
        content.texts.media.guide: session_button(SessionVerb.GUIDE, 1),
    }
    assert [len(row) for row in view.rows] == [2, 2, 3]
    assert view.timer is None


def test_the_gentler_option_on_screen_offers_no_second_gentler_button(
    screens: Screens, content: Content
) -> None:
    view = screens.current(replace(at(1), gentler=True))

    assert content.texts.buttons.gentler_now not in buttons(view)
    assert "gentler" not in dict(view.typed)


def test_typed_words_stand_for_the_buttons_of_the_screen(screens: Screens) -> None:
    exercise = dict(screens.current(at(1)).typed)
    ease_off = dict(screens.current(replace(at(1), phase=Phase.EASE_OFF)).typed)
    paused = dict(screens.current(replace(at(1), paused=True)).typed)

    assert parse_action(exercise["done"]) == session_button(SessionVerb.DONE, 1)
    assert parse_action(exercise["gentler"]) == session_button(SessionVerb.GENTLER, 1)
    assert parse_action(exercise["too_painful"]) == session_button(SessionVerb.TOO_PAINFUL, 1)
    assert parse_action(ease_off["gentler"]) == session_button(SessionVerb.TRY_GENTLER, 1)
    assert parse_action(ease_off["stop_today"]) == session_button(SessionVerb.STOP_TODAY, 1)
    assert parse_action(paused["resume"]) == session_button(SessionVerb.RESUME, 1)


def test_knee_to_chest_is_three_on_each_side_with_a_timer(
    screens: Screens, content: Content
) -> None:
    view = screens.current(at(2))

    assert view.text.startswith("Exercise 3 of 7 · Knee to chest")
    assert "3 on each side · hold about 30 s" in view.text
    assert view.timer == Timer(SID, 2, 30)
    timer_label = content.texts.buttons.timer.format(seconds=30)
    assert buttons(view)[timer_label] == session_button(SessionVerb.TIMER, 2)


def test_pelvic_tilt_has_no_timer_because_its_hold_is_short(screens: Screens) -> None:
    view = screens.current(at(0))

    assert "10 reps · hold about 5 s" in view.text
    assert view.timer is None
    assert all(
        action is None
        or not isinstance(action, SessionAction)
        or action.verb is not SessionVerb.TIMER
        for action in buttons(view).values()
    )


@pytest.mark.parametrize("step", range(TOTAL))
@pytest.mark.parametrize("gentler", [False, True])
def test_a_timer_only_where_the_hold_reaches_the_threshold(
    screens: Screens, routine: Routine, step: int, gentler: bool
) -> None:
    exercise = routine.exercises[step]
    assert exercise.gentler is not None
    hold = (exercise.gentler.dose if gentler else exercise.dose).hold_seconds

    view = screens.current(at(step, gentler=gentler))

    verbs = [a.verb for a in buttons(view).values() if isinstance(a, SessionAction)]
    if hold >= routine.timer_min_hold_seconds:
        assert view.timer == Timer(SID, step, hold)
        assert verbs.count(SessionVerb.TIMER) == 1
    else:
        assert view.timer is None
        assert SessionVerb.TIMER not in verbs


def test_only_the_first_exercise_carries_the_safety_lines(
    screens: Screens, routine: Routine
) -> None:
    first, second = screens.current(at(0)).text, screens.current(at(1)).text

    for line in routine.safety_lines:
        assert line in first
        assert line not in second


@pytest.mark.parametrize("step", range(TOTAL))
def test_every_exercise_says_when_to_stop(
    screens: Screens, routine: Routine, content: Content, step: int
) -> None:
    text = screens.current(at(step)).text

    assert content.texts.buttons.too_painful in text
    for sign in routine.stop_if:
        assert sign in text


def test_the_optional_exercise_says_so(screens: Screens, content: Content) -> None:
    optional = content.texts.session.optional

    assert optional in screens.current(at(6)).text
    assert optional not in screens.current(at(5)).text
    assert optional not in screens.current(at(6, gentler=True)).text


def test_authoring_notes_never_reach_the_user(screens: Screens, routine: Routine) -> None:
    """Issue 9: "3 is a physiotherapist's usual fill-in" is for authors, not for the floor."""
    for step in range(len(routine.exercises)):
        for gentler in (False, True):
            text = screens.current(at(step, gentler=gentler)).text
            assert "fill-in" not in text
            assert "video" not in text.lower()


def test_the_gentler_option_has_its_own_heading_cues_and_dose(
    screens: Screens, routine: Routine
) -> None:
    gentler = routine.exercise("knee_to_chest").gentler
    assert gentler is not None

    view = screens.current(at(2, gentler=True))

    assert view.text.startswith("Exercise 3 of 7 · Knee to chest (gentler)")
    assert gentler.title in view.text
    for cue in gentler.cues:
        assert cue in view.text
    assert "2 on each side · hold about 15 s" in view.text
    assert routine.exercise("knee_to_chest").cues[0] not in view.text
    assert view.timer == Timer(SID, 2, 15)


# --- personal doses ---------------------------------------------------------------------------


def test_a_personal_dose_changes_the_dose_line_and_keeps_per_side(screens: Screens) -> None:
    doses = {"knee_to_chest": PersonalDose(reps=4, hold_seconds=40)}

    view = screens.current(at(2), doses)

    assert "4 on each side · hold about 40 s" in view.text
    assert "3 on each side" not in view.text
    assert view.timer == Timer(SID, 2, 40)


def test_a_personal_dose_of_more_reps(screens: Screens) -> None:
    doses = {"pelvic_tilt": PersonalDose(reps=14, hold_seconds=5)}

    text = screens.current(at(0), doses).text

    assert "14 reps · hold about 5 s" in text
    assert "10 reps" not in text


@pytest.mark.parametrize("below", [0, 1])
def test_a_personal_hold_reaching_the_threshold_brings_a_timer(
    screens: Screens, routine: Routine, below: int
) -> None:
    hold = routine.timer_min_hold_seconds - below
    doses = {"pelvic_tilt": PersonalDose(reps=10, hold_seconds=hold)}

    view = screens.current(at(0), doses)

    assert view.timer == (Timer(SID, 0, hold) if below == 0 else None)


def test_a_personal_dose_for_another_exercise_changes_nothing(screens: Screens) -> None:
    doses = {"bridge": PersonalDose(reps=20, hold_seconds=5)}

    assert screens.current(at(2), doses) == screens.current(at(2))


def test_the_gentler_option_keeps_its_own_dose_whatever_the_personal_dose(
    screens: Screens,
) -> None:
    doses = {"knee_to_chest": PersonalDose(reps=4, hold_seconds=40)}

    view = screens.current(at(2, gentler=True), doses)

    assert "2 on each side · hold about 15 s" in view.text
    assert screens.dose_for(at(2, gentler=True), doses).hold_seconds == 15


# --- easing off -------------------------------------------------------------------------------


def test_ease_off_offers_the_gentler_option_first(screens: Screens, content: Content) -> None:
    labels = content.texts.buttons

    view = screens.current(at(3, Phase.EASE_OFF))

    assert view.text.startswith("Exercise 4 of 7 · Double knee to chest")
    assert content.texts.session.ease_off in view.text
    assert [row[0].label for row in view.rows] == [
        labels.gentler,
        labels.skip_this,
        labels.stop_today,
    ]
    assert buttons(view) == {
        labels.gentler: session_button(SessionVerb.TRY_GENTLER, 3),
        labels.skip_this: session_button(SessionVerb.SKIP_AFTER_PAIN, 3),
        labels.stop_today: session_button(SessionVerb.STOP_TODAY, 3),
    }


def test_ease_off_after_the_gentler_option_offers_only_skip_or_stop(
    screens: Screens, content: Content
) -> None:
    labels = content.texts.buttons

    view = screens.current(at(3, Phase.EASE_OFF, gentler=True))

    assert content.texts.session.ease_off_no_gentler in view.text
    assert content.texts.session.ease_off not in view.text
    assert buttons(view) == {
        labels.skip_this: session_button(SessionVerb.SKIP_AFTER_PAIN, 3),
        labels.stop_today: session_button(SessionVerb.STOP_TODAY, 3),
    }


def test_ease_off_without_a_gentler_option_in_the_content(content: Content) -> None:
    data = content.routine.model_dump()
    data["exercises"][3]["gentler"] = None
    screens = Screens(Content(Tracks([Routine.model_validate(data)]), content.texts))

    view = screens.current(at(3, Phase.EASE_OFF))

    assert content.texts.session.ease_off_no_gentler in view.text
    assert content.texts.buttons.gentler not in buttons(view)


# --- soreness, pause, resume ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "question"),
    [
        (SessionState(SID), "soreness_before"),
        (at(TOTAL, Phase.SORENESS_AFTER), "soreness_after"),
        (at(2, Phase.SORENESS_AFTER, stopped_early=True), "soreness_after"),
    ],
)
def test_soreness_screens_have_eleven_buttons_zero_to_ten(
    screens: Screens, content: Content, state: SessionState, question: str
) -> None:
    view = screens.current(state)
    scores = view.actions[:11]

    assert view.text.startswith(getattr(content.texts.session, question))
    assert content.texts.session.soreness_scale in view.text
    assert [action.label for action in scores] == [str(score) for score in range(11)]
    assert [parse_action(action.data) for action in scores] == [
        session_button(SessionVerb.SORENESS, state.step, score) for score in range(11)
    ]
    # Before the floor routine, one more: "🪑 No floor today" (the track without the floor).
    others = [action.label for action in view.actions[11:]]
    expected = [content.texts.tracks.no_floor_today] if question == "soreness_before" else []
    assert others == expected


def test_the_first_soreness_question_asks_about_the_floor_too(
    screens: Screens, content: Content
) -> None:
    view = screens.current(SessionState(SID, Phase.CHOOSE_TRACK))
    texts = content.texts.tracks
    chair = content.tracks.floor_free()
    assert chair is not None

    assert view.text.startswith(texts.floor_question)
    assert content.texts.session.soreness_before in view.text
    assert [action.label for action in view.actions[11:]] == [texts.floor_not_today, texts.floor_no]
    place = list(content.tracks).index(chair)
    assert [parse_action(action.data) for action in view.actions[11:]] == [
        session_button(SessionVerb.TRACK_TODAY, 0, place),
        session_button(SessionVerb.TRACK, 0, place),
    ]


@pytest.mark.parametrize("phase", [Phase.EXERCISE, Phase.EASE_OFF])
def test_a_paused_exercise_offers_only_continue(
    screens: Screens, content: Content, phase: Phase
) -> None:
    view = screens.current(at(4, phase, paused=True))

    assert view.text == content.texts.session.paused.format(
        number=5, total=TOTAL, title="Trunk rotation"
    )
    assert buttons(view) == {content.texts.buttons.resume: session_button(SessionVerb.RESUME, 4)}
    assert view.timer is None


@pytest.mark.parametrize(
    ("state", "lead"),
    [
        (SessionState(SID, paused=True), "resume_soreness"),
        (at(TOTAL, Phase.SORENESS_AFTER, paused=True), "resume_soreness_after"),
    ],
)
def test_a_paused_soreness_question_says_where_we_were(
    screens: Screens, content: Content, state: SessionState, lead: str
) -> None:
    view = screens.current(state)

    assert view.text == getattr(content.texts.session, lead)
    assert buttons(view) == {
        content.texts.buttons.resume: session_button(SessionVerb.RESUME, state.step)
    }


def test_resuming_an_exercise_names_it(screens: Screens) -> None:
    lead = screens.resume_lead(at(4))

    assert "exercise 5 of 7 · Trunk rotation" in lead


def test_a_lead_line_goes_above_the_screen_and_keeps_the_timer(screens: Screens) -> None:
    plain = screens.current(at(2))

    view = screens.current(at(2), lead="Welcome back!")

    assert view.text == f"Welcome back!\n\n{plain.text}"
    assert view.rows == plain.rows
    assert view.timer == plain.timer


def test_the_timer_screen_counts_down_then_says_time_is_up(
    screens: Screens, content: Content
) -> None:
    plain = screens.current(at(2))

    running = screens.timer(at(2), 12)
    done = screens.timer(at(2), 0)

    assert (
        running.text == f"{plain.text}\n\n{content.texts.session.timer_running.format(seconds=12)}"
    )
    assert done.text == f"{plain.text}\n\n{content.texts.session.timer_done}"
    assert running.rows == done.rows == plain.rows
    assert running.timer is None


# --- the summary ------------------------------------------------------------------------------

OUTCOMES = {Outcome.DONE: 4, Outcome.GENTLER_DONE: 1, Outcome.TOO_PAINFUL: 1, Outcome.SKIPPED: 1}


@pytest.mark.parametrize(
    ("before", "after", "verdict"),
    [
        (6, 3, "better"),
        (4, 4, "same"),
        (3, 5, "worse"),
        (1, 0, "better"),
        (3, 6, "much_worse"),
        (0, 10, "much_worse"),
    ],
)
def test_the_summary_counts_outcomes_and_compares_soreness(
    screens: Screens, content: Content, before: int, after: int, verdict: str
) -> None:
    """A rise of 3 or more (a flare-up) is never celebrated, nor called fine."""
    summary = content.texts.summary
    state = SessionState(
        SID, Phase.FINISHED, step=TOTAL, soreness_before=before, soreness_after=after
    )

    view = screens.current(state, outcomes=OUTCOMES)

    flare_up = verdict == "much_worse"
    assert view.text.startswith(summary.completed_sore if flare_up else summary.completed)
    assert ("🎉" in view.text) is not flare_up
    assert "4 done, 1 gentler, 1 too painful, 1 skipped" in view.text
    assert f"{before} → {after} out of 10" in view.text
    verdicts = {
        "better": summary.better,
        "same": summary.same,
        "worse": summary.worse,
        "much_worse": summary.much_worse,
    }
    assert verdicts.pop(verdict) in view.text
    for other in verdicts.values():
        assert other not in view.text
    assert summary.next in view.text
    assert view.actions == ()
    assert view.finished


def test_the_summary_after_stopping_early_says_so(screens: Screens, content: Content) -> None:
    state = SessionState(
        SID, Phase.FINISHED, step=2, stopped_early=True, soreness_before=5, soreness_after=5
    )

    view = screens.current(state, outcomes={Outcome.DONE: 2, Outcome.TOO_PAINFUL: 1})

    assert view.text.startswith(content.texts.summary.stopped)
    assert content.texts.summary.completed not in view.text
    assert "2 done, 0 gentler, 1 too painful, 0 skipped" in view.text


def test_the_summary_without_soreness_scores_makes_no_comparison(
    screens: Screens, content: Content
) -> None:
    summary = content.texts.summary
    state = SessionState(SID, Phase.FINISHED, step=TOTAL)

    text = screens.current(state).text

    assert "0 done, 0 gentler, 0 too painful, 0 skipped" in text
    for line in (summary.better, summary.same, summary.worse):
        assert line not in text


# --- onboarding -------------------------------------------------------------------------------


def test_welcome_states_the_routine_length_and_asks_consent(
    screens: Screens, content: Content
) -> None:
    view = screens.welcome()

    assert f"about {content.routine.minutes}" in view.text
    assert content.texts.onboarding.scope in view.text
    assert buttons(view) == {content.texts.buttons.consent: GeneralAction(GeneralVerb.CONSENT)}


def test_the_checklist_asks_the_emergency_signs_first_then_the_see_a_doctor_signs(
    screens: Screens, content: Content
) -> None:
    onboarding, labels = content.texts.onboarding, content.texts.buttons
    first, second = screens.red_flags_question(), screens.doctor_flags_question()

    for item in onboarding.checklist:
        emergency = item.level is FlagLevel.EMERGENCY
        assert (item.text in first.text) is emergency, item.id
        assert (item.text in second.text) is not emergency, item.id
    assert "under 20 or over 50" in second.text
    assert "under 20 or over 50" not in first.text
    assert buttons(first) == {
        labels.flags_none: GeneralAction(GeneralVerb.FLAGS_NONE),
        labels.flags_some: GeneralAction(GeneralVerb.FLAGS_SOME),
    }
    assert buttons(second) == {
        labels.flags_none: GeneralAction(GeneralVerb.DOCTOR_FLAGS_NONE),
        labels.doctor_flags_some: GeneralAction(GeneralVerb.DOCTOR_FLAGS_SOME),
    }


def test_the_see_a_doctor_answer_says_how_soon_sign_by_sign_and_ends_with_the_safety_net(
    screens: Screens, content: Content
) -> None:
    safety = content.texts.safety
    view = screens.safety_stop(FlagLevel.SEE_DOCTOR, lead=screens.doctor_checklist_advice())
    today, later = view.text.split("\n\n")[1:3]

    assert "Today" in today
    assert "fever" in today
    assert "under 20" not in today
    assert "few days" in later
    assert "under 20 or over 50" in later
    assert "fever" not in later
    assert view.text.endswith(safety.safety_net)
    assert "I've been checked" not in " ".join(buttons(view))
    assert set(buttons(view).values()) == {
        GeneralAction(GeneralVerb.DOCTOR_OK),
        GeneralAction(GeneralVerb.FLAGS_MISTAKE),
    }


@pytest.mark.parametrize(
    ("timeframe", "words"),
    [(Timeframe.SAME_DAY, "today"), (Timeframe.FEW_DAYS, "within the next few days"), (None, "")],
)
def test_see_a_doctor_advice_for_typed_words_says_how_soon(
    screens: Screens, content: Content, timeframe: Timeframe | None, words: str
) -> None:
    safety = content.texts.safety
    view = screens.safety_stop(FlagLevel.SEE_DOCTOR, lead=safety.text_doctor, timeframe=timeframe)

    assert words in view.text
    assert ("today" in view.text) is (timeframe is Timeframe.SAME_DAY)
    assert view.text.endswith(safety.safety_net)


def test_the_emergency_answer_is_the_emergency_advice_only(
    screens: Screens, content: Content
) -> None:
    onboarding = content.texts.onboarding
    view = screens.safety_stop(FlagLevel.EMERGENCY, clear_in_hours=6)

    assert onboarding.red_flags_urgent in view.text
    assert "see a doctor" not in view.text.casefold()
    assert set(buttons(view).values()) == {GeneralAction(GeneralVerb.FLAGS_MISTAKE)}


@pytest.mark.parametrize(
    ("concepts", "categories", "first_ids"),
    [
        ((), (), ("saddle", "bladder", "bowel", "sexual", "legs")),
        (("SURGERY",), (), ("surgery",)),
        (("AGE_WORDS",), (), ("age",)),
        (("MINOR_TRAUMA",), (), ("injury",)),
        (("BLADDER", "NUMB"), (), ("bladder", "saddle", "legs", "one_leg")),
        (("NUMB",), ("saddle_numbness",), ("saddle", "legs", "one_leg")),
        (("LUMP", "WEIGHT_LOSS"), (), ("lump", "cancer")),
        (
            ("SURGERY", "SADDLE", "BLADDER", "BOWEL", "SEX", "GIVE_WAY"),
            (),
            ("saddle", "bladder", "bowel", "sexual", "legs"),
        ),
    ],
)
def test_the_confirm_question_lists_at_most_five_signs_closest_first(
    screens: Screens,
    content: Content,
    concepts: tuple[str, ...],
    categories: tuple[str, ...],
    first_ids: tuple[str, ...],
) -> None:
    labels = content.texts.buttons
    view = screens.possible_red_flag(concepts, categories)
    lines = [line for line in view.text.splitlines() if line.startswith("• ")]
    by_short = {item.short: item.id for item in content.texts.onboarding.checklist}

    assert 1 <= len(lines) <= 5
    assert tuple(by_short[line.removeprefix("• ")] for line in lines) == first_ids
    assert list(buttons(view)) == [labels.possible_yes, labels.possible_all, labels.possible_no]
    yes = buttons(view)[labels.possible_yes]
    assert yes == GeneralAction(GeneralVerb.POSSIBLE_YES, "+".join(first_ids))
    assert tuple(item.id for item in screens.listed_items(yes.value)) == tuple(
        sorted(first_ids, key=list(by_short.values()).index)
    )
    assert all(len(line) <= 64 for line in lines)


def test_no_to_the_confirm_question_ends_with_the_safety_net(
    screens: Screens, content: Content
) -> None:
    view = screens.possible_no()
    assert view.text.endswith(content.texts.safety.safety_net)
    assert "emergency number" in view.text.splitlines()[-1]


# --- every word comes from content/ -----------------------------------------------------------


def every_view(screens: Screens) -> Iterator[View]:
    """Every screen the engine can build, in every state worth telling apart."""
    yield screens.welcome()
    yield screens.red_flags_question()
    yield screens.red_flags_question(asked=True)
    yield screens.doctor_flags_question()
    for level in (FlagLevel.EMERGENCY, FlagLevel.SEE_DOCTOR):
        for hours in (0, 5):
            yield screens.safety_stop(level, clear_in_hours=hours)
            yield screens.safety_stop(level, clear_in_hours=hours, lead="lead")
    for timeframe in Timeframe:
        yield screens.safety_stop(FlagLevel.SEE_DOCTOR, lead="lead", timeframe=timeframe)
    yield screens.safety_stop(FlagLevel.SEE_DOCTOR, lead=screens.doctor_checklist_advice())
    yield View(screens.safety_cleared())
    yield screens.possible_red_flag()
    yield screens.advice_for_someone_else(FlagLevel.EMERGENCY)
    yield screens.advice_for_someone_else(FlagLevel.SEE_DOCTOR)
    yield screens.possible_red_flag(("SURGERY", "NUMB"), ("age",))
    yield screens.possible_no()
    yield screens.not_english()
    yield screens.welcome_back()
    yield screens.reminder_time_question()
    yield screens.reminder_time_question(lead="lead")
    yield screens.reminder_type_time()
    yield screens.reminder_type_time(retry=True)
    yield screens.reminder_zone_question()
    yield screens.reminder_zone_question(retry=True)
    for next_day in (date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 9)):
        yield screens.reminder_confirmed(
            time(8, 0), "Europe/Berlin", datetime.combine(next_day, time(8, 0)), date(2026, 3, 1)
        )
    yield screens.reminders_off()
    for day in range(len(screens.texts.nudges.messages)):
        yield screens.nudge(1, date(2026, 3, 1 + day))
    yield screens.nudge_snoozed(datetime(2026, 3, 1, 9, 30))
    yield screens.nudge_skipped()

    yield screens.current(SessionState(SID))
    yield screens.current(SessionState(SID, paused=True))
    yield screens.current(SessionState(SID, Phase.CHOOSE_TRACK))
    for track in screens.tracks:
        yield screens.current(SessionState(SID, routine_id=track.id))
        yield screens.track_choice(track.id)
        yield screens.track_chosen(track, session_open=True)
    yield screens.where_you_are(None, "Hi!")
    for typed_state in (
        SessionState(SID),
        at(1),
        at(1, Phase.EASE_OFF),
        at(1, Phase.EASE_OFF, gentler=True),
        at(1, paused=True),
    ):
        yield screens.where_you_are(typed_state, "Hi!")
    yield screens.where_you_are(SessionState(SID), "", out_of_range=True)
    for step in range(TOTAL):
        for gentler in (False, True):
            for phase in (Phase.EXERCISE, Phase.EASE_OFF):
                for paused in (False, True):
                    state = at(step, phase, gentler=gentler, paused=paused)
                    yield screens.current(state, lead=screens.resume_lead(state))
            yield screens.timer(at(step, gentler=gentler), 10)
            yield screens.timer(at(step, gentler=gentler), 0)
            yield screens.more(at(step, gentler=gentler))
            for kind in MomentKind:
                moment = SetMoment(kind, 2, 3, "left knee", "hold the knee", 12)
                yield screens.set_timer(at(step, gentler=gentler), screens.set_line(moment))
    yield screens.current(at(TOTAL, Phase.SORENESS_AFTER))
    yield screens.current(at(TOTAL, Phase.SORENESS_AFTER, paused=True))
    for before, after in ((5, 2), (5, 5), (2, 5)):
        for stopped in (False, True):
            state = SessionState(
                SID,
                Phase.FINISHED,
                step=TOTAL,
                stopped_early=stopped,
                soreness_before=before,
                soreness_after=after,
            )
            yield screens.current(state, outcomes=OUTCOMES)
    yield from progress_views(ProgressScreens(screens.content))
    yield export_csv_view(screens.content)


def export_csv_view(content: Content) -> View:
    """The CSV for a GP (`/export`) as text: its headers name the zone of its dates and times."""
    user = {"time_zone": "Europe/Berlin"}
    session = {"id": 1, "started_at": "2026-11-26T08:00:00+00:00", "routine_id": "floor"}
    sorenesses = {"soreness_before": 5, "soreness_after": 2}
    step = {"session_id": 1, "at": "2026-11-26T08:01:02.345678+00:00", "exercise_key": "bridge"}
    data = {
        "user": user,
        "sessions": [{**session, **sorenesses}],
        "step_results": [{**step, "outcome": "done", "reps": 10, "hold_seconds": 3}],
    }
    titles = {exercise.key: exercise.title for exercise in content.tracks.exercises()}
    names = {track.id: track.name for track in content.tracks}
    document = sessions_csv(data, content.texts.privacy_texts.csv, titles, names).decode()
    floor = content.tracks.default.name
    assert f"2026-11-26,09:01,{floor},Bridge,done,10,3,5,2" in document  # Berlin, to the minute
    return View(document)


def progress_views(progress: ProgressScreens) -> Iterator[View]:
    """Every progress, check-in and safety screen, and the lines a summary can gain."""
    seed = PersonalDose(10, 3)
    changes = [
        DoseChange("bridge", kind, seed, replace(seed, reps=12))
        for kind in (
            ChangeKind.RAISED,
            ChangeKind.GENTLER_DEFAULT,
            ChangeKind.REGULAR_AGAIN,
            ChangeKind.LOWERED,
        )
    ]
    yield View("\n".join(progress.changes(changes)))
    for trend in (SorenessTrend(5, 3, 14), SorenessTrend(4, 4, 14), SorenessTrend(2, 4, 14)):
        yield View(progress.trend_line(trend) or "")
    yield View(progress.streak_line(Streak(4)) or "")
    yield View(progress.hold_line(Hold.HIGH_SORENESS) or "")
    yield View(progress.hold_line(Hold.WORSE_CHECK_INS) or "")
    for streak, so_far in (
        (Streak(3), None),
        (Streak(5, forgiven=1), (4, 5)),
        (Streak(6, forgiven=2), (1, 1)),
    ):
        yield View(
            progress.report(
                sessions=4,
                streak=streak,
                week=0.5,
                month=0.25,
                average_before=5.0,
                average_after=3.5,
                trend=SorenessTrend(5, 3, 14),
                outcomes={"bridge": Counter({Outcome.DONE: 3, Outcome.PAINFUL_GENTLER: 1})},
                so_far=so_far,
                by_track=Counter(track.id for track in progress.tracks),
            )
        )
    yield View(
        progress.report(
            sessions=0,
            streak=Streak(0),
            week=0,
            month=0,
            average_before=None,
            average_after=None,
            trend=None,
            outcomes={},
        )
    )
    for before_session in (False, True):
        for rest_day in (False, True):
            yield progress.check_in_question(42, before_session=before_session, rest_day=rest_day)
    for answer in CheckIn:
        yield View(progress.check_in_thanks(answer, ["line"]))
        yield View(progress.check_in_thanks(answer, []))
    yield progress.rest_day()
    yield progress.done_today()
    yield progress.usage(UsageTotals(10, 4, 12, 9, [-2, -1, 0]))
    yield progress.usage(UsageTotals(0, 0, 0, 0, []))
    # The terminal chat fills this one when it saves a chart or an export.
    yield View(progress.texts.hints.file_saved.format(path="limber-files/progress.png"))


def _words(view: View) -> list[str]:
    caption = [view.media.caption] if view.media is not None else []
    return [view.text, *caption, *(action.label for action in view.actions)]


def _templates(content: Content) -> dict[str, str]:
    """Every text of texts.yaml with a {placeholder}, by where it lives."""
    found: dict[str, str] = {}

    def walk(value: Any, where: str) -> None:
        if isinstance(value, str):
            if any(field is not None for _, field, _, _ in string.Formatter().parse(value)):
                found[where] = value
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{where}.{key}" if where else key)
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                walk(item, f"{where}[{index}]")

    walk(content.texts.model_dump(), "")
    return found


def _pattern(template: str) -> re.Pattern[str]:
    """A template as a regex: its literal text, with anything in place of each placeholder."""
    parts = []
    for literal, field, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(".+?")
    return re.compile("".join(parts), re.DOTALL)


def test_no_screen_shows_an_unfilled_placeholder(screens: Screens) -> None:
    for view in every_view(screens):
        for words in _words(view):
            assert "{" not in words, words
            assert "}" not in words, words


def test_every_placeholder_text_is_filled_by_some_screen(
    screens: Screens, content: Content
) -> None:
    templates = _templates(content)
    assert "session.exercise_heading" in templates
    shown = "\n\n".join(words for view in every_view(screens) for words in _words(view))

    unfilled = [where for where, text in templates.items() if not _pattern(text).search(shown)]

    assert unfilled == []


def test_screens_take_their_wording_from_the_content(content: Content) -> None:
    texts = content.texts
    marked = replace(
        content,
        texts=texts.model_copy(
            update={
                "session": texts.session.model_copy(
                    update={
                        "exercise_heading": "HEADING {title} {number}/{total}",
                        "dose_reps": "REPS={reps}",
                    }
                ),
                "buttons": texts.buttons.model_copy(update={"done": "DONE-LABEL"}),
            }
        ),
    )

    view = Screens(marked).current(at(1))

    assert view.text.startswith("HEADING Bridge 2/7")
    assert "REPS=10" in view.text
    assert "DONE-LABEL" in buttons(view)


def test_screens_module_holds_no_english_sentences() -> None:
    """Wording belongs in content/: string literals in screens.py are separators, not prose."""
    tree = ast.parse(Path(screens_module.__file__).read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    prose = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and re.search(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}", node.value)
    ]

    assert prose == []


def _report(progress: ProgressScreens, streak: Streak) -> str:
    return progress.report(
        sessions=4,
        streak=streak,
        week=0.5,
        month=0.25,
        average_before=None,
        average_after=None,
        trend=None,
        outcomes={},
    )


@pytest.mark.parametrize(
    ("streak", "line"),
    [
        pytest.param(Streak(1), "Streak: 1 day in a row.", id="one day"),
        pytest.param(Streak(2), "Streak: 2 days in a row.", id="two days"),
        pytest.param(Streak(0), "Streak: 0 days in a row.", id="no day"),
        pytest.param(
            Streak(4, forgiven=1),
            "Streak: 4 days in a row (1 missed day forgiven — ",
            id="one missed day forgiven",
        ),
        pytest.param(
            Streak(1, forgiven=2),
            "Streak: 1 day in a row (2 missed days forgiven — ",
            id="two missed days forgiven",
        ),
    ],
)
def test_the_streak_says_day_or_days(screens: Screens, streak: Streak, line: str) -> None:
    report = _report(ProgressScreens(screens.content), streak)

    assert line in report
    assert "(s)" not in report


def test_the_summary_streak_says_days(screens: Screens) -> None:
    progress = ProgressScreens(screens.content)
    assert progress.streak_line(Streak(2)) == "🔥 2 days in a row."
    assert progress.streak_line(Streak(1)) is None


def test_no_text_leaves_the_plural_to_the_reader(content: Content) -> None:
    """A "day(s)" reads as a form, not a coach: a count picks its noun (`Plural`)."""
    texts = content.texts.model_dump_json()
    leftovers = re.findall(r"\w+\(s\)", texts)

    assert leftovers == []


def test_a_word_typed_at_the_last_soreness_question_is_asked_the_score(
    screens: Screens, content: Content
) -> None:
    after = SessionState(SID, phase=Phase.SORENESS_AFTER, step=TOTAL)

    view = screens.where_you_are(after, "Hi!")

    assert view.text == f"Hi! {content.texts.hints.on_soreness}"


def test_a_persian_nudge_is_in_persian_digits() -> None:
    """The sweep sends a nudge outside any update's renderer: its minutes are already in the
    language's own digits; a language written in Latin digits keeps them."""
    from bot.routine.content import load_content
    from bot.routine.languages import shipped_languages

    languages = shipped_languages(load_content())
    assert languages is not None
    persian = Screens(languages.content("fa")).nudge(5, date(2026, 12, 5)).text
    assert not re.search(r"[0-9]", persian), persian
    assert re.search(r"[۰-۹]", persian), persian
    russian = Screens(languages.content("ru")).nudge(5, date(2026, 12, 5)).text
    assert re.search(r"[0-9]", russian), russian
