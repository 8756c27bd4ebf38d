"""The labels app's models, one module per topic; import them from here."""

from .assessments import (
    COMMENT_MAX_LENGTH,
    SUMMARY_MAX_LENGTH,
    Answer,
    AnswerRevision,
    Assessment,
    AssessmentEvent,
    AssessmentStatus,
    AssessorAssignment,
    ClarificationRequest,
    Evidence,
    ImprovementArea,
    Recommendation,
    Review,
)
from .catalogue import Area, Framework, Indicator
from .label_records import (
    PUBLIC_REASON_MAX_LENGTH,
    CertificateCounter,
    Label,
    LabelAction,
    LabelEvent,
    LabelState,
    LabelStatus,
)

__all__ = [
    "COMMENT_MAX_LENGTH",
    "PUBLIC_REASON_MAX_LENGTH",
    "SUMMARY_MAX_LENGTH",
    "Answer",
    "CertificateCounter",
    "AnswerRevision",
    "Area",
    "Assessment",
    "AssessmentEvent",
    "AssessmentStatus",
    "AssessorAssignment",
    "ClarificationRequest",
    "Evidence",
    "Framework",
    "ImprovementArea",
    "Indicator",
    "Label",
    "LabelAction",
    "LabelEvent",
    "LabelState",
    "LabelStatus",
    "Recommendation",
    "Review",
]
