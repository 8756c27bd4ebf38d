"""Django's form renderer, with the most common templates written in Python.

Every text input, textarea and label is rendered through two or three small templates (the
widget, its attributes, for an input also input.html); on a page with a form per indicator that
is a good part of the page's time. These functions produce exactly what Django's own templates
produce (tests/clusterexcellence/test_form_renderer.py compares them); every other template is
rendered by Django as before."""

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def _out(value) -> str:
    """`{{ value }}`: localized, then escaped unless safe."""
    return conditional_escape(localize(value))


def _formatted(value) -> str:
    """`{{ value|stringformat:'s' }}`: the plain str(), escaped."""
    return conditional_escape(str(value))


def _attrs(attrs: dict) -> str:
    return "".join(
        f" {_out(name)}" if value is True else f' {_out(name)}="{_formatted(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(context: dict) -> str:
    widget = context["widget"]
    value = "" if widget["value"] is None else f' value="{_formatted(widget["value"])}"'
    return f'<input type="{_out(widget["type"])}" name="{_out(widget["name"])}"{value}{_attrs(widget["attrs"])}>'


def _textarea(context: dict) -> str:
    widget = context["widget"]
    value = _out(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_out(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


def _label(context: dict) -> str:
    label = _out(context["label"])
    if not context["use_tag"]:
        return label
    tag = _out(context["tag"])
    return f"<{tag}{_attrs(context['attrs'])}>{label}</{tag}>"


_INPUTS = ("text", "number", "email", "url", "password", "hidden", "search", "tel", "date", "datetime", "time")
_IN_PYTHON = {
    **{f"django/forms/widgets/{name}.html": _input for name in _INPUTS},
    "django/forms/widgets/textarea.html": _textarea,
    "django/forms/label.html": _label,
}


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        in_python = _IN_PYTHON.get(template_name)
        if in_python is None:
            return super().render(template_name, context, request)
        return mark_safe(in_python(context))  # noqa: S308 - every value is escaped above
