"""Fast, isolated settings for the test suite."""

import hashlib
import os
import tempfile
from pathlib import Path

from clusterexcellence.env import env_bool

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A worker that a test starts (tests/fixtures_worker.py) writes its e-mails to files the test counts.
if os.environ.get("TEST_EMAIL_DIR"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["TEST_EMAIL_DIR"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ce-test-media-"))
REQUIRE_2FA_FOR_PRIVILEGED = False
SEED_DEMO_ALLOWED = True
# Tasks run in-process unless a test starts a real worker (tests/fixtures_worker.py); that worker
# runs with CELERY_EAGER=false. Each pytest-xdist process has its own queue, so one process's worker
# never takes another's task (whose job row lives in another test database).
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_EAGER", True)
# The checkout's path is part of the name, so two clones testing on one Redis never share a queue.
CELERY_TASK_DEFAULT_QUEUE = "-".join(
    ["test", hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:8], os.environ.get("PYTEST_XDIST_WORKER", "main")]
)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHE_PAGES = True  # one process; a test with a real worker switches it off (fixtures_worker.py)
ACCOUNT_RATE_LIMITS = False
# A code computed by a test may be checked a moment later, across the 30-second boundary on a busy
# machine: the tests accept the neighbouring period too (production keeps allauth's default of 0).
MFA_TOTP_TOLERANCE = 1
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# Static files straight from the finders (the live server for browser tests): no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, not memory: the browser tests' live server writes from several threads, and an
    # in-memory database refuses a concurrent writer at once instead of waiting for it.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"ce-test-{os.getpid()}.sqlite3")
    }
