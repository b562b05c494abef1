"""Shared kernel: settings, database, models, clock, crypto, audit, events."""
