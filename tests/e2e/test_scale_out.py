"""Several bot processes on one PostgreSQL: any process serves any tap, a tap counts once,
and a database restart costs at most the action in flight."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import pytest

from bot.store.migrations import upgrade_in_thread
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.postgres import PostgresCluster
from tests.support.updates import ChatUser

pytestmark = pytest.mark.postgres


@pytest.fixture
async def shared_database(postgres_cluster: PostgresCluster) -> AsyncIterator[str]:
    name = await postgres_cluster.create_database()
    url = postgres_cluster.url(name)
    await upgrade_in_thread(url)
    yield url
    await postgres_cluster.drop_database(name)


async def step_results(cluster: PostgresCluster, url: str) -> int:
    connection = await asyncpg.connect(cluster.dsn(url.rsplit("/", 1)[1]))
    try:
        count: int = await connection.fetchval("SELECT count(*) FROM step_results")
        return count
    finally:
        await connection.close()


async def onboard(ann: ChatUser) -> None:
    await ann.send("/start")
    await ann.tap("I understand")
    await ann.tap("None of these")  # the emergency signs
    await ann.tap("None of these")  # the see-a-doctor signs
    await ann.tap("3")
    assert "Exercise 1 of 7" in ann.last_text


async def test_a_double_tap_landing_on_two_processes_advances_the_session_once(
    shared_database: str, postgres_cluster: PostgresCluster
) -> None:
    api = FakeBotApi()  # one Telegram, two bot processes behind the load balancer
    async with (
        running_limber(api, shared_database) as process_a,
        running_limber(api, shared_database) as process_b,
    ):
        ann = process_a.user()
        await onboard(ann)
        for round_number in range(5):  # both orders of arrival get their chance
            message = api.last_message(ann.chat_id).message_id
            first = ann.updates.tap("Done", message_id=message)
            second = ChatUser(process_b.application, api, ann.user).updates.tap(
                "Done", message_id=message
            )
            api.reset_calls()
            await asyncio.gather(
                process_a.application.process_update(first),
                process_b.application.process_update(second),
            )
            answers = sorted(
                str(call.params.get("text")) for call in api.calls("answerCallbackQuery")
            )
            assert answers == ["None", "That step is already done."], answers
            assert f"Exercise {round_number + 2} of 7" in ann.last_text
        assert not process_a.errors
        assert not process_b.errors
    assert await step_results(postgres_cluster, shared_database) == 5


async def test_any_process_can_serve_the_next_tap(
    shared_database: str, postgres_cluster: PostgresCluster
) -> None:
    api = FakeBotApi()
    async with (
        running_limber(api, shared_database) as process_a,
        running_limber(api, shared_database) as process_b,
    ):
        ann_a = process_a.user()
        ann_b = ChatUser(process_b.application, api, ann_a.user)
        await onboard(ann_a)
        for number, person in enumerate((ann_b, ann_a, ann_b, ann_a), start=2):
            await person.tap("Done")
            assert f"Exercise {number} of 7" in api.last_message(ann_a.chat_id).text
        assert not process_a.errors
        assert not process_b.errors
    assert await step_results(postgres_cluster, shared_database) == 4


async def test_a_database_restart_costs_at_most_the_action_in_flight(
    shared_database: str, postgres_cluster: PostgresCluster
) -> None:
    api = FakeBotApi()
    async with running_limber(api, shared_database) as limber:
        ann = limber.user()
        await onboard(ann)
        await ann.tap("Done")
        assert "Exercise 2 of 7" in ann.last_text

        await asyncio.to_thread(postgres_cluster.restart)

        await ann.tap("Done")
        if "Exercise 3 of 7" not in ann.last_text:
            # The first action after the restart may fail: the user is told to try again.
            answer = api.last_call("answerCallbackQuery").params.get("text") or ""
            assert "try again" in answer
            await ann.tap("Done")
        assert "Exercise 3 of 7" in ann.last_text
        await ann.tap("Done")
        assert "Exercise 4 of 7" in ann.last_text
    assert await step_results(postgres_cluster, shared_database) == 3
