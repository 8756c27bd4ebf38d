"""Requests per second of the portal's key pages as a share of a bare Django view, same machine, same run.

    make bench-web                                  # the same as:
    .venv/bin/python bench/throughput.py            # 10,000 demo organisations in PostgreSQL
    .venv/bin/python bench/throughput.py --fresh    # drop the database and seed it again
    .venv/bin/python bench/throughput.py --only home,catalogue --seconds 3 --rounds 1
    BENCH_DATABASE=my_bench .venv/bin/python bench/throughput.py   # or --database my_bench

Sets up the database `ce_bench_web` (--database or BENCH_DATABASE; never the one in DATABASE_URL)
on the PostgreSQL server in DATABASE_URL (default: local) and seeds it once: a later run reuses it
while it holds the demo users and at least --orgs organisations, unless --fresh. Serves the portal
with production settings and its cache in Redis (BENCH_REDIS_URL, default database 14 of the local
server, emptied first) under gunicorn (2 workers) beside a bare Django project (one "hello"
view, startproject's middleware), signs the demo users in, and loads each page with wrk
(2 threads, 16 connections) alternately with the bare view, ROUNDS times. Prints page, requests per
second, the bare view's, the share and whether it meets its budget: public pages 50 %, signed-in
pages 15 %. API calls of a signed-in user send an API token, pages a session cookie. Stops what it
started. Needs wrk (Debian package `wrk`; installed when run as root).

Two-factor is switched off for the run (REQUIRE_2FA_FOR_PRIVILEGED=false): it decides who may sign
in, not what a page costs. A page is added by appending to PAGES; its path may use the names that
FIXTURES looks up.
"""

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = "ce_bench_web"
PORTAL_PORT, BARE_PORT = 8101, 8102
PUBLIC, SIGNED_IN = 50, 15  # budgets: percent of the bare view's requests per second
WARM_UP_SECONDS = 3


@dataclass(frozen=True)
class Page:
    name: str
    path: str  # may hold {names} that FIXTURES looks up
    user: str | None  # demo e-mail address, or None for an anonymous visitor
    budget: int

    @property
    def token(self) -> bool:
        """API calls of a user authenticate with an API token, as API clients do; pages with the session."""
        return self.user is not None and self.path.startswith("/api/")


MANAGER, ASSESSOR, BOARD, STAFF, MEMBER = (
    "manager@example.org",
    "assessor@example.org",
    "board@example.org",
    "staff@example.org",
    "member@example.org",
)
PAGES = [
    Page("home (anonymous)", "/", None, PUBLIC),
    Page("indicator catalogue (anonymous)", "/labels/catalogue/", None, PUBLIC),
    Page("GET /api/frameworks/current/", "/api/frameworks/current/", None, PUBLIC),
    Page("label register (anonymous)", "/labels/register/", None, PUBLIC),
    Page("label verification (anonymous)", "/labels/verify/{label}/", None, PUBLIC),
    Page("organisation directory (anonymous)", "/collaboration/organisations/", None, PUBLIC),
    Page("map of organisations (anonymous)", "/collaboration/map/", None, PUBLIC),
    Page("the profession (anonymous)", "/club/profession/", None, PUBLIC),
    Page("bare signed-in view (the floor)", "/bench/signed-in/", MANAGER, SIGNED_IN),
    Page("dashboard (manager)", "/dashboard/", MANAGER, SIGNED_IN),
    Page("dashboard (assessor)", "/dashboard/", ASSESSOR, SIGNED_IN),
    Page("dashboard (board)", "/dashboard/", BOARD, SIGNED_IN),
    Page("dashboard (staff)", "/dashboard/", STAFF, SIGNED_IN),
    Page("organisation list (manager)", "/organisations/", MANAGER, SIGNED_IN),
    Page("organisation page (manager)", "/organisations/{organisation}/", MANAGER, SIGNED_IN),
    Page("assessment task list", "/labels/assessments/{draft}/", MANAGER, SIGNED_IN),
    Page("self-assessment area page", "/labels/assessments/{draft}/areas/{area}/", MANAGER, SIGNED_IN),
    Page("score explanation", "/labels/assessments/{decided}/score/", MANAGER, SIGNED_IN),
    Page("assessor review", "/labels/assessments/{in_review}/review/", ASSESSOR, SIGNED_IN),
    Page("board decision", "/labels/assessments/{recommended}/decide/", BOARD, SIGNED_IN),
    Page("label page (manager)", "/labels/label/{label}/", MANAGER, SIGNED_IN),
    Page("benchmark page (manager)", "/benchmarking/organisations/{organisation}/", MANAGER, SIGNED_IN),
    Page("training home (manager)", "/training/", MANAGER, SIGNED_IN),
    Page("club directory (member)", "/club/members/", MEMBER, SIGNED_IN),
    Page("club events (member)", "/club/events/", MEMBER, SIGNED_IN),
    Page("cooperation postings (manager)", "/collaboration/postings/", MANAGER, SIGNED_IN),
    Page("GET /api/organisations/", "/api/organisations/", MANAGER, SIGNED_IN),
    Page("GET /api/assessments/", "/api/assessments/", MANAGER, SIGNED_IN),
    Page("GET /api/assessments/{id}/", "/api/assessments/{draft}/", MANAGER, SIGNED_IN),
]

