"""Factories for test data; personas in conftest.py are built from these."""

from datetime import timedelta

import factory
from django.utils import timezone
from django.utils.text import slugify

from accounts.choices import MembershipRole, Sector
from accounts.models import Membership, Organisation, User
from club.choices import EventKind, MembershipStatus, Visibility
from club.models import ClubMembership, Event, Profile
from club.profiles import search_text_of

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


# Training ---------------------------------------------------------------------------------------


class TrainingFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Field"
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"field-{n}")
    title = factory.Sequence(lambda n: f"Field {n}")


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Module"

    slug = factory.Sequence(lambda n: f"module-{n}")
    field = factory.SubFactory(TrainingFieldFactory)
    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What this module teaches."
    is_published = True


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Lesson"

    module = factory.SubFactory(ModuleFactory)
    slug = factory.Sequence(lambda n: f"lesson-{n}")
    title = factory.Sequence(lambda n: f"Lesson {n}")
    body = "Some **Markdown**."
    minutes = 15
    position = factory.Sequence(lambda n: n)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Question"
        skip_postgeneration_save = True

    module = factory.SubFactory(ModuleFactory)
    text = factory.Sequence(lambda n: f"Question {n}?")
    position = factory.Sequence(lambda n: n)

    @factory.post_generation
    def choices(question, create, extracted, **kwargs):
        """Three choices, the second one correct, each with its own feedback."""
        if create:
            from training.models import Choice

            Choice.objects.bulk_create(
                Choice(question=question, text=f"Answer {n}", is_correct=n == 1, feedback=f"Feedback {n}", position=n)
                for n in range(3)
            )


class CaseStudyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.CaseStudy"

    slug = factory.Sequence(lambda n: f"case-{n}")
    title = factory.Sequence(lambda n: f"Case {n}")
    cluster_name = "Example Cluster (fictional)"
    country = "AT"
    sector = Sector.FOOD
    summary = "A summary."
    context = "The context."
    challenge = "The challenge."
    actions = "What was done."
    results = "The results."
    lessons = "The lessons."
    discussion_questions = "First question?\nSecond question?"
    teaching_note = "Secret teaching note."
    is_published = True


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Programme"

    slug = factory.Sequence(lambda n: f"programme-{n}")
    title = factory.Sequence(lambda n: f"Programme {n}")
    provider = "Academy"
    country = "DE"
    language = "en"
    format = "online"
    duration = "3 days"
    level = "introductory"
    url = "https://training.example.test/"


class ClubMembershipFactory(factory.django.DjangoModelFactory):
    """An approved club member with a profile (visible to members unless `profile__visibility` says
    otherwise); `status=...` for applicants, declined and former members (they get no profile)."""

    class Meta:
        model = ClubMembership
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    name = factory.LazyAttribute(lambda m: m.user.get_full_name() or "Club Member")
    status = MembershipStatus.APPROVED
    motivation = "To meet other cluster managers."
    organisation = "Alpha Cluster"
    role = "Cluster manager"
    applied_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def profile(membership, create, extracted, **kwargs):
        if create and membership.status in (MembershipStatus.APPROVED, MembershipStatus.LEFT):
            ProfileFactory(user=membership.user, name=membership.name, **kwargs)


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    name = factory.LazyAttribute(lambda p: p.user.get_full_name() or "Club Member")
    headline = "Cluster manager"
    organisation = "Alpha Cluster"
    country = "DE"
    sector = Sector.ICT
    languages = "de,en"
    expertise = factory.LazyFunction(lambda: ["matchmaking"])
    visibility = Visibility.MEMBERS
    search_text = factory.LazyAttribute(lambda p: search_text_of(p))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Club meeting {n}")
    kind = EventKind.MEETING
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + timedelta(hours=3))
    registration_deadline = factory.LazyAttribute(lambda e: e.starts_at - timedelta(days=1))
    time_zone = "Europe/Berlin"
    place = "Munich"
    capacity = 10
