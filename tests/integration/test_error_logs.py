"""Logs never carry error text: driver and Bot API errors quote values and message text.

asyncpg puts a query argument into its message ("invalid input for query argument $1: 'Ann …'")
and SQLAlchemy repeats it despite `hide_parameters`; a Bot API error description can quote the
message it refused. A log line names the error's type and a safe summary (an SQLSTATE, an errno),
and a traceback lists the frames only.
"""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from telegram.error import BadRequest

from bot.logs import describe_error
from bot.store.database import Database
from tests.support.operations import captured_logging

HEALTH_TEXT = "Ann has sciatica down her left leg"

log = logging.getLogger("limber.test")


@pytest.mark.parametrize("json_format", [False, True], ids=["text", "json"])
@pytest.mark.postgres
async def test_a_real_asyncpg_error_quoting_a_value_is_logged_without_it(
    postgres_database: str, json_format: bool
) -> None:
    database = Database(postgres_database)
    try:
        with pytest.raises(DBAPIError) as raised:
            async with database.transaction() as connection:
                await connection.execute(text("SELECT CAST(:v AS INTEGER)"), {"v": HEALTH_TEXT})
    finally:
        await database.dispose()
    error = raised.value
    assert HEALTH_TEXT in str(error), "the driver does quote the value (what this test is about)"
    with captured_logging("INFO", json_format=json_format) as captured:
        log.error("update failed: %s", error, exc_info=error)
        log.warning("retrying after %r", error)
    assert HEALTH_TEXT not in captured.text
    assert "Ann" not in captured.text
    assert "DBAPIError" in captured.text
    assert "DataError" in captured.text
    assert "Traceback" in captured.text
    assert "test_error_logs.py" in captured.text, "the frames are kept"


@pytest.mark.parametrize("json_format", [False, True], ids=["text", "json"])
def test_a_bot_api_error_quoting_message_text_is_logged_without_it(json_format: bool) -> None:
    try:
        try:
            raise ValueError(f"while sending {HEALTH_TEXT!r}")
        except ValueError as inner:
            raise BadRequest(f"Can't parse entities in {HEALTH_TEXT}") from inner
    except BadRequest as error:
        with captured_logging("INFO", json_format=json_format) as captured:
            log.exception("sending failed")
            log.error("failed: %s / %s", error, error.__cause__)
    assert HEALTH_TEXT not in captured.text
    assert "telegram.error.BadRequest" in captured.text
    assert "ValueError" in captured.text, "the chain is kept, without its text"


def test_describe_error_keeps_safe_codes() -> None:
    refused = ConnectionRefusedError(111, "Connection refused")
    assert describe_error(refused) == "ConnectionRefusedError: [Errno 111] Connection refused"
    assert describe_error(ValueError(HEALTH_TEXT)) == "ValueError"
