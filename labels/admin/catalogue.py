"""Admin of the indicator catalogue: drafts are editable; published and superseded versions are not."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from labels.choices import FrameworkStatus
from labels.models import Area, Framework, Indicator
from labels.models.catalogue import framework_publish


def _editable(obj) -> bool:
    # obj is None on the add page: a new framework starts as a draft.
    return obj is None or obj.is_editable


class DraftOnlyInlineMixin:
    """Inlines follow their framework: editable only while it is a draft."""

    def has_add_permission(self, request, obj=None):
        return _editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return _editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return _editable(obj) and super().has_delete_permission(request, obj)


class AreaInline(DraftOnlyInlineMixin, admin.TabularInline):
    model = Area
    fields = ["position", "code", "title", "translations"]
    extra = 0


class IndicatorInline(DraftOnlyInlineMixin, admin.StackedInline):
    model = Indicator
    extra = 0
    fields = [
        ("position", "code", "area"),
        "title",
        "question",
        ("kind", "unit", "direction"),
        ("yellow", "green"),
        "levels",
        ("is_minimum", "is_eligibility", "is_gold", "points"),
        "evidence",
        "translations",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("area")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        area = formset.form.base_fields.get("area")
        if area is not None:
            # Only this framework's areas; the form class is built per request, so this is safe.
            area.queryset = Area.objects.filter(framework=obj) if obj else Area.objects.none()
        return formset


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["title", "code", "version", "status", "imported_at", "published_at"]
    list_filter = ["status", "code"]
    search_fields = ["code", "version", "title"]
    readonly_fields = ["status", "imported_at", "published_at"]
    fields = ["code", "version", "title", "status", "rules", "translations", "imported_at", "published_at"]
    inlines = [AreaInline, IndicatorInline]
    actions = ["publish"]

    def has_change_permission(self, request, obj=None):
        return _editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # Published versions are what assessments were scored against; they stay.
        return _editable(obj) and super().has_delete_permission(request, obj)

    @admin.action(description=_("Publish the selected drafts"), permissions=["publish"])
    def publish(self, request, queryset):
        published = 0
        for framework in queryset.order_by("imported_at", "pk"):
            if framework.status != FrameworkStatus.DRAFT:
                self.message_user(
                    request,
                    _("%(framework)s is not a draft and was left as it is.") % {"framework": framework},
                    messages.WARNING,
                )
                continue
            try:
                framework_publish(framework)
            except ValidationError as exc:
                self.message_user(
                    request,
                    _("%(framework)s was not published: %(errors)s")
                    % {"framework": framework, "errors": "; ".join(exc.messages)},
                    messages.ERROR,
                )
                continue
            published += 1
        if published:
            self.message_user(
                request,
                ngettext("%(count)d framework published.", "%(count)d frameworks published.", published)
                % {"count": published},
                messages.SUCCESS,
            )

    def has_publish_permission(self, request):
        # The action only ever changes drafts, so the model-level change permission is the right gate.
        return super().has_change_permission(request)
