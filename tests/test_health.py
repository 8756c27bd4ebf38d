"""/healthz reports the database, cache and broker, and answers 503 when one is down."""

import socket

import pytest
from django.db import connection

from .services import require_postgres, require_redis


def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_it_answers_200_when_everything_is_up(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"] == "ok"
    assert body["checks"]["broker"] == "in-process"  # the test settings run tasks eagerly


def test_it_is_never_cached(client, db):
    response = client.get("/healthz")

    assert "no-cache" in response["Cache-Control"]


def test_it_needs_no_sign_in(client, db):
    assert client.get("/healthz").status_code == 200


def test_it_checks_a_real_broker_when_one_is_configured(client, db, settings):
    settings.CELERY_BROKER_URL = require_redis()
    settings.CELERY_TASK_ALWAYS_EAGER = False

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["checks"]["broker"] == "ok"


def test_it_answers_503_when_the_broker_is_down(client, db, settings):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{closed_port()}/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["broker"].startswith("error:")
    assert body["checks"]["database"] == "ok"


@pytest.mark.django_db(transaction=True)
def test_it_answers_503_when_the_database_is_down(client):
    # A real unreachable server: PostgreSQL on a port nothing listens on. (SQLite's in-memory test
    # database cannot be disconnected without destroying it.)
    require_postgres()
    original_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = closed_port()
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = original_port

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["database"].startswith("error: OperationalError")
    assert body["checks"]["cache"] == "ok"
