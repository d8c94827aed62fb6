"""Forged ids in button data are polite stale taps on both databases, up to 2^63 − 1.

Every id a button can name is a session id (the session buttons and the morning check-in's);
sessions.id and every column that refers to a session are 64-bit (migration 0008).
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.routine.actions import (
    GeneralVerb,
    SessionAction,
    SessionVerb,
    general_action,
    parse_action,
    session_action,
)
from tests.integration.helpers import Chat, snapshot
from tests.support.driver import CoachDriver

FORGED_IDS = [2**31, 2**32 + 7, 2**53 + 1, 999_999_999_999_999_999, 2**63 - 1]


def forged_buttons(session_id: int) -> list[str]:
    """Each kind of button that names an id, naming *session_id*."""
    buttons = [
        session_action(SessionVerb.DONE, session_id, 1),
        session_action(SessionVerb.SORENESS, session_id, 0, score=4),
        session_action(SessionVerb.PAUSE, session_id, 1),
        session_action(SessionVerb.GUIDE, session_id, 1),
    ]
    for verb in (GeneralVerb.CHECK_IN, GeneralVerb.CHECK_IN_FIRST):
        for code in "bsw":
            buttons.append(general_action(verb, f"{session_id}-{code}"))
    return buttons


@pytest.mark.parametrize("session_id", FORGED_IDS, ids=[f"id={n}" for n in FORGED_IDS])
async def test_a_forged_id_in_any_button_is_a_polite_stale_tap(
    coach: CoachDriver, session_id: int
) -> None:
    """On PostgreSQL a check-in id ≥ 2^31 used to reach a 32-bit column and raise."""
    chat = Chat(coach, 1)
    await chat.start()
    before = await snapshot(coach.database)
    notices = coach.content.texts.notices
    for data in forged_buttons(session_id):
        reply = await coach.tap(1, data)
        assert reply.notice in (notices.unknown_button, notices.expired), data
        assert reply.view is None, data
    assert await snapshot(coach.database) == before


BEYOND_32_BITS = 3_000_000_000


async def test_a_session_numbered_beyond_32_bits_works_and_takes_its_check_in(
    coach: CoachDriver, backend: str
) -> None:
    """sessions.id and every column that names a session hold 64-bit ids, and on PostgreSQL
    the sequence goes past 2^31: a real session numbered 3 000 000 000 is answered."""
    if backend == "postgresql":
        async with coach.database.transaction() as db:
            await db.execute(text(f"SELECT setval('sessions_id_seq', {BEYOND_32_BITS - 1})"))
    chat = Chat(coach, 1)
    await chat.start()
    buttons = coach.content.texts.buttons
    await chat.tap(buttons.consent)
    await chat.tap(buttons.flags_none)
    await chat.tap(buttons.flags_none)  # the see-a-doctor part
    await chat.open_session()
    async with coach.database.transaction() as db:
        await db.execute(text(f"UPDATE sessions SET id = {BEYOND_32_BITS}"))
    first = chat.screen.rows[0][0].data
    assert isinstance(parse_action(first), SessionAction), first
    verb_and_score, _, step = first.removeprefix("s1:").split(":")
    reply = await coach.tap(1, f"s1:{verb_and_score}:{BEYOND_32_BITS}:{step}")
    assert reply.view is not None, reply.notice
    reply = await coach.tap(1, general_action(GeneralVerb.CHECK_IN, f"{BEYOND_32_BITS}-b"))
    assert reply.notice is None
    assert reply.view is not None
    async with coach.database.transaction() as db:
        stored = (await db.execute(text("SELECT session_id FROM check_ins"))).scalars().all()
    assert list(stored) == [BEYOND_32_BITS]
