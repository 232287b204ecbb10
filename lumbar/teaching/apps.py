from django.apps import AppConfig


class TeachingConfig(AppConfig):
    name = "lumbar.teaching"
    label = "teaching"
