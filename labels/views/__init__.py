"""The labels app's pages, one module per area."""
