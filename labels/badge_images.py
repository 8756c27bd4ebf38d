"""The badge images: one SVG per level (the Open Badges BadgeClass image) and one per label for the
organisation's website, with the copy-paste HTML that links it to the public verification page.

Both are rendered from templates (labels/templates/labels/badges/), so the organisation's name and
every other text are escaped."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from .choices import Level
from .models import Label, LabelState

LEVEL_COLOURS = {
    Level.GOLD: {"fill": "#d4a017", "stroke": "#8a6a0a", "text": "#1f1400"},
    Level.SILVER: {"fill": "#b8c2cc", "stroke": "#616e7c", "text": "#102a43"},
    Level.BRONZE: {"fill": "#c27c3a", "stroke": "#7a4a1c", "text": "#1f0f00"},
}
STATE_COLOURS = {
    LabelState.VALID: "#1b7a3a",
    LabelState.SUSPENDED: "#8a6d00",
    LabelState.REVOKED: "#b42318",
    LabelState.EXPIRED: "#52606d",
}


def level_svg(level: str) -> str:
    """The image of a level's badge."""
    return render_to_string(
        "labels/badges/level.svg", {"level_name": Level(level).label, "colours": LEVEL_COLOURS[level]}
    )


def embed_image_url(label: Label) -> str:
    return settings.SITE_URL + reverse("labels:badge_embed", args=[label.public_id])


def _status_line(label: Label) -> str:
    state = label.state
    until = label.valid_until.isoformat()
    if state == LabelState.VALID:
        return _("Valid until %(date)s") % {"date": until}
    if state == LabelState.EXPIRED:
        return _("Expired on %(date)s") % {"date": until}
    if state == LabelState.SUSPENDED:
        return _("Suspended")
    return _("Revoked")


def _alt(label: Label) -> str:
    return _("%(level)s Cluster Excellence label of %(organisation)s: verify it") % {
        "level": label.get_level_display(),
        "organisation": label.organisation.name,
    }


def embed_svg(label: Label) -> str:
    """The label's badge for the organisation's website: level, organisation, status and last day."""
    return render_to_string(
        "labels/badges/embed.svg",
        {
            "alt": _alt(label),
            "level_name": label.get_level_display(),
            "colours": LEVEL_COLOURS[label.level],
            "organisation": label.organisation.name,
            "status_line": _status_line(label),
            "status_colour": STATE_COLOURS[label.state],
            "certificate_number": label.certificate_number,
        },
    )


def embed_snippet(label: Label) -> str:
    """The HTML the organisation copies into its website: the badge, linked to the verification page."""
    return render_to_string(
        "labels/badges/embed_snippet.html",
        {"verify_url": label.verify_url, "image_url": embed_image_url(label), "alt": _alt(label)},
    ).strip()
