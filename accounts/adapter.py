"""allauth's hooks: a new user keeps the language they signed up in, and allauth's own e-mails
(confirmation, password reset) are written in the recipient's language, like the portal's."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from .models import User


def supported_language(code: str | None) -> str:
    """The portal's language closest to `code` (e.g. de-AT → de), else the default."""
    try:
        return translation.get_supported_language_variant(code or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        if not user.language:
            user.language = supported_language(translation.get_language())
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        user = context.get("user") or User.objects.filter(email__iexact=email).first()
        language = getattr(user, "language", "") or translation.get_language()
        with translation.override(supported_language(language)):
            super().send_mail(template_prefix, email, context)
