"""A module's quiz: the questions without their answers, the server's check, and the feedback per answer."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from clusterexcellence.actions import attempt

from .. import quizzes
from ..forms import QuizForm
from ..models import QuizAttempt
from ..progress import module_progress
from .access import module_for


@login_required
def quiz(request, slug):
    """GET: the questions and their choices (never which is correct). POST: check and show the result."""
    module = module_for(request, slug)
    questions = quizzes.questions_of(module)
    form = QuizForm(request.POST or None, questions=questions)
    status = 200
    if request.method == "POST" and form.is_valid():
        result, status = attempt(
            form, lambda: quizzes.quiz_attempt_submit(user=request.user, module=module, answers=form.answers())
        )
        if result is not None:
            return redirect(result.get_absolute_url())
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "training/quiz.html",
        {"module": module, "form": form, "questions": questions, "progress": module_progress(request.user, module)},
        status=status,
    )


@login_required
def quiz_result(request, slug, public_id):
    """The learner's own attempt: score, passed or not, and the feedback for every answer."""
    module = module_for(request, slug)
    result = get_object_or_404(QuizAttempt, module=module, user=request.user, public_id=public_id)
    result.module = module
    return render(
        request,
        "training/quiz_result.html",
        {
            "module": module,
            "attempt": result,
            "feedback": quizzes.attempt_feedback(result),
            "progress": module_progress(request.user, module),
        },
    )
