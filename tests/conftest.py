"""Fixtures shared by the integration and end-to-end tests.

`database_url` runs each test once on SQLite (a file in tmp_path) and once on a fresh database in a
throwaway PostgreSQL cluster (marked `postgres`; skipped without the binaries unless
LIMBER_REQUIRE_POSTGRES=1). Both are migrated to head with Alembic before the test.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.routine.content import Content, load_content
from bot.store.database import Database
from bot.store.migrations import upgrade_in_thread
from tests.support.clock import FakeClock
from tests.support.driver import CoachDriver

if TYPE_CHECKING:
    # Not imported at run time: the plugin below must be imported by pytest (assertion rewriting).
    from tests.support.postgres import PostgresCluster

pytest_plugins = ["tests.support.postgres"]

# Text screens by default, in this process and every `limber` process a test starts: a test that
# wants the animations passes a media library (or MEDIA_DIR) of its own.
os.environ["MEDIA_DIR"] = ""

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@pytest.fixture(scope="session")
def content() -> Content:
    """The real `content/` files, loaded and validated once for the whole run."""
    return load_content()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The database engine a test runs on: "sqlite" or "postgresql"."""
    name: str = request.param
    return name


def _sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'limber.sqlite3'}"


# Per cluster: a database migrated to head once, cloned (CREATE DATABASE ... TEMPLATE) per test.
_migrated_templates: dict[Path, str] = {}


async def _migrated_template(cluster: PostgresCluster) -> str:
    template = _migrated_templates.get(cluster.base_dir)
    if template is None:
        template = await cluster.create_database(f"limber_template_{cluster.port}")
        await upgrade_in_thread(cluster.url(template))
        _migrated_templates[cluster.base_dir] = template
    return template


@pytest.fixture
async def empty_database_url(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[str]:
    """A new database with no tables yet (not migrated)."""
    if backend == "sqlite":
        yield _sqlite_url(tmp_path)
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    name = await cluster.create_database()
    yield cluster.url(name)
    await cluster.drop_database(name)


@pytest.fixture
async def database_url(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[str]:
    """A new database, migrated to the newest revision with Alembic.

    PostgreSQL: migrated once per session into a template database, then cloned for each test.
    """
    if backend == "sqlite":
        url = _sqlite_url(tmp_path)
        await upgrade_in_thread(url)
        yield url
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    name = await cluster.create_database(template=await _migrated_template(cluster))
    yield cluster.url(name)
    await cluster.drop_database(name)


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    db = Database(database_url)
    yield db
    await db.dispose()


@pytest.fixture
def coach(content: Content, database: Database, clock: FakeClock) -> CoachDriver:
    return CoachDriver.build(content, database, clock)


@pytest.fixture
async def make_coach(
    content: Content, database_url: str, clock: FakeClock
) -> AsyncIterator[Callable[[], CoachDriver]]:
    """Another Limber with its own Database (own engine and pool) on the same database: as a second
    process, or the same one after a restart, would have. Disposed at the end of the test."""
    databases: list[Database] = []

    def make() -> CoachDriver:
        db = Database(database_url)
        databases.append(db)
        return CoachDriver.build(content, db, clock)

    yield make
    for db in databases:
        await db.dispose()
