"""What every app plugs into: roles, navigation entries, dashboard sections, home page features,
API root entries and the kinds of background jobs.

Each app registers its own in its `AppConfig.ready()`, so `accounts` and `labels` never list
another app by name. Registering the same key again replaces the entry (ready() may run twice).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

UserPredicate = Callable[[Any], bool]


def everyone(user) -> bool:
    return True


def signed_in(user) -> bool:
    return user.is_authenticated


# Roles --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    """A role a user holds in one app (assessor, board member, club member, instructor, …)."""

    key: str
    label: Any
    held_by: UserPredicate


_ROLES: dict[str, Role] = {}


def register_role(key: str, *, label, held_by: UserPredicate) -> None:
    """Declare a role; `held_by(user)` must not query more than once per request."""
    _ROLES[key] = Role(key, label, held_by)


def roles_of(user) -> list[Role]:
    """The roles the user holds, in registration order."""
    if not user.is_authenticated:
        return []
    return [role for role in _ROLES.values() if role.held_by(user)]


# Navigation ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: Any
    url_name: str
    order: int
    shown_to: UserPredicate
    section: str | None


@dataclass(frozen=True)
class NavSection:
    key: str
    label: Any
    order: int
    namespaces: tuple[str, ...]


@dataclass
class NavItem:
    """One link of the rendered navigation; a section's item holds its entries as `children`."""

    label: Any
    url: str
    current: bool = False
    children: list["NavItem"] = field(default_factory=list)


_NAV: dict[str, NavEntry] = {}
_NAV_SECTIONS: dict[str, NavSection] = {}


def register_nav_section(key: str, *, label, order: int, namespaces: tuple[str, ...] = ()) -> None:
    """A top-level entry that groups an app's destinations (`register_nav(..., section=key)`). It
    links to its first entry the user may see, is left out when they may see none, and its
    entries show as a second row on every page of the URL `namespaces` it covers."""
    _NAV_SECTIONS[key] = NavSection(key, label, order, tuple(namespaces) or (key,))


def register_nav(
    key: str,
    *,
    label,
    url_name: str,
    order: int,
    shown_to: UserPredicate = signed_in,
    section: str | None = None,
) -> None:
    """A destination in the main navigation (or in a section of it) for the users `shown_to` accepts."""
    _NAV[key] = NavEntry(key, label, url_name, order, shown_to, section)


def navigation_for(user, *, path: str = "", namespace: str = "") -> list[NavItem]:
    """The main navigation in display order: entries and sections (with their entries as children);
    `current` marks the link of `path` and the section of the URL `namespace`."""
    entries = sorted((e for e in _NAV.values() if _shown(e, user)), key=lambda e: (e.order, e.key))
    items: list[tuple[int, NavItem]] = []
    for entry in entries:
        if entry.section is None:
            url = reverse(entry.url_name)
            items.append((entry.order, NavItem(entry.label, url, current=url == path)))
    for section in _NAV_SECTIONS.values():
        children = [
            NavItem(e.label, url := reverse(e.url_name), current=url == path)
            for e in entries
            if e.section == section.key
        ]
        if children:
            current = namespace in section.namespaces or any(child.current for child in children)
            items.append((section.order, NavItem(section.label, children[0].url, current=current, children=children)))
    return [item for _order, item in sorted(items, key=lambda pair: pair[0])]


def navigation_links(user) -> list[tuple[str, str]]:
    """Every (label, url) the user's navigation offers, sections' entries included, in display order."""
    links = []
    for item in navigation_for(user):
        links += [(child.label, child.url) for child in item.children] if item.children else [(item.label, item.url)]
    return links


def _shown(entry, user) -> bool:
    # Predicates other than `everyone` may assume a signed-in user (they read role flags).
    return entry.shown_to is everyone or (user.is_authenticated and entry.shown_to(user))


# Dashboard ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DashboardSection:
    key: str
    template: str
    order: int
    shown_to: UserPredicate
    load: Callable[[Any], dict | None]


@dataclass(frozen=True)
class LoadedSection:
    key: str
    template: str
    context: dict


_SECTIONS: dict[str, DashboardSection] = {}


def register_dashboard_section(
    key: str,
    *,
    template: str,
    order: int,
    shown_to: UserPredicate = signed_in,
    load: Callable[[Any], dict | None] = lambda request: {},
) -> None:
    """A dashboard section: `load(request)` returns the template's `section` context, or None to
    leave the section out. Loading happens in the view, never in template tags, so the dashboard's
    query count is the sum of the loaders' and a test can pin it."""
    _SECTIONS[key] = DashboardSection(key, template, order, shown_to, load)


