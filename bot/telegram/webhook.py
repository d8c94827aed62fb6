"""Webhook mode: Telegram POSTs updates to us; any of N identical processes can take any update.

A small ASGI app (Starlette, served by uvicorn) in front of the same Application as polling:
- POST WEBHOOK_PATH: the secret token header must match WEBHOOK_SECRET (else 403, nothing
  processed); a body over 1 MiB gets 413 (from Content-Length up front, else counted while it
  streams in: never more than that is read); a body that is not a well-typed Update gets 400.
  A good update is processed *before* the answer: 200 means it is done and stored. Telegram
  resends an update until it gets a 200, so a crash (kill -9) mid-way loses nothing; an update
  still unfinished after PROCESS_TIMEOUT_SECONDS (below Telegram's ~60 s) gets 500 and is resent
  (taps are idempotent: the session row carries a version). We chose this over an inbox table:
  no second write per update, no extra worker, and the resend is Telegram's own queue.
- GET /healthz: 200 when the database answers, 503 when it does not (for the load balancer).

Connections that cost nothing to open never take a slot a real update needs:
- a connection whose request head has not arrived within HEADER_TIMEOUT_SECONDS is closed (uvicorn
  has no such timeout of its own: slow-loris clients were held for ever), an idle keep-alive one
  after KEEP_ALIVE_SECONDS, and a body must arrive within BODY_TIMEOUT_SECONDS;
- connections that have sent no request yet have a budget of their own, WAITING_CONNECTIONS:
  past it the oldest of them is closed (a real client sends its head as soon as it connects; a
  flood larger than the budget mostly evicts itself). None of them counts against the updates
  being served, and a file descriptor is all each one costs; a request refused for its secret
  token closes its connection, so only Telegram's connections are kept alive;
- MAX_UPDATES_IN_FLIGHT updates at once are processed; past that an update gets 503 (Telegram
  resends it) and /healthz still answers. uvicorn's own `limit_concurrency` is not used: it
  counts every open connection, so 400 half-open sockets turned real updates and /healthz into
  503s (issue 15).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import signal
import threading
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any, Protocol

import uvicorn
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Update

from bot.config import Settings
from bot.telegram.context import LimberApplication
from bot.telegram.guard import ids_fit, raw_update_problem


class Pingable(Protocol):
    """What /healthz asks: does the database answer? (`bot.store.database.Database` does.)"""

    async def ping(self) -> bool: ...


log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY_BYTES = 1 << 20
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
PROCESS_TIMEOUT_SECONDS = 50.0
HEADER_TIMEOUT_SECONDS = 5.0
BODY_TIMEOUT_SECONDS = 10.0
KEEP_ALIVE_SECONDS = 5
WAITING_CONNECTIONS = 512
MAX_UPDATES_IN_FLIGHT = 200


class BodyTooLargeError(Exception):
    """The body is over the limit (by Content-Length or by the bytes read so far)."""


async def read_body(request: Request, *, limit: int = MAX_BODY_BYTES) -> bytes:
    """The body, or BodyTooLargeError as soon as Content-Length or the bytes so far pass *limit*."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise BodyTooLargeError
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLargeError
        chunks.append(chunk)
    return b"".join(chunks)


def shedding_protocol(header_timeout: float, waiting_budget: int) -> type[asyncio.Protocol]:
    """uvicorn's h11 protocol, shedding connections that have sent no request yet.

    A connection that has not sent a whole request head in *header_timeout* seconds is closed
    (uvicorn times out only idle keep-alive connections, after a first request). At most
    *waiting_budget* connections wait for their first head; a new one past that closes the one
    that has waited longest. After a request a connection is kept alive KEEP_ALIVE_SECONDS (a
    refused one is closed at once: `Connection: close`). The budget is per server.
    """
    from uvicorn.protocols.http.h11_impl import H11Protocol

    waiting: OrderedDict[H11Protocol, None] = OrderedDict()

    class SheddingProtocol(H11Protocol):
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._head_timer = self.loop.call_later(header_timeout, self._head_too_slow)
            self._waiting()

        def handle_events(self) -> None:
            super().handle_events()
            if self.cycle is not None:
                waiting.pop(self, None)  # it sent a request: no longer a waiting connection

        def connection_lost(self, exc: Exception | None) -> None:
            self._head_timer.cancel()
            waiting.pop(self, None)
            super().connection_lost(exc)

        def _waiting(self) -> None:
            waiting[self] = None
            waiting.move_to_end(self)
            while len(waiting) > waiting_budget:
                oldest, _ = waiting.popitem(last=False)
                oldest.transport.close()

        def _head_too_slow(self) -> None:
            if self.cycle is None and not self.transport.is_closing():
                log.info("webhook: closed a connection that sent no request in time")
                self.transport.close()

    return SheddingProtocol


