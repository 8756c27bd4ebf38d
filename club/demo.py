"""Demonstration data for the managers' club, in bulk and idempotent.

member@example.org is an approved member with a public, featured profile, a place at one upcoming
event, a place on the waiting list of a full one, and messages (two unread). Sixty generated
members (without passwords: nobody signs in as them) fill the directory with every visibility;
one generated person's application waits for staff@example.org, another was declined. Events:
two past, four upcoming, one of them full with a waiting list.
"""

import random
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.choices import Sector
from accounts.models import Organisation, User

from .choices import LANGUAGES, BioFormat, EventKind, MembershipStatus, RegistrationStatus, Visibility
from .models import ClubMembership, Event, Message, Profile, Registration
from .profiles import search_text_of

MEMBERS = 60
MEMBER_EMAIL = "member@example.org"
FIRST = [
    "Anna",
    "Lukas",
    "Marta",
    "Jan",
    "Sofia",
    "Pierre",
    "Elena",
    "Mikkel",
    "Ioana",
    "Tomás",
    "Katarzyna",
    "Giulia",
    "Erik",
    "Zeynep",
    "Olena",
    "Nikos",
    "Eva",
    "Matej",
    "Inês",
    "Aino",
    "Jonas",
    "Clara",
]
LAST = [
    "Schneider",
    "Fernández",
    "Bianchi",
    "Kowalczyk",
    "Lefèvre",
    "Madsen",
    "Ionescu",
    "Dvořák",
    "Costa",
    "Babić",
    "Korhonen",
    "Georgiou",
    "Lindqvist",
    "Kovács",
    "Demir",
    "Jovanović",
    "O'Brien",
    "Peeters",
]
ROLES = [
    "Cluster manager",
    "Managing director",
    "Project manager",
    "Head of internationalisation",
    "Innovation manager",
    "Community manager",
]
EXPERTISE = [
    "internationalisation",
    "matchmaking",
    "EU funding",
    "smart specialisation",
    "innovation projects",
    "cluster strategy",
    "digital transformation",
    "circular economy",
    "skills",
    "start-up support",
    "policy dialogue",
    "market intelligence",
    "benchmarking",
    "hydrogen",
    "battery systems",
    "food safety",
    "e-health",
    "Industry 4.0",
]
HEADLINES = [
    "Connecting SMEs with research since {year}",
    "Building a European network for {sector}",
    "Cluster management and {topic}",
    "Helping members grow across borders",
]
LANGUAGE_CODES = [code for code, _label in LANGUAGES]

EVENTS = [  # (title, kind, days from today, hours long, capacity, place, online)
    ("Spring club meeting 2026", EventKind.MEETING, -60, 6, 40, "Brussels, Rue du Commerce 31", False),
    ("Webinar: measuring cluster impact", EventKind.WEBINAR, -20, 2, 100, "", True),
    ("Webinar: preparing for the Gold assessment", EventKind.WEBINAR, 1, 2, 80, "", True),
    ("Study visit: Basque manufacturing clusters", EventKind.STUDY_VISIT, 14, 10, 8, "Bilbao, Spain", False),
    ("Autumn club meeting", EventKind.MEETING, 30, 7, 60, "Vienna, Austria", False),
    ("Webinar: EU funding for cluster services", EventKind.WEBINAR, 45, 2, 150, "", True),
]
ZONES = {"Bilbao, Spain": "Europe/Madrid", "Vienna, Austria": "Europe/Vienna"}


def seed(rng: random.Random, organisations: list[Organisation], users: dict[str, User]) -> None:
    member = users.get(MEMBER_EMAIL)
    if member is None or ClubMembership.objects.filter(user=member).exists():
        return  # seeded before (or without the demo logins): leave everything as it is
    people = _generated_people(rng, organisations)
    _memberships_and_profiles(rng, member, people, organisations)
    members = [member, *[user for user, spec in people if spec["status"] == MembershipStatus.APPROVED]]
    _events(rng, member, members)
    _messages(rng, member, members)


