"""Models of the benchmarking app; they arrive with its first issue."""
