"""The instructor role belongs to the training app: a grant staff give in admin, registered as a role."""

from clusterexcellence.registry import roles_of
from training.models import InstructorGrant
from training.permissions import is_instructor


def test_a_grant_makes_an_instructor_and_lists_the_role(instructor, outsider):
    assert is_instructor(instructor)
    assert "instructor" in [role.key for role in roles_of(instructor)]
    assert not is_instructor(outsider)
    assert "instructor" not in [role.key for role in roles_of(outsider)]


def test_staff_grant_the_role_in_admin_and_are_recorded(client, staff_user, outsider):
    staff_user.is_superuser = True
    staff_user.save()
    client.force_login(staff_user)

    response = client.post("/admin/training/instructorgrant/add/", {"user": outsider.pk, "note": "Teaches in Graz"})

    assert response.status_code == 302
    grant = InstructorGrant.objects.get(user=outsider)
    assert grant.granted_by == staff_user


def test_the_answer_is_cached_for_the_request(instructor, django_assert_num_queries):
    instructor.__dict__.pop("_training_instructor", None)
    with django_assert_num_queries(1):
        is_instructor(instructor)
        is_instructor(instructor)
