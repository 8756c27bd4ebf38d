"""Forms of the appeals: shape and limits only; the rules live in labels/appeals.py."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import APPEAL_DECISION_MAX_LENGTH, APPEAL_DOCUMENTS_MAX, APPEAL_REASON_MAX_LENGTH


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (the documents of an appeal); their types are checked by the domain."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class AppealForm(forms.Form):
    reason = forms.CharField(
        label=_("Grounds of the appeal"),
        max_length=APPEAL_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Why the decision should change. The label board reads it with the documents."),
    )
    documents = MultipleFileField(label=_("Documents (optional)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].help_text = gettext("Up to %(count)s files: PDF, PNG, JPEG or Office documents.") % {
            "count": APPEAL_DOCUMENTS_MAX
        }


class AppealDecisionForm(forms.Form):
    decision = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("uphold", _("Uphold the appeal")), ("dismiss", _("Dismiss the appeal"))],
        coerce=lambda value: value == "uphold",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=APPEAL_DECISION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "The organisation reads it; upheld against a suspension or revocation, it enters the label's history."
        ),
    )
