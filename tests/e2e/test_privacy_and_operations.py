"""Users' data rights and running Limber, on Telegram: /privacy, /export, /delete, /stats, logs.

The real Application on the fake Bot API and a SQLite file (the log tests talk to the fake over
loopback HTTP, as production talks to Telegram, so the bot token really travels in request URLs).
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import logging
import os
import re
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import ValidationError
from telegram.error import InvalidToken

from bot.bootstrap import bootstrap
from bot.cli import main as limber_main
from bot.config import Settings
from bot.logs import RedactSecrets
from bot.routine.content import Content, load_content
from bot.store.models import Base
from bot.telegram.webhook import SECRET_HEADER, webhook_app
from bot.use_cases.data_rights import CSV_COLUMNS
from tests.support.clock import FakeClock
from tests.support.fake_bot_api import FakeBotApi, UploadedFile
from tests.support.http_fake_bot_api import FakeBotApiServer
from tests.support.limber import Limber, running_limber
from tests.support.operations import captured_logging, limber_over_http, logging_restored
from tests.support.progress_helpers import (
    EXERCISES,
    PAINFUL_THEN_GENTLER,
    SKIP,
    decline_reminders,
    onboard,
    routine,
    sqlite_rows,
)
from tests.support.updates import ChatUser, FakeUser

ANN = FakeUser()  # id 1001
BOB = FakeUser(id=1002, first_name="Bob", username="bob")
CAROL = FakeUser(id=1003, first_name="Carol", username="carol")
WEBHOOK_SECRET = "Webhook-Secret_zebra-0123456789abcdef"
SECRET_PHRASE = "my secret phrase zebra-kumquat"


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def flat(text: str) -> str:
    """Folded YAML comes with single line breaks; compare texts with whitespace folded."""
    return " ".join(text.split())


# Tables with nobody's data: the file_ids of rendered exercise media, the same for everyone.
NO_PERSONAL_DATA = frozenset({"media_files"})


def rows_about(database_url: str, user_id: int) -> dict[str, int]:
    """For every table in the metadata: how many rows refer to *user_id* (or to its sessions)."""
    sessions = [
        session_id
        for (session_id,) in sqlite_rows(
            database_url, f"SELECT id FROM sessions WHERE user_id = {user_id}"
        )
    ]
    in_sessions = ",".join(str(session_id) for session_id in sessions) or "NULL"
    counts: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        if table.name in NO_PERSONAL_DATA:
            assert not {"user_id", "session_id", "id"} & set(table.c.keys()), table.name
            continue
        conditions = []
        if table.name == "users":
            conditions.append(f"id = {user_id}")
        if "user_id" in table.c:
            conditions.append(f"user_id = {user_id}")
        if "session_id" in table.c:
            conditions.append(f"session_id IN ({in_sessions})")
        assert conditions, f"table {table.name}: no user_id or session_id"
        query = f'SELECT count(*) FROM "{table.name}" WHERE {" OR ".join(conditions)}'
        [(found,)] = sqlite_rows(database_url, query)
        assert isinstance(found, int)
        counts[table.name] = found
    return counts


def documents(api: FakeBotApi, chat_id: int) -> list[UploadedFile]:
    """The files sent with sendDocument to *chat_id*, in order."""
    sent = []
    for call in api.calls("sendDocument"):
        if call.params.get("chat_id") == chat_id:
            assert call.ok, call.description
            sent.append(call.files["document"])
    return sent


async def two_routines(ann: ChatUser, clock: FakeClock) -> None:
    """Ann's first routine (6 → 3; a gentler Bridge, Prayer stretch skipped), then 5 → 2."""
    await onboard(ann)
    await routine(
        ann,
        before=6,
        after=3,
        taps={"Bridge": PAINFUL_THEN_GENTLER, "Prayer stretch": SKIP},
    )
    await decline_reminders(ann)
    clock.advance(days=1)
    await ann.send("/session")
    await routine(ann, before=5, after=2)


# --- /privacy -------------------------------------------------------------------------------


