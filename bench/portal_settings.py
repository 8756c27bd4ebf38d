"""The portal's production settings plus one bare signed-in view: the floor a signed-in page can
reach on the same stack (the portal's middleware, the session and the user read as for any page)."""

from clusterexcellence.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.portal_urls"
# The cache is Redis, as in production; no worker runs beside the benchmark: tasks run in-process.
CELERY_TASK_ALWAYS_EAGER = True
