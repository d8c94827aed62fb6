"""`limber content-check`: every language's files are validated, not English's alone — a broken
Russian word file or catalogue is found before the bot starts, not by a Russian speaker."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import main as limber_main
from bot.routine.content import DEFAULT_CONTENT_DIR


@pytest.fixture
def content_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, copy)
    monkeypatch.setenv("CONTENT_DIR", str(copy))
    return copy


def test_the_shipped_content_passes_and_names_every_language(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert limber_main(["content-check"]) == 0
    said = capsys.readouterr().out
    for code in ("en", "ru", "uk", "es", "pt_BR", "fa", "id"):
        assert code in said


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("intents.ru.yaml", "  out_of: [из]", "  out_of: [из-за]"),
        ("red_flags.fa.yaml", "language: fa", "language: f"),
        ("clock.es.yaml", "language: es", "language: es\nunknown_field: 1"),
    ],
)
def test_a_broken_file_of_another_language_is_found(
    content_copy: Path, capsys: pytest.CaptureFixture[str], file: str, old: str, new: str
) -> None:
    path = content_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert limber_main(["content-check"]) == 1
    assert file in capsys.readouterr().err
