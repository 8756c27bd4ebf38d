"""Models of the club app; they arrive with its first issue."""
