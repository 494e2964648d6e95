"""Models of the rapportage app (built in its own issue)."""
