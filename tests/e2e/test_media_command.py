"""`limber media`: which directory it fills (the MEDIA_DIR setting unless --media-dir says)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import bot.media.library
from bot.cli import main as limber_main
from tests.support.operations import logging_restored


@pytest.fixture
def rendered_into(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[Path]]:
    """Where `limber media` was asked to render (the rendering itself is replaced)."""
    monkeypatch.chdir(tmp_path)  # no `.env` here
    for name in ("MEDIA_DIR", "CONTENT_DIR", "WEBHOOK_URL", "WEBHOOK_SECRET", "ADMIN_IDS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'limber.db'}")
    calls: list[Path] = []

    def render_everything(media_dir: Path, content_dir: Path) -> int:
        calls.append(media_dir)
        return 0

    monkeypatch.setattr(bot.media.library, "render_everything", render_everything)
    with logging_restored():
        yield calls


def test_media_fills_the_media_dir_setting(
    rendered_into: list[Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MEDIA_DIR", str(tmp_path / "clips"))

    assert limber_main(["media"]) == 0

    assert rendered_into == [tmp_path / "clips"]


def test_media_dir_on_the_command_line_wins(
    rendered_into: list[Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MEDIA_DIR", str(tmp_path / "clips"))

    assert limber_main(["media", "--media-dir", str(tmp_path / "other")]) == 0

    assert rendered_into == [tmp_path / "other"]


def test_media_without_a_setting_uses_the_settings_default(rendered_into: list[Path]) -> None:
    assert limber_main(["media"]) == 0

    assert rendered_into == [Path("media-cache")]


def test_media_with_media_turned_off_says_so_and_renders_nothing(
    rendered_into: list[Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("MEDIA_DIR", "")

    assert limber_main(["media"]) == 2

    assert rendered_into == []
    assert "MEDIA_DIR" in capsys.readouterr().err
