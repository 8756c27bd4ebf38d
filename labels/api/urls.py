from django.urls import path

from . import appeals, assessment_views, label_views, report_views, views

_LABEL = "labels/<uuid:public_id>/"

_ASSESSMENT = "assessments/<uuid:public_id>/"

urlpatterns = [
    path("frameworks/", views.FrameworkListView.as_view(), name="api-framework-list"),
    path("frameworks/current/", views.framework_current, name="api-framework-current"),
    path("frameworks/<slug:code>/<str:version>/", views.framework_detail, name="api-framework-detail"),
    # Assessments: the organisation's side, the secretariat, the assessors and the board.
    path("assessments/", assessment_views.AssessmentListView.as_view(), name="api-assessment-list"),
    path(_ASSESSMENT, assessment_views.assessment_detail, name="api-assessment-detail"),
    path(_ASSESSMENT + "answers/<str:code>/", assessment_views.answer_put, name="api-assessment-answer"),
    path(_ASSESSMENT + "evidence/", assessment_views.evidence_post, name="api-assessment-evidence"),
    path(_ASSESSMENT + "improvements/", assessment_views.improvements_post, name="api-assessment-improvements"),
    path(_ASSESSMENT + "submit/", assessment_views.submit_post, name="api-assessment-submit"),
    path(_ASSESSMENT + "resubmit/", assessment_views.resubmit_post, name="api-assessment-resubmit"),
    path(_ASSESSMENT + "withdraw/", assessment_views.withdraw_post, name="api-assessment-withdraw"),
    path(_ASSESSMENT + "assign/", assessment_views.assign_post, name="api-assessment-assign"),
    path(_ASSESSMENT + "reviews/<str:code>/", assessment_views.review_put, name="api-assessment-review"),
    path(
        _ASSESSMENT + "areas/<str:area_code>/confirm/",
        assessment_views.area_confirm_post,
        name="api-assessment-area-confirm",
    ),
    path(_ASSESSMENT + "clarifications/", assessment_views.clarification_post, name="api-assessment-clarifications"),
    path(_ASSESSMENT + "interview/", assessment_views.interview_post, name="api-assessment-interview"),
    path(
        _ASSESSMENT + "improvements/<int:position>/validate/",
        assessment_views.improvement_validate_post,
        name="api-assessment-improvement-validate",
    ),
    path(_ASSESSMENT + "recommend/", assessment_views.recommend_post, name="api-assessment-recommend"),
    path(_ASSESSMENT + "decide/", assessment_views.decide_post, name="api-assessment-decide"),
    path(_ASSESSMENT + "report/", report_views.report, name="api-assessment-report"),
    path(_ASSESSMENT + "report/pdf/", report_views.report_pdf, name="api-assessment-report-pdf"),
    # Awarded labels: public reading, the board's lifecycle.
    path("labels/", label_views.LabelListView.as_view(), name="api-label-list"),
    path(_LABEL, label_views.label_detail, name="api-label-detail"),
    path(_LABEL + "suspend/", label_views.label_suspend_post, name="api-label-suspend"),
    path(_LABEL + "reinstate/", label_views.label_reinstate_post, name="api-label-reinstate"),
    path(_LABEL + "revoke/", label_views.label_revoke_post, name="api-label-revoke"),
    # Appeals (appeals.py)
    path(_ASSESSMENT + "appeals/", appeals.assessment_appeals_post, name="api-assessment-appeals"),
    path(_LABEL + "appeals/", appeals.label_appeals_post, name="api-label-appeals"),
    path("appeals/<uuid:public_id>/", appeals.appeal_detail, name="api-appeal-detail"),
    path("appeals/<uuid:public_id>/decide/", appeals.appeal_decide_post, name="api-appeal-decide"),
]
