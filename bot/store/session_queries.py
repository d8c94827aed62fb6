"""Queries about a person and their sessions: users, sessions, doses, safety events.

Statements are built once at import and executed with parameters (SQLAlchemy Core on the unit of
work's connection): a tap is on the hot path. Rows become plain records before they leave the
store. Like every repository here, these never commit: the unit of work does, once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from bot.routine.content import DEFAULT_TRACK, Dose
from bot.routine.conversation import HOLDS_NUDGES, SafetyAnswer, SafetyEventKind
from bot.routine.dosing import PersonalDose
from bot.routine.session import (
    Outcome,
    SessionState,
    SorenessContext,
    Status,
    new_session,
    phase_column,
    phase_from_column,
)
from bot.routine.stop_signals import FlagLevel, SafetyRecord
from bot.store.database import StoreConnection
from bot.store.models import (
    ExerciseDose,
    RoutineSession,
    SafetyEvent,
    SorenessReport,
    StepResult,
    User,
)
from bot.store.records import (
    SessionAlreadyOpenError,
    SessionRecord,
    StaleSessionError,
    TapRead,
    UserRecord,
)

_SESSION_COLUMNS = (
    RoutineSession.id,
    RoutineSession.user_id,
    RoutineSession.phase,
    RoutineSession.step,
    RoutineSession.gentler,
    RoutineSession.paused,
    RoutineSession.stopped_early,
    RoutineSession.rest_day,
    RoutineSession.gentle_start,
    RoutineSession.soreness_before,
    RoutineSession.soreness_after,
    RoutineSession.routine_id,
    RoutineSession.version,
)

_GET_USER = select(
    User.id,
    User.consent_version,
    User.safety_screen,
    User.safety_screened_at,
    User.safety_level,
    User.safety_flagged_at,
    User.safety_cleared_at,
    User.time_zone,
    User.track,
).where(User.id == bindparam("b_user_id"))
_UPDATE_USER = update(User).where(User.id == bindparam("b_user_id"))
_SET_TRACK_IF_UNSET = _UPDATE_USER.where(User.track.is_(None))
_SET_LANGUAGE_IF_UNSET = _UPDATE_USER.where(User.language.is_(None))
_GET_LANGUAGE = select(User.language).where(User.id == bindparam("b_user_id"))
_OPEN_SESSION = select(*_SESSION_COLUMNS).where(
    RoutineSession.user_id == bindparam("b_user_id"),
    RoutineSession.status == Status.IN_PROGRESS.value,
)
_GET_SESSION = select(*_SESSION_COLUMNS).where(
    RoutineSession.id == bindparam("b_session_id"),
    RoutineSession.user_id == bindparam("b_user_id"),
)
# A tap's reads in one round trip: the session, whether a warning sign stands, and the user's
# adapted doses (one row per dose, or one row with NULL dose columns when none has been adapted).
_SESSION_WITH_DOSES = (
    select(
        *_SESSION_COLUMNS,
        ExerciseDose.exercise_key,
        ExerciseDose.reps,
        ExerciseDose.hold_seconds,
        ExerciseDose.gentler_default,
        ExerciseDose.since_session,
        ExerciseDose.raised_after,
        ExerciseDose.eased_after,
        User.safety_screen,
    )
    .join(User, User.id == RoutineSession.user_id)
    .outerjoin(ExerciseDose, ExerciseDose.user_id == RoutineSession.user_id)
    .where(
        RoutineSession.id == bindparam("b_session_id"),
        RoutineSession.user_id == bindparam("b_user_id"),
    )
)
_ADD_SESSION = insert(RoutineSession).returning(RoutineSession.id)
_SAVE_SESSION = (
    update(RoutineSession)
    .where(
        RoutineSession.id == bindparam("b_session_id"),
        RoutineSession.version == bindparam("b_version"),
    )
    .values(
        version=bindparam("b_new_version"),
        **{
            column: bindparam(f"b_{column}")
            for column in (
                "phase",
                "step",
                "gentler",
                "paused",
                "stopped_early",
                "rest_day",
                "gentle_start",
                "soreness_before",
                "soreness_after",
                "routine_id",
                "status",
                "finished_at",
            )
        },
    )
)
_ADD_STEP_RESULT = insert(StepResult)
_OUTCOME_COUNTS = (
    select(StepResult.outcome, func.count())
    .where(StepResult.session_id == bindparam("b_session_id"))
    .group_by(StepResult.outcome)
)
_ADD_SORENESS = insert(SorenessReport)
_DOSES = select(
    ExerciseDose.exercise_key,
    ExerciseDose.reps,
    ExerciseDose.hold_seconds,
    ExerciseDose.gentler_default,
    ExerciseDose.since_session,
    ExerciseDose.raised_after,
    ExerciseDose.eased_after,
).where(ExerciseDose.user_id == bindparam("b_user_id"))
_ADD_SAFETY_EVENT = insert(SafetyEvent)


def dialect_insert(connection: StoreConnection) -> Any:
    """The dialect's INSERT (for ON CONFLICT): PostgreSQL's or SQLite's."""
    return postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert


