"""The web views' side of the domain's refusals: one helper instead of try/except in every view."""

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError

from .errors import StateConflict

T = TypeVar("T")


def attempt(form, action: Callable[[], T]) -> tuple[T | None, int]:
    """Run a domain function for a submitted form; its refusal becomes a form error.

    Returns (result, 200) on success, (None, 409) when the state forbids the change and (None, 400)
    when the input does. PermissionDenied is not caught: it is the 403 page."""
    try:
        return action(), 200
    except StateConflict as error:
        form.add_error(None, str(error))
        return None, 409
    except ValidationError as error:
        _add_errors(form, error)
        return None, 400


def _add_errors(form, error: ValidationError) -> None:
    """Field errors on the form's fields where it has them, the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, field_messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, field_messages)


def attempt_action(request, action: Callable[[], T]) -> tuple[T | None, bool]:
    """For small POST-only actions that redirect (no form to show): run the domain function; its
    refusal (the state or the input) becomes an error message on the next page. Returns (result, ok)."""
    try:
        return action(), True
    except (StateConflict, ValidationError) as error:
        messages.error(request, " ".join(_messages_of(error)))
        return None, False


def _messages_of(error: Exception) -> list[str]:
    return error.messages if isinstance(error, ValidationError) else [str(error)]
