"""The map of Europe: organisations per country, each country a link to its part of the directory."""

from django.shortcuts import render

from clusterexcellence.page_cache import cached_page

from ..europe_map import europe_map


@cached_page
def map_page(request):
    return render(request, "collaboration/map.html", {"map": europe_map()})
