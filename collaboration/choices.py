"""Vocabularies of the collaboration platform: profile fields an owner may hide, postings, meetings."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class OptionalField:
    """A part of the public profile that the organisation's owners and editors may hide.

    `key` names the visibility flag (`<key>_public` on ProfileVisibility); `fields` are the
    Organisation fields it covers. Name, country, sector portfolio and label are always public."""

    key: str
    label: str
    fields: tuple[str, ...]
    public_by_default: bool


PARTICIPANT_FIELDS = (
    "participants_sme",
    "participants_large",
    "participants_research",
    "participants_university",
    "participants_public",
    "participants_financial",
)

OPTIONAL_FIELDS = (
    OptionalField("legal_form", _("Legal form"), ("legal_form",), True),
    OptionalField("region", _("Region"), ("region",), True),
    OptionalField("technologies", _("Technologies"), ("technologies",), True),
    OptionalField("year_founded", _("Year founded"), ("year_founded",), True),
    OptionalField("staff", _("Staff (full-time equivalents)"), ("staff_fte",), False),
    OptionalField("participants", _("Participants by type"), PARTICIPANT_FIELDS, True),
    OptionalField("website", _("Website"), ("website",), True),
    OptionalField("description", _("Description"), ("description",), True),
    OptionalField("services", _("Services offered"), ("services",), True),
    # Personal data: hidden until the organisation decides to show it.
    OptionalField("contact", _("Contact person"), ("contact_name", "contact_email", "contact_phone"), False),
)
OPTIONAL_FIELD_KEYS = tuple(field.key for field in OPTIONAL_FIELDS)


class PostingKind(models.TextChoices):
    OFFER = "offer", _("Offer")
    REQUEST = "request", _("Request")


class PostingStatus(models.TextChoices):
    """Open until closed by the poster or until its deadline has passed (expired is computed)."""

    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    EXPIRED = "expired", _("Expired")

    @property
    def colour(self) -> str:
        return {"open": "green", "closed": "grey", "expired": "yellow"}[self.value]


class TagKind(models.TextChoices):
    SECTOR = "sector", _("Sector")
    COUNTRY = "country", _("Target country")
    TOPIC = "topic", _("Topic")


class MeetingStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")

    @property
    def colour(self) -> str:
        return {"requested": "blue", "accepted": "green", "declined": "red", "cancelled": "grey"}[self.value]


class SearchScope(models.TextChoices):
    ALL = "all", _("Organisations and postings")
    ORGANISATIONS = "organisations", _("Organisations")
    POSTINGS = "postings", _("Postings")