def server_config(
    app: Starlette,
    *,
    host: str,
    port: int,
    header_timeout: float = HEADER_TIMEOUT_SECONDS,
    waiting_connections: int = WAITING_CONNECTIONS,
) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=shedding_protocol(header_timeout, waiting_connections),
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        h11_max_incomplete_event_size=16 * 1024,
        access_log=False,
        log_config=None,
        lifespan="off",
    )


class _Server(uvicorn.Server):
    """uvicorn, minus re-raising SIGTERM after it stops serving.

    uvicorn re-raises the signal it caught, which would end the process before the Application,
    the nudge sweeper and the database are shut down gracefully.
    """

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        originals = {sig: signal.signal(sig, self.handle_exit) for sig in STOP_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in originals.items():
                signal.signal(sig, handler)


def webhook_app(
    application: LimberApplication,
    database: Pingable,
    *,
    path: str,
    secret: str,
    process_timeout: float = PROCESS_TIMEOUT_SECONDS,
    max_in_flight: int = MAX_UPDATES_IN_FLIGHT,
) -> Starlette:
    """The ASGI app: the update endpoint and the health check."""
    in_flight = 0

    async def receive_update(request: Request) -> Response:
        nonlocal in_flight
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            log.warning("webhook: refused a request without the right secret token")
            return Response(status_code=403, headers={"Connection": "close"})
        if in_flight >= max_in_flight:
            log.warning("webhook: %d updates in flight; Telegram will resend this one", in_flight)
            return Response(status_code=503)
        in_flight += 1
        try:
            return await _receive(request)
        finally:
            in_flight -= 1

    async def _receive(request: Request) -> Response:
        try:
            async with asyncio.timeout(BODY_TIMEOUT_SECONDS):
                body = await read_body(request)
        except BodyTooLargeError:
            log.info("webhook: refused a body over %d bytes", MAX_BODY_BYTES)
            return Response(status_code=413)
        except (TimeoutError, ClientDisconnect):
            return Response(status_code=408)
        update = _parse_update(body, application)
        if update is None:
            log.info("webhook: refused a body that is not an Update")
            return Response(status_code=400)
        # Processed before the answer: a 200 means done (Telegram resends until it gets one).
        processing = asyncio.ensure_future(
            application.update_processor.process_update(update, application.process_update(update))
        )
        try:
            await asyncio.wait_for(asyncio.shield(processing), process_timeout)
        except TimeoutError:
            log.warning(
                "webhook: update %d not done in time; Telegram will resend it", update.update_id
            )
            return Response(status_code=500)
        return Response(status_code=200)

    async def healthz(_request: Request) -> Response:
        reachable = await database.ping()
        return JSONResponse(
            {"database": "ok" if reachable else "unreachable"},
            status_code=200 if reachable else 503,
        )

    return Starlette(
        routes=[
            Route(path, receive_update, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ]
    )


def _parse_update(body: bytes, application: LimberApplication) -> Update | None:
    """The Update in *body*, or None for anything else (never raises)."""
    try:
        data: Any = json.loads(body)
        if raw_update_problem(data) is not None:  # bool is no int there: `true` is refused too
            return None
        update = Update.de_json(data, application.bot)
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError):
        return None
    return update if ids_fit(update) else None


async def serve_webhook(
    application: LimberApplication, database: Pingable, settings: Settings
) -> None:
    """Register the webhook with Telegram and serve until SIGINT/SIGTERM."""
    assert settings.webhook_url is not None
    assert settings.webhook_secret is not None
    secret = settings.webhook_secret.get_secret_value()
    app = webhook_app(application, database, path=settings.webhook_path, secret=secret)
    server = _Server(server_config(app, host=settings.webhook_listen, port=settings.webhook_port))
    assert application.post_init is not None
    assert application.post_shutdown is not None
    try:
        async with application:
            await application.post_init(application)
            # Pending updates are kept: taps sent while the bot was down are processed now.
            await application.bot.set_webhook(
                url=settings.webhook_url.rstrip("/") + settings.webhook_path,
                secret_token=secret,
                allowed_updates=Update.ALL_TYPES,
                drop_pending_updates=False,
            )
            await application.start()
            log.info("serving the webhook on %s:%d", settings.webhook_listen, settings.webhook_port)
            try:
                await server.serve()
            finally:
                await application.stop()
    finally:
        await application.post_shutdown(application)
