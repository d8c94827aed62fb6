"""The Telegram channel: thin handlers that call the coach and render its Views."""
