"""Django admin for the secretariat: users with scheme roles, organisations, memberships."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from .forms import PROFILE_FIELDS, ServicesField, WebsiteField
from .models import ApiToken, AssessorProfile, Invitation, Membership, Organisation, User


class UserCreationAdminForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserChangeAdminForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user", "organisation"]
    fields = ["organisation", "user", "role", "joined_at", "left_at"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """The stock user admin, keyed by e-mail instead of username, with the scheme's role flags."""

    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    autocomplete_fields = ["declared_conflicts"]
    ordering = ["email"]
    search_fields = ["email", "first_name", "last_name"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_assessor", "is_board_member"]
    list_filter = ["is_staff", "is_assessor", "is_board_member", "is_superuser", "is_active"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name")}),
        (_("Scheme roles"), {"fields": ("is_assessor", "is_board_member")}),
        (_("Conflicts of interest"), {"fields": ("declared_conflicts",)}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
        (_("Scheme roles"), {"fields": ("is_staff", "is_assessor", "is_board_member")}),
    )

    def get_inlines(self, request, obj):
        # Memberships are added once the user exists; the add page stays the short e-mail form.
        return [MembershipInline] if obj else []


class OrganisationAdminForm(forms.ModelForm):
    services = ServicesField()

    class Meta:
        model = Organisation
        fields = ["slug", *PROFILE_FIELDS]
        field_classes = {"website": WebsiteField}


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    form = OrganisationAdminForm
    list_display = ["name", "slug", "country", "sector", "participants_total", "created_at"]
    list_filter = ["country", "sector", "legal_form"]
    search_fields = ["name", "slug", "region", "technologies", "contact_name", "contact_email"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["public_id", "created_at", "updated_at"]
    inlines = [MembershipInline]

    @admin.display(description=_("participants"))
    def participants_total(self, organisation):
        return organisation.participants_total


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Staff may correct memberships directly; the last-owner rule only binds the members' own pages."""

    list_display = ["user", "organisation", "role", "joined_at", "left_at"]
    list_filter = ["role", ("left_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__email", "organisation__name", "organisation__slug"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "invited_by", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role", ("accepted_at", admin.EmptyFieldListFilter)]
    search_fields = ["email", "organisation__name"]
    autocomplete_fields = ["organisation", "invited_by"]
    readonly_fields = ["token", "created_at", "accepted_at"]
    list_select_related = ["organisation", "invited_by"]


@admin.register(AssessorProfile)
class AssessorProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "certified_on"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]
    list_select_related = ["user"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Staff may see and revoke (delete) tokens; the key itself is never stored, so never shown."""

    list_display = ["user", "name", "prefix", "created_at", "last_used_at", "expires_at"]
    search_fields = ["user__email", "name", "prefix"]
    list_select_related = ["user"]
    readonly_fields = ["user", "name", "prefix", "created_at", "last_used_at", "expires_at"]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False
