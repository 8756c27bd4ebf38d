"""Local development and the demo: debug on, generated secret key, demo data allowed."""

from clusterexcellence.env import development_secret_key, env_bool, env_str

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY") or development_secret_key(BASE_DIR / ".secret_key")
REQUIRE_2FA_FOR_PRIVILEGED = env_bool("REQUIRE_2FA_FOR_PRIVILEGED", False)
SEED_DEMO_ALLOWED = True
# The development server is one process: its memory is a cache every request shares. A change
# made from another process (a management command) shows within page_cache.PRIVATE_TIMEOUT.
CACHE_PAGES = env_bool("CACHE_PAGES", True)
# Runserver serves static files from the finders; no manifest needed before collectstatic.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
