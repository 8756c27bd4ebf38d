"""The domain's refusals that are not about the person: every app's state conflicts subclass this.

Pages answer it with the form error and status 409, the API with 409 (see `api.domain_errors`
and `actions.attempt`); `PermissionDenied` stays 403 and `ValidationError` 400."""


class StateConflict(Exception):
    """The state of things, not the person, forbids the change (shown to the user as it is).

    `details` are further fields of the API's 409 body beside `detail` (e.g. the unmet rules)."""

    def __init__(self, message: str = "", **details):
        super().__init__(message)
        self.details = details
