"""PostgreSQL: the pg_trgm extension and a trigram index for the directory's typo-tolerant search
(nothing on SQLite, which searches without it). Then the members who held the old
`User.is_club_member` flag become approved club members, before accounts drops the flag."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations
from django.utils import timezone

INDEX = "club_profile_search_trgm"


def _on_postgres(schema_editor) -> bool:
    return schema_editor.connection.vendor == "postgresql"


def create_index(apps, schema_editor):
    if _on_postgres(schema_editor):
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON club_profile USING gin (search_text gin_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if _on_postgres(schema_editor):
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


def carry_over_flags(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    ClubMembership = apps.get_model("club", "ClubMembership")
    Profile = apps.get_model("club", "Profile")
    now = timezone.now()
    for user in User.objects.filter(is_club_member=True).exclude(club_membership__isnull=False):
        name = f"{user.first_name} {user.last_name}".strip() or "Club member"
        ClubMembership.objects.create(
            user=user, name=name, status="approved", motivation="", organisation="", role="", applied_at=now,
            decided_at=now,
        )
        Profile.objects.get_or_create(user=user, defaults={"name": name, "search_text": name.lower()})


class Migration(migrations.Migration):
    dependencies = [
        ("club", "0001_initial"),
        ("accounts", "0002_user_language"),
    ]
    run_before = [("accounts", "0003_remove_user_is_club_member")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_index, drop_index),
        migrations.RunPython(carry_over_flags, migrations.RunPython.noop),
    ]
