"""Loading the training area's objects for a request: 404 outside what the user may see."""

from django.shortcuts import get_object_or_404

from ..models import CaseStudy, CompletionRecord, Lesson, Module


def module_for(request, slug) -> Module:
    return get_object_or_404(Module.objects.visible_to(request.user).select_related("field"), slug=slug)


def lesson_for(request, module_slug, lesson_slug) -> Lesson:
    queryset = Lesson.objects.filter(module__in=Module.objects.visible_to(request.user))
    return get_object_or_404(queryset.select_related("module__field"), module__slug=module_slug, slug=lesson_slug)


def case_study_for(request, slug) -> CaseStudy:
    return get_object_or_404(CaseStudy.objects.visible_to(request.user).select_related("field"), slug=slug)


def record_for(request, public_id) -> CompletionRecord:
    queryset = CompletionRecord.objects.visible_to(request.user).select_related("module")
    return get_object_or_404(queryset, public_id=public_id)
