"""A module (its lessons and the learner's progress), a lesson, marking a lesson complete, attachments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from clusterexcellence.page_cache import cached_page

from .. import permissions, progress
from ..models import Attachment, Lesson, LessonIndicator, Module
from ..records import record_job
from ..rendering import render_markdown
from ..status_quo import indicator_titles
from .access import lesson_for, module_for


@cached_page
def module(request, slug):
    """The module's lessons with time and objectives, the learner's progress, the quiz and the record."""
    module = module_for(request, slug)
    lessons = list(module.lessons.order_by("position", "pk"))
    state = progress.module_progress(request.user, module)
    record = None
    if request.user.is_authenticated:
        record = module.records.filter(user=request.user).first()
    keys = set(LessonIndicator.objects.filter(lesson__module=module).values_list("indicator_key", flat=True))
    titles = indicator_titles() if keys else {}
    return render(
        request,
        "training/module.html",
        {
            "module": module,
            "lessons": [(lesson, lesson.pk in state.completed_lessons) for lesson in lessons],
            "minutes": sum(lesson.minutes for lesson in lessons),
            "progress": state,
            "has_quiz": module.questions.exists(),
            "record": record,
            "record_job": record_job(record) if record else None,
            "indicators": [titles[key] for key in titles if key in keys],
        },
    )


@cached_page
def lesson(request, module_slug, lesson_slug):
    """The lesson's text (sanitised Markdown), objectives, time, attachments and the indicators it helps with."""
    lesson = lesson_for(request, module_slug, lesson_slug)
    siblings = list(
        Lesson.objects.filter(module=lesson.module)
        .order_by("position", "pk")
        .only("pk", "slug", "title", "title_de", "module_id")
    )
    index = next(n for n, sibling in enumerate(siblings) if sibling.pk == lesson.pk)
    keys = set(lesson.indicator_links.values_list("indicator_key", flat=True))
    titles = indicator_titles() if keys else {}
    is_instructor = permissions.is_instructor(request.user)
    attachments = [a for a in lesson.attachments.all() if not a.for_instructors or is_instructor]
    done = request.user.is_authenticated and lesson.completions.filter(user=request.user).exists()
    return render(
        request,
        "training/lesson.html",
        {
            "lesson": lesson,
            "module": lesson.module,
            "body": render_markdown(lesson.localized("body")),
            "attachments": attachments,
            "indicators": [titles[key] for key in titles if key in keys],
            "done": done,
            "position": index + 1,
            "count": len(siblings),
            "previous": siblings[index - 1] if index > 0 else None,
            "next": siblings[index + 1] if index + 1 < len(siblings) else None,
        },
    )


@require_POST
@login_required
def lesson_complete(request, module_slug, lesson_slug):
    """Mark the lesson complete (or, with `undo`, take the mark back) and go on to the next lesson."""
    lesson = lesson_for(request, module_slug, lesson_slug)
    if request.POST.get("undo"):
        progress.lesson_uncomplete(user=request.user, lesson=lesson)
        messages.info(request, _("The lesson is no longer marked complete."))
        return redirect(lesson.get_absolute_url())
    progress.lesson_complete(user=request.user, lesson=lesson)
    following = lesson.module.lessons.filter(position__gt=lesson.position).order_by("position", "pk").first()
    messages.success(request, _("“%(title)s” is complete.") % {"title": lesson.title_i18n})
    return redirect(following.get_absolute_url() if following else lesson.module.get_absolute_url())


@require_GET
def attachment(request, public_id):
    """The only way to a stored attachment: its lesson must be visible, instructor files need the role."""
    queryset = Attachment.objects.filter(lesson__module__in=Module.objects.visible_to(request.user))
    item = get_object_or_404(queryset, public_id=public_id)
    if not permissions.can_download_attachment(request.user, item):
        raise PermissionDenied(_("This file is for instructors only."))
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=item.original_name or item.file.name.rsplit("/", 1)[-1],
        content_type=item.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
