"""`python -m bot` runs the `liaison` command."""

from bot.cli import app

app()
