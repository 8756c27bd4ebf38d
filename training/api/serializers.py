"""The training API's shapes. Texts come in the request's language (Accept-Language), English when
no German version exists; Markdown is sent as written and as sanitised HTML."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from training.choices import LANGUAGE_CHOICES, ProgrammeFormat
from training.models import CaseStudy, Field, Lesson, Module, Programme
from training.rendering import render_markdown


class LocalizedField(serializers.CharField):
    """A text in the request's language: `<name>_de` for German when it exists."""

    def __init__(self, name: str, **kwargs):
        self.text_name = name
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return instance.localized(self.text_name)


class TrainingFieldSerializer(serializers.ModelSerializer):
    title = LocalizedField("title")
    description = LocalizedField("description")
    modules = serializers.SerializerMethodField()

    class Meta:
        model = Field
        fields = ["slug", "title", "description", "modules"]

    @extend_schema_field(serializers.ListField(child=serializers.SlugField()))
    def get_modules(self, field):
        return [module.slug for module in field.visible_modules]


class TrainingProgrammeSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", read_only=True)
    fields = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    description = LocalizedField("description")

    class Meta:
        model = Programme
        fields = [
            "slug",
            "title",
            "provider",
            "country",
            "language",
            "format",
            "duration",
            "level",
            "fields",
            "url",
            "last_checked",
            "description",
        ]


class TrainingLessonSummarySerializer(serializers.ModelSerializer):
    title = LocalizedField("title")
    url = serializers.SerializerMethodField()

    class Meta:
        model = Lesson
        fields = ["slug", "title", "minutes", "url"]

    def get_url(self, lesson) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("api-training-lesson-detail", args=[lesson.module.slug, lesson.slug])
        )


class TrainingModuleSummarySerializer(serializers.ModelSerializer):
    field = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    title = LocalizedField("title")
    summary = LocalizedField("summary")
    url = serializers.HyperlinkedIdentityField(view_name="api-training-module-detail", lookup_field="slug")

    class Meta:
        model = Module
        fields = ["slug", "field", "title", "summary", "is_published", "url"]


class TrainingModuleSerializer(TrainingModuleSummarySerializer):
    objectives = serializers.ListField(source="objectives_list", child=serializers.CharField(), read_only=True)
    lessons = TrainingLessonSummarySerializer(many=True, read_only=True)
    question_count = serializers.IntegerField(read_only=True)
    indicators = serializers.ListField(child=serializers.CharField(), read_only=True, source="indicator_keys")

    class Meta(TrainingModuleSummarySerializer.Meta):
        fields = TrainingModuleSummarySerializer.Meta.fields + [
            "objectives",
            "passing_percent",
            "question_count",
            "lessons",
            "indicators",
        ]


class TrainingAttachmentSerializer(serializers.Serializer):
    title = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    for_instructors = serializers.BooleanField()
    url = serializers.SerializerMethodField()

    def get_url(self, attachment) -> str:
        return self.context["request"].build_absolute_uri(attachment.get_absolute_url())


class TrainingLessonSerializer(serializers.ModelSerializer):
    module = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    title = LocalizedField("title")
    body = LocalizedField("body", help_text="Markdown, as written.")
    body_html = serializers.SerializerMethodField(help_text="The Markdown rendered and sanitised.")
    objectives = serializers.ListField(source="objectives_list", child=serializers.CharField(), read_only=True)
    indicators = serializers.SerializerMethodField()
    attachments = serializers.SerializerMethodField()
    completed = serializers.SerializerMethodField()

    class Meta:
        model = Lesson
        fields = [
            "module",
            "slug",
            "title",
            "minutes",
            "objectives",
            "body",
            "body_html",
            "indicators",
            "attachments",
            "completed",
        ]

    def get_body_html(self, lesson) -> str:
        return str(render_markdown(lesson.localized("body")))

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_indicators(self, lesson):
        return sorted(link.indicator_key for link in lesson.indicator_links.all())

    @extend_schema_field(TrainingAttachmentSerializer(many=True))
    def get_attachments(self, lesson):
        shown = [a for a in lesson.attachments.all() if not a.for_instructors or self.context["is_instructor"]]
        return TrainingAttachmentSerializer(shown, many=True, context=self.context).data

    def get_completed(self, lesson) -> bool:
        return self.context.get("completed", False)


