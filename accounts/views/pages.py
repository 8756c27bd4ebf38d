from django.shortcuts import render

from clusterexcellence.page_cache import public_page
from clusterexcellence.registry import features


@public_page()  # the features are registered at start-up: the page changes only with the language
def home(request):
    """What the portal is, and what the installed apps offer (each registers its own feature)."""
    return render(request, "accounts/home.html", {"features": features()})
