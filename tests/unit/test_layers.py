"""The house rules of ../shared/DESIGN.md, checked: layers import only downwards."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[2] / "bot"


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


@pytest.mark.parametrize("path", files("routine"), ids=lambda path: path.name)
def test_the_engine_is_pure(path: Path) -> None:
    """bot/routine imports neither Telegram nor SQLAlchemy, nor any other layer of the bot."""
    for module in imported_modules(path):
        assert not module.startswith(("telegram", "sqlalchemy", "aiosqlite", "asyncpg")), module
        if module.startswith("bot."):
            assert module.startswith("bot.routine"), module


@pytest.mark.parametrize("path", files("telegram"), ids=lambda path: path.name)
def test_the_telegram_adapter_holds_no_sql(path: Path) -> None:
    for module in imported_modules(path):
        assert not module.startswith(("sqlalchemy", "bot.store.repository", "bot.store.models")), (
            module
        )


@pytest.mark.parametrize("path", files("store"), ids=lambda path: path.name)
def test_the_store_knows_nothing_of_telegram(path: Path) -> None:
    for module in imported_modules(path):
        assert not module.startswith(("telegram", "bot.telegram", "bot.coach")), module
