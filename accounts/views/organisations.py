"""Organisation pages: the list, creating one, its profile and editing it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.choices import ServiceCategory
from accounts.forms import OrganisationCreateForm, OrganisationForm
from accounts.memberships import SlugTaken, organisation_create
from accounts.models import Organisation
from accounts.permissions import (
    can_create_organisation,
    can_edit_organisation,
    can_manage_members,
    is_member,
    membership_role,
    organisation_roles,
)
from clusterexcellence.page_cache import cached_page
from clusterexcellence.registry import panels_for

from .access import active_members, organisation_for, organisation_for_action

PAGE_SIZE = 25


@login_required
@cached_page
def organisation_list(request):
    """The user's organisations; staff see every organisation."""
    if request.user.is_staff:
        paginator = Paginator(Organisation.objects.visible_to(request.user).order_by("name", "pk"), PAGE_SIZE)
    else:
        # A member's organisations (visible_to) are those of their roles, which the navigation has
        # loaded already: the page reads only the rows it shows, with neither a join nor a count.
        ids = list(organisation_roles(request.user))
        paginator = Paginator(Organisation.objects.filter(pk__in=ids).order_by("name", "pk"), PAGE_SIZE)
        paginator.count = len(ids)
    page = paginator.get_page(request.GET.get("page"))
    rows = [(organisation, membership_role(request.user, organisation)) for organisation in page]
    return render(
        request,
        "accounts/organisation_list.html",
        {"page": page, "rows": rows, "can_create": can_create_organisation(request.user)},
    )


@login_required
def organisation_new(request):
    if not can_create_organisation(request.user):
        raise PermissionDenied
    form = OrganisationCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = organisation_create(by=request.user, **form.cleaned_data)
        except SlugTaken as error:
            form.add_error("slug", str(error))
        else:
            messages.success(request, _("%(name)s was created. You are its owner.") % {"name": organisation.name})
            return redirect(organisation)
    return render(request, "accounts/organisation_form.html", {"form": form, "organisation": None})


@login_required
@cached_page
def organisation_detail(request, slug):
    organisation = organisation_for(request.user, slug)
    members = active_members(organisation)
    user = request.user
    return render(
        request,
        "accounts/organisation_detail.html",
        {
            "organisation": organisation,
            "members": members,
            "services": [ServiceCategory(value).label for value in organisation.services if value in ServiceCategory],
            "your_role": membership_role(user, organisation),
            "can_edit": can_edit_organisation(user, organisation),
            "can_manage": can_manage_members(user, organisation),
            "is_member": is_member(user, organisation),
            "panels": panels_for("accounts.organisation", request, organisation),
        },
    )


@login_required
def organisation_edit(request, slug):
    organisation = organisation_for_action(request.user, slug, can_edit_organisation)
    form = OrganisationForm(request.POST if request.method == "POST" else None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The profile was saved."))
        return redirect(organisation)
    return render(request, "accounts/organisation_form.html", {"form": form, "organisation": organisation})
