"""Forms of benchmarking: writing a practice note and declining one. Rules live in practice_notes.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import BODY_MAX, REASON_MAX, TITLE_MAX


class PracticeNoteForm(forms.Form):
    indicator = forms.ChoiceField(label=_("Indicator"))
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    body = forms.CharField(
        label=_("Your practice"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "What you do and how, so that others can learn from it. Plain text; **bold**, *italic* and lists "
            "(lines starting with - or 1.) are formatted. Staff read every note before it is published."
        ),
    )
    attributed = forms.BooleanField(
        label=_("Name our organisation as the author"),
        required=False,
        help_text=_("Without it, readers see only that an organisation rated green on this indicator wrote it."),
    )

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(i.key, f"{i.code} {i.title}") for i in indicators]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it is not published"), max_length=REASON_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
