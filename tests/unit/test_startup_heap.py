"""What start-up made (content, catalogues, readers, language models) is kept out of later garbage
collections: `limber run` and `limber console` settle the heap once the bot is built."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from bot import cli
from bot.startup import settle_heap


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


@pytest.mark.usefixtures("unfrozen")
def test_settling_moves_what_lives_now_out_of_the_collectors_walks() -> None:
    before = gc.get_freeze_count()
    settle_heap()
    assert gc.get_freeze_count() > before + 1000
    assert gc.get_count()[0] < 50  # a collection just ran


@pytest.mark.usefixtures("unfrozen")
def test_the_terminal_chat_settles_the_heap_after_building_the_bot(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    order: list[str] = []
    real_bootstrap = cli.bootstrap

    def bootstrap(settings: cli.Settings) -> cli.Services:
        services = real_bootstrap(settings)
        order.append("built")
        return services

    monkeypatch.setattr(cli, "bootstrap", bootstrap)
    monkeypatch.setattr(cli, "settle_heap", lambda: order.append("settled"))
    monkeypatch.setattr(cli, "_console", lambda *args: order.append("chat") or 0)
    monkeypatch.setattr(cli.language_guess, "warm_up", lambda: None)
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/limber.db")
    assert cli.main(["console"]) == 0
    chat = order.index("chat")
    assert order[chat - 1] == "settled"  # the language models' thread settles once more
    assert order.index("built") < chat - 1
