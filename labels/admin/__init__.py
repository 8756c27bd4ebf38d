"""Django admin for the labels app, one module per topic."""

from . import (
    appeals,  # noqa: F401 - registers the appeals admin (read-only, with documents and history)
    catalogue,  # noqa: F401 - registers the catalogue admin
    label_records,  # noqa: F401 - registers the labels admin (read-only, with history)
)
