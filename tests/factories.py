"""Factories for test data; personas in conftest.py are built from these.

Label assessments are built here in any state with bulk inserts (`assessment_in`), for every test
that is not about the transitions themselves; those tests and the journeys go through
`labels.transitions` (tests/labels/conftest.py)."""

from pathlib import Path

import factory
import yaml
from django.utils.text import slugify

from accounts.choices import MembershipRole, Sector
from accounts.models import Membership, Organisation, User
from labels.catalogue_import import framework_import
from labels.models import Framework

PASSWORD = "cluster-test-password"
SHIPPED_CATALOGUE = Path(__file__).resolve().parent.parent / "labels" / "data" / "cme-demo-2026.yaml"
_SHIPPED = yaml.safe_load(SHIPPED_CATALOGUE.read_text(encoding="utf-8"))["framework"]


def shipped_catalogue_import() -> Framework:
    """Import the demonstration catalogue unless it is there (once per test process, see conftest.py)."""
    existing = Framework.objects.filter(code=_SHIPPED["code"], version=_SHIPPED["version"]).first()
    return existing or framework_import(SHIPPED_CATALOGUE)


def shipped_framework() -> Framework:
    """The demonstration catalogue, published, as every test finds it."""
    return Framework.objects.get(code=_SHIPPED["code"], version=_SHIPPED["version"])


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.test")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        """Give the user a verified primary e-mail address, as allauth requires to sign in."""
        if create:
            from allauth.account.models import EmailAddress

            user.save()
            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test Cluster {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    country = "DE"
    region = "Bavaria"
    sector = Sector.ICT
    year_founded = 2010
    staff_fte = 3
    participants_sme = 40
    participants_large = 5
    participants_research = 5
    website = "https://cluster.example.test"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = MembershipRole.OWNER