class UserQueries:
    def __init__(self, connection: StoreConnection) -> None:
        self._connection = connection

    async def get(self, user_id: int) -> UserRecord | None:
        row = (await self._connection.execute(_GET_USER, {"b_user_id": user_id})).first()
        if row is None:
            return None
        safety = SafetyRecord(
            answer=SafetyAnswer(row.safety_screen) if row.safety_screen else None,
            screened_at=row.safety_screened_at,
            level=FlagLevel(row.safety_level) if row.safety_level else None,
            flagged_at=row.safety_flagged_at,
            cleared_at=row.safety_cleared_at,
        )
        return UserRecord(row.id, row.consent_version, safety, row.time_zone, row.track)

    async def get_or_add(self, user_id: int, now: datetime, language: str = "en") -> UserRecord:
        """The user, created on first contact in *language* (or read back if a concurrent one
        just did)."""
        user = await self.get(user_id)
        if user is not None:
            return user
        await self._connection.execute(
            dialect_insert(self._connection)(User).on_conflict_do_nothing(index_elements=[User.id]),
            {"id": user_id, "created_at": now, "language": language},
        )
        added = await self.get(user_id)
        assert added is not None
        return added

    async def language(self, user_id: int) -> tuple[bool, str | None]:
        """Whether the user exists, and the language stored for them (None: not stored yet)."""
        row = (await self._connection.execute(_GET_LANGUAGE, {"b_user_id": user_id})).first()
        return (False, None) if row is None else (True, row.language)

    async def set_language(self, user_id: int, language: str, *, if_unset: bool = False) -> None:
        """The language Limber speaks to the person; *if_unset*: only where none is stored (a
        user from before languages were stored takes Telegram's once)."""
        statement = _SET_LANGUAGE_IF_UNSET if if_unset else _UPDATE_USER
        await self._connection.execute(statement, {"b_user_id": user_id, "language": language})

    async def languages(self, user_ids: Sequence[int]) -> dict[int, str]:
        """The stored languages of *user_ids* (users with none are left out)."""
        if not user_ids:
            return {}
        rows = await self._connection.execute(
            select(User.id, User.language).where(User.id.in_(user_ids), User.language.is_not(None))
        )
        return {row.id: row.language for row in rows}

    async def record_consent(self, user_id: int, version: str, now: datetime) -> None:
        await self._connection.execute(
            _UPDATE_USER,
            {"b_user_id": user_id, "consent_version": version, "consented_at": now},
        )

    async def set_track(self, user_id: int, track: str, *, if_unset: bool = False) -> None:
        """The person's default track (their answer to the floor question, or /routine);
        *if_unset*: only where none is set yet (an implied answer never overrides a choice)."""
        statement = _SET_TRACK_IF_UNSET if if_unset else _UPDATE_USER
        await self._connection.execute(statement, {"b_user_id": user_id, "track": track})

    async def save_safety(self, user_id: int, safety: SafetyRecord) -> None:
        """Store the person's safety record (its answer, level and times; never their words)."""
        await self._connection.execute(
            _UPDATE_USER,
            {
                "b_user_id": user_id,
                "safety_screen": safety.answer.value if safety.answer else None,
                "safety_screened_at": safety.screened_at,
                "safety_level": safety.level.value if safety.level else None,
                "safety_flagged_at": safety.flagged_at,
                "safety_cleared_at": safety.cleared_at,
            },
        )


