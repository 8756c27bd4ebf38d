"""Who may do what in the training area. Views, API views and domain functions all ask these.

Reading the published materials, case studies, programmes and survey results is public; the
instructor role (an `InstructorGrant` that staff give) opens teaching notes and instructor files."""

from accounts.permissions import belongs_to_an_organisation


def is_instructor(user) -> bool:
    """Holds an instructor grant (one query per request, cached on the user)."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_training_instructor", None)
    if cached is None:
        from .models import InstructorGrant

        cached = InstructorGrant.objects.filter(user=user).exists()
        user._training_instructor = cached
    return cached


def forget_instructor(user) -> None:
    """Drop the per-request cache after a grant changed."""
    user.__dict__.pop("_training_instructor", None)


def can_preview_drafts(user) -> bool:
    """Staff edit the materials and instructors review them before they are published."""
    return user.is_authenticated and (user.is_staff or is_instructor(user))


def can_see_teaching_note(user) -> bool:
    return is_instructor(user)


def can_download_attachment(user, attachment) -> bool:
    return not attachment.for_instructors or is_instructor(user)


def can_learn(user) -> bool:
    """Progress, quizzes and completion records belong to a signed-in learner."""
    return user.is_authenticated


def can_answer_needs_survey(user) -> bool:
    """The survey asks cluster managers: people who belong to a cluster organisation."""
    return user.is_authenticated and belongs_to_an_organisation(user)
