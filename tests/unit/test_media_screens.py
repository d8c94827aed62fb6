"""The live message's words: short captions within Telegram's limit, More in full, the set timer."""

from __future__ import annotations

import math

from bot.media.voice import guide_script, load_voice
from bot.routine.content import DEFAULT_CONTENT_DIR, Content
from bot.routine.screens import MAX_CAPTION_LENGTH, Screens
from bot.routine.session import Phase, SessionState
from bot.routine.set_script import CueKind, MomentKind, SetMoment
from bot.use_cases.media_delivery import set_length, set_moment

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
        moment = SetMoment(MomentKind.HOLD, 3, 3, "left knee", "hold the knee", 30)
        timed = screens.set_timer(state, screens.set_line(moment))
        assert timed.media is not None
        assert len(timed.media.caption) <= MAX_CAPTION_LENGTH
        assert timed.media.caption.endswith("⏱ Rep 3 of 3 · left knee — hold the knee: 30 s left.")


def test_the_set_timer_follows_the_voice_guide(content: Content) -> None:
    """The timer reads the guide's own script (measured speech): the rep, side and hold."""
    exercise = content.routine.exercise("knee_to_chest")
    length = set_length(VOICE, exercise, False, exercise.dose)
    script = guide_script(VOICE, "knee_to_chest", "regular", exercise.dose)
    assert length == math.ceil(script.length)
    hold = next(cue for cue in script.cues if cue.kind is CueKind.HOLD)
    moment = set_moment(VOICE, exercise, False, exercise.dose, hold.time + 10)
    assert moment == SetMoment(MomentKind.HOLD, 1, 3, "left knee", "hold the knee", 20)
    gentler = set_moment(VOICE, exercise, True, exercise.dose, hold.time + 10)
    assert gentler.side == "left knee", "the gentler option's own script"


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