class SessionQueries:
    def __init__(self, connection: StoreConnection) -> None:
        self._connection = connection

    async def open_one(self, user_id: int) -> SessionRecord | None:
        """The user's session in progress, if any (there is at most one)."""
        row = (await self._connection.execute(_OPEN_SESSION, {"b_user_id": user_id})).first()
        return None if row is None else _session_record(row)

    async def get(self, session_id: int, user_id: int) -> SessionRecord | None:
        row = (
            await self._connection.execute(
                _GET_SESSION, {"b_session_id": session_id, "b_user_id": user_id}
            )
        ).first()
        return None if row is None else _session_record(row)

    async def for_tap(self, session_id: int, user_id: int) -> TapRead | None:
        """What a tap needs, in one statement; None if the session is not this user's."""
        rows = (
            await self._connection.execute(
                _SESSION_WITH_DOSES, {"b_session_id": session_id, "b_user_id": user_id}
            )
        ).all()
        if not rows:
            return None
        doses = {row.exercise_key: _dose(row) for row in rows if row.exercise_key is not None}
        flagged = rows[0].safety_screen in HOLDS_NUDGES
        return TapRead(_session_record(rows[0]), doses, flagged)

    async def create(
        self,
        user_id: int,
        content_version: str,
        now: datetime,
        *,
        gentle_start: bool = False,
        routine_id: str = DEFAULT_TRACK,
        choose_track: bool = False,
        language: str | None = None,
    ) -> SessionRecord:
        state = new_session(0, routine_id, gentle_start=gentle_start, choose_track=choose_track)
        try:
            result = await self._connection.execute(
                _ADD_SESSION,
                {
                    "user_id": user_id,
                    "started_at": now,
                    "status": state.status.value,
                    "phase": state.phase.value,
                    "step": state.step,
                    "gentler": state.gentler,
                    "paused": state.paused,
                    "stopped_early": state.stopped_early,
                    "rest_day": state.rest_day,
                    "gentle_start": state.gentle_start,
                    "content_version": content_version,
                    "routine_id": state.routine_id,
                    "language": language,
                    "version": 1,
                },
            )
        except IntegrityError as error:
            raise SessionAlreadyOpenError(user_id) from error
        created = replace(state, session_id=result.scalar_one())
        return SessionRecord(user_id, created, version=1)

    async def save(self, record: SessionRecord, state: SessionState, now: datetime) -> int:
        """Write *state* if the row is still at `record.version`; returns the new version."""
        new_version = record.version + 1
        result = await self._connection.execute(
            _SAVE_SESSION,
            {
                "b_session_id": state.session_id,
                "b_version": record.version,
                "b_phase": phase_column(state),
                "b_step": state.step,
                "b_gentler": state.gentler,
                "b_paused": state.paused,
                "b_stopped_early": state.stopped_early,
                "b_rest_day": state.rest_day,
                "b_gentle_start": state.gentle_start,
                "b_soreness_before": state.soreness_before,
                "b_soreness_after": state.soreness_after,
                "b_routine_id": state.routine_id,
                "b_status": state.status.value,
                "b_finished_at": now if state.finished else None,
                "b_new_version": new_version,
            },
        )
        if result.rowcount != 1:
            raise StaleSessionError(state.session_id)
        return new_version

    async def add_step_result(
        self,
        session_id: int,
        step: int,
        exercise_key: str,
        outcome: Outcome,
        dose: Dose,
        now: datetime,
    ) -> None:
        try:
            await self._connection.execute(
                _ADD_STEP_RESULT,
                {
                    "session_id": session_id,
                    "step": step,
                    "exercise_key": exercise_key,
                    "side": "both" if dose.per_side else None,
                    "outcome": outcome.value,
                    "reps": dose.reps,
                    "hold_seconds": dose.hold_seconds,
                    "at": now,
                },
            )
        except IntegrityError as error:
            raise StaleSessionError(session_id) from error

    async def outcome_counts(self, session_id: int) -> Counter[Outcome]:
        rows = await self._connection.execute(_OUTCOME_COUNTS, {"b_session_id": session_id})
        return Counter({Outcome(outcome): count for outcome, count in rows})

    async def add_soreness(
        self,
        user_id: int,
        session_id: int | None,
        score: int,
        context: SorenessContext,
        now: datetime,
    ) -> None:
        await self._connection.execute(
            _ADD_SORENESS,
            {
                "user_id": user_id,
                "session_id": session_id,
                "score": score,
                "context": context.value,
                "at": now,
            },
        )


