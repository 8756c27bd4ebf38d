from django.urls import path

from . import views

urlpatterns = [
    path("benchmarks/<slug:slug>/", views.benchmark_detail, name="api-benchmark-detail"),
    path("benchmarks/<slug:slug>/reports/", views.report_post, name="api-benchmark-report-create"),
    path("benchmark-reports/<uuid:public_id>/", views.report_detail, name="api-benchmark-report-detail"),
    path("benchmark-reports/<uuid:public_id>/pdf/", views.report_pdf, name="api-benchmark-report-pdf"),
    path("practice-notes/", views.notes, name="api-practice-note-list"),
    path("practice-notes/moderation/", views.moderation, name="api-practice-note-moderation"),
    path("practice-notes/<uuid:public_id>/", views.note_detail, name="api-practice-note-detail"),
    path("practice-notes/<uuid:public_id>/withdraw/", views.note_withdraw, name="api-practice-note-withdraw"),
    path("practice-notes/<uuid:public_id>/publish/", views.note_publish, name="api-practice-note-publish"),
    path("practice-notes/<uuid:public_id>/reject/", views.note_reject, name="api-practice-note-reject"),
    path("scheme-figures/", views.scheme_figures, name="api-scheme-figures"),
    path("scheme-statistics/", views.scheme_statistics, name="api-scheme-statistics"),
]
