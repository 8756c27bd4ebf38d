"""`make run` (and `make worker`) give e-mail links the address of the server they start."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHOW = ["make", "-s", "--no-print-directory", "--eval", "show-site-url: ; @echo $$SITE_URL", "show-site-url"]


def site_url_seen_by_recipes(**variables) -> str:
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    env.update(variables.pop("environment", {}))
    arguments = [f"{key}={value}" for key, value in variables.items()]
    result = subprocess.run(SHOW + arguments, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return result.stdout.strip()


pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def test_the_site_url_follows_the_port():
    assert site_url_seen_by_recipes(PORT="8123") == "http://127.0.0.1:8123"


def test_the_default_port_gives_the_default_site_url():
    assert site_url_seen_by_recipes() == "http://127.0.0.1:8000"


def test_a_site_url_from_the_environment_wins():
    assert site_url_seen_by_recipes(PORT="8123", environment={"SITE_URL": "https://portal.example"}) == (
        "https://portal.example"
    )
