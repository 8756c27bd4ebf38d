from django.urls import path

from .views import (
    appeals,
    applications,
    assessment_report,
    board,
    catalogue,
    evidence,
    label_pages,
    open_badges,
    register,
    review,
    secretariat,
    self_assessment,
)

app_name = "labels"
urlpatterns = [
    path("catalogue/", catalogue.catalogue, name="catalogue"),
    # The organisation's side (views/applications.py, views/self_assessment.py, views/evidence.py)
    path("assessments/", applications.assessment_list, name="assessment_list"),
    path("organisations/<slug:slug>/apply/", applications.assessment_start, name="assessment_start"),
    path("assessments/<uuid:public_id>/", self_assessment.task_list, name="assessment_detail"),
    path("assessments/<uuid:public_id>/areas/<str:area_code>/", self_assessment.area_page, name="area"),
    path("assessments/<uuid:public_id>/answers/<str:code>/", self_assessment.answer_save, name="answer_save"),
    path("assessments/<uuid:public_id>/improvements/", self_assessment.improvement_areas, name="improvement_areas"),
    path("assessments/<uuid:public_id>/submit/", self_assessment.submit, name="submit"),
    path("assessments/<uuid:public_id>/resubmit/", self_assessment.resubmit, name="resubmit"),
    path("assessments/<uuid:public_id>/withdraw/", self_assessment.withdraw, name="withdraw"),
    path("assessments/<uuid:public_id>/print/", self_assessment.printable, name="print"),
    path("assessments/<uuid:public_id>/score/", self_assessment.score_explanation, name="score"),
    path("assessments/<uuid:public_id>/report/", assessment_report.report_create, name="report_create"),
    path("assessments/<uuid:public_id>/report.pdf", assessment_report.report_download, name="report_download"),
    path("assessments/<uuid:public_id>/evidence/<str:code>/", evidence.upload, name="evidence_upload"),
    path("evidence/<uuid:public_id>/", evidence.download, name="evidence_download"),
    path("evidence/<uuid:public_id>/delete/", evidence.delete, name="evidence_delete"),
    # The secretariat (views/secretariat.py)
    path("secretariat/", secretariat.queue, name="secretariat_queue"),
    path("assessments/<uuid:public_id>/assign/", secretariat.assign, name="assign"),
    # Assessors (views/review.py)
    path("assessor/", review.workspace, name="assessor_workspace"),
    path("assessments/<uuid:public_id>/review/", review.review_page, name="review"),
    path("assessments/<uuid:public_id>/review/areas/<str:area_code>/", review.review_area, name="review_area"),
    path("assessments/<uuid:public_id>/reviews/<str:code>/", review.review_save, name="review_save"),
    path(
        "assessments/<uuid:public_id>/review/areas/<str:area_code>/confirm/",
        review.confirm_area,
        name="review_confirm_area",
    ),
    path("assessments/<uuid:public_id>/clarify/", review.clarify, name="clarify"),
    path("assessments/<uuid:public_id>/interview/", review.interview, name="interview"),
    path(
        "assessments/<uuid:public_id>/improvements/<int:pk>/validate/",
        review.improvement_validate,
        name="improvement_validate",
    ),
    path("assessments/<uuid:public_id>/recommend/", review.recommend, name="recommend"),
    # The label board (views/board.py)
    path("board/", board.queue, name="board_queue"),
    path("assessments/<uuid:public_id>/decide/", board.decide, name="decide"),
    # Awarded labels (views/label_pages.py, views/register.py); verify and register are public
    path("label/<uuid:public_id>/", label_pages.label_detail, name="label_detail"),
    path("label/<uuid:public_id>/certificate/", label_pages.certificate_download, name="certificate_download"),
    path("label/<uuid:public_id>/suspend/", label_pages.label_suspend, name="label_suspend"),
    path("label/<uuid:public_id>/reinstate/", label_pages.label_reinstate, name="label_reinstate"),
    path("label/<uuid:public_id>/revoke/", label_pages.label_revoke, name="label_revoke"),
    path("verify/<uuid:public_id>/", label_pages.label_verify, name="label_verify"),
    path("register/", register.register, name="register"),
    path("register/export.<str:fmt>", register.register_export, name="register_export"),
    # Open Badges and the embeddable badge (views/open_badges.py); public
    path("badges/issuer/", open_badges.issuer, name="ob_issuer"),
    path("badges/levels/<str:level>/", open_badges.badge_class, name="ob_badge_class"),
    path("badges/levels/<str:level>/image.svg", open_badges.badge_image, name="ob_badge_image"),
    path("badges/assertions/<uuid:public_id>/", open_badges.assertion, name="ob_assertion"),
    path("badges/credentials/<uuid:public_id>/", open_badges.credential, name="ob_credential"),
    path("badges/embed/<uuid:public_id>.svg", open_badges.badge_embed, name="badge_embed"),
    # Appeals (views/appeals.py)
    path("assessments/<uuid:public_id>/appeal/", appeals.appeal_rejection, name="appeal_rejection"),
    path("label/<uuid:public_id>/appeal/", appeals.appeal_label, name="appeal_label"),
    path("appeals/", appeals.queue, name="appeal_queue"),
    path("appeals/<uuid:public_id>/", appeals.appeal_detail, name="appeal_detail"),
    path("appeals/documents/<uuid:public_id>/", appeals.document_download, name="appeal_document"),
]
