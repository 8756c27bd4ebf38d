"""The club's notification kinds; their e-mails are in templates/club/email/."""

from clusterexcellence.notifications import register_notification

KINDS = {
    "club.application": "application",  # to the secretariat: someone applied
    "club.approved": "approved",  # to the applicant
    "club.declined": "declined",  # to the applicant, with the secretariat's message
    "club.message": "message",  # to the recipient of a message
    "club.abuse_report": "abuse_report",  # to the secretariat
    "club.promoted": "promoted",  # to a member who moved up from a waiting list
    "club.reminder": "reminder",  # the day before an event, to the registered members
}


def register() -> None:
    for kind, template in KINDS.items():
        register_notification(kind, template=f"club/email/{template}")
