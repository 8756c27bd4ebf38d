"""Forms of the training area: a quiz attempt and the training-needs survey. They validate input only;
the rules (a choice belongs to its question, one answer a year) live in the domain functions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import LANGUAGE_CHOICES, NeedLevel, ProgrammeFormat


class QuizForm(forms.Form):
    """One radio group per question; the choices carry no hint of which is correct."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"question_{question.pk}"] = forms.TypedChoiceField(
                label=question.text_i18n,
                choices=[(choice.pk, choice.text_i18n) for choice in question.choices.all()],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose one of the answers to this question.")},
            )

    def answers(self) -> dict[int, int]:
        return {question.pk: self.cleaned_data[f"question_{question.pk}"] for question in self.questions}


class NeedsSurveyForm(forms.Form):
    formats = forms.MultipleChoiceField(
        label=_("Which formats suit you?"), choices=ProgrammeFormat.choices, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label=_("In which languages would you take training?"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, fields, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey_fields = fields
        for field in fields:
            self.fields[f"need_{field.pk}"] = forms.TypedChoiceField(
                label=field.title_i18n,
                choices=NeedLevel.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Rate your need in this field.")},
            )

    def need_fields(self):
        return [self[f"need_{field.pk}"] for field in self.survey_fields]

    def needs(self) -> dict[int, int]:
        return {field.pk: self.cleaned_data[f"need_{field.pk}"] for field in self.survey_fields}
