"""Tests of the privacy promises: erasure, stopping, retention, key rotation, logs."""
