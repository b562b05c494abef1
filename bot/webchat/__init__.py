"""The web chat: a channel on the service's own site, and the one a new user can try without any token."""
