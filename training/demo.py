"""Demonstration data for the training area: the content written for the portal (modules, case studies,
programmes), an instructor login and a year of training-needs answers from demo managers.

Idempotent: content is keyed by slug, the instructor by e-mail, survey answers by (user, year)."""

import random

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.choices import MembershipRole
from accounts.models import Membership, Organisation, User

from .choices import ProgrammeFormat
from .content import content_load
from .models import Field, FieldNeed, InstructorGrant, NeedsResponse

INSTRUCTOR = "instructor@example.org"
RESPONDENTS = {0: 24, -1: 31}  # answers this year and last year (demo logins never answer: they try it)
# A few fields most managers say they need, so the results have a shape.
POPULAR = {"financing": 1.0, "developing-services": 0.8, "monitoring-evaluation": 0.7, "change-management": 0.5}
LANGUAGE_WEIGHTS = {"en": 10, "de": 4, "fr": 3, "es": 3, "it": 2, "pl": 2, "nl": 1, "sv": 1, "cs": 1}


def seed(rng: random.Random, organisations: list[Organisation], users: dict[str, User]) -> None:
    content_load()
    _instructor(users)
    _survey(rng, users)


def _instructor(users: dict[str, User]) -> None:
    user = User.objects.filter(email=INSTRUCTOR).first()
    if user is None:
        # Every demo login has the same password: reuse a login's hash (hashing again costs a second,
        # and the password itself belongs to accounts' demo). Without logins, nobody signs in as it.
        password = next(iter(users.values())).password if users else make_password(None)
        user = User.objects.create(email=INSTRUCTOR, first_name="Ines", last_name="Lehmann", password=password)
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    InstructorGrant.objects.get_or_create(user=user, defaults={"granted_by": users.get("staff@example.org")})


def _survey(rng: random.Random, users: dict[str, User]) -> None:
    fields = list(Field.objects.all())
    managers = list(
        Membership.objects.active()
        .filter(role=MembershipRole.OWNER)
        .exclude(user__email__in=list(users))
        .order_by("pk")
        .values_list("user_id", flat=True)[: max(RESPONDENTS.values())]
    )
    this_year = timezone.localdate().year
    languages, weights = zip(*LANGUAGE_WEIGHTS.items(), strict=True)
    for offset, count in RESPONDENTS.items():
        year = this_year + offset
        done = set(NeedsResponse.objects.filter(year=year).values_list("user_id", flat=True))
        new = [user_id for user_id in managers[:count] if user_id not in done]
        NeedsResponse.objects.bulk_create(
            NeedsResponse(
                user_id=user_id,
                year=year,
                formats=sorted(set(rng.sample(ProgrammeFormat.values, rng.randint(1, 2)))),
                languages=sorted({"en", *rng.choices(languages, weights=weights, k=rng.randint(1, 2))}),
            )
            for user_id in new
        )
        needs = []
        for response in NeedsResponse.objects.filter(year=year, user_id__in=new):
            for field in fields:
                pull = POPULAR.get(field.slug, 0.0)
                level = min(3, max(0, round(rng.gauss(1.3 + pull, 0.9))))
                needs.append(FieldNeed(response=response, field=field, level=level))
        FieldNeed.objects.bulk_create(needs)
