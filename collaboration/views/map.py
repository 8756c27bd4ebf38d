"""The map of Europe: organisations per country, each country a link to its part of the directory."""

from django.shortcuts import render

from ..europe_map import europe_map


def map_page(request):
    return render(request, "collaboration/map.html", {"map": europe_map()})
