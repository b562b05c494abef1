"""Channel-agnostic conversation logic: routers, privacy actions, replies."""
