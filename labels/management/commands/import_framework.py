"""manage.py import_framework FILE.yaml [--draft] [--if-missing]: import an indicator catalogue."""

from django.core.management.base import BaseCommand, CommandError

from labels.catalogue_import import CatalogueError, catalogue_identity, framework_import
from labels.models import Framework
from labels.models.catalogue import framework_summary


class Command(BaseCommand):
    help = "Import an indicator catalogue (YAML) as a new framework version; published unless --draft."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the catalogue file, e.g. labels/data/cme-demo-2026.yaml")
        parser.add_argument("--draft", action="store_true", help="import as a draft to review in admin first")
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="do nothing when this code and version are already imported (for repeatable seeding)",
        )

    def handle(self, *args, file, draft, if_missing, **options):
        try:
            if if_missing:
                identity = catalogue_identity(file)
                if identity and Framework.objects.filter(code=identity[0], version=identity[1]).exists():
                    self.stdout.write(f"{identity[0]} version {identity[1]} is already imported; nothing to do.")
                    return
            framework = framework_import(file, publish=not draft)
        except CatalogueError as exc:
            # CommandError prints the message and exits with status 1, without a traceback.
            count = len(exc.errors)
            raise CommandError(f"the catalogue was not imported ({count} problem{'s' * (count != 1)}):\n{exc}") from exc
        summary = framework_summary(framework)
        self.stdout.write(
            self.style.SUCCESS(f"Imported {framework.code} version {framework.version} as {framework.status}: ")
            + f"{summary['areas']} areas, {summary['indicators']} indicators, "
            f"{summary['gold']} gold indicators with {summary['gold_points']} points, "
            f"{summary['minimum']} minimum requirements, {summary['eligibility']} eligibility criteria."
        )
