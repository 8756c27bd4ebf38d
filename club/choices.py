"""The club's fixed vocabularies: membership states, profile visibility, event kinds, registrations."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Application pending")
    APPROVED = "approved", _("Member")
    DECLINED = "declined", _("Application declined")
    LEFT = "left", _("Left the club")

    @property
    def colour(self) -> str:
        return {"pending": "blue", "approved": "green", "declined": "red", "left": "grey"}[self.value]


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: everyone, also on the profession page if you opt in")
    MEMBERS = "members", _("Club members only")
    HIDDEN = "hidden", _("Hidden: nobody but you")


class BioFormat(models.TextChoices):
    TEXT = "text", _("Plain text")
    MARKDOWN = "markdown", _("Markdown")


class EventKind(models.TextChoices):
    MEETING = "meeting", _("Club meeting")
    WEBINAR = "webinar", _("Webinar")
    STUDY_VISIT = "study_visit", _("Study visit")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


# Languages a cluster manager may work in: the EU's official languages and the neighbours' most common.
LANGUAGES = [
    ("bg", _("Bulgarian")), ("cs", _("Czech")), ("da", _("Danish")), ("de", _("German")), ("el", _("Greek")),
    ("en", _("English")), ("es", _("Spanish")), ("et", _("Estonian")), ("fi", _("Finnish")), ("fr", _("French")),
    ("ga", _("Irish")), ("hr", _("Croatian")), ("hu", _("Hungarian")), ("it", _("Italian")),
    ("lt", _("Lithuanian")), ("lv", _("Latvian")), ("mt", _("Maltese")), ("nl", _("Dutch")), ("no", _("Norwegian")),
    ("pl", _("Polish")), ("pt", _("Portuguese")), ("ro", _("Romanian")), ("sk", _("Slovak")),
    ("sl", _("Slovenian")), ("sr", _("Serbian")), ("sv", _("Swedish")), ("tr", _("Turkish")), ("uk", _("Ukrainian")),
]  # fmt: skip
LANGUAGE_NAMES = dict(LANGUAGES)
