"""Users, cluster organisations, memberships with roles, invitations, assessor profiles and API tokens."""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .choices import PARTICIPANT_TYPES, LegalForm, MembershipRole, Sector


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person; signs in with the e-mail address. The scheme's roles are flags a user may combine;
    the apps' own roles (club member, …) live in their apps (`registry.register_role`)."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    is_assessor = models.BooleanField(_("assessor"), default=False)
    is_board_member = models.BooleanField(_("label board member"), default=False)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the e-mails the portal sends you."),
    )
    # Kept on the person, not on a role's profile: the same rules bind assessors and the board.
    declared_conflicts = models.ManyToManyField(
        "accounts.Organisation",
        blank=True,
        related_name="declared_conflicts",
        verbose_name=_("declared conflicts of interest"),
        help_text=_("Organisations this person may neither assess nor decide on, whatever their membership."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def preferred_language(self) -> str:
        return self.language or settings.LANGUAGE_CODE

    @property
    def is_privileged(self) -> bool:
        """Roles that must use two-factor authentication when the scheme requires it."""
        return self.is_staff or self.is_assessor or self.is_board_member


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Organisations whose private profile and members the user may see."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        return self.filter(memberships__user=user, memberships__left_at__isnull=True).distinct()


# Free text has a limit in the model, and forms and serializers take theirs from here.
DESCRIPTION_MAX_LENGTH = 5000


def _participant_field(label):
    return models.PositiveIntegerField(label, default=0, validators=[MaxValueValidator(100000)])


class Organisation(models.Model):
    """A cluster organisation: the unit that is assessed and labelled."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    legal_form = models.CharField(
        _("legal form"), max_length=20, choices=LegalForm.choices, default=LegalForm.ASSOCIATION
    )
    country = CountryField(_("country"), db_index=True)
    region = models.CharField(_("region"), max_length=120, blank=True)
    sector = models.CharField(_("sector portfolio"), max_length=20, choices=Sector.choices, db_index=True)
    technologies = models.CharField(_("technologies"), max_length=300, blank=True)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    staff_fte = models.DecimalField(
        _("staff (full-time equivalents)"),
        max_digits=6,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    participants_sme = _participant_field(_("SMEs"))
    participants_large = _participant_field(_("large companies"))
    participants_research = _participant_field(_("research organisations"))
    participants_university = _participant_field(_("universities and education"))
    participants_public = _participant_field(_("public bodies"))
    participants_financial = _participant_field(_("financial and intermediary organisations"))
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
    )
    services = models.JSONField(_("services offered"), default=list, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisation_detail", args=[self.slug])

    @property
    def participants_total(self) -> int:
        return sum(getattr(self, f"participants_{key}") for key, _label in PARTICIPANT_TYPES)

    def participants_by_type(self):
        return [(label, getattr(self, f"participants_{key}")) for key, label in PARTICIPANT_TYPES]


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(left_at__isnull=True)


class Membership(models.Model):
    """A user's role in an organisation. Leaving ends the row instead of deleting it, so the
    conflict-of-interest rule can see who belonged to an organisation in the past."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.VIEWER)
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], condition=Q(left_at__isnull=True), name="one_active_membership"
            )
        ]
        indexes = [models.Index(fields=["user", "left_at"])]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


def _invitation_token():
    return secrets.token_urlsafe(32)


def _invitation_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class Invitation(models.Model):
    """An owner's invitation for a colleague, by e-mail, to join an organisation with a role."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.VIEWER)
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class AssessorProfile(models.Model):
    """What the secretariat knows of a certified assessor (declared conflicts are on the User)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessor_profile")
    certified_on = models.DateField(_("certification date"), null=True, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True, help_text=_("Language codes, e.g. en, de"))
    countries = CountryField(
        _("national assessor for"),
        multiple=True,
        blank=True,
        help_text=_(
            "The countries whose organisations this assessor assesses as a national assessor; for every "
            "other country the assessor is foreign. Gold asks for one of each where possible."
        ),
    )

    def __str__(self):
        return str(self.user)


class ApiToken(models.Model):
    """A key a program sends as `Authorization: Token <key>`; see accounts/api_tokens.py.

    Only a hash of the key is stored. It expires, its owner may revoke it, and it stops working
    when the owner's password or second factor changes (`fingerprint`)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("starts with"), max_length=8, editable=False)
    fingerprint = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.user} – {self.name or self.prefix}"
