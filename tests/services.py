"""Tests that need a real service skip on a laptop without it, and fail under CI=true."""

import os
import shutil
import socket
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.db import connection

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def unavailable(reason: str):
    """Skip locally; in CI a missing service is a failure, never a silent skip."""
    if IN_CI:
        pytest.fail(f"CI requires this service: {reason}")
    pytest.skip(reason)


def _port_open(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=1):
            return True
    except OSError:
        return False


def require_postgres() -> None:
    if connection.vendor != "postgresql":
        unavailable("needs PostgreSQL: set DATABASE_URL=postgres://…")


def require_redis() -> str:
    url = settings.REDIS_URL
    if not url or not _port_open(url, 6379):
        unavailable("needs Redis: set REDIS_URL=redis://…")
    return url


def require_chromium() -> str:
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        unavailable("needs Chromium: apt-get install chromium")
    try:
        import playwright  # noqa: F401
    except ImportError:
        unavailable("needs Playwright for Python")
    return CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
