import uuid

from django.db import migrations, models


def give_public_ids(apps, schema_editor):
    NotificationDelivery = apps.get_model("clusterexcellence", "NotificationDelivery")
    for delivery in NotificationDelivery.objects.filter(public_id__isnull=True).only("pk"):
        NotificationDelivery.objects.filter(pk=delivery.pk).update(public_id=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("clusterexcellence", "0003_job_lease"),
    ]

    operations = [
        # A unique UUID for existing rows in three steps: nullable, filled one by one, then unique.
        migrations.AddField(
            model_name="notificationdelivery",
            name="public_id",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_public_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="notificationdelivery",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.RemoveIndex(model_name="notificationdelivery", name="clusterexce_recipie_752423_idx"),
        migrations.AddIndex(
            model_name="notificationdelivery",
            index=models.Index(fields=["recipient", "-sent_at"], name="delivery_recipient_sent"),
        ),
    ]
