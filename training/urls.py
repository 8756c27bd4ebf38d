from django.urls import path

from .views import case_studies, materials, needs, overview, programmes, quiz, records, search

app_name = "training"
_MODULE = "modules/<slug:slug>/"
urlpatterns = [
    path("", overview.home, name="home"),
    path("status-quo/", overview.status_quo, name="status_quo"),
    path("programmes/", programmes.programme_list, name="programmes"),
    path("needs/", needs.survey, name="needs_survey"),
    path("needs/results/", needs.results, name="needs_results"),
    path("search/", search.search, name="search"),
    # Materials (views/materials.py, views/quiz.py, views/records.py)
    path(_MODULE, materials.module, name="module"),
    path("modules/<slug:module_slug>/lessons/<slug:lesson_slug>/", materials.lesson, name="lesson"),
    path(
        "modules/<slug:module_slug>/lessons/<slug:lesson_slug>/complete/",
        materials.lesson_complete,
        name="lesson_complete",
    ),
    path("attachments/<uuid:public_id>/", materials.attachment, name="attachment"),
    path(_MODULE + "quiz/", quiz.quiz, name="quiz"),
    path(_MODULE + "quiz/<uuid:public_id>/", quiz.quiz_result, name="quiz_result"),
    path(_MODULE + "record/", records.record_request, name="record_request"),
    path("records/<uuid:public_id>/", records.record, name="record"),
    path("records/<uuid:public_id>/status/", records.record_status, name="record_status"),
    path("records/<uuid:public_id>/pdf/", records.record_pdf, name="record_pdf"),
    path("verify/<uuid:public_id>/", records.verify, name="verify"),
    # Case studies (views/case_studies.py)
    path("case-studies/", case_studies.case_study_list, name="case_studies"),
    path("case-studies/<slug:slug>/", case_studies.case_study, name="case_study"),
]
