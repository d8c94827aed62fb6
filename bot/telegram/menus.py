"""The command menu and the bot's profile, per language (Telegram's setMyCommands,
setMyDescription, setMyShortDescription): the default in English, one per language Limber speaks
(Telegram shows the one for the person's `language_code`), and a chat's own after `/language`."""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand, BotCommandScopeChat
from telegram.error import TelegramError

from bot.coach import Coach

log = logging.getLogger(__name__)


def bot_commands(menu: list[tuple[str, str]]) -> list[BotCommand]:
    return [BotCommand(str(command), description) for command, description in menu]


async def publish_menus_and_profiles(bot: Bot, coach: Coach) -> None:
    """At start-up: the menu and the profile in every language."""
    for language_code, commands in coach.command_menus().items():
        await bot.set_my_commands(bot_commands(commands), language_code=language_code)
    for language_code, about in coach.profiles().items():
        await bot.set_my_description(about.description, language_code=language_code)
        await bot.set_my_short_description(about.short_description, language_code=language_code)


async def set_chat_menu(bot: Bot, chat_id: int, coach: Coach, language: str) -> None:
    """After `/language`: this chat's menu in the language chosen (whatever Telegram's is)."""
    try:
        await bot.set_my_commands(
            bot_commands(coach.commands_in(language)), scope=BotCommandScopeChat(chat_id)
        )
    except TelegramError as error:  # the menu is a nicety: the choice is stored already
        log.info("could not set a chat's command menu: %s", type(error).__name__)
