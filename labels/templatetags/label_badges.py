"""Tags of the embeddable badge panel (labels/templates/labels/badges/embed_panel.html)."""

from django import template

from .. import badge_images, open_badges

register = template.Library()


@register.simple_tag
def badge_embed_snippet(label) -> str:
    """The copy-paste HTML of the label's badge (escaped again where the template shows it)."""
    return badge_images.embed_snippet(label)


@register.simple_tag
def badge_assertion_url(label) -> str:
    return open_badges.assertion_url(label)


@register.simple_tag
def badge_credential_url(label) -> str:
    return open_badges.credential_url(label)
