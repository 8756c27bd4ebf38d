"""Forms of the secretariat, assessor and board pages. They check the shape of the input only;
the rules (conflicts, the number of assessors, levels) live in the transition functions."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .choices import IndicatorKind, Level
from .models import COMMENT_MAX_LENGTH, SUMMARY_MAX_LENGTH, Recommendation
from .values import MAX_TEXT_LENGTH, format_number, parse_value

LEVEL_ORDER = [Level.BRONZE, Level.SILVER, Level.GOLD]


def assessor_candidates():
    """Every active certified assessor, in a stable order, with the profile the page shows."""
    return (
        get_user_model()
        .objects.filter(is_assessor=True, is_active=True)
        .select_related("assessor_profile")
        .order_by("last_name", "first_name", "email")
    )


class AssignForm(forms.Form):
    assessors = forms.ModelMultipleChoiceField(
        label=_("Assessors"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose the assessors."), "invalid_choice": _("Choose from the list.")},
    )

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessors"].queryset = candidates if candidates is not None else assessor_candidates()


def _value_field(indicator) -> forms.Field:
    """A verified-value field that fits the indicator's kind; parsing happens in the domain."""
    if indicator.kind == IndicatorKind.BOOLEAN:
        return forms.ChoiceField(
            label=_("Verified value"), required=False, choices=[("", "—"), ("yes", _("Yes")), ("no", _("No"))]
        )
    if indicator.kind == IndicatorKind.SCALE:
        steps = list(indicator.levels_i18n or [])
        choices = [("", "—")] + [
            (str(step), f"{step} – {steps[step]}" if step < len(steps) else str(step)) for step in range(5)
        ]
        return forms.ChoiceField(label=_("Verified value"), required=False, choices=choices)
    # A text input keeps whatever was typed (e.g. "45 %" or "1,5") so the error can explain it.
    return forms.CharField(
        label=_("Verified value"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


def initial_value(indicator, value) -> str:
    """The stored Decimal as the field shows it."""
    if value is None:
        return ""
    if indicator.kind == IndicatorKind.BOOLEAN:
        return "yes" if value == 1 else "no"
    return format_number(value)


class ReviewForm(forms.Form):
    """One indicator's verified value and comment; prefixed by the code so many fit on one page."""

    comment = forms.CharField(
        label=_("Assessor's comment"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, indicator, review=None, **kwargs):
        kwargs.setdefault("prefix", f"review-{indicator.code}")
        if review is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "verified_value": initial_value(indicator, review.verified_value),
                "comment": review.comment,
            }
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.fields = {"verified_value": _value_field(indicator), **self.fields}

    def clean_verified_value(self):
        """The value read in the page's language ("12,5" in German); kind and range are checked too."""
        return parse_value(self.indicator, self.cleaned_data["verified_value"], localized=True)


class ClarifyForm(forms.Form):
    indicators = forms.ModelMultipleChoiceField(
        label=_("Indicators to clarify"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        to_field_name="code",
        error_messages={"required": _("Name at least one indicator.")},
    )
    message = forms.CharField(
        label=_("Message to the organisation"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Say what is unclear and which evidence would help."),
    )

    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].queryset = assessment.framework.indicators.select_related("area").order_by(
            "area__position", "position"
        )


class InterviewForm(forms.Form):
    interview_date = forms.DateField(
        label=_("Interview or visit date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


class ImprovementValidateForm(forms.Form):
    validated = forms.TypedChoiceField(
        label=_("Your verdict"),
        choices=[("yes", _("Validated")), ("no", _("Rejected"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=COMMENT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )


def recommendation_choices(applied_level: str) -> list[tuple[str, str]]:
    """Gold, Silver, Bronze down from the applied level, then no label."""
    allowed = LEVEL_ORDER[: LEVEL_ORDER.index(applied_level) + 1]
    return [(level.value, level.label) for level in reversed(allowed)] + [
        (Recommendation.NONE.value, Recommendation.NONE.label)
    ]


class RecommendForm(forms.Form):
    level = forms.ChoiceField(label=_("Recommended level"), widget=forms.RadioSelect)
    summary = forms.CharField(
        label=_("Summary for the board"),
        max_length=SUMMARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Strengths, weaknesses and why this level."),
    )

    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = recommendation_choices(assessment.level)


class DecideForm(forms.Form):
    decision = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        coerce=lambda value: value == "approve",
        widget=forms.RadioSelect,
    )
    level = forms.ChoiceField(
        label=_("Level to award"),
        required=False,
        help_text=_("The assessors disagree: name the level the board awards when it approves."),
    )
    reason = forms.CharField(label=_("Reason"), max_length=SUMMARY_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, recommended_levels=(), disagree=False, **kwargs):
        super().__init__(*args, **kwargs)
        if disagree:
            levels = [c for c in Recommendation if c.value in recommended_levels and c != Recommendation.NONE]
            self.fields["level"].choices = [("", "—")] + [(c.value, c.label) for c in levels]
        else:
            del self.fields["level"]
