"""The demo app's dashboard section: its data is loaded here, in one query, never in the template."""

from accounts.models import Organisation


def load(request) -> dict:
    return {"organisations": Organisation.objects.count()}
