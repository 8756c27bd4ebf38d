"""How many people autosaving at once a server on SQLite (or PostgreSQL) serves.

    .venv/bin/python bench/concurrent_writes.py                        # SQLite; 10, 25, 50, 100 users
    .venv/bin/python bench/concurrent_writes.py --users 50 200 --seconds 30
    .venv/bin/python bench/concurrent_writes.py --database postgres    # a fresh database (--name) on the
                                                                       # server in DATABASE_URL

Each simulated person has an organisation and a Gold draft of their own and saves one answer every
--pause seconds (autosave while typing: htmx saves 0.8 s after the last key), through the same
endpoint as the area page, signed in with a session. The server is gunicorn with --workers and
--threads, as in production. For each number of people it prints saves per second, the median,
95th percentile and slowest answer time, and the saves that failed (anything but 200). Requests go
to 127.0.0.1 only, and every run stops after --seconds.
"""

import argparse
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.seed_demo import _postgres  # noqa: E402


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prepare(people: int) -> list[dict]:
    """Migrate, import the catalogue, and make one owner with a Gold draft and a session per person."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from accounts.choices import MembershipRole
    from accounts.models import Membership, Organisation, User
    from labels import transitions
    from labels.catalogue_import import framework_import
    from labels.demo import DEMO_CATALOGUE

    call_command("migrate", verbosity=0)
    framework = framework_import(DEMO_CATALOGUE)
    codes = list(framework.indicators.filter(kind__in=["integer", "percent"]).values_list("code", flat=True))
    sessions = []
    for number in range(people):
        user = User.objects.create_user(f"bench{number}@example.test")
        organisation = Organisation.objects.create(
            slug=f"bench-{number}", name=f"Bench Cluster {number}", country="DE", sector="ict", year_founded=2010
        )
        Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.OWNER)
        draft = transitions.assessment_start(organisation=organisation, level="gold", by=user)
        client = Client()
        client.force_login(user)
        csrf = secrets.token_hex(16)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        sessions.append(
            {
                "path": f"/labels/assessments/{draft.public_id}/answers/",
                "codes": codes,
                "headers": {
                    "Cookie": f"{settings.SESSION_COOKIE_NAME}={session}; csrftoken={csrf}",
                    "X-CSRFToken": csrf,
                    "HX-Request": "true",
                    "Content-Type": "application/x-www-form-urlencoded",
                },
            }
        )
    return sessions


def _save(base: str, person: dict, step: int) -> tuple[float, int]:
    code = person["codes"][step % len(person["codes"])]
    body = f"value={step % 90 + 1}&comment=step+{step}".encode()
    request = urllib.request.Request(f"{base}{person['path']}{code}/", data=body, headers=person["headers"])
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return time.monotonic() - started, status


def _run(base: str, people: list[dict], seconds: float, pause: float) -> dict:
    results: list[tuple[float, int]] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def person_types(person: dict, offset: float) -> None:
        time.sleep(offset)  # people do not all start typing in the same millisecond
        step = 0
        while time.monotonic() < deadline:
            took, status = _save(base, person, step)
            with lock:
                results.append((took, status))
            step += 1
            time.sleep(max(0.0, pause - took))

    threads = [
        threading.Thread(target=person_types, args=(person, pause * n / len(people))) for n, person in enumerate(people)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times = sorted(took for took, _status in results)
    return {
        "saves": len(results),
        "per_second": len(results) / seconds,
        "median": statistics.median(times),
        "p95": times[int(len(times) * 0.95) - 1],
        "max": times[-1],
        "failed": sum(1 for _took, status in results if status != 200),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--users", type=int, nargs="+", default=[10, 25, 50, 100])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--pause", type=float, default=2.0, help="seconds between one person's saves")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--name", default="ce_bench_concurrent_writes", help="the PostgreSQL database to recreate")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="ce-bench-") as tmp:
        if options.database == "sqlite":
            url = f"sqlite:///{tmp}/bench.sqlite3"
        else:
            url = _postgres(f"DROP DATABASE IF EXISTS {options.name}", f"CREATE DATABASE {options.name}")
            url = url.rsplit("/", 1)[0] + f"/{options.name}"
        os.environ.update(
            DATABASE_URL=url, DJANGO_SETTINGS_MODULE="clusterexcellence.settings.development", DEBUG="false"
        )
        os.environ.pop("REDIS_URL", None)
        people = _prepare(max(options.users))
        from django.db import connections

        connections.close_all()  # the server has its own; this one would keep the database busy
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "clusterexcellence.wsgi", f"--bind=127.0.0.1:{port}",
             f"--workers={options.workers}", f"--threads={options.threads}", "--log-level=warning"],
            cwd=ROOT, env=os.environ,
        )  # fmt: skip
        try:
            time.sleep(3)
            _run(f"http://127.0.0.1:{port}", people[:10], 3, options.pause)  # warm up: imports, connections
            print(f"{options.database}, gunicorn {options.workers} workers × {options.threads} threads, "
                  f"one save every {options.pause:g} s per person, {options.seconds:g} s per run")  # fmt: skip
            print("people  saves/s  median   p95      max      failed")
            for count in options.users:
                row = _run(f"http://127.0.0.1:{port}", people[:count], options.seconds, options.pause)
                print(
                    f"{count:>6}  {row['per_second']:>7.1f}  {row['median']:>6.3f}s  {row['p95']:>6.3f}s  "
                    f"{row['max']:>6.3f}s  {row['failed']:>6}"
                )
        finally:
            server.terminate()
            server.wait()
    if options.database == "postgres":
        _postgres(f"DROP DATABASE {options.name}")


if __name__ == "__main__":
    main()
