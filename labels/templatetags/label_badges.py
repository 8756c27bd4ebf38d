"""Tags of the label page's panels: the embeddable badge (badges/embed_panel.html) and the appeals."""

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


@register.inclusion_tag("labels/appeals/panel.html", takes_context=True)
def label_appeal_panel(context, label):
    """The label's appeals and, for an owner within the period, the link to appeal."""
    from ..appeal_panels import appeals_panel_load

    section = appeals_panel_load(context["request"], label)
    return {"section": section, "shown": section is not None}
