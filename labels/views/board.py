"""Placeholder views, replaced as the pages are built."""

from django.http import Http404


def queue(request, **kwargs):
    raise Http404


def decide(request, **kwargs):
    raise Http404
