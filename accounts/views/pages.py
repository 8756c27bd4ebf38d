from django.shortcuts import render

from clusterexcellence.registry import features


def home(request):
    """What the portal is, and what the installed apps offer (each registers its own feature)."""
    return render(request, "accounts/home.html", {"features": features()})
