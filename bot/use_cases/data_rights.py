"""A person's data rights: export everything they told Limber, or delete everything."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from typing import Any

from bot.routine.actions import GeneralVerb, general_action
from bot.routine.views import Action, Attachment, View
from bot.use_cases.dependencies import Dependencies

EXPORT_FORMAT = 1
SESSION_COLUMNS = (
    "started_at",
    "finished_at",
    "status",
    "soreness_before",
    "soreness_after",
    "done",
    "gentler_done",
    "too_painful",
    "skipped",
)


class DataRights:
    def __init__(self, deps: Dependencies) -> None:
        self.deps = deps
        self.texts = deps.texts

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
                Attachment(f"limber-sessions-{stamp}.csv", sessions_csv(data)),
            ),
        )

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


def sessions_csv(data: dict[str, Any]) -> bytes:
    """One row per session: when, how it ended, soreness before and after, outcome counts."""
    outcomes: dict[int, Counter[str]] = {}
    for step in data["step_results"]:
        outcomes.setdefault(step["session_id"], Counter())[step["outcome"]] += 1
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(SESSION_COLUMNS)
    for session in data["sessions"]:
        counts = outcomes.get(session["id"], Counter())
        writer.writerow(
            (
                session["started_at"],
                session["finished_at"] or "",
                session["status"],
                "" if session["soreness_before"] is None else session["soreness_before"],
                "" if session["soreness_after"] is None else session["soreness_after"],
                counts["done"],
                counts["gentler_done"],
                counts["too_painful"],
                counts["skipped"],
            )
        )
    return buffer.getvalue().encode()
