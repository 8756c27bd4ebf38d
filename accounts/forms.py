"""Forms for organisation profiles and memberships; they validate input, the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import PARTICIPANT_TYPES, MembershipRole, ServiceCategory
from .models import Organisation, User
from .slugs import slug_is_taken

PARTICIPANT_FIELDS = [f"participants_{key}" for key, _label in PARTICIPANT_TYPES]

PROFILE_FIELDS = [
    "name",
    "legal_form",
    "country",
    "region",
    "sector",
    "technologies",
    "year_founded",
    "staff_fte",
    *PARTICIPANT_FIELDS,
    "website",
    "description",
    "services",
    "contact_name",
    "contact_email",
    "contact_phone",
]


class ServicesField(forms.MultipleChoiceField):
    """The services offered, stored as a list of ServiceCategory values."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", ServiceCategory.choices)
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Services offered"))
        super().__init__(**kwargs)


class WebsiteField(forms.URLField):
    """A URL field that reads `example.org` as https://example.org (Django 6's default)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class OrganisationForm(forms.ModelForm):
    """The organisation profile, as its owners and editors maintain it."""

    services = ServicesField()

    class Meta:
        model = Organisation
        fields = PROFILE_FIELDS
        field_classes = {"website": WebsiteField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "year_founded": forms.NumberInput(attrs={"min": 1900, "max": 2100}),
            "staff_fte": forms.NumberInput(attrs={"min": 0, "step": "0.1"}),
            **{name: forms.NumberInput(attrs={"min": 0}) for name in PARTICIPANT_FIELDS},
        }

    def participant_fields(self):
        return [self[name] for name in PARTICIPANT_FIELDS]

    def general_fields(self):
        return [self[name] for name in ("name", "legal_form", "country", "region", "sector", "technologies")]

    def size_fields(self):
        return [self[name] for name in ("year_founded", "staff_fte")]

    def presentation_fields(self):
        return [self[name] for name in ("website", "description")]

    def contact_fields(self):
        return [self[name] for name in ("contact_name", "contact_email", "contact_phone")]


class OrganisationCreateForm(OrganisationForm):
    """The profile plus the short name in addresses, chosen once: links must keep working."""

    slug = forms.SlugField(
        label=_("Short name in addresses"),
        max_length=80,
        required=False,
        # Left empty, organisation_create derives it from the name when it stores the organisation.
        help_text=_("Lower-case letters, digits and hyphens. Leave empty to derive it from the name."),
    )

    class Meta(OrganisationForm.Meta):
        fields = ["slug", *PROFILE_FIELDS]

    def general_fields(self):
        return [self["name"], self["slug"], *super().general_fields()[1:]]

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "").lower()
        if slug and slug_is_taken(slug):
            raise forms.ValidationError(_("This short name is already taken. Please choose another."))
        return slug


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices, initial=MembershipRole.VIEWER)


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)


class LanguageForm(forms.ModelForm):
    """The language of the e-mails the portal sends the user."""

    class Meta:
        model = User
        fields = ["language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = self.fields["language"]
        language.required = True
        language.choices = [(code, name) for code, name in language.choices if code]
