"""Cooperation postings: publishing, changing and closing them, expressions of interest, follows.

Each function checks the person (PermissionDenied → 403) and the state (PostingConflict → 409),
writes in one transaction and notifies the people concerned when it commits."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.choices import Sector
from accounts.models import Organisation, User
from clusterexcellence.errors import StateConflict

from . import permissions
from .choices import PostingKind, TagKind
from .models import Follow, Interest, Posting, PostingTag
from .models.postings import DESCRIPTION_MAX, MESSAGE_MAX, TITLE_MAX
from .notifications import followers_notify, interest_notify

TOPICS_MAX = 10
TOPIC_LENGTH_MAX = 60


class PostingConflict(StateConflict):
    """The posting's state forbids the action (closed, expired, already answered)."""


def topics_parse(text: str) -> list[str]:
    """Topics typed as a comma-separated list: trimmed, without repeats, in the order given."""
    topics: list[str] = []
    for raw in text.split(","):
        topic = " ".join(raw.split())
        if topic and topic.lower() not in (t.lower() for t in topics):
            topics.append(topic)
    if len(topics) > TOPICS_MAX:
        raise ValidationError({"topics": _("Name at most %(count)s topics.") % {"count": TOPICS_MAX}})
    if any(len(topic) > TOPIC_LENGTH_MAX for topic in topics):
        raise ValidationError({"topics": _("A topic has at most %(count)s characters.") % {"count": TOPIC_LENGTH_MAX}})
    return topics


def _validate(*, kind: str, title: str, description: str, deadline: date, sectors, countries, topics) -> None:
    errors = {}
    if kind not in PostingKind.values:
        errors["kind"] = _("Choose offer or request.")
    if not title.strip() or len(title) > TITLE_MAX:
        errors["title"] = _("Give a title of at most %(count)s characters.") % {"count": TITLE_MAX}
    if not description.strip() or len(description) > DESCRIPTION_MAX:
        errors["description"] = _("Describe the posting in at most %(count)s characters.") % {"count": DESCRIPTION_MAX}
    if deadline < timezone.localdate():
        errors["deadline"] = _("The deadline cannot be in the past.")
    if any(sector not in Sector.values for sector in sectors):
        errors["sectors"] = _("Choose sectors from the list.")
    from django_countries import countries as all_countries

    if any(code not in all_countries for code in countries):
        errors["countries"] = _("Choose countries from the list.")
    if len(topics) > TOPICS_MAX or any(len(t) > TOPIC_LENGTH_MAX for t in topics):
        errors["topics"] = _("Name at most %(count)s topics.") % {"count": TOPICS_MAX}
    if errors:
        raise ValidationError(errors)


def _tags_store(posting: Posting, *, sectors: Iterable[str], countries: Iterable[str], topics: Iterable[str]) -> None:
    posting.tags.all().delete()
    tags = [PostingTag(posting=posting, kind=TagKind.SECTOR, value=value) for value in dict.fromkeys(sectors)]
    tags += [PostingTag(posting=posting, kind=TagKind.COUNTRY, value=value) for value in dict.fromkeys(countries)]
    tags += [PostingTag(posting=posting, kind=TagKind.TOPIC, value=value) for value in dict.fromkeys(topics)]
    PostingTag.objects.bulk_create(tags)


@transaction.atomic
def posting_create(
    *,
    organisation: Organisation,
    kind: str,
    title: str,
    description: str,
    deadline: date,
    sectors: list[str],
    countries: list[str],
    topics: list[str],
    by: User,
) -> Posting:
    """Publish an offer or a request of the organisation; it is open until its deadline."""
    if not permissions.can_post(by, organisation):
        raise PermissionDenied(_("Only the organisation's owners and editors publish postings."))
    _validate(
        kind=kind, title=title, description=description, deadline=deadline, sectors=sectors, countries=countries,
        topics=topics,
    )  # fmt: skip
    posting = Posting.objects.create(
        organisation=organisation,
        kind=kind,
        title=title.strip(),
        description=description.strip(),
        deadline=deadline,
        created_by=by,
    )
    _tags_store(posting, sectors=sectors, countries=countries, topics=topics)
    return posting


