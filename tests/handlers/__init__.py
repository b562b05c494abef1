"""Tests of the conversation handlers as a person on a channel experiences them."""
