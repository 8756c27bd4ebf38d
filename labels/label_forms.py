"""Forms of the awarded labels: the board's public reason and the register's filters. Shape only;
the rules live in labels/label_records.py and labels/label_register.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.choices import Sector

from .choices import Level
from .models import PUBLIC_REASON_MAX_LENGTH

SEARCH_MAX_LENGTH = 100


class LabelReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Public reason"),
        max_length=PUBLIC_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the public verification page."),
    )


class RegisterFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=SEARCH_MAX_LENGTH, required=False)
    country = forms.CharField(label=_("Country"), max_length=2, required=False)
    sector = forms.ChoiceField(label=_("Sector portfolio"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", _("All sectors")), *Sector.choices]
        self.fields["level"].choices = [("", _("All levels")), *Level.choices]
        self.fields["country"].widget = forms.Select(choices=[("", _("All countries")), *countries])

    def clean_country(self):
        return self.cleaned_data["country"].upper()
