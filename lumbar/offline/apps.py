from django.apps import AppConfig


class OfflineConfig(AppConfig):
    name = "lumbar.offline"
    label = "offline"
