"""Reviewed content: replies, lexicons, service directory, locale catalogs."""
