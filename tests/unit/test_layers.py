"""The house rules of docs/architecture.md, checked: layers import only downwards.

adapters (bot/telegram, bot/console.py)  →  the router (bot/coach.py)  →  use cases
(bot/use_cases)  →  the engine (bot/routine) and the store (bot/store)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[2] / "bot"
DATABASE_LIBRARIES = ("sqlalchemy", "aiosqlite", "asyncpg", "alembic")
ADAPTER_MAY_IMPORT = (
    "bot.coach",  # the router
    "bot.routine.views",  # what it answers
    "bot.routine.inputs",  # what it is given
    "bot.routine.bidi",  # how a right-to-left language's text is written into a message
    "bot.config",
    "bot.telegram",  # the Telegram adapter's own modules
    "bot.bootstrap",  # app.py: the wiring it is handed (Services)
    "bot.nudges",  # nudge_job.py: the sweep it schedules, and its send errors
)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def files(folder: str) -> list[Path]:
    return sorted((BOT / folder).glob("*.py"))


def adapters() -> list[Path]:
    return [*files("telegram"), BOT / "console.py"]


def outside_the_store() -> list[Path]:
    return [path for path in BOT.rglob("*.py") if "store" not in path.relative_to(BOT).parts]


def name(path: Path) -> str:
    return str(path.relative_to(BOT))


@pytest.mark.parametrize("path", files("routine"), ids=name)
def test_the_engine_is_pure(path: Path) -> None:
    """bot/routine imports neither Telegram nor a database, nor any other layer of the bot."""
    for module in imported_modules(path):
        assert not module.startswith(("telegram", *DATABASE_LIBRARIES)), module
        if module.startswith("bot."):
            assert module.startswith("bot.routine"), module


@pytest.mark.parametrize("path", adapters(), ids=name)
def test_adapters_talk_only_to_the_router(path: Path) -> None:
    """Adapters import the router, the Views and inputs, the config — nothing behind them."""
    for module in imported_modules(path):
        if module.startswith("bot"):
            assert module.startswith(ADAPTER_MAY_IMPORT), module


@pytest.mark.parametrize("path", files("use_cases"), ids=name)
def test_use_cases_never_import_adapters(path: Path) -> None:
    for module in imported_modules(path):
        assert not module.startswith(("telegram", "bot.telegram", "bot.console", "bot.coach")), (
            module
        )


@pytest.mark.parametrize("path", outside_the_store(), ids=name)
def test_only_the_store_talks_to_the_database(path: Path) -> None:
    """Nothing outside bot/store imports SQLAlchemy or a database driver."""
    for module in imported_modules(path):
        assert not module.startswith(DATABASE_LIBRARIES), module


@pytest.mark.parametrize("path", files("store"), ids=name)
def test_the_store_knows_nothing_of_telegram_or_the_use_cases(path: Path) -> None:
    for module in imported_modules(path):
        assert not module.startswith(
            ("telegram", "bot.telegram", "bot.coach", "bot.use_cases", "bot.console")
        ), module


def test_no_two_modules_share_a_name() -> None:
    """A newcomer finds a behaviour by its module's name: no two modules are called the same."""
    seen: dict[str, Path] = {}
    for path in sorted(BOT.rglob("*.py")):
        if path.name in ("__init__.py", "__main__.py"):
            continue
        assert path.name not in seen, f"{name(path)} and {name(seen[path.name])}"
        seen[path.name] = path
