"""seed_demo: deterministic, idempotent demonstration data with one login per role."""

import random
import statistics
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.choices import MembershipRole, Sector, ServiceCategory
from accounts.demo import COUNTRIES, DEMO_PASSWORD, DEMO_USERS, _organisation_specs, demo_seed
from accounts.models import AssessorProfile, Membership, Organisation, User

pytestmark = pytest.mark.django_db


def seed_demo(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    return {
        "organisations": list(Organisation.objects.order_by("slug").values_list("slug", "name", "updated_at")),
        "users": list(User.objects.order_by("email").values_list("email", "password", "last_login")),
        "memberships": list(Membership.objects.order_by("pk").values_list("user__email", "organisation__slug", "role")),
        "addresses": EmailAddress.objects.count(),
        "assessors": AssessorProfile.objects.count(),
    }


def test_it_refuses_where_demo_data_is_not_allowed(settings):
    settings.SEED_DEMO_ALLOWED = False

    with pytest.raises(CommandError, match="SEED_DEMO_ALLOWED"):
        seed_demo("--orgs", "5")
    assert not Organisation.objects.exists()


def test_it_refuses_a_negative_count():
    with pytest.raises(CommandError):
        seed_demo("--orgs", "-1")


def test_it_creates_the_organisations_and_prints_the_logins():
    output = seed_demo("--orgs", "5", "--seed", "1")

    assert Organisation.objects.count() == 5
    assert "5 organisations created" in output
    for demo in DEMO_USERS:
        assert demo.email in output
    assert DEMO_PASSWORD in output


def test_a_second_run_changes_nothing():
    # With every app's hook: few organisations, because the other apps' demo data is rich.
    seed_demo("--orgs", "5", "--seed", "1")
    before = snapshot()

    output = seed_demo("--orgs", "5", "--seed", "1")

    assert snapshot() == before
    assert "0 organisations created (5 existed), 0 users created" in output


def test_it_can_leave_out_the_other_apps_data():
    output = seed_demo("--orgs", "5", "--no-hooks", "--no-logins")

    assert "hooks: none" in output
    assert "manager@example.org" not in output


def test_a_larger_count_adds_organisations_without_changing_the_first_ones():
    demo_seed(orgs=20, seed=1, hooks=False)
    first = set(Organisation.objects.values_list("slug", "updated_at"))

    demo_seed(orgs=30, seed=1, hooks=False)

    assert Organisation.objects.count() == 30
    assert first <= set(Organisation.objects.values_list("slug", "updated_at"))


def test_the_same_seed_gives_the_same_organisations_and_another_seed_others():
    assert _organisation_specs(200, random.Random(7)) == _organisation_specs(200, random.Random(7))
    assert _organisation_specs(200, random.Random(7)) != _organisation_specs(200, random.Random(8))


def test_slugs_are_unique_and_websites_follow_them():
    specs = _organisation_specs(3000, random.Random(1))

    slugs = [spec["slug"] for spec in specs]
    assert len(set(slugs)) == len(slugs)
    assert all(spec["website"] == f"https://{spec['slug']}.example.eu" for spec in specs)


def test_the_organisations_look_like_the_real_population():
    specs = _organisation_specs(3000, random.Random(1))

    totals = [sum(value for key, value in spec.items() if key.startswith("participants_")) for spec in specs]
    sme_shares = [spec["participants_sme"] / total for spec, total in zip(specs, totals, strict=True) if total]
    large_shares = [spec["participants_large"] / total for spec, total in zip(specs, totals, strict=True) if total]
    assert 45 <= statistics.median(totals) <= 75
    assert any(total < 15 for total in totals)  # some fail the eligibility rule
    assert 0.74 <= statistics.median(sme_shares) <= 0.86
    assert 0.06 <= statistics.median(large_shares) <= 0.12
    assert all(0.3 <= spec["staff_fte"] <= 12 for spec in specs)
    assert all(1990 <= spec["year_founded"] <= 2024 for spec in specs[2:])
    assert {spec["country"] for spec in specs} == {code for code, _weight, _regions in COUNTRIES}
    assert {spec["sector"] for spec in specs} == set(Sector.values)
    assert all(set(spec["services"]) <= set(ServiceCategory.values) for spec in specs)


def test_the_demo_organisations_are_valid_models():
    demo_seed(orgs=30, seed=1, hooks=False)

    for organisation in Organisation.objects.all():
        organisation.full_clean()


def test_the_managers_own_their_organisations_and_the_viewer_reads():
    result = demo_seed(orgs=10, seed=1, hooks=False)
    bavarian, catalan = result.organisations[:2]

    def role(email, organisation):
        return Membership.objects.active().get(user__email=email, organisation=organisation).role

    assert bavarian.name == "Bavarian Mobility Cluster"
    assert role("manager@example.org", bavarian) == MembershipRole.OWNER
    assert role("viewer@example.org", bavarian) == MembershipRole.VIEWER
    assert role("manager2@example.org", catalan) == MembershipRole.OWNER


def test_the_assessors_have_profiles_and_no_conflict_with_the_managed_organisations():
    result = demo_seed(orgs=10, seed=1, hooks=False)

    for email in ("assessor@example.org", "assessor2@example.org"):
        user = User.objects.get(email=email)
        assert user.is_assessor
        assert not user.memberships.exists()
        assert not user.declared_conflicts.filter(pk__in=[o.pk for o in result.organisations[:2]])


def test_each_role_has_its_login():
    demo_seed(orgs=2, seed=1, hooks=False)

    assert User.objects.get(email="board@example.org").is_board_member
    assert User.objects.filter(email="member@example.org").exists()  # the club makes it a member (tests/club)
    staff = User.objects.get(email="staff@example.org")
    assert staff.is_staff and staff.is_superuser
    for demo in DEMO_USERS:
        assert EmailAddress.objects.filter(email=demo.email, verified=True, primary=True).exists()


def test_a_demo_user_signs_in_through_the_login_form(client):
    demo_seed(orgs=2, seed=1, hooks=False)

    response = client.post(reverse("account_login"), {"login": "manager@example.org", "password": DEMO_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_it_calls_each_apps_demo_hook_with_the_data(demo_app):
    from tests.demo_app import demo

    demo.calls.clear()

    result = demo_seed(orgs=2, seed=3)
    demo_seed(orgs=2, seed=3)

    assert result.hooks[-1] == "tests.demo_app.demo"  # INSTALLED_APPS order: the added app comes last
    first, second = demo.calls
    assert first["number"] == second["number"]  # its own Random, derived from the seed
    assert [o.slug for o in first["organisations"]] == [o.slug for o in result.organisations]
    assert set(first["users"]) == {demo_user.email for demo_user in DEMO_USERS}
