from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "lumbar.content"
    label = "content"
