"""Organisation slugs: the short name in addresses, chosen once or derived from the name."""

from django.utils.text import slugify

from .models import Organisation

# Paths under /organisations/ that a slug must not shadow.
RESERVED_SLUGS = {"new"}


def slug_is_taken(slug: str) -> bool:
    return slug in RESERVED_SLUGS or Organisation.objects.filter(slug=slug).exists()


def suggest_slug(name: str) -> str:
    """A free slug derived from the organisation's name: `alpha-cluster`, then `alpha-cluster-2`, …"""
    base = slugify(name)[:70].strip("-") or "organisation"
    slug, number = base, 1
    while slug_is_taken(slug):
        number += 1
        slug = f"{base}-{number}"
    return slug