async def test_privacy_says_what_is_stored_why_for_how_long_and_how_to_export_or_delete(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await ann.send("/privacy")
        text = flat(ann.last_text)
        assert not limber.errors
    for stored in ("user id", "time zone", "soreness scores", "safety events", "check-ins"):
        assert stored in text, stored
    assert "never the text of your messages" in text
    assert "Why:" in text
    assert "How long: until you delete it" in text
    assert "/export" in text
    assert "/delete" in text
    assert "CSV" in text
    # Reading /privacy stores nothing.
    assert sqlite_rows(sqlite_url, "SELECT count(*) FROM users") == [(0,)]


# --- /export ---------------------------------------------------------------------------------


async def test_export_sends_a_json_file_and_a_csv_of_this_users_sessions_only(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    clock = FakeClock()
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        bob = limber.user(BOB)
        await onboard(bob)
        await routine(bob, before=1, after=0)
        ann = limber.user(ANN)
        await two_routines(ann, clock)

        api.reset_calls()
        await ann.send("/export")
        assert not limber.errors
        [said] = api.calls("sendMessage")
        assert said.params["text"] == content.texts.privacy_texts.export_ready
        files = documents(api, ANN.id)
        assert len(api.calls("sendDocument")) == 2
    [json_file, csv_file] = files
    assert json_file.filename.endswith(".json"), json_file.filename
    assert csv_file.filename.endswith(".csv"), csv_file.filename

    data = json.loads(json_file.content)
    assert data["user"]["id"] == ANN.id
    sessions = data["sessions"]
    assert [(s["user_id"], s["status"]) for s in sessions] == [(ANN.id, "completed")] * 2
    assert [(s["soreness_before"], s["soreness_after"]) for s in sessions] == [(6, 3), (5, 2)]
    session_ids = {s["id"] for s in sessions}
    steps = data["step_results"]
    assert len(steps) == 2 * len(EXERCISES)
    assert {step["session_id"] for step in steps} == session_ids
    assert [step["outcome"] for step in steps[: len(EXERCISES)]] == [
        "done",
        "pain_gentler",  # "too painful", then the gentler option: the pain stays on record
        "done",
        "done",
        "done",
        "skipped",
        "done",
    ]
    reports = [(r["context"], r["score"]) for r in data["soreness_reports"]]
    assert reports == [("before", 6), ("after", 3), ("before", 5), ("after", 2)]
    for table in ("check_ins", "nudges", "safety_events", "doses"):
        assert table in data, table
        assert all(row["user_id"] == ANN.id for row in data[table]), table

    # Nothing of Bob's: not his id, not his session.
    [(bob_session,)] = sqlite_rows(sqlite_url, f"SELECT id FROM sessions WHERE user_id={BOB.id}")
    assert bob_session not in session_ids
    assert str(BOB.id) not in json_file.content.decode()
    assert all(r["session_id"] in session_ids for r in data["soreness_reports"])

    # The CSV: a header, one row per exercise outcome, read back by the csv module. Ann set no
    # zone: dates and times are UTC, and the headers say so.
    csv_rows = csv_table(csv_file, content, "UTC")
    titles = [exercise.title for exercise in content.routine.exercises]
    assert [row["exercise"] for row in csv_rows] == titles * 2
    assert [row["outcome"] for row in csv_rows] == [
        "done",
        "too painful, then done the gentler option",
        "done",
        "done",
        "done",
        "skipped",
        "done",
    ] + ["done"] * len(EXERCISES)
    assert [(row["soreness_before"], row["soreness_after"]) for row in csv_rows] == [
        ("6", "3")
    ] * len(EXERCISES) + [("5", "2")] * len(EXERCISES)
    for row, step in zip(csv_rows, steps, strict=True):
        at = datetime.fromisoformat(step["at"]).astimezone(UTC)
        assert (row["date"], row["time"]) == (f"{at:%Y-%m-%d}", f"{at:%H:%M}")
        assert (row["reps"], row["hold_seconds"]) == (str(step["reps"]), str(step["hold_seconds"]))
    pelvic_tilt = content.routine.exercises[0]
    assert csv_rows[-len(EXERCISES)]["reps"] == str(pelvic_tilt.dose.reps)
    assert {row["date"] for row in csv_rows[len(EXERCISES) :]} == {
        f"{datetime.fromisoformat(sessions[1]['started_at']).astimezone(UTC):%Y-%m-%d}"
    }


CSV_COLUMNS_SHOWN = (
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


def csv_table(document: UploadedFile, content: Content, zone: str) -> list[dict[str, str]]:
    """The CSV's rows by column; its headers are the content's words, dates and times naming
    *zone*; no value holds microseconds or a UTC offset."""
    words = content.texts.privacy_texts.csv
    headers = [getattr(words, column).format(zone=zone) for column in CSV_COLUMNS]
    assert CSV_COLUMNS == CSV_COLUMNS_SHOWN
    assert headers[:2] == [f"Date ({zone})", f"Time ({zone})"]
    rows = list(csv.reader(io.StringIO(document.content.decode())))
    assert rows[0] == headers
    for row in rows[1:]:
        assert len(row) == len(CSV_COLUMNS), row
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[0]), row
        assert re.fullmatch(r"\d{2}:\d{2}", row[1]), row
    return [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]


async def test_the_csv_for_a_gp_is_in_the_users_own_zone(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    """Ann in New York: late evening there is already tomorrow in UTC; the CSV says her day."""
    clock = FakeClock(datetime(2026, 11, 26, 2, 30, tzinfo=UTC))  # 21:30 on the 25th in New York
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user(ANN)
        await onboard(ann)
        await ann.send("/reminders")
        await ann.tap("08:00")
        await ann.send("America/New_York")
        await ann.send("/session")
        await routine(ann, before=4, after=1, taps={"Prayer stretch": SKIP})
        api.reset_calls()
        await ann.send("/export")
        assert not limber.errors
        [json_file, csv_file] = documents(api, ANN.id)

    rows = csv_table(csv_file, content, "America/New_York")
    assert [row["date"] for row in rows] == ["2026-11-25"] * len(EXERCISES)
    assert rows[0]["time"] == "21:30"
    assert [row["outcome"] for row in rows].count("skipped") == 1
    assert {(row["soreness_before"], row["soreness_after"]) for row in rows} == {("4", "1")}
    # The JSON keeps the exact instants, in UTC.
    data = json.loads(json_file.content)
    assert data["user"]["time_zone"] == "America/New_York"
    assert data["step_results"][0]["at"].startswith("2026-11-26T02:30")


async def test_export_for_someone_with_no_data_says_so_and_sends_no_file(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        carol = limber.user(CAROL)
        await carol.send("/export")
        assert carol.last_text == content.texts.privacy_texts.nothing_stored
        assert "don't have any data" in carol.last_text
        assert api.calls("sendDocument") == []
        assert not limber.errors
    # Asking for an export creates no data either.
    assert rows_about(sqlite_url, CAROL.id) == dict.fromkeys(rows_about(sqlite_url, CAROL.id), 0)


# --- /delete ---------------------------------------------------------------------------------


async def test_delete_asks_first_then_deletes_everything_and_says_so(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    privacy = content.texts.privacy_texts
    clock = FakeClock()
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        bob = limber.user(BOB)
        await onboard(bob)
        await routine(bob, before=2, after=1)
        ann = limber.user(ANN)
        await two_routines(ann, clock)
        ann_rows, bob_rows = rows_about(sqlite_url, ANN.id), rows_about(sqlite_url, BOB.id)
        assert ann_rows["users"] == ann_rows["sessions"] - 1 == 1

        await ann.send("/delete")
        confirm = api.last_message(ANN.id)
        assert flat(confirm.text or "") == flat(privacy.delete_confirm)
        assert confirm.labels == [privacy.delete_yes, privacy.delete_no]
        assert rows_about(sqlite_url, ANN.id) == ann_rows, "nothing is deleted before the tap"

        await ann.tap("Keep my data")
        assert api.message(ANN.id, confirm.message_id).text == privacy.delete_cancelled
        assert api.message(ANN.id, confirm.message_id).labels == []
        assert rows_about(sqlite_url, ANN.id) == ann_rows

        await ann.send("/delete")
        second = api.last_message(ANN.id)
        yes = api.button_data(ANN.id, "Yes, delete everything")
        await ann.tap("Yes, delete everything")
        assert api.message(ANN.id, second.message_id).text == privacy.deleted
        assert "reminders have stopped" in privacy.deleted
        assert rows_about(sqlite_url, ANN.id) == dict.fromkeys(ann_rows, 0)
        assert rows_about(sqlite_url, BOB.id) == bob_rows

        # The old button again: there is nothing left, and the bot says so.
        await limber.application.process_update(
            ann.updates.callback(yes, message=second.message_id)
        )
        assert api.message(ANN.id, second.message_id).text == privacy.nothing_stored
        await ann.send("/export")
        assert ann.last_text == privacy.nothing_stored
        assert not api.unanswered_callback_queries()
        assert not limber.errors
    assert rows_about(sqlite_url, ANN.id) == dict.fromkeys(ann_rows, 0)


# --- /stats ----------------------------------------------------------------------------------


async def test_stats_are_for_admins_and_everyone_else_gets_the_unknown_command_answer(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    async with running_limber(api, sqlite_url, admin_ids=frozenset({ANN.id})) as limber:
        # running_limber wires through bootstrap(), which hands the settings' admin_ids on.
        assert limber.services.use_cases.admin.admin_ids == frozenset({ANN.id})
        ann = limber.user(ANN)
        await onboard(ann)
        await routine(ann, before=6, after=3)
        bob = limber.user(BOB)
        await onboard(bob)
        await bob.tap("2")
        await bob.tap("Done")  # Bob's session is still in progress

        await ann.send("/stats")
        report = ann.last_text
        assert "Users: 2" in report
        assert "Active in the last 7 days: 2" in report
        assert "Sessions in the last 7 days: 2 (50% completed)" in report
        assert "last 7 days): -3" in report

        await bob.send("/stats")
        assert bob.last_text == content.texts.hints.unknown_command
        await bob.send("/dance")
        unknown = bob.last_text
        await bob.send("/stats")
        assert bob.last_text == unknown
        carol = limber.user(CAROL)
        await carol.send("/stats")
        assert carol.last_text == unknown
        assert not limber.errors
    assert "stats" not in [command["command"] for command in api.commands()]


def test_admin_ids_are_read_as_a_comma_separated_list_and_reach_the_coach(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ADMIN_IDS", "1001, 2002,")
    settings = Settings(
        _env_file=None, database_url=f"sqlite+aiosqlite:///{tmp_path / 'limber.db'}"
    )
    assert settings.admin_ids == frozenset({1001, 2002})
    assert bootstrap(settings).use_cases.admin.admin_ids == frozenset({1001, 2002})
    monkeypatch.delenv("ADMIN_IDS")
    assert Settings(_env_file=None).admin_ids == frozenset()
    assert Settings(_env_file=None, admin_ids="7").admin_ids == frozenset({7})
    with pytest.raises(ValidationError):
        Settings(_env_file=None, admin_ids="ann")


# --- logs ------------------------------------------------------------------------------------

SORENESS_IN_LOGS = re.compile(r"(soreness|score)\w*\W{0,4}\d", re.IGNORECASE)


def assert_clean(log: str, api: FakeBotApi, *bot_texts: str) -> None:
    """No token, no webhook secret, no message text (either way), no soreness score."""
    token_secret_part = api.token.split(":", 1)[1]
    assert api.token not in log
    assert token_secret_part not in log
    assert WEBHOOK_SECRET not in log
    assert "zebra-kumquat" not in log
    assert "Zebra" not in log
    for text in bot_texts:
        assert text not in log, text
    assert "soreness_before" not in log
    assert "soreness_after" not in log
    assert "[parameters:" not in log, "SQL parameters (soreness scores among them) were logged"
    # matplotlib's font matching logs "score"s of its own at DEBUG: not a person's soreness.
    ours = "\n".join(line for line in log.splitlines() if "matplotlib.font_manager" not in line)
    assert not SORENESS_IN_LOGS.findall(ours), SORENESS_IN_LOGS.findall(ours)


async def a_whole_session_with_free_text(ann: ChatUser) -> None:
    """Onboarding, free text everywhere it is read, typed soreness, the routine, a reminder."""
    await onboard(ann)
    await ann.send(SECRET_PHRASE)
    assert "whole number from 0 to 10" in ann.last_text
    await ann.send("5")
    for number, title in enumerate(EXERCISES, start=1):
        assert f"Exercise {number} of 7 · {title}" in ann.last_text, ann.last_text
        await ann.tap("Done")
    await ann.send("3")
    assert "Routine done" in ann.last_text
    await ann.tap("Another time")
    await ann.send("zebra-kumquat o'clock")
    assert "didn't catch that time" in ann.last_text
    await ann.send("9am")
    await ann.send("Zebra/Kumquat")
    await ann.send("Europe/Berlin")
    assert "Every day at 09:00, Berlin" in ann.last_text
    await ann.send("/progress")
    await ann.send("/export")
    await ann.send("/privacy")
    await ann.send("/stats")
    await ann.send("numbness in both legs since this morning, zebra-kumquat")
    assert "paused" in ann.last_text


async def webhook_requests(limber: Limber) -> None:
    """Refused and accepted webhook requests, and the webhook registered with its secret."""
    app = webhook_app(limber.application, limber.database, path="/telegram", secret=WEBHOOK_SECRET)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        assert (await client.post("/telegram", json={"update_id": 1})).status_code == 403
        wrong = {SECRET_HEADER: WEBHOOK_SECRET[:-1] + "X"}
        assert (await client.post("/telegram", json={}, headers=wrong)).status_code == 403
        right = {SECRET_HEADER: WEBHOOK_SECRET}
        bad = await client.post("/telegram", content=b"zebra-kumquat", headers=right)
        assert bad.status_code == 400
        assert (await client.get("/healthz")).status_code == 200
    await limber.application.bot.set_webhook(
        "https://limber.example.org/telegram", secret_token=WEBHOOK_SECRET
    )


async def test_debug_logs_of_a_whole_session_hold_no_token_secret_text_or_soreness(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    with captured_logging("DEBUG", json_format=False, secrets=[api.token, WEBHOOK_SECRET]) as log:
        async with limber_over_http(api, sqlite_url) as limber:
            ann = limber.user()
            await a_whole_session_with_free_text(ann)
            await webhook_requests(limber)
            logging.getLogger("bot.test").debug("debug lines are captured")
            assert not limber.errors
    sent = [call for call in api.calls() if call.method in ("sendMessage", "editMessageText")]
    assert len(sent) > 15
    assert len(api.calls("sendDocument")) == 2
    assert len(api.calls("sendPhoto")) == 1
    output = log.text
    assert "debug lines are captured" in output
    assert "refused a request without the right secret token" in output
    assert_clean(
        output,
        api,
        "How sore is your back",
        "Pelvic tilt",
        flat(content.texts.privacy_texts.export_ready),
        "not a specific diagnosis",
    )


async def test_a_failing_soreness_answer_is_logged_without_the_score(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    """The database fails while a soreness score is stored: the user is asked to try again, and
    the error is logged — with its type and traceback, but not the statement's parameters."""
    with captured_logging("DEBUG", json_format=False, secrets=[api.token]) as log:
        async with running_limber(api, sqlite_url) as limber:
            ann = limber.user()
            await onboard(ann)
            path = sqlite_url.removeprefix("sqlite+aiosqlite:///")
            with sqlite3.connect(path) as connection:
                # Any insert into soreness_reports now fails (a fault, not a constraint).
                connection.execute(
                    "CREATE TRIGGER fail_soreness BEFORE INSERT ON soreness_reports "
                    "BEGIN SELECT * FROM no_such_table; END"
                )
            await ann.tap("5")
            answer = api.last_call("answerCallbackQuery")
            assert answer.params.get("text") == content.texts.notices.try_again
            assert limber.errors, "the failure reached the error handler"
    output = log.text
    assert "update failed: OperationalError" in output
    assert_clean(output, api)
    assert "'before'" not in output
    assert ", 5, " not in output


def test_redact_secrets_masks_a_token_in_a_message_its_arguments_and_its_traceback(
    api: FakeBotApi,
) -> None:
    with captured_logging("DEBUG", json_format=False, secrets=[api.token, WEBHOOK_SECRET]) as log:
        httpx_log = logging.getLogger("httpx")
        httpx_log.warning("HTTP Request: POST https://api.telegram.org/bot%s/getMe", api.token)
        logging.getLogger("bot.test").error(f"secret token {WEBHOOK_SECRET} in the message")
        try:
            raise InvalidToken(f"The token `{api.token}` was rejected by the server.")
        except InvalidToken:
            logging.getLogger("telegram.ext").exception("Invalid token. Aborting retry loop.")
    lines = log.lines
    assert "bot[secret]/getMe" in lines[0]
    assert "secret token [secret] in the message" in lines[1]
    assert "Aborting retry loop" in log.text
    assert api.token not in log.text, "a token in an exception's text is not masked"
    assert WEBHOOK_SECRET not in log.text

    record = logging.LogRecord("x", logging.INFO, __file__, 1, "a %s b", (api.token,), None)
    assert RedactSecrets([api.token, ""]).filter(record)
    assert record.getMessage() == "a [secret] b"
    untouched = logging.LogRecord("x", logging.INFO, __file__, 1, "n=%d", (5,), None)
    assert RedactSecrets([api.token]).filter(untouched)
    assert untouched.getMessage() == "n=5"


def test_http_client_and_library_loggers_never_log_at_debug(api: FakeBotApi) -> None:
    """httpx logs each request URL (with the token) at INFO; PTB logs each call's parameters
    (message text) at DEBUG. Whatever LOG_LEVEL says, neither gets through."""
    with captured_logging("DEBUG", json_format=False, secrets=[]) as log:
        logging.getLogger("httpx").info("HTTP Request: POST https://api.telegram.org/bot%s/x", 1)
        logging.getLogger("httpcore.connection").debug("connect_tcp.started")
        logging.getLogger("telegram.ext.ExtBot").debug("Calling Bot API endpoint `sendMessage`")
        logging.getLogger("telegram._bot").debug("parameters `{'text': 'zebra-kumquat'}`")
        logging.getLogger("uvicorn.access").debug("GET /healthz")
        logging.getLogger("bot.anything").debug("ours at DEBUG")
    assert log.lines == [line for line in log.lines if "ours at DEBUG" in line]
    assert len(log.lines) == 1


def test_json_log_format_writes_one_object_per_line(
    api: FakeBotApi,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """LOG_FORMAT=json through `limber migrate`: one JSON object per log line, secrets masked."""
    monkeypatch.chdir(tmp_path)  # no `.env` here
    for name in ("WEBHOOK_URL", "WEBHOOK_SECRET", "ADMIN_IDS", "CONTENT_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BOT_TOKEN", api.token)
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'limber.db'}")
    monkeypatch.setenv("LOG_FORMAT", "json")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    with logging_restored():
        assert limber_main(["migrate"]) == 0
        log = logging.getLogger("bot.test")
        log.info("plain line")
        log.warning("the token %s is masked", api.token)
        try:
            raise ValueError("with a traceback")
        except ValueError:
            log.exception("failed: %s", "ValueError")
        for handler in logging.getLogger().handlers:
            handler.flush()
    captured = capsys.readouterr()
    migrations = len(list((Path(__file__).resolve().parents[2] / "alembic/versions").glob("0*.py")))
    assert f"Applied {migrations} migrations" in captured.out  # a new database: what was applied
    lines = [line for line in captured.err.splitlines() if line.strip()]
    entries: list[dict[str, Any]] = [json.loads(line) for line in lines]
    assert all(isinstance(entry, dict) for entry in entries)
    ours = [entry for entry in entries if entry["logger"] == "bot.test"]
    assert [entry["message"] for entry in ours] == [
        "plain line",
        "the token [secret] is masked",
        "failed: ValueError",
    ]
    assert [entry["level"] for entry in ours] == ["INFO", "WARNING", "ERROR"]
    # The traceback's frames and the error's type, never its text (issue 10: error text redacted).
    assert "test_privacy_and_operations.py" in ours[2]["exception"]
    assert ours[2]["exception"].endswith("\nValueError")
    assert "ValueError: with a traceback" not in ours[2]["exception"]
    assert all({"at", "level", "logger", "message"} <= set(entry) for entry in entries)
    assert api.token not in captured.err


async def test_a_rejected_token_is_not_printed_when_limber_run_stops(tmp_path: Path) -> None:
    """Telegram rejects the token at start-up: `limber run` stops with an error, and its output
    (logs and any traceback) never shows the token."""
    api = FakeBotApi()
    revoked = "7777777:RevokedTokenZebraKumquat00000000000"
    async with FakeBotApiServer(api) as server:
        environment = {
            **os.environ,
            "BOT_TOKEN": revoked,
            "TELEGRAM_BASE_URL": server.base_url,
            "TELEGRAM_BASE_FILE_URL": server.base_file_url,
            "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'limber.db'}",
            "LOG_LEVEL": "DEBUG",
        }
        for name in ("WEBHOOK_URL", "WEBHOOK_SECRET"):
            environment.pop(name, None)
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=tmp_path,
            env=environment,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        output, _ = await asyncio.wait_for(process.communicate(), timeout=60)
    text = output.decode()
    assert process.returncode != 0, text
    assert [call.method for call in api.calls()][:1] == ["getMe"]
    assert "RevokedTokenZebraKumquat" not in text, text[-1500:]
