"""manage.py seed_demo: demonstration organisations and one login per role.

Deterministic and idempotent: the same --orgs and --seed always give the same organisations, and a
second run creates nothing. Refused unless settings.SEED_DEMO_ALLOWED (False in production).

Other apps add their own demo data (assessments, labels, postings…) without accounts importing
them: give the app a `demo.py` with

    def seed(rng: random.Random, organisations: list[Organisation], users: dict[str, User]) -> None

It is called after the organisations and users exist, in INSTALLED_APPS order, inside the same
transaction, with its own Random derived from --seed. `organisations` is in a stable order
(0: Bavarian Mobility Cluster, 1: Catalan Food Cluster, then the generated ones); `users` maps
the demo e-mail addresses to users. A hook must be idempotent too: look before creating.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.demo import demo_logins, demo_seed


class Command(BaseCommand):
    help = "Create demonstration organisations and demo logins (idempotent; refused in production)."

    def add_arguments(self, parser):
        parser.add_argument("--orgs", type=int, default=300, help="organisations, at least 2 (default 300)")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument("--no-logins", action="store_true", help="do not print the logins table")
        parser.add_argument("--no-hooks", action="store_true", help="only accounts' data, not the other apps' demo.py")

    def handle(self, *args, orgs, seed, no_logins, no_hooks, **options):
        if not settings.SEED_DEMO_ALLOWED:
            raise CommandError("Demo data is not allowed here (SEED_DEMO_ALLOWED is False, as in production).")
        if orgs < 0:
            raise CommandError("--orgs must be zero or more.")
        started = time.monotonic()
        result = demo_seed(orgs=orgs, seed=seed, hooks=not no_hooks)
        self.stdout.write(
            f"Demo data: {result.organisations_created} organisations created "
            f"({len(result.organisations) - result.organisations_created} existed), "
            f"{result.users_created} users created, hooks: {', '.join(result.hooks) or 'none'} "
            f"({time.monotonic() - started:.1f}s)."
        )
        if not no_logins:
            self._print_logins()

    def _print_logins(self):
        rows = [("E-mail", "Password", "Role"), *demo_logins()]
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        lines = [
            " | ".join(value.ljust(width) for value, width in zip(row, widths, strict=True)).rstrip() for row in rows
        ]
        lines.insert(1, "-+-".join("-" * width for width in widths))
        self.stdout.write(self.style.SUCCESS("\nDemo logins:"))
        self.stdout.write("\n".join(lines) + "\n")
