"""A real Celery worker on Redis for tests that must prove work leaves the web process.

Load with `pytest_plugins = ["tests.fixtures_worker"]` and ask for the `celery_worker` fixture in a
`transaction=True` test: job rows must be committed for the worker, which has its own database
connection, to see them. `celery_worker.wait_for(job)` polls the job row until it finishes.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from clusterexcellence.celery import app as celery_app
from clusterexcellence.models import Job

from .services import require_postgres, require_redis

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
START_TIMEOUT = 60
JOB_TIMEOUT = 60


def worker_database_url() -> str:
    """A DATABASE_URL for the database pytest-django created (test_<name>, per xdist process)."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    """One `celery worker` subprocess consuming this test process's queue."""

    def __init__(self, redis_url: str):
        self.queue = settings.CELERY_TASK_DEFAULT_QUEUE
        self.log_path = ARTIFACTS / f"celery-worker-{self.queue}.log"
        self.mail_dir = ARTIFACTS / f"mail-{self.queue}"
        shutil.rmtree(self.mail_dir, ignore_errors=True)
        self.mail_dir.mkdir(parents=True)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "clusterexcellence.settings.test",
            "DATABASE_URL": worker_database_url(),
            "REDIS_URL": redis_url,
            "CELERY_EAGER": "false",
            "TEST_EMAIL_DIR": str(self.mail_dir),
        }
        ARTIFACTS.mkdir(exist_ok=True)
        self._log = self.log_path.open("w")
        self.start()

    def start(self) -> None:
        """Start the worker process (again, after kill()); the log goes on in the same file."""
        log_start = len(self.log())
        # The ready line tells us the worker consumes; waiting for it keeps start-up out of job timeouts.
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "clusterexcellence", "worker", "--pool=solo", "--concurrency=1",
             "-Q", self.queue, "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=INFO"],
            cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self._wait_until_ready(log_start)

    def kill(self) -> None:
        """SIGKILL, as the kernel's OOM killer or a lost machine would: no warm shutdown, no acknowledgement."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=20)

    def _wait_until_ready(self, log_start: int) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"The Celery worker exited with {self.process.returncode}:\n{self.log()}")
            if " ready." in self.log()[log_start:]:
                return
            time.sleep(0.2)
        self.stop()
        pytest.fail(f"The Celery worker was not ready within {START_TIMEOUT}s:\n{self.log()}")

    def wait_for(self, job: Job, timeout: float = JOB_TIMEOUT) -> Job:
        """Poll the job row until it is done or failed; fail the test with the worker's log on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.is_finished:
                return job
            time.sleep(0.2)
        pytest.fail(f"Job {job.pk} ({job.kind}) still {job.status} after {timeout}s.\n{self.log()}")

    def sent_emails(self, to: str) -> list[str]:
        """The e-mails the worker sent to `to` so far (headers and body, as Django's file backend
        writes them). By recipient, since the worker serves every worker test of this process."""
        text = "".join(path.read_text(errors="replace") for path in sorted(self.mail_dir.glob("*.log")))
        return [message for message in text.split("-" * 79) if f"\nTo: {to}\n" in message]

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # warm shutdown: finish the current task first
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


@pytest.fixture(scope="session")
def _celery_worker_process(django_db_setup):
    """Started once per test process (on first use); the test database name is known only now."""
    require_postgres()  # SQLite's in-memory test database cannot be shared with another process
    worker = Worker(require_redis())
    yield worker
    worker.stop()


@pytest.fixture
def celery_worker(request, transactional_db, _celery_worker_process):
    """The running worker; tasks enqueued in this test go to it instead of running in-process."""
    conf = celery_app.conf
    saved = conf.task_always_eager, conf.broker_url
    conf.task_always_eager = False
    conf.broker_url = settings.CELERY_BROKER_URL
    # The worker's writes change table versions in its own memory (the tests' cache), which this
    # process does not see: cached signed-in pages need a cache both share, as Redis in production.
    with override_settings(CACHE_PAGES=False):
        yield _celery_worker_process
    conf.task_always_eager, conf.broker_url = saved
    if _celery_worker_process.process.poll() is not None:
        _celery_worker_process.start()  # a test killed it: the next test needs it running
