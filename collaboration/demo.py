"""Demonstration data of the collaboration platform, in bulk.

`manage.py seed_demo` calls `seed()` (see accounts/demo.py). The demo logins find: a cooperation
request of Bavarian Mobility Cluster (manager@example.org) that Catalan Food Cluster
(manager2@example.org) has answered, a new interest on the dashboard, an offer of Catalan Food
Cluster that manager@ follows, a saved search of manager@, and a matchmaking event with two dozen
participants where someone waits for manager@'s answer. Generated organisations post about one
posting per twenty organisations, a few of them hide parts of their profile.

Idempotent: every object has a deterministic public id or a unique key, and only missing ones are
created. Everything is written with bulk_create, so 10,000 organisations take a second or two.
"""

import random
import uuid
from datetime import datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.choices import MembershipRole, Sector
from accounts.models import Membership, Organisation, User

from .choices import MeetingStatus, PostingKind, TagKind
from .models import (
    Event,
    Follow,
    Interest,
    Meeting,
    MeetingSeat,
    Participant,
    Posting,
    PostingTag,
    ProfileVisibility,
    SavedSearch,
    TimeSlot,
)

NAMESPACE = uuid.UUID("6f1c1f2e-4d1b-4b7e-9a59-2f3c8d1e7a10")
BATCH = 1000
POSTING_EVERY = 20  # one posting per this many organisations
HIDING_SHARE = 0.1  # organisations that hide some optional parts
PARTICIPANTS = 24  # generated matchmaking participants besides the demo logins

TOPICS = {
    Sector.ENERGY: ["hydrogen", "smart grids", "energy storage", "circular economy"],
    Sector.AVIATION: ["drones", "satellite data", "composites"],
    Sector.FOOD: ["food safety", "packaging", "alternative proteins", "precision farming"],
    Sector.MICRO_NANO: ["photonics", "sensors", "semiconductors"],
    Sector.HEALTH: ["e-health", "diagnostics", "medical devices"],
    Sector.TOURISM: ["sustainable tourism", "outdoor sports"],
    Sector.PRODUCTION: ["robotics", "additive manufacturing", "industry 4.0"],
    Sector.BIOTECH: ["bioprocessing", "enzymes", "bio-based materials"],
    Sector.MATERIALS: ["recycling", "lightweight materials", "coatings"],
    Sector.CREATIVE: ["games", "design thinking", "virtual reality"],
    Sector.MOBILITY: ["electric vehicles", "battery systems", "logistics", "hydrogen"],
    Sector.ICT: ["artificial intelligence", "cybersecurity", "cloud", "data spaces"],
    Sector.CONSTRUCTION: ["timber construction", "BIM", "energy efficiency"],
}
OFFERS = [
    "Testbed access for {topic} pilots",
    "Joint training programme on {topic}",
    "Shared market study on {topic}",
    "Consortium lead for a Horizon Europe call on {topic}",
]
REQUESTS = [
    "Partners wanted for a {topic} project",
    "Looking for SMEs with {topic} expertise",
    "Research partner for {topic} demonstrators",
    "Cluster partners for an internationalisation mission on {topic}",
]
FIRST = ["Lena", "Pablo", "Chiara", "Tomasz", "Ingrid", "Luc", "Sara", "Mateo", "Nora", "Oskar", "Ana", "Viktor"]
LAST = ["Schmidt", "Martín", "Ricci", "Kowalczyk", "Berg", "Lambert", "Costa", "Horváth", "Novak", "Ilves"]


def _uuid(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, name)


