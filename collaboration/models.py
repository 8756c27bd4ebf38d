"""Models of the collaboration app; they arrive with its first issue."""
