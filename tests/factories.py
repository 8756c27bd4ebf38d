"""Factories for test data; personas in conftest.py are built from these."""

import factory
from django.utils.text import slugify

from accounts.choices import MembershipRole, Sector
from accounts.models import Membership, Organisation, User

PASSWORD = "cluster-test-password"


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
