"""Staff edit the training area in Django admin: materials, quizzes, case studies, programmes (with
spreadsheet import and export) and instructor grants. Survey answers are deliberately not here:
nobody reads an individual answer, staff included."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX

from .attachments import attachment_content_type
from .models import (
    Attachment,
    CaseStudy,
    CaseStudyIndicator,
    Choice,
    CompletionRecord,
    Field,
    InstructorGrant,
    Lesson,
    LessonIndicator,
    Module,
    Programme,
    Question,
)
from .permissions import forget_instructor
from .resources import ProgrammeResource


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["title"]}


class LessonInline(admin.TabularInline):
    model = Lesson
    fields = ["position", "title", "slug", "minutes"]
    show_change_link = True
    extra = 0


class QuestionInline(admin.TabularInline):
    model = Question
    fields = ["position", "text"]
    show_change_link = True
    extra = 0


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ["title", "field", "position", "is_published", "passing_percent"]
    list_filter = ["is_published", "field"]
    list_select_related = ["field"]
    search_fields = ["title", "title_de", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [LessonInline, QuestionInline]


class LessonIndicatorInline(admin.TabularInline):
    model = LessonIndicator
    extra = 1
    verbose_name = _("indicator key, e.g. cme-demo-2026:T2")


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["title", "file", "for_instructors"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            self.detected_type = attachment_content_type(upload)
        return upload


class AttachmentInline(admin.TabularInline):
    model = Attachment
    form = AttachmentForm
    extra = 0


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ["title", "module", "position", "minutes"]
    list_filter = ["module__field", "module"]
    list_select_related = ["module"]
    search_fields = ["title", "title_de", "body"]
    inlines = [LessonIndicatorInline, AttachmentInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not Attachment:
            return super().save_formset(request, form, formset, change)
        for inline_form in formset.forms:
            upload = inline_form.cleaned_data.get("file") if inline_form.cleaned_data else None
            if upload is not None and hasattr(inline_form, "detected_type"):
                inline_form.instance.content_type = inline_form.detected_type
                inline_form.instance.original_name = upload.name[:255]
                inline_form.instance.size = upload.size
        return super().save_formset(request, form, formset, change)


class ChoiceInline(admin.TabularInline):
    model = Choice
    fields = ["position", "text", "text_de", "is_correct", "feedback", "feedback_de"]
    extra = 0


class ChoiceFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        if sum(1 for f in kept if f.cleaned_data.get("is_correct")) != 1:
            raise forms.ValidationError(_("Mark exactly one answer as correct."))


ChoiceInline.formset = ChoiceFormSet


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "module", "position"]
    list_filter = ["module"]
    list_select_related = ["module"]
    inlines = [ChoiceInline]


class CaseStudyIndicatorInline(admin.TabularInline):
    model = CaseStudyIndicator
    extra = 1


@admin.register(CaseStudy)
class CaseStudyAdmin(admin.ModelAdmin):
    list_display = ["title", "cluster_name", "country", "is_fictional", "is_published"]
    list_filter = ["is_published", "is_fictional", "sector"]
    search_fields = ["title", "cluster_name", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CaseStudyIndicatorInline]


@admin.register(Programme)
class ProgrammeAdmin(ImportExportModelAdmin):
    resource_classes = [ProgrammeResource]
    formats = [CSV, XLSX]
    list_display = ["title", "provider", "country", "language", "format", "level", "last_checked"]
    list_filter = ["format", "level", "language", "country"]
    search_fields = ["title", "provider"]
    filter_horizontal = ["fields"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(InstructorGrant)
class InstructorGrantAdmin(admin.ModelAdmin):
    list_display = ["user", "granted_by", "granted_at", "note"]
    list_select_related = ["user", "granted_by"]
    autocomplete_fields = ["user"]
    readonly_fields = ["granted_by", "granted_at"]
    search_fields = ["user__email"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.granted_by = request.user
        super().save_model(request, obj, form, change)
        forget_instructor(obj.user)


@admin.register(CompletionRecord)
class CompletionRecordAdmin(admin.ModelAdmin):
    list_display = ["learner_name", "module_title", "score_percent", "issued_at"]
    list_select_related = ["module"]
    readonly_fields = ["public_id", "user", "module", "learner_name", "module_title", "score_percent", "pdf"]
    search_fields = ["learner_name", "user__email"]