def dashboard_for(request) -> list[LoadedSection]:
    """The sections the user sees, loaded, in display order."""
    loaded = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        if not _shown(section, request.user):
            continue
        context = section.load(request)
        if context is not None:
            loaded.append(LoadedSection(section.key, section.template, context))
    return loaded


# Home page ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Feature:
    key: str
    title: Any
    text: Any
    order: int


_FEATURES: dict[str, Feature] = {}


def register_feature(key: str, *, title, text, order: int) -> None:
    """A card under "What the portal offers" on the home page: register it once the feature works,
    so the portal never advertises what is not built."""
    _FEATURES[key] = Feature(key, title, text, order)


def features() -> list[Feature]:
    return sorted(_FEATURES.values(), key=lambda feature: (feature.order, feature.key))


# API root -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApiRootEntry:
    key: str
    url_name: str
    order: int


_API_ROOT: dict[str, ApiRootEntry] = {}


def register_api_root(key: str, *, url_name: str, order: int) -> None:
    """An entry of `GET /api/`: the name under which the endpoint's URL is listed."""
    _API_ROOT[key] = ApiRootEntry(key, url_name, order)


def api_root_entries() -> list[ApiRootEntry]:
    return sorted(_API_ROOT.values(), key=lambda entry: (entry.order, entry.key))


# Page panels --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PagePanel:
    page: str
    key: str
    template: str
    order: int
    load: Callable[[Any, Any], dict | None]


_PANELS: dict[tuple[str, str], PagePanel] = {}


def register_page_panel(
    page: str, key: str, *, template: str, order: int, load: Callable[[Any, Any], dict | None]
) -> None:
    """A panel another app adds to a page it does not own (e.g. "labels.assessment").

    `load(request, subject)` gets the page's object, reads only its ids (the owning app's models
    stay its own) and returns the template's `section` context, or None to leave the panel out."""
    _PANELS[(page, key)] = PagePanel(page, key, template, order, load)


def panels_for(page: str, request, subject) -> list[LoadedSection]:
    """The panels registered for `page`, loaded for `subject`, in display order."""
    loaded = []
    for panel in sorted((p for p in _PANELS.values() if p.page == page), key=lambda p: (p.order, p.key)):
        context = panel.load(request, subject)
        if context is not None:
            loaded.append(LoadedSection(panel.key, panel.template, context))
    return loaded


# Jobs ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JobKind:
    kind: str
    label: Any
    template: str
    visible_to: Callable[[Any, Any], bool] | None


@dataclass(frozen=True)
class JobTarget:
    model_label: str
    visible_to: Callable[[Any], Any] | None
    queryset: Any


DEFAULT_JOB_TEMPLATE = "partials/job_finished.html"
_JOB_KINDS: dict[str, JobKind] = {}
_JOB_TARGETS: dict[str, JobTarget] = {}


def register_job_kind(
    kind: str, *, label, template: str = DEFAULT_JOB_TEMPLATE, visible_to: Callable[[Any, Any], bool] | None = None
) -> None:
    """A kind of job (its Celery task's name): what the status fragment says while it runs
    (`label`), the template that shows it finished (gets `job` and `target`), and, when the kind
    and not its target decides, who may watch it (`visible_to(user, job)`)."""
    _JOB_KINDS[kind] = JobKind(kind, label, template, visible_to)


def register_job_target(model, *, visible_to: Callable[[Any], Any] | None = None, queryset=None) -> None:
    """Jobs and notifications about objects of `model`: whoever sees the object may watch its jobs
    (`visible_to(user)` returns the user's scoped queryset); `queryset` loads the objects for the
    lists of failed work with what their names need (e.g. select_related), one query per model."""
    _JOB_TARGETS[model._meta.label_lower] = JobTarget(model._meta.label_lower, visible_to, queryset)


def job_kind(kind: str) -> JobKind:
    """The registered kind, or a plain one that names the task."""
    return _JOB_KINDS.get(kind) or JobKind(kind, kind, DEFAULT_JOB_TEMPLATE, None)


def job_target(content_type) -> JobTarget | None:
    """What the app that owns the model registered for jobs about its objects, if anything."""
    return _JOB_TARGETS.get(f"{content_type.app_label}.{content_type.model}")


def job_target_querysets() -> list:
    """The registered querysets that load job targets for lists (one query per kind of target)."""
    return [target.queryset for target in _JOB_TARGETS.values() if target.queryset is not None]