class DoseQueries:
    def __init__(self, connection: StoreConnection) -> None:
        self._connection = connection

    async def of_user(self, user_id: int) -> dict[str, PersonalDose]:
        """The user's adapted doses; an exercise not listed is at its seed dose."""
        rows = await self._connection.execute(_DOSES, {"b_user_id": user_id})
        return {row.exercise_key: _dose(row) for row in rows}

    async def save(self, user_id: int, doses: Mapping[str, PersonalDose], now: datetime) -> None:
        """Store each exercise's new dose (insert or replace)."""
        if not doses:
            return
        statement = dialect_insert(self._connection)(ExerciseDose)
        statement = statement.on_conflict_do_update(
            index_elements=[ExerciseDose.user_id, ExerciseDose.exercise_key],
            set_={
                "reps": statement.excluded.reps,
                "hold_seconds": statement.excluded.hold_seconds,
                "gentler_default": statement.excluded.gentler_default,
                "since_session": statement.excluded.since_session,
                "raised_after": statement.excluded.raised_after,
                "eased_after": statement.excluded.eased_after,
                "updated_at": statement.excluded.updated_at,
            },
        )
        await self._connection.execute(
            statement,
            [
                {
                    "user_id": user_id,
                    "exercise_key": key,
                    "reps": dose.reps,
                    "hold_seconds": dose.hold_seconds,
                    "gentler_default": dose.gentler_default,
                    "since_session": dose.since_session,
                    "raised_after": dose.raised_after,
                    "eased_after": dose.eased_after,
                    "updated_at": now,
                }
                for key, dose in doses.items()
            ],
        )


class SafetyQueries:
    def __init__(self, connection: StoreConnection) -> None:
        self._connection = connection

    async def add_event(
        self, user_id: int, kind: SafetyEventKind, level: str | None, now: datetime
    ) -> None:
        """Record that a safety event happened: its kind and time, never what the user wrote."""
        await self._connection.execute(
            _ADD_SAFETY_EVENT,
            {"user_id": user_id, "kind": kind.value, "level": level, "at": now},
        )


def _dose(row: Any) -> PersonalDose:
    return PersonalDose(
        row.reps,
        row.hold_seconds,
        gentler_default=row.gentler_default,
        since_session=row.since_session,
        raised_after=row.raised_after,
        eased_after=row.eased_after,
    )


def _session_record(row: Any) -> SessionRecord:
    phase, hurt = phase_from_column(row.phase)
    state = SessionState(
        session_id=row.id,
        phase=phase,
        hurt=hurt,
        step=row.step,
        gentler=row.gentler,
        paused=row.paused,
        stopped_early=row.stopped_early,
        rest_day=row.rest_day,
        gentle_start=row.gentle_start,
        soreness_before=row.soreness_before,
        soreness_after=row.soreness_after,
        routine_id=row.routine_id,
    )
    return SessionRecord(user_id=row.user_id, state=state, version=row.version)