def _lock(posting: Posting) -> Posting:
    return Posting.objects.select_for_update().select_related("organisation").get(pk=posting.pk)


@transaction.atomic
def posting_update(
    *,
    posting: Posting,
    kind: str,
    title: str,
    description: str,
    deadline: date,
    sectors: list[str],
    countries: list[str],
    topics: list[str],
    by: User,
) -> Posting:
    """Change a posting that is not closed (a later deadline reopens an expired one); followers hear of it."""
    posting = _lock(posting)
    if not permissions.can_edit_posting(by, posting):
        raise PermissionDenied(_("Only the organisation's owners and editors change its postings."))
    if posting.closed_at:
        raise PostingConflict(_("This posting is closed and can no longer be changed."))
    _validate(
        kind=kind, title=title, description=description, deadline=deadline, sectors=sectors, countries=countries,
        topics=topics,
    )  # fmt: skip
    posting.kind, posting.title, posting.description, posting.deadline = (
        kind,
        title.strip(),
        description.strip(),
        deadline,
    )
    posting.revision += 1
    posting.save()
    _tags_store(posting, sectors=sectors, countries=countries, topics=topics)
    followers_notify(posting, closed=False)
    return posting


@transaction.atomic
def posting_close(*, posting: Posting, by: User) -> Posting:
    """Close a posting for good; followers hear of it."""
    posting = _lock(posting)
    if not permissions.can_edit_posting(by, posting):
        raise PermissionDenied(_("Only the organisation's owners and editors close its postings."))
    if posting.closed_at:
        raise PostingConflict(_("This posting is already closed."))
    posting.closed_at = timezone.now()
    posting.save(update_fields=["closed_at", "updated_at"])
    followers_notify(posting, closed=True)
    return posting


@transaction.atomic
def interest_express(*, posting: Posting, organisation: Organisation, message: str, by: User) -> Interest:
    """An organisation answers an open posting; the poster's owners and editors are told once."""
    posting = _lock(posting)
    if not permissions.can_express_interest(by, posting, organisation):
        raise PermissionDenied(
            _("Only owners and editors of another organisation can express interest in this posting.")
        )
    if not posting.is_open:
        raise PostingConflict(_("This posting is no longer open."))
    message = message.strip()
    if not message or len(message) > MESSAGE_MAX:
        raise ValidationError(
            {"message": _("Write a message of at most %(count)s characters.") % {"count": MESSAGE_MAX}}
        )
    if Interest.objects.filter(posting=posting, organisation=organisation).exists():
        raise PostingConflict(_("%(organisation)s has already expressed interest.") % {"organisation": organisation})
    try:
        with transaction.atomic():
            interest = Interest.objects.create(
                posting=posting, organisation=organisation, message=message, created_by=by
            )
    except IntegrityError as error:  # a second click at the same moment
        raise PostingConflict(
            _("%(organisation)s has already expressed interest.") % {"organisation": organisation}
        ) from error
    interest_notify(interest)
    return interest


def interests_mark_seen(*, posting: Posting, by: User) -> int:
    """A member of the poster has seen the interests: they are no longer new in the portal."""
    if not permissions.can_see_interests(by, posting):
        return 0
    return Interest.objects.filter(posting=posting, seen_at__isnull=True).update(seen_at=timezone.now())


def follow_start(*, posting: Posting, by: User) -> Follow:
    """Follow a posting (again: nothing changes)."""
    if not permissions.can_follow(by):
        raise PermissionDenied
    if Posting.objects.filter(pk=posting.pk, closed_at__isnull=False).exists():
        raise PostingConflict(_("This posting is closed: there is nothing more to follow."))
    follow, _created = Follow.objects.get_or_create(posting=posting, user=by)
    return follow


def follow_stop(*, posting: Posting, by: User) -> None:
    Follow.objects.filter(posting=posting, user=by).delete()
