"""The programme catalogue as a spreadsheet (CSV or Excel): django-import-export's description of the columns.

Rows are matched by `slug`; `fields` lists the slugs of the fields covered, comma-separated. Every row
is validated like the admin form; one bad row and nothing is imported (the preview lists the errors)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.fields import Field as Column

from .models import Field, Programme

COLUMNS = (
    "slug",
    "title",
    "provider",
    "country",
    "language",
    "format",
    "duration",
    "level",
    "fields_covered",
    "url",
    "last_checked",
    "description",
    "description_de",
)


class StrictManyToManyWidget(widgets.ManyToManyWidget):
    """Unknown field slugs are an error, not silently dropped."""

    def clean(self, value, row=None, **kwargs):
        slugs = [slug.strip() for slug in str(value or "").split(self.separator) if slug.strip()]
        found = list(self.model.objects.filter(slug__in=slugs))
        unknown = sorted(set(slugs) - {field.slug for field in found})
        if unknown:
            raise ValueError(_("Unknown field(s): %(slugs)s") % {"slugs": ", ".join(unknown)})
        return found


class ProgrammeResource(resources.ModelResource):
    fields_covered = Column(
        attribute="fields", column_name="fields", widget=StrictManyToManyWidget(Field, field="slug", separator=",")
    )
    # Empty spreadsheet cells arrive as None; the texts are optional but never NULL.
    description = Column(attribute="description", column_name="description", widget=widgets.CharWidget())
    description_de = Column(attribute="description_de", column_name="description_de", widget=widgets.CharWidget())
    last_checked = Column(
        attribute="last_checked", column_name="last_checked", widget=widgets.DateWidget(format="%Y-%m-%d")
    )

    class Meta:
        model = Programme
        import_id_fields = ("slug",)
        fields = COLUMNS
        export_order = COLUMNS
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True  # full_clean(): lengths, choices, URL, required columns
        use_transactions = True

    def before_import(self, dataset, **kwargs):
        headers = dataset.headers or []
        missing = [column for column in ("slug", "title", "provider", "country", "language") if column not in headers]
        if missing:
            raise ValidationError(_("Columns missing from the file: %(columns)s") % {"columns": ", ".join(missing)})

    def import_instance(self, instance, row, **kwargs):
        """Check the fields column with the others, so an unknown slug is a row error in the preview
        (django-import-export sets many-to-many columns only after saving)."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.error_dict
        try:
            self.fields["fields_covered"].clean(row, **kwargs)
        except ValueError as error:
            errors["fields"] = [ValidationError(str(error), code="invalid")]
        if errors:
            raise ValidationError(errors)

    def dehydrate_country(self, programme):
        return programme.country.code
