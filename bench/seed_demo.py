"""Time `manage.py seed_demo --orgs N` into a fresh database and print the seconds.

    .venv/bin/python bench/seed_demo.py                      # SQLite in a temporary file
    .venv/bin/python bench/seed_demo.py --database postgres  # a fresh database on the server in
                                                             # DATABASE_URL (default: local postgres)

The target is under a minute for 10,000 organisations on 2 cores.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent


def _bench_database() -> str:
    """test_<the database in DATABASE_URL>_seed_demo: each checkout's own name, beside its test databases."""
    name = urlparse(os.environ.get("DATABASE_URL") or "").path.lstrip("/") or "clusterexcellence"
    return f"test_{name}_seed_demo"


BENCH_DATABASE = _bench_database()


def _postgres(*statements: str) -> str:
    """Run statements on the server in DATABASE_URL (default: local); return the bench database's URL."""
    import psycopg

    server = urlparse(os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres")
    if not server.scheme.startswith("postgres"):
        sys.exit("DATABASE_URL must name a PostgreSQL server for --database postgres")
    with psycopg.connect(urlunparse(server._replace(path="/postgres")), autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)
    return urlunparse(server._replace(path=f"/{BENCH_DATABASE}"))


def _manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="ce-bench-") as tmp:
        if options.database == "sqlite":
            url = f"sqlite:///{tmp}/bench.sqlite3"
        else:
            url = _postgres(f"DROP DATABASE IF EXISTS {BENCH_DATABASE}", f"CREATE DATABASE {BENCH_DATABASE}")
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "clusterexcellence.settings.development"}
        env.pop("REDIS_URL", None)  # demo hooks may enqueue work; run it in-process, not on a shared broker
        _manage(env, "migrate", "--verbosity=0")
        started = time.monotonic()
        _manage(env, "seed_demo", f"--orgs={options.orgs}", f"--seed={options.seed}", "--no-logins")
        seconds = time.monotonic() - started
    if options.database == "postgres":
        _postgres(f"DROP DATABASE {BENCH_DATABASE}")
    print(f"seed_demo --orgs {options.orgs} on {options.database}: {seconds:.1f} s")


if __name__ == "__main__":
    main()
