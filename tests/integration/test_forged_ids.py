"""Ids the database columns cannot hold are refused before they reach the database."""

from __future__ import annotations

import pytest

from tests.integration.helpers import Chat, snapshot
from tests.support.driver import CoachDriver


@pytest.mark.parametrize(
    "data",
    ["s1:done:2147483648:1", "s1:n4:2147483648:0", "s1:pause:999999999999999999:1"],
)
async def test_a_session_id_beyond_the_column_is_a_polite_stale_tap(
    coach: CoachDriver, data: str
) -> None:
    """On PostgreSQL, sessions.id is a 32-bit INTEGER: the id used to raise a database error."""
    chat = Chat(coach, 1)
    await chat.start()
    before = await snapshot(coach.database)
    reply = await coach.tap(1, data)
    assert reply.notice == coach.content.texts.notices.unknown_button
    assert reply.view is None
    assert await snapshot(coach.database) == before
