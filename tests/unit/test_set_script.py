"""The set's script as a physiotherapist would speak it, and the ⏱ timer read from it (pure)."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.media.voice import load_voice
from bot.routine.content import DEFAULT_CONTENT_DIR, Content, Dose
from bot.routine.set_script import (
    SPEAKABLE,
    Cue,
    CueKind,
    MomentKind,
    SetMoment,
    SetScript,
    build,
    moment_at,
)

VOICE = load_voice(DEFAULT_CONTENT_DIR)


def words(text: str) -> float:
    """A stand-in for the synthesiser: 60 ms a character."""
    return 0.06 * len(text)


def texts(key: str, variant: str, dose: Dose, kind: CueKind | None = None) -> list[str]:
    script = build(VOICE, key, variant, dose, words)  # type: ignore[arg-type]
    return [cue.text for cue in script.cues if kind is None or cue.kind is kind]


def test_every_exercise_and_gentler_option_has_a_script(content: Content) -> None:
    for exercise in content.routine.exercises:
        assert VOICE.of(exercise.key, "regular")
        if exercise.gentler is not None:
            assert VOICE.of(exercise.key, "gentler")


def test_no_symbol_is_read_aloud(content: Content) -> None:
    for exercise in content.routine.exercises:
        for variant, dose in (("regular", exercise.dose), ("gentler", exercise.gentler.dose)):
            for text in texts(exercise.key, variant, dose):  # type: ignore[union-attr]
                assert SPEAKABLE.match(text), text
    assert "→" in content.routine.exercise("plank_dog_flow").title
    assert texts("plank_dog_flow", "regular", Dose(reps=1, hold_seconds=5))[0].startswith(
        "Plank, upward dog, downward dog."
    )


def test_the_first_rep_gets_the_full_cue_and_later_reps_the_short_one() -> None:
    moves = texts("pelvic_tilt", "regular", Dose(reps=3, hold_seconds=5), CueKind.MOVE)
    assert moves == [
        "Tilt your pelvis so your low back presses down into your hands.",
        "Tilt, and press your back down.",
        "Tilt, and press your back down.",
    ]


def test_the_side_is_named_every_time_it_changes() -> None:
    moves = texts("trunk_rotation", "regular", Dose(reps=2, hold_seconds=5, per_side=True))
    said = [text for text in moves if "left" in text or "right" in text]
    assert said == [
        "Keep your shoulders on the floor and let both knees drop over to the left.",
        "Keep your shoulders on the floor and let both knees drop over to the right.",
        "Knees to the left.",
        "Knees to the right.",
    ]


def test_each_hold_of_a_flow_is_named() -> None:
    holds = texts("plank_dog_flow", "regular", Dose(reps=2, hold_seconds=5), CueKind.HOLD)
    assert holds == ["Hold upward dog.", "Hold downward dog."] * 2


def test_long_holds_get_mid_hold_cues_and_a_countdown_short_ones_do_not() -> None:
    long = texts("double_knee_to_chest", "regular", Dose(reps=1, hold_seconds=30))
    assert "Breathe slowly." in long
    assert "10 seconds left." in long
    assert [text for text in long if text in ("Three.", "Two.", "One.")] == [
        "Three.",
        "Two.",
        "One.",
    ]
    short = texts("pelvic_tilt", "regular", Dose(reps=3, hold_seconds=5))
    assert not any(re.fullmatch(r"(One|Two|Three)\.", text) for text in short)
    assert "Breathe slowly." not in short


def test_slots_fit_the_measured_phrases_and_holds_keep_their_length() -> None:
    script = build(VOICE, "knee_to_chest", "regular", LONG, words)
    cues = script.cues
    for cue, following in itertools.pairwise(cues):
        assert following.time >= cue.time + words(cue.text) + VOICE.timing.tail - 1e-9, cue
    holds = [cue for cue in cues if cue.kind is CueKind.HOLD]
    assert len(holds) == 6
    for hold in holds:
        assert hold.hold_end - hold.time == 30
    assert cues[-1].kind is CueKind.END
    assert script.length >= cues[-1].time + words(cues[-1].text)


def test_a_longer_phrase_moves_everything_after_it() -> None:
    """Slots come from the measurement, not from a guess: slower speech, a longer set."""
    quick = build(VOICE, "bridge", "regular", Dose(reps=2, hold_seconds=3), words)
    slow = build(VOICE, "bridge", "regular", Dose(reps=2, hold_seconds=3), lambda t: 3 * words(t))
    assert slow.length > quick.length + 5


LONG = Dose(reps=3, hold_seconds=30, per_side=True)


def test_the_timer_names_the_rep_the_side_and_the_hold() -> None:
    script = build(VOICE, "knee_to_chest", "regular", LONG, words)
    cues = script.cues
    first_hold = next(cue for cue in cues if cue.kind is CueKind.HOLD)
    release = next(cue for cue in cues if cue.kind is CueKind.RELEASE)
    right = next(cue for cue in cues if cue.kind is CueKind.MOVE and cue.side == "right knee")
    assert moment_at(script, 0.5) == SetMoment(MomentKind.READY, 1, 3, "left knee")
    assert moment_at(script, first_hold.time - 0.5) == SetMoment(
        MomentKind.MOVE, 1, 3, "left knee", "pull the knee in"
    )
    assert moment_at(script, first_hold.time + 4) == SetMoment(
        MomentKind.HOLD, 1, 3, "left knee", "hold the knee", 26
    )
    assert moment_at(script, release.time + 0.5) == SetMoment(MomentKind.SWITCH, 1, 3, "right knee")
    assert moment_at(script, right.time + 0.5).side == "right knee"
    assert moment_at(script, script.length) == SetMoment(MomentKind.DONE, 3, 3)


@pytest.mark.parametrize("elapsed", [t / 2 for t in range(200)])
def test_a_flow_shows_which_hold_is_on(elapsed: float) -> None:
    script = build(VOICE, "plank_dog_flow", "regular", Dose(reps=3, hold_seconds=5), words)
    moment = moment_at(script, elapsed)
    if moment.kind is MomentKind.HOLD:
        assert moment.label in ("upward dog", "downward dog")
        assert 1 <= moment.seconds_left <= 5
    assert moment.side is None


def test_every_rep_rests_once_and_the_set_ends_done() -> None:
    dose = Dose(reps=2, hold_seconds=5, per_side=True)
    script = build(VOICE, "trunk_rotation", "regular", dose, words)
    moments = [moment_at(script, t / 4) for t in range(int(script.length * 4) + 4)]
    assert {m.rep for m in moments if m.kind is MomentKind.REST} == {1, 2}
    assert {m.side for m in moments if m.kind is MomentKind.SWITCH} == {"knees to the right"}
    assert moments[-1].kind is MomentKind.DONE


@pytest.mark.parametrize("start", [2.023, 2.093, 9.713, 14.403])
def test_whole_seconds_left_are_not_pushed_up_by_rounding(start: float) -> None:
    """(start + 30) − (start + 10) is 20.000000000000004 for these starts: still 20 s left."""
    hold = Cue(start, CueKind.HOLD, "Hold.", 1.0, rep=1, label="hold", hold_end=start + 30)
    script = SetScript((hold,), start + 40, 1)
    assert moment_at(script, start + 10).seconds_left == 20
    assert moment_at(script, start + 10.5).seconds_left == 20
    assert moment_at(script, start + 9.5).seconds_left == 21
