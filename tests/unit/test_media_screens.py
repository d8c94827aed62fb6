"""The live message's words: short captions within Telegram's limit, More in full, the set timer."""

from __future__ import annotations

import pytest

from bot.media.voice import load_voice
from bot.routine.content import DEFAULT_CONTENT_DIR, Content, Dose
from bot.routine.screens import MAX_CAPTION_LENGTH, Screens
from bot.routine.session import Phase, SessionState
from bot.use_cases.media_delivery import SetMoment, set_length, set_moment

VOICE = load_voice(DEFAULT_CONTENT_DIR)


def states(content: Content) -> list[SessionState]:
    found = []
    for step, exercise in enumerate(content.routine.exercises):
        found.append(SessionState(7, Phase.EXERCISE, step=step))
        if exercise.gentler is not None:
            found.append(SessionState(7, Phase.EXERCISE, step=step, gentler=True))
    return found


def test_every_caption_is_short_and_whole(content: Content) -> None:
    screens = Screens(content)
    for state in states(content):
        view = screens.current(state)
        assert view.media is not None
        caption = view.media.caption
        print(f"--- {len(caption)} chars\n{caption}")
        assert len(caption) <= MAX_CAPTION_LENGTH
        assert len(caption) < len(view.text), "shorter than the full screen"
        assert not caption.endswith("…"), "no caption is cut"
        assert caption.count("•") <= 3, "the cues that matter, not all of them"
        assert "Stop if you feel" in caption
        exercise = content.routine.exercises[state.step]
        assert exercise.title in caption
        more = screens.more(state)
        assert more.media is not None
        assert more.media.caption == more.text, "More shows everything, uncut"
        assert len(more.text) <= MAX_CAPTION_LENGTH
        cues = exercise.gentler.cues if state.gentler and exercise.gentler else exercise.cues
        for cue in cues:
            assert cue in more.text
        for sign in content.routine.stop_if:
            assert sign in more.text
        timed = screens.set_timer(state, screens.set_line("hold", 3, 3, 30))
        assert timed.media is not None
        assert len(timed.media.caption) <= MAX_CAPTION_LENGTH
        assert timed.media.caption.endswith("⏱ Rep 3 of 3 — hold: 30 s left.")


@pytest.mark.parametrize(
    ("elapsed", "moment"),
    [
        (0, SetMoment("ready", 1, 2)),
        (4, SetMoment("ready", 1, 2)),
        (6, SetMoment("hold", 1, 2, 10)),
        (15.5, SetMoment("hold", 1, 2, 1)),
        (16, SetMoment("rest", 1, 2)),
        (18.5, SetMoment("ready", 2, 2)),
        (21, SetMoment("hold", 2, 2, 10)),
        (31, SetMoment("rest", 2, 2)),
        (33.5, SetMoment("done", 2, 2)),
        (99, SetMoment("done", 2, 2)),
    ],
)
def test_the_set_timer_follows_the_voice_guide(elapsed: float, moment: SetMoment) -> None:
    # lead_in 4, to_hold 2, rest 2.5 (content/voice.yaml)
    assert set_moment(VOICE, Dose(reps=2, hold_seconds=10), elapsed) == moment


def test_a_per_side_set_says_other_side_and_counts_reps_once() -> None:
    dose = Dose(reps=2, hold_seconds=5, per_side=True)
    kinds = [set_moment(VOICE, dose, t / 2) for t in range(2 * set_length(VOICE, dose) + 2)]
    assert [m.kind for m in kinds].count("done") >= 1
    sides = [m for m in kinds if m.kind == "other_side"]
    assert {m.rep for m in sides} == {1, 2}
    assert max(m.rep for m in kinds) == 2
    rests = {m.rep for m in kinds if m.kind == "rest"}
    assert rests == {1, 2}


def test_moves_without_a_hold_are_counted_too() -> None:
    dose = Dose(reps=3, hold_seconds=0)
    assert set_moment(VOICE, dose, 6.5) == SetMoment("move", 1, 3)
    assert set_length(VOICE, dose) == 28  # lead-in 4, 3 × (2 + 3 + 2.5), end pause 1.5


def test_newcomer_findings_on_the_exercise_screen(content: Content) -> None:
    screens = Screens(content)
    routine = content.routine
    single = next(
        i for i, e in enumerate(routine.exercises) if e.gentler and e.gentler.dose.reps == 1
    )
    gentle = screens.current(SessionState(7, Phase.EXERCISE, step=single, gentler=True)).text
    assert "1 rep ·" in gentle
    assert "1 reps" not in gentle
    plank_step = next(i for i, e in enumerate(routine.exercises) if e.optional)
    plank = routine.exercises[plank_step]
    view = screens.current(SessionState(7, Phase.EXERCISE, step=plank_step))
    # One dose, inside the video's "three to five times", and no second wording beside it.
    assert 3 <= plank.dose.reps <= 5
    assert view.text.count(" reps") == 1
    assert "cycles" not in view.text
    assert view.text.lower().count("optional") == 1, "said once"


def test_the_welcome_back_line_is_in_the_caption_too(content: Content) -> None:
    screens = Screens(content)
    state = SessionState(7, Phase.EXERCISE, step=1)
    view = screens.current(state, lead=screens.resume_lead(state))
    assert view.media is not None
    assert view.media.caption.startswith("Welcome back — you were on exercise 2 of 7")
    assert "Pick up where you left off?" in view.media.caption
    assert view.rows, "with the buttons under it"
