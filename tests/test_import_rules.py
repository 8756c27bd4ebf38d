"""Which app may import which module of which other app (ARCHITECTURE.md, CONTRIBUTING.md).

Every import statement of every module of every app is read from its syntax tree, including the
imports inside functions, so a lazy import cannot slip past. An app reads another only through the
modules that app offers for it: `accounts`' models, choices and permissions, and `labels.selectors`.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["clusterexcellence", "accounts", "labels", "benchmarking", "training", "club", "collaboration"]

# What each app may import from the others: a module or a package prefix per line.
ACCOUNTS_PUBLIC = {"accounts.models", "accounts.choices", "accounts.permissions"}
ALLOWED = {
    "clusterexcellence": set(),
    "accounts": set(),
    "labels": ACCOUNTS_PUBLIC,
    "benchmarking": ACCOUNTS_PUBLIC | {"labels.selectors"},
    "training": ACCOUNTS_PUBLIC | {"labels.selectors"},
    "collaboration": ACCOUNTS_PUBLIC | {"labels.selectors"},
    "club": ACCOUNTS_PUBLIC,
}


def _app_of(module: str) -> str | None:
    top = module.split(".")[0]
    return top if top in APPS else None


def _allowed(importer_app: str, module: str) -> bool:
    imported_app = _app_of(module)
    if imported_app is None or imported_app == importer_app or imported_app == "clusterexcellence":
        return True  # the standard library, third parties, itself, and the platform every app plugs into
    return any(module == allowed or module.startswith(allowed + ".") for allowed in ALLOWED[importer_app])


def _imported_modules(module: str, is_package: bool, source: str) -> list[tuple[int, list[str]]]:
    """(line, candidates) of each import: `from x import y` may import module x.y or name y of x."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, [alias.name]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            for alias in node.names:
                found.append((node.lineno, [base, f"{base}.{alias.name}"]))
    return found


def forbidden_imports(module: str, source: str, *, is_package: bool = False) -> list[str]:
    """The imports of `module` (dotted name, with its source) that break the rule, as messages."""
    importer_app = _app_of(module)
    if importer_app is None:
        return []
    problems = []
    for line, candidates in _imported_modules(module, is_package, source):
        if not any(_allowed(importer_app, candidate) for candidate in candidates):
            problems.append(f"{module}:{line} imports {candidates[-1]}")
    return problems


def modules_of(root: Path, app: str):
    """(dotted name, is package, source) of every Python module of an app below `root`."""
    for path in sorted((root / app).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        yield name, is_package, path.read_text(encoding="utf-8")


def violations(root: Path, apps=APPS) -> list[str]:
    problems = []
    for app in apps:
        for name, is_package, source in modules_of(root, app):
            problems += forbidden_imports(name, source, is_package=is_package)
    return problems


def test_no_app_imports_another_apps_internals():
    assert violations(ROOT) == []


def test_every_app_is_checked():
    from django.conf import settings

    local = {app for app in settings.INSTALLED_APPS if (ROOT / app.split(".")[0] / "apps.py").exists()}
    assert local <= set(APPS), "add the new app to APPS and ALLOWED, and to the maps in README and CONTRIBUTING"


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("benchmarking.peer_groups", "from labels.models import Assessment"),
        ("benchmarking.peer_groups", "from labels import models"),
        ("benchmarking.peer_groups", "import labels.scoring"),
        ("benchmarking.peer_groups", "def load():\n    from labels.models import Review\n"),
        ("club.directory", "from labels.selectors import current_labels"),
        ("accounts.views.pages", "from labels.selectors import current_labels"),
        ("labels.views.board", "from benchmarking.selectors import peer_groups"),
        ("labels.transitions", "from accounts.memberships import organisation_create"),
        ("training.views", "from accounts.views.access import organisation_for"),
        ("clusterexcellence.jobs", "from labels.tasks import score_assessment"),
        ("collaboration.postings", "from club.models import Profile"),
    ],
)
def test_it_catches_an_import_of_another_apps_internals(module, source):
    assert forbidden_imports(module, source)


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("benchmarking.peer_groups", "from labels.selectors import current_labels, verified_values"),
        ("benchmarking.peer_groups", "from labels import selectors"),
        ("training.views", "from accounts.models import Organisation\nfrom accounts.permissions import is_member"),
        ("club.permissions", "from accounts.choices import MembershipRole"),
        ("labels.views.board", "from ..models import Assessment\nfrom . import access"),
        ("labels.apps", "from clusterexcellence.registry import register_nav"),
        ("accounts.models", "from django.db import models"),
    ],
)
def test_it_allows_the_public_modules_and_the_apps_own(module, source):
    assert forbidden_imports(module, source) == []


def test_it_finds_a_forbidden_import_in_a_module_on_disk(tmp_path):
    """A synthetic app below a temporary root, so the walk itself is proven, not only the rule."""
    (tmp_path / "benchmarking" / "views").mkdir(parents=True)
    (tmp_path / "benchmarking" / "__init__.py").write_text("")
    (tmp_path / "benchmarking" / "views" / "__init__.py").write_text("from ..statistics import quartiles\n")
    (tmp_path / "benchmarking" / "statistics.py").write_text(
        "from labels.selectors import verified_values\n\n\ndef quartiles():\n    from labels.models import Review\n"
    )

    assert violations(tmp_path, apps=["benchmarking"]) == ["benchmarking.statistics:5 imports labels.models.Review"]
