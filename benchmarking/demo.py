"""Demonstration practice notes: published notes beside the demo manager's weaker indicators, and
one waiting for the secretariat's moderation.

`manage.py seed_demo` calls `seed()` after labels' hook (INSTALLED_APPS order), so decided
assessments exist. The notes are written directly with their history, as the moderation would
have left them: their authors are generated organisations whose managers never sign in.
Idempotent: an organisation's note on an indicator is created once.
"""

import random

from django.utils import timezone

from accounts.models import Organisation, User
from labels import selectors

from .choices import NoteStatus
from .models import PracticeNote, PracticeNoteEvent

CANDIDATES = 150  # generated organisations searched for authors (their values are read in one query)
PRACTICES = {
    "F1": ("Membership fees that pay for services",
           "We tied the fee to three service packages:\n- basic networking\n- project development\n"
           "- internationalisation\n\nMembers choose a package each year; **fees now cover 45 %** of our budget."),
    "F3": ("Four funding sources instead of one",
           "We combine the regional grant with **membership fees**, paid services and one EU project at a time, "
           "so no single source pays more than 40 %."),
    "G1": ("A cluster team with clear roles",
           "Our team of four has one person per service line and a shared *weekly planning meeting*. New staff get "
           "a two-week introduction with every member company."),
    "G3": ("Training days for the team",
           "Each team member has 8 training days a year, planned in the annual staff review:\n1. one course on "
           "moderation or negotiation\n2. one on the cluster's technologies\n3. one exchange visit to another cluster"),
    "T2": ("An action plan that members sign off",
           "The action plan lists every activity with an owner, a budget and a target date. The steering committee "
           "reviews it **every quarter**."),
    "C1": ("Activities that members ask for",
           "We run a short survey after every event and drop formats that score below 3 of 5. Twelve activities a "
           "year is enough when each one is *useful*."),
    "A2": ("Measuring satisfaction every year",
           "A ten-question survey in January, the results discussed at the general assembly, and three actions "
           "chosen from it. The response rate rose to 70 % once we published what changed."),
    "S6": ("Members who take part",
           "We give every member a named contact in the team and invite inactive members personally to one event "
           "that fits their field."),
}  # fmt: skip
PENDING_CODE = "A1"
PENDING = ("Press work that gets coverage", "We send one short press release per project result, with a photo and a "
           "quote from a member company, to five regional journalists we know by name.")  # fmt: skip


def seed(rng: random.Random, organisations: list[Organisation], users: dict[str, User]) -> None:
    indicators = {i.code: i for i in selectors.current_indicators()}
    if not indicators or len(organisations) < 3:
        return
    generated = [o.pk for o in organisations[2 : 2 + CANDIDATES]]
    values = selectors.latest_decided_values(generated)
    green = {
        code: [org_id for org_id, (_value, rating) in values.get(indicator.key, {}).items() if rating == "green"]
        for code, indicator in indicators.items()
    }
    staff = users.get("staff@example.org")
    plan = [(code, title, body, NoteStatus.PUBLISHED) for code, (title, body) in PRACTICES.items()]
    plan.append((PENDING_CODE, *PENDING, NoteStatus.PENDING))
    for position, (code, title, body, status) in enumerate(plan):
        authors = sorted(green.get(code, []))
        if code not in indicators or not authors:
            continue
        author = authors[rng.randrange(len(authors))]
        key = indicators[code].key
        if PracticeNote.objects.filter(organisation_id=author, indicator_key=key).exists():
            continue
        _note_create(author, key, title, body, status, attributed=position % 2 == 0, staff=staff, days=3 + position)


def _note_create(author: int, key: str, title: str, body: str, status: str, *, attributed, staff, days) -> None:
    created = timezone.now() - timezone.timedelta(days=days * 4)
    note = PracticeNote.objects.create(
        organisation_id=author, indicator_key=key, title=title, body=body, attributed=attributed, status=status
    )
    PracticeNoteEvent.objects.create(note=note, from_status="", to_status=NoteStatus.PENDING)
    if status == NoteStatus.PUBLISHED:
        moderated = created + timezone.timedelta(days=2)
        PracticeNoteEvent.objects.create(
            note=note, actor=staff, from_status=NoteStatus.PENDING, to_status=NoteStatus.PUBLISHED
        )
        PracticeNote.objects.filter(pk=note.pk).update(created_at=created, moderated_by=staff, moderated_at=moderated)
        PracticeNoteEvent.objects.filter(note=note).update(at=moderated)
    else:
        PracticeNote.objects.filter(pk=note.pk).update(created_at=created)
    PracticeNoteEvent.objects.filter(note=note, to_status=NoteStatus.PENDING).update(at=created)