def _missing(model, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    existing = set()
    for start in range(0, len(ids), 500):  # SQLite limits the number of query parameters
        existing |= set(
            model.objects.filter(public_id__in=ids[start : start + 500]).values_list("public_id", flat=True)
        )
    return set(ids) - existing


def seed(rng: random.Random, organisations: list[Organisation], users: dict[str, User]) -> None:
    if len(organisations) < 2:
        return
    now = timezone.now()
    today = timezone.localdate()
    base = rng.random()

    def phase(name: str) -> random.Random:
        # Each part draws from its own Random, so a part that skips existing rows changes no other.
        return random.Random(f"{base}:{name}")

    _visibility(phase("visibility"), organisations)
    postings = _postings(phase("postings"), organisations, users, now, today)
    _interests_and_follows(phase("interests"), organisations, users, postings, now)
    _saved_search(users, now)
    _matchmaking(phase("matchmaking"), organisations, users, today)


def _visibility(rng: random.Random, organisations: list[Organisation]) -> None:
    """The showcase shows its contact; a tenth of the others hide their description or participants."""
    rows = [ProfileVisibility(organisation=organisations[0], contact_public=True, staff_public=True)]
    for organisation in organisations[2:]:
        if rng.random() < HIDING_SHARE:
            rows.append(
                ProfileVisibility(
                    organisation=organisation,
                    description_public=rng.random() < 0.5,
                    participants_public=rng.random() < 0.5,
                    website_public=rng.random() < 0.7,
                )
            )
    ProfileVisibility.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)


def _posting_specs(rng, organisations, today):
    """(public id, organisation, kind, title, description, sectors, countries, topics, days to the deadline)."""
    showcase = [
        (organisations[0], PostingKind.REQUEST, "Partners for hydrogen truck pilots in the Alps",
         "Bavarian Mobility Cluster is preparing cross-border pilots of hydrogen trucks on Alpine freight corridors. "
         "We look for clusters with logistics companies and refuelling operators in Austria, Italy and Switzerland.",
         [Sector.MOBILITY, Sector.ENERGY], ["AT", "IT", "CH"], ["hydrogen", "logistics"], 45),
        (organisations[1], PostingKind.OFFER, "Shelf-life testing lab for packaging pilots",
         "Catalan Food Cluster offers its members' shelf-life testing lab for joint packaging pilots with clusters "
         "from other sectors, for example biodegradable materials.",
         [Sector.FOOD, Sector.MATERIALS], [], ["packaging", "food safety"], 60),
    ]  # fmt: skip
    specs = [(_uuid(f"posting-showcase-{i}"), *spec) for i, spec in enumerate(showcase)]
    for _index, organisation in enumerate(organisations[2::POSTING_EVERY]):
        sector = organisation.sector
        topic = rng.choice(TOPICS[sector])
        kind = rng.choice([PostingKind.OFFER, PostingKind.REQUEST])
        title = rng.choice(OFFERS if kind == PostingKind.OFFER else REQUESTS).format(topic=topic)
        countries = rng.sample(["DE", "FR", "ES", "IT", "PL", "AT", "NL", "SE", "PT", "CZ"], rng.randint(0, 3))
        # Mostly open; some expired (deadline passed) and some closed, so every status has examples.
        deadline = today + timedelta(days=rng.randint(-40, 120))
        description = (
            f"{organisation.name} ({organisation.region}) {'offers' if kind == PostingKind.OFFER else 'seeks'} "
            f"cooperation on {topic}. Contact us through the portal to discuss a joint project."
        )
        specs.append(
            (_uuid(f"posting-{organisation.slug}"), organisation, kind, title, description, [sector], countries,
             [topic], (deadline - today).days)
        )  # fmt: skip
    return specs


