"""The expiry reminders already sent, one row per label and kind, so a rerun sends nothing twice."""

from django.db import models


class LabelReminder(models.Model):
    """The expiry reminder `kind` (see labels/expiry_reminders.py) of a label was sent."""

    label = models.ForeignKey("labels.Label", on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10)
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["label", "kind"], name="one_reminder_per_label_and_kind")]

    def __str__(self):
        return f"{self.label_id} {self.kind}"
