"""Forms of the organisation's side of an assessment. They check the shape of the input only;
the rules (which level, which values, which files) live in transitions.py and answers.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import Level
from .models import COMMENT_MAX_LENGTH
from .values import MAX_TEXT_LENGTH, parse_value

TAGLINES = {
    Level.BRONZE: _("Striving for Cluster Excellence"),
    Level.SILVER: _("Dedicated to Cluster Excellence"),
    Level.GOLD: _("Proven for Cluster Excellence"),
}


class ApplicationForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Label level"),
        choices=Level.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose Bronze, Silver or Gold."), "invalid_choice": _("Choose from the list.")},
    )
    renewal = forms.BooleanField(
        label=_("This is a renewal of a label we hold"),
        required=False,
        help_text=_("A renewal soon after the label expires continues it without a gap."),
    )

    def level_options(self):
        """(value, label, tagline, checked) per level, for radio buttons with their tagline."""
        chosen = self["level"].value()
        return [(value, label, TAGLINES[value], value == chosen) for value, label in Level.choices]


class AnswerForm(forms.Form):
    """One answer as typed on a page: the value is read in the page's language ("12,5" in German)
    by labels.values.parse_value, which also checks its kind and range."""

    # Text, not a number input: a browser sends "" for input it cannot read as a number, which would
    # silently clear the saved answer instead of explaining the problem.
    value = forms.CharField(label=_("Value"), required=False, max_length=MAX_TEXT_LENGTH, strip=True)
    comment = forms.CharField(label=_("Comment"), required=False, max_length=COMMENT_MAX_LENGTH)

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator

    def clean_value(self):
        return parse_value(self.indicator, self.cleaned_data["value"], localized=True)


class EvidenceUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Add a document"),
        max_length=255,
        error_messages={"required": _("Choose a file to upload."), "empty": _("The file is empty.")},
    )


class SubmitForm(forms.Form):
    """The second step of submitting: the answers freeze only once the person ticks the box."""

    confirm = forms.BooleanField(
        label=_("I have checked the provisional score and the unmet requirements; freeze the answers and submit."),
        error_messages={
            "required": _("Not submitted: tick the box to confirm that your answers may be frozen, then submit again.")
        },
    )


class ResubmitForm(forms.Form):
    note = forms.CharField(
        label=_("Note for the assessors (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ImprovementAreasForm(forms.Form):
    """The Silver improvement areas: `count` rows of an indicator and a description."""

    def __init__(self, *args, indicators, count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = {indicator.code: indicator for indicator in indicators}
        choices = [("", _("Choose an indicator"))] + [
            (indicator.code, f"{indicator.code} · {indicator.title_i18n}") for indicator in indicators
        ]
        self.count = count
        for number in range(1, count + 1):
            self.fields[f"indicator_{number}"] = forms.ChoiceField(
                label=_("Indicator"),
                choices=choices,
                required=False,
                error_messages={"invalid_choice": _("Choose an indicator from the list.")},
            )
            self.fields[f"description_{number}"] = forms.CharField(
                label=_("What you improve and how"),
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def rows(self):
        """(number, indicator field, description field) per improvement area."""
        return [(n, self[f"indicator_{n}"], self[f"description_{n}"]) for n in range(1, self.count + 1)]

    def clean(self):
        cleaned = super().clean()
        items = []
        for number in range(1, self.count + 1):
            code = cleaned.get(f"indicator_{number}")
            description = (cleaned.get(f"description_{number}") or "").strip()
            if code and not description:
                self.add_error(f"description_{number}", _("Describe the improvement."))
            elif description and not code:
                self.add_error(f"indicator_{number}", _("Choose the indicator this improvement is about."))
            elif code:
                items.append((self.indicators[code], description))
        cleaned["items"] = items
        return cleaned

    @classmethod
    def initial_for(cls, areas) -> dict:
        """The form's initial data from the stored improvement areas."""
        initial = {}
        for number, area in enumerate(areas, start=1):
            initial[f"indicator_{number}"] = area.indicator.code
            initial[f"description_{number}"] = area.description
        return initial
