"""Send again the background jobs whose worker died (what Celery beat does every minute)."""

from django.core.management.base import BaseCommand

from clusterexcellence.jobs import jobs_sweep


class Command(BaseCommand):
    help = "Send again every running job whose lease ran out (its worker died); fail those that wore out."

    def handle(self, *args, **options):
        sent = jobs_sweep()
        self.stdout.write(f"{sent} stalled job(s) sent again.")
