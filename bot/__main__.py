"""`python -m bot` is `limber`."""

from bot.cli import main

raise SystemExit(main())
