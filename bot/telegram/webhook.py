"""Webhook mode: Telegram POSTs updates to us; any of N identical processes can take any update.

A small ASGI app (Starlette, served by uvicorn) in front of the same Application as polling:
- POST WEBHOOK_PATH: the secret token header must match WEBHOOK_SECRET (else 403, nothing
  processed); a body that is not an Update gets 400; a good one is queued for the Application.
- GET /healthz: 200 when the database answers, 503 when it does not (for the load balancer).
"""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import signal
import threading
from collections.abc import Iterator
from typing import Any, Protocol

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Update

from bot.config import Settings
from bot.telegram.context import LimberApplication


class Pingable(Protocol):
    """What /healthz asks: does the database answer? (`bot.store.database.Database` does.)"""

    async def ping(self) -> bool: ...


log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY_BYTES = 1 << 20
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


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
    application: LimberApplication, database: Pingable, *, path: str, secret: str
) -> Starlette:
    """The ASGI app: the update endpoint and the health check."""

    async def receive_update(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            log.warning("webhook: refused a request without the right secret token")
            return Response(status_code=403)
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            return Response(status_code=413)
        update = _parse_update(body, application)
        if update is None:
            log.info("webhook: refused a body that is not an Update")
            return Response(status_code=400)
        await application.update_queue.put(update)
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
        update_id = data.get("update_id") if isinstance(data, dict) else None
        if type(update_id) is not int:  # bool is an int subclass: refuse `true` too
            return None
        return Update.de_json(data, application.bot)
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError):
        return None


async def serve_webhook(
    application: LimberApplication, database: Pingable, settings: Settings
) -> None:
    """Register the webhook with Telegram and serve until SIGINT/SIGTERM."""
    assert settings.webhook_url is not None
    assert settings.webhook_secret is not None
    secret = settings.webhook_secret.get_secret_value()
    app = webhook_app(application, database, path=settings.webhook_path, secret=secret)
    server = _Server(
        uvicorn.Config(
            app,
            host=settings.webhook_listen,
            port=settings.webhook_port,
            access_log=False,
            log_config=None,
            lifespan="off",
        )
    )
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
