"""Console HTTP routes, grouped by concern."""
