"""The `limber` command: run | console | migrate | content-check | media."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import threading
from collections.abc import Sequence
from importlib.metadata import version

from telegram.error import InvalidToken

from bot.bootstrap import Services, bootstrap
from bot.config import Settings, SettingsError, load_settings
from bot.console import run_console
from bot.logs import configure_logging
from bot.routine import language_guess
from bot.routine.content import DEFAULT_CONTENT_DIR, ContentError, load_content
from bot.routine.languages import load_languages
from bot.routine.reading import Readers
from bot.startup import settle_heap, wait_until_reachable
from bot.store.migrations import head_revision, upgrade

log = logging.getLogger("limber")

BAD_TOKEN = "limber: Telegram rejected BOT_TOKEN. Check it with @BotFather and update .env."
NO_TOKEN = (
    "BOT_TOKEN is not set, so Limber starts in the terminal chat instead of Telegram.\n"
    "To run on Telegram, put BOT_TOKEN=<token from @BotFather> in .env (see .env.example).\n"
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="limber", description=__doc__)
    parser.add_argument("--version", action="version", version=f"limber {version('limber')}")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "run",
        help="run the Telegram bot (long polling, or a webhook with WEBHOOK_URL); "
        "the terminal chat without BOT_TOKEN",
    )
    console = commands.add_parser("console", help="the same coaching session in this terminal")
    console.add_argument("--user", type=int, default=1, help="the user id to chat as (default 1)")
    console.add_argument(
        "--language",
        help="the language a new user's Telegram would say (ru, pt-br …; default: the "
        "terminal's LANG); /language changes it in the chat",
    )
    commands.add_parser("migrate", help="bring the database schema up to date")
    commands.add_parser("content-check", help="validate content/ without starting")
    _media_parser(commands)
    args = parser.parse_args(argv)

    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"limber: invalid settings:\n{error}", file=sys.stderr)
        return 2
    secrets = [
        secret.get_secret_value()
        for secret in (settings.bot_token, settings.webhook_secret)
        if secret is not None
    ]
    level = settings.log_level
    if _is_terminal_chat(args.command, settings) and "LOG_LEVEL" not in os.environ:
        # The terminal chat is a conversation: only warnings interleave with it.
        level = "WARNING"
    configure_logging(level, json_format=settings.log_format == "json", secrets=secrets)

    if args.command == "content-check":
        return _content_check(settings)
    if args.command == "media":
        return _media(settings, args.media_dir)
    if args.command in ("run", "console"):
        # The language guess loads its models (a few seconds) before the first message needs them.
        threading.Thread(target=_warm_up, name="language-models", daemon=True).start()
    try:
        services = bootstrap(settings)
    except ContentError as error:
        print(f"limber: the content is invalid:\n{error}", file=sys.stderr)
        return 2
    if args.command == "run" and settings.bot_token is not None:
        try:
            if not asyncio.run(wait_until_reachable(settings, _say)):
                return 1
        except InvalidToken:
            print(BAD_TOKEN, file=sys.stderr)
            return 2
    if args.command == "migrate" or settings.auto_migrate:
        applied = upgrade(settings.database_url)
        if args.command == "migrate":
            print(_migrated(applied))
            return 0
    settle_heap()
    if args.command == "console":
        return _console(services, args.user, args.language)
    if settings.bot_token is None:
        print(NO_TOKEN)
        return _console(services, 1, None)
    try:
        return _run_telegram(services)
    except InvalidToken:
        print(BAD_TOKEN, file=sys.stderr)
        return 2
    except Exception as error:
        # The error's own text may quote the token or a URL with it: name the failure only.
        log.critical("the bot stopped: %s", type(error).__name__)
        return 1


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _migrated(applied: list[tuple[str, str]]) -> str:
    if not applied:
        return f"The database is up to date ({head_revision()})."
    lines = [f"Applied {len(applied)} migration{'s' if len(applied) != 1 else ''}:"]
    lines += [f"  {revision}  {doc}" for revision, doc in applied]
    return "\n".join(lines)


def _warm_up() -> None:
    """The language models, loaded before the first message needs them, then kept out of the
    garbage collector's walks like the rest of start-up."""
    language_guess.warm_up()
    settle_heap()


def _content_check(settings: Settings) -> int:
    directory = settings.content_dir or DEFAULT_CONTENT_DIR
    try:
        content = load_content(directory)
        languages = load_languages(content, directory)
        codes = [language.code for language in languages.spoken()]
        readers = Readers.load(content, codes, directory)
    except ContentError as error:
        print(f"limber: the content is invalid:\n{error}", file=sys.stderr)
        return 1
    tracks = ", ".join(
        f"{track.id} {track.version} ({len(track.exercises)} exercises)" for track in content.tracks
    )
    english_only = sorted(set(codes) - set(readers.languages))
    print(
        f"Content OK: {directory} — tracks: {tracks}; languages: {', '.join(codes)} "
        f"(typed words read in {', '.join(readers.languages)}"
        + (f"; {', '.join(english_only)} typed in English words only" if english_only else "")
        + ")."
    )
    return 0


def _media_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    media = commands.add_parser("media", help="render every animation, still and voice guide ahead")
    media.add_argument(
        "--media-dir", default=None, help="default: the MEDIA_DIR setting (media-cache/)"
    )


def _media(settings: Settings, media_dir: str | None) -> int:
    from pathlib import Path

    from bot.media import library

    directory = Path(media_dir) if media_dir else settings.media_dir
    if directory is None:
        print("limber: MEDIA_DIR is empty (no media); give --media-dir to render", file=sys.stderr)
        return 2
    return library.render_everything(directory, settings.content_dir or DEFAULT_CONTENT_DIR)


def _is_terminal_chat(command: str, settings: Settings) -> bool:
    return command == "console" or (command == "run" and settings.bot_token is None)


def _console(services: Services, user_id: int, language: str | None) -> int:
    async def close() -> None:
        await services.media.close()
        await services.database.dispose()

    language_code = language or _terminal_language()
    return run_console(services.coach, user_id, close, services.media.finish, language_code)


def _terminal_language() -> str | None:
    """The terminal's language ("ru_RU.UTF-8" → "ru_RU"), as Telegram would send its own."""
    value = os.environ.get("LANG", "").split(".")[0]
    return None if value in ("", "C", "POSIX") else value


def _run_telegram(services: Services) -> int:
    from telegram import Update

    from bot.telegram.app import build_application

    application = build_application(services)
    if services.settings.webhook_url:
        from bot.telegram.webhook import serve_webhook

        asyncio.run(serve_webhook(application, services.database, services.settings))
        return 0
    log.info("starting long polling")
    # Never drop pending updates: taps sent while the bot was down are processed when it is back.
    application.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
