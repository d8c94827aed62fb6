"""The action codec: compact, versioned strings for buttons (Telegram callback data ≤ 64 bytes).

    s1:<verb>:<session id>:<step>    a choice inside a session, e.g. ``s1:done:42:3``
    s1:n7:<session id>:<step>        a soreness score (0–10)
    s1:tk1:<session id>:<step>       a track by its place (tk: from now on, td: just today)
    o1:<verb>                        a choice outside a session, e.g. ``o1:consent``
    o1:<verb>:<value>                the same with a short value, e.g. ``o1:rtime:0800``

`parse_action` never raises: anything it does not understand is None, and so is a session id
the database column cannot hold (above MAX_SESSION_ID).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

MAX_BYTES = 64
MAX_SORENESS = 10
# sessions.id is 64-bit (migration 0008): every id of up to 18 digits fits. A longer one in button
# data is forged; passed on, it would raise in the database instead of being a polite stale tap.
MAX_SESSION_ID = 10**18 - 1


class SessionVerb(StrEnum):
    DONE = "done"
    TOO_PAINFUL = "pain"
    SKIP = "skip"
    PAUSE = "pause"
    RESUME = "go"
    TIMER = "timer"
    TRY_GENTLER = "gentle"
    SKIP_AFTER_PAIN = "pskip"
    STOP_TODAY = "stop"
    SORENESS = "n"
    MORE = "more"
    BACK = "back"
    GUIDE = "guide"
    GENTLER = "easy"
    TRACK = "tk"
    """Run this session on a track, and make it the default (the floor question's yes / no)."""
    TRACK_TODAY = "td"
    """Run this session on a track, this time only ("🪑 No floor today", "not today")."""


# The verbs whose button carries a number: a soreness score, or a track's place in the content.
VALUE_VERBS = frozenset((SessionVerb.SORENESS, SessionVerb.TRACK, SessionVerb.TRACK_TODAY))
MAX_TRACKS = 20


class GeneralVerb(StrEnum):
    CONSENT = "consent"
    FLAGS_NONE = "clear"
    FLAGS_SOME = "flagged"
    FLAGS_ASSESSED = "assessed"
    FLAGS_MISTAKE = "mistake"
    DOCTOR_OK = "docok"
    POSSIBLE_YES = "maybeyes"
    POSSIBLE_NO = "maybeno"
    START_SESSION = "start"
    REMINDER_TIME = "rtime"
    REMINDER_OTHER_TIME = "rother"
    REMINDER_OFF = "roff"
    REMINDER_CHANGE = "rchange"
    NUDGE_START = "nstart"
    NUDGE_SNOOZE = "nsnooze"
    NUDGE_SKIP_TODAY = "nskip"
    CHECK_IN = "check"
    CHECK_IN_FIRST = "checkf"
    DELETE_CONFIRM = "delyes"
    DELETE_CANCEL = "delno"
    DOCTOR_FLAGS_NONE = "dclear"
    DOCTOR_FLAGS_SOME = "dflagged"
    POSSIBLE_ALL = "maybeall"
    TRACK_DEFAULT = "track"
    LANGUAGE = "lang"


@dataclass(frozen=True)
class SessionAction:
    verb: SessionVerb
    session_id: int
    step: int
    score: int | None = None
    """The number a VALUE_VERBS button carries: a soreness score, or a track's place."""


@dataclass(frozen=True)
class GeneralAction:
    verb: GeneralVerb
    value: str | None = None


ParsedAction = SessionAction | GeneralAction

_SESSION = re.compile(
    r"s1:(?P<verb>[a-z]+)(?P<score>[0-9]{1,2})?:(?P<session>[0-9]{1,18}):(?P<step>[0-9]{1,3})"
)
_GENERAL = re.compile(r"o1:(?P<verb>[a-z]+)(?::(?P<value>[A-Za-z0-9_+\-]{1,40}))?")
_SESSION_VERBS = {verb.value: verb for verb in SessionVerb}
_GENERAL_VERBS = {verb.value: verb for verb in GeneralVerb}


def session_action(verb: SessionVerb, session_id: int, step: int, score: int | None = None) -> str:
    """Encode a choice inside a session."""
    if (verb in VALUE_VERBS) != (score is not None):
        raise ValueError("a number goes with the soreness and track verbs, and only with them")
    score_part = "" if score is None else str(score)
    return f"s1:{verb.value}{score_part}:{session_id}:{step}"


def general_action(verb: GeneralVerb, value: str | None = None) -> str:
    """Encode a choice outside a session, with an optional short value."""
    return f"o1:{verb.value}" if value is None else f"o1:{verb.value}:{value}"


def parse_action(data: str) -> ParsedAction | None:
    """Decode button data; None for anything stale-format, forged or malformed."""
    if len(data.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return None
    if match := _SESSION.fullmatch(data):
        verb = _SESSION_VERBS.get(match["verb"])
        if verb is None:
            return None
        score = None if match["score"] is None else int(match["score"])
        if (verb in VALUE_VERBS) != (score is not None):
            return None
        most = MAX_SORENESS if verb is SessionVerb.SORENESS else MAX_TRACKS
        if score is not None and score > most:
            return None
        if int(match["session"]) > MAX_SESSION_ID:
            return None
        return SessionAction(verb, int(match["session"]), int(match["step"]), score)
    if match := _GENERAL.fullmatch(data):
        general = _GENERAL_VERBS.get(match["verb"])
        return None if general is None else GeneralAction(general, match["value"])
    return None
