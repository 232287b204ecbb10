import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Reminder",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("weekdays", models.JSONField(default=list)),
                ("at", models.TimeField()),
                ("time_zone", models.CharField(max_length=64)),
                ("paused", models.BooleanField(default=False)),
                ("feed_key_hash", models.CharField(blank=True, db_index=True, max_length=64)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("user", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="reminder",
                                              to=settings.AUTH_USER_MODEL)),
            ],
        ),
    ]
