from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "lumbar.journal"
    label = "journal"
