from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "lumbar.reminders"
    label = "reminders"