class TrainingCaseStudySummarySerializer(serializers.ModelSerializer):
    title = LocalizedField("title")
    summary = LocalizedField("summary")
    country = serializers.CharField(source="country.code", read_only=True)
    field = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="api-training-case-study-detail", lookup_field="slug")

    class Meta:
        model = CaseStudy
        fields = ["slug", "title", "cluster_name", "country", "sector", "field", "is_fictional", "summary", "url"]


class TrainingCaseStudySerializer(TrainingCaseStudySummarySerializer):
    context = LocalizedField("context")
    challenge = LocalizedField("challenge")
    actions = LocalizedField("actions")
    results = LocalizedField("results")
    lessons = LocalizedField("lessons")
    discussion_questions = serializers.ListField(
        source="discussion_list", child=serializers.CharField(), read_only=True
    )
    indicators = serializers.SerializerMethodField()
    teaching_note = serializers.SerializerMethodField(help_text="Only for instructors; null for everyone else.")

    class Meta(TrainingCaseStudySummarySerializer.Meta):
        fields = TrainingCaseStudySummarySerializer.Meta.fields + [
            "context",
            "challenge",
            "actions",
            "results",
            "lessons",
            "discussion_questions",
            "indicators",
            "teaching_note",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_indicators(self, case):
        return sorted(link.indicator_key for link in case.indicator_links.all())

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_teaching_note(self, case):
        return case.localized("teaching_note") if self.context["is_instructor"] else None


class TrainingQuizChoiceSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    text = serializers.CharField(source="text_i18n")


class TrainingQuizQuestionSerializer(serializers.Serializer):
    """A question before the attempt: its choices, never which one is correct nor the feedback."""

    id = serializers.IntegerField(source="pk")
    text = serializers.CharField(source="text_i18n")
    choices = TrainingQuizChoiceSerializer(many=True, source="choices.all")


class TrainingQuizSerializer(serializers.Serializer):
    module = serializers.SlugField()
    passing_percent = serializers.IntegerField()
    questions = TrainingQuizQuestionSerializer(many=True)


class TrainingQuizAnswerSerializer(serializers.Serializer):
    question = serializers.IntegerField()
    choice = serializers.IntegerField()


class TrainingQuizAttemptInputSerializer(serializers.Serializer):
    answers = TrainingQuizAnswerSerializer(many=True, max_length=200)


class TrainingAnswerFeedbackSerializer(serializers.Serializer):
    question = serializers.IntegerField(source="question.pk")
    chosen = serializers.IntegerField(source="chosen.pk", allow_null=True)
    correct = serializers.BooleanField(source="is_correct")
    correct_choice = serializers.IntegerField(source="correct_choice.pk", allow_null=True)
    feedback = serializers.SerializerMethodField()

    def get_feedback(self, item) -> str:
        return item.chosen.feedback_i18n if item.chosen else ""


class TrainingQuizAttemptSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="attempt.public_id")
    score_percent = serializers.IntegerField(source="attempt.score_percent")
    passing_percent = serializers.IntegerField(source="attempt.passing_percent")
    passed = serializers.BooleanField(source="attempt.passed")
    correct = serializers.IntegerField(source="attempt.correct")
    total = serializers.IntegerField(source="attempt.total")
    answers = TrainingAnswerFeedbackSerializer(many=True, source="feedback")


class TrainingModuleProgressSerializer(serializers.Serializer):
    module = serializers.SlugField(source="module.slug")
    field = serializers.SlugField(source="module.field.slug")
    lessons_total = serializers.IntegerField(source="progress.lessons_total")
    lessons_done = serializers.IntegerField(source="progress.lessons_done")
    percent = serializers.IntegerField(source="progress.percent")
    best_score = serializers.IntegerField(source="progress.best_score", allow_null=True)
    quiz_passed = serializers.BooleanField(source="progress.passed")
    complete = serializers.BooleanField(source="progress.complete")


