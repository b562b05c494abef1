"""Helpers shared by the test suite: backends, a live server, staff sessions."""
