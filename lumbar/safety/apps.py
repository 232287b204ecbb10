from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "lumbar.safety"
    label = "safety"
