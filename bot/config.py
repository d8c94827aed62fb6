"""Settings from the environment and `.env` (see `.env.example` for every one, commented)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///limber.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr | None = None
    database_url: str = DEFAULT_DATABASE_URL
    telegram_base_url: str | None = Field(
        default=None,
        description="A local Bot API server or emulator, e.g. http://127.0.0.1:8081/bot",
    )
    telegram_base_file_url: str | None = None
    log_level: str = "INFO"
    log_format: str = Field(default="text", pattern=r"^(text|json)$")
    content_dir: Path | None = None
    auto_migrate: bool = True
    concurrent_updates: int = Field(default=16, ge=1, le=256)
    timer_tick_seconds: float = Field(default=1, ge=0.01, le=60)
    # Rendered animations, stills and voice guides (`limber media` fills it ahead); empty: the
    # session is sent as text only.
    media_dir: Path | None = Path("media-cache")
    # Queue what is missing for the render worker process at start-up (never on a tap's path).
    media_render_at_start: bool = True
    nudge_sweep_seconds: float = Field(default=30, gt=0, le=3600)
    nudge_rate: float = Field(default=25, gt=0, le=30, description="bulk messages per second")
    nudge_grace_seconds: int = Field(default=7200, ge=60)
    nudge_lease_seconds: int = Field(default=120, ge=5)
    nudge_batch: int = Field(default=500, ge=1, le=10000)
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    # `limber run` at start-up: how often to try the database and Telegram, and the first pause.
    startup_attempts: int = Field(default=10, ge=1, le=1000)
    startup_retry_seconds: float = Field(default=1, gt=0, le=60)
    # Webhook mode (several processes behind a load balancer); polling when WEBHOOK_URL is unset.
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    webhook_path: str = Field(default="/telegram", pattern=r"^/[A-Za-z0-9_\-/]*$")

    @field_validator("media_dir", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        """MEDIA_DIR= (empty): no media, the session as text."""
        return None if value == "" else value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        """ADMIN_IDS=123,456 (Telegram user ids)."""
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(" ", "").split(",") if part)
        return value

    @model_validator(mode="after")
    def _webhook_needs_a_secret(self) -> Settings:
        if self.webhook_url:
            if not self.webhook_url.startswith("https://"):
                raise ValueError("WEBHOOK_URL must start with https://")
            secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
            if not re.fullmatch(r"[A-Za-z0-9_\-]{16,256}", secret):
                raise ValueError(
                    "webhook mode needs WEBHOOK_SECRET: 16 to 256 of A-Z, a-z, 0-9, _ and -"
                )
        return self

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError(
                "must start with sqlite+aiosqlite:// or postgresql+asyncpg:// (an async driver)"
            )
        return value


class SettingsError(Exception):
    """Invalid settings; the message has one clear line per problem."""


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as error:
        lines = []
        for problem in error.errors():
            name = ".".join(str(part) for part in problem["loc"]).upper()
            where = f"setting {name}" if name else "settings"
            lines.append(f"{where}: {problem['msg']}")
        raise SettingsError("\n".join(lines)) from error