class TrainingFieldProgressSerializer(serializers.Serializer):
    field = serializers.SlugField()
    lessons_total = serializers.IntegerField()
    lessons_done = serializers.IntegerField()
    modules_complete = serializers.IntegerField()
    modules_total = serializers.IntegerField()


class TrainingProgressSerializer(serializers.Serializer):
    modules = TrainingModuleProgressSerializer(many=True)
    fields = TrainingFieldProgressSerializer(many=True)


class TrainingCompletionSerializer(serializers.Serializer):
    lesson = serializers.SlugField()
    completed = serializers.BooleanField()


class TrainingRecordSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    module = serializers.SlugField(source="module.slug")
    learner_name = serializers.CharField()
    module_title = serializers.CharField()
    score_percent = serializers.IntegerField()
    issued_at = serializers.DateTimeField()
    job_status = serializers.SerializerMethodField()
    pdf_url = serializers.SerializerMethodField()
    verification_url = serializers.SerializerMethodField()

    def get_job_status(self, record) -> str | None:
        from training.records import record_job

        job = record_job(record)
        return job.status if job else None

    def get_pdf_url(self, record) -> str | None:
        if not record.pdf:
            return None
        return self.context["request"].build_absolute_uri(reverse("api-training-record-pdf", args=[record.public_id]))

    def get_verification_url(self, record) -> str:
        return self.context["request"].build_absolute_uri(record.get_verification_url())


class TrainingVerificationSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    learner_name = serializers.CharField()
    module_title = serializers.CharField()
    issued_at = serializers.DateTimeField()
    valid = serializers.BooleanField(default=True)


class TrainingNeedsInputSerializer(serializers.Serializer):
    needs = serializers.DictField(
        child=serializers.IntegerField(min_value=0, max_value=3),
        help_text="Field slug → need from 0 (none) to 3 (high); every field must be rated.",
    )
    formats = serializers.ListField(child=serializers.ChoiceField(ProgrammeFormat.choices), max_length=10)
    languages = serializers.ListField(child=serializers.ChoiceField(LANGUAGE_CHOICES), max_length=30)


class TrainingShareSerializer(serializers.Serializer):
    label = serializers.CharField()
    count = serializers.IntegerField()
    percent = serializers.IntegerField()


class TrainingFieldResultSerializer(serializers.Serializer):
    field = serializers.SlugField(source="field.slug")
    title = serializers.CharField(source="field.title_i18n")
    average = serializers.FloatField(help_text="Mean need from 0 (none) to 3 (high).")
    counts = serializers.SerializerMethodField()

    @extend_schema_field(TrainingShareSerializer(many=True))
    def get_counts(self, result):
        return [{"label": str(label), "count": n, "percent": p} for label, n, p in result.counts]


class TrainingNeedsResultsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    respondents = serializers.IntegerField()
    minimum = serializers.IntegerField(help_text="Results are shown only from this many answers on.")
    suppressed = serializers.BooleanField()
    fields = TrainingFieldResultSerializer(many=True)
    formats = TrainingShareSerializer(many=True)
    languages = TrainingShareSerializer(many=True)


class TrainingSearchHitSerializer(serializers.Serializer):
    kind = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()


class TrainingRecommendationSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(["module", "case_study"])
    slug = serializers.SlugField(source="item.slug")
    title = serializers.CharField(source="item.title_i18n")
    reasons = serializers.ListField(child=serializers.CharField(), source="reason_texts")
    indicators = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_indicators(self, recommendation):
        return [weak.key for weak in recommendation.reasons]


class TrainingOrganisationRecommendationsSerializer(serializers.Serializer):
    organisation = serializers.SlugField()
    assessment = serializers.UUIDField()
    recommendations = TrainingRecommendationSerializer(many=True)
