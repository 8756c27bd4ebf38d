"""The web views' helpers: a domain function's refusal becomes a form error or an error message."""

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError

from clusterexcellence.actions import attempt, attempt_action
from clusterexcellence.errors import StateConflict


class NameForm(forms.Form):
    name = forms.CharField()


def refuse(error):
    def action():
        raise error

    return action


def test_attempt_returns_the_result_of_an_allowed_change():
    assert attempt(NameForm({"name": "x"}), lambda: 42) == (42, 200)


def test_attempt_turns_a_state_conflict_into_a_form_error_and_409():
    form = NameForm({"name": "x"})
    assert attempt(form, refuse(StateConflict("Closed already."))) == (None, 409)
    assert form.non_field_errors() == ["Closed already."]


def test_attempt_puts_field_errors_on_their_fields_and_the_rest_above_the_form():
    form = NameForm({"name": "x"})
    assert attempt(form, refuse(ValidationError({"name": "Taken.", "other": "Odd."}))) == (None, 400)
    assert form.errors["name"] == ["Taken."]
    assert form.non_field_errors() == ["Odd."]


def request_with_messages(rf):
    request = rf.post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_attempt_action_runs_an_allowed_change(rf):
    request = request_with_messages(rf)
    assert attempt_action(request, lambda: "done") == ("done", True)
    assert list(get_messages(request)) == []


def test_attempt_action_turns_a_refusal_into_an_error_message(rf):
    for error in (StateConflict("The last owner cannot leave."), ValidationError("The last owner cannot leave.")):
        request = request_with_messages(rf)
        assert attempt_action(request, refuse(error)) == (None, False)
        assert [str(message) for message in get_messages(request)] == ["The last owner cannot leave."]


def test_inviting_a_member_is_refused_at_the_address_field(client_as, owner_a, viewer_a, org_a):
    response = client_as(owner_a).post(
        f"/organisations/{org_a.slug}/members/", {"email": viewer_a.email, "role": "editor"}
    )
    assert response.status_code == 400
    assert "already a member" in " ".join(response.context["form"].errors["email"])
