"""The pure coaching engine: content, session state machine, views. No I/O, Telegram or SQL."""