def _generated_people(rng, organisations) -> list[tuple[User, dict]]:
    """Users for the generated members and two applicants, created in one statement."""
    specs = []
    for number in range(MEMBERS + 2):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        organisation = organisations[2 + number % max(1, len(organisations) - 2)] if len(organisations) > 2 else None
        status = MembershipStatus.APPROVED
        if number == MEMBERS:
            status = MembershipStatus.PENDING
        elif number == MEMBERS + 1:
            status = MembershipStatus.DECLINED
        specs.append(
            {
                "email": f"club.member{number + 1:02d}@example.org",
                "first": first,
                "last": last,
                "organisation": organisation,
                "status": status,
            }
        )
    existing = set(User.objects.filter(email__in=[s["email"] for s in specs]).values_list("email", flat=True))
    unusable = make_password(None)
    User.objects.bulk_create(
        User(email=s["email"], first_name=s["first"], last_name=s["last"], password=unusable)
        for s in specs
        if s["email"] not in existing
    )
    by_email = {u.email: u for u in User.objects.filter(email__in=[s["email"] for s in specs])}
    return [(by_email[s["email"]], s) for s in specs]


def _memberships_and_profiles(rng, member, people, organisations) -> None:
    now = timezone.now()
    bavarian = organisations[0] if organisations else None
    memberships = [
        ClubMembership(
            user=member,
            name="Mehmet Yılmaz",
            status=MembershipStatus.APPROVED,
            applied_at=now - timedelta(days=400),
            decided_at=now - timedelta(days=398),
            organisation=bavarian.name if bavarian else "Bavarian Mobility Cluster",
            role="Cluster manager",
            motivation="I want to exchange with other cluster managers on internationalisation.",
        )
    ]
    profiles = [
        Profile(
            user=member,
            name="Mehmet Yılmaz",
            headline="Taking mobility SMEs to new markets",
            organisation=memberships[0].organisation,
            country="DE",
            sector=Sector.MOBILITY,
            years_in_cluster_management=9,
            expertise=["internationalisation", "battery systems", "matchmaking"],
            languages="de,en,tr",
            visibility=Visibility.PUBLIC,
            featured=True,
            bio_format=BioFormat.MARKDOWN,
            bio="I run the **internationalisation** services of a mobility cluster:\n\n"
            "- delegations to trade fairs\n- matchmaking with partner clusters\n- EU project partnerships",
        )
    ]
    for number, (user, spec) in enumerate(people):
        organisation = spec["organisation"]
        name = f"{spec['first']} {spec['last']}"
        decided = spec["status"] != MembershipStatus.PENDING
        memberships.append(
            ClubMembership(
                user=user,
                name=name,
                status=spec["status"],
                applied_at=now - timedelta(days=rng.randint(2, 700)),
                decided_at=now - timedelta(days=1) if decided else None,
                decision_message="Please apply again once your organisation's profile is complete."
                if spec["status"] == MembershipStatus.DECLINED
                else "",
                organisation=organisation.name if organisation else "Independent",
                role=rng.choice(ROLES),
                motivation="I would like to learn from other cluster managers and share our experience.",
            )
        )
        if spec["status"] != MembershipStatus.APPROVED:
            continue
        visibility = rng.choices([Visibility.PUBLIC, Visibility.MEMBERS, Visibility.HIDDEN], weights=[35, 50, 15])[0]
        sector = organisation.sector if organisation else rng.choice(Sector.values)
        profiles.append(
            Profile(
                user=user,
                name=name,
                organisation=organisation.name if organisation else "",
                country=organisation.country if organisation else "BE",
                sector=sector,
                headline=rng.choice(HEADLINES).format(
                    year=rng.randint(2000, 2022), sector=Sector(sector).label, topic=rng.choice(EXPERTISE)
                ),
                years_in_cluster_management=rng.randint(1, 25),
                expertise=rng.sample(EXPERTISE, rng.randint(2, 5)),
                languages=",".join(sorted({"en", *rng.sample(LANGUAGE_CODES, rng.randint(0, 2))})),
                visibility=visibility,
                featured=visibility == Visibility.PUBLIC and number % 3 == 0,
                bio="Cluster manager with a background in regional development.\nHappy to share what worked for us.",
            )
        )
    for profile in profiles:
        profile.search_text = search_text_of(profile)
    ClubMembership.objects.bulk_create(memberships)
    Profile.objects.bulk_create(profiles)


