"""The dashboard's "Label applications" section lists the open applications of one's own organisations."""


def test_it_lists_the_open_application_of_the_owners_organisation(client_as, draft, owner_a):
    content = client_as(owner_a).get("/dashboard/").content.decode()

    assert 'id="dashboard-applications"' in content
    assert draft.get_absolute_url() in content


def test_it_does_not_show_another_organisations_application(client_as, draft, owner_b):
    content = client_as(owner_b).get("/dashboard/").content.decode()

    assert draft.get_absolute_url() not in content
    assert "None of your organisations has an open application." in content


def test_it_is_hidden_from_people_without_an_organisation(client_as, draft, outsider):
    content = client_as(outsider).get("/dashboard/").content.decode()

    assert 'id="dashboard-applications"' not in content


def test_it_leaves_out_decided_applications(client_as, recommended, owner_a, board_member):
    from labels import transitions

    transitions.assessment_decide(assessment=recommended, approve=False, reason="Not yet.", by=board_member)

    content = client_as(owner_a).get("/dashboard/").content.decode()

    assert recommended.get_absolute_url() not in content