def _postings(rng, organisations, users, now, today) -> list[Posting]:
    specs = _posting_specs(rng, organisations, today)
    missing = _missing(Posting, [spec[0] for spec in specs])
    owner = users.get("manager@example.org")
    new, tags = [], []
    for public_id, organisation, kind, title, description, sectors, countries, topics, days in specs:
        if public_id not in missing:
            continue
        posting = Posting(
            public_id=public_id,
            organisation=organisation,
            kind=kind,
            title=title,
            description=description,
            deadline=today + timedelta(days=days),
            created_by=owner if organisation.pk == organisations[0].pk else None,
            created_at=now - timedelta(days=rng.randint(1, 60)),
            closed_at=now - timedelta(days=1) if organisation.pk not in (organisations[0].pk, organisations[1].pk)
            and rng.random() < 0.08 else None,
        )  # fmt: skip
        new.append(posting)
        tags += [PostingTag(posting=posting, kind=TagKind.SECTOR, value=value) for value in sectors]
        tags += [PostingTag(posting=posting, kind=TagKind.COUNTRY, value=value) for value in countries]
        tags += [PostingTag(posting=posting, kind=TagKind.TOPIC, value=value) for value in topics]
    Posting.objects.bulk_create(new, batch_size=BATCH)
    if new:
        by_public_id = {p.public_id: p.pk for p in Posting.objects.filter(public_id__in=[p.public_id for p in new])}
        for tag in tags:
            tag.posting_id = by_public_id[tag.posting.public_id]
        PostingTag.objects.bulk_create(tags, batch_size=BATCH, ignore_conflicts=True)
    ids = [spec[0] for spec in specs]
    found = {}
    for start in range(0, len(ids), 500):
        found.update({p.public_id: p for p in Posting.objects.filter(public_id__in=ids[start : start + 500])})
    return [found[public_id] for public_id in ids]


def _interests_and_follows(rng, organisations, users, postings, now) -> None:
    bavarian_request, catalan_offer = postings[0], postings[1]
    manager2 = users.get("manager2@example.org")
    interests = [
        Interest(
            posting=bavarian_request,
            organisation=organisations[1],
            created_by=manager2,
            message="Our members run refrigerated food transport across the Pyrenees and the Alps; several would "
            "test hydrogen trucks. Shall we talk at the matchmaking days?",
            created_at=now - timedelta(hours=5),
        )
    ]
    others = organisations[2:]
    for posting in postings[2:]:
        for organisation in rng.sample(others, min(len(others), rng.randint(0, 3))):
            if organisation.pk != posting.organisation_id:
                interests.append(
                    Interest(
                        posting=posting,
                        organisation=organisation,
                        message=f"{organisation.name} would like to take part. Our members work on "
                        f"{organisation.technologies}.",
                        created_at=now - timedelta(days=rng.randint(0, 20)),
                        seen_at=now,
                    )
                )
    Interest.objects.bulk_create(interests, batch_size=BATCH, ignore_conflicts=True)
    follows = []
    if users.get("manager@example.org"):
        follows.append(Follow(posting=catalan_offer, user=users["manager@example.org"]))
    if users.get("member@example.org"):
        follows += [Follow(posting=p, user=users["member@example.org"]) for p in postings[2:6]]
    Follow.objects.bulk_create(follows, ignore_conflicts=True)


def _saved_search(users, now) -> None:
    manager = users.get("manager@example.org")
    if manager and not SavedSearch.objects.filter(user=manager).exists():
        SavedSearch.objects.create(
            public_id=_uuid("saved-search-manager"),
            user=manager,
            name="Hydrogen partners",
            query={"q": "hydrogen"},
            notify=True,
            created_at=now - timedelta(days=30),
            last_checked_at=now - timedelta(hours=20),
        )


def _participant_users(rng, organisations) -> list[tuple[User, Organisation]]:
    """Generated people who take part in the matchmaking event, each a member of an organisation."""
    emails = [f"participant{n:02d}@example.org" for n in range(1, PARTICIPANTS + 1)]
    existing = {u.email: u for u in User.objects.filter(email__in=emails)}
    password = make_password(None)  # unusable: nobody signs in as them
    new = [
        User(email=email, first_name=rng.choice(FIRST), last_name=rng.choice(LAST), password=password)
        for email in emails
        if email not in existing
    ]
    User.objects.bulk_create(new)
    people = {u.email: u for u in User.objects.filter(email__in=emails)}
    chosen = organisations[2 : 2 + PARTICIPANTS] if len(organisations) > 2 + PARTICIPANTS else organisations
    pairs = [(people[email], chosen[i % len(chosen)]) for i, email in enumerate(emails)]
    Membership.objects.bulk_create(
        [Membership(user=user, organisation=org, role=MembershipRole.EDITOR) for user, org in pairs if user in new],
        ignore_conflicts=True,
    )
    return pairs