def _events(rng, member, members) -> None:
    today = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
    events = []
    for title, kind, days, hours, capacity, place, online in EVENTS:
        starts = today + timedelta(days=days, hours=rng.randint(0, 4))
        events.append(
            Event(
                title=title,
                kind=kind,
                starts_at=starts,
                ends_at=starts + timedelta(hours=hours),
                capacity=capacity,
                time_zone=ZONES.get(place, "Europe/Brussels"),
                place=place,
                online_link="https://meet.example.org/club-" + title.split(":")[0].lower().replace(" ", "-")
                if online
                else "",
                registration_deadline=starts - timedelta(hours=12 if days > 2 else 1),
                description=f"{title}: an event of the managers' club for its members.",
            )
        )
    Event.objects.bulk_create(events)
    others = [user for user in members if user.pk != member.pk]
    registrations = []
    now = timezone.now()
    for index, event in enumerate(events):
        if event.capacity <= 10:  # the study visit: full, with a waiting list that member@ is part of
            attendees, waiting = others[: event.capacity], [*others[event.capacity : event.capacity + 2], member]
        else:
            attendees, waiting = rng.sample(others, min(len(others), rng.randint(8, 25))), []
            if index == 2:
                attendees.append(member)  # member@ has a place at tomorrow's webinar
        for position, user in enumerate(attendees):
            registrations.append(
                Registration(
                    event=event,
                    user=user,
                    status=RegistrationStatus.REGISTERED,
                    queued_at=now - timedelta(days=10, minutes=position),
                )
            )
        for position, user in enumerate(waiting):
            registrations.append(
                Registration(
                    event=event,
                    user=user,
                    status=RegistrationStatus.WAITING,
                    queued_at=now - timedelta(days=2, minutes=-position),
                )
            )
    Registration.objects.bulk_create(registrations)


def _messages(rng, member, members) -> None:
    others = [user for user in members if user.pk != member.pk]
    now = timezone.now()
    subjects = [
        "Partner search for an EU project",
        "Your talk at the club meeting",
        "Study visit next month",
        "Question about the Gold assessment",
        "Matchmaking at the trade fair",
    ]
    messages = []
    for number in range(40):
        sender, recipient = rng.sample(others, 2)
        sent = now - timedelta(days=rng.randint(1, 90), minutes=number)
        messages.append(
            Message(
                sender=sender,
                recipient=recipient,
                subject=rng.choice(subjects),
                sent_at=sent,
                body="Hello, could we talk about this next week?",
                read_at=sent + timedelta(hours=3),
            )
        )
    for number, sender in enumerate(others[:3]):
        messages.append(
            Message(
                sender=sender,
                recipient=member,
                subject=subjects[number],
                sent_at=now - timedelta(hours=5 + 20 * number),
                body="Hello Mehmet,\n\nI saw your profile in the club directory. Could we have a call next week?",
                read_at=None if number < 2 else now - timedelta(days=1),
            )
        )
    messages.append(
        Message(
            sender=member,
            recipient=others[0],
            subject="Battery systems delegation",
            sent_at=now - timedelta(days=4),
            body="Dear colleague, would your members join our delegation in May?",
            read_at=now - timedelta(days=3),
        )
    )
    Message.objects.bulk_create(messages)
