"""Models of the training app; they arrive with its first issue."""
