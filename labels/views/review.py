"""Placeholder views, replaced as the pages are built."""

from django.http import Http404


def workspace(request, **kwargs):
    raise Http404


def review_page(request, **kwargs):
    raise Http404


def review_save(request, **kwargs):
    raise Http404


def clarify(request, **kwargs):
    raise Http404


def interview(request, **kwargs):
    raise Http404


def improvement_validate(request, **kwargs):
    raise Http404


def recommend(request, **kwargs):
    raise Http404
