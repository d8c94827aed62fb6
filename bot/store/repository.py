"""Queries. Repositories never commit: the use case's unit of work does, once.

Statements are built once at import and executed with parameters (SQLAlchemy Core on the
transaction's connection): a tap is on the hot path. Rows become plain records before they leave
this module, so nothing above the store holds a database object.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.routine.content import Dose
from bot.routine.dosing import PersonalDose
from bot.routine.session import Outcome, Phase, SessionState, Status
from bot.store.models import (
    ExerciseDose,
    RoutineSession,
    SafetyEvent,
    SorenessReport,
    StepResult,
    User,
)


@dataclass(frozen=True)
class UserRecord:
    id: int
    consent_version: str | None
    safety_screen: str | None
    safety_screened_at: datetime | None = None
    time_zone: str | None = None


@dataclass(frozen=True)
class SessionRecord:
    user_id: int
    state: SessionState
    version: int


class StaleSessionError(Exception):
    """Another transition got there first (the row's version moved on)."""


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
    RoutineSession.version,
)

_GET_USER = select(
    User.id, User.consent_version, User.safety_screen, User.safety_screened_at, User.time_zone
).where(User.id == bindparam("b_user_id"))
_UPDATE_USER = update(User).where(User.id == bindparam("b_user_id"))
_OPEN_SESSION = select(*_SESSION_COLUMNS).where(
    RoutineSession.user_id == bindparam("b_user_id"),
    RoutineSession.status == Status.IN_PROGRESS.value,
)
_GET_SESSION = select(*_SESSION_COLUMNS).where(
    RoutineSession.id == bindparam("b_session_id"),
    RoutineSession.user_id == bindparam("b_user_id"),
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
                "soreness_before",
                "soreness_after",
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
).where(ExerciseDose.user_id == bindparam("b_user_id"))
_ADD_SAFETY_EVENT = insert(SafetyEvent)


class Repository:
    def __init__(self, connection: AsyncConnection) -> None:
        self.connection = connection
        self.dialect = connection.dialect.name

    # --- users ------------------------------------------------------------------------------

    async def get_user(self, user_id: int) -> UserRecord | None:
        row = (await self.connection.execute(_GET_USER, {"b_user_id": user_id})).first()
        if row is None:
            return None
        return UserRecord(
            row.id,
            row.consent_version,
            row.safety_screen,
            row.safety_screened_at,
            row.time_zone,
        )

    async def add_user(self, user_id: int, now: datetime) -> UserRecord:
        """Create the user, or read them back if a concurrent first contact just did."""
        dialect_insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        await self.connection.execute(
            dialect_insert(User).on_conflict_do_nothing(index_elements=[User.id]),
            {"id": user_id, "created_at": now, "language": "en"},
        )
        user = await self.get_user(user_id)
        assert user is not None
        return user

    async def record_consent(self, user_id: int, version: str, now: datetime) -> None:
        await self.connection.execute(
            _UPDATE_USER,
            {"b_user_id": user_id, "consent_version": version, "consented_at": now},
        )

    async def record_safety_screen(self, user_id: int, answer: str, now: datetime) -> None:
        await self.connection.execute(
            _UPDATE_USER,
            {"b_user_id": user_id, "safety_screen": answer, "safety_screened_at": now},
        )

    # --- sessions ---------------------------------------------------------------------------

    async def open_session(self, user_id: int) -> SessionRecord | None:
        row = (await self.connection.execute(_OPEN_SESSION, {"b_user_id": user_id})).first()
        return None if row is None else _session_record(row)

    async def get_session(self, session_id: int, user_id: int) -> SessionRecord | None:
        row = (
            await self.connection.execute(
                _GET_SESSION, {"b_session_id": session_id, "b_user_id": user_id}
            )
        ).first()
        return None if row is None else _session_record(row)

    async def create_session(
        self, user_id: int, content_version: str, now: datetime, *, gentle_start: bool = False
    ) -> SessionRecord:
        state = SessionState(session_id=0, gentle_start=gentle_start)
        result = await self.connection.execute(
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
                "version": 1,
            },
        )
        created = SessionState(session_id=result.scalar_one(), gentle_start=gentle_start)
        return SessionRecord(user_id, created, version=1)

    async def save_session(self, record: SessionRecord, state: SessionState, now: datetime) -> int:
        """Write *state* if the row is still at `record.version`; returns the new version."""
        new_version = record.version + 1
        result = await self.connection.execute(
            _SAVE_SESSION,
            {
                "b_session_id": state.session_id,
                "b_version": record.version,
                "b_phase": state.phase.value,
                "b_step": state.step,
                "b_gentler": state.gentler,
                "b_paused": state.paused,
                "b_stopped_early": state.stopped_early,
                "b_rest_day": state.rest_day,
                "b_soreness_before": state.soreness_before,
                "b_soreness_after": state.soreness_after,
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
        await self.connection.execute(
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

    async def outcome_counts(self, session_id: int) -> Counter[Outcome]:
        rows = await self.connection.execute(_OUTCOME_COUNTS, {"b_session_id": session_id})
        return Counter({Outcome(outcome): count for outcome, count in rows})

    async def add_soreness(
        self, user_id: int, session_id: int | None, score: int, context: str, now: datetime
    ) -> None:
        await self.connection.execute(
            _ADD_SORENESS,
            {
                "user_id": user_id,
                "session_id": session_id,
                "score": score,
                "context": context,
                "at": now,
            },
        )

    # --- doses ------------------------------------------------------------------------------

    async def doses(self, user_id: int) -> dict[str, PersonalDose]:
        """The user's adapted doses; an exercise not listed is at its seed dose."""
        rows = await self.connection.execute(_DOSES, {"b_user_id": user_id})
        return {
            row.exercise_key: PersonalDose(
                row.reps,
                row.hold_seconds,
                gentler_default=row.gentler_default,
                since_session=row.since_session,
                raised_after=row.raised_after,
            )
            for row in rows
        }

    async def save_doses(
        self, user_id: int, doses: Mapping[str, PersonalDose], now: datetime
    ) -> None:
        """Store each exercise's new dose (insert or replace)."""
        if not doses:
            return
        dialect_insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        statement = dialect_insert(ExerciseDose)
        statement = statement.on_conflict_do_update(
            index_elements=[ExerciseDose.user_id, ExerciseDose.exercise_key],
            set_={
                "reps": statement.excluded.reps,
                "hold_seconds": statement.excluded.hold_seconds,
                "gentler_default": statement.excluded.gentler_default,
                "since_session": statement.excluded.since_session,
                "raised_after": statement.excluded.raised_after,
                "updated_at": statement.excluded.updated_at,
            },
        )
        await self.connection.execute(
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
                    "updated_at": now,
                }
                for key, dose in doses.items()
            ],
        )

    # --- safety -----------------------------------------------------------------------------

    async def add_safety_event(
        self, user_id: int, kind: str, level: str | None, now: datetime
    ) -> None:
        """Record that a safety event happened: its kind and time, never what the user wrote."""
        await self.connection.execute(
            _ADD_SAFETY_EVENT, {"user_id": user_id, "kind": kind, "level": level, "at": now}
        )


def _session_record(row: Any) -> SessionRecord:
    state = SessionState(
        session_id=row.id,
        phase=Phase(row.phase),
        step=row.step,
        gentler=row.gentler,
        paused=row.paused,
        stopped_early=row.stopped_early,
        rest_day=row.rest_day,
        gentle_start=row.gentle_start,
        soreness_before=row.soreness_before,
        soreness_after=row.soreness_after,
    )
    return SessionRecord(user_id=row.user_id, state=state, version=row.version)