FIXTURES = r"""
import json
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from accounts.api_tokens import api_token_create
from accounts.models import User
from labels.models import Assessment, Label
emails = json.loads(ARGS)
ASSESSOR, BOARD = "assessor@example.org", "board@example.org"
sessions, tokens = {}, {}
for user in User.objects.filter(email__in=emails):
    tokens[user.email] = api_token_create(user=user, name="bench/throughput.py")[1]
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    sessions[user.email] = store.session_key
manager = User.objects.get(email="manager@example.org")
mine = Assessment.objects.filter(organisation__memberships__user=manager, organisation__memberships__left_at=None)
def first(queryset, **filters):
    found = queryset.filter(**filters).order_by("-created_at").first()
    return str(found.public_id) if found else None
draft = mine.select_related("framework").order_by("-created_at").first()  # the manager's latest application
print(json.dumps({
    "sessions": sessions,
    "tokens": tokens,
    "organisation": mine.first().organisation.slug if mine.exists() else manager.memberships.first().organisation.slug,
    "draft": str(draft.public_id) if draft else None,
    "area": draft.framework.areas.order_by("position").first().code if draft else None,
    "decided": first(mine, status__in=["approved", "rejected"]),
    "in_review": first(Assessment.objects.filter(assignments__assessor__email=ASSESSOR), status="in_review"),
    "recommended": first(Assessment.objects.exclude(assignments__assessor__email=BOARD), status="recommended"),
    "label": str(Label.objects.filter(organisation__memberships__user=manager).values_list("public_id", flat=True)
                 .first()),
}))
"""


def _wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0:
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk"],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        return shutil.which("wrk") or sys.exit("wrk did not install")
    sys.exit("wrk is missing: apt-get install wrk")


