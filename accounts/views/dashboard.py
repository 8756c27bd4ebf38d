"""The dashboard: the sections the apps registered for the user's roles, each loaded here."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from clusterexcellence.page_cache import cached_page
from clusterexcellence.registry import dashboard_for


@login_required
@cached_page
def dashboard(request):
    return render(request, "accounts/dashboard.html", {"sections": dashboard_for(request)})
