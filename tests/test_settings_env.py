"""Settings come from the environment and refuse to start on a missing or malformed value."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from clusterexcellence.env import development_secret_key, env_bool, env_int, env_list, env_required, env_str

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "clusterexcellence.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-this-test-only-0123456789",
    "ALLOWED_HOSTS": "portal.example.org",
}


def run_django(code: str, **env: str) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter with only the given variables (plus PATH) set."""
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={"PATH": os.environ.get("PATH", ""), **env},
    )  # fmt: skip


@pytest.mark.parametrize("raw", ["maybe", "ja", "2"])
def test_env_bool_refuses_a_malformed_value(monkeypatch, raw):
    monkeypatch.setenv("FEATURE", raw)
    with pytest.raises(ImproperlyConfigured, match="FEATURE"):
        env_bool("FEATURE")


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("Yes", True), ("1", True), ("off", False), ("", False)])
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("FEATURE", raw)
    assert env_bool("FEATURE", not expected) is expected


def test_env_bool_uses_the_default_when_unset(monkeypatch):
    monkeypatch.delenv("FEATURE", raising=False)
    assert env_bool("FEATURE", True) is True


def test_env_int_refuses_a_malformed_value(monkeypatch):
    monkeypatch.setenv("SIZE", "ten")
    with pytest.raises(ImproperlyConfigured, match="SIZE must be an integer"):
        env_int("SIZE", 10)


def test_env_int_reads_a_number_and_defaults_when_blank(monkeypatch):
    monkeypatch.setenv("SIZE", "12")
    assert env_int("SIZE", 10) == 12
    monkeypatch.setenv("SIZE", " ")
    assert env_int("SIZE", 10) == 10


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("HOSTS", "a.example, b.example,,")
    assert env_list("HOSTS") == ["a.example", "b.example"]


def test_env_required_refuses_a_missing_or_blank_value(monkeypatch):
    monkeypatch.setenv("TOKEN", "  ")
    with pytest.raises(ImproperlyConfigured, match="TOKEN must be set"):
        env_required("TOKEN")


def test_env_str_returns_the_default_when_unset(monkeypatch):
    monkeypatch.delenv("NAME_X", raising=False)
    assert env_str("NAME_X", "fallback") == "fallback"


def test_development_secret_key_is_generated_once_and_kept_private(tmp_path):
    path = tmp_path / ".secret_key"
    key = development_secret_key(path)
    assert len(key) >= 50
    assert development_secret_key(path) == key
    assert path.stat().st_mode & 0o077 == 0


def test_production_refuses_to_start_without_a_secret_key():
    env = {key: value for key, value in PRODUCTION.items() if key != "SECRET_KEY"}
    result = run_django("import django; django.setup()", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {key: value for key, value in PRODUCTION.items() if key != "ALLOWED_HOSTS"}
    result = run_django("import django; django.setup()", **env)
    assert "ImproperlyConfigured" in result.stderr
    assert "ALLOWED_HOSTS" in result.stderr


def test_a_malformed_variable_stops_production_at_start_up():
    result = run_django("import django; django.setup()", **PRODUCTION, SECURE_HSTS_SECONDS="a year")
    assert "ImproperlyConfigured" in result.stderr
    assert "SECURE_HSTS_SECONDS" in result.stderr


def test_production_passes_the_deployment_checklist_without_warnings():
    result = run_django(
        "from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_sqlite_lets_readers_and_a_waiting_writer_share_the_database():
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the SQLite options only apply to the embedded default")
    with connection.cursor() as cursor:
        journal_mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        busy_timeout = cursor.execute("PRAGMA busy_timeout").fetchone()[0]

    assert journal_mode == "wal"
    assert busy_timeout == 20_000
    assert connection.transaction_mode == "IMMEDIATE"
