"""Search across programmes, lessons and case studies."""

from django.shortcuts import render

from .. import search as searching


def search(request):
    results = searching.search(request.GET.get("q", ""), user=request.user)
    return render(request, "training/search.html", {"results": results})
