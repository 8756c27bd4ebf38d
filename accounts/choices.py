"""Fixed vocabularies of the scheme: sector portfolios, service categories, participant types."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    ENERGY = "energy", _("Energy and environment")
    AVIATION = "aviation", _("Aviation and space")
    FOOD = "food", _("Food industry")
    MICRO_NANO = "micro_nano", _("Micro, nano and optical technologies")
    HEALTH = "health", _("Health and medical science")
    TOURISM = "tourism", _("Sports, leisure and tourism")
    PRODUCTION = "production", _("Production and engineering")
    BIOTECH = "biotech", _("Biotechnology")
    MATERIALS = "materials", _("New materials and chemistry")
    CREATIVE = "creative", _("Creative industries")
    MOBILITY = "mobility", _("Transportation and mobility")
    ICT = "ict", _("ICT")
    CONSTRUCTION = "construction", _("Construction")


class ServiceCategory(models.TextChoices):
    INNOVATION = "innovation", _("Collaborative innovation projects")
    NETWORKING = "networking", _("Networking and matchmaking")
    MARKET = "market", _("Market intelligence")
    ENVIRONMENT = "environment", _("Improving the business environment")
    SKILLS = "skills", _("Skills and human resources")
    INTERNATIONAL = "international", _("Internationalisation")
    POLICY = "policy", _("Policy dialogue")


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    LIMITED = "limited", _("Limited company")
    PUBLIC = "public", _("Public body or agency")
    PROJECT = "project", _("Project without legal personality")
    OTHER = "other", _("Other")


class MembershipRole(models.TextChoices):
    OWNER = "owner", _("Owner")
    EDITOR = "editor", _("Editor")
    VIEWER = "viewer", _("Viewer")


# Participant counts by type: (model field suffix, label). Used by the profile form and the API.
PARTICIPANT_TYPES = [
    ("sme", _("SMEs")),
    ("large", _("Large companies")),
    ("research", _("Research organisations")),
    ("university", _("Universities and education")),
    ("public", _("Public bodies")),
    ("financial", _("Financial and intermediary organisations")),
]
