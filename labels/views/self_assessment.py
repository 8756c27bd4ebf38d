"""Placeholder views, replaced as the pages are built."""

from django.http import Http404


def task_list(request, **kwargs):
    raise Http404


def area_page(request, **kwargs):
    raise Http404


def answer_save(request, **kwargs):
    raise Http404


def improvement_areas(request, **kwargs):
    raise Http404


def submit(request, **kwargs):
    raise Http404


def resubmit(request, **kwargs):
    raise Http404


def withdraw(request, **kwargs):
    raise Http404


def printable(request, **kwargs):
    raise Http404


def score_explanation(request, **kwargs):
    raise Http404


def job_status(request, **kwargs):
    raise Http404
