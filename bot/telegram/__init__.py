"""Telegram through python-telegram-bot: webhook, polling, normalisation and sending."""
