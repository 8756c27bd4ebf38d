from django.urls import path

from . import views

_MODULE = "modules/<slug:slug>/"
urlpatterns = [
    path("programmes/", views.ProgrammeListView.as_view(), name="api-training-programme-list"),
    path("programmes/<slug:slug>/", views.ProgrammeDetailView.as_view(), name="api-training-programme-detail"),
    path("fields/", views.FieldListView.as_view(), name="api-training-field-list"),
    path("modules/", views.ModuleListView.as_view(), name="api-training-module-list"),
    path(_MODULE, views.module_detail, name="api-training-module-detail"),
    path(_MODULE + "lessons/<slug:lesson_slug>/", views.lesson_detail, name="api-training-lesson-detail"),
    path(
        _MODULE + "lessons/<slug:lesson_slug>/completion/",
        views.lesson_completion,
        name="api-training-lesson-completion",
    ),
    path(_MODULE + "quiz/", views.quiz_detail, name="api-training-quiz"),
    path(_MODULE + "quiz/attempts/", views.quiz_attempt, name="api-training-quiz-attempts"),
    path(_MODULE + "record/", views.record_request, name="api-training-record-request"),
    path("records/<uuid:public_id>/", views.record_detail, name="api-training-record-detail"),
    path("records/<uuid:public_id>/pdf/", views.record_pdf, name="api-training-record-pdf"),
    path("records/<uuid:public_id>/verify/", views.record_verify, name="api-training-record-verify"),
    path("case-studies/", views.CaseStudyListView.as_view(), name="api-training-case-study-list"),
    path("case-studies/<slug:slug>/", views.case_study_detail, name="api-training-case-study-detail"),
    path("needs/results/", views.needs_results, name="api-training-needs-results"),
    path("needs/responses/", views.needs_response, name="api-training-needs-responses"),
    path("progress/", views.progress_view, name="api-training-progress"),
    path("recommendations/", views.recommendations, name="api-training-recommendations"),
    path("search/", views.search_view, name="api-training-search"),
]
