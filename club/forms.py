"""Forms of the club's pages; they validate input, the rules live in the domain modules."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from accounts.choices import Sector

from .choices import LANGUAGES
from .models import ClubMembership, Message, Profile
from .models.membership import DECISION_MESSAGE_MAX
from .models.messages import REPORT_MAX
from .models.profiles import EXPERTISE_TAG_MAX, EXPERTISE_TAGS_MAX


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = ClubMembership
        fields = ["name", "organisation", "role", "motivation"]
        labels = {"motivation": _("Why do you want to join?")}
        help_texts = {
            "organisation": _("The cluster organisation you work for."),
            "role": _("For example: cluster manager, project manager, board member."),
        }
        widgets = {"motivation": forms.Textarea(attrs={"rows": 5})}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the applicant"),
        max_length=DECISION_MESSAGE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the applicant by e-mail; required when you decline."),
    )


class ExpertiseField(forms.CharField):
    """Comma-separated terms in the form, a list in the model."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        terms = [term.strip() for term in (value or "").split(",") if term.strip()]
        return list(dict.fromkeys(terms))

    def validate(self, value):
        if len(value) > EXPERTISE_TAGS_MAX:
            raise forms.ValidationError(_("At most %(count)s terms.") % {"count": EXPERTISE_TAGS_MAX})
        if any(len(term) > EXPERTISE_TAG_MAX for term in value):
            raise forms.ValidationError(
                _("Each term has at most %(length)s characters.") % {"length": EXPERTISE_TAG_MAX}
            )


class ProfileForm(forms.ModelForm):
    expertise = ExpertiseField(
        label=_("Expertise"), required=False, help_text=_("Up to 10 terms, separated by commas.")
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you work in"), choices=LANGUAGES, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Profile
        fields = [
            "name",
            "headline",
            "organisation",
            "country",
            "sector",
            "years_in_cluster_management",
            "expertise",
            "languages",
            "bio",
            "bio_format",
            "visibility",
            "featured",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 8}), "visibility": forms.RadioSelect}
        help_texts = {
            "bio_format": _("Markdown allows *emphasis*, lists and links; images and HTML are removed."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["languages"] = self.instance.language_codes

    def clean_languages(self):
        return ",".join(self.cleaned_data["languages"])


class PhotoForm(forms.Form):
    photo = forms.FileField(label=_("Photo"), help_text=_("JPEG, PNG, WebP or GIF; it is cropped to a square."))


class MessageForm(forms.ModelForm):
    class Meta:
        model = Message
        fields = ["subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this message?"), max_length=REPORT_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )


class DirectoryForm(forms.Form):
    """The directory's search and filters (GET); an unknown choice is ignored rather than an error page."""

    q = forms.CharField(label=_("Name, expertise or organisation"), max_length=100, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        self.fields["country"].choices = anything + list(countries)
        self.fields["language"].choices = anything + LANGUAGES
        self.fields["sector"].choices = anything + list(Sector.choices)
