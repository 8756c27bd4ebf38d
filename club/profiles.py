"""Editing a member's profile: the fields, the photo and the search text the directory reads."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User

from . import permissions
from .models import Profile
from .photos import photo_process

EDITABLE = [
    "name",
    "headline",
    "bio",
    "bio_format",
    "expertise",
    "languages",
    "country",
    "organisation",
    "sector",
    "years_in_cluster_management",
    "visibility",
    "featured",
]


def search_text_of(profile: Profile) -> str:
    """What the directory search looks in: name, headline, organisation and expertise, lower case."""
    parts = [profile.name, profile.headline, profile.organisation, " ".join(profile.expertise or [])]
    return " ".join(part for part in parts if part).lower()


def _own_profile(user: User) -> Profile:
    if not permissions.can_edit_profile(user):
        raise PermissionDenied(_("Only club members have a profile."))
    profile = Profile.objects.select_for_update().filter(user=user).first()
    return profile or Profile(user=user, name=user.club_membership.name)


def member_name(user: User) -> str:
    """The name a member shows the club (their profile's), never their e-mail address."""
    profile = Profile.objects.filter(user=user).only("name").first()
    return profile.name if profile else _("A club member")


@transaction.atomic
def profile_update(*, user: User, **fields) -> Profile:
    """Change the member's own profile; unknown fields are a programming error, not input."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"Not editable: {', '.join(sorted(unknown))}")
    profile = _own_profile(user)
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.full_clean(exclude=["user", "photo"])
    profile.search_text = search_text_of(profile)
    profile.save()
    return profile


@transaction.atomic
def profile_photo_set(*, user: User, upload) -> Profile:
    """Replace the photo with a cleaned copy of the upload (ValidationError when it is no usable image)."""
    cleaned = photo_process(upload)
    profile = _own_profile(user)
    old = profile.photo.name if profile.photo else ""
    profile.photo.save(cleaned.name, cleaned, save=False)
    if not profile.search_text:
        profile.search_text = search_text_of(profile)
    profile.save()
    if old:
        storage = profile.photo.storage
        transaction.on_commit(lambda: storage.delete(old))
    return profile


@transaction.atomic
def profile_photo_remove(*, user: User) -> Profile:
    profile = _own_profile(user)
    if profile.photo:
        name, storage = profile.photo.name, profile.photo.storage
        profile.photo = ""
        profile.save()
        transaction.on_commit(lambda: storage.delete(name))
    return profile
