from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "lumbar.exports"
    label = "exports"
