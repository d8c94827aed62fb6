"""The throwaway-PostgreSQL fixture itself: skip without binaries, fail instead where required."""

from __future__ import annotations

import asyncpg  # type: ignore[import-untyped]
import pytest

from tests.support import postgres


@pytest.fixture
def no_binaries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres, "find_bin_dir", lambda: None)


@pytest.mark.usefixtures("no_binaries")
def test_without_binaries_the_tests_are_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(postgres.REQUIRE_ENV, raising=False)
    with pytest.raises(postgres.PostgresUnavailableError) as error:
        postgres.check_runnable()
    with pytest.raises(pytest.skip.Exception, match="binaries"):
        postgres.skip_or_fail(str(error.value))


@pytest.mark.usefixtures("no_binaries")
def test_without_binaries_the_tests_fail_where_postgres_is_required(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(postgres.REQUIRE_ENV, "1")
    with pytest.raises(postgres.PostgresUnavailableError) as error:
        postgres.check_runnable()
    with pytest.raises(pytest.fail.Exception, match=postgres.REQUIRE_ENV):
        postgres.skip_or_fail(str(error.value))


@pytest.mark.postgres
async def test_each_database_is_new_and_empty(
    postgres_cluster: postgres.PostgresCluster,
) -> None:
    first = await postgres_cluster.create_database()
    second = await postgres_cluster.create_database()
    assert first != second
    connection = await asyncpg.connect(postgres_cluster.dsn(first))
    try:
        tables = await connection.fetchval(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        )
        assert tables == 0
        assert await connection.fetchval("SELECT current_setting('server_encoding')") == "UTF8"
    finally:
        await connection.close()
    for name in (first, second):
        await postgres_cluster.drop_database(name)
    assert postgres_cluster.socket_dir.is_dir()
    assert postgres_cluster.url(first).startswith("postgresql+asyncpg://postgres@127.0.0.1:")
