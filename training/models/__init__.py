"""The training area's models: materials, case studies, programmes, progress, the needs survey, instructors."""

from .case_studies import CaseStudy, CaseStudyIndicator
from .materials import Attachment, Choice, Field, Lesson, LessonIndicator, Module, Question
from .needs import FieldNeed, NeedsResponse
from .programmes import Programme
from .progress import CompletionRecord, LessonCompletion, QuizAttempt
from .roles import InstructorGrant

__all__ = [
    "Attachment",
    "CaseStudy",
    "CaseStudyIndicator",
    "Choice",
    "CompletionRecord",
    "Field",
    "FieldNeed",
    "InstructorGrant",
    "Lesson",
    "LessonCompletion",
    "LessonIndicator",
    "Module",
    "NeedsResponse",
    "Programme",
    "Question",
    "QuizAttempt",
]
