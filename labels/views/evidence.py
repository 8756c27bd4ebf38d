"""Placeholder views, replaced as the pages are built."""

from django.http import Http404


def upload(request, **kwargs):
    raise Http404


def download(request, **kwargs):
    raise Http404


def delete(request, **kwargs):
    raise Http404
