"""The web console for liaisons, supervisors and caseworkers."""
