"""manage.py load_training_content: the modules, case studies and programmes written for the portal."""

from django.core.management.base import BaseCommand

from training.content import content_load


class Command(BaseCommand):
    help = "Load the training content shipped in training/content/ (existing items are left as they are)."

    def handle(self, *args, **options):
        loaded = content_load()
        self.stdout.write(
            f"Training content: {loaded.fields} fields, {loaded.modules} modules, "
            f"{loaded.case_studies} case studies and {loaded.programmes} programmes created."
        )
