"""Who may look after the background work of the whole portal."""


def can_repair_jobs(user) -> bool:
    """The secretariat sees every failed job and undelivered e-mail, and sends them again."""
    return user.is_authenticated and user.is_staff
