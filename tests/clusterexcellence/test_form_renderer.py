"""The Python versions of Django's widget and label templates (clusterexcellence.form_renderer)
write exactly what Django's templates write."""

from decimal import Decimal

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils import translation

from clusterexcellence.form_renderer import FormRenderer

TRICKY = 'a "quoted" <b>value</b> & more'


class Everything(forms.Form):
    text = forms.CharField(max_length=40, help_text="Help", widget=forms.TextInput(attrs={"inputmode": "decimal"}))
    optional = forms.CharField(required=False, label=TRICKY)
    number = forms.DecimalField(min_value=0, required=False)
    email = forms.EmailField(widget=forms.EmailInput(attrs={"autocomplete": "off", "disabled": True}))
    url = forms.URLField(required=False, assume_scheme="https", widget=forms.URLInput(attrs={"hidden": False}))
    password = forms.CharField(widget=forms.PasswordInput(render_value=True))
    hidden = forms.CharField(widget=forms.HiddenInput)
    date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2, "maxlength": 5000}))
    amount = forms.DecimalField(required=False, widget=forms.Textarea)
    choice = forms.ChoiceField(choices=[("", "—"), ("yes", "Yes")], required=False)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"text": TRICKY, "optional": "", "number": "1,5", "email": "x", "comment": TRICKY, "password": "p<>"},
        {"text": "", "comment": "", "hidden": "0", "date": "2026-01-01"},
    ],
)
@pytest.mark.parametrize("label_suffix", [None, ""])
@pytest.mark.parametrize("language", ["en", "de"])
def test_every_field_renders_as_djangos_templates_render_it(data, label_suffix, language):
    def rendered(renderer):
        initial = {"text": "init", "number": Decimal("3.5"), "amount": Decimal("1234.5")}
        form = Everything(data, initial=initial, renderer=renderer, label_suffix=label_suffix)
        if data is not None:
            form.is_valid()
        return [(str(field.label_tag()), str(field), str(field.legend_tag())) for field in form] + [form.as_div()]

    with translation.override(language):
        assert rendered(FormRenderer()) == rendered(DjangoTemplates())
