"""Run Alembic migrations from code (`limber migrate`, start-up, tests)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config


def _project_root() -> Path:
    """The source tree (a clone, or an editable install); for a plain `pip install .`, whose
    package has no alembic/ beside it, the working directory (run from the clone, or /app)."""
    tree = Path(__file__).resolve().parents[2]
    return tree if (tree / "alembic.ini").is_file() else Path.cwd()


PROJECT_ROOT = _project_root()


def alembic_config(database_url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, revision: str = "head") -> list[tuple[str, str]]:
    """Bring the database up to *revision* (blocking: call it outside the event loop).

    Returns what was applied, oldest first: (revision, its one-line description).
    """
    config = alembic_config(database_url)
    applied: list[tuple[str, str]] = []

    def on_version_apply(*, step: Any, **_: Any) -> None:
        if step.is_upgrade and step.up_revision is not None:
            doc = (step.up_revision.doc or "").strip().splitlines()
            applied.append((str(step.up_revision_id), doc[0] if doc else ""))

    config.attributes["on_version_apply"] = [on_version_apply]
    command.upgrade(config, revision)
    return applied


def head_revision() -> str:
    """The newest revision there is."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(
        alembic_config("sqlite+aiosqlite:///unused")
    ).get_current_head()
    return str(head)


def downgrade(database_url: str, revision: str) -> None:
    command.downgrade(alembic_config(database_url), revision)


async def upgrade_in_thread(database_url: str, revision: str = "head") -> None:
    """`upgrade` from async code: Alembic's env runs its own event loop, so not on this one."""
    await asyncio.to_thread(upgrade, database_url, revision)
