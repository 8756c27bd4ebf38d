"""The programme catalogue's filters, shared by the page and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .choices import LANGUAGE_CHOICES, ProgrammeFormat, ProgrammeLevel
from .models import Field, Programme

QUERY_MAX = 200


class ProgrammeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=QUERY_MAX)
    country = django_filters.ChoiceFilter(label=_("Country"), choices=countries, empty_label=_("All countries"))
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=LANGUAGE_CHOICES, empty_label=_("All languages")
    )
    format = django_filters.ChoiceFilter(
        label=_("Format"), choices=ProgrammeFormat.choices, empty_label=_("All formats")
    )
    level = django_filters.ChoiceFilter(label=_("Level"), choices=ProgrammeLevel.choices, empty_label=_("All levels"))
    field = django_filters.ModelChoiceFilter(
        label=_("Field covered"),
        field_name="fields",
        queryset=Field.objects.all(),
        to_field_name="slug",
        empty_label=_("All fields"),
    )

    class Meta:
        model = Programme
        fields = ["q", "country", "language", "format", "level", "field"]

    def search(self, queryset, name, value):
        """Every word in the title, the provider or the description (the full search is on /training/search/)."""
        for word in value.split()[:10]:
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(provider__icontains=word)
                | Q(description__icontains=word)
                | Q(description_de__icontains=word)
            )
        return queryset
