"""A person's data rights: export everything they told Limber, or delete everything."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.routine.actions import GeneralVerb, general_action
from bot.routine.content import ExportCsvTexts, Texts
from bot.routine.nudging import zone_or_none
from bot.routine.views import Action, Attachment, View
from bot.use_cases.dependencies import Dependencies

EXPORT_FORMAT = 1
# The CSV's columns, in order; their headers are words in content/texts.yaml (privacy_texts.csv).
CSV_COLUMNS = (
    "date",
    "time",
    "routine",
    "exercise",
    "outcome",
    "reps",
    "hold_seconds",
    "soreness_before",
    "soreness_after",
)


class DataRights:
    def __init__(self, deps: Dependencies) -> None:
        self.deps = deps

    @property
    def texts(self) -> Texts:
        return self.deps.texts

    async def export(self, user_id: int) -> View:
        """`/export`: all of the user's data as JSON, and sessions as CSV for a clinician."""
        async with self.deps.unit_of_work() as uow:
            data = await uow.privacy.export(user_id)
        if data is None:
            return View(self.texts.privacy_texts.nothing_stored)
        data = {"format": EXPORT_FORMAT, "exported_at": self.deps.clock().isoformat(), **data}
        stamp = self.deps.clock().strftime("%Y-%m-%d")
        document = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True).encode()
        return View(
            self.texts.privacy_texts.export_ready,
            attachments=(
                Attachment(f"limber-export-{stamp}.json", document),
                Attachment(f"limber-sessions-{stamp}.csv", self._csv(data)),
            ),
        )

    def _csv(self, data: dict[str, Any]) -> bytes:
        tracks = self.deps.content.tracks
        titles = {exercise.key: exercise.title for exercise in tracks.exercises()}
        names = {track.id: track.name for track in tracks}
        return sessions_csv(data, self.texts.privacy_texts.csv, titles, names)

    def confirm_delete(self) -> View:
        """`/delete`: ask first, with a button; nothing is deleted yet."""
        texts = self.texts.privacy_texts
        rows = (
            (Action(general_action(GeneralVerb.DELETE_CONFIRM), texts.delete_yes),),
            (Action(general_action(GeneralVerb.DELETE_CANCEL), texts.delete_no),),
        )
        return View(texts.delete_confirm, rows)

    async def delete(self, user_id: int) -> View:
        """Every row of this user in every table goes; their nudges stop with it."""
        async with self.deps.unit_of_work() as uow:
            deleted = await uow.privacy.delete(user_id)
        texts = self.texts.privacy_texts
        return View(texts.deleted if deleted else texts.nothing_stored)

    def keep(self) -> View:
        """ "No, keep my data": nothing changes."""
        return View(self.texts.privacy_texts.delete_cancelled)


def sessions_csv(
    data: dict[str, Any],
    words: ExportCsvTexts,
    titles: Mapping[str, str],
    tracks: Mapping[str, str] | None = None,
) -> bytes:
    """One row per exercise outcome, for a GP or physiotherapist to read in a spreadsheet.

    Dates and times are in the user's zone (UTC when not known; the headers say which), to the
    minute. Each row carries its session's soreness before and after; a session with no exercise
    outcome (a rest day, stopped before the first) still gets one row.
    """
    zone_name = data["user"].get("time_zone")
    zone = zone_or_none(zone_name)
    if zone is None:
        zone_name, zone = "UTC", ZoneInfo("UTC")
    tracks = tracks or {}
    steps: dict[int, list[dict[str, Any]]] = {}
    for step in data["step_results"]:
        steps.setdefault(step["session_id"], []).append(step)
    outcome_words = words.outcomes.model_dump()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    headers = {column: getattr(words, column) for column in CSV_COLUMNS}
    writer.writerow(headers[column].format(zone=zone_name) for column in CSV_COLUMNS)
    for session in data["sessions"]:
        soreness = (
            _blank_if_none(session["soreness_before"]),
            _blank_if_none(session["soreness_after"]),
        )
        done = steps.get(session["id"], [])
        track = tracks.get(session.get("routine_id") or "", session.get("routine_id") or "")
        if not done:
            local = _local(session["started_at"], zone)
            writer.writerow((*local, track, "", words.no_exercises, "", "", *soreness))
        for step in done:
            local = _local(step["at"], zone)
            title = titles.get(step["exercise_key"], step["exercise_key"])
            outcome = outcome_words.get(step["outcome"], step["outcome"])
            row = (*local, track, title, outcome, step["reps"], step["hold_seconds"], *soreness)
            writer.writerow(row)
    return buffer.getvalue().encode()


def _local(stamp: str, zone: ZoneInfo) -> tuple[str, str]:
    """An exported ISO instant as the local date and the time to the minute."""
    instant = datetime.fromisoformat(stamp)
    if instant.tzinfo is None:  # stored in UTC
        instant = instant.replace(tzinfo=UTC)
    local = instant.astimezone(zone)
    return f"{local:%Y-%m-%d}", f"{local:%H:%M}"


def _blank_if_none(value: object) -> object:
    return "" if value is None else value
