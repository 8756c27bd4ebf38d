"""Loading an assessment for a request: 404 outside the user's scope, before any view code."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from ..models import Assessment, AssessorAssignment


def assessment_for(request, public_id) -> Assessment:
    """The assessment if the signed-in user may see it, else 404 (never 403: no existence leak)."""
    queryset = Assessment.objects.visible_to(request.user).select_related("organisation", "framework")
    # The assignments with their assessors in one query (a nested prefetch would take two).
    queryset = queryset.prefetch_related(
        Prefetch("assignments", queryset=AssessorAssignment.objects.select_related("assessor"))
    )
    return get_object_or_404(queryset, public_id=public_id)
