"""Django admin for the labels app, one module per topic."""

from . import (
    catalogue,  # noqa: F401 - registers the catalogue admin
    label_records,  # noqa: F401 - registers the labels admin (read-only, with history)
)