def _database_url(name: str, orgs: int, fresh: bool) -> tuple[str, bool]:
    """The bench database's URL, and whether it already holds a finished seed of `orgs` organisations."""
    import psycopg

    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        sys.exit(f"--database {name!r}: use lower-case letters, digits and underscores")
    server = urlparse(os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres")
    if not server.scheme.startswith("postgres"):
        sys.exit("DATABASE_URL must name a PostgreSQL server")
    if server.path.lstrip("/") == name:
        sys.exit(f"{name} is the database in DATABASE_URL: the benchmark drops and seeds its own, choose another")
    url = urlunparse(server._replace(path=f"/{name}"))
    with psycopg.connect(urlunparse(server._replace(path="/postgres")), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    seeded = False
    if exists and not fresh:
        with psycopg.connect(url) as conn:
            try:  # seed_demo runs last: a database it finished holds the demo manager and all organisations
                seeded = conn.execute(
                    "SELECT (SELECT count(*) FROM accounts_organisation) >= %s"
                    " AND EXISTS (SELECT 1 FROM accounts_user WHERE email = %s)",
                    [orgs, MANAGER],
                ).fetchone()[0]
            except psycopg.errors.UndefinedTable:
                seeded = False
    if not seeded:
        with psycopg.connect(urlunparse(server._replace(path="/postgres")), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
    return url, seeded


def _env(database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "CI")}
    return env | {
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench.portal_settings",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "REQUIRE_2FA_FOR_PRIVILEGED": "false",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def _manage(env: dict, *args: str, stdin: str | None = None) -> str:
    dev = env | {"DJANGO_SETTINGS_MODULE": "clusterexcellence.settings.development"}
    use = dev if args[0] in ("seed_demo",) else env
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=use, check=True, capture_output=True, text=True, input=stdin
    )
    return result.stdout


def _redis_url() -> str:
    """A Redis database of its own for the portal's cache, emptied first: production caches in Redis."""
    import redis

    url = os.environ.get("BENCH_REDIS_URL") or "redis://127.0.0.1:6379/14"
    try:
        redis.Redis.from_url(url).flushdb()
    except redis.ConnectionError:
        sys.exit(f"Redis is not reachable at {url} (BENCH_REDIS_URL): start redis-server")
    return url


def _serve(env: dict, app: str, port: int, log: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", app, "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    probe = "healthz" if port == PORTAL_PORT else "hello"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/{probe}", timeout=5)  # noqa: S310
            return process
        except OSError:  # not listening yet, or still importing
            time.sleep(0.2)
    sys.exit(f"gunicorn on port {port} did not start; see {log}")


def _get(url: str, headers: dict) -> int:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    try:
        return urllib.request.urlopen(request, timeout=30).status  # noqa: S310
    except urllib.error.HTTPError as error:
        return error.code


def _rps(wrk: str, url: str, headers: dict, seconds: int) -> float:
    args = [wrk, "-t2", "-c16", f"-d{seconds}s", url]
    for name, value in headers.items():
        args[1:1] = ["-H", f"{name}: {value}"]
    output = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in output:
        sys.exit(f"{url} answered errors under load:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=10000)
    parser.add_argument(
        "--database",
        default=os.environ.get("BENCH_DATABASE") or DEFAULT_DATABASE,
        help="the bench database's name (default: BENCH_DATABASE or %(default)s)",
    )
    parser.add_argument("--fresh", action="store_true", help="drop and seed the database even if it is seeded")
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="page/bare alternations per page (median taken)")
    parser.add_argument("--only", default="", help="comma-separated substrings of page names")
    options = parser.parse_args()
    wrk = _wrk()

    url, reused = _database_url(options.database, options.orgs, options.fresh)
    env = _env(url)
    if not reused:
        print(f"Seeding {options.orgs} organisations into {options.database}…", flush=True)
        _manage(env, "migrate", "--no-input")
        _manage(env, "import_framework", "labels/data/cme-demo-2026.yaml", "--if-missing")
        _manage(env, "seed_demo", f"--orgs={options.orgs}", "--seed=1", "--no-logins")
    _manage(env, "collectstatic", "--no-input")
    emails = sorted({page.user for page in PAGES if page.user})
    shell = _manage(env, "shell", "-c", f"ARGS = {json.dumps(json.dumps(emails))}\n{FIXTURES}")
    fixtures = json.loads(shell.strip().splitlines()[-1])

    logs = ROOT / "bench" / "output"
    logs.mkdir(exist_ok=True)
    portal = env | {"REDIS_URL": _redis_url()}
    servers = [
        _serve(portal, "clusterexcellence.wsgi:application", PORTAL_PORT, logs / "portal.log"),
        _serve(env | {"DJANGO_SETTINGS_MODULE": "bench.bare.settings"}, "bench.bare.wsgi:application", BARE_PORT,
               logs / "bare.log"),
    ]  # fmt: skip
    bare = f"http://127.0.0.1:{BARE_PORT}/hello"
    rows = []
    try:
        for page in PAGES:
            if options.only and not any(part in page.name for part in options.only.split(",")):
                continue
            try:
                path = page.path.format(**fixtures)
            except KeyError:
                continue
            if "None" in path:
                print(f"skipped {page.name}: the demo has no such object", flush=True)
                continue
            headers = {}
            if page.token:
                headers["Authorization"] = f"Token {fixtures['tokens'][page.user]}"
            elif page.user:
                headers["Cookie"] = f"sessionid={fixtures['sessions'][page.user]}"
            url = f"http://127.0.0.1:{PORTAL_PORT}{path}"
            status = _get(url, headers)
            if status != 200:
                sys.exit(f"{page.name}: GET {path} answered {status}")
            # Warm-up: both workers fill their caches (benchmarking's population takes a few seconds).
            _rps(wrk, url, headers, WARM_UP_SECONDS)
            page_rps, bare_rps = [], []
            for _ in range(options.rounds):
                bare_rps.append(_rps(wrk, bare, {}, options.seconds))
                page_rps.append(_rps(wrk, url, headers, options.seconds))
            row = (page, statistics.median(page_rps), statistics.median(bare_rps))
            rows.append(row)
            print(f"{page.name:45} {row[1]:8.0f} {row[2]:8.0f} {row[1] / row[2]:6.1%}", flush=True)
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)

    print("\n| page | requests/s | bare requests/s | share | budget | meets |")
    print("|---|---:|---:|---:|---:|---|")
    for page, page_rps, bare_rps in rows:
        share = page_rps / bare_rps * 100
        meets = "yes" if share >= page.budget else "**no**"
        print(f"| {page.name} | {page_rps:.0f} | {bare_rps:.0f} | {share:.0f} % | {page.budget} % | {meets} |")


if __name__ == "__main__":
    main()
