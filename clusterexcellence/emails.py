"""The one helper that writes e-mail: subject and bodies rendered from templates."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation


def render_templated_email(
    template: str, *, to: list[str], context: dict, language: str | None = None
) -> EmailMultiAlternatives:
    """Render `<template>_subject.txt`, `<template>.txt` and (if present) `<template>.html`."""
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
        try:
            html = render_to_string(f"{template}.html", context)
        except TemplateDoesNotExist:
            html = None
    message = EmailMultiAlternatives(subject=" ".join(subject.split()), body=body, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    return message


def send_templated_email(template: str, *, to: list[str], context: dict, language: str | None = None) -> None:
    """Render and send at once (notifications go through `notifications.notify` instead)."""
    render_templated_email(template, to=to, context=context, language=language).send()
