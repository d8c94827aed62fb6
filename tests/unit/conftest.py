"""Shared fixtures for the pure engine tests: the real content, loaded once, and a copy to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.routine.content import DEFAULT_CONTENT_DIR, Content, Routine, load_content
from bot.routine.screens import Screens


@pytest.fixture(scope="session")
def content() -> Content:
    """The real `content/` files, loaded and validated once for the whole run."""
    return load_content()


@pytest.fixture(scope="session")
def routine(content: Content) -> Routine:
    return content.routine


@pytest.fixture(scope="session")
def screens(content: Content) -> Screens:
    return Screens(content)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the real `content/` directory, to break on purpose."""
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    return target
