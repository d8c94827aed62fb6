"""The FakeBotApi on a loopback HTTP server, for a real bot process and for benchmarks.

Point python-telegram-bot at it with `base_url=server.base_url` (`http://127.0.0.1:PORT/bot`; PTB
appends the token and `/method`) and the bot's token `api.token`::

    api = FakeBotApi()
    async with FakeBotApiServer(api) as server:
        ...  # e.g. start `limber run` with TELEGRAM_BASE_URL=server.base_url, BOT_TOKEN=api.token
        api.push_update(updates.command("start"))
        await api.wait_for_call("sendMessage")

The server runs on the current event loop (asyncio streams, HTTP/1.1 keep-alive). Tests that are
not async can use `ThreadedFakeBotApiServer`, which runs it on a loop in a background thread.

A scripted time-out (`api.time_out_next`) stalls the answer for `stall_seconds` and then drops the
connection, so the client's own read timeout fires (PTB raises TimedOut).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from email.message import Message as MimeHeaders
from email.parser import HeaderParser
from email.utils import collapse_rfc2231_value
from http import HTTPStatus
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.support.fake_bot_api import FakeBotApi, JSONDict, UploadedFile, split_bot_path

# Parameters that are free text: never JSON-decode them ("123" stays a string). PTB sends every
# other non-string value JSON-encoded in a form field, and plain strings as they are.
_TEXT_PARAMETERS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_message_id",
        "business_connection_id",
        "message_effect_id",
        "url",
        "action",
        "emoji",
        "language_code",
        "secret_token",
        "title",
        "description",
        "short_description",
        "name",
        "question",
        "explanation",
        "payload",
        "photo",
        "document",
        "sticker",
        "voice",
        "audio",
        "video",
        "animation",
    }
)


def decode_form_value(name: str, value: str) -> Any:
    """A form field as the Bot API reads it: JSON where PTB encoded JSON, else the string."""
    if name in _TEXT_PARAMETERS:
        return value
    try:
        return json.loads(value, parse_constant=lambda constant: constant)
    except ValueError:
        return value


def parse_multipart(body: bytes, content_type: str) -> tuple[JSONDict, dict[str, UploadedFile]]:
    """Fields and files of a multipart/form-data body."""
    headers = MimeHeaders()
    headers["content-type"] = content_type
    boundary = headers.get_param("boundary")
    if not isinstance(boundary, str):
        raise ValueError("multipart body without a boundary")
    params: JSONDict = {}
    files: dict[str, UploadedFile] = {}
    for chunk in body.split(b"--" + boundary.encode())[1:]:
        if chunk.startswith(b"--"):
            break
        head, _, content = chunk.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        content = content.removesuffix(b"\r\n")
        part = HeaderParser().parsestr(head.decode("utf-8"))
        raw_name = part.get_param("name", header="content-disposition")
        if raw_name is None:
            continue
        name = collapse_rfc2231_value(raw_name)
        filename = part.get_filename()
        if filename is not None:
            files[name] = UploadedFile(filename, content, part.get_content_type())
        else:
            params[name] = decode_form_value(name, content.decode("utf-8"))
    return params, files


def parse_body(headers: dict[str, str], body: bytes) -> tuple[JSONDict, dict[str, UploadedFile]]:
    """Params and files of a Bot API request body (form, multipart or JSON)."""
    content_type = headers.get("content-type", "")
    media_type = content_type.split(";", 1)[0].strip().lower()
    if not body:
        return {}, {}
    if media_type == "multipart/form-data":
        return parse_multipart(body, content_type)
    if media_type == "application/json":
        loaded = json.loads(body)
        return (loaded if isinstance(loaded, dict) else {}), {}
    fields = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
    return {name: decode_form_value(name, value) for name, value in fields}, {}


class _HttpRequest:
    def __init__(self, method: str, target: str, headers: dict[str, str], body: bytes) -> None:
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body

    @property
    def keep_alive(self) -> bool:
        return self.headers.get("connection", "").lower() != "close"


async def _read_request(reader: asyncio.StreamReader) -> _HttpRequest | None:
    line = await reader.readline()
    if not line.strip():
        return None
    method, target, _version = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        header = await reader.readline()
        if header in (b"\r\n", b"\n", b""):
            break
        name, _, value = header.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        chunks = []
        while True:
            size = int((await reader.readline()).split(b";", 1)[0].strip(), 16)
            if size == 0:
                await reader.readline()  # the blank line after the last chunk (no trailers)
                break
            chunks.append(await reader.readexactly(size))
            await reader.readexactly(2)
        body = b"".join(chunks)
    else:
        body = await reader.readexactly(int(headers.get("content-length") or 0))
    return _HttpRequest(method, target, headers, body)


def _http_response(status: int, body: bytes, *, keep_alive: bool) -> bytes:
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = "Unknown"
    head = (
        f"HTTP/1.1 {status} {reason}\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
        f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n"
        "\r\n"
    )
    return head.encode("latin-1") + body


class FakeBotApiServer:
    """Serves a FakeBotApi on 127.0.0.1 (an ephemeral port by default) on the running loop."""

    def __init__(
        self,
        api: FakeBotApi,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        stall_seconds: float = 30.0,
    ) -> None:
        self.api = api
        self.host = host
        self.stall_seconds = stall_seconds
        self.requests_served = 0
        self._requested_port = port
        self._port: int | None = None
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[Any]] = set()
        self._stopping = False

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the server is not started")
        return self._port

    @property
    def base_url(self) -> str:
        """For PTB's `base_url` (and a TELEGRAM_BASE_URL setting): token and method follow."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://{self.host}:{self.port}/file/bot"

    async def start(self) -> None:
        self._server = await asyncio.start_server(
            self._serve_connection, self.host, self._requested_port
        )
        self._port = int(self._server.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        """Stop listening and drop open connections (long polls included)."""
        if self._server is None:
            return
        self._stopping = True
        self._server.close()
        connections = list(self._connections)
        for task in connections:
            task.cancel()
        await asyncio.gather(*connections, return_exceptions=True)
        await self._server.wait_closed()
        self._server = None
        self._stopping = False

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    async def _serve_connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._connections.add(task)
        try:
            while True:
                request = await _read_request(reader)
                if request is None:
                    break
                answering = asyncio.ensure_future(self._answer(request))
                if not await self._client_waits_for(answering, reader):
                    break  # it hung up (an abandoned long poll): the answer was cancelled
                answer = answering.result()
                self.requests_served += 1
                if answer is None:  # a scripted time-out: say nothing, then hang up
                    await asyncio.sleep(self.stall_seconds)
                    break
                writer.write(_http_response(*answer, keep_alive=request.keep_alive))
                await writer.drain()
                if not request.keep_alive:
                    break
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            pass  # the client went away or sent nonsense
        except asyncio.CancelledError:
            # Ours to end at `stop`: finish quietly, or asyncio's stream callback logs the
            # cancelled task as an "exception in callback".
            if not self._stopping:
                raise
        finally:
            if task is not None:
                self._connections.discard(task)
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    @staticmethod
    async def _client_waits_for(
        answering: asyncio.Future[Any], reader: asyncio.StreamReader
    ) -> bool:
        """Wait for the answer; cancel it and say False if the client hangs up meanwhile.

        A cancelled PTB request (an updater stopping mid long poll) closes its connection; the
        fake must then drop that poll rather than answer a later one with 409 Conflict.
        """
        try:
            while not answering.done():
                await asyncio.wait({answering}, timeout=0.05)
                if not answering.done() and reader.at_eof():
                    answering.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await answering
                    return False
        except asyncio.CancelledError:
            answering.cancel()
            raise
        return True

    async def _answer(self, request: _HttpRequest) -> tuple[int, bytes] | None:
        url = urlsplit(request.target)
        target = split_bot_path(unquote(url.path))
        if target is None:
            body = {"ok": False, "error_code": 404, "description": "Not Found"}
            return 404, json.dumps(body).encode()
        params = {
            name: decode_form_value(name, value)
            for name, value in parse_qsl(url.query, keep_blank_values=True)
        }
        body_params, files = parse_body(request.headers, request.body)
        params.update(body_params)
        response = await self.api.dispatch(target[0], target[1], params, files)
        if response.timed_out:
            return None
        return response.status, response.body


class ThreadedFakeBotApiServer:
    """A FakeBotApiServer on its own event loop in a daemon thread, for synchronous code.

    `api.push_update` is thread-safe; read the recorded state from any thread.
    """

    def __init__(self, api: FakeBotApi, **options: Any) -> None:
        self.api = api
        self.server = FakeBotApiServer(api, **options)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return self.server.base_url

    @property
    def base_file_url(self) -> str:
        return self.server.base_file_url

    def start(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(
            target=loop.run_forever, name="fake-bot-api-http", daemon=True
        )
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self.server.start(), loop).result(timeout=10)

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        asyncio.run_coroutine_threadsafe(self.server.stop(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
        self._loop = self._thread = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
