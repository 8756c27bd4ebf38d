"""The dashboard's sections: each app registers its own, so accounts imports no other app."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    template: str
    shown_to: Callable  # user -> bool
    order: int


_SECTIONS: list[Section] = []


def register_section(template: str, *, shown_to: Callable, order: int) -> None:
    """Add a dashboard section (a template include) for the users `shown_to` accepts."""
    if all(section.template != template for section in _SECTIONS):
        _SECTIONS.append(Section(template, shown_to, order))


def sections_for(user) -> list[str]:
    """Templates of the sections this user sees, in display order."""
    return [s.template for s in sorted(_SECTIONS, key=lambda s: s.order) if s.shown_to(user)]


register_section("accounts/dashboard/organisations.html", shown_to=lambda user: True, order=10)
register_section("accounts/dashboard/club.html", shown_to=lambda user: user.is_club_member, order=50)
register_section("accounts/dashboard/account.html", shown_to=lambda user: True, order=90)