def _matchmaking(rng, organisations, users, today) -> None:
    public_id = _uuid("event-matchmaking-days")
    if Event.objects.filter(public_id=public_id).exists():
        return
    event = Event.objects.create(
        public_id=public_id,
        title="European Cluster Matchmaking Days",
        description="Two days of one-to-one meetings between cluster managers from across Europe: find partners "
        "for joint projects, internationalisation missions and calls.",
        location="Brussels, Square – Meeting Centre",
        created_by=users.get("staff@example.org"),
    )
    day = today + timedelta(days=30)
    start = timezone.make_aware(datetime.combine(day, time(9, 0)))
    slots = TimeSlot.objects.bulk_create(
        TimeSlot(
            event=event, starts_at=start + timedelta(minutes=25 * i), ends_at=start + timedelta(minutes=25 * i + 20)
        )
        for i in range(12)
    )
    slots = list(event.slots.order_by("starts_at"))
    people = _participant_users(rng, organisations)
    participants = [
        Participant(
            event=event, user=user, organisation=org,
            offers=f"Access to {org.name}'s members working on {org.technologies}.",
            looking_for=rng.choice(["Partners for a Horizon Europe proposal", "Clusters for a joint mission abroad",
                                    "Pilot sites for our SMEs", "Training partners for cluster managers"]),
        )
        for user, org in people
    ]  # fmt: skip
    for email, org_index, offers, looking_for in [
        ("manager@example.org", 0, "Test corridors for hydrogen trucks; 140 mobility companies.", "Logistics partners"),
        ("manager2@example.org", 1, "Shelf-life testing lab; food SMEs in Catalonia.", "Sustainable packaging"),
        ("member@example.org", None, "Experience in running a managers' club.", "Cluster managers to exchange with"),
    ]:
        if users.get(email):
            organisation = organisations[org_index] if org_index is not None else None
            participants.append(
                Participant(
                    event=event, user=users[email], organisation=organisation, offers=offers, looking_for=looking_for
                )
            )
    Participant.objects.bulk_create(participants)
    participants = list(event.participants.select_related("user"))
    generated = [p for p in participants if p.user.email.startswith("participant")]
    meetings, seats = [], []
    # Accepted meetings between generated participants: pairs (0,1), (2,3)… in successive slots.
    for index in range(0, min(len(generated), 16) - 1, 2):
        slot = slots[index // 2 % len(slots)]
        meeting = Meeting(
            event=event, slot=slot, requester=generated[index], recipient=generated[index + 1],
            status=MeetingStatus.ACCEPTED, message="Glad to meet you.",
        )  # fmt: skip
        meetings.append(meeting)
    waiting = []
    manager = next((p for p in participants if p.user.email == "manager@example.org"), None)
    if manager and generated:
        waiting.append(
            Meeting(event=event, slot=slots[2], requester=generated[-1], recipient=manager,
                    message="We run hydrogen refuelling stations in Tyrol – shall we meet?")
        )  # fmt: skip
    Meeting.objects.bulk_create(meetings + waiting)
    for meeting in meetings:
        for participant in (meeting.requester, meeting.recipient):
            seats.append(
                MeetingSeat(meeting=meeting, user_id=participant.user_id, slot=meeting.slot,
                            starts_at=meeting.slot.starts_at, ends_at=meeting.slot.ends_at)
            )  # fmt: skip
    MeetingSeat.objects.bulk_create(seats)
