"""Models of the initiatieven app (built in its own issue)."""
