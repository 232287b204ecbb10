from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("reminders", "0002_push"),
    ]

    operations = [
        migrations.AddField(
            model_name="reminder",
            name="language",
            field=models.CharField(default="en", max_length=10),
        ),
    ]
