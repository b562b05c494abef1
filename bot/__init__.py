"""The outside world: app factory, CLI, channel adapters and outbox delivery."""
