"""Open Badges of the awarded labels: the 2.0 hosted verification documents (issuer Profile, one
BadgeClass per level, one Assertion per label) and the 3.0 OpenBadgeCredential of the same label.

The documents are plain dicts built here and served as JSON-LD by labels/views/open_badges.py.
Their ids are the public URLs they are served at, so a verifier can fetch each one from the other.
The recipient is the organisation, identified by its website (or, without one, an e-mail address)
hashed with SHA-256 and a salt, as the 2.0 specification describes. The 3.0 credential is not
signed: it is the same record in the Verifiable Credentials shape, verified by fetching it here."""

import hashlib
from dataclasses import dataclass
from datetime import datetime, time

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.choices import MembershipRole

from .choices import Level
from .models import Label, LabelState

OB2_CONTEXT = "https://w3id.org/openbadges/v2"
VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


def _absolute(url_name: str, *args) -> str:
    return settings.SITE_URL + reverse(url_name, args=args)


def issuer_url() -> str:
    return _absolute("labels:ob_issuer")


def badge_class_url(level: str) -> str:
    return _absolute("labels:ob_badge_class", level)


def badge_image_url(level: str) -> str:
    return _absolute("labels:ob_badge_image", level)


def assertion_url(label: Label) -> str:
    return _absolute("labels:ob_assertion", label.public_id)


def credential_url(label: Label) -> str:
    return _absolute("labels:ob_credential", label.public_id)


def _iso(moment: datetime) -> str:
    """ISO 8601 with the offset, seconds precision (the 2.0 DateTime)."""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def _day_start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _day_end(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(23, 59, 59)))


# --- the recipient ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    """The hashed identity of the organisation a label was awarded to."""

    type: str  # "url" or "email"
    salt: str
    identity: str  # "sha256$<hex>"


def recipient_plain(label: Label) -> tuple[str, str]:
    """(type, identity) before hashing: the organisation's website, else its contact e-mail, else
    the first owner's e-mail."""
    organisation = label.organisation
    if organisation.website:
        return "url", organisation.website
    if organisation.contact_email:
        return "email", organisation.contact_email.lower()
    owner = (
        organisation.memberships.active()
        .filter(role=MembershipRole.OWNER)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return "email", (owner.user.email.lower() if owner else "")


def identity_hash(identity: str, salt: str) -> str:
    """The 2.0 hashed identity: `sha256$` and the hex digest of the identity followed by the salt."""
    return "sha256$" + hashlib.sha256((identity + salt).encode()).hexdigest()


def recipient(label: Label) -> Recipient:
    kind, identity = recipient_plain(label)
    salt = label.public_id.hex  # stable and per label, so one organisation's labels do not share a hash
    return Recipient(type=kind, salt=salt, identity=identity_hash(identity, salt))


def recipient_matches(label: Label, identity: str) -> bool:
    """Whether `identity` (a URL or an e-mail address) is the label's recipient, as a verifier checks it."""
    hashed = recipient(label)
    return identity_hash(identity, hashed.salt) == hashed.identity


# --- Open Badges 2.0 ------------------------------------------------------------------------------


def _level_texts(level: str) -> tuple[str, str]:
    name = _("%(level)s Cluster Excellence label") % {"level": Level(level).label}
    description = _(
        "Awarded to a cluster organisation whose management the label board assessed at the %(level)s level "
        "of the Cluster Excellence indicator catalogue."
    ) % {"level": Level(level).label}
    return name, description


def issuer_profile() -> dict:
    """The issuer Profile: the portal's label board."""
    return {
        "@context": OB2_CONTEXT,
        "type": "Profile",
        "id": issuer_url(),
        "name": _("Cluster Excellence label board"),
        "url": settings.SITE_URL + "/",
        "email": settings.OPEN_BADGES_ISSUER_EMAIL,
        "description": _("Awards the Cluster Excellence labels (Bronze, Silver and Gold) to cluster organisations."),
    }


def badge_class(level: str) -> dict:
    """The BadgeClass of one level."""
    name, description = _level_texts(level)
    return {
        "@context": OB2_CONTEXT,
        "type": "BadgeClass",
        "id": badge_class_url(level),
        "name": name,
        "description": description,
        "image": badge_image_url(level),
        "criteria": {
            "id": settings.SITE_URL + reverse("labels:catalogue"),
            "narrative": _(
                "The organisation's self-assessment against the indicator catalogue, verified by independent "
                "assessors, meets the rules of the %(level)s level, and the label board approved it."
            )
            % {"level": Level(level).label},
        },
        "issuer": issuer_url(),
        "tags": ["cluster management", "Cluster Excellence", str(Level(level).label)],
    }


def assertion(label: Label) -> dict:
    """The Assertion of a label (whatever its state; see `assertion_refusal` for revoked ones)."""
    hashed = recipient(label)
    url = assertion_url(label)
    return {
        "@context": OB2_CONTEXT,
        "type": "Assertion",
        "id": url,
        "recipient": {"type": hashed.type, "hashed": True, "salt": hashed.salt, "identity": hashed.identity},
        "badge": badge_class_url(label.level),
        "verify": {"type": "hosted", "url": url},
        "issuedOn": _iso(label.issued_at),
        "expires": _iso(_day_end(label.valid_until)),
        "image": badge_image_url(label.level),
        "evidence": label.verify_url,
        "narrative": _("Certificate %(number)s, valid from %(start)s until %(end)s.")
        % {
            "number": label.certificate_number,
            "start": label.valid_from.isoformat(),
            "end": label.valid_until.isoformat(),
        },
    }


def assertion_refusal(label: Label) -> dict | None:
    """The body a hosted assertion answers with 410 Gone, or None while the label has not been
    withdrawn: a revoked label is gone for good; a suspended one is gone until the board reinstates it.
    An expired label still answers (its `expires` says it)."""
    state = label.state
    if state not in (LabelState.REVOKED, LabelState.SUSPENDED):
        return None
    body = {
        "@context": OB2_CONTEXT,
        "type": "Assertion",
        "id": assertion_url(label),
        "revoked": True,
        "revocationReason": label.public_reason,
    }
    if state == LabelState.SUSPENDED:
        body["suspended"] = True
        body["revocationReason"] = _("Suspended by the label board: %(reason)s") % {"reason": label.public_reason}
    return body


# --- Open Badges 3.0 ------------------------------------------------------------------------------


def credential(label: Label) -> dict:
    """The label as an unsigned Open Badges 3.0 OpenBadgeCredential (Verifiable Credentials 2.0)."""
    hashed = recipient(label)
    name, description = _level_texts(label.level)
    return {
        "@context": [VC2_CONTEXT, OB3_CONTEXT],
        "id": credential_url(label),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "issuer": {
            "id": issuer_url(),
            "type": ["Profile"],
            "name": _("Cluster Excellence label board"),
            "url": settings.SITE_URL + "/",
            "email": settings.OPEN_BADGES_ISSUER_EMAIL,
        },
        "validFrom": _iso(_day_start(label.valid_from)),
        "validUntil": _iso(_day_end(label.valid_until)),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": hashed.identity,
                    "identityType": "url" if hashed.type == "url" else "emailAddress",
                    "hashed": True,
                    "salt": hashed.salt,
                }
            ],
            "achievement": {
                "id": badge_class_url(label.level),
                "type": ["Achievement"],
                "name": name,
                "description": description,
                "criteria": badge_class(label.level)["criteria"],
                "image": {"id": badge_image_url(label.level), "type": "Image"},
            },
        },
        "evidence": [{"id": label.verify_url, "type": ["Evidence"], "name": label.certificate_number}],
    }
