"""Which Bot API failures may have delivered the nudge (never retried) and which did not."""

from __future__ import annotations

import httpx
import pytest
from telegram.error import NetworkError, TimedOut

from bot.telegram.nudge_job import request_may_have_gone_out

REQUEST = httpx.Request("POST", "https://api.telegram.org/botTOKEN/sendMessage")


def raised(error: NetworkError, cause: BaseException | None) -> NetworkError:
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    ("error", "may_have_gone_out"),
    [
        (raised(TimedOut(), httpx.ReadTimeout("read", request=REQUEST)), True),
        # The request was not fully written: Telegram cannot have acted on half a request.
        (raised(TimedOut(), httpx.WriteTimeout("write", request=REQUEST)), False),
        (raised(NetworkError("httpx.WriteError"), httpx.WriteError("broken pipe")), False),
        (raised(TimedOut(), None), True),  # cause unknown: assume it went out
        (raised(TimedOut(), httpx.ConnectTimeout("connect", request=REQUEST)), False),
        (raised(TimedOut("Pool timeout"), httpx.PoolTimeout("pool")), False),
        (raised(NetworkError("httpx.ConnectError"), httpx.ConnectError("refused")), False),
        (raised(NetworkError("Bad Gateway"), None), False),  # a 502 answer: nothing delivered
        (raised(NetworkError("httpx.ReadError"), httpx.ReadError("reset")), True),
        (raised(NetworkError("httpx.RemoteProtocolError"), httpx.RemoteProtocolError("x")), True),
    ],
    ids=[
        "read timeout",
        "write timeout",
        "write error",
        "timed out, cause unknown",
        "connect timeout",
        "pool timeout",
        "connect error",
        "5xx",
        "read error",
        "protocol error",
    ],
)
def test_request_may_have_gone_out(error: NetworkError, may_have_gone_out: bool) -> None:
    assert request_may_have_gone_out(error) is may_have_gone_out
