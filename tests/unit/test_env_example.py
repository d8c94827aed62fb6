""".env.example names every setting (a newcomer copies it to .env and reads what each one does)."""

from __future__ import annotations

from pathlib import Path

from bot.config import Settings

EXAMPLE = Path(__file__).resolve().parents[2] / ".env.example"


def test_every_setting_is_in_env_example() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    missing = [name.upper() for name in Settings.model_fields if f"{name.upper()}=" not in text]
    assert missing == []
