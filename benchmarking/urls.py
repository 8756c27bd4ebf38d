from django.urls import path

from .views import benchmark, notes, reports, statistics

app_name = "benchmarking"
urlpatterns = [
    path("", benchmark.index, name="index"),
    path("organisations/<slug:slug>/", benchmark.benchmark, name="benchmark"),
    path("organisations/<slug:slug>/report/", reports.report_create, name="report_create"),
    path("organisations/<slug:slug>/notes/", notes.organisation_notes, name="notes"),
    path("reports/<uuid:public_id>/status/", reports.report_status, name="report_status"),
    path("reports/<uuid:public_id>/download/", reports.report_download, name="report_download"),
    path("notes/<uuid:public_id>/withdraw/", notes.note_withdraw, name="note_withdraw"),
    path("moderation/", notes.moderation, name="moderation"),
    path("notes/<uuid:public_id>/moderate/", notes.note_moderate, name="note_moderate"),
    path("statistics/", statistics.statistics, name="statistics"),
    path("statistics/indicators.csv", statistics.indicators_csv, name="statistics_indicators_csv"),
    path("statistics/labels.csv", statistics.labels_csv, name="statistics_labels_csv"),
    path("scheme/", statistics.scheme, name="scheme"),
]
