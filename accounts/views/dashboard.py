"""The dashboard: the sections the apps registered for the user's roles, each loaded here."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from clusterexcellence.registry import dashboard_for


@login_required
def dashboard(request):
    return render(request, "accounts/dashboard.html", {"sections": dashboard_for(request)})
