"""The public organisation profile: which parts the public may see, decided in one place.

Pages, search, the API and the map all ask this module: `public_profile` for one organisation,
`public_q` for queries that must not match or count a hidden part."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.choices import PARTICIPANT_TYPES, ServiceCategory
from accounts.models import Organisation, User
from labels.selectors import LabelInfo

from . import permissions
from .choices import OPTIONAL_FIELD_KEYS, OPTIONAL_FIELDS
from .models import ProfileVisibility

_DEFAULTS = {f.key: f.public_by_default for f in OPTIONAL_FIELDS}


def visibility_of(organisation: Organisation) -> ProfileVisibility:
    """The organisation's choices, or the defaults (unsaved) when it has made none."""
    try:
        return organisation.profile_visibility
    except ObjectDoesNotExist:
        return ProfileVisibility(organisation=organisation)


def public_q(key: str, prefix: str = "") -> Q:
    """Organisations whose optional part `key` is public (`prefix` for a related organisation)."""
    flag = Q(**{f"{prefix}profile_visibility__{key}_public": True})
    if _DEFAULTS[key]:
        return flag | Q(**{f"{prefix}profile_visibility__isnull": True})
    return flag


@dataclass(frozen=True)
class PublicProfile:
    """What anyone may know of an organisation; a hidden part is None (or empty)."""

    slug: str
    name: str
    country: str
    country_name: str
    sector: str
    sector_label: str
    label: LabelInfo | None
    legal_form: str | None = None
    legal_form_label: str | None = None
    region: str | None = None
    technologies: str | None = None
    year_founded: int | None = None
    staff_fte: Decimal | None = None
    participants: dict[str, int] | None = None
    participant_rows: list[tuple[str, int]] = field(default_factory=list)
    participants_total: int | None = None
    website: str | None = None
    description: str | None = None
    services: list[str] | None = None
    service_labels: list[str] = field(default_factory=list)
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None

    def as_dict(self) -> dict:
        """The API's shape: only what the page shows."""
        label = None
        if self.label:
            label = {
                "level": self.label.level,
                "valid_from": self.label.valid_from,
                "valid_until": self.label.valid_until,
                "verify_url": self.label.verify_url,
            }
        data = {
            "slug": self.slug,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "label": label,
            "legal_form": self.legal_form,
            "region": self.region,
            "technologies": self.technologies,
            "year_founded": self.year_founded,
            "staff_fte": self.staff_fte,
            "participants": self.participants,
            "participants_total": self.participants_total,
            "website": self.website,
            "description": self.description,
            "services": self.services,
            "contact": None,
        }
        if self.contact_name is not None:
            data["contact"] = {"name": self.contact_name, "email": self.contact_email, "phone": self.contact_phone}
        return data


def public_profile(
    organisation: Organisation, *, label: LabelInfo | None = None, visibility: ProfileVisibility | None = None
) -> PublicProfile:
    """The organisation as the public sees it; `label` comes from labels.selectors.current_labels()."""
    visibility = visibility or visibility_of(organisation)
    shown = {key: visibility.is_public(key) for key in OPTIONAL_FIELD_KEYS}
    values: dict = {}
    if shown["legal_form"]:
        values.update(legal_form=organisation.legal_form, legal_form_label=organisation.get_legal_form_display())
    for key in ("region", "technologies", "website", "description"):
        if shown[key]:
            values[key] = getattr(organisation, key) or None
    if shown["year_founded"]:
        values["year_founded"] = organisation.year_founded
    if shown["staff"]:
        values["staff_fte"] = organisation.staff_fte
    if shown["participants"]:
        counts = {key: getattr(organisation, f"participants_{key}") for key, _label in PARTICIPANT_TYPES}
        values.update(
            participants=counts,
            participant_rows=[(label, counts[key]) for key, label in PARTICIPANT_TYPES],
            participants_total=sum(counts.values()),
        )
    if shown["services"]:
        services = [value for value in organisation.services if value in ServiceCategory.values]
        values.update(services=services, service_labels=[ServiceCategory(value).label for value in services])
    if shown["contact"]:
        values.update(
            contact_name=organisation.contact_name,
            contact_email=organisation.contact_email,
            contact_phone=organisation.contact_phone,
        )
    return PublicProfile(
        slug=organisation.slug,
        name=organisation.name,
        country=organisation.country.code,
        country_name=str(organisation.country.name),
        sector=organisation.sector,
        sector_label=organisation.get_sector_display(),
        label=label,
        **values,
    )


def label_is_current(label: LabelInfo | None, today: date) -> bool:
    return label is not None and label.valid_from <= today < label.valid_until


@transaction.atomic
def visibility_update(*, organisation: Organisation, public: dict[str, bool], by: User) -> ProfileVisibility:
    """Store which optional parts are public; parts not named keep their current choice."""
    if not permissions.can_edit_visibility(by, organisation):
        raise PermissionDenied(_("Only the organisation's owners and editors choose what is public."))
    visibility, _created = ProfileVisibility.objects.select_for_update().get_or_create(organisation=organisation)
    for key, value in public.items():
        if key in OPTIONAL_FIELD_KEYS:
            setattr(visibility, f"{key}_public", bool(value))
    visibility.updated_by = by
    visibility.save()
    return visibility
