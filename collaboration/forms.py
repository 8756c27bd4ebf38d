"""Forms of the collaboration pages: they validate input; the domain functions decide."""

from datetime import time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from accounts.choices import PARTICIPANT_TYPES, Sector
from accounts.models import Organisation

from .choices import OPTIONAL_FIELDS, PostingKind, SearchScope
from .models.matchmaking import TEXT_MAX
from .models.postings import DESCRIPTION_MAX, MESSAGE_MAX, TITLE_MAX
from .models.searches import NAME_MAX
from .postings import topics_parse
from .search import QUERY_MAX, SearchFilters

LEVEL_CHOICES = [("gold", _("Gold")), ("silver", _("Silver")), ("bronze", _("Bronze"))]


class SearchForm(forms.Form):
    """The filters of the directory and of the partner search (GET); bad values are errors, not 500s."""

    q = forms.CharField(label=_("Search"), max_length=QUERY_MAX, required=False)
    country = forms.MultipleChoiceField(label=_("Country"), choices=countries, required=False)
    sector = forms.MultipleChoiceField(label=_("Sector"), choices=Sector.choices, required=False)
    participant_type = forms.MultipleChoiceField(
        label=_("Participant types"),
        choices=PARTICIPANT_TYPES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Organisations with participants of any of these types."),
    )
    level = forms.MultipleChoiceField(
        label=_("Label"), choices=LEVEL_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    kind = forms.MultipleChoiceField(
        label=_("Posting type"), choices=PostingKind.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    scope = forms.ChoiceField(label=_("Show"), choices=SearchScope.choices, required=False)

    def filters(self) -> SearchFilters:
        """The filters of a bound form; invalid fields are left out (and shown as errors)."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        return SearchFilters.from_query(data)


class VisibilityForm(forms.Form):
    """One checkbox per optional profile part: ticked means the public sees it."""

    def __init__(self, *args, visibility, **kwargs):
        super().__init__(*args, **kwargs)
        for field in OPTIONAL_FIELDS:
            self.fields[field.key] = forms.BooleanField(
                label=field.label, required=False, initial=visibility.is_public(field.key)
            )


class PostingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=PostingKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    description = forms.CharField(label=_("Description"), max_length=DESCRIPTION_MAX, widget=forms.Textarea)
    topics = forms.CharField(
        label=_("Topics"),
        required=False,
        max_length=700,
        help_text=_("Separate topics with commas, e.g. hydrogen, logistics."),
    )
    sectors = forms.MultipleChoiceField(label=_("Sectors"), choices=Sector.choices, widget=forms.CheckboxSelectMultiple)
    countries = forms.MultipleChoiceField(
        label=_("Target countries"),
        choices=countries,
        required=False,
        help_text=_("Leave empty for all of Europe. Hold Ctrl (Cmd on a Mac) to choose several."),
    )
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean_topics(self):
        return topics_parse(self.cleaned_data["topics"])

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        return deadline


class PostingOrganisationForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("On behalf of"), queryset=Organisation.objects.none())

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()


class InterestForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("On behalf of"), queryset=Organisation.objects.none())
    message = forms.CharField(
        label=_("Your message to the poster"), max_length=MESSAGE_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = None


class SavedSearchForm(forms.Form):
    name = forms.CharField(label=_("Name of the search"), max_length=NAME_MAX)
    notify = forms.BooleanField(label=_("E-mail me new matches (checked daily)"), required=False, initial=True)


class EventForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), max_length=5000, required=False, widget=forms.Textarea)
    location = forms.CharField(label=_("Location"), max_length=200, required=False)
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    first_start = forms.TimeField(label=_("First meeting starts at"), initial=time(9, 0))
    minutes = forms.IntegerField(label=_("Minutes per meeting"), min_value=5, max_value=240, initial=20)
    pause_minutes = forms.IntegerField(label=_("Minutes between meetings"), min_value=0, max_value=120, initial=5)
    count = forms.IntegerField(label=_("Number of time slots"), min_value=1, max_value=60, initial=12)


class ParticipantForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Representing"), queryset=Organisation.objects.none(), required=False)
    offers = forms.CharField(
        label=_("What I offer"), max_length=TEXT_MAX, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    looking_for = forms.CharField(
        label=_("What I am looking for"), max_length=TEXT_MAX, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class MeetingRequestForm(forms.Form):
    slot = forms.ModelChoiceField(label=_("Time slot"), queryset=None)
    message = forms.CharField(
        label=_("Message"), max_length=TEXT_MAX, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots
        self.fields["slot"].empty_label = None
