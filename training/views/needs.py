"""The yearly training-needs survey: the form for managers, and the aggregated results for everyone."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from clusterexcellence.actions import attempt
from clusterexcellence.page_cache import cached_page

from .. import needs, permissions
from ..forms import NeedsSurveyForm
from ..models import Field


@login_required
def survey(request):
    if not permissions.can_answer_needs_survey(request.user):
        raise PermissionDenied(_("The survey asks cluster managers: people who belong to a cluster organisation."))
    year = needs.survey_year()
    if needs.has_answered(request.user, year):
        return render(request, "training/needs_survey.html", {"answered": True, "year": year})
    fields = list(Field.objects.all())
    form = NeedsSurveyForm(request.POST or None, fields=fields)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            result, status = attempt(
                form,
                lambda: needs.needs_response_submit(
                    user=request.user,
                    needs=form.needs(),
                    formats=form.cleaned_data["formats"],
                    languages=form.cleaned_data["languages"],
                ),
            )
            if result is not None:
                messages.success(request, _("Thank you: your answers for %(year)s are saved.") % {"year": year})
                return redirect("training:needs_results")
    return render(request, "training/needs_survey.html", {"form": form, "year": year}, status=status)


@cached_page
def results(request):
    """Aggregates of one year (the latest by default), or nothing when too few answered."""
    years = needs.survey_years()
    default = years[0][0] if years else needs.survey_year()
    try:
        year = int(request.GET.get("year") or default)
    except ValueError:
        year = default
    if not 2000 <= year <= 2100:
        year = default
    return render(
        request,
        "training/needs_results.html",
        {
            "results": needs.needs_results(year),
            "years": years,
            "may_answer": permissions.can_answer_needs_survey(request.user) and not needs.has_answered(request.user),
        },
    )
