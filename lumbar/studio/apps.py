from django.apps import AppConfig


class StudioConfig(AppConfig):
    name = "lumbar.studio"
    label = "studio"
