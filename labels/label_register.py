"""The public register of valid labels: what it lists, how it filters, what an export holds.

Only labels valid today are listed (neither suspended nor revoked, within their dates), with what
the public may know: organisation, country, sector, website, level, validity. Never scores."""

from datetime import date

from django.db.models import Q
from django.utils import timezone
from django_countries import countries as all_countries

from .models import Label

EXPORT_FIELDS = (
    "organisation",
    "country",
    "sector",
    "website",
    "level",
    "valid_from",
    "valid_until",
    "certificate_number",
    "verify_url",
)


def register_labels(*, q: str = "", country: str = "", sector: str = "", level: str = "", today: date | None = None):
    """The valid labels matching the filters, ordered by organisation name; one query to read."""
    labels = Label.objects.valid_on(today or timezone.localdate()).select_related("organisation")
    if q:
        labels = labels.filter(Q(organisation__name__icontains=q) | Q(certificate_number__iexact=q))
    if country:
        labels = labels.filter(organisation__country=country)
    if sector:
        labels = labels.filter(organisation__sector=sector)
    if level:
        labels = labels.filter(level=level)
    return labels.order_by("organisation__name", "level", "pk")


def register_countries(today: date | None = None) -> list[tuple[str, str]]:
    """(code, name) of the countries with a valid label, by name; one query."""
    codes = set(
        Label.objects.valid_on(today or timezone.localdate())
        .order_by()
        .values_list("organisation__country", flat=True)
        .distinct()
    )
    return sorted(((code, str(all_countries.name(code))) for code in codes if code), key=lambda pair: pair[1])


def register_row(label: Label) -> dict:
    """One label as the exports write it (plain values, in the active language)."""
    organisation = label.organisation
    return {
        "organisation": organisation.name,
        "country": str(organisation.country.code),
        "sector": str(organisation.get_sector_display()),
        "website": organisation.website,
        "level": label.level,
        "valid_from": label.valid_from.isoformat(),
        "valid_until": label.valid_until.isoformat(),
        "certificate_number": label.certificate_number,
        "verify_url": label.verify_url,
    }
