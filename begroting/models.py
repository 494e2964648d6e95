"""Models of the begroting app (built in its own issue)."""
