"""Telegram file_ids of uploaded media, by media key (one upload per file per bot)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import delete, select

from bot.store.database import StoreConnection
from bot.store.models import MediaFile
from bot.store.session_queries import dialect_insert


class MediaQueries:
    def __init__(self, connection: StoreConnection) -> None:
        self._connection = connection

    async def file_id(self, media_key: str) -> str | None:
        result = await self._connection.execute(
            select(MediaFile.file_id).where(MediaFile.media_key == media_key)
        )
        return result.scalar_one_or_none()

    async def remember(self, file_ids: Mapping[str, str], now: datetime) -> None:
        """Keep each key's file_id; a key another process stored first keeps its own."""
        if not file_ids:
            return
        rows = [
            {"media_key": key, "file_id": file_id, "uploaded_at": now}
            for key, file_id in file_ids.items()
        ]
        statement = (
            dialect_insert(self._connection)(MediaFile)
            .values(rows)
            .on_conflict_do_nothing(index_elements=[MediaFile.media_key])
        )
        await self._connection.execute(statement)

    async def forget(self, media_keys: Iterable[str]) -> None:
        """Drop file_ids Telegram refused (the file is uploaded again, and its new id kept)."""
        keys = list(media_keys)
        if keys:
            await self._connection.execute(delete(MediaFile).where(MediaFile.media_key.in_(keys)))
