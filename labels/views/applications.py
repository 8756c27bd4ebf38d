"""The list of assessments a user may see, and starting an application for an organisation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.choices import MembershipRole
from accounts.models import Membership, Organisation
from clusterexcellence.page_cache import cached_page

from .. import permissions, transitions
from ..choices import Level
from ..eligibility import application_refusal
from ..forms import ApplicationForm
from ..models import Assessment, Framework, Indicator

PAGE_SIZE = 25


def _with_progress(queryset):
    """Annotate answered and total indicators, so the list needs one query whatever its length."""
    total = (
        Indicator.objects.filter(framework=OuterRef("framework"))
        .order_by()
        .values("framework")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        answered_count=Count("answers", filter=Q(answers__value__isnull=False)),
        indicator_count=Subquery(total, output_field=IntegerField()),
    )


@login_required
@cached_page
def assessment_list(request):
    """The assessments the user may see, newest activity first, and where they may apply."""
    queryset = Assessment.objects.visible_to(request.user).select_related("organisation", "framework")
    page = Paginator(_with_progress(queryset).order_by("-updated_at", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = []
    for assessment in page:
        total = assessment.indicator_count or 0
        rows.append(
            {
                "assessment": assessment,
                "colour": assessment.status_choice.colour,
                "answered": assessment.answered_count,
                "total": total,
                "percent": round(100 * assessment.answered_count / total) if total else 0,
            }
        )
    can_apply_for = [
        m.organisation
        for m in Membership.objects.active()
        .filter(user=request.user, role__in=[MembershipRole.OWNER, MembershipRole.EDITOR])
        .select_related("organisation")
        .order_by("organisation__name")
    ]
    return render(request, "labels/assessment_list.html", {"page": page, "rows": rows, "can_apply_for": can_apply_for})


@login_required
def assessment_start(request, slug):
    """Choose a level (and renewal); a refusal, such as Silver without the earlier Bronze, is shown on the form."""
    organisation = get_object_or_404(Organisation.objects.visible_to(request.user), slug=slug)
    if not permissions.can_apply(request.user, organisation):
        raise PermissionDenied(_("Only the organisation's owners and editors can apply for a label."))
    # A refused form is re-rendered with 200, like Django's form views: it is an answer, not a failure.
    form = ApplicationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = transitions.assessment_start(
                organisation=organisation,
                level=form.cleaned_data["level"],
                renewal=form.cleaned_data["renewal"],
                by=request.user,
            )
        except transitions.TransitionNotAllowed as refusal:
            form.add_error("level", str(refusal))
        else:
            messages.success(
                request,
                _("Your %(level)s application was started. Answer the indicators area by area.")
                % {"level": assessment.get_level_display()},
            )
            return redirect(assessment)
    framework = Framework.objects.current()
    # Shown beside each level before choosing; the POST decides again, so a stale hint changes nothing.
    refusals = {
        level: application_refusal(organisation, level, renewal=False, framework=framework) for level in Level.values
    }
    # One reason for every level (no catalogue, an open application) is said once, above the choice.
    common_refusal = refusals[Level.BRONZE] if len(set(refusals.values())) == 1 else None
    options = [
        {"value": value, "label": label, "tagline": tagline, "checked": checked, "refusal": refusals[value]}
        for value, label, tagline, checked in form.level_options()
    ]
    return render(
        request,
        "labels/assessment_start.html",
        {
            "organisation": organisation,
            "form": form,
            "framework": framework,
            "options": options,
            "common_refusal": common_refusal,
        },
    )
