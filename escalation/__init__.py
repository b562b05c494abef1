"""Triage, the priority queue, SLA watchdog and the escalation protocol."""
