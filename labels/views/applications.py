"""Placeholder views, replaced as the pages are built."""

from django.http import Http404


def assessment_list(request, **kwargs):
    raise Http404


def assessment_start(request, **kwargs):
    raise Http404
