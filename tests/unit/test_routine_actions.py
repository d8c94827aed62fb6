"""The button codec: every action survives a round trip, and nothing else gets through."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.routine.actions import (
    MAX_BYTES,
    MAX_TRACKS,
    VALUE_VERBS,
    GeneralAction,
    GeneralVerb,
    SessionAction,
    SessionVerb,
    general_action,
    parse_action,
    session_action,
)
from bot.routine.actions import (
    MAX_SESSION_ID as CODEC_MAX_SESSION_ID,
)

FAST = settings(max_examples=200, deadline=None, database=None)

MAX_SESSION_ID = 10**18 - 1  # 18 digits: within sessions.id (64-bit, migration 0008)
MAX_STEP = 999
PLAIN_VERBS = [verb for verb in SessionVerb if verb not in VALUE_VERBS]
TRACK_VERBS = [SessionVerb.TRACK, SessionVerb.TRACK_TODAY]

session_ids = st.integers(min_value=0, max_value=MAX_SESSION_ID)
steps = st.integers(min_value=0, max_value=MAX_STEP)
scores = st.integers(min_value=0, max_value=10)


@st.composite
def session_actions(draw: st.DrawFn) -> SessionAction:
    verb = draw(st.sampled_from(SessionVerb))
    score = draw(scores) if verb in VALUE_VERBS else None
    return SessionAction(verb, draw(session_ids), draw(steps), score)


# --- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("verb", PLAIN_VERBS)
@pytest.mark.parametrize(("session_id", "step"), [(0, 0), (42, 3), (MAX_SESSION_ID, MAX_STEP)])
def test_session_verbs_round_trip(verb: SessionVerb, session_id: int, step: int) -> None:
    data = session_action(verb, session_id, step)

    assert parse_action(data) == SessionAction(verb, session_id, step)


@pytest.mark.parametrize("score", range(11))
def test_every_soreness_score_round_trips(score: int) -> None:
    data = session_action(SessionVerb.SORENESS, 42, 7, score)

    assert parse_action(data) == SessionAction(SessionVerb.SORENESS, 42, 7, score)


@pytest.mark.parametrize("verb", TRACK_VERBS)
@pytest.mark.parametrize("place", [0, 1, MAX_TRACKS])
def test_every_track_place_round_trips(verb: SessionVerb, place: int) -> None:
    data = session_action(verb, 42, 0, place)

    assert parse_action(data) == SessionAction(verb, 42, 0, place)


@pytest.mark.parametrize("verb", TRACK_VERBS)
def test_a_track_place_beyond_any_content_is_forged(verb: SessionVerb) -> None:
    assert parse_action(f"s1:{verb.value}{MAX_TRACKS + 1}:42:0") is None
    assert parse_action(f"s1:{verb.value}:42:0") is None


@pytest.mark.parametrize("verb", list(GeneralVerb))
def test_general_verbs_round_trip(verb: GeneralVerb) -> None:
    assert parse_action(general_action(verb)) == GeneralAction(verb)


@pytest.mark.parametrize("value", ["0800", "Europe-Berlin", "a_b+c", "x" * 40])
def test_general_verbs_with_a_value_round_trip(value: str) -> None:
    data = general_action(GeneralVerb.REMINDER_TIME, value)

    assert parse_action(data) == GeneralAction(GeneralVerb.REMINDER_TIME, value)
    assert len(data.encode("utf-8")) <= MAX_BYTES


def test_the_documented_format() -> None:
    assert session_action(SessionVerb.DONE, 42, 3) == "s1:done:42:3"
    assert session_action(SessionVerb.SORENESS, 42, 0, 7) == "s1:n7:42:0"
    assert general_action(GeneralVerb.CONSENT) == "o1:consent"
    assert general_action(GeneralVerb.REMINDER_TIME, "0800") == "o1:rtime:0800"


def test_verbs_encode_to_distinct_data() -> None:
    session = {session_action(verb, 1, 1) for verb in PLAIN_VERBS}
    general = {general_action(verb) for verb in GeneralVerb}

    assert len(session) == len(PLAIN_VERBS)
    assert len(general) == len(GeneralVerb)


@FAST
@given(session_actions())
def test_any_session_action_round_trips_within_64_bytes(action: SessionAction) -> None:
    data = session_action(action.verb, action.session_id, action.step, action.score)

    assert len(data.encode("utf-8")) <= MAX_BYTES
    assert parse_action(data) == action


def test_the_longest_session_action_fits() -> None:
    longest = max(
        (
            session_action(
                verb, MAX_SESSION_ID, MAX_STEP, MAX_TRACKS if verb in VALUE_VERBS else None
            )
            for verb in SessionVerb
        ),
        key=len,
    )
    assert len(longest.encode("utf-8")) <= MAX_BYTES


# --- the encoder refuses mismatched scores ----------------------------------------------------


def test_soreness_without_a_score_is_refused() -> None:
    with pytest.raises(ValueError, match="number"):
        session_action(SessionVerb.SORENESS, 1, 1)


@pytest.mark.parametrize("verb", PLAIN_VERBS)
def test_a_score_on_another_verb_is_refused(verb: SessionVerb) -> None:
    with pytest.raises(ValueError, match="number"):
        session_action(verb, 1, 1, 5)


# --- forged, stale and malformed data ---------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        "",
        "s1",
        "s1:",
        "s1:n11:42:3",  # score above 10
        "s1:n99:42:3",
        "s1:n-1:42:3",
        "s1:n:42:3",  # soreness without a score
        "s1:done5:42:3",  # a score on another verb
        "s1:dance:42:3",  # unknown verb
        "s1:DONE:42:3",
        "s1:done:42",  # missing step
        "s1:done:42:3:9",  # extra field
        "s1:done::3",
        "s1:done:42:",
        "s1:done:-42:3",
        "s1:done:42:-3",
        "s1:done:4 2:3",
        " s1:done:42:3",
        "s1:done:42:3 ",
        "s1:done:42:3\n",
        "s1:done:٤٢:3",  # Arabic-Indic digits
        "s1:done:42:٣",
        "s1:n٣:42:3",
        "s1:done:４２:3",  # fullwidth digits
        "s1:done:1234567890123456789:3",  # session id of 19 digits
        "s1:done:42:1000",  # step of 4 digits
        "s2:done:42:3",  # unknown version
        "S1:done:42:3",
        "o1:dance",
        "o1:consent:1:2",  # extra field
        "o1:consent:",
        "o1:rtime:08 00",
        "o1:rtime:٠٨٠٠",
        "o1:rtime:" + "1" * 41,
        "o1:",
        "o2:consent",
        "o1:CONSENT",
        "o1:consent\n",
        "done",
        "s1:done:42:3" + "0" * 60,
    ],
)
def test_forged_data_parses_to_none(data: str) -> None:
    assert parse_action(data) is None


@FAST
@given(st.text())
def test_parse_never_raises_on_any_text(data: str) -> None:
    parsed = parse_action(data)

    assert parsed is None or isinstance(parsed, SessionAction | GeneralAction)


@FAST
@given(st.text(min_size=33, max_size=400))
def test_parse_never_raises_on_long_text(data: str) -> None:
    parsed = parse_action(data)

    if len(data.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        assert parsed is None


@FAST
@given(st.text(alphabet=st.sampled_from("s1o:0123456789nabcdegiklnoprstu٣４\x00"), max_size=40))
def test_parse_never_raises_on_near_misses(data: str) -> None:
    parsed = parse_action(data)

    if isinstance(parsed, SessionAction):
        assert parsed.session_id <= MAX_SESSION_ID
        assert parsed.step <= MAX_STEP
        assert (parsed.score is not None) is (parsed.verb is SessionVerb.SORENESS)
        if parsed.score is not None:
            assert 0 <= parsed.score <= 10


@FAST
@given(st.binary(max_size=80))
def test_parse_never_raises_on_undecodable_bytes(raw: bytes) -> None:
    data = raw.decode("utf-8", "surrogateescape")

    assert parse_action(data) is None or data.isascii()


@FAST
@given(session_actions(), st.text(min_size=1, max_size=8))
def test_anything_appended_to_good_data_is_refused(action: SessionAction, tail: str) -> None:
    data = session_action(action.verb, action.session_id, action.step, action.score)

    parsed = parse_action(data + tail)

    # Only more digits on the step can still read as an action: the same one with a longer step.
    if parsed is not None:
        assert tail.isascii()
        assert tail.isdigit()
        assert parsed == SessionAction(
            action.verb, action.session_id, int(f"{action.step}{tail}"), action.score
        )


# --- ids the database cannot hold ----------------------------------------------------------


def test_the_codec_knows_the_session_id_column_range() -> None:
    assert CODEC_MAX_SESSION_ID == MAX_SESSION_ID


@pytest.mark.parametrize(
    "data",
    [
        f"s1:done:{10**18}:1",
        f"s1:n3:{2**63 - 1}:0",
        f"s1:pause:{2**63}:1",
    ],
)
def test_a_session_id_beyond_the_column_is_not_an_action(data: str) -> None:
    """On PostgreSQL it would raise in the database; a forged id is a stale tap instead."""
    assert parse_action(data) is None


@given(st.integers(min_value=MAX_SESSION_ID + 1, max_value=10**25), steps)
@FAST
def test_no_session_id_beyond_the_column_parses(session_id: int, step: int) -> None:
    assert parse_action(f"s1:done:{session_id}:{step}") is None
